/* CSV import and export on real SQLite files and real CSV files: every error
 * with its FILE:LINE: column, round trips of every kind, BOM, CRLF, embedded
 * line breaks, a 1 MB field, re-import, dry run, all-or-nothing, a busy database. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/store_write.h"
#include "fixture_import.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static char errors[1 << 16];
static int nlines;

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "i.db");
    errors[0] = '\0';
    nlines = 0;
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(import, .init = setup, .fini = teardown);

static void collect(void *arg, const char *line)
{
    (void)arg;
    nlines++;
    if (strlen(errors) + strlen(line) + 2 < sizeof errors) {
        strcat(errors, line);
        strcat(errors, "\n");
    }
}

static const char *const KINDS[] = {"offices", "staff", "offenders", "orders", "requirements",
                                    "registrations", "appointments", "contacts", "reports", "holidays",
                                    "settings"};

/* Imports a file; returns the status. */
static int import_file(cl_store *s, const char *kind, const char *path, imp_counts *n, bool dry)
{
    imp_opts o = {.dry_run = dry, .report = collect};
    cl_err err = {0};
    const csv_format *fmt = csv_format_find(kind);
    cr_assert_not_null(fmt, "%s", kind);
    imp_counts dummy;
    return imp_file(s, fmt, path, &o, n ? n : &dummy, &err);
}

/* Writes text to a file in the test folder and imports it. */
static int import_text(const char *kind, const char *name, const char *text, imp_counts *n)
{
    char *path = tu_write_file(dir, name, text);
    int rc = import_file(st, kind, path, n, false);
    free(path);
    return rc;
}

static void load_fixtures(cl_store *s)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/data/csv/%s.csv", KINDS[i]);
        int rc = import_file(s, KINDS[i], path, NULL, false);
        cr_assert_eq(rc, CL_OK, "importing %s: %s", path, errors);
    }
}

static char *export_text(cl_store *s, const char *kind)
{
    return fi_export(s, kind);
}

static void expect_error(const char *needle)
{
    cr_expect(strstr(errors, needle), "expected '%s' among the errors:\n%s", needle, errors);
}

/* Shortest valid base: an office, a staff member and an offender. */
static void base(void)
{
    cr_assert_eq(import_text("offices", "o.csv", "code,name,address,phone\nN01,Newtown,,\n", NULL), CL_OK, "%s", errors);
    cr_assert_eq(import_text("staff", "s.csv", "code,name,grade,office,team,hours\nAB1,Ann Bell,PO,N01,,37\n", NULL), CL_OK, "%s", errors);
    cr_assert_eq(import_text("offenders", "p.csv",
                             "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"
                             "X123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active\n", NULL), CL_OK, "%s", errors);
}

Test(import, round_trip_of_every_kind_is_exact)
{
    load_fixtures(st);
    cl_store *two = tu_open(dir, "two.db");
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        char *first = export_text(st, KINDS[i]);
        char name[64];
        snprintf(name, sizeof name, "export-%s.csv", KINDS[i]);
        char *path = tu_write_file(dir, name, first);
        imp_counts n;
        cr_assert_eq(import_file(two, KINDS[i], path, &n, false), CL_OK, "%s: %s", KINDS[i], errors);
        char *second = export_text(two, KINDS[i]);
        cr_expect_str_eq(second, first, "%s differs after the round trip", KINDS[i]);
        free(first);
        free(second);
        free(path);
    }
    /* The hard text made it through. */
    char *p = export_text(two, "offenders");
    cr_expect(strstr(p, "X123456,Llŷr,Siân,1990-02-03,F,2001/0123456A,\"Flat 2, 3 Mill Lane\nNewtown\""), "%s", p);
    cr_expect(strstr(p, "Ó Ceallaigh,Seán"), "%s", p);
    cr_expect(strstr(p, "\"4 \"\"The Row\"\"\""), "%s", p);
    cr_expect(strstr(p, "Durand,Zoë"), "%s", p);
    free(p);
    char *c = export_text(two, "contacts");
    cr_expect(strstr(c, "\"Discussed work.\nSiân is doing well, said \"\"fine\"\"\""), "%s", c);
    free(c);
    store_close(two);
}

