/* A contact that records an appointment's outcome is imported by the rules
 * logging one follows (appt_outcome_check, in its words): no outcome on an
 * appointment that was not held, none dated another day or of another type,
 * none before the appointment has started, and one outcome an appointment
 * (a correction of it is the way to change it), against the database and
 * within the file; at scale from memory (refset_appt). A refused row names
 * its file, line and column, and nothing is written. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/store_write.h"
#include "fixture_diary.h"
#include "fixture_import.h"
#include "io/refset.h"
#include "testutil.h"

/* Now is Tuesday 24 November 2026, 10:00. */
static void setup(void)
{
    setenv("CASELOAD_NOW", "2026-11-24T10:00", 1);
    fi_open("o.db");
    static const char *const kinds[] = {"offices", "staff", "offenders", "orders"};
    fi_load_fixtures(kinds, sizeof kinds / sizeof kinds[0]);
}
static void teardown(void) { fi_close(); }
TestSuite(import_outcome, .init = setup, .fini = teardown);

#define CONTACT_HEAD "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes,corrects\n"
#define APPT_HEAD "id,crn,order_id,officer,date,start,end,type,location,status,notes\n"

/* A1 booked on the 9th, A2 cancelled, A3 moved, A4 today at 11:00 (not yet
 * started), A5 booked on the 10th: all X123456's office visits. */
static void appointments(void)
{
    cr_assert_eq(fi_load_text("appointments", "a.csv",
                              APPT_HEAD "A1,X123456,O1,AB1,2026-11-09,11:00,11:30,COAP,,booked,\n"
                                        "A2,X123456,O1,AB1,2026-11-10,11:00,11:30,COAP,,cancelled,\n"
                                        "A3,X123456,O1,AB1,2026-11-10,12:00,12:30,COAP,,rescheduled,\n"
                                        "A4,X123456,O1,AB1,2026-11-24,11:00,11:30,COAP,,booked,\n"
                                        "A5,X123456,O1,AB1,2026-11-10,09:00,09:30,COAP,,booked,\n",
                              NULL, false),
                 CL_OK, "%s", fi_errors);
}

/* The file is refused with want among its errors, and no contact is written. */
static void expect_refused(const char *name, const char *text, const char *want)
{
    fi_errors[0] = '\0';
    long long before = store_count(fi_st, STORE_CONTACT);
    cr_expect_eq(fi_load_text("contacts", name, text, NULL, false), CL_EDATA, "%s", name);
    cr_expect(strstr(fi_errors, want), "expected '%s' among:\n%s", want, fi_errors);
    cr_expect_eq(store_count(fi_st, STORE_CONTACT), before, "nothing written");
}

static void expect_loaded(const char *name, const char *text)
{
    fi_errors[0] = '\0';
    cr_expect_eq(fi_load_text("contacts", name, text, NULL, false), CL_OK, "%s: %s", name, fi_errors);
}

Test(import_outcome, an_outcome_on_an_appointment_not_held_is_refused)
{
    appointments();
    expect_refused("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-10,11:00,COAP,UAAB,,A2,,\n",
                   "c.csv:2: appointment_id: A2 was cancelled: it takes no outcome (book a new one, or log a"
                   " contact without the appointment)\n");
    expect_refused("d.csv",
                   CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                "C2,X123456,O1,AB1,2026-11-10,12:00,COAP,ATTC,,A3,,\n",
                   "d.csv:3: appointment_id: A3 was rescheduled: it takes no outcome");
    cr_expect_not(strstr(fi_errors, "d.csv:2:"), "%s", fi_errors);
}

/* A contact linked to an appointment is its outcome, as on the command line:
 * without one it is refused, unless it corrects (withdraws) the outcome. */
