/* The rules an import shares with the command line and the screens, on real
 * CSV files and SQLite files: an appointment or contact counts only for its
 * own person's order (case_order_of; at scale from memory), and `check`
 * reports one already stored; codes and CRNs are read in upper case; a line
 * break inside a field is stored as LF whatever the file's line ends. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/store_write.h"
#include "fixture_diary.h"
#include "fixture_import.h"
#include "io/refset.h"
#include "testutil.h"

static void setup(void) { fi_open("r.db"); }
static void teardown(void) { fi_close(); }
TestSuite(import_rules, .init = setup, .fini = teardown);


static int load_text(const char *kind, const char *name, const char *text, imp_counts *n)
{
    return fi_load_text(kind, name, text, n, false);
}

/* Offices, staff, X123456 with order O1, X123457 with O2, X123458 with none. */
static void people_and_orders(void)
{
    static const char *const kinds[] = {"offices", "staff", "offenders", "orders"};
    fi_load_fixtures(kinds, sizeof kinds / sizeof kinds[0]);
}

#define CONTACT_HEAD "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\n"
#define PEOPLE_HEAD "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"
#define APPT_HEAD "id,crn,order_id,officer,date,start,end,type,location,status,notes\n"

/* The file is refused, saying want (among its errors), and nothing is written. */
static void expect_refused(const char *kind, const char *name, const char *text, const char *want)
{
    fi_errors[0] = '\0';
    long long before = store_count(fi_st, csv_format_find(kind)->store);
    cr_expect_eq(load_text(kind, name, text, NULL), CL_EDATA, "%s", name);
    cr_expect(strstr(fi_errors, want), "expected '%s' among:\n%s", want, fi_errors);
    cr_expect_eq(store_count(fi_st, csv_format_find(kind)->store), before, "nothing written");
}

Test(import_rules, an_appointment_or_contact_on_another_persons_order_is_refused)
{
    people_and_orders();
    const char *two = CONTACT_HEAD "C1,X123456,O1,AB1,2026-12-01,10:00,CUPA,ATTC,,,own order\n"
                                   "C2,X123456,O2,AB1,2026-12-01,11:00,CUPA,ATTC,,,not X123456's\n"
                                   "C3,X123458,O2,AB1,2026-12-02,11:00,COAP,UAAB,,,nor X123458's\n";
    expect_refused("contacts", "c.csv", two, "c.csv:3: order_id: order O2 is X123457's, not X123456's\n");
    cr_expect(strstr(fi_errors, "c.csv:4: order_id: order O2 is X123457's, not X123458's\n"), "%s", fi_errors);
    cr_expect_not(strstr(fi_errors, "c.csv:2:"), "%s", fi_errors);
    expect_refused("appointments", "a.csv", APPT_HEAD "A1,X123456,O2,AB1,2026-12-29,11:00,11:30,COAP,,booked,\n",
                   "a.csv:2: order_id: order O2 is X123457's, not X123456's");
    /* An order that does not exist is still named as missing. */
    expect_refused("contacts", "d.csv", CONTACT_HEAD "C1,X123456,O9,AB1,2026-12-01,10:00,CTOB,,,,\n",
                   "d.csv:2: order_id: no order 'O9' in the database (import orders first)");
    /* The order of the row before, kept from it (the cache), is checked against this row's person. */
    expect_refused("contacts", "e.csv",
                   CONTACT_HEAD "C1,X123457,O2,AB1,2026-12-01,10:00,CTOB,,,,\n"
                                "C2,X123456,O2,AB1,2026-12-01,11:00,CTOB,,,,\n",
                   "e.csv:3: order_id: order O2 is X123457's, not X123456's");
    cr_expect_eq(load_text("contacts", "f.csv",
                           CONTACT_HEAD "C1,X123456,O1,AB1,2026-12-01,10:00,CTOB,,,,\n"
                                        "C2,X123456,O1,AB1,2026-12-02,10:00,CTOB,,,,\n"
                                        "C3,X123457,O2,AB1,2026-12-01,10:00,CTOB,,,,\n",
                           NULL),
                 CL_OK, "%s", fi_errors);
}

static char problems[4096];
static void on_problem(void *arg, const char *line)
{
    (void)arg;
    strncat(problems, line, sizeof problems - strlen(problems) - 2);
    strcat(problems, "\n");
}

/* A contact that records an appointment records one of its own person's, as
 * `caseload log` requires (case_record_of); check reports a stored one. */
