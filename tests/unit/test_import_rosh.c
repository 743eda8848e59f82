/* Registrations on import follow the rules `caseload register` follows, on
 * real CSV and SQLite files: an active RoSH level ends the one before it
 * (the later start stays, the earlier ends on its start date, in history),
 * whether that one is stored or earlier or later in the same file, in a
 * first load or not; an active row with no review date gets register's; a
 * row with an end date is history, kept as given; importing again changes
 * nothing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/registration.h"
#include "caseload/risk.h"
#include "caseload/store_write.h"
#include "fixture_import.h"
#include "testutil.h"

static void setup(void) { fi_open("g.db"); }
static void teardown(void) { fi_close(); }
TestSuite(import_rosh, .init = setup, .fini = teardown);


static void people(void)
{
    static const char *const kinds[] = {"offices", "staff", "offenders"};
    fi_load_fixtures(kinds, sizeof kinds / sizeof kinds[0]);
}

#define HEAD "crn,type,category,level,start_date,review_date,end_date,notes\n"

/* The registration of crn, type, start as "end review reason by at" ("-" for none). */
static char *row(const char *crn, const char *type, const char *start)
{
    cl_registration g;
    cl_err err = {0};
    cr_assert_eq(store_get_registration(fi_st, crn, type, tu_date(start), &g, &err), CL_OK, "%s %s %s: %s", crn, type,
                 start, err.msg);
    char e[CL_DATE_LEN] = "-", r[CL_DATE_LEN] = "-";
    if (g.end_date != CL_DATE_NONE)
        date_format(g.end_date, e);
    if (g.review_date != CL_DATE_NONE)
        date_format(g.review_date, r);
    char buf[512];
    snprintf(buf, sizeof buf, "%s %s %s %s %s", e, r, g.reason[0] ? g.reason : "-",
             g.changed_by[0] ? g.changed_by : "-", g.changed_at[0] ? g.changed_at : "-");
    cl_registration_clear(&g);
    return strdup(buf);
}

static void expect_row(const char *crn, const char *type, const char *start, const char *want)
{
    char *got = row(crn, type, start);
    cr_expect_str_eq(got, want, "%s %s %s", crn, type, start);
    free(got);
}

static int active_rosh(const char *crn)
{
    reg_list l;
    cl_err err = {0};
    cr_assert_eq(reg_list_load(fi_st, crn, true, &l, &err), CL_OK, "%s", err.msg);
    int n = 0;
    for (size_t i = 0; i < l.n; i++)
        n += risk_type_is_rosh(l.rows[i].type);
    reg_list_free(&l);
    return n;
}

static char problems[2048];
static void on_problem(void *arg, const char *line)
{
    (void)arg;
    strncat(problems, line, sizeof problems - strlen(problems) - 2);
    strcat(problems, "\n");
}
static void check_is_clean(void)
{
    problems[0] = '\0';
    cl_err err = {0};
    cr_expect_eq(store_check(fi_st, on_problem, NULL, &err), 0, "%s", problems);
}

/* text, imported, inserts `inserted` rows and ends one RoSH level: the rows
 * of crn "TYPE START" read as want ("END REVIEW REASON BY AT"), with one RoSH
 * level active and nothing for check; imported again it changes nothing. */
static void ends_one(const char *text, long long inserted, const char *crn, const char *rows[][2], size_t nrows)
{
    imp_counts n;
    cr_assert_eq(fi_load_text("registrations", "in.csv", text, &n, false), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.inserted, inserted);
    cr_expect_eq(n.rosh_ended, 1);
    for (size_t i = 0; i < nrows; i++) {
        char type[8], start[16];
        cr_assert_eq(sscanf(rows[i][0], "%7s %15s", type, start), 2);
        expect_row(crn, type, start, rows[i][1]);
    }
    cr_expect_eq(active_rosh(crn), 1);
    check_is_clean();
    cr_assert_eq(fi_load_text("registrations", "in.csv", text, &n, false), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.unchanged, inserted, "importing the file again changes nothing");
    cr_expect_eq(n.rosh_ended + n.updated + n.inserted, 0);
}

Test(import_rosh, an_imported_level_ends_the_stored_one_as_register_does)
{
    people();
    imp_counts n;
    cr_assert_eq(fi_load_text("registrations", "a.csv", HEAD "X123456,RHRH,,,2026-06-01,2026-12-01,,\n", &n, false), CL_OK,
                 "%s", fi_errors);
    cr_expect_eq(n.rosh_ended, 0);
    /* 2 November + 6 months is Sunday 2 May 2027; Monday 3 May is a bank holiday. */
    const char *two = HEAD "X123456,RVHR,,,2026-11-02,,,\n";
    cr_assert_eq(fi_load_text("registrations", "b.csv", two, &n, true), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.rosh_ended, 1, "a dry run says what it would end");
    expect_row("X123456", "RHRH", "2026-06-01", "- 2026-12-01 - - -");
    const char *rows[][2] = {
        {"RHRH 2026-06-01", "2026-11-02 2026-12-01 replaced by VERY HIGH ROSH TEST 2026-11-24T09:00"},
        {"RVHR 2026-11-02", "- 2027-05-04 - - -"},
    };
    ends_one(two, 1, "X123456", rows, 2);

    /* The same rule as register's: a level register adds now ends the imported one. */
    reg_new r = {.crn = "X123456", .type = "RMRH", .start = tu_date("2026-11-20")};
    reg_result res;
    cl_err err = {0};
    cl_calendar cal;
    cal_init(&cal);
    cr_assert_eq(reg_add(fi_st, &cal, tu_date("2026-11-24"), &r, &res, &err), CL_OK, "%s", err.msg);
    cal_free(&cal);
    expect_row("X123456", "RVHR", "2026-11-02", "2026-11-20 2027-05-04 replaced by MEDIUM ROSH TEST 2026-11-24T09:00");
}

