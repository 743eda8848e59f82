/* The scheduler: booking rules, clashes, repeats across Christmas and Easter,
 * cancel and reschedule keeping the old row, the first-appointment suggestion
 * and the diary rows. Expected dates are written out from the published
 * calendar (28 December 2026 is the Boxing Day substitute). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/contacts.h"
#include "caseload/enforce.h"
#include "caseload/record.h"
#include "caseload/ref.h"
#include "caseload/sched.h"
#include "caseload/store_write.h"
#include "caseload/store_case.h"
#include "fixture_diary.h"
#include "testutil.h"

static char *dir;
static cl_app app;
static sched_plan *plan;

static void setup(void)
{
    dir = fx_diary_setup(&app, "d.db", NULL, "2026-11-24T10:00"); /* a Tuesday */
    plan = calloc(1, sizeof *plan);
}
static void teardown(void)
{
    free(plan);
    fx_diary_teardown(&app, dir);
}
TestSuite(sched, .init = setup, .fini = teardown);

static const char *iso(cl_date d)
{
    static char buf[4][CL_DATE_LEN];
    static int k;
    k = (k + 1) % 4;
    return date_format(d, buf[k]);
}

static sched_request req(const char *crn, const char *date, const char *time) { return fx_request(crn, date, time); }

static void check(sched_request q)
{
    cl_err err = {0};
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_OK, "%s", err.msg);
}

static const sched_finding *find(sched_rule_id rule)
{
    for (size_t i = 0; i < plan->nfindings; i++)
        if (plan->findings[i].rule == rule)
            return &plan->findings[i];
    return NULL;
}

static void book_ok(sched_request q, bool force, char *id)
{
    check(q);
    cl_err err = {0};
    char ids[SCHED_MAX_OCCURRENCES][CL_ID_LEN];
    cr_assert_eq(sched_book(&app, plan, force, ids, &err), CL_OK, "%s", err.msg);
    if (id)
        strcpy(id, ids[0]);
}

Test(sched, clean_booking_fills_defaults_and_is_in_both_diaries)
{
    check(req("X100001", "2026-11-25", "10:00"));
    cr_assert_eq(plan->nfindings, 0, "%s", plan->nfindings ? plan->findings[0].msg : "");
    cr_assert_not(plan->warned || plan->refused);
    cr_assert_str_eq(plan->req.officer, "AB1");
    cr_assert_str_eq(plan->req.office, "N1");
    cr_assert_str_eq(plan->req.type, "COAP");
    cr_assert_eq(plan->req.minutes, 30);
    cl_err err = {0};
    char ids[1][CL_ID_LEN];
    cr_assert_eq(sched_book(&app, plan, false, ids, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(ids[0][0], 'B');

    sched_day d;
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICE, "N1", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 1);
    cr_assert_str_eq(d.owner, "Northtown");
    cr_assert_str_eq(d.rows[0].r.a.id, ids[0]);
    cr_assert_eq(d.rows[0].r.a.end, 10 * 60 + 30);
    cr_assert_str_eq(d.rows[0].r.surname, "Llŷr");
    cr_assert_eq(d.rows[0].risk.rosh, ROSH_HIGH);
    cr_assert_str_eq(d.rows[0].flags, "MAPPA 2/2; DA");
    cr_assert_not(d.rows[0].outcome_needed);
    sched_day_free(&d);
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "AB1", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 1);
    sched_day_free(&d);
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "CD2", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 0);
    sched_day_free(&d);
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICE, "ZZ", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_ENOINPUT);
}

Test(sched, type_by_name_and_length)
{
    sched_request q = req("X100001", "2026-11-25", "13:00");
    strcpy(q.type, "home"); /* the start of "home visit" (q.type holds 7 characters) */
    check(q);
    cr_assert_str_eq(plan->req.type, "CHVS");
    cr_assert_eq(plan->req.minutes, 60);
    q.minutes = 45;
    check(q);
    cr_assert_eq(plan->req.minutes, 45);
    strcpy(q.type, "CTOB"); /* a phone call is a contact, not a booking */
    cl_err err = {0};
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_EUSAGE);
    cr_assert(strstr(err.msg, "not an appointment type"), "%s", err.msg);
    q = req("X999999", "2026-11-25", "13:00");
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_ENOINPUT);
}

