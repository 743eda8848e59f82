/* Importing a file that has only some of a kind's columns: a column the
 * header does not name keeps what the stored record holds (a column named
 * with an empty value still clears it), a row equal to the stored record once
 * those are taken is unchanged, a dry run counts the same, and a new record
 * gets the defaults. Real SQLite files and real CSV files. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/store_write.h"
#include "fixture_import.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static char errors[1 << 14];

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "k.db");
    errors[0] = '\0';
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(import_keep, .init = setup, .fini = teardown);

static void collect(void *arg, const char *line)
{
    (void)arg;
    if (strlen(errors) + strlen(line) + 2 < sizeof errors) {
        strcat(errors, line);
        strcat(errors, "\n");
    }
}

/* Imports text as a file of kind; fails the test on any error. */
static imp_counts import(const char *kind, const char *text, bool dry)
{
    char *path = tu_write_file(dir, "in.csv", text);
    imp_opts o = {.dry_run = dry, .report = collect};
    imp_counts n;
    cl_err err = {0};
    int rc = imp_file(st, csv_format_find(kind), path, &o, &n, &err);
    free(path);
    cr_assert_eq(rc, CL_OK, "%s: %s %s", kind, err.msg, errors);
    return n;
}

/* The same file imported for real and as a dry run counts the same:
 * the dry run first, since it writes nothing. */
static imp_counts import_both(const char *kind, const char *text)
{
    imp_counts dry = import(kind, text, true);
    imp_counts n = import(kind, text, false);
    cr_expect_eq(dry.inserted, n.inserted, "%s: dry run inserted", kind);
    cr_expect_eq(dry.updated, n.updated, "%s: dry run updated", kind);
    cr_expect_eq(dry.unchanged, n.unchanged, "%s: dry run unchanged", kind);
    return n;
}

static void expect_counts(imp_counts n, long long ins, long long upd, long long same)
{
    cr_expect_eq(n.inserted, ins, "inserted %lld, not %lld", n.inserted, ins);
    cr_expect_eq(n.updated, upd, "updated %lld, not %lld", n.updated, upd);
    cr_expect_eq(n.unchanged, same, "unchanged %lld, not %lld", n.unchanged, same);
}

/* The kind's export (every column), for looking at what is stored. */
static char *exported(const char *kind)
{
    return fi_export(st, kind);
}

static void expect_stored(const char *kind, const char *row)
{
    char *all = exported(kind);
    cr_expect(strstr(all, row), "%s: expected the row\n%s\namong\n%s", kind, row, all);
    free(all);
}

#define OFFENDER_REQ "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status"

/* An office, two officers and a person with aliases. */
static void base(void)
{
    import("offices", "code,name,address,phone\nN01,Newtown,,\n", false);
    import("staff", "code,name,grade,office,team,hours\nAB1,Ann Bell,PO,N01,,37\nCD2,Cai Dee,PO,N01,,37\n", false);
    import("offenders", OFFENDER_REQ ",aliases\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active,Sian Llyr\n",
           false);
}

#define REG_REQ "crn,type,category,level,start_date,review_date,end_date,notes"
#define REG_ROW "X123456,RHRH,,,2026-06-01,2026-12-01,2026-11-20,Seen weekly"
#define REG_ENDED REG_ROW ",AB1,\"risk reduced, reviewed with SPO\",AB1,2026-11-20T10:15"

Test(import_keep, registrations_keep_columns_the_file_does_not_have)
{
    base();
    import("registrations", REG_REQ ",registered_by,reason,changed_by,changed_at\n" REG_ENDED "\n", false);
    expect_counts(import_both("registrations", REG_REQ "\n" REG_ROW "\n"), 0, 0, 1);
    expect_stored("registrations", REG_ENDED);
    /* Another change is written, the absent columns still kept. */
    expect_counts(import_both("registrations", REG_REQ "\n" REG_ROW " and reviewed\n"), 0, 1, 0);
    expect_stored("registrations", REG_ROW " and reviewed,AB1,\"risk reduced, reviewed with SPO\",AB1,2026-11-20T10:15");
}

Test(import_keep, registrations_named_empty_column_still_clears)
{
    base();
    import("registrations", REG_REQ ",registered_by,reason,changed_by,changed_at\n" REG_ENDED "\n", false);
    expect_counts(import_both("registrations", REG_REQ ",reason\n" REG_ROW ",\n"), 0, 1, 0);
    expect_stored("registrations", REG_ROW ",AB1,,AB1,2026-11-20T10:15");
}

