/* Booking, cancelling and rescheduling: each one transaction; nothing is
 * deleted, and the old row keeps the reason, who and when. */
#include <stdio.h>
#include <string.h>

#include "caseload/store_write.h"
#include "core/sched_int.h"

static int refuse_unless(const sched_plan *plan, bool force, cl_err *err)
{
    if (plan->refused) {
        for (size_t i = 0; i < plan->nfindings; i++)
            if (plan->findings[i].level == SCHED_REFUSE)
                return cl_err_set(err, CL_EDATA, "%s", plan->findings[i].msg);
        return cl_err_set(err, CL_EDATA, "refused");
    }
    if (plan->warned && !force)
        return cl_err_set(err, CL_EDATA, "not booked: confirm the warnings first (--force on the command line)");
    if (plan->n == 0)
        return cl_err_set(err, CL_EUSAGE, "nothing to book");
    return CL_OK;
}

static void appt_from_plan(const sched_plan *plan, size_t i, cl_appointment *a)
{
    const sched_request *q = &plan->req;
    memset(a, 0, sizeof *a);
    snprintf(a->crn, sizeof a->crn, "%s", q->crn);
    snprintf(a->order_id, sizeof a->order_id, "%s", q->order_id);
    snprintf(a->officer, sizeof a->officer, "%s", q->officer);
    snprintf(a->office, sizeof a->office, "%s", q->office);
    snprintf(a->type, sizeof a->type, "%s", q->type);
    snprintf(a->location, sizeof a->location, "%s", q->location);
    a->notes = (char *)q->notes; /* borrowed: never freed here */
    a->date = plan->occ[i].date;
    a->start = q->start;
    a->end = q->start + q->minutes;
}

static int insert_all(cl_app *app, const sched_plan *plan, char (*ids)[CL_ID_LEN], cl_err *err)
{
    for (size_t i = 0; i < plan->n; i++) {
        cl_appointment a;
        appt_from_plan(plan, i, &a);
        int rc = store_appt_new_id(app->store, a.id, sizeof a.id, err);
        if (rc == CL_OK)
            rc = store_put_appointment(app->store, &a, NULL, err);
        if (rc != CL_OK)
            return rc;
        if (ids)
            snprintf(ids[i], CL_ID_LEN, "%s", a.id);
    }
    return CL_OK;
}

int sched_book(cl_app *app, const sched_plan *plan, bool force, char (*ids)[CL_ID_LEN], cl_err *err)
{
    int rc = refuse_unless(plan, force, err);
    if (rc != CL_OK)
        return rc;
    if ((rc = store_begin(app->store, err)) != CL_OK)
        return rc;
    store_action(app->store, "book", NULL, NULL);
    if ((rc = insert_all(app, plan, ids, err)) != CL_OK) {
        store_rollback(app->store);
        return rc;
    }
    return store_commit(app->store, err);
}

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

int sched_cancel(cl_app *app, const char *id, const char *reason, cl_err *err)
{
    if (blank(reason))
        return cl_err_set(err, CL_EUSAGE, "reason: say why the appointment is cancelled");
    int rc = store_begin(app->store, err);
    if (rc != CL_OK)
        return rc;
    store_action(app->store, "cancel", reason, NULL);
    cl_appointment old;
    if ((rc = store_get_appointment(app->store, id, &old, err)) == CL_OK) {
        /* One not booked keeps store_appt_close's "not booked" message. */
        if (!strcmp(old.status, "booked"))
            rc = sched_appt_changeable(app, &old, err);
        cl_appointment_clear(&old);
        if (rc == CL_OK)
            rc = store_appt_close(app->store, id, "cancelled", reason, NULL, err);
    }
    if (rc != CL_OK) {
        store_rollback(app->store);
        return rc;
    }
    return store_commit(app->store, err);
}

int sched_reschedule(cl_app *app, const char *id, const sched_plan *plan, const char *reason,
                     bool force, char *new_id, cl_err *err)
{
    if (blank(reason))
        return cl_err_set(err, CL_EUSAGE, "reason: say why the appointment is moved");
    int rc = refuse_unless(plan, force, err);
    if (rc != CL_OK)
        return rc;
    if (plan->n != 1)
        return cl_err_set(err, CL_EUSAGE, "a rescheduled appointment has one new slot");
    if ((rc = store_begin(app->store, err)) != CL_OK)
        return rc;
    store_action(app->store, "move", reason, NULL);
    /* Checked again inside the transaction: an outcome may have been logged
     * since the plan was made. */
    cl_appointment old;
    if ((rc = store_get_appointment(app->store, id, &old, err)) == CL_OK) {
        if (!strcmp(old.status, "booked"))
            rc = sched_appt_changeable(app, &old, err);
        cl_appointment_clear(&old);
    }
    char ids[1][CL_ID_LEN];
    if (rc == CL_OK && (rc = insert_all(app, plan, ids, err)) == CL_OK)
        rc = store_appt_close(app->store, id, "rescheduled", reason, ids[0], err);
    if (rc != CL_OK) {
        store_rollback(app->store);
        return rc;
    }
    if ((rc = store_commit(app->store, err)) != CL_OK)
        return rc;
    if (new_id)
        snprintf(new_id, CL_ID_LEN, "%s", ids[0]);
    return CL_OK;
}

typedef struct any_ctx {
    bool found;
} any_ctx;

static void on_any(void *arg, const store_appt_row *row)
{
    (void)row;
    ((any_ctx *)arg)->found = true;
}

int sched_suggest_first(cl_app *app, const char *crn, cl_date sentence_date, sched_request *out,
                        cl_err *err)
{
    memset(out, 0, sizeof *out);
    cl_offender person;
    int rc = sched_person(app, crn, &person, err);
    if (rc != CL_OK)
        return rc;
    snprintf(out->crn, sizeof out->crn, "%s", crn);
    snprintf(out->officer, sizeof out->officer, "%.*s", (int)sizeof out->officer - 1, person.officer[0] ? person.officer : app->officer);
    if (!out->officer[0])
        return cl_err_set(err, CL_EUSAGE, "%s has no officer yet: allocate the case first", crn);
    if ((rc = sched_officer_office(app, out->officer, out->office, sizeof out->office, err)) != CL_OK)
        return rc;
    int hs, he;
    if ((rc = sched_office_hours(app, out->office, &hs, &he, err)) != CL_OK)
        return rc;
    snprintf(out->type, sizeof out->type, "COAI");
    out->minutes = sched_type_minutes("COAI");
    cl_date from = sentence_date > app->clock.today ? sentence_date : app->clock.today;
    out->date = cal_add_business_days(&app->cal, from, 1);
    out->until = CL_DATE_NONE;
    /* The first free slot in office hours, in steps of the appointment's length. */
    out->start = hs >= 0 ? hs : 9 * 60;
    int last = (he >= 0 ? he : 17 * 60) - out->minutes;
    for (int t = out->start; t <= last; t += out->minutes) {
        any_ctx c = {false};
        if ((rc = store_appt_clashes(app->store, out->officer, crn, out->date, t, t + out->minutes,
                                     NULL, on_any, &c, err)) != CL_OK)
            return rc;
        if (!c.found) {
            out->start = t;
            break;
        }
    }
    return CL_OK;
}
