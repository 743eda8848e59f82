/* The due list: every kind of item from stored rows, states at their edges,
 * the 14-day window, scopes, risk from the one summary, overdue counts.
 * Expected dates are worked out by hand from the calendar. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/due.h"
#include "caseload/enforce.h"
#include "caseload/store_case.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static cl_calendar cal;

/* A000001: High RoSH, CO sentenced Mon 16 Nov 2026, nothing since.
 * A000002: Medium RoSH, CO sentenced Mon 2 Mar 2026 with 60 hours unpaid
 *   work; seen, assessed, one 7-hour session, a home visit in April, a
 *   phone call on 20 Nov, an unacceptable absence on Thu 19 Nov, a new
 *   domestic abuse registration on Fri 20 Nov, and yesterday's appointment
 *   with PO2 not yet given an outcome.
 * A000003: no order; a fast report asked for on Fri 20 Nov, written by PO1.
 * A000004: closed: nothing is due. */
static const char FIXTURE[] =
    "INSERT INTO office(code, name) VALUES ('N01', 'Northtown'), ('S02', 'Southtown');"
    "INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01'),"
    " ('PO2', 'Sam Two', 'PO', 'N01'), ('PO3', 'Alex Three', 'PO', 'S02');"
    "INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office, status) VALUES"
    " ('A000001', 'Jones', 'Ann', '1990-01-01', 'PO1', 'N01', 'active'),"
    " ('A000002', 'Llŷr', 'Siân', '1985-05-05', 'PO1', 'N01', 'active'),"
    " ('A000003', 'Brown', 'Bob', '1970-07-07', 'PO3', 'S02', 'active'),"
    " ('A000004', 'Gone', 'Gary', '1960-06-06', 'PO1', 'N01', 'closed');"
    "INSERT INTO registration(crn, type, start_date, review_date) VALUES"
    " ('A000001', 'RHRH', '2026-06-01', '2026-12-01'),"
    " ('A000002', 'RMRH', '2026-06-10', '2026-12-10'),"
    " ('A000002', 'ADVP', '2026-11-20', '2027-02-22'),"
    " ('A000004', 'RVHR', '2026-01-01', '2026-07-01');"
    "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O1', 'A000001', 'CO', '2026-11-16'),"
    " ('O2', 'A000002', 'CO', '2026-03-02'), ('O4', 'A000004', 'CO', '2026-01-05');"
    "INSERT INTO requirement(id, order_id, type, length, unit, start_date) VALUES"
    " ('R2', 'O2', 'W', 60, 'hours', '2026-03-02');"
    "INSERT INTO appointment(id, crn, order_id, officer, office, date, start, end, type) VALUES"
    " ('AP1', 'A000002', 'O2', 'PO2', 'N01', '2026-11-23', '10:00', '10:30', 'COAP');"
    "INSERT INTO contact(id, crn, order_id, officer, date, time, end, type, outcome) VALUES"
    " ('C1', 'A000002', 'O2', 'PO1', '2026-03-03', '10:00', '10:30', 'COAP', 'ATTC'),"
    " ('C2', 'A000002', 'O2', 'PO1', '2026-03-14', '09:00', '16:00', 'CUPA', 'ATTC'),"
    " ('C3', 'A000002', NULL, 'PO1', '2026-04-01', '14:00', '15:00', 'CHVS', 'ATTC'),"
    " ('C4', 'A000002', NULL, 'PO1', '2026-11-20', '11:00', NULL, 'CTOB', NULL),"
    " ('C5', 'A000002', 'O2', 'PO1', '2026-11-19', '10:00', '10:30', 'COAP', 'UAAB');"
    "INSERT INTO report(id, crn, type, requested, due, court, officer, status) VALUES"
    " ('P1', 'A000003', 'CJF', '2026-11-20', NULL, 'Northtown Magistrates', 'PO1', 'requested'),"
    " ('P2', 'A000003', 'CJS', '2026-10-01', '2026-10-20', 'Northtown Crown', 'PO1', 'completed');";

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "d.db");
    seed_exec(dir, "d.db", FIXTURE);
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
}
static void teardown(void)
{
    store_close(st);
    cal_free(&cal);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(due, .init = setup, .fini = teardown);

static due_list load(due_scope scope, const char *code, const char *from)
{
    due_query q = {.scope = scope, .code = code, .from = tu_date(from), .now_minutes = 9 * 60};
    due_list l;
    cl_err err = {0};
    cr_assert_eq(due_list_load(st, &cal, &q, &l, &err), CL_OK, "%s", err.msg);
    return l;
}

/* "2026-11-23 overdue A000001 first-appointment PO1" for every item, one a line. */
static char *summary(const due_list *l, char *buf, size_t len)
{
    size_t w = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < l->n && w < len; i++) {
        char d[CL_DATE_LEN];
        const due_item *it = &l->items[i];
        w += (size_t)snprintf(buf + w, len - w, "%s %s %s %s %s\n", date_format(it->due, d), due_state(it),
                              it->crn, it->item, it->officer);
    }
    return buf;
}