Test(import_rules, a_contact_on_another_persons_appointment_is_refused)
{
    people_and_orders();
    cr_assert_eq(load_text("appointments", "a.csv",
                           APPT_HEAD "A1,X123456,O1,AB1,2026-11-09,11:00,11:30,COAP,,booked,\n"
                                     "A2,X123457,O2,AB1,2026-11-09,12:00,12:30,COAP,,booked,\n",
                           NULL),
                 CL_OK, "%s", fi_errors);
    expect_refused("contacts", "c.csv",
                   CONTACT_HEAD "C1,X123456,,AB1,2026-11-09,11:00,COAP,ATTC,,A1,own\n"
                                "C2,X123456,,AB1,2026-11-09,12:00,COAP,ATTC,,A2,X123457's\n",
                   "c.csv:3: appointment_id: appointment A2 is X123457's, not X123456's\n");
    cr_expect_not(strstr(fi_errors, "c.csv:2:"), "%s", fi_errors);
    /* At scale the appointments are held in memory with their person. */
    refset r;
    cl_err e = {0};
    cr_assert_eq(refset_load(&r, fi_st, STORE_APPOINTMENT, &e), CL_OK, "%s", e.msg);
    cr_assert_not_null(refset_owner(&r, "A2"));
    cr_expect_str_eq(refset_owner(&r, "A2"), "X123457");
    refset_free(&r);
    fx_sql(fi_dir, "r.db", "INSERT INTO contact(id,crn,officer,date,time,type,outcome,appointment_id,created_by,created_at)"
           " VALUES ('C9','X123456','AB1','2026-11-09','12:00','COAP','ATTC','A2','AB1','2026-11-09T12:30');");
    problems[0] = '\0';
    cl_err err = {0};
    cr_expect_eq(store_check(fi_st, on_problem, NULL, &err), 1, "%s\n%s", problems, err.msg);
    cr_expect(strstr(problems, "contact C9: appointment A2 is X123457's, not X123456's\n"), "%s", problems);
}

/* Contacts whose order changes at every row: past REFSET_AFTER lookups every
 * order is read into memory with its person, and one on another person's
 * order is refused there in the same words. */
static char *alternating_contacts(int n, int bad_line)
{
    size_t cap = (size_t)n * 64 + 128, len = 0;
    char *text = malloc(cap);
    len += (size_t)snprintf(text + len, cap - len, CONTACT_HEAD);
    for (int line = 2; line < n + 2; line++)
        len += (size_t)snprintf(text + len, cap - len, "K%06d,%s,%s,AB1,2026-12-01,10:00,CTOB,,,,\n", line,
                                line % 2 ? "X123456" : "X123457", (line % 2) != (line == bad_line) ? "O1" : "O2");
    return text;
}

Test(import_rules, an_order_of_another_person_is_found_in_memory_at_scale)
{
    people_and_orders();
    char *text = alternating_contacts(25000, 24001);
    cr_expect_eq(load_text("contacts", "k.csv", text, NULL), CL_EDATA);
    cr_expect(strstr(fi_errors, "k.csv:24001: order_id: order O2 is X123457's, not X123456's"), "%s", fi_errors);
    cr_expect_eq(store_count(fi_st, STORE_CONTACT), 0);
    free(text);

    /* The set holds each order's person: no query a row. */
    refset r;
    cl_err err = {0};
    cr_assert_eq(refset_load(&r, fi_st, STORE_ORDER, &err), CL_OK, "%s", err.msg);
    cr_expect(refset_has(&r, "O1"));
    cr_assert_not_null(refset_owner(&r, "O1"));
    cr_expect_str_eq(refset_owner(&r, "O1"), "X123456");
    cr_assert_not_null(refset_owner(&r, "O2"));
    cr_expect_str_eq(refset_owner(&r, "O2"), "X123457");
    cr_expect_null(refset_owner(&r, "O3"));
    refset_free(&r);
    cr_assert_eq(refset_load(&r, fi_st, STORE_OFFENDER, &err), CL_OK, "%s", err.msg);
    cr_expect(refset_has(&r, "X123456"));
    cr_expect_null(refset_owner(&r, "X123456"), "a person has no person");
    refset_free(&r);
}