Test(import_outcome, a_contact_on_an_appointment_without_an_outcome_is_refused)
{
    appointments();
    expect_refused("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,,,A1,,\n",
                   "c.csv:2: outcome: a contact for appointment A1 records its outcome: choose one\n");
    expect_loaded("d.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                        "C2,X123456,O1,AB1,2026-11-09,11:00,COAP,,,A1,entered in error,C1\n");
}

/* As on the command line: an absence only on an appointment type. */
Test(import_outcome, an_absence_outcome_on_a_phone_call_is_refused)
{
    expect_refused("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,CTOB,UAAB,,,no answer,\n",
                   "c.csv:2: outcome: Unacceptable absence is for an appointment the person was due to attend,"
                   " not a phone call to the person\n");
    expect_loaded("d.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,CTOB,,,,no answer,\n");
}

Test(import_outcome, an_outcome_dated_another_day_or_of_another_type_is_refused)
{
    appointments();
    expect_refused("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-10,11:00,COAP,ATTC,,A1,,\n",
                   "c.csv:2: date: 2026-11-10 is not the day of appointment A1 (2026-11-09): an outcome is"
                   " dated on its appointment's day\n");
    expect_refused("d.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COVC,ATTC,,A1,,\n",
                   "d.csv:2: type: the outcome of appointment A1 is a COAP contact, not COVC\n");
}

Test(import_outcome, an_attended_outcome_before_the_start_is_refused)
{
    appointments();
    expect_refused("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-24,11:00,COAP,ATTC,,A4,,\n",
                   "c.csv:2: outcome: appointment A4 starts today at 11:00: 'Attended - complied' can be logged"
                   " once it has started (an acceptable absence or a rescheduling can be recorded before)\n");
}

Test(import_outcome, a_second_outcome_is_refused_against_the_database_and_within_the_file)
{
    appointments();
    expect_loaded("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n");
    expect_refused("d.csv", CONTACT_HEAD "C2,X123456,O1,AB1,2026-11-09,11:30,COAP,UAAB,,A1,no reason,\n",
                   "d.csv:2: appointment_id: A1 already has an outcome (contact C1): add a correction of C1\n");
    /* Two rows of one file: the second is refused (the table not empty). */
    expect_refused("e.csv",
                   CONTACT_HEAD "C3,X123456,O1,AB1,2026-11-10,09:00,COAP,ATTC,,A5,,\n"
                                "C4,X123456,O1,AB1,2026-11-10,09:30,COAP,ATTC,,A5,,\n",
                   "e.csv:3: appointment_id: A5 already has an outcome (contact C3): add a correction of C3\n");
    cr_expect_not(strstr(fi_errors, "e.csv:2:"), "%s", fi_errors);
    /* The same file again, unchanged: the contact holding the outcome is itself. */
    expect_loaded("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n");
}

/* A first load: the contacts' indexes are built at the end, so the file's
 * own outcomes are held in memory. */
Test(import_outcome, a_second_outcome_in_a_first_load_is_refused_and_a_correction_accepted)
{
    appointments();
    expect_refused("c.csv",
                   CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                "C2,X123456,,AB1,2026-11-10,10:00,CTOB,,,,,\n"
                                "C3,X123456,O1,AB1,2026-11-09,11:00,COAP,UAAB,,A1,,\n",
                   "c.csv:4: appointment_id: A1 already has an outcome (contact C1): add a correction of C1\n");
    cr_expect_not(strstr(fi_errors, "c.csv:2:"), "%s", fi_errors);
    /* A correction of the outcome replaces it; a second correction of the
     * first is refused, naming the one that holds the outcome now. */
    expect_refused("d.csv",
                   CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                "C2,X123456,O1,AB1,2026-11-09,11:00,COAP,UAAB,,A1,was absent,C1\n"
                                "C3,X123456,O1,AB1,2026-11-09,11:00,COAP,AAME,,A1,sick,C1\n",
                   "d.csv:4: appointment_id: A1 already has an outcome (contact C2): add a correction of C2\n");
    expect_loaded("e.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                        "C2,X123456,O1,AB1,2026-11-09,11:00,COAP,UAAB,,A1,was absent,C1\n"
                                        "C3,X123456,O1,AB1,2026-11-09,11:00,COAP,AAME,,A1,sick,C2\n");
    cr_expect_eq(store_count(fi_st, STORE_CONTACT), 3);
    /* A correction in a later file, against the database. */
    expect_loaded("f.csv", CONTACT_HEAD "C4,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,after all,C3\n");
    expect_refused("g.csv", CONTACT_HEAD "C5,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,again,C3\n",
                   "g.csv:2: appointment_id: A1 already has an outcome (contact C4): add a correction of C4\n");
}

/* A correction takes over the outcome of the contact it corrects, so it must
 * come after it: one placed before is refused, saying where the contact is,
 * and is not written (the contact's own row is not then taken for a second
 * outcome). In a first load and against a table with contacts. */
Test(import_outcome, a_correction_before_the_contact_it_corrects_names_its_line)
{
    appointments();
    const char *file = CONTACT_HEAD "T8,X123456,O1,AB1,2026-11-09,11:00,COAP,UAAB,,A1,was absent,T3\n"
                                    "C2,X123456,,AB1,2026-11-10,10:00,CTOB,,,,,\n"
                                    "T3,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                    "T9,X123456,O1,AB1,2026-11-10,09:00,COAP,UAAB,,A5,,T7\n";
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            expect_loaded("b.csv", CONTACT_HEAD "B1,X123456,,AB1,2026-11-10,10:00,CTOB,,,,,\n");
        expect_refused("t.csv", file,
                       "t.csv:2: corrects: contact 'T3' comes later in the file (line 4): a correction must come"
                       " after the contact it corrects\n");
        cr_expect(strstr(fi_errors, "t.csv:5: corrects: no contact 'T7' in the file or the database\n"), "%s",
                  fi_errors);
        cr_expect_not(strstr(fi_errors, "t.csv:4:"), "T3 is not a second outcome:\n%s", fi_errors);
        int lines = 0;
        for (const char *e = fi_errors; (e = strchr(e, '\n')); e++)
            lines++;
        cr_expect_eq(lines, 2, "one error a bad row:\n%s", fi_errors);
    }
    /* In order, the same rows are taken. */
    expect_loaded("u.csv", CONTACT_HEAD "T3,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                        "T8,X123456,O1,AB1,2026-11-09,11:00,COAP,UAAB,,A1,was absent,T3\n");
}

/* Appointment i: twenty a day, half-hourly from 08:00, from 1 January 2020
 * (B00005 at 10:00 that day). */
static void slot(int i, char *date, char *start)
{
    date_format(date_from_ymd(2020, 1, 1) + (i - 1) / 20, date);
    int m = 8 * 60 + (i - 1) % 20 * 30;
    time_format(m, start);
}

/* Rows for appointments from..n, of X123456 and X123457 in turn: the
 * appointments (B00002 cancelled), or an outcome of each, then extra. Every
 * contact row names another appointment, so past REFSET_AFTER lookups they
 * are held in memory. */
static char *at_scale_file(bool outcomes, int from, int n, const char *extra)
{
    size_t cap = (size_t)n * 80 + strlen(extra) + 128, len = 0;
    char *text = malloc(cap);
    len += (size_t)snprintf(text + len, cap - len, "%s", outcomes ? CONTACT_HEAD : APPT_HEAD);
    for (int i = from; i <= n; i++) {
        char d[CL_DATE_LEN], t[CL_TIME_LEN];
        slot(i, d, t);
        const char *crn = i % 2 ? "X123456" : "X123457";
        if (outcomes)
            len += (size_t)snprintf(text + len, cap - len, "K%05d,%s,,AB1,%s,%s,COAP,ATTC,,B%05d,,\n", i, crn, d, t, i);
        else
            len += (size_t)snprintf(text + len, cap - len, "B%05d,%s,%s,AB1,%s,%s,,COAP,,%s,\n", i, crn,
                                    i % 2 ? "O1" : "O2", d, t, i == 2 ? "cancelled" : "booked");
    }
    snprintf(text + len, cap - len, "%s", extra);
    return text;
}

static void many_appointments(int n)
{
    char *text = at_scale_file(false, 1, n, "");
    cr_assert_eq(fi_load_text("appointments", "b.csv", text, NULL, false), CL_OK, "%s", fi_errors);
    free(text);
}

/* The outcome of each appointment from the 3rd on, then the rows given. */
static char *outcomes_then(int n, const char *extra)
{
    return at_scale_file(true, 3, n, extra);
}

#define N_AT_SCALE 25000
/* The line of the first row after the outcomes (K00003 is on line 2). */
#define AFTER N_AT_SCALE

static void at_scale(void)
{
    char want[6][300], extra[1024], d[CL_DATE_LEN], t[CL_TIME_LEN];
    snprintf(want[0], sizeof want[0], "k.csv:%d: appointment_id: B00005 already has an outcome (contact K00005): add a correction of K00005\n", AFTER);
    snprintf(want[1], sizeof want[1], "k.csv:%d: appointment_id: B00002 was cancelled: it takes no outcome", AFTER + 1);
    snprintf(want[2], sizeof want[2], "k.csv:%d: date: 2020-01-02 is not the day of appointment B00007 (2020-01-01)", AFTER + 2);
    snprintf(want[3], sizeof want[3], "k.csv:%d: type: the outcome of appointment B00009 is a COAP contact, not CHVS\n", AFTER + 3);
    /* L5 corrects K00011 (accepted); L6 corrects it again: L5 holds the outcome now. */
    snprintf(want[4], sizeof want[4], "k.csv:%d: appointment_id: B00011 already has an outcome (contact L5): add a correction of L5\n", AFTER + 5);
    /* L7: a second outcome of an appointment the file gave one after they were held. */
    snprintf(want[5], sizeof want[5], "k.csv:%d: appointment_id: B24990 already has an outcome (contact K24990): add a correction of K24990\n", AFTER + 6);
    slot(24990, d, t);
    snprintf(extra, sizeof extra, "L1,X123456,,AB1,2020-01-01,10:00,COAP,UAAB,,B00005,,\n"
                                  "L2,X123457,,AB1,2020-01-01,08:30,COAP,UAAB,,B00002,,\n"
                                  "L3,X123456,,AB1,2020-01-02,11:00,COAP,ATTC,,B00007,,\n"
                                  "L4,X123456,,AB1,2020-01-01,12:00,CHVS,ATTC,,B00009,,\n"
                                  "L5,X123456,,AB1,2020-01-01,13:00,COAP,UAAB,,B00011,was absent,K00011\n"
                                  "L6,X123456,,AB1,2020-01-01,13:00,COAP,AAME,,B00011,sick,K00011\n"
                                  "L7,X123457,,AB1,%s,%s,COAP,UAAB,,B24990,,\n", d, t);
    char *text = outcomes_then(N_AT_SCALE, extra);
    expect_refused("k.csv", text, want[0]);
    for (int i = 1; i < 6; i++)
        cr_expect(strstr(fi_errors, want[i]), "expected '%s' among:\n%s", want[i], fi_errors);
    char l5[32];
    snprintf(l5, sizeof l5, "k.csv:%d:", AFTER + 4);
    cr_expect_not(strstr(fi_errors, l5), "the correction L5 is accepted:\n%s", fi_errors);
    free(text);
    /* Without the bad rows, the outcomes and the correction are imported. */
    long long before = store_count(fi_st, STORE_CONTACT);
    text = outcomes_then(N_AT_SCALE, "L5,X123456,,AB1,2020-01-01,13:00,COAP,UAAB,,B00011,was absent,K00011\n");
    expect_loaded("k.csv", text);
    free(text);
    cr_expect_eq(store_count(fi_st, STORE_CONTACT), before + N_AT_SCALE - 2 + 1);
}

Test(import_outcome, the_rules_hold_at_scale_from_memory_on_a_first_load)
{
    many_appointments(N_AT_SCALE);
    at_scale();
}

Test(import_outcome, the_rules_hold_at_scale_from_memory_on_a_later_load)
{
    many_appointments(N_AT_SCALE);
    expect_loaded("z.csv", CONTACT_HEAD "Z1,X123456,,AB1,2020-01-01,08:00,COAP,ATTC,,B00001,,\n");
    at_scale();
}

/* What memory holds of an appointment: its date, start, type and status in a
 * few bytes, and whether it has an outcome. */
Test(import_outcome, the_appointments_facts_are_held_with_their_person)
{
    appointments();
    expect_loaded("c.csv", CONTACT_HEAD "C1,X123456,O1,AB1,2026-11-09,11:00,COAP,ATTC,,A1,,\n"
                                        "C2,X123456,O1,AB1,2026-11-10,09:00,COAP,ATTC,,A5,,\n"
                                        "C3,X123456,O1,AB1,2026-11-10,09:00,COAP,,,A5,withdrawn,C2\n");
    refset r;
    cl_err e = {0};
    cr_assert_eq(refset_load(&r, fi_st, STORE_APPOINTMENT, &e), CL_OK, "%s", e.msg);
    refset_appt_facts f;
    cr_assert_not_null(refset_appt(&r, "A1", &f));
    cr_expect_str_eq(refset_appt(&r, "A1", &f), "X123456", "its person");
    cr_expect_eq(f.date, tu_date("2026-11-09"));
    cr_expect_eq(f.start, 11 * 60);
    cr_expect_str_eq(f.type, "COAP");
    cr_expect_str_eq(f.status, "booked");
    cr_expect(f.outcome);
    cr_assert_not_null(refset_appt(&r, "A3", &f));
    cr_expect_str_eq(f.status, "rescheduled");
    cr_expect_not(f.outcome);
    cr_assert_not_null(refset_appt(&r, "A5", &f));
    cr_expect_not(f.outcome, "withdrawn by a correction");
    refset_appt_mark(&f);
    cr_assert_not_null(refset_appt(&r, "A5", &f));
    cr_expect(f.outcome);
    cr_expect_eq(f.start, 9 * 60);
    cr_expect_null(refset_appt(&r, "A9", &f));
    refset_free(&r);
    /* A type outside the table (written by another program) is not held:
     * the importer reads that appointment from the database. */
    fx_sql(fi_dir, "o.db", "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
           " VALUES ('A9','X123456','O1','AB1','N01','2026-11-09','15:00','15:30','ZZZZ');");
    cr_assert_eq(refset_load(&r, fi_st, STORE_APPOINTMENT, &e), CL_OK, "%s", e.msg);
    cr_expect_null(refset_appt(&r, "A9", &f));
    cr_expect_str_eq(refset_owner(&r, "A9"), "X123456");
    refset_free(&r);
}