Test(sched, past_time_warns_and_needs_force)
{
    check(req("X100001", "2026-11-24", "09:00")); /* now is 10:00 */
    const sched_finding *f = find(SR_PAST);
    cr_assert_not_null(f);
    cr_assert_eq(f->level, SCHED_WARN);
    cr_assert(plan->warned);
    cl_err err = {0};
    cr_assert_eq(sched_book(&app, plan, false, NULL, &err), CL_EDATA);
    cr_assert_eq(sched_book(&app, plan, true, NULL, &err), CL_OK, "%s", err.msg);
    check(req("X100002", "2026-11-24", "10:30"));
    cr_assert_null(find(SR_PAST));
}

Test(sched, outside_office_hours_warns)
{
    check(req("X100001", "2026-11-25", "08:00"));
    cr_assert_not_null(find(SR_OUTSIDE_HOURS));
    check(req("X100001", "2026-11-25", "16:45")); /* ends 17:15 */
    cr_assert_not_null(find(SR_OUTSIDE_HOURS));
    cr_assert(strstr(find(SR_OUTSIDE_HOURS)->msg, "09:00-17:00"), "%s", find(SR_OUTSIDE_HOURS)->msg);
    check(req("X100001", "2026-11-25", "16:30")); /* ends 17:00 exactly */
    cr_assert_null(find(SR_OUTSIDE_HOURS));
}

Test(sched, weekend_and_bank_holiday_offer_next_business_day)
{
    check(req("X100001", "2026-11-28", "10:00")); /* Saturday */
    const sched_finding *f = find(SR_NOT_BUSINESS_DAY);
    cr_assert_not_null(f);
    cr_assert_str_eq(iso(f->suggest), "2026-11-30");
    check(req("X100001", "2026-12-25", "10:00"));
    f = find(SR_NOT_BUSINESS_DAY);
    cr_assert_not_null(f);
    cr_assert_str_eq(iso(f->suggest), "2026-12-29");
    cr_assert(strstr(f->msg, "Christmas Day"), "%s", f->msg);
    check(req("X100001", "2026-12-28", "10:00"));
    cr_assert_str_eq(iso(find(SR_NOT_BUSINESS_DAY)->suggest), "2026-12-29");
    check(req("X100001", "2026-12-29", "10:00"));
    cr_assert_null(find(SR_NOT_BUSINESS_DAY));
}

Test(sched, clashes_with_officer_and_person_are_shown)
{
    book_ok(req("X100001", "2026-11-25", "10:00"), false, NULL);
    /* The officer's other person at 10:15. */
    check(req("X100002", "2026-11-25", "10:15"));
    const sched_finding *f = find(SR_CLASH_OFFICER);
    cr_assert_not_null(f);
    cr_assert_str_eq(f->clash.a.crn, "X100001");
    cr_assert(strstr(f->msg, "10:00-10:30"), "%s", f->msg);
    cr_assert(strstr(f->msg, "AB1"), "%s", f->msg);
    cr_assert_null(find(SR_CLASH_PERSON));
    /* The same person with another officer. */
    sched_request q = req("X100001", "2026-11-25", "09:45");
    strcpy(q.officer, "CD2");
    check(q);
    f = find(SR_CLASH_PERSON);
    cr_assert_not_null(f);
    cr_assert_str_eq(f->clash.a.officer, "AB1");
    cr_assert_null(find(SR_CLASH_OFFICER));
    /* Back to back is not a clash. */
    check(req("X100002", "2026-11-25", "10:30"));
    cr_assert_null(find(SR_CLASH_OFFICER));
    check(req("X100002", "2026-11-25", "09:30"));
    cr_assert_null(find(SR_CLASH_OFFICER));
    /* Another officer with another person: no clash. */
    q = req("X100002", "2026-11-25", "10:00");
    strcpy(q.officer, "CD2");
    check(q);
    cr_assert_eq(plan->nfindings, 0);
}

