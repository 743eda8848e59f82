/* Closing a case (the import's status closed, the only way) cancels its
 * appointments booked after the closure with the reason "case closed", in
 * the import's transaction and through the transfer's path; one before the
 * closure stays, but asks for no outcome; the record gives no next
 * appointment; an appointments file cannot book a closed case after its
 * closure; `check` reports one an older database holds. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/contacts.h"
#include "caseload/record.h"
#include "caseload/sched.h"
#include "fixture_diary.h"
#include "fixture_import.h"
#include "testutil.h"

static void setup(void)
{
    fi_open("k.db");
    static const char *const kinds[] = {"offices", "staff", "offenders", "orders", "appointments"};
    fi_load_fixtures(kinds, sizeof kinds / sizeof kinds[0]);
}
static void teardown(void) { fi_close(); }
TestSuite(case_close, .init = setup, .fini = teardown);

#define OFF_HEAD "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status"
/* X123456 (fixture): A3 on 17 Nov 10:00 and A1 on 24 Nov 10:00, both booked. */
#define CLOSE_X123456 OFF_HEAD ",closed_at\nX123456,Llŷr,Siân,1990-02-03,F,2001/0123456A,\"Flat 2, 3 Mill Lane\nNewtown\"," \
                      "NT1 2BB,07700 900001,B2,AB1,N01,closed,"

static char *q(const char *sql) { return fi_q_text(sql); }

static void expect_q(const char *sql, const char *want)
{
    char *got = q(sql);
    cr_expect_str_eq(got, want, "%s", sql);
    free(got);
}

Test(case_close, closing_cancels_the_appointments_after_the_closure_and_keeps_the_history)
{
    imp_counts n;
    /* Closed at 24 Nov 09:00 (the import's clock): A1 at 10:00 is after it. */
    cr_assert_eq(fi_load_text("offenders", "close.csv", CLOSE_X123456 "\n", &n, false), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.updated, 1);
    cr_expect_eq(n.appts_cancelled, 1);
    expect_q("SELECT status || '|' || reason || '|' || changed_by || '|' || changed_at FROM appointment WHERE id = 'A1'",
             "cancelled|case closed|TEST|2026-11-24T09:00");
    expect_q("SELECT status FROM appointment WHERE id = 'A3'", "booked"); /* before the closure */
    expect_q("SELECT status FROM appointment WHERE id = 'A2'", "booked"); /* another person's */
    /* The audit trail has the cancellation, in the import's name. */
    expect_q("SELECT count(*) FROM audit WHERE entity = 'appointment' AND key = 'A1' AND who = 'TEST'"
             " AND changes LIKE '%\"reason\":[null,\"case closed\"]%'", "1");
    /* Imported again: nothing more to cancel. */
    cr_assert_eq(fi_load_text("offenders", "close.csv", CLOSE_X123456 "\n", &n, false), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.unchanged, 1);
    cr_expect_eq(n.appts_cancelled, 0);
}

Test(case_close, a_closure_given_earlier_cancels_from_then_and_a_dry_run_writes_nothing)
{
    imp_counts n;
    const char *at_noon_17 = CLOSE_X123456 "2026-11-17T10:00\n";
    cr_assert_eq(fi_load_text("offenders", "c.csv", at_noon_17, &n, true), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.appts_cancelled, 2);
    expect_q("SELECT count(*) FROM appointment WHERE status = 'booked'", "3");
    cr_assert_eq(fi_load_text("offenders", "c.csv", at_noon_17, &n, false), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.appts_cancelled, 2); /* A3 starts at the closure itself */
    expect_q("SELECT group_concat(id) FROM (SELECT id FROM appointment WHERE reason = 'case closed' ORDER BY id)", "A1,A3");
}

Test(case_close, an_appointments_file_cannot_book_a_closed_case_after_its_closure)
{
    cr_assert_eq(fi_load_text("offenders", "close.csv", CLOSE_X123456 "\n", NULL, false), CL_OK, "%s", fi_errors);
    fi_errors[0] = '\0';
    const char *head = "id,crn,order_id,officer,date,start,end,type,location,status,notes\n";
    char text[1024];
    snprintf(text, sizeof text, "%sA7,X123456,O1,AB1,2026-11-10,10:00,10:30,COAP,,booked,\n"
                                "A8,X123456,O1,AB1,2026-12-01,10:00,10:30,COAP,,,\n"
                                "A9,X123457,O2,CD2,2026-12-01,10:00,10:30,COAP,,,\n", head);
    cr_expect_eq(fi_load_text("appointments", "a.csv", text, NULL, false), CL_EDATA);
    cr_expect(strstr(fi_errors, "/a.csv:3: date: the case of X123456 was closed at 2026-11-24T09:00: a closed case"
                                " takes no appointment booked after its closure (give status cancelled)\n"), "%s", fi_errors);
    cr_expect_not(strstr(fi_errors, "a.csv:2:"), "%s", fi_errors);
    cr_expect_not(strstr(fi_errors, "a.csv:4:"), "%s", fi_errors);
    /* Cancelled, it is history and loads, as one before the closure does. */
    snprintf(text, sizeof text, "%sA7,X123456,O1,AB1,2026-11-10,10:00,10:30,COAP,,booked,\n"
                                "A8,X123456,O1,AB1,2026-12-01,10:00,10:30,COAP,,cancelled,\n", head);
    cr_expect_eq(fi_load_text("appointments", "a.csv", text, NULL, false), CL_OK, "%s", fi_errors);
}