Test(import, reimport_changes_nothing_and_update_is_counted)
{
    load_fixtures(st);
    imp_counts n;
    cr_assert_eq(import_file(st, "offenders", "tests/data/csv/offenders.csv", &n, false), CL_OK);
    cr_expect_eq(n.inserted, 0);
    cr_expect_eq(n.updated, 0);
    cr_expect_eq(n.unchanged, 3);
    cr_assert_eq(import_file(st, "contacts", "tests/data/csv/contacts.csv", &n, false), CL_OK, "%s", errors);
    cr_expect_eq(n.unchanged, 2, "contacts without created_by/at are unchanged on re-import");
    cr_assert_eq(import_text("offices", "o2.csv", "name,code,phone,address\nNew Town,N01,01632 960001,\"1 High Street\nNewtown\nNT1 1AA\"\n", &n), CL_OK, "%s", errors);
    cr_expect_eq(n.updated, 1, "columns in any order; the name changed");
    cl_office o;
    cl_err err = {0};
    cr_assert_eq(store_get_office(st, "N01", &o, &err), CL_OK);
    cr_expect_str_eq(o.name, "New Town");
}

Test(import, dry_run_writes_nothing)
{
    base();
    imp_opts o = {.dry_run = true, .report = collect};
    imp_counts n;
    cl_err err = {0};
    cr_assert_eq(imp_file(st, csv_format_find("orders"), "tests/data/csv/orders.csv", &o, &n, &err), CL_EDATA,
                 "O2's person is not in this database");
    expect_error("orders.csv:3: crn: no offender 'X123457' in the database");
    const char *ok = "id,crn,type,sentence_date,end_date,court\nO1,X123456,CO,2026-06-01,,\n";
    char *path = tu_write_file(dir, "ok.csv", ok);
    cr_assert_eq(imp_file(st, csv_format_find("orders"), path, &o, &n, &err), CL_OK, "%s", errors);
    cr_expect_eq(n.inserted, 1, "the dry run says what it would do");
    cr_expect_eq(store_count(st, STORE_ORDER), 0, "and does not do it");
    free(path);
}

Test(import, any_error_writes_nothing)
{
    base();
    const char *csv = "id,crn,type,sentence_date,end_date,court\n"
                      "O1,X123456,CO,2026-06-01,,\n"
                      "O2,X123456,CO,2026-06-01,,\n"
                      "O3,X123456,XX,2026-06-01,,\n";
    cr_assert_eq(import_text("orders", "orders.csv", csv, NULL), CL_EDATA);
    expect_error("orders.csv:4: type: unknown order type 'XX' (CO, SSO, LIC, PSS)");
    cr_expect_eq(store_count(st, STORE_ORDER), 0);
}

