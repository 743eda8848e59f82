/* The world's frame: offices, their staff, the business days and the
 * officers' booked half hours; people come from gen_people.c. */
#include <stdio.h>
#include <stdlib.h>

#include "gen_out.h"
#include "gen_world.h"

const char *const GEN_GRADE_CODE[] = {"PO", "PQiP", "NQO", "PSO", "SPO", "ADMIN"};

static void make_offices(gen_world *w)
{
    static const struct {
        const char *code, *name, *town;
    } SAMPLE[] = {{"CDF", "Cardiff Probation Office", "Caerdydd"},
                  {"BRS", "Bristol Probation Office", "Bristol"},
                  {"MCR", "Manchester Central Probation Office", "Manchester"}};
    w->offices = calloc((size_t)w->o.offices, sizeof *w->offices);
    for (int i = 0; i < w->o.offices; i++) {
        gen_office *f = &w->offices[i];
        if (w->o.named && i < (int)NELEM(SAMPLE)) {
            snprintf(f->code, sizeof f->code, "%s", SAMPLE[i].code);
            snprintf(f->name, sizeof f->name, "%s", SAMPLE[i].name);
            snprintf(f->town, sizeof f->town, "%s", SAMPLE[i].town);
        } else {
            const char *town = TOWNS[i % NELEM(TOWNS)];
            snprintf(f->code, sizeof f->code, "N%03d", i + 1);
            snprintf(f->town, sizeof f->town, "%s", town);
            if (i < (int)NELEM(TOWNS))
                snprintf(f->name, sizeof f->name, "%s Probation Office", town);
            else
                snprintf(f->name, sizeof f->name, "%s Probation Office %d", town,
                         i / (int)NELEM(TOWNS) + 1);
        }
    }
}

static void make_staff(gen_world *w)
{
    /* A sample office: a senior, officers, a trainee or newly qualified
     * officer, a PSO and an administrator; nationally the same mix. */
    static const int MIX[] = {G_SPO, G_PO, G_PO, G_PO, G_NQO, G_PSO, G_ADMIN, G_PQIP,
                              G_PO,  G_PSO, G_PO, G_NQO, G_PO, G_PSO, G_PO, G_PQIP};
    w->staff = calloc((size_t)w->o.staff, sizeof *w->staff);
    int per = w->o.staff / w->o.offices, extra = w->o.staff % w->o.offices, k = 0;
    for (int i = 0; i < w->o.offices; i++) {
        gen_office *f = &w->offices[i];
        f->first_staff = k;
        f->nstaff = per + (i < extra);
        for (int j = 0; j < f->nstaff; j++, k++) {
            gen_staff *s = &w->staff[k];
            s->office = i;
            s->grade = j == 0 ? G_SPO : j == f->nstaff - 1 ? G_ADMIN : MIX[1 + (j - 1) % 15];
            snprintf(s->code, sizeof s->code, "%s%02d", f->code, j + 1);
            const char *fore = gen_chance(0.5) ? GEN_PICK(FORENAMES_F) : GEN_PICK(FORENAMES_M);
            snprintf(s->name, sizeof s->name, "%s %s", fore, GEN_PICK(SURNAMES));
        }
        f->spo = f->first_staff;
    }
    if (w->o.named && w->o.staff >= 2) {
        /* People tests can rely on: the officer holding Siân Llŷr's case. */
        snprintf(w->staff[1].name, sizeof w->staff[1].name, "Rhiannon Evans");
        w->staff[1].grade = G_PO;
        snprintf(w->staff[0].name, sizeof w->staff[0].name, "Gareth Pritchard");
    }
}

static void make_days(gen_world *w)
{
    const gen_opts *o = &w->o;
    int n = o->past_days + o->future_days + 1;
    w->bdays = malloc((size_t)n * sizeof *w->bdays);
    for (cl_date d = o->base - o->past_days; d <= o->base + o->future_days; d++)
        if (cal_is_business_day(&w->cal, d))
            w->bdays[w->nbdays++] = d;
    n = o->history_days + 1;
    w->hdays = malloc((size_t)n * sizeof *w->hdays);
    for (cl_date d = o->base - o->history_days; d <= o->base; d++)
        if (cal_is_business_day(&w->cal, d))
            w->hdays[w->nhdays++] = d;
    if (!w->nbdays || !w->nhdays)
        gen_die("no business days in the window");
    w->busy = calloc((size_t)o->staff * (size_t)w->nbdays, sizeof *w->busy);
    if (!w->busy)
        gen_die("out of memory");
    if (o->named && o->offenders >= 2 && w->people[0].officer >= 0)
        for (int d = 0; d < w->nbdays; d++)
            if (w->bdays[d] == o->base) /* the named people's 10:00 and 11:00 slots */
                gen_slot_book(w, w->people[0].officer, d, 10 * 60, 12 * 60);
}

bool gen_slot_book(gen_world *w, int officer, int day, int start, int end)
{
    uint16_t *b = &w->busy[(size_t)officer * (size_t)w->nbdays + (size_t)day];
    for (int m = start; m < end; m += 30) {
        int s = (m - 9 * 60) / 30;
        if (s >= 0 && s < 16 && (*b & (1u << s)))
            return false;
    }
    for (int m = start; m < end; m += 30) {
        int s = (m - 9 * 60) / 30;
        if (s >= 0 && s < 16)
            *b |= (uint16_t)(1u << s);
    }
    return true;
}

void gen_world_build(gen_world *w, const gen_opts *o)
{
    *w = (gen_world){0};
    w->o = *o;
    gen_seed(o->seed);
    cal_init(&w->cal);
    if (!cal_load_builtin(&w->cal))
        gen_die("out of memory");
    /* In this order: each step draws from the one seeded stream. */
    make_offices(w);
    make_staff(w);
    gen_people_make(w);
    make_days(w);
}

void gen_world_free(gen_world *w)
{
    cal_free(&w->cal);
    free(w->offices), free(w->staff), free(w->people), free(w->orders);
    free(w->bdays), free(w->hdays), free(w->busy);
}
