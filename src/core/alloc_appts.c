/* The open appointments that go with a transferred case, one by one through
 * the diary's own rule: one with an outcome logged stays as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/grow.h"
#include "caseload/ref.h"
#include "caseload/store_alloc.h"
#include "caseload/store_appt.h"
#include "caseload/store_write.h"
#include "caseload/sched.h"
#include "core/alloc_int.h"
#include "core/sched_int.h"

typedef struct ids {
    char (*v)[CL_ID_LEN];
    size_t n, cap;
    bool oom;
} ids;

static void on_id(void *arg, const char *id)
{
    ids *l = arg;
    if (l->oom)
        return;
    if (l->n == l->cap) {
        void *p = cl_grow(l->v, &l->cap, sizeof *l->v);
        if (!p) {
            l->oom = true;
            return;
        }
        l->v = p;
    }
    snprintf(l->v[l->n++], CL_ID_LEN, "%s", id);
}

/* Adds one to a "; "-joined list; room for "..." is always kept, so a cut
 * list says so. */
static void list_add(char *buf, size_t len, const char *one)
{
    size_t used = strlen(buf);
    if (used >= 3 && !strcmp(buf + used - 3, "..."))
        return;
    const char *sep = used ? "; " : "";
    if (used + strlen(sep) + strlen(one) + 4 <= len)
        snprintf(buf + used, len - used, "%s%s", sep, one);
    else if (used + strlen(sep) + 4 <= len)
        snprintf(buf + used, len - used, "%s...", sep);
}

/* "X100001 Wed 25 Nov 2026 10:00: appointment B1 has an outcome (...)". */
static void note_held(alloc_transfer_result *res, const cl_appointment *a, const char *why)
{
    char day[16], t[CL_TIME_LEN], one[512];
    snprintf(one, sizeof one, "%s %s %s: %s", a->crn, date_format_long(a->date, day), time_format(a->start, t), why);
    res->appts_held++;
    list_add(res->held, sizeof res->held, one);
}

int alloc_appt_clash(cl_app *app, const cl_appointment *a, const char *officer, const char *office, char *why,
                     size_t len, bool *clash, cl_err *err)
{
    *clash = false;
    if (len)
        why[0] = '\0';
    /* The booking form's own check, as if the appointment were rebooked
     * with the new officer at the same time: its officer clashes only (the
     * person's own appointments are theirs whoever holds the case). */
    sched_request q = {0};
    snprintf(q.crn, sizeof q.crn, "%s", a->crn);
    snprintf(q.officer, sizeof q.officer, "%s", officer);
    snprintf(q.office, sizeof q.office, "%s", office);
    q.date = a->date;
    q.start = a->start;
    q.until = CL_DATE_NONE;
    sched_plan *p = malloc(sizeof *p);
    if (!p)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    int rc = sched_check_reschedule(app, a->id, &q, p, err);
    for (size_t i = 0; rc == CL_OK && i < p->nfindings; i++)
        if (p->findings[i].rule == SR_CLASH_OFFICER) {
            if (!*clash && len)
                snprintf(why, len, "%s", p->findings[i].msg);
            *clash = true;
        }
    free(p);
    return rc;
}

/* "X100001 Tue 08 Dec 2026 10:00 with CDF02 at CDF: no officer at BRS yet". */
static void note_kept(alloc_transfer_result *res, const cl_appointment *a, const char *why)
{
    char day[16], t[CL_TIME_LEN], one[512];
    snprintf(one, sizeof one, "%s %s %s with %s at %s: %s", a->crn, date_format_long(a->date, day),
             time_format(a->start, t), a->officer[0] ? a->officer : "nobody", a->office, why);
    res->appts_kept++;
    list_add(res->kept, sizeof res->kept, one);
}

/* "X100001 Fri 11 Dec 2026 11:00 stays with CDF01: clash: ...". */
static void note_clash(alloc_transfer_result *res, const cl_appointment *a, const char *why)
{
    char day[16], t[CL_TIME_LEN], one[900];
    snprintf(one, sizeof one, "%s %s %s stays with %s: %s", a->crn, date_format_long(a->date, day),
             time_format(a->start, t), a->officer[0] ? a->officer : "nobody", why);
    res->appts_clash++;
    list_add(res->clash, sizeof res->clash, one);
}

static int follow_one(cl_app *app, const char *id, const alloc_follow *f, alloc_transfer_result *res, cl_err *err)
{
    cl_appointment a;
    int rc = store_get_appointment(app->store, id, &a, err);
    if (rc != CL_OK)
        return rc;
    char why[256];
    bool has = false;
    rc = sched_appt_outcome_why(app, &a, why, sizeof why, &has, err);
    if (rc == CL_OK && has)
        note_held(res, &a, why);
    else if (rc == CL_OK && f->cancel) {
        if ((rc = store_appt_close(app->store, id, "cancelled", f->reason, NULL, err)) == CL_OK)
            res->appts_cancelled++;
    } else if (rc == CL_OK && !f->officer) {
        char why[160];
        snprintf(why, sizeof why, "no officer at %s yet", f->office);
        note_kept(res, &a, why); /* nobody to move it to yet: it stays as booked */
        res->kept_waiting = true;
    } else if (rc == CL_OK && !strcmp(a.officer, f->officer) && !strcmp(a.office, f->office)) {
        note_kept(res, &a, "already there"); /* nothing moves (a transfer given twice) */
    } else if (rc == CL_OK) {
        bool clash = false;
        if (!f->double_book)
            rc = alloc_appt_clash(app, &a, f->officer, f->office, why, sizeof why, &clash, err);
        if (rc == CL_OK && clash)
            note_clash(res, &a, why); /* never double-booked unless asked */
        else if (rc == CL_OK && (rc = store_alloc_appt_move(app->store, id, f->officer, f->office, err)) == CL_OK)
            res->appts_moved++;
    }
    cl_appointment_clear(&a);
    return rc;
}