Test(import, every_kind_of_error_names_file_line_and_column)
{
    base();
    const char *csv =
        "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"
        "X200001,Good,One,1990-01-01,M,,,,,A1,AB1,N01,active\n"          /* 2 */
        "X200002,Bad,Date,2026-02-30,M,,,,,A1,AB1,N01,active\n"          /* 3: impossible date */
        "X200003,Bad,Code,1990-01-01,Q,,,,,A1,AB1,N01,active\n"          /* 4: unknown code */
        "X200004,,Missing,1990-01-01,M,,,,,A1,AB1,N01,active\n"          /* 5: missing value */
        "X200005,Bad\xff,Utf,1990-01-01,M,,,,,A1,AB1,N01,active\n"       /* 6: invalid UTF-8 */
        "X200006,Bad,Officer,1990-01-01,M,,,,,A1,ZZ9,N01,active\n"       /* 7: no such officer */
        "X200001,Dup,Key,1990-01-01,M,,,,,A1,AB1,N01,active\n"           /* 8: duplicate key */
        "X200007,Multi,\"Line\nName\",1990-01-01,M,,\"a\nb\",,,A1,AB1,N01,active\n" /* 9-11 */
        "X200008,Bad,Tier,1990-01-01,M,,,,,Z9,AB1,N01,active\n"          /* 12: after the multi-line record */
        "X200009,Short,Row\n"                                           /* 13: too few fields */
        "X20001,Bad,Crn,01/13/1990,M,,,,,A1,AB1,N01,active\n";          /* 14 */
    cr_assert_eq(import_text("offenders", "people.csv", csv, NULL), CL_EDATA);
    expect_error("people.csv:3: date_of_birth: 2026-02-30: 30 February is not a date\n");
    expect_error("people.csv:4: gender: unknown gender 'Q'");
    expect_error("people.csv:5: surname: missing value");
    expect_error("people.csv:6: surname: invalid UTF-8");
    expect_error("people.csv:7: officer: no staff member 'ZZ9' in the database");
    expect_error("people.csv:8: crn: duplicate offender 'X200001' in the file (also on line 2)");
    expect_error("people.csv:12: tier: 'Z9' is not a tier");
    expect_error("people.csv:13: date_of_birth: missing: the row has 3 fields and the header 13");
    expect_error("people.csv:14: crn: 'X20001' is not a CRN");
    expect_error("people.csv:14: date_of_birth: 01/13/1990: there is no month 13 (the day comes first: DD/MM/YYYY)\n");
    cr_expect_null(strstr(errors, "people.csv:9:"), "the multi-line record is good:\n%s", errors);
    cr_expect_eq(store_count(st, STORE_OFFENDER), 1, "only the base offender");
}

/* Dates as spreadsheets write them (26/9/1998) are read; a refusal names
 * what is wrong: the day, the month, or the form (a two-digit year). */
Test(import, dates_as_spreadsheets_write_them_and_what_is_wrong)
{
    base();
    const char *head = "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n";
    char csv[1024];
    snprintf(csv, sizeof csv, "%s%s", head,
             "X200001,One,Digit,26/9/1998,M,,,,,A1,AB1,N01,active\n"
             "X200002,Two,Digits,06/09/1998,M,,,,,A1,AB1,N01,active\n"
             "X200003,Mixed,Digits,6/09/1998,M,,,,,A1,AB1,N01,active\n");
    cr_assert_eq(import_text("offenders", "ok.csv", csv, NULL), CL_OK, "%s", errors);
    cl_offender p;
    cl_err err = {0};
    cr_assert_eq(store_get_offender(st, "X200001", &p, &err), CL_OK);
    cr_expect_eq(p.date_of_birth, tu_date("1998-09-26"));
    cr_assert_eq(store_get_offender(st, "X200002", &p, &err), CL_OK);
    cr_expect_eq(p.date_of_birth, tu_date("1998-09-06"));
    cr_assert_eq(store_get_offender(st, "X200003", &p, &err), CL_OK);
    cr_expect_eq(p.date_of_birth, tu_date("1998-09-06"));

    snprintf(csv, sizeof csv, "%s%s", head,
             "X200004,No,Day,31/02/1998,M,,,,,A1,AB1,N01,active\n"
             "X200005,Dashes,Short,26-9-98,M,,,,,A1,AB1,N01,active\n"
             "X200006,Short,Year,26/9/98,M,,,,,A1,AB1,N01,active\n"
             "X200007,Month,First,09/26/1998,M,,,,,A1,AB1,N01,active\n");
    cr_assert_eq(import_text("offenders", "bad.csv", csv, NULL), CL_EDATA);
    expect_error("bad.csv:2: date_of_birth: 31/02/1998: 31 February is not a date\n");
    expect_error("bad.csv:3: date_of_birth: 26-9-98: not a date (write YYYY-MM-DD or DD/MM/YYYY)\n");
    expect_error("bad.csv:4: date_of_birth: 26/9/98: the year needs four digits (write YYYY-MM-DD or DD/MM/YYYY)\n");
    expect_error("bad.csv:5: date_of_birth: 09/26/1998: there is no month 26 (the day comes first: DD/MM/YYYY)\n");
    cr_expect_eq(store_count(st, STORE_OFFENDER), 4, "nothing of the bad file");
}

