/* The booking rules, in one table, and the check that applies them. */
#include <stdio.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "core/sched_int.h"

const sched_rule SCHED_RULES[SR_N] = {
    {SR_CLOSED_CASE, "closed case", SCHED_REFUSE, "a closed case cannot be booked", false},
    {SR_PAST, "past", SCHED_WARN, "the time has already passed", false},
    {SR_OUTSIDE_HOURS, "office hours", SCHED_WARN, "outside the office's hours", true},
    {SR_NOT_BUSINESS_DAY, "not a business day", SCHED_WARN,
     "a weekend or bank holiday (the next business day is offered)", false},
    {SR_CLASH_OFFICER, "officer clash", SCHED_WARN, "the officer has another appointment then", false},
    {SR_CLASH_PERSON, "person clash", SCHED_WARN, "the person has another appointment then", false},
    {SR_MOVED_HOLIDAY, "moved", 0, "a repeat on a weekend or bank holiday moves to the next business day", false},
};

static sched_finding *add(sched_plan *p, sched_rule_id rule, cl_date date)
{
    const sched_rule *r = &SCHED_RULES[rule];
    if (r->level == SCHED_REFUSE)
        p->refused = true;
    else if (r->level == SCHED_WARN)
        p->warned = true;
    if (p->nfindings == SCHED_MAX_FINDINGS) {
        p->more++;
        return NULL;
    }
    sched_finding *f = &p->findings[p->nfindings++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->level = r->level;
    f->date = date;
    f->count = 1;
    f->suggest = CL_DATE_NONE;
    return f;
}

/* A `once` rule already found with the same words: counted, not repeated. */
static bool seen_once(sched_plan *p, sched_rule_id rule, const char *msg)
{
    if (!SCHED_RULES[rule].once)
        return false;
    for (size_t i = 0; i < p->nfindings; i++)
        if (p->findings[i].rule == rule && !strcmp(p->findings[i].msg, msg)) {
            p->findings[i].count++;
            return true;
        }
    return false;
}

typedef struct clash_ctx {
    cl_app *app;
    sched_plan *plan;
    const sched_request *req;
    cl_date date;
} clash_ctx;

static void on_clash(void *arg, const store_appt_row *row)
{
    clash_ctx *c = arg;
    const sched_request *q = c->req;
    bool same_person = !strcmp(row->a.crn, q->crn);
    sched_rule_id rule = same_person ? SR_CLASH_PERSON : SR_CLASH_OFFICER;
    sched_finding *f = add(c->plan, rule, c->date);
    if (!f)
        return;
    f->clash = *row;
    char d[16], s[CL_TIME_LEN], e[CL_TIME_LEN];
    const ref_contact_type *t = ref_find_contact_type(row->a.type);
    const char *what = t ? t->name : row->a.type;
    char where[CL_TEXT_LEN];
    sched_where(c->app, &row->a, where, sizeof where);
    date_format_long(c->date, d);
    time_format(row->a.start, s);
    if (row->a.end >= 0)
        time_format(row->a.end, e);
    else
        snprintf(e, sizeof e, "?");
    if (same_person)
        snprintf(f->msg, sizeof f->msg, "clash: %s %s %s (%s) already has %s %s-%s with officer %s at %s",
                 d, row->forenames, row->surname, q->crn, what, s, e, row->a.officer, where);
    else
        snprintf(f->msg, sizeof f->msg, "clash: %s officer %s already has %s %s-%s with %s %s (%s) at %s",
                 d, q->officer, what, s, e, row->forenames, row->surname, row->a.crn, where);
}

static void check_occurrence(cl_app *app, sched_plan *p, cl_date date, int hours_start,
                             int hours_end, const char *exclude_id, cl_err *err, int *rc)
{
    const sched_request *q = &p->req;
    int end = q->start + q->minutes;
    char d[16], t1[CL_TIME_LEN], t2[CL_TIME_LEN];
    date_format_long(date, d);

    if (date < app->clock.today || (date == app->clock.today && q->start < app->clock.minutes)) {
        sched_finding *f = add(p, SR_PAST, date);
        if (f)
            snprintf(f->msg, sizeof f->msg, "in the past: %s %s has already gone", d,
                     time_format(q->start, t1));
    }
    if (hours_start >= 0 && hours_end >= 0 && (q->start < hours_start || end > hours_end)) {
        char h1[CL_TIME_LEN], h2[CL_TIME_LEN], m[sizeof p->findings[0].msg];
        snprintf(m, sizeof m, "outside office hours: %s-%s is outside %s's hours %s-%s",
                 time_format(q->start, t1), time_format(end, t2), q->office,
                 time_format(hours_start, h1), time_format(hours_end, h2));
        sched_finding *f = seen_once(p, SR_OUTSIDE_HOURS, m) ? NULL : add(p, SR_OUTSIDE_HOURS, date);
        if (f)
            snprintf(f->msg, sizeof f->msg, "%s", m);
    }
    if (!cal_is_business_day(&app->cal, date)) {
        sched_finding *f = add(p, SR_NOT_BUSINESS_DAY, date);
        if (f) {
            f->suggest = cal_next_business_day_from(&app->cal, date);
            char why[400], n[16];
            snprintf(f->msg, sizeof f->msg, "not a business day: %s; next business day: %s",
                     cal_passed_over_words(&app->cal, date, f->suggest, why, sizeof why),
                     date_format_long(f->suggest, n));
        }
    }
    if (*rc == CL_OK) {
        clash_ctx c = {app, p, q, date};
        *rc = store_appt_clashes(app->store, q->officer, q->crn, date, q->start, end, exclude_id,
                                 on_clash, &c, err);
    }
}

/* Fills the request's defaults from the person, officer and type. */
static int fill_defaults(cl_app *app, sched_request *q, const cl_offender *person, cl_err *err)
{
    if (!q->type[0])
        snprintf(q->type, sizeof q->type, "%s", SCHED_DEFAULT_TYPE);
    const char *type;
    cl_err why = {0};
    if (sched_type_resolve(q->type, &type, &why) != CL_OK)
        return cl_err_set(err, CL_EUSAGE, "type: %s", why.msg);
    snprintf(q->type, sizeof q->type, "%s", type);
    if (q->minutes <= 0)
        q->minutes = sched_type_minutes(q->type);
    if (q->start < 0 || q->start >= 24 * 60 || q->start + q->minutes > 24 * 60)
        return cl_err_set(err, CL_EUSAGE, "time: the appointment must start and end on the same day");
    if (q->date == CL_DATE_NONE)
        return cl_err_set(err, CL_EUSAGE, "date: no date given");
    if (!q->officer[0])
        snprintf(q->officer, sizeof q->officer, "%.*s", (int)sizeof q->officer - 1, person->officer[0] ? person->officer : app->officer);
    if (!q->officer[0])
        return cl_err_set(err, CL_EUSAGE, "officer: %s has no officer: give one", q->crn);
    if (!q->office[0]) {
        int rc = sched_officer_office(app, q->officer, q->office, sizeof q->office, err);
        if (rc != CL_OK)
            return rc;
    }
    return CL_OK;
}

/* "moved: Fri 25 Dec 2026 is Christmas Day, Mon 28 Dec 2026 is Boxing Day
 * (substitute day); booked on Tue 29 Dec 2026 instead": the day it fell on,
 * each bank holiday passed over on the way, and the day booked. */
static void moved_words(const cl_calendar *cal, const sched_occurrence *o, char *msg, size_t len)
{
    char why[400], b[16];
    snprintf(msg, len, "moved: %s; booked on %s instead", cal_passed_over_words(cal, o->planned, o->date, why, sizeof why),
             date_format_long(o->date, b));
}

static int check_plan(cl_app *app, const sched_request *req, const char *exclude_id, sched_plan *p,
                      cl_err *err)
{
    memset(p, 0, sizeof *p);
    p->req = *req;
    sched_request *q = &p->req;
    cl_offender person;
    int rc = sched_person(app, q->crn, &person, err);
    if (rc != CL_OK)
        return rc;
    if ((rc = case_check_order(app->store, q->crn, q->order_id, err)) != CL_OK)
        return rc;
    if ((rc = fill_defaults(app, q, &person, err)) != CL_OK)
        return rc;
    char tmp[CL_NAME_LEN];
    if ((rc = sched_owner_name(app, STORE_DIARY_OFFICER, q->officer, tmp, sizeof tmp, err)) != CL_OK)
        return rc;
    int hs = -1, he = -1;
    if ((rc = sched_office_hours(app, q->office, &hs, &he, err)) != CL_OK)
        return rc;
    if ((rc = sched_expand(&app->cal, q->date, q->repeat, q->count, q->until, p->occ,
                           SCHED_MAX_OCCURRENCES, &p->n, err)) != CL_OK)
        return rc;
    cl_err closed = {0};
    if (case_check_open(app->store, q->crn, &closed) == CL_EDATA) {
        sched_finding *f = add(p, SR_CLOSED_CASE, q->date);
        if (f)
            snprintf(f->msg, sizeof f->msg, "refused: %.600s", closed.msg);
    }
    for (size_t i = 0; i < p->n; i++) {
        if (p->occ[i].holiday[0]) {
            sched_finding *f = add(p, SR_MOVED_HOLIDAY, p->occ[i].date);
            if (f)
                moved_words(&app->cal, &p->occ[i], f->msg, sizeof f->msg);
        }
        check_occurrence(app, p, p->occ[i].date, hs, he, exclude_id, err, &rc);
        if (rc != CL_OK)
            return rc;
    }
    return CL_OK;
}

int sched_check(cl_app *app, const sched_request *req, sched_plan *plan, cl_err *err)
{
    return check_plan(app, req, NULL, plan, err);
}

/* Booked, and sched_appt_changeable: what cancelling or moving needs. */
static int appt_changeable(cl_app *app, const cl_appointment *a, cl_err *err)
{
    if (strcmp(a->status, "booked"))
        return cl_err_set(err, CL_EDATA, "%s: appointment is not booked (already cancelled or rescheduled)", a->id);
    return sched_appt_changeable(app, a, err);
}

int sched_appt_check_changeable(cl_app *app, const char *id, cl_err *err)
{
    cl_appointment a;
    int rc = store_get_appointment(app->store, id, &a, err);
    if (rc != CL_OK)
        return rc;
    rc = appt_changeable(app, &a, err);
    cl_appointment_clear(&a);
    return rc;
}

int sched_check_reschedule(cl_app *app, const char *id, const sched_request *req, sched_plan *plan,
                           cl_err *err)
{
    cl_appointment old;
    int rc = store_get_appointment(app->store, id, &old, err);
    if (rc != CL_OK)
        return rc;
    sched_request q = *req;
    snprintf(q.crn, sizeof q.crn, "%s", old.crn);
    if (!q.officer[0])
        snprintf(q.officer, sizeof q.officer, "%s", old.officer);
    if (!q.office[0])
        snprintf(q.office, sizeof q.office, "%s", old.office);
    if (!q.type[0])
        snprintf(q.type, sizeof q.type, "%s", old.type);
    if (!q.location[0])
        snprintf(q.location, sizeof q.location, "%s", old.location);
    if (!q.order_id[0])
        snprintf(q.order_id, sizeof q.order_id, "%s", old.order_id);
    if (q.minutes <= 0 && old.end > old.start)
        q.minutes = old.end - old.start;
    q.repeat = SCHED_ONCE;
    rc = appt_changeable(app, &old, err);
    cl_appointment_clear(&old);
    if (rc != CL_OK)
        return rc;
    return check_plan(app, &q, id, plan, err);
}
