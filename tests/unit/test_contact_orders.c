/* A contact on its order: the order it defaults to (the one running on its
 * day), RAR days, unpaid work sessions and the hours they credit. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caseload/contacts.h"
#include "caseload/draft_editor.h"
#include "caseload/enforce.h"
#include "caseload/orders.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "caseload/timescale.h"
#include "fixture_contacts.h"
#include "fixture_diary.h"
#include "testutil.h"

TestSuite(contact_orders, .init = fxc_setup, .fini = fxc_teardown);

Test(contact_orders, the_order_defaults_to_the_only_current_order)
{
    cl_contact c = fxc_new_contact("CTOA", NULL, "rang in");
    fxc_log_ok(&c, NULL);
    cr_assert_str_eq(c.order_id, "O1");
    cr_assert_eq(c.date, tu_date("2026-11-24"));
    cr_assert_eq(c.time, 600);
    cr_assert_str_eq(c.officer, "AB1");
    cl_contact_clear(&c);
}

/* "Current" means running (orders.h): an order that ended but was never
 * marked terminated is not the default, so a licence case with old ended
 * PSS and licence orders still gets its running licence. */
Test(contact_orders, the_default_order_is_the_only_running_one_ended_orders_left_out)
{
    fx_sql(fxc_dir, "c.db",
           "INSERT INTO orders(id,crn,type,sentence_date,end_date) VALUES ('P0','X100001','PSS','2024-10-25','2025-10-25');"
           "INSERT INTO orders(id,crn,type,sentence_date,end_date) VALUES ('L0','X100001','LIC','2023-12-12','2025-05-12');"
           "INSERT INTO orders(id,crn,type,sentence_date,terminated_at) VALUES ('T0','X100001','CO','2025-01-10','2026-03-01');");
    cl_contact c = fxc_new_contact("CTOA", NULL, "rang in");
    snprintf(c.crn, sizeof c.crn, "X100001");
    fxc_log_ok(&c, NULL);
    cr_assert_str_eq(c.order_id, "L1", "the one licence still running");
    cl_contact_clear(&c);
    /* A contact dated back takes the order running on its date. */
    c = fxc_new_contact("CTOA", NULL, "rang in");
    snprintf(c.crn, sizeof c.crn, "X100001");
    c.date = tu_date("2025-10-20");
    c.time = 600;
    fxc_log_ok(&c, NULL);
    cr_assert_str_empty(c.order_id, "PSS and the community order both ran on 2025-10-20: none chosen");
    cl_contact_clear(&c);
    /* Two running: none is guessed. */
    fx_sql(fxc_dir, "c.db", "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('S2','X100001','SSO','2026-06-01');");
    char id[CL_ID_LEN];
    cr_assert_eq(order_default(fxc_app.store, "X100001", tu_date("2026-11-24"), id, sizeof id, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_str_empty(id);
    cr_assert_eq(order_default(fxc_app.store, "X100001", tu_date("2026-05-01"), id, sizeof id, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_str_eq(id, "L1", "the SSO was not yet sentenced");
}

Test(contact_orders, an_order_runs_until_its_end_date_and_stops_when_terminated)
{
    cl_order o = {.sentence_date = tu_date("2026-01-10"), .end_date = tu_date("2026-11-24"),
                  .terminated = CL_DATE_NONE};
    cr_assert(order_running(&o, tu_date("2026-11-24")), "the end date itself is inside");
    cr_assert_not(order_running(&o, tu_date("2026-11-25")));
    cr_assert_not(order_running(&o, tu_date("2026-01-09")), "not before sentence");
    o.end_date = CL_DATE_NONE;
    cr_assert(order_running(&o, tu_date("2030-01-01")), "no end date: runs");
    o.terminated = tu_date("2026-06-01");
    cr_assert(order_running(&o, tu_date("2026-05-31")));
    cr_assert_not(order_running(&o, tu_date("2026-06-01")));
}

Test(contact_orders, an_attended_unpaid_work_session_needs_its_end_time)
{
    cl_contact c = fxc_new_contact("CUPA", "ATTC", NULL);
    c.date = tu_date("2026-11-23");
    c.time = 9 * 60;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "end:"), "%s", fxc_err.msg);
    c.end = 16 * 60;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    c = fxc_new_contact("CUPA", "UAAB", NULL); /* not attended: no hours */
    c.date = tu_date("2026-11-23");
    c.time = 9 * 60;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
}

/* RAR days count what the person did on an order with a RAR requirement. */
Test(contact_orders, rar_is_for_an_attended_contact_on_an_order_with_a_rar_requirement)
{
    cl_contact c = fxc_new_contact("COAP", "ATTC", NULL);
    c.rar = true;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert_str_eq(fxc_err.msg, "rar: order O1 has no rehabilitation activity requirement (RAR) in force on 2026-11-24");
    fx_sql(fxc_dir, "c.db", "INSERT INTO requirement(id,order_id,type,length,unit) VALUES ('R1','O1','F',12,'days');");
    cl_contact_clear(&c);
    const char *refused[] = {"UAAB", "AFTC", "AFTA", "ATSH"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        c = fxc_new_contact("COAP", refused[i], NULL);
        c.rar = true;
        cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA, "%s", refused[i]);
        cr_assert(strstr(fxc_err.msg, "is not a RAR day: only an attended and complied contact counts"), "%s", fxc_err.msg);
        cl_contact_clear(&c);
    }
    c = fxc_new_contact("COAP", "AAME", "GP");
    c.rar = true;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA, "an acceptable absence is no RAR day either");
    cl_contact_clear(&c);
    c = fxc_new_contact("COAP", NULL, NULL);
    c.rar = true;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "rar: a RAR day needs the outcome"), "%s", fxc_err.msg);
    cl_contact_clear(&c);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    c = fxc_new_contact("COAP", "ATTC", NULL);
    c.rar = true;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    c = fxc_new_contact("CTOB", NULL, "RAR session by phone");
    c.rar = true;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    /* Terminated before the day: not in force. */
    fx_sql(fxc_dir, "c.db", "UPDATE requirement SET terminated_at = '2026-11-01';");
    c = fxc_new_contact("COAP", "ATTC", NULL);
    c.rar = true;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cl_contact_clear(&c);
}

/* An attended unpaid work session is credited once it has ended, and a
 * session is at most TS_UPW_SESSION_MAX_HOURS long. Now is 10:00. */
Test(contact_orders, an_unpaid_work_session_is_credited_once_ended_and_at_most_ten_hours)
{
    cr_assert_eq(TS_UPW_SESSION_MAX_HOURS, 10);
    cl_contact c = fxc_new_contact("CUPA", "ATTC", NULL);
    c.time = 9 * 60;
    c.end = 16 * 60;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert_str_eq(fxc_err.msg, "end: the session ends at 16:00, after now: its hours are credited once it has ended");
    c.date = tu_date("2026-11-23");
    c.time = 0;
    c.end = 23 * 60 + 59;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert_str_eq(fxc_err.msg, "end: a session of more than 10 hours (00:00 to 23:59): check the times");
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    c.time = 8 * 60;
    c.end = 18 * 60;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    c = fxc_new_contact("CUPA", "ATTC", NULL); /* ended at 10:00 today: credited */
    c.date = tu_date("2026-11-24");
    c.time = 8 * 60;
    c.end = 10 * 60;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
}
