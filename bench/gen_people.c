/* The people: who they are, their risk and tier, their orders, and the
 * officer who holds each case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_out.h"
#include "gen_world.h"

/* A case a PSO or trainee should not hold (DOMAIN.md section 6). */
static bool needs_qualified(const gen_person *p)
{
    return !strcmp(p->rosh, "RHRH") || !strcmp(p->rosh, "RVHR") || p->mlvl >= 2 ||
           (p->flags & (1u << gen_flag_index("ARSO"))) || p->tier[0] == 'A' || p->tier[0] == 'B';
}

static void set_tier(gen_person *p)
{
    /* Legacy tier: letter from risk-of-harm points, digit for needs (DOMAIN.md 6). */
    int pts = 0;
    if (!strcmp(p->rosh, "RVHR"))
        pts += 150;
    else if (!strcmp(p->rosh, "RHRH"))
        pts += 20;
    else if (!strcmp(p->rosh, "RMRH"))
        pts += 10;
    pts += p->mlvl >= 2 ? 150 : p->mlvl == 1 ? 5 : 0;
    static const char *const COMPLEX[] = {"ADVP", "RCPR", "ALSH", "AMHL", "WEAP", "STRG", "RVAD"};
    for (size_t i = 0; i < NELEM(COMPLEX); i++)
        if (p->flags & (1u << gen_flag_index(COMPLEX[i])))
            pts += 2;
    char letter = pts >= 150 ? 'A' : pts >= 20 ? 'B' : pts >= 10 ? 'C' : 'D';
    snprintf(p->tier, sizeof p->tier, "%c%d", letter, gen_rnd(4));
}

static void random_risk(gen_person *p)
{
    p->rosh = GEN_PICKW(ROSH_MIX);
    bool high = !strcmp(p->rosh, "RHRH") || !strcmp(p->rosh, "RVHR");
    if (gen_chance(high ? 0.35 : 0.05)) {
        int c = gen_rnd(100), l = gen_rnd(100);
        p->mcat = c < 55 ? 1 : c < 95 ? 2 : c < 99 ? 3 : 4;
        p->mlvl = l < 85 ? 1 : l < 97 ? 2 : 3;
    }
    for (size_t i = 0; i < NFLAGS; i++) {
        double pr = FLAG_MIX[i].p;
        if (high && (!strcmp(FLAG_MIX[i].code, "AV2S") || !strcmp(FLAG_MIX[i].code, "WEAP")))
            pr *= 3;
        if (p->mcat == 1 && !strcmp(FLAG_MIX[i].code, "ARSO"))
            pr = 0.9;
        if (p->mcat == 4 && !strcmp(FLAG_MIX[i].code, "RTAO"))
            pr = 1;
        if (gen_chance(pr)) {
            p->flags |= 1u << i;
            p->flaglevel[i] = "LMMMHHV"[gen_rnd(high ? 7 : 5)];
        }
    }
}

static void add_orders(gen_world *w, gen_person *p)
{
    int n = gen_chance(0.70) ? 1 : gen_chance(0.8) ? 2 : 3;
    p->first_order = w->norders;
    p->norders = n;
    cl_date base = w->o.base;
    for (int k = 0; k < n; k++) {
        if (w->norders == w->orders_cap) {
            w->orders_cap = w->orders_cap ? w->orders_cap * 2 : 1024;
            w->orders = realloc(w->orders, (size_t)w->orders_cap * sizeof *w->orders);
            if (!w->orders)
                gen_die("out of memory");
        }
        gen_order *r = &w->orders[w->norders];
        memset(r, 0, sizeof *r);
        snprintf(r->id, sizeof r->id, "O%07d", w->norders + 1);
        r->type = GEN_PICKW(ORDER_MIX);
        /* Older orders first; the last one is current (sentenced in the last 18 months). */
        if (k == n - 1)
            r->sentence = gen_between(base - 540, base - 7);
        else
            r->sentence = gen_between(base - 2000, base - 600);
        r->sentence = cal_next_business_day_from(&w->cal, r->sentence);
        int months = !strcmp(r->type, "LIC") ? 6 + gen_rnd(30) : 12 + 6 * gen_rnd(3);
        r->end = date_add_months(r->sentence, months);
        if (strcmp(r->type, "LIC") && strcmp(r->type, "PSS")) {
            r->upw = gen_chance(0.55);
            r->rar = gen_chance(0.5);
            r->prog = gen_chance(0.2);
            if (!r->upw && !r->rar && !r->prog)
                r->rar = true;
        }
        w->norders++;
    }
    gen_order *cur = &w->orders[w->norders - 1];
    if (p->closed) {
        /* A closed case: its last order ended before the base date. */
        cur->end = gen_between(base - 120, base - 14);
        if (cur->end <= cur->sentence)
            cur->sentence = cur->end - 200;
        p->closed_on = cur->end;
    } else if (cur->end <= base) {
        cur->end = date_add_months(base, 1 + gen_rnd(12));
    }
}

/* Named people for tests and demos (sample-data/README): set over the random
 * ones, after them, so the draws for everyone else stay as they were. */
