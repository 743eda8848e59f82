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

#include "caseload/grow.h"
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

/* A first load: the person's active level so far in the file (the table was
 * empty, so there is no other), by CRN; NULL when out of memory. */
static imp_reg_level *file_lead(imp_reg *r, const char *crn)
{
    if (r->nlead == r->caplead) {
        imp_reg_level *more = cl_grow(r->lead, &r->caplead, sizeof *more);
        if (!more)
            return NULL;
        r->lead = more;
    }
    long at = keyset_add(&r->seen, crn, (long)r->nlead + 1);
    if (at < 0)
        return NULL;
    if (at == 0) {
        r->lead[r->nlead] = (imp_reg_level){.start = CL_DATE_NONE};
        return &r->lead[r->nlead++];
    }
    return &r->lead[at - 1];
}

/* The stored row of g's key, if any (not in a first load: there is none). */
static int get_stored(imp_reg *r, cl_store *st, const cl_registration *g, cl_registration *out, bool *have,
                      cl_err *err)
{
    *have = false;
    if (r->first_load)
        return CL_OK;
    cl_err e = {0};
    int rc = store_get_registration(st, g->crn, g->type, g->start_date, out, &e);
    if (rc != CL_OK && rc != CL_ENOINPUT) {
        *err = e;
        return rc;
    }
    *have = rc == CL_OK;
    return CL_OK;
}

/* The row ends the day the later level starts. Written again with the same
 * ending it is unchanged (its stamp is the stored one). */
static int ended_by(imp_reg *r, cl_store *st, cl_registration *g, const cl_registration *rival, cl_err *err)
{
    cl_registration stored;
    bool have;
    int rc = get_stored(r, st, g, &stored, &have, err);
    if (rc != CL_OK)
        return rc;
    g->end_date = rival->start_date;
    if (have && stored.end_date == g->end_date) {
        memcpy(g->reason, stored.reason, sizeof g->reason);
        memcpy(g->changed_by, stored.changed_by, sizeof g->changed_by);
        memcpy(g->changed_at, stored.changed_at, sizeof g->changed_at);
    } else {
        reg_rosh_reason(rival->type, g->reason, sizeof g->reason);
        snprintf(g->changed_by, sizeof g->changed_by, "%s", store_actor(st));
        snprintf(g->changed_at, sizeof g->changed_at, "%s", store_now(st));
        r->ended++;
    }
    if (have)
        cl_registration_clear(&stored);
    return CL_OK;
}

static int rosh_rule(imp_reg *r, cl_store *st, cl_registration *g, cl_err *err)
{
    cl_registration rival = {0};
    bool found = false;
    imp_reg_level *lead = NULL;
    if (r->first_load) {
        if (!(lead = file_lead(r, g->crn)))
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
    if (found && reg_rosh_rival_stays(&rival, g->start_date))
        return ended_by(r, st, g, &rival, err);
    if (found && r->first_load) {
        /* Written already but maybe not yet in the table: ended once the rows are in. */
        if (r->nends == r->capends) {
            imp_reg_end *more = cl_grow(r->ends, &r->capends, sizeof *more);
            if (!more)
                return cl_err_set(err, CL_ESOFTWARE, "out of memory");
            r->ends = more;
        }
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
    if (g->review_date == CL_DATE_NONE) {
        cl_registration stored;
        bool have;
        int rc = get_stored(r, st, g, &stored, &have, err);
        if (rc != CL_OK)
            return rc;
        g->review_date = have && stored.review_date != CL_DATE_NONE
                             ? stored.review_date
                             : ts_registration_review(&r->cal, g->type, g->start_date);
        if (have)
            cl_registration_clear(&stored);
    }
    return risk_type_is_rosh(g->type) ? rosh_rule(r, st, g, err) : CL_OK;
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