Test(sched, cancelled_appointment_does_not_clash_and_stays_visible)
{
    char id[CL_ID_LEN];
    book_ok(req("X100001", "2026-11-25", "10:00"), false, id);
    cl_err err = {0};
    cr_assert_eq(sched_cancel(&app, id, "  ", &err), CL_EUSAGE);
    cr_assert_eq(sched_cancel(&app, id, "person in hospital", &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_cancel(&app, id, "again", &err), CL_EDATA);
    cr_assert_eq(sched_cancel(&app, "NOPE", "x", &err), CL_ENOINPUT);
    check(req("X100002", "2026-11-25", "10:00"));
    cr_assert_null(find(SR_CLASH_OFFICER));
    cl_appointment a;
    cr_assert_eq(store_get_appointment(app.store, id, &a, &err), CL_OK);
    cr_assert_str_eq(a.status, "cancelled");
    cr_assert_str_eq(a.reason, "person in hospital");
    cr_assert_str_eq(a.changed_by, "AB1");
    cr_assert_str_eq(a.changed_at, "2026-11-24T10:00");
    cl_appointment_clear(&a);
    sched_day d;
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICE, "N1", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 1);
    cr_assert_str_eq(d.rows[0].r.a.status, "cancelled");
    sched_day_free(&d);
}

Test(sched, closed_case_is_refused_even_with_force)
{
    check(req("X100003", "2026-11-25", "10:00"));
    cr_assert(plan->refused);
    const sched_finding *f = find(SR_CLOSED_CASE);
    cr_assert_not_null(f);
    cr_assert(strstr(f->msg, "closed"), "%s", f->msg);
    cl_err err = {0};
    cr_assert_eq(sched_book(&app, plan, true, NULL, &err), CL_EDATA);
    cr_assert(strstr(err.msg, "closed"), "%s", err.msg);
}