/* An older level given as active, the stored level starting later: the later
 * stays, and the imported one is history from the day it starts. */
Test(import_rosh, an_imported_level_older_than_the_stored_one_is_ended_by_it)
{
    people();
    imp_counts n;
    cr_assert_eq(fi_load_text("registrations", "a.csv", HEAD "X123456,RLRH,,,2026-10-01,,,\n", &n, false), CL_OK, "%s",
                 fi_errors);
    cr_assert_eq(fi_load_text("registrations", "b.csv", HEAD "X123456,RHRH,,,2026-03-02,2026-09-02,,\n", &n, false),
                 CL_OK, "%s", fi_errors);
    cr_expect_eq(n.rosh_ended, 1);
    expect_row("X123456", "RHRH", "2026-03-02", "2026-10-01 2026-09-02 replaced by LOW ROSH TEST 2026-11-24T09:00");
    expect_row("X123456", "RLRH", "2026-10-01", "- 2027-04-01 - - -");
    cr_expect_eq(active_rosh("X123456"), 1);
    cr_assert_eq(fi_load_text("registrations", "b.csv", HEAD "X123456,RHRH,,,2026-03-02,2026-09-02,,\n", &n, false),
                 CL_OK, "%s", fi_errors);
    cr_expect_eq(n.unchanged, 1, "the ending it was given is kept: unchanged");
    cr_expect_eq(n.rosh_ended, 0);
}

/* Two active levels of one person in one file, in either order, into an
 * empty table (a first load, rows held back) and into one that is not. */
static void two_in_one_file(const char *text)
{
    const char *rows[][2] = {
        {"RMRH 2026-05-04", "2026-09-15 2026-11-04 replaced by HIGH ROSH TEST 2026-11-24T09:00"},
        {"RHRH 2026-09-15", "- 2027-03-15 - - -"},
    };
    ends_one(text, 2, "X123457", rows, 2);
}

static const char EARLIER_FIRST[] = HEAD "X123457,RMRH,,,2026-05-04,2026-11-04,,\n"
                                         "X123457,RHRH,,,2026-09-15,,,\n";
static const char LATER_FIRST[] = HEAD "X123457,RHRH,,,2026-09-15,,,\n"
                                       "X123457,RMRH,,,2026-05-04,2026-11-04,,\n";

Test(import_rosh, two_levels_in_a_first_load_earlier_first)
{
    people();
    two_in_one_file(EARLIER_FIRST);
}
Test(import_rosh, two_levels_in_a_first_load_later_first)
{
    people();
    two_in_one_file(LATER_FIRST);
}
Test(import_rosh, two_levels_in_one_file_earlier_first)
{
    people();
    cr_assert_eq(fi_load_text("registrations", "o.csv", HEAD "X123458,MAPP,M2,M1,2026-06-01,,,\n", NULL, false), CL_OK,
                 "%s", fi_errors);
    expect_row("X123458", "MAPP", "2026-06-01", "- 2026-09-01 - - -"); /* a flag's review date too */
    two_in_one_file(EARLIER_FIRST);
}
Test(import_rosh, two_levels_in_one_file_later_first)
{
    people();
    cr_assert_eq(fi_load_text("registrations", "o.csv", HEAD "X123458,MAPP,M2,M1,2026-06-01,,,\n", NULL, false), CL_OK,
                 "%s", fi_errors);
    two_in_one_file(LATER_FIRST);
}

/* A row with an end date is history: kept as given (no review date made up,
 * nothing else ended by it). */
Test(import_rosh, an_ended_level_is_history_kept_as_given)
{
    people();
    imp_counts n;
    cr_assert_eq(fi_load_text("registrations", "a.csv",
                           HEAD "X123456,RHRH,,,2026-06-01,2026-12-01,,\n"
                                "X123456,RVHR,,,2026-07-01,,2026-08-01,\n",
                           &n, false),
                 CL_OK, "%s", fi_errors);
    cr_expect_eq(n.rosh_ended, 0);
    expect_row("X123456", "RHRH", "2026-06-01", "- 2026-12-01 - - -");
    expect_row("X123456", "RVHR", "2026-07-01", "2026-08-01 - - - -");
}

/* A review recorded since the import is not undone by the file's empty review date. */
Test(import_rosh, an_empty_review_date_keeps_a_stored_one)
{
    people();
    const char *text = HEAD "X123456,RHRH,,,2026-06-01,,,\n";
    cr_assert_eq(fi_load_text("registrations", "a.csv", text, NULL, false), CL_OK, "%s", fi_errors);
    expect_row("X123456", "RHRH", "2026-06-01", "- 2026-12-01 - - -");
    cl_registration g;
    cl_err err = {0};
    cr_assert_eq(store_get_registration(fi_st, "X123456", "RHRH", tu_date("2026-06-01"), &g, &err), CL_OK);
    long long id = g.id;
    cl_registration_clear(&g);
    reg_result res;
    cl_calendar cal;
    cal_init(&cal);
    cr_assert_eq(reg_review(fi_st, &cal, tu_date("2026-11-24"), id, tu_date("2026-11-10"), &res, &err), CL_OK, "%s",
                 err.msg);
    cal_free(&cal);
    imp_counts n;
    cr_assert_eq(fi_load_text("registrations", "a.csv", text, &n, false), CL_OK, "%s", fi_errors);
    cr_expect_eq(n.unchanged, 1);
    expect_row("X123456", "RHRH", "2026-06-01", "- 2027-05-10 - - -");
}