Test(import_rules, check_reports_a_stored_row_on_another_persons_order)
{
    people_and_orders();
    fx_sql(fi_dir, "r.db", "INSERT INTO contact(id,crn,order_id,officer,date,time,type,created_by,created_at)"
           " VALUES ('C9','X123456','O2','AB1','2026-12-01','10:00','CTOB','AB1','2026-12-01T10:00');"
           "INSERT INTO contact(id,crn,order_id,officer,date,time,type,created_by,created_at)"
           " VALUES ('C8','X123457','O2','AB1','2026-12-01','10:00','CTOB','AB1','2026-12-01T10:00');"
           "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
           " VALUES ('A9','X123458','O1','AB1','N01','2026-12-29','11:00','11:30','COAP');");
    problems[0] = '\0';
    cl_err err = {0};
    cr_expect_eq(store_check(fi_st, on_problem, NULL, &err), 2, "%s\n%s", problems, err.msg);
    cr_expect(strstr(problems, "contact C9: order O2 is X123457's, not X123456's\n"), "%s", problems);
    cr_expect(strstr(problems, "appointment A9: order O1 is X123456's, not X123458's\n"), "%s", problems);
}

Test(import_rules, codes_and_crns_are_read_in_upper_case)
{
    people_and_orders();
    cr_expect_eq(load_text("staff", "s.csv", "code,name,grade,office,team,hours\ngh4,Gwen Hughes,PO,n01,,37\n", NULL),
                 CL_OK, "%s", fi_errors);
    char *v = fi_q_text("SELECT code || ' ' || office FROM staff WHERE name = 'Gwen Hughes'");
    cr_expect_str_eq(v, "GH4 N01");
    free(v);
    cr_expect_eq(load_text("contacts", "c.csv",
                           CONTACT_HEAD "C1,x123456,O1,cdf2,2026-12-01,10:00,CTOB,,,,\n"
                                        "C2,x123456,O1,ab1,2026-12-01,11:00,CTOB,,,,\n",
                           NULL),
                 CL_EDATA);
    /* Not found is said of the code as stored: cdf2 is CDF2, which is not there. */
    cr_expect(strstr(fi_errors, "c.csv:2: officer: no staff member 'CDF2' in the database"), "%s", fi_errors);
    cr_expect_not(strstr(fi_errors, "c.csv:3:"), "%s", fi_errors);
    fi_errors[0] = '\0';
    cr_expect_eq(load_text("contacts", "d.csv", CONTACT_HEAD "C1,x123456,O1,ab1,2026-12-01,11:00,CTOB,,,,\n", NULL),
                 CL_OK, "%s", fi_errors);
    v = fi_q_text("SELECT crn || ' ' || officer FROM contact WHERE id = 'C1'");
    cr_expect_str_eq(v, "X123456 AB1");
    free(v);
    cr_expect_eq(load_text("appointments", "a.csv",
                           "id,crn,order_id,officer,date,start,end,type,location,status,notes,office\n"
                           "A1,x123457,O2,cd2,2026-12-29,11:00,11:30,COAP,,,,s02\n",
                           NULL),
                 CL_OK, "%s", fi_errors);
    v = fi_q_text("SELECT crn || ' ' || officer || ' ' || office FROM appointment WHERE id = 'A1'");
    cr_expect_str_eq(v, "X123457 CD2 S02");
    free(v);
}

Test(import_rules, a_line_break_in_a_field_is_stored_as_lf_whatever_the_line_ends)
{
    people_and_orders();
    cr_expect_eq(load_text("contacts", "c.csv",
                           "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\r\n"
                           "C1,X123456,,AB1,2026-12-01,10:00,CTOB,,,,\"line one\r\nline two\"\r\n"
                           "C2,X123456,,AB1,2026-12-01,11:00,CTOB,,,,\"old\rmac\r\r\nend\"\r\n",
                           NULL),
                 CL_OK, "%s", fi_errors);
    char *v = fi_q_text("SELECT hex(notes) FROM contact WHERE id = 'C1'");
    cr_expect_str_eq(v, "6C696E65206F6E650A6C696E652074776F"); /* "line one\nline two" */
    free(v);
    v = fi_q_text("SELECT notes = 'old' || char(10) || 'mac' || char(10) || char(10) || 'end' FROM contact WHERE id = 'C2'");
    cr_expect_str_eq(v, "1");
    free(v);
    char *buf = fi_export(fi_st, "contacts");
    size_t len = strlen(buf);
    cr_expect_null(memchr(buf, '\r', len), "export writes no CR:\n%s", buf);
    cr_expect(strstr(buf, "\"line one\nline two\""), "%s", buf);
    free(buf);
}

/* Lengths and hours outside the one table's ranges (limits.h) are refused
 * with FILE:LINE: column: and the range; so are numbers that are not plain. */
