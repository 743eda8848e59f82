/* An appointment's outcome as every user reads it (store_appt_outcome_contact):
 * logging one, the diary row, cancel and move, and transfer. An outcome
 * withdrawn by a correction is no outcome; one corrected to another outcome
 * is that outcome; a new one logged after a withdrawal is the outcome. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/contacts.h"
#include "caseload/sched.h"
#include "caseload/store_contact.h"
#include "fixture_diary.h"
#include "testutil.h"

static char *dir;
static cl_app app;
static sched_plan *plan;

/* A1: Ben Okafor's office visit today 11:00-11:30 (now 10:00, a Tuesday):
 * still open, so a transfer takes it along unless it has an outcome. */
static void setup(void)
{
    dir = fx_diary_setup(&app, "o.db",
                         "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100002','CO','2026-01-10');"
                         "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
                         " VALUES ('A1','X100002','O1','AB1','N1','2026-11-24','11:00','11:30','COAP');",
                         "2026-11-24T10:00");
    plan = calloc(1, sizeof *plan);
}
static void teardown(void)
{
    free(plan);
    fx_diary_teardown(&app, dir);
}
TestSuite(appt_outcome, .init = setup, .fini = teardown);

/* What happened at A1 is logged once it has started (contact_check): outcomes
 * are logged and asked about at 11:15; the other users (diary, move, cancel,
 * transfer) are asked at 10:00, while A1 is still ahead and a transfer would
 * take it along. */
#define LOGGED_AT (11 * 60 + 15)
#define CHECKED_AT (10 * 60)

/* Logs an outcome of A1 (a new one when corrects is NULL); its id into id. */
static void log_outcome(const char *corrects, const char *outcome, char *id)
{
    cl_err err = {0};
    cl_contact c;
    app.clock.minutes = LOGGED_AT;
    if (corrects)
        cr_assert_eq(contact_correction_of(&app, corrects, &c, &err), CL_OK, "%s", err.msg);
    else
        cr_assert_eq(contact_from_appointment(&app, "A1", &c, &err), CL_OK, "%s", err.msg);
    snprintf(c.outcome, sizeof c.outcome, "%s", outcome);
    c.notes = strdup("reason: doctor's note");
    cr_assert_eq(contact_log(&app, &c, NULL, &err), CL_OK, "%s", err.msg);
    strcpy(id, c.id);
    cl_contact_clear(&c);
    app.clock.minutes = CHECKED_AT;
}

/* What a new outcome of A1 gets from the check logging runs: "" when allowed. */
static const char *new_outcome_refusal(void)
{
    static cl_err err;
    memset(&err, 0, sizeof err);
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&app, "A1", &c, &err), CL_OK, "%s", err.msg);
    snprintf(c.outcome, sizeof c.outcome, "ATTC");
    app.clock.minutes = LOGGED_AT;
    int rc = contact_check(&app, &c, &err);
    app.clock.minutes = CHECKED_AT;
    cl_contact_clear(&c);
    cr_assert(rc == CL_OK || rc == CL_EDATA, "%s", err.msg);
    return rc == CL_OK ? "" : err.msg;
}

/* The diary row of A1, read once its time has passed (12:00). */
static void expect_diary(const char *outcome, bool needed)
{
    cl_err err = {0};
    sched_day d;
    int now = app.clock.minutes;
    app.clock.minutes = 12 * 60;
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "AB1", app.clock.today, app.clock.today, &d, &err),
                 CL_OK, "%s", err.msg);
    app.clock.minutes = now;
    cr_assert_eq(d.n, 1);
    cr_expect_str_eq(d.rows[0].r.outcome, outcome);
    cr_expect_eq(d.rows[0].outcome_needed, needed);
    sched_day_free(&d);
}

/* What moving A1 gets: "" when allowed (the check cancel runs as well). */
static const char *move_refusal(void)
{
    static cl_err err;
    memset(&err, 0, sizeof err);
    sched_request q;
    memset(&q, 0, sizeof q);
    q.date = tu_date("2026-11-26");
    q.start = 11 * 60;
    q.until = CL_DATE_NONE;
    int rc = sched_check_reschedule(&app, "A1", &q, plan, &err);
    cr_assert(rc == CL_OK || rc == CL_EDATA, "%s", err.msg);
    return rc == CL_OK ? "" : err.msg;
}

/* Transfers Ben Okafor to EF3 (Southtown), appointments following. */
static alloc_transfer_result transfer(void)
{
    const char *crns[] = {"X100002"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_officer = "EF3"}, &res, &err),
                 CL_OK, "%s", err.msg);
    return res;
}