static void expect_dates(const char *const *want, size_t n)
{
    cr_assert_eq(plan->n, n, "got %zu occurrences", plan->n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(iso(plan->occ[i].date), want[i], "occurrence %zu", i);
}

Test(sched, weekly_repeat_across_christmas_moves_to_next_business_day)
{
    sched_request q = req("X100001", "2026-12-18", "10:00"); /* a Friday */
    q.repeat = SCHED_WEEKLY;
    q.count = 4;
    check(q);
    const char *want[] = {"2026-12-18", "2026-12-29", "2027-01-04", "2027-01-08"};
    expect_dates(want, 4);
    cr_assert_str_eq(plan->occ[1].holiday, "Christmas Day");
    cr_assert_str_eq(iso(plan->occ[1].planned), "2026-12-25");
    cr_assert_str_eq(plan->occ[2].holiday, "New Year's Day");
    size_t moved = 0;
    for (size_t i = 0; i < plan->nfindings; i++)
        if (plan->findings[i].rule == SR_MOVED_HOLIDAY)
            moved++;
    cr_assert_eq(moved, 2);
    cr_assert_not(plan->warned, "moving a repeat is told, not a warning");
    cl_err err = {0};
    cr_assert_eq(sched_book(&app, plan, false, NULL, &err), CL_OK, "%s", err.msg);
    sched_day d;
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "AB1", tu_date("2026-12-14"), tu_date("2027-01-10"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 4);
    cr_assert_str_eq(iso(d.rows[1].r.a.date), "2026-12-29");
    sched_day_free(&d);
}

/* The lines the officer reads (the command line and the booking form): */
static void collect(void *arg, const sched_finding *f, const char *line)
{
    (void)f;
    char *out = arg;
    size_t n = strlen(out);
    snprintf(out + n, 4096 - n, "%s\n", line);
}

/* outside office hours once for every date of a repeat, the rest by date,
 * each move naming the holiday (and one passed over on the way) and the new
 * date; a weekend says so. */
Test(sched, repeat_lines_say_a_common_warning_once_and_name_each_move)
{
    sched_request q = req("X100001", "2026-12-18", "08:00"); /* a Friday, before 09:00 */
    q.repeat = SCHED_WEEKLY;
    q.count = 4;
    check(q);
    size_t hours = 0;
    for (size_t i = 0; i < plan->nfindings; i++)
        if (plan->findings[i].rule == SR_OUTSIDE_HOURS)
            hours++;
    cr_assert_eq(hours, 1, "office hours found once for the repeat");
    cr_assert_eq(find(SR_OUTSIDE_HOURS)->count, 4);
    char out[4096] = "";
    sched_plan_lines(plan, collect, out);
    cr_assert_str_eq(out,
                     "outside office hours: 08:00-08:30 is outside N1's hours 09:00-17:00 (all 4 appointments)\n"
                     "moved: Fri 25 Dec 2026 is Christmas Day, Mon 28 Dec 2026 is Boxing Day (substitute day);"
                     " booked on Tue 29 Dec 2026 instead\n"
                     "moved: Fri 01 Jan 2027 is New Year's Day; booked on Mon 04 Jan 2027 instead\n");
    char sum[512];
    cr_assert_str_eq(sched_moves_summary(plan, sum, sizeof sum),
                     "2 moved: Fri 25 Dec 2026 (Christmas Day) to Tue 29 Dec 2026, Fri 01 Jan 2027 (New Year's Day) to"
                     " Mon 04 Jan 2027");
    /* One appointment: the words as they are. */
    check(req("X100001", "2026-11-25", "08:00"));
    out[0] = '\0';
    sched_plan_lines(plan, collect, out);
    cr_assert_str_eq(out, "outside office hours: 08:00-08:30 is outside N1's hours 09:00-17:00\n");
    cr_assert_str_eq(sched_moves_summary(plan, sum, sizeof sum), "");
    /* From a Saturday: the first is warned about, the rest move off the weekend. */
    q = req("X100001", "2026-12-05", "10:00");
    q.repeat = SCHED_WEEKLY;
    q.count = 2;
    check(q);
    out[0] = '\0';
    sched_plan_lines(plan, collect, out);
    cr_assert_str_eq(out,
                     "not a business day: Sat 05 Dec 2026 is a weekend; next business day: Mon 07 Dec 2026\n"
                     "moved: Sat 12 Dec 2026 is a weekend; booked on Mon 14 Dec 2026 instead\n");
}

Test(sched, weekly_monday_repeat_skips_boxing_day_substitute)
{
    sched_request q = req("X100001", "2026-12-21", "11:00");
    q.repeat = SCHED_WEEKLY;
    q.count = 3;
    check(q);
    const char *want[] = {"2026-12-21", "2026-12-29", "2027-01-04"};
    expect_dates(want, 3);
    cr_assert_str_eq(plan->occ[1].holiday, "Boxing Day (substitute day)");
}

Test(sched, fortnightly_repeat_across_easter)
{
    sched_request q = req("X100001", "2027-03-12", "10:00");
    q.repeat = SCHED_FORTNIGHTLY;
    q.count = 3;
    check(q);
    /* Good Friday 26 March, then Easter Monday 29 March: Tuesday 30 March. */
    const char *want[] = {"2027-03-12", "2027-03-30", "2027-04-09"};
    expect_dates(want, 3);
    cr_assert_str_eq(plan->occ[1].holiday, "Good Friday");
}

Test(sched, weekly_until_a_date_across_easter_monday)
{
    sched_request q = req("X100002", "2027-03-22", "14:00");
    q.repeat = SCHED_WEEKLY;
    q.until = tu_date("2027-04-05");
    check(q);
    const char *want[] = {"2027-03-22", "2027-03-30", "2027-04-05"};
    expect_dates(want, 3);
    cr_assert_str_eq(plan->occ[1].holiday, "Easter Monday");
    cl_err err = {0};
    q.count = 2;
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_EUSAGE, "count and until together");
    q.count = 0;
    q.until = CL_DATE_NONE;
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_EUSAGE, "neither count nor until");
    q.count = 500;
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_EUSAGE);
}

Test(sched, repeat_clash_is_reported_on_its_date)
{
    book_ok(req("X100002", "2026-12-09", "10:00"), false, NULL);
    sched_request q = req("X100001", "2026-12-02", "10:00");
    q.repeat = SCHED_WEEKLY;
    q.count = 3;
    check(q);
    const sched_finding *f = find(SR_CLASH_OFFICER);
    cr_assert_not_null(f);
    cr_assert_str_eq(iso(f->date), "2026-12-09");
    cl_err err = {0};
    cr_assert_eq(sched_book(&app, plan, false, NULL, &err), CL_EDATA);
}