Test(import, unknown_and_missing_columns)
{
    base();
    cr_assert_eq(import_text("orders", "o.csv", "id,crn,type,sentence_date,court,colour\nO1,X123456,CO,2026-06-01,,red\n", NULL), CL_EDATA);
    expect_error("o.csv:1: colour: unknown column for orders");
    expect_error("o.csv:1: end_date: missing column");
    cr_assert_eq(import_text("orders", "e.csv", "", NULL), CL_EDATA);
    expect_error("e.csv:1: header: empty file");
}

Test(import, references_to_orders_staff_and_later_rows)
{
    base();
    cr_assert_eq(import_text("orders", "o.csv", "id,crn,type,sentence_date,end_date,court\nO1,X123456,CO,2026-06-01,,\n", NULL), CL_OK, "%s", errors);
    const char *appts =
        "id,crn,order_id,officer,date,start,end,type,location,status,notes,replaced_by\n"
        "A1,X123456,O1,AB1,2026-11-24,10:00,10:30,COAP,,rescheduled,,A9\n"  /* A9 comes later: fine */
        "A2,X123456,O7,AB1,2026-11-24,11:00,11:30,COAP,,,,\n"               /* no order O7 */
        "A3,X123456,O1,AB1,2026-11-24,12:00,11:30,COAP,,,,\n"               /* ends before it starts */
        "A4,X123456,O1,AB1,2026-11-24,12:00,12:30,CTOB,,,,\n"               /* a phone call is not booked */
        "A5,X123456,O1,AB1,2026-11-24,12:00,12:30,COAP,,,,A8\n"             /* A8 nowhere */
        "A9,X123456,O1,AB1,2026-11-25,10:00,10:30,COAP,,,,\n";
    cr_assert_eq(import_text("appointments", "a.csv", appts, NULL), CL_EDATA);
    cr_expect_null(strstr(errors, "a.csv:2:"), "%s", errors);
    expect_error("a.csv:3: order_id: no order 'O7' in the database");
    expect_error("a.csv:4: end: ends before it starts");
    expect_error("a.csv:5: type: unknown appointment type 'CTOB'");
    expect_error("a.csv:6: replaced_by: no appointment 'A8' in the file or the database");
}

Test(import, contacts_cannot_be_changed)
{
    base();
    const char *one = "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\n"
                      "C1,X123456,,AB1,2026-11-20,10:00,CTOB,,,,rang\n";
    cr_assert_eq(import_text("contacts", "c.csv", one, NULL), CL_OK, "%s", errors);
    const char *changed = "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\n"
                          "C1,X123456,,AB1,2026-11-20,10:00,CTOB,,,,rang twice\n";
    cr_assert_eq(import_text("contacts", "c2.csv", changed, NULL), CL_EDATA);
    expect_error("c2.csv:2: id: contacts cannot be changed: add a correction");
}

Test(import, registration_levels_follow_the_type)
{
    base();
    const char *csv = "crn,type,category,level,start_date,review_date,end_date,notes\n"
                      "X123456,MAPP,M2,H,2026-01-01,,,\n"
                      "X123456,ADVP,,M,2026-01-01,,,\n"
                      "X123456,AV2S,,M2,2026-01-01,,,\n"
                      "X123456,RISK TO STAFF,,Very High,2026-02-01,,,\n"
                      "X123456,NOPE,,,2026-01-01,,,\n";
    cr_assert_eq(import_text("registrations", "r.csv", csv, NULL), CL_EDATA);
    expect_error("r.csv:2: level: a MAPPA level is M1, M2 or M3");
    expect_error("r.csv:3: level: this registration type takes no level");
    expect_error("r.csv:4: level: M1-M3 are MAPPA levels");
    cr_expect_null(strstr(errors, "r.csv:5:"), "readable names are accepted:\n%s", errors);
    expect_error("r.csv:6: type: unknown registration type 'NOPE'");
}

