/* Registrations on import follow the rules `caseload register` follows
 * (imp_int.h). A row with an end date is history and is kept as given. An
 * active row with no review date gets the one register gives it (the type's
 * review period, off weekends and bank holidays: ts_registration_review), or
 * keeps a stored row's, so a review recorded since is not undone. An active
 * RoSH level meets the single-RoSH rule (reg_rosh.c): the later start stays
 * and the earlier ends on the later's start date, "replaced by ...", in
 * history; so does a stored level or one earlier in the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/registration.h"
#include "caseload/risk.h"
#include "caseload/timescale.h"
#include "io/imp_int.h"

int imp_reg_init(imp_reg *r, cl_store *st, bool first_load, cl_err *err)
{
    *r = (imp_reg){.first_load = first_load};
    keyset_init(&r->seen);
    cal_init(&r->cal);
    return store_load_calendar(st, &r->cal, err);
}

void imp_reg_free(imp_reg *r)
{
    keyset_free(&r->seen);
    cal_free(&r->cal);
    free(r->lead);
    free(r->ends);
    *r = (imp_reg){0};
}

static bool grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 64;
    void *q = realloc(*p, c * size);
    if (!q)
        return false;
    *p = q;
    *cap = c;
    return true;
}

/* A first load: the person's active level so far in the file (the table was
 * empty, so there is no other), by CRN. *slot: where it is or goes. */
static imp_reg_level *file_lead(imp_reg *r, const char *crn, bool *ok)
{
    *ok = grow((void **)&r->lead, &r->caplead, r->nlead, sizeof *r->lead);
    if (!*ok)
        return NULL;
    long at = keyset_add(&r->seen, crn, (long)r->nlead + 1);
    if (at < 0) {
        *ok = false;
        return NULL;
    }
    if (at == 0) {
        r->lead[r->nlead++] = (imp_reg_level){.start = CL_DATE_NONE};
        return &r->lead[r->nlead - 1];
    }
    return &r->lead[at - 1];
}

/* The row ends the day the later level starts. Written again with the same
 * ending it is unchanged (its stamp is the stored one). */
static void ended_by(imp_reg *r, cl_store *st, cl_registration *g, const cl_registration *rival,
                     const cl_registration *stored)
{
    g->end_date = rival->start_date;
    if (stored && stored->end_date == g->end_date) {
        memcpy(g->reason, stored->reason, sizeof g->reason);
        memcpy(g->changed_by, stored->changed_by, sizeof g->changed_by);
        memcpy(g->changed_at, stored->changed_at, sizeof g->changed_at);
        return;
    }
    reg_rosh_reason(rival->type, g->reason, sizeof g->reason);
    snprintf(g->changed_by, sizeof g->changed_by, "%s", store_actor(st));
    snprintf(g->changed_at, sizeof g->changed_at, "%s", store_now(st));
    r->ended++;
}

static int rosh_rule(imp_reg *r, cl_store *st, cl_registration *g, const cl_registration *stored, cl_err *err)
{
    cl_registration rival = {0};
    bool found = false;
    imp_reg_level *lead = NULL;
    if (r->first_load) {
        bool ok;
        if (!(lead = file_lead(r, g->crn, &ok)))
            return cl_err_set(err, CL_ESOFTWARE, "out of memory");
        if ((found = lead->start != CL_DATE_NONE)) {
            memcpy(rival.type, lead->type, sizeof rival.type);
            rival.start_date = lead->start;
        }
    } else {
        int rc = reg_rival(st, g->crn, g->type, g->start_date, &rival, &found, err);
        if (rc != CL_OK)
            return rc;
    }
    if (found && reg_rosh_rival_stays(&rival, g->start_date)) {
        ended_by(r, st, g, &rival, stored);
        return CL_OK;
    }
    if (found && r->first_load) {
        /* Written already but maybe not yet in the table: ended once the rows are in. */
        if (!grow((void **)&r->ends, &r->capends, r->nends, sizeof *r->ends))
            return cl_err_set(err, CL_ESOFTWARE, "out of memory");
        imp_reg_end *e = &r->ends[r->nends++];
        memcpy(e->crn, g->crn, sizeof e->crn);
        memcpy(e->type, rival.type, sizeof e->type);
        memcpy(e->by, g->type, sizeof e->by);
        e->start = rival.start_date;
        e->on = g->start_date;
    } else if (found) {
        int rc = reg_rosh_end(st, rival.id, g->type, g->start_date, err);
        if (rc != CL_OK)
            return rc;
    }
    r->ended += found;
    if (lead) {
        memcpy(lead->type, g->type, sizeof lead->type);
        lead->start = g->start_date;
    }
    return CL_OK;
}

int imp_reg_row(imp_reg *r, cl_store *st, cl_registration *g, cl_err *err)
{
    if (g->end_date != CL_DATE_NONE)
        return CL_OK;
    bool rosh = risk_type_is_rosh(g->type);
    cl_registration stored;
    bool have = false;
    if (!r->first_load && (rosh || g->review_date == CL_DATE_NONE)) {
        cl_err e = {0};
        int rc = store_get_registration(st, g->crn, g->type, g->start_date, &stored, &e);
        if (rc != CL_OK && rc != CL_ENOINPUT) {
            *err = e;
            return rc;
        }
        have = rc == CL_OK;
    }
    if (g->review_date == CL_DATE_NONE)
        g->review_date = have && stored.review_date != CL_DATE_NONE
                             ? stored.review_date
                             : ts_registration_review(&r->cal, g->type, g->start_date);
    int rc = rosh ? rosh_rule(r, st, g, have ? &stored : NULL, err) : CL_OK;
    if (have)
        cl_registration_clear(&stored);
    return rc;
}

int imp_reg_finish(imp_reg *r, cl_store *st, cl_err *err)
{
    for (size_t i = 0; i < r->nends; i++) {
        const imp_reg_end *e = &r->ends[i];
        cl_registration g;
        int rc = store_get_registration(st, e->crn, e->type, e->start, &g, err);
        if (rc == CL_OK) {
            long long id = g.id;
            cl_registration_clear(&g);
            rc = reg_rosh_end(st, id, e->by, e->on, err);
        }
        if (rc != CL_OK)
            return rc;
    }
    return CL_OK;
}