Test(case_close, check_reports_an_older_databases_booked_appointment_after_a_closure)
{
    /* Closed before closing cancelled anything: A1 stays booked. */
    fx_sql(fi_dir, "k.db", "UPDATE offender SET status = 'closed', closed_at = '2026-11-20T12:00', closed_by = 'XY9'"
                           " WHERE crn = 'X123456'");
    char seen[1024] = "";
    cl_err err = {0};
    cr_expect_eq(store_check(fi_st, tu_report_into, seen, &err), 1, "%s", seen);
    cr_expect_str_eq(seen, "appointment A1 (X123456, 2026-11-24 10:00): booked after the case was closed"
                           " (2026-11-20T12:00): import the case's row again to cancel it\n");
    /* Its row imported again, unchanged, cancels it. */
    imp_counts n;
    cr_assert_eq(fi_load_text("offenders", "c.csv", CLOSE_X123456 "2026-11-20T12:00\n", &n, false), CL_OK, "%s",
                 fi_errors);
    cr_expect_eq(n.appts_cancelled, 1);
    seen[0] = '\0';
    cr_expect_eq(store_check(fi_st, tu_report_into, seen, &err), 0, "%s", seen);
}

static bool count_needed(void *arg, const store_outcome_needed_row *row)
{
    (void)row;
    ++*(int *)arg;
    return true;
}

Test(case_close, a_closed_case_asks_for_no_outcome_and_has_no_next_appointment)
{
    cr_assert_eq(fi_load_text("offenders", "close.csv", CLOSE_X123456 "2026-11-20T12:00\n", NULL, false), CL_OK,
                 "%s", fi_errors);
    cl_app app;
    fx_app(&app, fi_dir, "k.db", "2026-11-18T09:00"); /* A1 (24 Nov) is ahead, A3 (17 Nov) passed */
    cl_err err = {0};
    sched_day d;
    cr_assert_eq(sched_day_load(&app, STORE_DIARY_OFFICER, "AB1", tu_date("2026-11-17"), tu_date("2026-11-17"), &d,
                                &err), CL_OK, "%s", err.msg);
    cr_assert_eq(d.n, 1);
    cr_expect(d.rows[0].r.closed);
    cr_expect_not(d.rows[0].outcome_needed, "a closed case takes no outcome");
    sched_day_free(&d);
    int needed = 0;
    cr_assert_eq(contact_outcome_needed_each(&app, "AB1", count_needed, &needed, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(needed, 0);
    cl_record r;
    cr_assert_eq(record_load(&app, "X123456", &r, &err), CL_OK, "%s", err.msg);
    cr_expect_not(r.has_next, "A1 was cancelled; a closed case has no next appointment");
    record_free(&r);
    fx_app_close(&app);
}

/* One with an outcome logged is history: closing leaves it, and check too. */
Test(case_close, an_appointment_after_the_closure_with_an_outcome_stays)
{
    fx_sql(fi_dir, "k.db", "UPDATE offender SET status = 'closed', closed_at = '2026-11-20T12:00', closed_by = 'XY9'"
                           " WHERE crn = 'X123456';"
                           "INSERT INTO contact(id,crn,order_id,officer,date,time,type,outcome,appointment_id)"
                           " VALUES ('K1','X123456','O1','AB1','2026-11-24','10:00','COAP','ATTC','A1');");
    char seen[1024] = "";
    cl_err err = {0};
    cr_expect_eq(store_check(fi_st, tu_report_into, seen, &err), 0, "%s", seen);
    imp_counts n;
    cr_assert_eq(fi_load_text("offenders", "c.csv", CLOSE_X123456 "2026-11-20T12:00\n", &n, false), CL_OK, "%s",
                 fi_errors);
    cr_expect_eq(n.appts_cancelled, 0);
    expect_q("SELECT status FROM appointment WHERE id = 'A1'", "booked");
}