/* A registration ended after today would stop showing at once while it is
 * still in force: refused, as `register --end` refuses it (nothing written).
 * A review is a past day too, as `register --review` takes it. */
Test(import, a_registration_ending_or_reviewed_after_today_is_refused)
{
    base();
    const char *csv = "crn,type,category,level,start_date,review_date,end_date,notes,reviewed_on\n"
                      "X123456,AV2S,,H,2026-01-01,,2099-12-31,,\n"
                      "X123456,ADVP,,,2020-01-01,,2020-06-01,,2020-03-01\n"
                      "X123456,RHRH,,,2026-01-01,2099-06-01,,,2099-01-01\n";
    cr_assert_eq(import_text("registrations", "r.csv", csv, NULL), CL_EDATA);
    expect_error("r.csv:2: end_date: 2099-12-31 is after today (");
    cr_expect_null(strstr(errors, "r.csv:3:"), "a past end and review are accepted:\n%s", errors);
    expect_error("r.csv:4: reviewed_on: 2099-01-01 is after today (");
    cl_err err = {0};
    cl_registration g;
    cr_expect_eq(store_get_registration(st, "X123456", "AV2S", tu_date("2026-01-01"), &g, &err), CL_ENOINPUT,
                 "nothing written");
}

Test(import, bom_crlf_and_blank_trailing_lines)
{
    const char *csv = "\xEF\xBB\xBF" "code,name,address,phone\r\n"
                      "N01,Newtown,\"1 High St\r\nNewtown\",01632\r\n"
                      "N02,Southby,,\r\n\r\n\r\n";
    imp_counts n;
    cr_assert_eq(import_text("offices", "bom.csv", csv, &n), CL_OK, "%s", errors);
    cr_expect_eq(n.inserted, 2);
    cl_office o;
    cl_err err = {0};
    cr_assert_eq(store_get_office(st, "N01", &o, &err), CL_OK, "the BOM is not part of 'code'");
    cr_expect_str_eq(o.phone, "01632", "no CR left on the last field");
    cr_expect_str_eq(o.address, "1 High St\nNewtown", "a line break inside quotes is stored as LF");
}

Test(import, a_one_megabyte_field_round_trips)
{
    base();
    size_t big = 1 << 20;
    char *notes = malloc(big + 1);
    for (size_t i = 0; i < big; i++)
        notes[i] = "abc, \"de\"\nfgh"[i % 13];
    notes[big] = '\0';
    /* As CSV: quoted, with quotes doubled. */
    char *csv = malloc(3 * big + 512);
    char *p = csv + sprintf(csv, "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\n"
                                 "C1,X123456,,AB1,2026-11-20,10:00,C201,,,,\"");
    for (size_t i = 0; i < big; i++) {
        if (notes[i] == '"')
            *p++ = '"';
        *p++ = notes[i];
    }
    strcpy(p, "\"\nC2,X123456,,AB1,2026-11-20,11:00,C201,,,,after\n");
    int rc = import_text("contacts", "big.csv", csv, NULL);
    if (rc != CL_OK)
        free(csv), free(notes);
    cr_assert_eq(rc, CL_OK, "%s", errors);
    cl_contact c;
    cl_err err = {0};
    cr_assert_eq(store_get_contact(st, "C1", &c, &err), CL_OK);
    cr_expect_eq(strlen(c.notes), big);
    cr_expect(!strcmp(c.notes, notes), "the 1 MB note is stored exactly");
    cl_contact_clear(&c);
    char *out = export_text(st, "contacts");
    cl_store *two = tu_open(dir, "two.db");
    store_close(st);
    st = two;
    base();
    cr_assert_eq(import_text("contacts", "back.csv", out, NULL), CL_OK, "%s", errors);
    cr_assert_eq(store_get_contact(st, "C1", &c, &err), CL_OK);
    cr_expect(!strcmp(c.notes, notes), "and survives export and import");
    cl_contact_clear(&c);
    free(out);
    free(csv);
    free(notes);
}