Test(sched, reschedule_keeps_old_row_linked_to_new)
{
    char id[CL_ID_LEN], new_id[CL_ID_LEN];
    book_ok(req("X100001", "2026-11-25", "10:00"), false, id);
    /* 15 minutes later overlaps the old slot, which must not count as a clash. */
    sched_request q = req("", "2026-11-25", "10:15");
    cl_err err = {0};
    cr_assert_eq(sched_check_reschedule(&app, id, &q, plan, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(plan->nfindings, 0, "%s", plan->nfindings ? plan->findings[0].msg : "");
    cr_assert_str_eq(plan->req.crn, "X100001");
    cr_assert_eq(sched_reschedule(&app, id, plan, "", false, new_id, &err), CL_EUSAGE);
    cr_assert_eq(sched_reschedule(&app, id, plan, "officer on training", false, new_id, &err), CL_OK, "%s", err.msg);
    cl_appointment a;
    cr_assert_eq(store_get_appointment(app.store, id, &a, &err), CL_OK);
    cr_assert_str_eq(a.status, "rescheduled");
    cr_assert_str_eq(a.reason, "officer on training");
    cr_assert_str_eq(a.replaced_by, new_id);
    cr_assert_str_eq(a.changed_by, "AB1");
    cl_appointment_clear(&a);
    cr_assert_eq(store_get_appointment(app.store, new_id, &a, &err), CL_OK);
    cr_assert_str_eq(a.status, "booked");
    cr_assert_eq(a.start, 10 * 60 + 15);
    cr_assert_eq(a.end, 10 * 60 + 45);
    cl_appointment_clear(&a);
    /* An appointment already moved cannot be moved again. */
    cr_assert_eq(sched_check_reschedule(&app, id, &q, plan, &err), CL_EDATA);
}

Test(sched, first_appointment_after_sentence_is_next_business_day_at_the_office)
{
    sched_request q;
    cl_err err = {0};
    /* Sentenced on Christmas Eve 2026: 25 Dec, weekend and the Boxing Day substitute follow. */
    cr_assert_eq(sched_suggest_first(&app, "X100002", tu_date("2026-12-24"), &q, &err), CL_OK, "%s", err.msg);
    cr_assert_str_eq(iso(q.date), "2026-12-29");
    cr_assert_str_eq(q.office, "N1");
    cr_assert_str_eq(q.officer, "AB1");
    cr_assert_str_eq(q.type, "COAI");
    cr_assert_eq(q.start, 9 * 60);
    /* With 09:00 taken the suggestion moves to the next free hour. */
    book_ok(req("X100001", "2026-12-29", "09:00"), false, NULL);
    cr_assert_eq(sched_suggest_first(&app, "X100002", tu_date("2026-12-24"), &q, &err), CL_OK);
    cr_assert_eq(q.start, 10 * 60);
    /* Sentenced today (Tuesday): tomorrow. */
    cr_assert_eq(sched_suggest_first(&app, "X100002", tu_date("2026-11-24"), &q, &err), CL_OK);
    cr_assert_str_eq(iso(q.date), "2026-11-25");
    check(q);
    cr_assert_eq(plan->nfindings, 0);
}

Test(sched, passed_appointment_without_outcome_is_marked)
{
    book_ok(req("X100001", "2026-11-24", "09:00"), true, NULL);  /* passed */
    book_ok(req("X100002", "2026-11-24", "09:00"), true, NULL);  /* passed, outcome logged */
    book_ok(req("X100002", "2026-11-24", "11:00"), false, NULL); /* later today */
    sched_day d;
    cl_err err = {0};
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICE, "N1", tu_date("2026-11-24"), tu_date("2026-11-24"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 3);
    char sql[512];
    const char *id2 = !strcmp(d.rows[0].r.a.crn, "X100002") ? d.rows[0].r.a.id : d.rows[1].r.a.id;
    snprintf(sql, sizeof sql,
             "INSERT INTO contact(id,crn,officer,date,time,type,outcome,appointment_id)"
             " VALUES ('K1','X100002','AB1','2026-11-24','09:00','COAP','ATTC','%s')", id2);
    sched_day_free(&d);
    fx_sql(dir, "d.db", sql);
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICE, "N1", tu_date("2026-11-24"), tu_date("2026-11-24"), &d, &err), CL_OK);
    for (size_t i = 0; i < d.n; i++) {
        const sched_row *r = &d.rows[i];
        if (!strcmp(r->r.a.crn, "X100001"))
            cr_assert(r->outcome_needed);
        else if (r->r.a.start == 9 * 60) {
            cr_assert_not(r->outcome_needed);
            cr_assert_str_eq(r->r.outcome, "ATTC");
        } else
            cr_assert_not(r->outcome_needed, "later today has not passed");
    }
    sched_day_free(&d);
}

