/* The rows of a diary: the appointments of an office or officer over some
 * days, each with the person's risk (from risk_summary_load, never derived
 * here) and whether an outcome is still needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/due.h"
#include "caseload/enforce.h"
#include "caseload/grow.h"
#include "caseload/store_write.h"
#include "core/sched_int.h"

typedef struct day_ctx {
    sched_day *d;
    bool oom;
} day_ctx;

static void on_row(void *arg, const store_appt_row *row)
{
    day_ctx *c = arg;
    sched_day *d = c->d;
    if (c->oom)
        return;
    if (d->n == d->cap) {
        sched_row *p = cl_grow(d->rows, &d->cap, sizeof *p);
        if (!p) {
            c->oom = true;
            return;
        }
        d->rows = p;
    }
    sched_row *r = &d->rows[d->n++];
    memset(r, 0, sizeof *r);
    r->r = *row;
}

/* Where the new appointment of a moved one is: the officer reads its date
 * and time, never its id. One gone missing leaves moved_date none. */
static int moved_to(cl_app *app, const char *id, sched_row *r, cl_err *err)
{
    cl_appointment n;
    int rc = store_get_appointment(app->store, id, &n, err);
    if (rc == CL_ENOINPUT)
        return CL_OK;
    if (rc != CL_OK)
        return rc;
    r->moved_date = n.date;
    r->moved_start = n.start;
    cl_appointment_clear(&n);
    return CL_OK;
}

int sched_day_load(cl_app *app, store_diary_scope scope, const char *code, cl_date from, cl_date to,
                   sched_day *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    out->cal = &app->cal;
    out->scope = scope;
    out->from = from;
    out->to = to;
    snprintf(out->code, sizeof out->code, "%s", code);
    int rc = sched_owner_name(app, scope, code, out->owner, sizeof out->owner, err);
    if (rc != CL_OK)
        return rc;
    day_ctx c = {out, false};
    if ((rc = store_appt_range(app->store, scope, code, from, to, on_row, &c, err)) != CL_OK) {
        sched_day_free(out);
        return rc;
    }
    if (c.oom) {
        sched_day_free(out);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    for (size_t i = 0; i < out->n; i++) {
        sched_row *r = &out->rows[i];
        /* The same person often appears more than once in a week: reuse. */
        size_t j;
        for (j = 0; j < i; j++)
            if (!strcmp(out->rows[j].r.a.crn, r->r.a.crn))
                break;
        if (j < i) {
            r->risk = out->rows[j].risk;
            memcpy(r->flags, out->rows[j].flags, sizeof r->flags);
        } else {
            if ((rc = risk_summary_load(app->store, r->r.a.crn, app->clock.today, &r->risk, err)) != CL_OK) {
                sched_day_free(out);
                return rc;
            }
            risk_flags_short(&r->risk, r->flags, sizeof r->flags);
        }
        const cl_appointment *a = &r->r.a;
        if (i > 0 && !a->location[0] && !strcmp(a->type, out->rows[i - 1].r.a.type) &&
            !strcmp(a->office, out->rows[i - 1].r.a.office) && !out->rows[i - 1].r.a.location[0])
            memcpy(r->where, out->rows[i - 1].where, sizeof r->where); /* the office read once */
        else
            sched_where(app, a, r->where, sizeof r->where);
        int end = a->end >= 0 ? a->end : a->start;
        bool passed = a->date < app->clock.today ||
                      (a->date == app->clock.today && end <= app->clock.minutes);
        /* AFTA (evidence awaited) still needs the decided outcome. */
        r->outcome_needed = passed && !strcmp(a->status, "booked") && !r->r.closed &&
                            (!r->r.outcome[0] || enf_is_pending(r->r.outcome));
        r->moved_date = CL_DATE_NONE;
        if (a->replaced_by[0] && (rc = moved_to(app, a->replaced_by, r, err)) != CL_OK) {
            sched_day_free(out);
            return rc;
        }
    }
    return CL_OK;
}

/* A row whose enforcement words are not read yet (due_page_read). */
static const char *unread_crn(void *arg, size_t row)
{
    const sched_row *r = &((const sched_day *)arg)->rows[row];
    return r->enforcement ? NULL : r->r.a.crn;
}

int sched_day_enforcement(cl_app *app, sched_day *d, size_t from, size_t n, cl_err *err)
{
    due_page pg;
    int rc = due_page_read(app->store, &app->cal, app->clock.today, app->clock.minutes, unread_crn, d, d->n, from, n,
                           &pg, err);
    for (size_t j = 0; rc == CL_OK && j < pg.n; j++) /* every row of the person, on screen or not */
        for (size_t i = 0; i < d->n; i++)
            if (!d->rows[i].enforcement && !strcmp(d->rows[i].r.a.crn, pg.crns[j]))
                d->rows[i].enforcement = pg.facts[j].enforcement;
    due_page_free(&pg);
    return rc;
}

void sched_day_free(sched_day *d)
{
    free(d->rows);
    d->rows = NULL;
    d->n = d->cap = 0;
}