Test(import, more_than_fifty_errors_are_summarised)
{
    char *csv = malloc(100000);
    char *p = csv + sprintf(csv, "code,name,address,phone\n");
    for (int i = 0; i < 70; i++)
        p += sprintf(p, "X%d,,,\n", i);
    cr_assert_eq(import_text("offices", "many.csv", csv, NULL), CL_EDATA);
    cr_expect_eq(nlines, 51, "50 errors and one summary line");
    expect_error("many.csv:51: name: missing value");
    cr_expect_null(strstr(errors, "many.csv:52:"));
    expect_error("many.csv: 20 more errors not shown");
    free(csv);
}

/* Broken quoting is reported as every other import error (CONVENTIONS.md):
 * FILE:LINE: column: message, in file order with the others, then the
 * count and "nothing was imported". */
Test(import, malformed_quotes_name_the_line)
{
    cl_err err = {0};
    imp_opts o = {.report = collect};
    const char *csv = "code,name,address,phone\nN01,Newtown,,\nN02,South\"by,,\n";
    imp_counts n;
    cr_assert_eq(imp_buffer(st, csv_format_find("offices"), "q.csv", csv, strlen(csv), &o, &n, &err), CL_EDATA);
    cr_expect_str_eq(errors, "q.csv:3: name: malformed CSV: a quote inside an unquoted field, or text after a closing quote\n");
    cr_expect_str_eq(err.msg, "q.csv: 1 error: nothing was imported");
    errors[0] = '\0';
    const char *open = "code,name,address,phone\nN01,,,\nN02,Newtown,\"never closed,\n\n";
    cr_assert_eq(imp_buffer(st, csv_format_find("offices"), "q.csv", open, strlen(open), &o, &n, &err), CL_EDATA);
    cr_expect_str_eq(errors, "q.csv:2: name: missing value\n"
                             "q.csv:3: address: malformed CSV: a quoted field is never closed\n");
    cr_expect_str_eq(err.msg, "q.csv: 2 errors: nothing was imported");
    cr_expect_eq(store_count(st, STORE_OFFICE), 0);
}

Test(import, shift_moves_dates_but_not_birth_dates)
{
    base();
    cr_assert_eq(import_text("orders", "o.csv", "id,crn,type,sentence_date,end_date,court\nO1,X123456,CO,2026-06-01,,\n", NULL), CL_OK);
    imp_opts o = {.shift = 10, .report = collect};
    cl_err err = {0};
    const char *csv = "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"
                      "X123457,Durand,Zoë,01/02/2000,F,,,,,D0,,N01,active\n";
    imp_counts n;
    cr_assert_eq(imp_buffer(st, csv_format_find("offenders"), "p.csv", csv, strlen(csv), &o, &n, &err), CL_OK, "%s", errors);
    const char *appt = "id,crn,order_id,officer,date,start,end,type,location,status,notes\n"
                       "A1,X123456,O1,AB1,2026-11-20,10:00,,COAP,,,\n";
    cr_assert_eq(imp_buffer(st, csv_format_find("appointments"), "a.csv", appt, strlen(appt), &o, &n, &err), CL_OK, "%s", errors);
    cl_offender p;
    cr_assert_eq(store_get_offender(st, "X123457", &p, &err), CL_OK);
    cr_expect_eq(p.date_of_birth, tu_date("2000-02-01"));
    cl_appointment a;
    cr_assert_eq(store_get_appointment(st, "A1", &a, &err), CL_OK);
    cr_expect_eq(a.date, tu_date("2026-11-30"));
    cl_appointment_clear(&a);
}

/* With a calendar (import --shift-from), an appointment the shift puts on a
 * bank holiday or weekend moves to the next business day, and so does the
 * contact logged against it; a contact of no appointment keeps its day. */