Test(import_keep, a_new_record_in_a_short_file_gets_the_defaults)
{
    base();
    import("registrations", REG_REQ ",registered_by,reason,changed_by,changed_at\n" REG_ENDED "\n", false);
    imp_counts n = import_both("registrations", REG_REQ "\n" REG_ROW "\nX123456,AV2S,,H,2026-07-01,2027-01-01,,\n");
    expect_counts(n, 1, 0, 1);
    expect_stored("registrations", "X123456,AV2S,,H,2026-07-01,2027-01-01,,,TEST,,,,2,\n");
    expect_stored("registrations", REG_ENDED);
}

/* The day of the last review (register --review) is a column of its own: a
 * file without it (one exported before it was) keeps the stored day. */
Test(import_keep, registrations_keep_the_last_review_day)
{
    base();
    import("registrations", REG_REQ ",reviewed_on\nX123456,AV2S,,H,2026-07-01,2027-01-01,,,2026-11-20\n", false);
    expect_stored("registrations", "X123456,AV2S,,H,2026-07-01,2027-01-01,,,TEST,,,,1,2026-11-20\n");
    expect_counts(import_both("registrations", REG_REQ "\nX123456,AV2S,,H,2026-07-01,2027-01-01,,\n"), 0, 0, 1);
    expect_stored("registrations", "X123456,AV2S,,H,2026-07-01,2027-01-01,,,TEST,,,,1,2026-11-20\n");
    expect_counts(import_both("registrations", REG_REQ ",reviewed_on\nX123456,AV2S,,H,2026-07-01,2027-01-01,,,2026-11-23\n"),
                  0, 1, 0);
    expect_stored("registrations", "X123456,AV2S,,H,2026-07-01,2027-01-01,,,TEST,,,,1,2026-11-23\n");
}

#define APPT_REQ "id,crn,order_id,officer,date,start,end,type,location,status,notes"
#define APPT_NEW "A2,X123456,,AB1,2026-11-26,10:00,10:30,COAP,Room 1,,"
#define APPT_OLD "A1,X123456,,AB1,2026-11-24,10:00,10:30,COAP,Room 1,rescheduled,"
#define APPT_MOVED "N01,Off sick,CD2,2026-11-23T16:40,A2"

Test(import_keep, appointments_keep_columns_the_file_does_not_have)
{
    base();
    import("appointments",
           APPT_REQ ",office,reason,changed_by,changed_at,replaced_by\n" APPT_NEW ",N01,,,,\n" APPT_OLD "," APPT_MOVED "\n",
           false);
    expect_counts(import_both("appointments", APPT_REQ "\n" APPT_NEW "\n" APPT_OLD "\n"), 0, 0, 2);
    expect_stored("appointments", APPT_OLD "," APPT_MOVED "\n");
    /* The reason named and empty clears it alone. */
    expect_counts(import_both("appointments", APPT_REQ ",reason\n" APPT_OLD ",\n"), 0, 1, 0);
    expect_stored("appointments", APPT_OLD ",N01,,CD2,2026-11-23T16:40,A2\n");
}

Test(import_keep, offenders_keep_aliases_when_the_file_has_no_aliases_column)
{
    base();
    expect_counts(import_both("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active\n"),
                  0, 0, 1);
    expect_stored("offenders", "X123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active,Sian Llyr,,,2026-11-24T09:00\n");
    expect_counts(import_both("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B3,AB1,N01,active\n"),
                  0, 1, 0);
    expect_stored("offenders", "X123456,Llŷr,Siân,1990-02-03,F,,,,,B3,AB1,N01,active,Sian Llyr,,,2026-11-24T09:00\n");
    expect_counts(import_both("offenders", OFFENDER_REQ ",aliases\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B3,AB1,N01,active,\n"),
                  0, 1, 0);
    expect_stored("offenders", "X123456,Llŷr,Siân,1990-02-03,F,,,,,B3,AB1,N01,active,,,,2026-11-24T09:00\n");
}

#define CLOSED_ROW "X123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,closed"

Test(import_keep, a_closed_case_keeps_who_closed_it_and_when)
{
    base();
    /* An exported closed case: who closed it and when come back as they were. */
    expect_counts(import_both("offenders", OFFENDER_REQ ",closed_by,closed_at\n" CLOSED_ROW ",CD2,2026-10-01T09:15\n"),
                  0, 1, 0);
    expect_stored("offenders", CLOSED_ROW ",Sian Llyr,CD2,2026-10-01T09:15,2026-11-24T09:00\n");
    /* A file without the columns (an older export) changes neither. */
    expect_counts(import_both("offenders", OFFENDER_REQ "\n" CLOSED_ROW "\n"), 0, 0, 1);
    expect_counts(import_both("offenders", OFFENDER_REQ ",aliases\n" CLOSED_ROW ",Sian\n"), 0, 1, 0);
    expect_stored("offenders", CLOSED_ROW ",Sian,CD2,2026-10-01T09:15,2026-11-24T09:00\n");
    /* Reopened: neither is left. */
    import("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active\n", false);
    expect_stored("offenders", "active,Sian,,,2026-11-24T09:00\n");
    /* Closed by a file without them: the importer, now. */
    import("offenders", OFFENDER_REQ "\n" CLOSED_ROW "\n", false);
    expect_stored("offenders", CLOSED_ROW ",Sian,TEST,2026-11-24T09:00,2026-11-24T09:00\n");
}

