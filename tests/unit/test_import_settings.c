/* The settings kind: an office's own timescales and the s.36 date through
 * `import settings` / `export settings`. Every bad field is refused with its
 * file, line and column and nothing is written; values are stored in the form
 * the due rules read; changes are audited with the old value. Real SQLite
 * files and real CSV files. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/store_setting.h"
#include "caseload/store_write.h"
#include "caseload/timescale.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static char errors[1 << 14];

static void collect(void *arg, const char *line)
{
    (void)arg;
    if (strlen(errors) + strlen(line) + 2 < sizeof errors) {
        strcat(errors, line);
        strcat(errors, "\n");
    }
}

/* Imports text as a file named name; the status, the counts in *n. */
static int import(const char *kind, const char *name, const char *text, bool dry, imp_counts *n)
{
    char *path = tu_write_file(dir, name, text);
    imp_opts o = {.dry_run = dry, .shift = 10, .report = collect};
    cl_err err = {0};
    int rc = imp_file(st, csv_format_find(kind), path, &o, n, &err);
    free(path);
    return rc;
}

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "s.db");
    errors[0] = '\0';
    imp_counts n;
    cr_assert_eq(import("offices", "o.csv", "code,name,address,phone\nN01,Newtown,,\nS02,Southby,,\n", false, &n),
                 CL_OK, "%s", errors);
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(import_settings, .init = setup, .fini = teardown);

static void expect_error(const char *needle)
{
    cr_expect(strstr(errors, needle), "expected '%s' among the errors:\n%s", needle, errors);
}

static const char *stored(const char *scope, const char *key)
{
    static char buf[64];
    bool found;
    cl_err err = {0};
    cr_assert_eq(store_setting_get(st, scope, key, buf, sizeof buf, &found, &err), CL_OK, "%s", err.msg);
    return found ? buf : "(none)";
}


static long long q_int(const char *sql)
{
    return tu_query_int(dir, "s.db", sql);
}

/* The figures the due list reads come from the file; a date is stored as
 * YYYY-MM-DD and not moved by --shift-from (a statutory date); a number
 * without its padding; "*" is every office. */
Test(import_settings, values_are_stored_as_the_due_rules_read_them)
{
    imp_counts n;
    const char *csv = "scope,key,value\n"
                      "*,upw_s36_commencement,1/2/2027\n"
                      "N01,no_contact_days_high, 007 \n"
                      "*,no_contact_days_low,30\n";
    cr_assert_eq(import("settings", "dry.csv", csv, true, &n), CL_OK, "%s", errors);
    cr_expect_eq(n.inserted, 3, "the dry run counts");
    cr_expect_str_eq(stored("N01", "no_contact_days_high"), "(none)", "and writes nothing");
    cr_assert_eq(import("settings", "set.csv", csv, false, &n), CL_OK, "%s", errors);
    cr_expect_eq(n.inserted, 3);
    cr_expect_str_eq(stored(TS_SCOPE_ALL, TS_SETTING_S36), "2027-02-01");
    cr_expect_str_eq(stored("N01", "no_contact_days_high"), "7");
    ts_office o;
    cl_err err = {0};
    cr_assert_eq(ts_office_load(st, "N01", &o, &err), CL_OK);
    cr_expect_eq(o.amount[TS_NO_CONTACT_HIGH], 7);
    cr_expect_eq(o.amount[TS_NO_CONTACT_LOW], 30, "the all-office row");
    cr_expect_eq(o.s36_commencement, tu_date("2027-02-01"));
    char *out = tu_export(st, "settings");
    cr_expect_str_eq(out, "scope,key,value\n*,no_contact_days_low,30\n*,upw_s36_commencement,2027-02-01\n"
                          "N01,no_contact_days_high,7\n");
    free(out);
    cr_assert_eq(import("settings", "set.csv", csv, false, &n), CL_OK, "%s", errors);
    cr_expect_eq(n.unchanged, 3, "the same file again changes nothing");
}

/* An unknown setting, an unknown office and bad values are each refused with
 * FILE:LINE: column, and nothing of the file is written. */
Test(import_settings, every_bad_field_is_refused_and_nothing_written)
{
    imp_counts n;
    const char *csv = "scope,key,value\n"
                      "N01,no_contact_days_high,7\n"                 /* 2: good */
                      "N09,no_contact_days_high,7\n"                 /* 3: no such office */
                      "N01,no_contact_days,7\n"                      /* 4: no such setting */
                      "N01,no_contact_days_low,ten\n"                /* 5: not a number */
                      "N01,allocation_days,3651\n"                   /* 6: too many */
                      "N01,no_contact_days_medium,-1\n"              /* 7: negative */
                      "*,upw_s36_commencement,31/02/2027\n"          /* 8: no such date */
                      "*,upw_s36_commencement,27-1-4\n"              /* 9: not a date; the same key as 8 */
                      "N01,home_visit_concern_days,\n"               /* 10: no value */
                      ",no_contact_days_low,5\n";                    /* 11: no scope */
    cr_assert_eq(import("settings", "bad.csv", csv, false, &n), CL_EDATA);
    expect_error("bad.csv:3: scope: no office 'N09' in the database (import offices first)\n");
    expect_error("bad.csv:4: key: unknown setting 'no_contact_days' (home_visit_concern_days, no_contact_days_high,"
                 " no_contact_days_medium, no_contact_days_low, allocation_days, upw_s36_commencement)\n");
    expect_error("bad.csv:5: value: 'ten' is not a whole number from 0 to 3650 days (no_contact_days_low)\n");
    expect_error("bad.csv:6: value: '3651' is not a whole number from 0 to 3650 working days (allocation_days)\n");
    expect_error("bad.csv:7: value: '-1' is not a whole number from 0 to 3650 days (no_contact_days_medium)\n");
    expect_error("bad.csv:8: value: 31/02/2027: 31 February is not a date\n");
    expect_error("bad.csv:9: value: 27-1-4: not a date");
    expect_error("bad.csv:9: scope: duplicate setting '* upw_s36_commencement' in the file (also on line 8)\n");
    expect_error("bad.csv:10: value: missing value\n");
    expect_error("bad.csv:11: scope: missing value\n");
    cr_expect_str_eq(stored("N01", "no_contact_days_high"), "(none)", "line 2 was good but nothing is written");
    cr_expect_eq(store_count(st, STORE_SETTING), 0);
}

/* A changed value is an update, audited with the old value, as other kinds. */
Test(import_settings, a_change_is_audited_with_the_old_value)
{
    imp_counts n;
    cr_assert_eq(import("settings", "a.csv", "scope,key,value\nS02,home_visit_concern_days,3\n", false, &n), CL_OK, "%s", errors);
    cr_assert_eq(import("settings", "b.csv", "key,value,scope\nhome_visit_concern_days,4,S02\n", false, &n), CL_OK, "%s", errors);
    cr_expect_eq(n.updated, 1, "columns in any order");
    cr_expect_str_eq(stored("S02", "home_visit_concern_days"), "4");
    cr_expect_eq(q_int("SELECT count(*) FROM audit WHERE action = 'update' AND entity = 'setting'"
                       " AND key = 'S02 home_visit_concern_days' AND json_extract(changes, '$.value[0]') = '3' AND json_extract(changes, '$.value[1]') = '4'"), 1);
    cr_expect_eq(q_int("SELECT count(*) FROM audit WHERE action = 'import' AND entity = 'settings'"
                       " AND detail = '0 inserted, 1 updated, 0 unchanged'"), 1);
}