Test(import, shift_moves_appointments_off_closed_days)
{
    base();
    cr_assert_eq(import_text("orders", "o.csv", "id,crn,type,sentence_date,end_date,court\nO1,X123456,CO,2025-06-01,,\n", NULL), CL_OK);
    cl_calendar cal;
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
    imp_opts o = {.shift = 10, .cal = &cal, .report = collect};
    cl_err err = {0};
    imp_counts n;
    const char *appt = "id,crn,order_id,officer,date,start,end,type,location,status,notes\n"
                       "A1,X123456,O1,AB1,2025-12-15,10:00,,COAP,,,\n"  /* to Thu 25 Dec 2025 */
                       "A2,X123456,O1,AB1,2025-11-26,10:00,,COAP,,,\n"  /* to Sat 06 Dec 2025 */
                       "A3,X123456,O1,AB1,2025-11-27,10:00,,COAP,,,\n"; /* to Sun 07 Dec 2025 */
    cr_assert_eq(imp_buffer(st, csv_format_find("appointments"), "a.csv", appt, strlen(appt), &o, &n, &err), CL_OK, "%s", errors);
    const char *contacts = "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\n"
                           "C1,X123456,O1,AB1,2025-12-15,10:00,COAP,ATTC,,A1,came\n"
                           "C2,X123456,O1,AB1,2025-12-15,11:00,COPT,,,,rang\n";
    cr_assert_eq(imp_buffer(st, csv_format_find("contacts"), "c.csv", contacts, strlen(contacts), &o, &n, &err), CL_OK, "%s", errors);
    /* Christmas Day, Boxing Day, then the weekend: Mon 29 Dec 2025. */
    const char *want[][2] = {{"A1", "2025-12-29"}, {"A2", "2025-12-08"}, {"A3", "2025-12-08"}};
    for (size_t i = 0; i < 3; i++) {
        cl_appointment a;
        cr_assert_eq(store_get_appointment(st, want[i][0], &a, &err), CL_OK);
        cr_expect_eq(a.date, tu_date(want[i][1]), "%s", want[i][0]);
        cl_appointment_clear(&a);
    }
    cl_contact c;
    cr_assert_eq(store_get_contact(st, "C1", &c, &err), CL_OK);
    cr_expect_eq(c.date, tu_date("2025-12-29"));
    cl_contact_clear(&c);
    cr_assert_eq(store_get_contact(st, "C2", &c, &err), CL_OK);
    cr_expect_eq(c.date, tu_date("2025-12-25"));
    cl_contact_clear(&c);
    cal_free(&cal);
}

Test(import, a_writer_elsewhere_gives_busy)
{
    setenv("CASELOAD_BUSY_MS", "100", 1);
    char path[4096];
    snprintf(path, sizeof path, "%s/i.db", dir);
    cl_err err = {0};
    cl_store *other = store_open(path, 0, &err);
    cr_assert_not_null(other, "%s", err.msg);
    cl_store *mine = store_open(path, 0, &err);
    cr_assert_not_null(mine, "%s", err.msg);
    cr_assert_eq(store_begin(other, &err), CL_OK);
    imp_opts o = {.report = collect};
    const char *csv = "code,name,address,phone\nN01,Newtown,,\n";
    imp_counts n;
    cr_assert_eq(imp_buffer(mine, csv_format_find("offices"), "o.csv", csv, strlen(csv), &o, &n, &err), CL_EBUSY);
    cr_expect(strstr(err.msg, "database is in use"), "%s", err.msg);
    store_rollback(other);
    store_close(other);
    store_close(mine);
    cr_expect_eq(store_count(st, STORE_OFFICE), 0);
}

static long long q_int(const char *sql)
{
    return tu_query_int(dir, "i.db", sql);
}

Test(import, one_audit_row_per_import_and_updates_keep_old_values)
{
    load_fixtures(st);
    cr_expect_eq(q_int("SELECT count(*) FROM audit WHERE action = 'insert'"), 0, "no row-by-row insert audit in a load");
    cr_expect_eq(q_int("SELECT count(*) FROM audit WHERE action = 'import' AND entity = 'offenders'"
                       " AND detail = '3 inserted, 0 updated, 0 unchanged' AND who = 'TEST'"), 1);
    imp_counts n;
    cr_assert_eq(import_text("staff", "s.csv", "code,name,grade,office,team,hours\nAB1,Ann Bell,SPO,N01,Team A,37\n", &n), CL_OK, "%s", errors);
    cr_expect_eq(n.updated, 1);
    cr_expect_eq(q_int("SELECT count(*) FROM audit WHERE action = 'update' AND entity = 'staff' AND key = 'AB1'"
                       " AND json_extract(changes, '$.grade') = json_array('PO', 'SPO')"), 1, "the old and new grade are kept");
}

