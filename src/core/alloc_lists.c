/* The unallocated and pending-transfer lists, and proposing an officer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/grow.h"
#include "caseload/store_alloc.h"
#include "caseload/workload.h"

/* "2026-11-24T10:00" or "2026-11-24" -> date. */
static cl_date stamp_date(const char *s)
{
    char d[CL_DATE_LEN];
    cl_date out;
    if (!s)
        return CL_DATE_NONE;
    size_t n = strnlen(s, CL_DATE_LEN - 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return date_parse_iso(d, &out) ? out : CL_DATE_NONE;
}

/* Room for one more item of size bytes in a growing array. */
static bool grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    void *p = cl_grow(*items, cap, size);
    if (!p)
        return false;
    *items = p;
    return true;
}

/* RoSH and the short flags of a case, from the one risk summary. */
static int risk_of(cl_app *app, const char *crn, risk_rosh *rosh, char *flags, size_t len, cl_err *err)
{
    risk_summary r;
    int rc = risk_summary_load(app->store, crn, app->clock.today, &r, err);
    if (rc == CL_OK) {
        *rosh = r.rosh;
        risk_flags_short(&r, flags, len);
    }
    return rc;
}

typedef struct wait_ctx {
    alloc_waiting_list *l;
    cl_date today;
    bool oom;
} wait_ctx;

static void add_waiting(void *arg, const char *crn, const char *surname, const char *forenames,
                        const char *office, const char *holder, const char *since)
{
    wait_ctx *w = arg;
    alloc_waiting_list *l = w->l;
    if (!grow((void **)&l->items, &l->cap, l->n, sizeof *l->items)) {
        w->oom = true;
        return;
    }
    alloc_waiting *a = &l->items[l->n++];
    memset(a, 0, sizeof *a);
    snprintf(a->crn, sizeof a->crn, "%s", crn ? crn : "");
    snprintf(a->name, sizeof a->name, "%s %s", forenames ? forenames : "", surname ? surname : "");
    snprintf(a->office, sizeof a->office, "%s", office ? office : "");
    snprintf(a->holder, sizeof a->holder, "%s", holder ? holder : "");
    a->since = stamp_date(since);
    a->days = a->since == CL_DATE_NONE ? 0 : w->today - a->since;
}

static int oldest_first(const void *x, const void *y)
{
    const alloc_waiting *a = x, *b = y;
    /* Unknown start dates sort first: they may have waited longest. */
    if (a->since != b->since)
        return a->since < b->since ? -1 : 1;
    return strcmp(a->crn, b->crn);
}

int alloc_unallocated(cl_app *app, const char *office, alloc_waiting_list *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    const char *off = office && *office ? office : NULL;
    wait_ctx w = {out, app->clock.today, false};
    int rc = store_alloc_waiting_each(app->store, NULL, off, add_waiting, &w, err);
    for (size_t i = 0; rc == CL_OK && i < ALLOC_RULES_N; i++)
        if (ALLOC_RULES[i].name_only)
            rc = store_alloc_waiting_each(app->store, ALLOC_RULES[i].grade, off, add_waiting, &w, err);
    if (rc == CL_OK && w.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK) {
        alloc_waiting_list_free(out);
        return rc;
    }
    /* Risk from the one risk function: the RoSH and flags columns. */
    for (size_t i = 0; i < out->n; i++)
        if ((rc = risk_of(app, out->items[i].crn, &out->items[i].rosh, out->items[i].flags,
                          sizeof out->items[i].flags, err)) != CL_OK) {
            alloc_waiting_list_free(out);
            return rc;
        }
    if (out->n > 1)
        qsort(out->items, out->n, sizeof out->items[0], oldest_first);
    return CL_OK;
}

void alloc_waiting_list_free(alloc_waiting_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

typedef struct pend_ctx {
    alloc_pending_list *l;
    cl_date today;
    bool oom;
} pend_ctx;

static void add_pending(void *arg, const store_alloc_row *r, const char *surname, const char *forenames)
{
    pend_ctx *c = arg;
    alloc_pending_list *l = c->l;
    if (!grow((void **)&l->items, &l->cap, l->n, sizeof *l->items)) {
        c->oom = true;
        return;
    }
    alloc_pending *a = &l->items[l->n++];
    memset(a, 0, sizeof *a);
    a->id = r->id;
    snprintf(a->crn, sizeof a->crn, "%s", r->crn);
    snprintf(a->name, sizeof a->name, "%s %s", forenames ? forenames : "", surname ? surname : "");
    snprintf(a->from_officer, sizeof a->from_officer, "%s", r->from_officer);
    snprintf(a->from_office, sizeof a->from_office, "%s", r->from_office);
    snprintf(a->to_office, sizeof a->to_office, "%s", r->to_office);
    snprintf(a->by, sizeof a->by, "%s", r->created_by);
    snprintf(a->at, sizeof a->at, "%s", r->created_at);
    snprintf(a->reason, sizeof a->reason, "%s", r->reason);
    cl_date d = stamp_date(r->created_at);
    a->days = d == CL_DATE_NONE ? 0 : c->today - d;
}

int alloc_pending_transfers(cl_app *app, const char *office, alloc_pending_list *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    pend_ctx c = {out, app->clock.today, false};
    int rc = store_alloc_pending_each(app->store, office && *office ? office : NULL, add_pending, &c, err);
    if (rc == CL_OK && c.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    for (size_t i = 0; rc == CL_OK && i < out->n; i++)
        rc = risk_of(app, out->items[i].crn, &out->items[i].rosh, out->items[i].flags,
                     sizeof out->items[i].flags, err);
    if (rc != CL_OK)
        alloc_pending_list_free(out);
    return rc;
}

void alloc_pending_list_free(alloc_pending_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

int alloc_propose(cl_app *app, const alloc_case *c, const char *office, char *officer, size_t len,
                  cl_err *err)
{
    const char *off = office && *office ? office : c->office;
    if (!off || !*off)
        return cl_err_set(err, CL_EUSAGE, "no office to allocate in");
    wl_list l;
    int rc = wl_office(app, off, &l, err);
    if (rc != CL_OK)
        return rc;
    const wl_officer *best = NULL;
    for (size_t i = 0; i < l.n; i++) {
        const wl_officer *o = &l.items[i];
        const alloc_rule *r = alloc_rule_for(o->staff.grade);
        if (!r || r->name_only || alloc_check(c, o->staff.grade, NULL) != ALLOC_OK)
            continue;
        if (!best || o->percent < best->percent ||
            (o->percent == best->percent && o->cases < best->cases))
            best = o; /* the list is by code, so ties keep the lowest code */
    }
    if (best)
        snprintf(officer, len, "%s", best->staff.code);
    else
        rc = cl_err_set(err, CL_ENOINPUT, "nobody in office %s may hold this case", off);
    wl_list_free(&l);
    return rc;
}