static const due_item *find(const due_list *l, const char *crn, const char *item)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->items[i].crn, crn) && !strcmp(l->items[i].item, item))
            return &l->items[i];
    return NULL;
}

Test(due, an_officers_list_from_a_day)
{
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    char buf[4096];
    cr_assert_str_eq(summary(&l, buf, sizeof buf),
                     "2026-09-02 overdue A000002 upw-review-6m PO1\n"   /* 2 Mar + 6 months */
                     "2026-11-23 overdue A000001 first-appointment PO1\n" /* 5 working days */
                     "2026-11-26 due A000002 warning-due PO1\n"          /* 5 business days after Thu 19 */
                     "2026-11-27 due A000002 home-visit PO1\n"           /* DA registered Fri 20 + 5 wd */
                     "2026-11-27 due A000003 report PO1\n"               /* fast report: 5 wd */
                     "2026-11-30 due A000001 no-contact PO1\n"           /* High: 14 days, none since 16 Nov */
                     "2026-12-01 due A000001 home-visit PO1\n"           /* High: 15 days */
                     "2026-12-01 due A000001 registration-review PO1\n"
                     "2026-12-02 due A000002 upw-review-9m PO1\n");
    const due_item *r = find(&l, "A000002", "upw-review-9m");
    cr_assert(strstr(r->detail, "7 of 60 hours"), "%s", r->detail);
    cr_assert_str_eq(r->name, "Siân Llŷr");
    cr_assert_str_eq(r->office, "N01");
    cr_assert_str_eq(r->ref, "O2");
    const due_item *w = find(&l, "A000002", "warning-due");
    cr_assert(strstr(w->detail, "WARNING DUE"), "%s", w->detail);
    const due_item *rep = find(&l, "A000003", "report");
    cr_assert_str_eq(rep->ref, "P1");
    cr_assert(strstr(rep->detail, "Northtown Magistrates"), "%s", rep->detail);
    cr_assert_eq(rep->rosh, ROSH_UNKNOWN);
    due_list_free(&l);
}

/* Each row has its person's enforcement words (the flags' WARNING DUE), the
 * one rule's (enf_load), for people in the scope and those reached outside it
 * (a report written for another officer's case). */