int alloc_appts_follow(cl_app *app, const char *crn, const alloc_follow *f, alloc_transfer_result *res,
                       cl_err *err)
{
    char date[CL_DATE_LEN], time[CL_TIME_LEN];
    if (f->from) {
        snprintf(date, sizeof date, "%.10s", f->from);
        snprintf(time, sizeof time, "%.5s", strlen(f->from) > 11 ? f->from + 11 : "00:00");
    } else {
        date_format(app->clock.today, date);
        time_format(app->clock.minutes, time);
    }
    ids l = {0};
    int rc = store_alloc_appts_open(app->store, crn, date, time, on_id, &l, err);
    if (rc == CL_OK && l.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    for (size_t i = 0; rc == CL_OK && i < l.n; i++)
        rc = follow_one(app, l.v[i], f, res, err);
    free(l.v);
    return rc;
}

int alloc_appts_elsewhere(cl_app *app, const char *crn, const char *officer, char *buf, size_t len,
                          size_t *n, char *clashes, size_t clash_len, size_t *nclash, cl_err *err)
{
    *n = 0;
    *nclash = 0;
    buf[0] = '\0';
    if (clash_len)
        clashes[0] = '\0';
    cl_staff s;
    int rc = alloc_staff_get(app, officer, &s, err);
    if (rc != CL_OK)
        return rc;
    char date[CL_DATE_LEN], time[CL_TIME_LEN];
    date_format(app->clock.today, date);
    time_format(app->clock.minutes, time);
    ids l = {0};
    rc = store_alloc_appts_open(app->store, crn, date, time, on_id, &l, err);
    if (rc == CL_OK && l.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    size_t used = 0;
    for (size_t i = 0; rc == CL_OK && i < l.n; i++) {
        cl_appointment a;
        if ((rc = store_get_appointment(app->store, l.v[i], &a, err)) != CL_OK)
            break;
        if (strcmp(a.officer, s.code) || strcmp(a.office, s.office)) {
            const ref_contact_type *t = ref_find_contact_type(a.type);
            char day[16], hm[CL_TIME_LEN], one[256];
            snprintf(one, sizeof one, "%s%s %s %s with %s at %s", *n ? "; " : "", date_format_long(a.date, day),
                     time_format(a.start, hm), t ? t->name : a.type, a.officer[0] ? a.officer : "nobody",
                     a.office);
            (*n)++;
            /* Room for "..." is always kept, so a cut list says so. */
            if (used >= 3 && !strcmp(buf + used - 3, "..."))
                ;
            else if (used + strlen(one) + 4 <= len)
                used += (size_t)snprintf(buf + used, len - used, "%s", one);
            else if (used + 4 <= len)
                used += (size_t)snprintf(buf + used, len - used, "...");
            char why[640];
            bool clash = false, has = false;
            rc = sched_appt_outcome_why(app, &a, why, sizeof why, &has, err);
            if (rc == CL_OK && !has) /* one with an outcome stays anyway */
                rc = alloc_appt_clash(app, &a, s.code, s.office, why, sizeof why, &clash, err);
            if (rc == CL_OK && clash) {
                (*nclash)++;
                list_add(clashes, clash_len, why);
            }
        }
        cl_appointment_clear(&a);
    }
    free(l.v);
    return rc;
}

int alloc_appts_to_holder(cl_app *app, const char *crn, bool double_book, alloc_transfer_result *res, cl_err *err)
{
    memset(res, 0, sizeof *res);
    store_alloc_offender o;
    int rc = store_alloc_offender_get(app->store, crn, &o, err);
    if (rc != CL_OK)
        return rc;
    if (!o.officer[0])
        return cl_err_set(err, CL_EDATA, "%s has no officer to move the appointments to", crn);
    bool own;
    if ((rc = store_begin_own(app->store, &own, err)) != CL_OK)
        return rc;
    store_action(app->store, "follow", NULL, NULL);
    alloc_follow f = {false, NULL, o.officer, o.office, double_book, NULL};
    rc = alloc_appts_follow(app, crn, &f, res, err);
    return store_end_own(app->store, own, rc, err);
}

int alloc_appts_case_closed(cl_store *st, const char *crn, size_t *cancelled, cl_err *err)
{
    *cancelled = 0;
    cl_offender o;
    int rc = store_get_offender(st, crn, &o, err);
    if (rc != CL_OK || strcmp(o.status, "closed") || !o.closed_at[0])
        return rc;
    /* The transfer's path with its cancel branch, which reads the store only
     * (no clock: the cut is the closure); stamped by the store's actor. */
    cl_app app = {.store = st};
    alloc_follow f = {true, ALLOC_CASE_CLOSED, NULL, NULL, false, o.closed_at};
    alloc_transfer_result *res = calloc(1, sizeof *res);
    if (!res)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    rc = alloc_appts_follow(&app, crn, &f, res, err);
    *cancelled = res->appts_cancelled;
    free(res);
    return rc;
}