/* A booking with no location: an office visit is at its office (as its slip
 * says), a home visit booked without a place says so; a location given is
 * shown as it is. The diary rows, the printed list and the record agree. */
Test(sched, where_an_appointment_with_no_location_is_held)
{
    book_ok(req("X100001", "2026-11-25", "10:00"), false, NULL);
    sched_request q = req("X100001", "2026-11-25", "14:00");
    snprintf(q.type, sizeof q.type, "CHVS");
    book_ok(q, false, NULL);
    q = req("X100001", "2026-11-25", "16:00");
    snprintf(q.location, sizeof q.location, "Interview room 6");
    book_ok(q, false, NULL);
    cl_err err = {0};
    sched_day d;
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "AB1", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 3);
    cr_assert_str_eq(d.rows[0].where, "Northtown");
    cr_assert_str_eq(d.rows[1].where, "(no location)");
    cr_assert_str_eq(d.rows[2].where, "Interview room 6");
    char buf[CL_TEXT_LEN];
    cr_assert_str_eq(sched_where(&app, &d.rows[0].r.a, buf, sizeof buf), "Northtown");
    sched_day_free(&d);
    cl_record r;
    cr_assert_eq(record_load(&app, "X100001", &r, &err), CL_OK, "%s", err.msg);
    char line[256];
    cr_assert_str_eq(record_next_line(&r, line, sizeof line), "Next appointment: 2026-11-25 10:00 Office visit, Northtown");
    cr_assert_str_eq(r.appts[1].location, "(no location)");
    record_free(&r);
}

Test(sched, week_start_is_monday)
{
    cr_assert_str_eq(iso(sched_week_start(tu_date("2026-11-24"))), "2026-11-23");
    cr_assert_str_eq(iso(sched_week_start(tu_date("2026-11-29"))), "2026-11-23");
    cr_assert_str_eq(iso(sched_week_start(tu_date("2026-11-30"))), "2026-11-30");
}

/* The national system left same-day appointments out of "next appointment";
 * ours counts a later one today, and never a cancelled one. */
Test(sched, next_appointment_includes_later_today)
{
    char later[CL_ID_LEN];
    book_ok(req("X100001", "2026-11-24", "09:00"), true, NULL); /* passed: now is 10:00 */
    book_ok(req("X100001", "2026-11-24", "14:00"), false, later);
    book_ok(req("X100001", "2026-11-26", "11:00"), false, NULL);
    cl_appointment a;
    bool found = false;
    cl_err err = {0};
    cr_assert_eq(store_next_appointment(app.store, "X100001", app.clock.today, app.clock.minutes, &a, &found, &err), CL_OK, "%s", err.msg);
    cr_assert(found);
    cr_assert_str_eq(iso(a.date), "2026-11-24");
    cr_assert_eq(a.start, 14 * 60);
    cr_assert_eq(sched_cancel(&app, later, "rearranged", &err), CL_OK);
    cr_assert_eq(store_next_appointment(app.store, "X100001", app.clock.today, app.clock.minutes, &a, &found, &err), CL_OK);
    cr_assert(found);
    cr_assert_str_eq(iso(a.date), "2026-11-26");
    /* At 14:00 exactly an appointment starting then is still next. */
    book_ok(req("X100001", "2026-11-24", "15:00"), false, NULL);
    cr_assert_eq(store_next_appointment(app.store, "X100001", app.clock.today, 15 * 60, &a, &found, &err), CL_OK);
    cr_assert(found);
    cr_assert_eq(a.start, 15 * 60);
    cr_assert_str_eq(iso(a.date), "2026-11-24");
}