Test(due, enforcement_words_on_every_row_are_the_one_rules)
{
    seed_exec(dir, "d.db",
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O3', 'A000003', 'CO', '2026-10-01');"
              "INSERT INTO contact(id, crn, order_id, officer, date, time, end, type, outcome) VALUES"
              " ('C9', 'A000003', 'O3', 'PO3', '2026-11-18', '10:00', '10:30', 'COAP', 'UAAB');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    cr_assert_gt(l.n, 0);
    for (size_t i = 0; i < l.n; i++) {
        enf_person ep;
        cl_err err = {0};
        cr_assert_eq(enf_load(st, &cal, l.items[i].crn, tu_date("2026-11-24"), &ep, &err), CL_OK, "%s", err.msg);
        cr_assert_str_eq(l.items[i].enforcement, ep.words, "%s %s", l.items[i].crn, l.items[i].item);
    }
    cr_assert_str_eq(find(&l, "A000002", "upw-review-9m")->enforcement, "WARNING DUE");
    cr_assert_str_eq(find(&l, "A000003", "report")->enforcement, "WARNING DUE", "outside the scope");
    cr_assert_str_eq(find(&l, "A000001", "first-appointment")->enforcement, "");
    due_list_free(&l);
}

Test(due, risk_on_every_row_is_the_one_summary)
{
    due_list l = load(DUE_EVERYONE, NULL, "2026-11-24");
    cr_assert_gt(l.n, 0);
    for (size_t i = 0; i < l.n; i++) {
        risk_summary s;
        cl_err err = {0};
        cr_assert_eq(risk_summary_load(st, l.items[i].crn, tu_date("2026-11-24"), &s, &err), CL_OK);
        char flags[96];
        cr_assert_eq(l.items[i].rosh, s.rosh, "%s", l.items[i].crn);
        cr_assert_str_eq(l.items[i].flags, risk_flags_short(&s, flags, sizeof flags));
        cr_assert_eq(l.items[i].staff_banner, s.staff_banner, "%s", l.items[i].crn);
    }
    cr_assert_eq(find(&l, "A000001", "home-visit")->rosh, ROSH_HIGH);
    cr_assert_str_eq(find(&l, "A000002", "home-visit")->flags, "DA");
    due_list_free(&l);
}

/* The staff colour of the screen's Flags column: a risk to staff at Medium or
 * above, for a person in the scope and for one reached outside it (A000003's
 * report, written by PO1 for PO3's case); not a Low one (A000002). */
Test(due, a_risk_to_staff_is_on_the_rows)
{
    seed_exec(dir, "d.db",
              "INSERT INTO registration(crn, type, level, start_date, review_date) VALUES"
              " ('A000001', 'AV2S', 'H', '2026-06-01', '2027-06-01'), ('A000003', 'AV2S', 'M', '2026-06-01', '2027-06-01'),"
              " ('A000002', 'AV2S', 'L', '2026-06-01', '2027-06-01');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    cr_assert(find(&l, "A000001", "first-appointment")->staff_banner);
    cr_assert(find(&l, "A000003", "report")->staff_banner);
    cr_assert_not(find(&l, "A000002", "upw-review-9m")->staff_banner);
    cr_assert(strstr(find(&l, "A000002", "upw-review-9m")->flags, "STAFF"));
    due_list_free(&l);
}

Test(due, closed_cases_have_nothing_due)
{
    due_list l = load(DUE_EVERYONE, NULL, "2026-11-24");
    for (size_t i = 0; i < l.n; i++)
        cr_assert_str_neq(l.items[i].crn, "A000004");
    due_list_free(&l);
}

Test(due, an_item_is_due_on_its_date_and_overdue_the_day_after)
{
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-23");
    cr_assert_not(find(&l, "A000001", "first-appointment")->overdue);
    due_list_free(&l);
    l = load(DUE_OFFICER, "PO1", "2026-11-24");
    cr_assert(find(&l, "A000001", "first-appointment")->overdue);
    due_list_free(&l);
}

Test(due, the_window_is_fourteen_days_ahead)
{
    /* 1 December is 14 days after 17 November and 15 after the 16th. */
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-17");
    cr_assert_not_null(find(&l, "A000001", "registration-review"));
    due_list_free(&l);
    l = load(DUE_OFFICER, "PO1", "2026-11-16");
    cr_assert_null(find(&l, "A000001", "registration-review"));
    due_list_free(&l);
}

Test(due, outcomes_needed_belong_to_the_appointments_officer_and_office)
{
    due_list l = load(DUE_OFFICER, "PO2", "2026-11-24");
    char buf[1024];
    cr_assert_str_eq(summary(&l, buf, sizeof buf), "2026-11-23 overdue A000002 outcome-needed PO2\n");
    cr_assert_str_eq(l.items[0].ref, "AP1");
    cr_assert_eq(l.items[0].rosh, ROSH_MEDIUM); /* the person is on PO1's caseload */
    due_list_free(&l);
    l = load(DUE_OFFICE, "N01", "2026-11-24");
    cr_assert_not_null(find(&l, "A000002", "outcome-needed"));
    cr_assert_null(find(&l, "A000003", "report")); /* the person's office is S02 */
    due_list_free(&l);
    l = load(DUE_OFFICE, "S02", "2026-11-24");
    cr_assert_not_null(find(&l, "A000003", "report"));
    due_list_free(&l);
}

/* A booked appointment on a bank holiday or weekend (imported, or booked
 * with --force) is an item of its officer's, due the business day before;
 * a cancelled one and one on a business day are not. */
Test(due, an_appointment_on_a_bank_holiday_is_due_to_be_moved)
{
    seed_exec(dir, "d.db",
              "INSERT INTO appointment(id, crn, order_id, officer, office, date, start, end, type, status) VALUES"
              " ('XM', 'A000002', 'O2', 'PO2', 'N01', '2026-12-25', '10:00', '10:30', 'COAP', 'booked'),"
              " ('BX', 'A000002', 'O2', 'PO2', 'N01', '2026-12-28', '10:00', '10:30', 'COAP', 'cancelled'),"
              " ('SA', 'A000002', 'O2', 'PO2', 'N01', '2026-12-19', '10:00', '10:30', 'CHVS', 'booked'),"
              " ('TU', 'A000002', 'O2', 'PO2', 'N01', '2026-12-29', '10:00', '10:30', 'COAP', 'booked');");
    due_list l = load(DUE_OFFICER, "PO2", "2026-12-14");
    char buf[4096], d[CL_DATE_LEN];
    size_t n = 0;
    for (size_t i = 0; i < l.n; i++) {
        const due_item *it = &l.items[i];
        if (strcmp(it->item, "not-business-day"))
            continue;
        n++;
        snprintf(buf, sizeof buf, "%s %s %s", date_format(it->due, d), it->ref, it->detail);
        if (!strcmp(it->ref, "XM"))
            cr_expect_str_eq(buf, "2026-12-24 XM Office visit at 10:00 on Fri 25 Dec 2026: Christmas Day");
        else
            cr_expect_str_eq(buf, "2026-12-18 SA Home visit at 10:00 on Sat 19 Dec 2026: a weekend");
    }
    cr_expect_eq(n, 2);
    due_list_free(&l);
    /* The office's list has it too; 14 days before the day before, not yet. */
    l = load(DUE_OFFICE, "N01", "2026-12-14");
    cr_assert_not_null(find(&l, "A000002", "not-business-day"));
    due_list_free(&l);
    l = load(DUE_OFFICER, "PO2", "2026-11-24");
    cr_assert_null(find(&l, "A000002", "not-business-day"));
    due_list_free(&l);
}

/* Counting a page's overdue items reads only the closed days whose item can
 * already be overdue: on Sat 19 Dec, Sat 19 and Sun 20 (due Fri 18), not Fri
 * 25 (due Thu 24); on a business day none. The counts are the list's. */
static int overdue_of(const char *crn, const char *from, const char *item)
{
    due_list l = load(DUE_EVERYONE, NULL, from);
    int n = 0;
    for (size_t i = 0; i < l.n; i++)
        n += l.items[i].overdue && !strcmp(l.items[i].crn, crn) && (!item || !strcmp(l.items[i].item, item));
    due_list_free(&l);
    return n;
}

Test(due, page_facts_count_an_appointment_on_a_closed_day_once_it_is_overdue)
{
    seed_exec(dir, "d.db",
              "INSERT INTO appointment(id, crn, order_id, officer, office, date, start, end, type, status) VALUES"
              " ('XM', 'A000002', 'O2', 'PO2', 'N01', '2026-12-25', '10:00', '10:30', 'COAP', 'booked'),"
              " ('SA', 'A000002', 'O2', 'PO2', 'N01', '2026-12-19', '16:00', '16:30', 'CHVS', 'booked'),"
              " ('SU', 'A000002', 'O2', 'PO2', 'N01', '2026-12-20', '10:00', '10:30', 'CHVS', 'booked');");
    const char *crns[] = {"A000002"};
    due_facts f[1];
    cl_err err = {0};
    static const char *const days[] = {"2026-12-19", "2026-12-20", "2026-12-18", "2026-12-21"};
    static const int closed[] = {2, 1, 0, 0}; /* on Sunday, Saturday's is past */
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        cr_expect_eq(overdue_of("A000002", days[i], "not-business-day"), closed[i], "%s", days[i]);
        cr_assert_eq(due_page_facts(st, &cal, tu_date(days[i]), 9 * 60, crns, 1, f, &err), CL_OK, "%s", err.msg);
        cr_expect_eq(f[0].overdue, overdue_of("A000002", days[i], NULL), "%s", days[i]);
    }
}

Test(due, logging_what_was_due_clears_it)
{
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, officer, date, time, end, type, outcome) VALUES"
              " ('C10', 'A000001', 'O1', 'PO1', '2026-11-20', '10:00', '11:00', 'COAI', 'ATTC'),"
              " ('C11', 'A000001', NULL, 'PO1', '2026-11-21', '10:00', '11:00', 'CHVS', 'ATTC'),"
              " ('C12', 'A000002', 'O2', 'PO1', '2026-11-23', '14:00', '14:30', 'C084', 'ATTC'),"
              " ('C13', 'A000002', NULL, 'PO1', '2026-11-23', '15:00', '15:30', 'CHVS', 'ATTC');"
              "UPDATE report SET status = 'completed' WHERE id = 'P1';");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    char buf[4096];
    /* The three-way meeting on 23 Nov is the late 6-month review (due 2 Sep)
     * and counts for the 9-month one due 2 Dec (within 14 days before it).
     * No contact is now counted from 21 Nov (High: 5 Dec, a Saturday -> 7 Dec). */
    cr_assert_str_eq(summary(&l, buf, sizeof buf),
                     "2026-11-26 due A000002 warning-due PO1\n"
                     "2026-12-01 due A000001 registration-review PO1\n"
                     "2026-12-07 due A000001 no-contact PO1\n");
    due_list_free(&l);
}