Test(import, formats_are_in_store_kind_order)
{
    /* The import names a referenced kind by CSV_FORMATS[store_kind]. */
    cr_assert_eq(CSV_FORMATS_N, STORE_KINDS_N);
    for (size_t i = 0; i < CSV_FORMATS_N; i++)
        cr_expect_eq(CSV_FORMATS[i].store, (store_kind)i, "%s", CSV_FORMATS[i].kind);
}

/* A PNC is stored in full whatever form the file gives (the search and the
 * court intake look it up so); one that is not a PNC is refused with its line. */
Test(import, a_short_pnc_is_stored_in_full_and_a_bad_one_refused)
{
    base();
    const char *head = "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n";
    char csv[512];
    snprintf(csv, sizeof csv, "%sX123457,Durand,Zoë,01/02/2000,F,00/491869d,,,,D0,,N01,active\n", head);
    cr_assert_eq(import_text("offenders", "p.csv", csv, NULL), CL_OK, "%s", errors);
    cl_offender p;
    cl_err err = {0};
    cr_assert_eq(store_get_offender(st, "X123457", &p, &err), CL_OK);
    cr_expect_str_eq(p.pnc, "2000/0491869D");
    snprintf(csv, sizeof csv, "%sX123458,Durand,Léa,01/02/2001,F,491869,,,,D0,,N01,active\n", head);
    cr_expect_eq(import_text("offenders", "q.csv", csv, NULL), CL_EDATA);
    cr_expect(strstr(errors, "q.csv:2: pnc: '491869' is not a PNC number: write YYYY/NNNNNNNL"), "%s", errors);
    cr_expect_eq(store_get_offender(st, "X123458", &p, &err), CL_ENOINPUT);
    /* A year after the import's today is a typing slip, refused with its reason. */
    snprintf(csv, sizeof csv, "%sX123458,Durand,Léa,01/02/2001,F,2099/0491869D,,,,D0,,N01,active\n", head);
    cr_expect_eq(import_text("offenders", "r.csv", csv, NULL), CL_EDATA);
    cr_expect(strstr(errors, "r.csv:2: pnc: '2099/0491869D' is not a PNC number: its year is after this year"), "%s", errors);
}

/* A future date of birth is refused, not stored and then shown as "-"; a PNC
 * year before the year of birth is refused with its reason, as the court
 * intake refuses it (pnc_check). */
Test(import, a_future_birth_and_a_pnc_year_before_the_birth_are_refused)
{
    base();
    const char *head = "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n";
    char csv[512];
    snprintf(csv, sizeof csv, "%sZ100004,Test,Four,2030-01-01,M,,,,,D0,,N01,active\n", head);
    cr_expect_eq(import_text("offenders", "b.csv", csv, NULL), CL_EDATA);
    cr_expect(strstr(errors, "b.csv:2: date_of_birth: 2030-01-01 is after today ("), "%s", errors);
    cl_offender p;
    cl_err err = {0};
    cr_expect_eq(store_get_offender(st, "Z100004", &p, &err), CL_ENOINPUT, "nothing written");
    snprintf(csv, sizeof csv, "%sZ100005,Test,Five,01/02/1990,M,27/1234567A,,,,D0,,N01,active\n", head);
    cr_expect_eq(import_text("offenders", "c.csv", csv, NULL), CL_EDATA);
    cr_expect(strstr(errors, "c.csv:2: pnc: '1927/1234567A' is not a PNC number: its year (read as 1927) is before the"
                             " year of birth (1990)"), "%s", errors);
    cr_expect_eq(store_get_offender(st, "Z100005", &p, &err), CL_ENOINPUT, "nothing written");
}
