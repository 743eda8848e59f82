/* Risk registrations: RoSH (with an earlier level kept in history now and
 * then), MAPPA, and the other flags, each with its next review. */
#include <stdio.h>
#include <string.h>

#include "caseload/risk.h"

#include "gen_out.h"
#include "gen_write.h"

/* The next review: start plus whole periods, the first on or after base;
 * one in ten is left overdue (one period earlier). */
static cl_date next_review(cl_date start, int months, cl_date base)
{
    cl_date r = date_add_months(start, months);
    for (int k = 2; r < base && k < 200; k++)
        r = date_add_months(start, months * k);
    if (gen_chance(0.1) && date_add_months(r, -months) > start)
        r = date_add_months(r, -months);
    return r;
}

static void reg_row(gen_world *w, gen_out *f, const gen_person *p, const char *type,
                    const char *cat, const char *level, cl_date start, cl_date end,
                    const char *notes)
{
    const risk_regtype *t = risk_type(type);
    cl_date review = next_review(start, t->review_months, w->o.base);
    if (end != CL_DATE_NONE)
        review = CL_DATE_NONE;
    gen_put(f, p->crn), gen_put(f, type), gen_put(f, cat), gen_put(f, level), gen_putd(f, start);
    gen_putd(f, review), gen_putd(f, end), gen_put(f, notes);
    gen_endrow(f);
}

void gen_write_registrations(gen_world *w)
{
    gen_out f = gen_out_open(w->o.out, "registrations.csv",
                             "crn,type,category,level,start_date,review_date,end_date,notes");
    cl_date base = w->o.base;
    char notes[320];
    for (int i = 0; i < w->o.offenders; i++) {
        gen_person *p = &w->people[i];
        cl_date end = p->closed ? p->closed_on : CL_DATE_NONE;
        cl_date from = w->orders[p->first_order + p->norders - 1].sentence;
        if (from >= (p->closed ? p->closed_on : base))
            from = (p->closed ? p->closed_on : base) - 30;
        cl_date upto = p->closed ? p->closed_on - 1 : base - 1;
        if (*p->rosh) {
            cl_date start = gen_between(from, upto);
            if (gen_chance(0.25)) {
                /* An earlier level, ended when this one started (kept in history). */
                static const char *const LV[] = {"RLRH", "RMRH", "RHRH"};
                const char *old = LV[gen_rnd(3)];
                if (strcmp(old, p->rosh))
                    reg_row(w, &f, p, old, "", "", start - 100 - gen_rnd(300), start, "");
            }
            reg_row(w, &f, p, p->rosh, "", "", start, end, "");
        }
        if (p->mcat) {
            char cat[4], lvl[4];
            snprintf(cat, sizeof cat, "M%d", p->mcat);
            snprintf(lvl, sizeof lvl, "M%d", p->mlvl);
            reg_row(w, &f, p, "MAPP", cat, lvl, gen_between(from, upto), end,
                    gen_note(notes, sizeof notes, 40, 120));
        }
        for (size_t k = 0; k < NFLAGS; k++) {
            if (!(p->flags & (1u << k)))
                continue;
            const risk_regtype *t = risk_type(FLAG_MIX[k].code);
            char lvl[2] = {t->has_level ? p->flaglevel[k] : 0, 0};
            if (t->has_level && !lvl[0])
                lvl[0] = 'M';
            cl_date e = (p->closed && strcmp(FLAG_MIX[k].code, "IKMF")) ? end : CL_DATE_NONE;
            cl_date start = gen_between(from - 400, upto);
            if (e == CL_DATE_NONE && gen_chance(0.05))
                e = gen_between(start + 1, base); /* deregistered since */
            reg_row(w, &f, p, FLAG_MIX[k].code, "", lvl, start, e,
                    gen_chance(0.3) ? gen_note(notes, sizeof notes, 30, 120) : "");
        }
    }
    gen_out_close(&f, "registrations.csv");
}