static void expect_has(const char *msg, const char *outcome_name, const char *contact)
{
    char want[160];
    snprintf(want, sizeof want, "appointment A1 has an outcome (%s, 24/11/2026, contact %s)", outcome_name, contact);
    cr_expect(strstr(msg, want), "'%s' does not say '%s'", msg, want);
}

Test(appt_outcome, a_withdrawn_outcome_is_no_outcome_for_every_user)
{
    char first[CL_ID_LEN], fix[CL_ID_LEN];
    log_outcome(NULL, "UAAB", first);
    log_outcome(first, "", fix);

    bool found = true;
    cl_contact k;
    cl_err err = {0};
    cr_assert_eq(store_appt_outcome_contact(app.store, "A1", &k, &found, &err), CL_OK, "%s", err.msg);
    cr_expect_not(found);
    cr_expect_str_empty(new_outcome_refusal(), "a new outcome may be logged");
    expect_diary("", true);
    cr_expect_str_empty(move_refusal(), "it may be moved or cancelled");
    alloc_transfer_result res = transfer();
    cr_expect_eq(res.appts_held, 0, "%s", res.held);
    cr_expect_eq(res.appts_moved, 1);
}

Test(appt_outcome, an_outcome_corrected_to_another_is_the_new_outcome)
{
    char first[CL_ID_LEN], fix[CL_ID_LEN];
    log_outcome(NULL, "UAAB", first);
    log_outcome(first, "AAME", fix);

    const char *why = new_outcome_refusal();
    char want[160];
    snprintf(want, sizeof want, "appointment: A1 already has an outcome (contact %s): add a correction of %s", fix, fix);
    cr_expect_str_eq(why, want);
    expect_diary("AAME", false);
    expect_has(move_refusal(), "Acceptable absence - medical", fix);
    alloc_transfer_result res = transfer();
    cr_expect_eq(res.appts_held, 1);
    cr_expect_eq(res.appts_moved, 0);
    expect_has(res.held, "Acceptable absence - medical", fix);
}

Test(appt_outcome, a_new_outcome_after_a_withdrawal_is_the_outcome)
{
    char first[CL_ID_LEN], fix[CL_ID_LEN], again[CL_ID_LEN];
    log_outcome(NULL, "UAAB", first);
    log_outcome(first, "", fix);
    log_outcome(NULL, "AFTA", again);

    cr_expect(strstr(new_outcome_refusal(), again), "names the new outcome's contact");
    expect_diary("AFTA", true); /* evidence awaited still needs the decided outcome */
    expect_has(move_refusal(), "Failed to attend (evidence awaited)", again);

    /* The withdrawal is not a way round the one outcome: correcting it with an
     * outcome is refused, naming the contact to correct. */
    cl_contact c;
    cl_err err = {0};
    cr_assert_eq(contact_correction_of(&app, fix, &c, &err), CL_OK, "%s", err.msg);
    snprintf(c.outcome, sizeof c.outcome, "ATTC");
    app.clock.minutes = LOGGED_AT;
    cr_expect_eq(contact_check(&app, &c, &err), CL_EDATA);
    app.clock.minutes = CHECKED_AT;
    cr_expect(strstr(err.msg, again), "%s", err.msg);
    cl_contact_clear(&c);

    /* Corrected in its turn, the new outcome is the correction's. */
    char decided[CL_ID_LEN];
    log_outcome(again, "UAAB", decided);
    expect_diary("UAAB", false);
    expect_has(move_refusal(), "Unacceptable absence", decided);
    alloc_transfer_result res = transfer();
    cr_expect_eq(res.appts_held, 1);
    expect_has(res.held, "Unacceptable absence", decided);
}

/* A withdrawn outcome leaves no pending contact for the outcomes-to-log list:
 * the officer logs a new outcome, not a correction of the withdrawal. */
static bool first_pending(void *arg, const store_outcome_needed_row *r)
{
    snprintf(arg, CL_ID_LEN, "%s", r->pending_contact);
    return false;
}

Test(appt_outcome, the_outcomes_to_log_list_names_no_withdrawn_contact)
{
    char first[CL_ID_LEN], fix[CL_ID_LEN], pending[CL_ID_LEN] = "unset";
    log_outcome(NULL, "UAAB", first);
    log_outcome(first, "", fix);
    app.clock.minutes = 12 * 60;
    cl_err err = {0};
    cr_assert_eq(contact_outcome_needed_each(&app, "AB1", first_pending, pending, &err), CL_OK, "%s", err.msg);
    cr_expect_str_empty(pending);
}