Test(due, a_corrected_contact_counts_as_its_correction)
{
    /* The home visit of 21 Nov was logged wrongly: corrected to failed to attend. */
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, date, time, type, outcome) VALUES"
              " ('C20', 'A000001', '2026-11-21', '10:00', 'CHVS', 'ATTC');"
              "INSERT INTO contact(id, crn, date, time, type, outcome, corrects) VALUES"
              " ('C21', 'A000001', '2026-11-21', '10:00', 'CHVS', 'AFTA', 'C20');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    cr_assert_not_null(find(&l, "A000001", "home-visit"));
    cr_assert_not_null(find(&l, "A000001", "first-appointment"));
    due_list_free(&l);
}

/* A page's facts read corrections as the lists do (their own statements, by
 * CRN): a home visit corrected to a failure, an unpaid work session corrected
 * to an unacceptable absence (7 of 14 hours credited, a failure to enforce),
 * and an appointment's outcome withdrawn (it needs one again). */
Test(due, a_pages_facts_read_corrections_as_the_list_does)
{
    seed_exec(dir, "d.db",
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O5', 'A000001', 'SSO', '2026-11-02');"
              "INSERT INTO requirement(id, order_id, type, length, unit) VALUES ('R5', 'O5', 'W', 14, 'hours');"
              "INSERT INTO appointment(id, crn, order_id, officer, office, date, start, end, type) VALUES"
              " ('AP5', 'A000001', 'O5', 'PO1', 'N01', '2026-11-20', '10:00', '10:30', 'COAP');"
              "INSERT INTO contact(id, crn, order_id, appointment_id, date, time, end, type, outcome) VALUES"
              " ('C20', 'A000001', NULL, NULL, '2026-11-21', '10:00', '11:00', 'CHVS', 'ATTC'),"
              " ('U1', 'A000001', 'O5', NULL, '2026-11-07', '09:00', '16:00', 'CUPA', 'ATTC'),"
              " ('U2', 'A000001', 'O5', NULL, '2026-11-14', '09:00', '16:00', 'CUPA', 'ATSS'),"
              " ('C30', 'A000001', 'O5', 'AP5', '2026-11-20', '10:00', '10:30', 'COAP', 'ATTC');"
              "INSERT INTO contact(id, crn, order_id, appointment_id, date, time, end, type, outcome, corrects) VALUES"
              " ('C21', 'A000001', NULL, NULL, '2026-11-21', '10:00', '11:00', 'CHVS', 'AFTA', 'C20'),"
              " ('U3', 'A000001', 'O5', NULL, '2026-11-14', '09:00', '16:00', 'CUPA', 'UAAB', 'U2'),"
              " ('C31', 'A000001', 'O5', 'AP5', '2026-11-20', '10:00', '10:30', 'COAP', NULL, 'C30');");
    due_list l = load(DUE_EVERYONE, NULL, "2026-11-24");
    cr_assert_not_null(find(&l, "A000001", "home-visit"));
    cr_assert_not_null(find(&l, "A000001", "outcome-needed"), "the withdrawn outcome");
    due_list_free(&l);
    const char *crns[] = {"A000001"};
    due_facts f[1];
    cl_err err = {0};
    cr_assert_eq(due_page_facts(st, &cal, tu_date("2026-11-24"), 9 * 60, crns, 1, f, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(f[0].overdue, overdue_of("A000001", "2026-11-24", NULL));
    cl_date last;
    enf_person ep;
    cr_assert_eq(store_last_contact(st, "A000001", &last, &err), CL_OK);
    cr_expect_eq(f[0].last_contact, last);
    cr_expect_eq(last, tu_date("2026-11-07"), "the session of 7 Nov; not the corrected visit");
    cr_assert_eq(enf_load(st, &cal, "A000001", tu_date("2026-11-24"), &ep, &err), CL_OK);
    cr_expect_str_eq(f[0].enforcement, ep.words);
    cr_expect_str_neq(f[0].enforcement, "", "the corrected session's absence");
    l = load(DUE_OFFICE, "N01", "2027-10-25");
    const due_item *c = find(&l, "A000001", "upw-completion");
    cr_assert_not_null(c);
    cr_expect(strstr(c->detail, "7 of 14 hours"), "%s", c->detail);
    due_list_free(&l);
    cr_assert_eq(due_page_facts(st, &cal, tu_date("2027-11-03"), 9 * 60, crns, 1, f, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(f[0].overdue, overdue_of("A000001", "2027-11-03", NULL));
}

/* An EA12 stored with its respond-by date moves the warning due for the
 * absence of Thu 19 Nov (due Thu 26 Nov) to that date, in the lists and in a
 * page's facts; another action's row is read without its respond-by. */
Test(due, a_stored_ea12_moves_the_decision_in_the_list_and_the_page)
{
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, officer, date, time, type, enforcement, respond_by) VALUES"
              " ('E1', 'A000002', 'O2', 'PO1', '2026-11-23', '12:00', 'CMOB', 'EA12', '2026-11-30');");
    const char *crns[] = {"A000002"};
    due_facts f[1];
    cl_err err = {0};
    for (int i = 0; i < 2; i++) {
        const char *day = i ? "2026-12-01" : "2026-11-27";
        cr_assert_eq(due_page_facts(st, &cal, tu_date(day), 9 * 60, crns, 1, f, &err), CL_OK, "%s", err.msg);
        cr_expect_eq(f[0].overdue, overdue_of("A000002", day, NULL), "%s", day);
        cr_expect_eq(overdue_of("A000002", day, "warning-due"), i, "%s", day);
    }
    due_list l = load(DUE_OFFICE, "N01", "2026-11-27");
    const due_item *w = find(&l, "A000002", "warning-due");
    cr_expect(w && w->due == tu_date("2026-11-30") && strstr(w->detail, ENF_RESPONSE_WORDS),
              "due on the respond-by date, the response awaited: %s", w ? w->detail : "none");
    due_list_free(&l);
}

Test(due, unpaid_work_from_sentence_to_completion)
{
    seed_exec(dir, "d.db",
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O5', 'A000001', 'SSO', '2026-11-02');"
              "INSERT INTO requirement(id, order_id, type, length, unit) VALUES ('R5', 'O5', 'W', 14, 'hours');");
    /* Mon 2 Nov: assessment 10 working days -> Mon 16 Nov; first session 15 -> Mon 23 Nov. */
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-16");
    cr_assert_eq(find(&l, "A000001", "upw-assessment")->due, tu_date("2026-11-16"));
    cr_assert_eq(find(&l, "A000001", "upw-first-session")->due, tu_date("2026-11-23"));
    due_list_free(&l);
    /* Completion: 2 Nov 2027 + nothing, within 14 days of 25 Oct 2027. */
    l = load(DUE_OFFICER, "PO1", "2027-10-25");
    const due_item *c = find(&l, "A000001", "upw-completion");
    cr_assert_not_null(c);
    cr_assert_eq(c->due, tu_date("2027-11-02"));
    cr_assert(strstr(c->detail, "0 of 14 hours"), "%s", c->detail);
    due_list_free(&l);
    /* Two credited sessions of 7 hours: the hours are done, nothing more is due. */
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, date, time, end, type, outcome) VALUES"
              " ('U1', 'A000001', 'O5', '2026-11-07', '09:00', '16:00', 'CUPA', 'ATTC'),"
              " ('U2', 'A000001', 'O5', '2026-11-14', '09:00', '16:00', 'CUPA', 'ATSS');");
    l = load(DUE_OFFICER, "PO1", "2027-10-25");
    cr_assert_null(find(&l, "A000001", "upw-completion"));
    due_list_free(&l);
}

