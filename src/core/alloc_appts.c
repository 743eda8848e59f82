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

/* "X100001 Wed 25 Nov 2026 10:00: appointment B1 has an outcome (...)". */
static void note_held(alloc_transfer_result *res, const cl_appointment *a, const char *why)
{
    char day[16], t[CL_TIME_LEN], one[512];
    snprintf(one, sizeof one, "%s%s %s %s: %s", res->appts_held ? "; " : "", a->crn,
             date_format_long(a->date, day), time_format(a->start, t), why);
    res->appts_held++;
    /* Room for "..." is always kept, so a cut list says so. */
    size_t used = strlen(res->held);
    if (used >= 3 && !strcmp(res->held + used - 3, "..."))
        return;
    strcat(res->held, used + strlen(one) + 4 <= sizeof res->held ? one : "...");
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
    } else if (rc == CL_OK) {
        if ((rc = store_alloc_appt_move(app->store, id, f->officer, f->office, err)) == CL_OK)
            res->appts_moved++;
    }
    cl_appointment_clear(&a);
    return rc;
}

int alloc_appts_follow(cl_app *app, const char *crn, const alloc_follow *f, alloc_transfer_result *res,
                       cl_err *err)
{
    char date[CL_DATE_LEN], time[CL_TIME_LEN];
    date_format(app->clock.today, date);
    time_format(app->clock.minutes, time);
    ids l = {0};
    int rc = store_alloc_appts_open(app->store, crn, date, time, on_id, &l, err);
    if (rc == CL_OK && l.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    for (size_t i = 0; rc == CL_OK && i < l.n; i++) {
        if (!f->cancel && !f->officer)
            res->appts_kept++; /* nobody to move them to yet: they stay as booked */
        else
            rc = follow_one(app, l.v[i], f, res, err);
    }
    free(l.v);
    return rc;
}

int alloc_appts_elsewhere(cl_app *app, const char *crn, const char *officer, char *buf, size_t len,
                          size_t *n, cl_err *err)
{
    *n = 0;
    buf[0] = '\0';
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
        }
        cl_appointment_clear(&a);
    }
    free(l.v);
    return rc;
}

int alloc_appts_to_holder(cl_app *app, const char *crn, alloc_transfer_result *res, cl_err *err)
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
    alloc_follow f = {false, NULL, o.officer, o.office};
    rc = alloc_appts_follow(app, crn, &f, res, err);
    return store_end_own(app->store, own, rc, err);
}