static void name_people(gen_world *w)
{
    const gen_opts *o = &w->o;
    for (int i = 0; i < o->offenders && i < 6; i++) {
        gen_person *p = &w->people[i];
        static const char *const CRN[] = {"X100001", "X100002", "X100003",
                                          "X100004", "X100005", "X100006"};
        snprintf(p->crn, sizeof p->crn, "%s", CRN[i]);
        p->flags = 0;
        memset(p->flaglevel, 0, sizeof p->flaglevel);
        p->mcat = p->mlvl = 0;
        p->office = 0;
        p->closed = false;
        p->weight = 1.0;
        switch (i) {
        case 0:
            p->fore = "Siân", p->sur = "Llŷr", p->gender = 'F', p->rosh = "RHRH";
            p->mcat = 2, p->mlvl = 2;
            p->flags |= 1u << gen_flag_index("AV2S"), p->flaglevel[gen_flag_index("AV2S")] = 'H';
            p->flags |= 1u << gen_flag_index("ADVP");
            break;
        case 1:
            p->fore = "Zoë", p->sur = "Ó Ceallaigh", p->gender = 'F', p->rosh = "RMRH";
            p->flags |= 1u << gen_flag_index("RCPR");
            p->flags |= 1u << gen_flag_index("ALSH");
            break;
        case 2:
            p->fore = "Rhodri", p->sur = "Ffrancon", p->gender = 'M', p->rosh = "RVHR";
            p->mcat = 1, p->mlvl = 3;
            p->flags |= 1u << gen_flag_index("ARSO");
            p->flags |= 1u << gen_flag_index("SHPO");
            break;
        case 3:
            p->fore = "Pádraig", p->sur = "O'Brien", p->gender = 'M', p->rosh = "RLRH";
            p->office = o->offices > 1 ? 1 : 0;
            break;
        case 4:
            p->fore = "Chloë", p->sur = "Brontë", p->gender = 'F', p->rosh = "RMRH";
            p->closed = true, p->weight = 0;
            break;
        case 5:
            p->fore = "Łukasz", p->sur = "Nowak", p->gender = 'M', p->rosh = "";
            break;
        }
        set_tier(p);
        gen_order *cur = &w->orders[p->first_order + p->norders - 1];
        if (i < 2) {
            /* A community order with unpaid work and RAR days to show progress on. */
            cur->type = "CO", cur->upw = cur->rar = true, cur->prog = i == 1;
        }
        if (p->closed) {
            cur->end = o->base - 30;
            if (cur->sentence >= cur->end)
                cur->sentence = cur->end - 300;
            p->closed_on = cur->end;
        }
    }
}

/* Allocation: respecting who may hold what; a few unallocated, a few held
 * by a senior "in name only". */
static void allocate(gen_world *w)
{
    const gen_opts *o = &w->o;
    for (int i = 0; i < o->offenders; i++) {
        gen_person *p = &w->people[i];
        gen_office *f = &w->offices[p->office];
        p->officer = -1;
        if (o->named && i == 3)
            continue; /* Pádraig O'Brien: unallocated */
        if (o->named && i < 3) {
            p->officer = f->first_staff + 1; /* Rhiannon Evans, PO */
            continue;
        }
        double r = gen_rndf();
        if (r < 0.02)
            continue;
        if (r < 0.025) {
            p->officer = f->spo;
            continue;
        }
        bool q = needs_qualified(p);
        for (int tries = 0; tries < 50; tries++) {
            int s = f->first_staff + gen_rnd(f->nstaff);
            int g = w->staff[s].grade;
            if (g == G_ADMIN || g == G_SPO)
                continue;
            if (q && (g == G_PSO || g == G_PQIP))
                continue;
            p->officer = s;
            break;
        }
    }
}

void gen_people_make(gen_world *w)
{
    const gen_opts *o = &w->o;
    w->people = calloc((size_t)o->offenders, sizeof *w->people);
    if (!w->people)
        gen_die("out of memory");
    for (int i = 0; i < o->offenders; i++) {
        gen_person *p = &w->people[i];
        unsigned num = (unsigned)(((uint64_t)i * 7919u) % 800000u) + 200000u;
        snprintf(p->crn, sizeof p->crn, "%c%06u", "ABCDEFGHJKLMNPRSTUVWY"[gen_rnd(21)], num);
        p->gender = gen_chance(0.85) ? 'M' : gen_chance(0.97) ? 'F' : gen_chance(0.5) ? 'X' : 'U';
        p->fore = p->gender == 'F' ? GEN_PICK(FORENAMES_F) : GEN_PICK(FORENAMES_M);
        p->sur = GEN_PICK(SURNAMES);
        int age = 18 + (int)(gen_rndf() * gen_rndf() * 55);
        p->dob = gen_between(o->base - (age + 1) * 365 + 1, o->base - age * 365);
        p->office = gen_rnd(o->offices);
        p->closed = gen_chance(0.04);
        random_risk(p);
        set_tier(p);
        p->weight = p->closed ? 0.0 : 0.5 + gen_rndf();
        add_orders(w, p);
    }
    if (o->named)
        name_people(w);
    allocate(w);
}