Test(import_rules, lengths_and_hours_out_of_range_are_refused)
{
    people_and_orders();
    const char *reqs = "id,order_id,type,length,unit,start_date\n"
                       "R1,O1,W,120,hours,2026-06-01\n"
                       "R2,O1,W,5000,hours,2026-06-01\n"
                       "R3,O1,W,0,hours,2026-06-01\n"
                       "R4,O1,W,60,days,2026-06-01\n"
                       "R5,O1,F,0x10,days,2026-06-01\n"
                       "R6,O1,T,500,days,2026-06-01\n";
    expect_refused("requirements", "q.csv", reqs, "q.csv:3: length: 5000 hours is outside 40-300 for unpaid work\n");
    cr_expect(strstr(fi_errors, "q.csv:4: length: 0 hours is outside 40-300 for unpaid work\n"), "%s", fi_errors);
    cr_expect(strstr(fi_errors, "q.csv:5: unit: unpaid work is counted in hours, not days\n"), "%s", fi_errors);
    cr_expect(strstr(fi_errors, "q.csv:6: length: '0x10' is not a plain number (such as 30 or 7.5)\n"), "%s", fi_errors);
    cr_expect(strstr(fi_errors, "q.csv:7: length: 500 days is outside 1-120 for alcohol abstinence\n"), "%s", fi_errors);
    cr_expect_not(strstr(fi_errors, "q.csv:2:"), "%s", fi_errors);
    const char *staff = "code,name,grade,office,team,hours,reduction_hours\n"
                        "GH4,Gwen Hughes,PO,N01,,37,\n"
                        "GH5,Gwen Hughes,PO,N01,,1e9,\n"
                        "GH6,Gwen Hughes,PO,N01,,1000000000,\n"
                        "GH7,Gwen Hughes,PO,N01,,0,\n"
                        "GH8,Gwen Hughes,PO,N01,,30,31\n"
                        "GH9,Gwen Hughes,PO,N01,,inf,\n";
    expect_refused("staff", "s.csv", staff, "s.csv:3: hours: '1e9' is not a plain number (such as 30 or 7.5)\n");
    cr_expect(strstr(fi_errors, "s.csv:4: hours: 1000000000 hours a week is outside 0-48 (more than 0, at most 48)\n"),
              "%s", fi_errors);
    cr_expect(strstr(fi_errors, "s.csv:5: hours: 0 hours a week is outside 0-48"), "%s", fi_errors);
    cr_expect(strstr(fi_errors, "s.csv:6: reduction_hours: 31 hours is outside 0-30 (at most the 30 contracted hours)\n"),
              "%s", fi_errors);
    cr_expect(strstr(fi_errors, "s.csv:7: hours: 'inf' is not a plain number"), "%s", fi_errors);
    cr_expect_not(strstr(fi_errors, "s.csv:2:"), "%s", fi_errors);
}

/* A PNC identifies one person: a second holder is refused, whether stored
 * already or earlier in the same file, and `check` reports one an older
 * database holds. The holder's own row keeps it. */
Test(import_rules, a_pnc_held_by_another_person_is_refused)
{
    people_and_orders();
    cr_assert_eq(load_text("offenders", "a.csv", PEOPLE_HEAD "X123456,Llŷr,Siân,1982-06-11,F,00/491869d,,,,B2,,N01,active\n",
                           NULL), CL_OK, "%s", fi_errors);
    cr_expect_eq(load_text("offenders", "b.csv", PEOPLE_HEAD "X123456,Llŷr,Siân,1982-06-11,F,2000/0491869D,,,,B2,,N01,active\n",
                           NULL), CL_OK, "its own holder: %s", fi_errors);
    expect_refused("offenders", "c.csv", PEOPLE_HEAD "X123457,Jones,Bethan,1982-06-11,F,00/491869D,,,,B2,,N01,active\n",
                   "c.csv:2: pnc: 2000/0491869D is held by X123456: a PNC number is one person's\n");
    expect_refused("offenders", "d.csv",
                   PEOPLE_HEAD "Z000001,Jones,Bethan,1982-06-11,F,2001/0123456A,,,,B2,,N01,active\n"
                               "Z000002,Evans,Cai,1980-01-01,M,01/123456a,,,,B2,,N01,active\n",
                   "d.csv:3: pnc: 2001/0123456A is also given on line 2: a PNC number is one person's\n");
    cr_expect_not(strstr(fi_errors, "d.csv:2:"), "%s", fi_errors);
    /* An older database may hold one twice: check names both holders. */
    fx_sql(fi_dir, "r.db", "UPDATE offender SET pnc = '2000/0491869D' WHERE crn = 'X123458';");
    problems[0] = '\0';
    cl_err err = {0};
    cr_expect_eq(store_check(fi_st, on_problem, NULL, &err), 1, "%s\n%s", problems, err.msg);
    cr_expect(strstr(problems, "PNC 2000/0491869D: held by X123456 and X123458: a PNC number is one person's\n"), "%s",
              problems);
}