/* An outcome logged for an appointment stays counted: the appointment is not
 * cancelled or moved until the contact is corrected (here withdrawn). */
static void outcome_blocks_cancel_and_move(const char *outcome, const char *note)
{
    fx_sql(dir, "d.db",
           "INSERT INTO appointment(id,crn,officer,office,date,start,end,type)"
           " VALUES ('A7','X100002','AB1','N1','2026-11-23','10:00','10:30','COAP');");
    cl_err err = {0};
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&app, "A7", &c, &err), CL_OK, "%s", err.msg);
    snprintf(c.outcome, sizeof c.outcome, "%s", outcome);
    c.notes = strdup(note);
    cr_assert_eq(contact_log(&app, &c, NULL, &err), CL_OK, "%s", err.msg);

    char want[256];
    snprintf(want, sizeof want, "appointment A7 has an outcome (%s, 23/11/2026, contact %s): correct that contact first",
             ref_find_outcome(outcome)->name, c.id);
    /* Asked by the screens before any reason is typed: the same words. */
    cr_assert_eq(sched_appt_check_changeable(&app, "A7", &err), CL_EDATA);
    cr_assert_str_eq(err.msg, want);
    cr_assert_eq(sched_cancel(&app, "A7", "entered in error", &err), CL_EDATA);
    cr_assert_str_eq(err.msg, want);
    sched_request q = req("", "2026-11-26", "10:00");
    cr_assert_eq(sched_check_reschedule(&app, "A7", &q, plan, &err), CL_EDATA);
    cr_assert_str_eq(err.msg, want);
    cl_appointment a;
    cr_assert_eq(store_get_appointment(app.store, "A7", &a, &err), CL_OK);
    cr_assert_str_eq(a.status, "booked");
    cl_appointment_clear(&a);

    /* Withdrawn by a correction: now it can be cancelled. */
    cl_contact k;
    cr_assert_eq(contact_correction_of(&app, c.id, &k, &err), CL_OK, "%s", err.msg);
    k.outcome[0] = '\0';
    k.notes = strdup("outcome entered in error");
    cr_assert_eq(contact_log(&app, &k, NULL, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_appt_check_changeable(&app, "A7", &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_check_reschedule(&app, "A7", &q, plan, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_cancel(&app, "A7", "entered in error", &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_appt_check_changeable(&app, "A7", &err), CL_EDATA);
    cr_assert_str_eq(err.msg, "A7: appointment is not booked (already cancelled or rescheduled)");
    cr_assert_eq(sched_appt_check_changeable(&app, "NOPE", &err), CL_ENOINPUT);
    cl_contact_clear(&c);
    cl_contact_clear(&k);
}

Test(sched, an_unacceptable_absence_blocks_cancel_and_move)
{
    outcome_blocks_cancel_and_move("UAAB", "no show");
}

Test(sched, an_acceptable_absence_blocks_cancel_and_move)
{
    outcome_blocks_cancel_and_move("AAME", "doctor's note");
}

/* The move is checked again when it is written: an outcome logged after the
 * plan was made stops it. */
Test(sched, an_outcome_logged_after_the_move_was_planned_stops_it)
{
    fx_sql(dir, "d.db",
           "INSERT INTO appointment(id,crn,officer,office,date,start,end,type)"
           " VALUES ('A8','X100002','AB1','N1','2026-11-23','11:00','11:30','COAP');");
    cl_err err = {0};
    sched_request q = req("", "2026-11-26", "11:00");
    cr_assert_eq(sched_check_reschedule(&app, "A8", &q, plan, &err), CL_OK, "%s", err.msg);
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&app, "A8", &c, &err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    cr_assert_eq(contact_log(&app, &c, NULL, &err), CL_OK, "%s", err.msg);
    char new_id[CL_ID_LEN];
    cr_assert_eq(sched_reschedule(&app, "A8", plan, "officer away", true, new_id, &err), CL_EDATA);
    cr_assert(strstr(err.msg, "has an outcome (Unacceptable absence,"), "%s", err.msg);
    cl_contact_clear(&c);
}

/* A closed case's appointments are neither cancelled nor moved. */
Test(sched, a_closed_cases_appointment_is_not_cancelled_or_moved)
{
    fx_sql(dir, "d.db",
           "INSERT INTO appointment(id,crn,officer,office,date,start,end,type)"
           " VALUES ('A9','X100003','CD2','N1','2026-11-26','10:00','10:30','COAP');");
    cl_err err = {0};
    cr_assert_eq(sched_appt_check_changeable(&app, "A9", &err), CL_EDATA);
    cr_assert_str_eq(err.msg, "the case of Case Shut (X100003) is closed: read-only");
    cr_assert_eq(sched_cancel(&app, "A9", "case closed", &err), CL_EDATA);
    cr_assert_str_eq(err.msg, "the case of Case Shut (X100003) is closed: read-only");
    sched_request q = req("", "2026-11-27", "10:00");
    cr_assert_eq(sched_check_reschedule(&app, "A9", &q, plan, &err), CL_EDATA);
    cr_assert_str_eq(err.msg, "the case of Case Shut (X100003) is closed: read-only");
}

/* An order that is not the person's is refused by its field before anything
 * is written (the database's reference check names no field). */
Test(sched, an_order_that_is_not_the_persons_is_refused_naming_it)
{
    fx_sql(dir, "d.db", "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100001','CO','2026-01-10');");
    cl_err err = {0};
    sched_request q = req("X100002", "2026-11-25", "10:00");
    snprintf(q.order_id, sizeof q.order_id, "O1");
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_EDATA);
    cr_expect_str_eq(err.msg, "order: order O1 is X100001's, not X100002's");
    snprintf(q.crn, sizeof q.crn, "X100001");
    check(q);
}

/* The diary's Flags cell has the person's enforcement words after the risk
 * flags: filled for a screenful at once by the due rules' one pass
 * (due_page_facts), the words enf_load gives, for every row of each person. */
Test(sched, enforcement_words_fill_a_screenful_for_every_row_of_its_people)
{
    fx_sql(dir, "d.db",
           "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100001','CO','2026-01-10');"
           "INSERT INTO contact(id,crn,order_id,officer,date,time,end,type,outcome)"
           " VALUES ('K1','X100001','O1','AB1','2026-11-20','09:00','09:30','COAP','UAAB');");
    book_ok(req("X100001", "2026-11-25", "10:00"), false, NULL);
    book_ok(req("X100002", "2026-11-25", "11:00"), false, NULL);
    book_ok(req("X100001", "2026-11-25", "14:00"), false, NULL);
    sched_day d;
    cl_err err = {0};
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "AB1", tu_date("2026-11-25"), tu_date("2026-11-25"), &d, &err), CL_OK);
    cr_assert_eq(d.n, 3);
    for (size_t i = 0; i < d.n; i++)
        cr_assert_null(d.rows[i].enforcement, "not read by the day's own load");
    cr_assert_eq(sched_day_enforcement(&app, &d, 1, 1, &err), CL_OK, "%s", err.msg);
    cr_assert_str_eq(d.rows[1].enforcement, "");
    cr_assert_null(d.rows[0].enforcement, "another person, not on the screenful");
    cr_assert_null(d.rows[2].enforcement);
    cr_assert_eq(sched_day_enforcement(&app, &d, 2, 60, &err), CL_OK, "%s", err.msg);
    enf_person ep;
    cr_assert_eq(enf_load(app.store, &app.cal, "X100001", app.clock.today, &ep, &err), CL_OK);
    cr_assert_str_eq(ep.words, "WARNING DUE");
    cr_assert_str_eq(d.rows[2].enforcement, ep.words);
    cr_assert_str_eq(d.rows[0].enforcement, ep.words, "the same person above the screenful");
    sched_day_free(&d);
}