Test(due, completion_limit_ends_with_the_commencement_setting)
{
    seed_exec(dir, "d.db",
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O5', 'A000001', 'CO', '2026-11-02');"
              "INSERT INTO requirement(id, order_id, type, length, unit) VALUES ('R5', 'O5', 'W', 100, 'hours');"
              "INSERT INTO setting(scope, key, value) VALUES ('N01', 'upw_s36_commencement', '2026-11-01');");
    due_list l = load(DUE_OFFICER, "PO1", "2027-10-25");
    cr_assert_null(find(&l, "A000001", "upw-completion"));
    due_list_free(&l);
}

Test(due, office_settings_change_the_no_contact_limit)
{
    seed_exec(dir, "d.db", "INSERT INTO setting(scope, key, value) VALUES ('N01', 'no_contact_days_high', '7');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    /* 16 Nov + 7 days = Mon 23 Nov: overdue on the 24th. */
    const due_item *it = find(&l, "A000001", "no-contact");
    cr_assert_eq(it->due, tu_date("2026-11-23"));
    cr_assert(it->overdue);
    due_list_free(&l);
}

Test(due, licence_first_appointment_is_the_next_working_day)
{
    seed_exec(dir, "d.db",
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office)"
              " VALUES ('A000005', 'Free', 'Fran', '1980-01-01', 'PO1', 'N01');"
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O6', 'A000005', 'LIC', '2026-12-24');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-12-24");
    cr_assert_eq(find(&l, "A000005", "first-appointment")->due, tu_date("2026-12-29"));
    due_list_free(&l);
}

Test(due, groups_overdue_this_week_later)
{
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24"); /* a Tuesday */
    cr_assert_eq(due_group_of(find(&l, "A000001", "first-appointment"), tu_date("2026-11-24")), DUE_GROUP_OVERDUE);
    cr_assert_eq(due_group_of(find(&l, "A000003", "report"), tu_date("2026-11-24")), DUE_GROUP_THIS_WEEK);
    cr_assert_eq(due_group_of(find(&l, "A000001", "no-contact"), tu_date("2026-11-24")), DUE_GROUP_LATER);
    cr_assert_str_eq(due_group_words(DUE_GROUP_OVERDUE), "OVERDUE");
    due_list_free(&l);
}

Test(due, page_facts_match_the_list_and_the_one_person_readers)
{
    const char *crns[] = {"A000001", "A000002", "A000003", "A000004", "Z999999"};
    due_facts f[5];
    cl_err err = {0};
    cr_assert_eq(due_page_facts(st, &cal, tu_date("2026-11-24"), 9 * 60, crns, 5, f, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(f[0].overdue, 1); /* first appointment */
    cr_assert_eq(f[1].overdue, 2); /* 6-month review; PO2's appointment without an outcome */
    cr_assert_eq(f[2].overdue, 0);
    cr_assert_eq(f[3].overdue, 0);
    cr_assert_eq(f[4].overdue, 0);
    due_list l = load(DUE_EVERYONE, NULL, "2026-11-24");
    int n1 = 0;
    for (size_t i = 0; i < l.n; i++)
        n1 += l.items[i].overdue && !strcmp(l.items[i].crn, "A000002");
    cr_assert_eq(n1, f[1].overdue);
    due_list_free(&l);
    /* Active cases only; the closed one and an unknown CRN are left to the caller. */
    cr_assert(f[0].active && f[1].active && f[2].active);
    cr_assert_not(f[3].active);
    cr_assert_not(f[4].active);
    /* The last contact and enforcement words are those of the one-person readers. */
    for (int i = 0; i < 3; i++) {
        cl_date last;
        enf_person ep;
        cr_assert_eq(store_last_contact(st, crns[i], &last, &err), CL_OK);
        cr_assert_eq(f[i].last_contact, last, "%s", crns[i]);
        cr_assert_eq(enf_load(st, &cal, crns[i], tu_date("2026-11-24"), &ep, &err), CL_OK);
        cr_assert_str_eq(f[i].enforcement, ep.words, "%s", crns[i]);
    }
    cr_assert_eq(f[1].last_contact, tu_date("2026-11-20")); /* the phone call */
    cr_assert_str_neq(f[1].enforcement, "", "the unacceptable absence");
    cr_assert_str_eq(f[0].enforcement, "");
    cr_assert_eq(due_page_facts(st, &cal, tu_date("2026-11-24"), 0, crns, 0, f, &err), CL_OK);
}

/* One person's list (the record's What is due) is everyone's list cut to
 * that person: the same items, due and overdue, in the same order. */
Test(due, one_persons_list_is_everyones_cut_to_them)
{
    due_list all = load(DUE_EVERYONE, NULL, "2026-11-24");
    const char *crns[] = {"A000001", "A000002", "A000003", "A000004", "Z999999"};
    for (size_t k = 0; k < 5; k++) {
        char want[4096] = "", got[4096];
        size_t w = 0;
        for (size_t i = 0; i < all.n; i++)
            if (!strcmp(all.items[i].crn, crns[k])) {
                char d[CL_DATE_LEN];
                const due_item *it = &all.items[i];
                w += (size_t)snprintf(want + w, sizeof want - w, "%s %s %s %s %s\n", date_format(it->due, d),
                                      due_state(it), it->crn, it->item, it->officer);
            }
        due_list one = load(DUE_PERSON, crns[k], "2026-11-24");
        cr_assert_str_eq(summary(&one, got, sizeof got), want, "%s", crns[k]);
        if (k < 3)
            cr_assert_gt(one.n, 0, "%s has something due", crns[k]);
        due_list_free(&one);
    }
    due_list_free(&all);
}

Test(due, item_names_are_the_stable_set)
{
    const char *want[] = {"first-appointment", "upw-assessment", "upw-first-session", "upw-review-6m",
                          "upw-review-9m", "upw-completion", "home-visit", "registration-review", "report",
                          "no-contact", "outcome-needed", "not-business-day", "warning-due", "breach-due", "allocation",
                          "reallocation"};
    cr_assert_eq(DUE_ITEMS_N, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < DUE_ITEMS_N; i++)
        cr_assert_str_eq(DUE_ITEMS[i], want[i]);
    /* Every item the list can produce is one of them. */
    due_list l = load(DUE_EVERYONE, NULL, "2026-11-24");
    for (size_t i = 0; i < l.n; i++) {
        bool known = false;
        for (size_t k = 0; k < DUE_ITEMS_N; k++)
            known |= !strcmp(l.items[i].item, DUE_ITEMS[k]);
        cr_assert(known, "%s", l.items[i].item);
    }
    due_list_free(&l);
}

Test(due, breach_due_after_a_warning_within_twelve_months)
{
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, officer, date, time, type, outcome, enforcement) VALUES"
              " ('E1', 'A000002', 'O2', 'PO1', '2026-06-01', '10:00', 'COAP', 'UAAB', NULL),"
              " ('E2', 'A000002', 'O2', 'PO1', '2026-06-03', '10:00', 'CLOB', NULL, 'EA02');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    /* Thu 19 Nov + 10 business days = Thu 3 Dec. */
    const due_item *b = find(&l, "A000002", "breach-due");
    cr_assert_not_null(b);
    cr_assert_eq(b->due, tu_date("2026-12-03"));
    cr_assert(strstr(b->detail, "BREACH DUE"), "%s", b->detail);
    cr_assert_null(find(&l, "A000002", "warning-due"));
    due_list_free(&l);
}

Test(due, a_review_logged_long_before_its_date_does_not_count)
{
    /* The 6-month review is due 2 Sep 2026: a meeting on 1 Aug is more than 14 days before. */
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, officer, date, time, type, outcome) VALUES"
              " ('V1', 'A000002', 'O2', 'PO1', '2026-08-01', '10:00', 'C084', 'ATTC');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    cr_assert_not_null(find(&l, "A000002", "upw-review-6m"));
    due_list_free(&l);
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, officer, date, time, type, outcome) VALUES"
              " ('V2', 'A000002', 'O2', 'PO1', '2026-08-19', '10:00', 'C084', 'ATTC');");
    l = load(DUE_OFFICER, "PO1", "2026-11-24");
    cr_assert_null(find(&l, "A000002", "upw-review-6m")); /* 19 Aug: exactly 14 days before */
    due_list_free(&l);
}