/* When the officer was given the case comes back as it was (an unallocated
 * case's wait counts from it); without the column a new officer is stamped
 * at the import and the same officer keeps the stored stamp. */
Test(import_keep, allocated_at_comes_back_and_is_kept_without_the_column)
{
    base();
    expect_counts(import_both("offenders", OFFENDER_REQ ",allocated_at\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active,2026-09-01T10:00\n"),
                  0, 1, 0);
    expect_stored("offenders", "active,Sian Llyr,,,2026-09-01T10:00\n");
    expect_counts(import_both("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active\n"),
                  0, 0, 1);
    expect_stored("offenders", "active,Sian Llyr,,,2026-09-01T10:00\n");
    import("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,CD2,N01,active\n", false);
    expect_stored("offenders", "CD2,N01,active,Sian Llyr,,,2026-11-24T09:00\n");
}

/* A case waiting for an officer (a transfer to an office stamps when it came)
 * keeps that time through an export and import, so its wait is not counted
 * from its sentence again; without the column the stored time stays, and a
 * file that takes the officer away starts the wait at the import. */
Test(import_keep, a_case_waiting_in_its_office_keeps_when_it_came)
{
    base();
    expect_counts(import_both("offenders", OFFENDER_REQ ",allocated_at\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,,N01,active,2026-11-20T10:00\n"),
                  0, 1, 0);
    expect_stored("offenders", ",N01,active,Sian Llyr,,,2026-11-20T10:00\n");
    expect_counts(import_both("offenders", OFFENDER_REQ ",allocated_at\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,,N01,active,2026-11-20T10:00\n"),
                  0, 0, 1);
    expect_counts(import_both("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,,N01,active\n"),
                  0, 0, 1);
    expect_stored("offenders", ",N01,active,Sian Llyr,,,2026-11-20T10:00\n");
    expect_counts(import_both("offenders", OFFENDER_REQ ",allocated_at\nX123457,Jones,Al,1990-02-03,M,,,,,B2,,N01,active,2026-11-21T09:30\n"),
                  1, 0, 0);
    expect_stored("offenders", "X123457,Jones,Al,1990-02-03,M,,,,,B2,,N01,active,,,,2026-11-21T09:30\n");
    import("offenders", OFFENDER_REQ ",allocated_at\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active,2026-10-01T09:00\n", false);
    import("offenders", OFFENDER_REQ "\nX123456,Llŷr,Siân,1990-02-03,F,,,,,B2,,N01,active\n", false);
    expect_stored("offenders", ",N01,active,Sian Llyr,,,2026-11-24T09:00\n");
}

Test(import_keep, an_active_case_has_no_closure)
{
    base();
    char *path = tu_write_file(dir, "in.csv", OFFENDER_REQ ",closed_by,closed_at\n"
                               "X123456,Llŷr,Siân,1990-02-03,F,,,,,B2,AB1,N01,active,CD2,2026-10-01T09:15\n");
    imp_opts o = {.report = collect};
    imp_counts n;
    cl_err err = {0};
    cr_assert_neq(imp_file(st, csv_format_find("offenders"), path, &o, &n, &err), CL_OK);
    free(path);
    cr_assert(strstr(errors, "in.csv:2: closed_by: only a closed case has who closed it and when"), "%s", errors);
}

#define CONTACT_REQ "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes"
#define CONTACT_ROW "C1,X123456,,AB1,2026-11-20,10:00,CHVS,ATTC,,,Seen at home"

Test(import_keep, contacts_are_unchanged_when_the_file_lacks_optional_columns)
{
    base();
    import("contacts", CONTACT_REQ ",sensitive,created_by,created_at\n" CONTACT_ROW ",yes,CD2,2026-11-20T11:00\n", false);
    expect_counts(import_both("contacts", CONTACT_REQ "\n" CONTACT_ROW "\n"), 0, 0, 1);
    expect_stored("contacts", CONTACT_ROW ",,yes,no,,,CD2,2026-11-20T11:00\n");
}