Test(due, only_an_attended_three_way_meeting_on_the_order_records_a_review)
{
    /* The 6-month review was due 2 Sep 2026 and is overdue on 24 Nov. None of
     * these is a review: a comment, a talk with the manager, a missed meeting,
     * a meeting on no order, and one dated after the day the list is for. */
    seed_exec(dir, "d.db",
              "INSERT INTO contact(id, crn, order_id, officer, date, time, type, outcome) VALUES"
              " ('V1', 'A000002', 'O2', 'PO1', '2026-11-02', '10:00', 'C201', NULL),"
              " ('V2', 'A000002', 'O2', 'PO1', '2026-11-03', '10:00', 'CSPO', NULL),"
              " ('V3', 'A000002', 'O2', 'PO1', '2026-11-04', '10:00', 'C084', 'UAAB'),"
              " ('V4', 'A000002', NULL, 'PO1', '2026-11-05', '10:00', 'C084', 'ATTC'),"
              " ('V5', 'A000002', 'O2', 'PO1', '2026-11-30', '10:00', 'C084', 'ATTC');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-11-24");
    const due_item *r = find(&l, "A000002", "upw-review-6m");
    cr_assert_not_null(r);
    cr_assert(r->overdue);
    due_list_free(&l);
    /* On 30 Nov the meeting of that day is the (late) review: it clears the
     * 6-month item and, being within 14 days of 2 Dec, the 9-month one too. */
    l = load(DUE_OFFICER, "PO1", "2026-11-30");
    cr_assert_null(find(&l, "A000002", "upw-review-6m"));
    cr_assert_null(find(&l, "A000002", "upw-review-9m"));
    due_list_free(&l);
}

Test(due, a_report_with_its_own_due_date_and_an_addendum)
{
    seed_exec(dir, "d.db",
              "INSERT INTO report(id, crn, type, requested, due, court, officer, status) VALUES"
              " ('P3', 'A000001', 'CJS', '2026-11-02', '2026-11-20', 'Crown', NULL, 'requested'),"
              " ('P4', 'A000001', 'PSA', '2026-11-25', NULL, 'Crown', 'PO2', 'requested');");
    due_list l = load(DUE_EVERYONE, NULL, "2026-11-24");
    bool p3 = false, p4 = false;
    for (size_t i = 0; i < l.n; i++) {
        if (!strcmp(l.items[i].ref, "P3")) {
            p3 = true;
            cr_assert(l.items[i].overdue);
            cr_assert_str_eq(l.items[i].officer, "PO1"); /* no writer named: the case officer */
        }
        if (!strcmp(l.items[i].ref, "P4")) {
            p4 = true;
            cr_assert_eq(l.items[i].due, tu_date("2026-11-25")); /* no national timescale: the request date */
            cr_assert_str_eq(l.items[i].officer, "PO2");
        }
    }
    cr_assert(p3 && p4);
    due_list_free(&l);
}

Test(due, a_registration_without_a_review_date_is_due_one_period_after_its_start)
{
    /* Weapons from Fri 25 Sep 2026 + 3 months = Christmas Day -> Tue 29 Dec. */
    seed_exec(dir, "d.db", "INSERT INTO registration(crn, type, start_date) VALUES ('A000001', 'WEAP', '2026-09-25');");
    due_list l = load(DUE_OFFICER, "PO1", "2026-12-20");
    bool found = false;
    for (size_t i = 0; i < l.n; i++)
        if (!strcmp(l.items[i].item, "registration-review") && strstr(l.items[i].detail, "WEAPONS")) {
            found = true;
            cr_assert_eq(l.items[i].due, tu_date("2026-12-29"));
        }
    cr_assert(found);
    due_list_free(&l);
}
