/* The caseload list, the instant search, the next appointment, the last
 * contact and the record reader, on a real database (fixture_caseload.c). */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/caseload.h"
#include "caseload/record.h"
#include "caseload/search.h"
#include "caseload/store_case.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "fixture_caseload.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_app app;

static void setup(void)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    dir = tu_tmpdir();
    memset(&app, 0, sizeof app);
    app.store = tu_open(dir, "c.db");
    fx_seed_caseload(app.store, 5);
    app.clock.today = tu_date("2026-11-24");
    app.clock.minutes = 10 * 60;
    snprintf(app.officer, sizeof app.officer, "CDF02");
}

static void teardown(void)
{
    store_close(app.store);
    tu_rmtree(dir);
    free(dir);
}

TestSuite(caseload, .init = setup, .fini = teardown);

static bool has(const case_list *l, const char *crn)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->rows[i].p.crn, crn))
            return true;
    return false;
}

Test(caseload, search_parse_kinds)
{
    search_query q;
    cr_assert_eq(search_parse("sian", app.clock.today, &q), SEARCH_NAME);
    cr_assert_str_eq(q.fts, "\"sian\"*");
    cr_assert_eq(search_parse(" Siân Llŷr ", app.clock.today, &q), SEARCH_NAME);
    cr_assert_str_eq(q.fts, "\"Siân\"* \"Llŷr\"*");
    cr_assert_eq(search_parse("o'brien", app.clock.today, &q), SEARCH_NAME);
    cr_assert_str_eq(q.fts, "(\"o brien\"* OR \"obrien\"*)");
    cr_assert_eq(search_parse("obrien pad", app.clock.today, &q), SEARCH_NAME);
    cr_assert_str_eq(q.fts, "(\"obrien\"* OR \"o brien\"*) AND \"pad\"*");
    cr_assert_eq(search_parse("pat nicholas", app.clock.today, &q), SEARCH_NAME);
    cr_assert_str_eq(q.fts, "\"pat\"* AND (\"nicholas\"* OR \"nic holas\"* OR \"ni cholas\"*)");
    cr_assert_eq(search_parse("a\"b OR c*", app.clock.today, &q), SEARCH_NAME); /* never raw FTS syntax */
    cr_assert_str_eq(q.fts, "\"a\"* \"b\"* AND (\"OR\"* OR \"O R\"*) AND \"c\"*");
    cr_assert_eq(search_parse("x1000", app.clock.today, &q), SEARCH_CRN);
    cr_assert_str_eq(q.prefix, "X1000");
    cr_assert_eq(search_parse("2000/049", app.clock.today, &q), SEARCH_PNC);
    cr_assert_str_eq(q.prefix, "2000/"); /* the serial as typed: search_run pads it */
    cr_assert_str_eq(q.serial, "049");
    cr_assert_eq(search_parse("1990-03-07", app.clock.today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("1990-03-07"));
    cr_assert_eq(search_parse("07/03/1990", app.clock.today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("1990-03-07"));
    cr_assert_eq(search_parse("1990-03", app.clock.today, &q), SEARCH_PARTIAL);
    cr_assert_eq(search_parse("07/03/19", app.clock.today, &q), SEARCH_PARTIAL);
    cr_assert_eq(search_parse("   ", app.clock.today, &q), SEARCH_EMPTY);
}

/* A provisional reference given at court (LOC and six digits) is found as a
 * CRN is, from its first digit. */
Test(caseload, search_finds_a_provisional_reference)
{
    search_query q;
    cr_assert_eq(search_parse("loc12", app.clock.today, &q), SEARCH_CRN);
    cr_assert_str_eq(q.prefix, "LOC12");
    cr_assert_eq(search_parse("LOC123456", app.clock.today, &q), SEARCH_CRN);
    cr_assert_eq(search_parse("loc", app.clock.today, &q), SEARCH_NAME); /* a name until a digit */
    cr_assert_neq(search_parse("LOC1234567", app.clock.today, &q), SEARCH_CRN);
    cl_offender o = {.date_of_birth = tu_date("1990-01-02")};
    snprintf(o.crn, sizeof o.crn, "LOC123456");
    snprintf(o.surname, sizeof o.surname, "Pending");
    snprintf(o.forenames, sizeof o.forenames, "Pat");
    snprintf(o.office, sizeof o.office, "CDF");
    cl_err err = {0};
    cr_assert_eq(store_begin(app.store, &err), CL_OK);
    cr_assert_eq(store_put_offender(app.store, &o, NULL, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_commit(app.store, &err), CL_OK, "%s", err.msg);
    case_list l = {0};
    cr_assert_eq(search_run(&app, "loc1234", &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 1);
    cr_assert_str_eq(l.rows[0].p.crn, "LOC123456");
    caseload_free(&l);
}

/* O'Brien, O Neill, Ó Súilleabháin, Mac Donald: typed with or without the
 * apostrophe or space after the prefix, as accents are ignored. */
Test(caseload, search_ignores_the_apostrophe_and_space_after_a_name_prefix)
{
    seed_exec(dir, "c.db",
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, status) VALUES"
              " ('X100011','O Neill','Daniel','1980-01-01','CDF','active'),"
              " ('X100012','Ó Súilleabháin','Seán','1980-01-01','CDF','active'),"
              " ('X100013','Mac Donald','Ann','1980-01-01','CDF','active'),"
              " ('X100014','ONeill','Dan','1980-01-01','CDF','active'),"
              " ('X100015','Ní Bhriain','Bríd','1980-01-01','CDF','active');"
              "INSERT INTO offender_fts(offender_fts) VALUES ('rebuild');"); /* seed_exec runs no triggers */
    static const struct {
        const char *typed, *crn;
        size_t n;
    } cases[] = {
        {"obrien", "X100004", 1},        {"o'brien", "X100004", 1},  {"OBrien Pád", "X100004", 1},
        {"oneill", "X100011", 2},        {"o'neill", "X100014", 2},  {"o neill dan", "X100011", 2},
        {"osuilleabhain", "X100012", 1}, {"ó súil", "X100012", 1},   {"macdonald", "X100013", 1},
        {"nibhriain", "X100015", 1},     {"ocea", "X100002", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        case_list l = {0};
        cl_err err = {0};
        cr_assert_eq(search_run(&app, cases[i].typed, &l, &err), CL_OK, "%s: %s", cases[i].typed, err.msg);
        cr_expect_eq(l.n, cases[i].n, "%s: %zu matches", cases[i].typed, l.n);
        cr_expect(has(&l, cases[i].crn), "%s finds %s", cases[i].typed, cases[i].crn);
        caseload_free(&l);
    }
}

Test(caseload, search_is_accent_insensitive_and_finds_closed_cases)
{
    case_list l = {0};
    cl_err err = {0};
    cr_assert_eq(search_run(&app, "sian", &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 1);
    cr_assert_str_eq(l.rows[0].p.crn, "X100001");
    cr_assert_eq(search_run(&app, "LLYR si", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1);
    cr_assert_eq(search_run(&app, "ceall", &l, &err), CL_OK);
    cr_assert(has(&l, "X100002"));
    cr_assert_eq(search_run(&app, "zoe", &l, &err), CL_OK); /* Zoë and Zoëlle (combining) */
    cr_assert_eq(l.n, 2);
    cr_assert(has(&l, "X100002") && has(&l, "X100007"));
    cr_assert_eq(search_run(&app, "padraig", &l, &err), CL_OK);
    cr_assert(has(&l, "X100004"));
    cr_assert_eq(search_run(&app, "quinn", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1);
    cr_assert(l.rows[0].closed);
    cr_assert_eq(search_run(&app, "x10000", &l, &err), CL_OK);
    cr_assert_eq(l.n, 7);
    cr_assert_str_eq(l.rows[0].p.crn, "X100003"); /* sorted by name: Ffrancon first */
    caseload_free(&l);
}

Test(caseload, search_by_pnc_and_date_of_birth)
{
    case_list l = {0};
    cl_err err = {0};
    cr_assert_eq(search_run(&app, "2000/0491", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1);
    cr_assert_str_eq(l.rows[0].p.crn, "X100001");
    cr_assert_eq(search_run(&app, "07/03/1990", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1);
    cr_assert_str_eq(l.rows[0].p.crn, "X100003");
    cr_assert_eq(search_run(&app, "1990-03-07", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1);
    caseload_free(&l);
}

/* Today is 2026-11-24 (setup). */
Test(caseload, search_parse_short_dates_of_birth)
{
    search_query q;
    cl_date today = app.clock.today;
    static const char *const full[][2] = {{"11/6/1982", "1982-06-11"}, {"1/6/1982", "1982-06-01"},
                                          {"01/6/1982", "1982-06-01"}, {"1/06/1982", "1982-06-01"}};
    for (size_t i = 0; i < sizeof full / sizeof full[0]; i++) {
        cr_assert_eq(search_parse(full[i][0], today, &q), SEARCH_DOB, "%s", full[i][0]);
        cr_assert_eq(q.dob, tu_date(full[i][1]), "%s", full[i][0]);
    }
    /* Two-digit years: this century unless that is after today. */
    cr_assert_eq(search_parse("1/6/82", today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("1982-06-01"));
    cr_assert_str_eq(q.looked_up, "born 1982-06-01"); /* the status line shows the century taken */
    cr_assert_eq(search_parse("1/6/05", today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("2005-06-01"));
    cr_assert_eq(search_parse("24/11/26", today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("2026-11-24"));
    cr_assert_eq(search_parse("25/11/26", today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("1926-11-25"));
    cr_assert_eq(search_parse("29/2/00", today, &q), SEARCH_DOB);
    cr_assert_eq(q.dob, tu_date("2000-02-29"));
    /* Still becoming a date: keep typing (19 and 20 start 19xx and 20xx). */
    const char *typing[] = {"11/", "11/6", "11/06", "11/6/", "11/6/1", "11/6/19", "11/6/198",
                            "1/6/20", "1/6/200", "01/12", "1990-03", "07/03/19", "29/2/19", "29/2/8",
                            "1990-", "2000-02-2"};
    for (size_t i = 0; i < sizeof typing / sizeof *typing; i++)
        cr_expect_eq(search_parse(typing[i], today, &q), SEARCH_PARTIAL, "%s", typing[i]);
    /* Written as a date but no more typing makes one: said at once. A two-digit
     * year other than 19 or 20 is whole (29/2/23 does not wait for 2304). */
    const char *never[] = {"31/2/82", "31/2/", "31/02/1982", "31/2/19", "31/2/8", "29/2/82", "29/2/23",
                           "30/2/", "31/4/1990", "1/13/", "0/1/90", "1/1/300", "1/1/12345", "1/6/1982/",
                           "1/6/82x", "1990-13", "1990-02-30", "1990-3-7", "12-"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++) {
        cr_expect_eq(search_parse(never[i], today, &q), SEARCH_NOT_DATE, "%s", never[i]);
        cr_expect_str_eq(search_kind_words(q.kind), "not a date", "%s", never[i]);
    }
    /* A day and month that cannot be a date may still start a PNC (1931/2...). */
    cr_assert_eq(search_parse("31/2", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "1931/");
    cr_expect_str_eq(q.serial, "2");
    /* Typed-date words and relative forms are not dates of birth. */
    cr_assert_eq(search_parse("tue", today, &q), SEARCH_NAME);
    cr_assert_eq(search_parse("t", today, &q), SEARCH_NAME);
}

/* The status lines fit the width they are given (80 columns leave the title
 * about 56): the typed text gives way, never the count nor what was looked up. */
Test(caseload, titles_fit_the_width)
{
    char b[256];
    cl_date today = app.clock.today;
    cr_expect_str_eq(search_title("sian", today, 1, false, 56, b, sizeof b), "search: sian (name, 1 match)");
    cr_expect_str_eq(search_title("x1", today, 50, true, 56, b, sizeof b), "search: x1 (CRN, 50+ matches)");
    cr_expect_str_eq(search_title("31/2/82", today, 0, false, 56, b, sizeof b), "search: 31/2/82 is not a date");
    cr_expect_str_eq(search_title("29/2/8", today, 0, false, 56, b, sizeof b),
                     "search: 29/2/8 (date (keep typing), 0 matches)");
    cr_expect_str_eq(search_title("00/491869d", today, 1, false, 56, b, sizeof b),
                     "search: 00/491869d (PNC 2000/0491869D, 1 match)");
    cr_expect_str_eq(search_title("00/491869d", today, 1, false, 46, b, sizeof b),
                     "search: 00/49186~ (PNC 2000/0491869D, 1 match)");
    cr_expect_eq(tw_width(b), 46);
    cr_expect_str_eq(search_title("ffrancon-davies llewellyn", today, 0, false, 46, b, sizeof b),
                     "search: ffrancon-davies lle~ (name, 0 matches)");
    /* Display columns, whole characters: 王 takes two. */
    cr_expect_str_eq(search_title("王芳王芳王芳", today, 0, false, 30, b, sizeof b), "search: 王~ (name, 0 matches)");
    cr_expect_str_eq(search_title("王芳王芳王芳", today, 0, false, 38, b, sizeof b),
                     "search: 王芳王芳王芳 (name, 0 matches)");

    case_query q = {.scope = CASE_SCOPE_ALL, .sort = CASE_SORT_NEXT, .high_only = true, .no_contact_days = 28};
    cr_expect_str_eq(caseload_title(&q, 1000, true, 100, b, sizeof b),
                     "everyone (1000+), by next appointment, High+ only, no contact 28+ days");
    cr_expect_str_eq(caseload_title(&q, 1000, true, 56, b, sizeof b),
                     "everyone (1000+), by next appt, High+, no contact 28+d");
    q = (case_query){.scope = CASE_SCOPE_MINE, .sort = CASE_SORT_ROSH};
    cr_expect_str_eq(caseload_title(&q, 44, false, 56, b, sizeof b), "my caseload (44), by RoSH (highest first)");
    cr_expect_str_eq(caseload_title(&q, 44, false, 30, b, sizeof b), "my caseload (44), by RoSH");
}

Test(caseload, search_parse_short_pnc_forms)
{
    search_query q;
    cl_date today = app.clock.today;
    const char *whole[] = {"2000/0491869D", "2000/491869D", "00/491869D", "00/491869d", "00/0491869D",
                           " 2000/0491869d "};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
        cr_assert_eq(search_parse(whole[i], today, &q), SEARCH_PNC, "%s", whole[i]);
        cr_expect_str_eq(q.prefix, "2000/0491869D", "%s", whole[i]);
        cr_expect_str_eq(q.serial, "");
    }
    cr_expect_str_eq(q.looked_up, "", "typed as stored: nothing more to show");
    search_parse("00/491869d", today, &q);
    cr_expect_str_eq(q.looked_up, "PNC 2000/0491869D");
    cr_assert_eq(search_parse("99/1a", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "1999/0000001A");
    cr_assert_eq(search_parse("26/5z", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "2026/0000005Z");
    cr_assert_eq(search_parse("27/5z", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "1927/0000005Z");
    /* Being typed: the year made whole, the serial so far. */
    cr_assert_eq(search_parse("00/491", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "2000/");
    cr_expect_str_eq(q.serial, "491");
    cr_assert_eq(search_parse("2000/049", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "2000/");
    cr_expect_str_eq(q.serial, "049");
    cr_assert_eq(search_parse("00/", today, &q), SEARCH_PNC); /* no day 0: not a date */
    cr_expect_str_eq(q.prefix, "2000/");
    cr_assert_eq(search_parse("2000", today, &q), SEARCH_PNC);
    cr_expect_str_eq(q.prefix, "2000");
}

static bool finds_only(const char *typed, const char *crn)
{
    case_list l = {0};
    cl_err err = {0};
    bool ok = search_run(&app, typed, &l, &err) == CL_OK && l.n == 1 && !strcmp(l.rows[0].p.crn, crn);
    caseload_free(&l);
    return ok;
}

static size_t count(const char *typed)
{
    case_list l = {0};
    cl_err err = {0};
    cr_assert_eq(search_run(&app, typed, &l, &err), CL_OK, "%s: %s", typed, err.msg);
    size_t n = l.n;
    caseload_free(&l);
    return n;
}

Test(caseload, search_finds_short_dates_of_birth_and_pncs)
{
    cr_expect(finds_only("11/6/1982", "X100001"));
    cr_expect(finds_only("11/06/1982", "X100001"));
    cr_expect(finds_only("11/6/82", "X100001"));
    cr_expect(finds_only("8/8/88", "X100006"));
    cr_expect(finds_only("7/3/1990", "X100003"));
    cr_expect(finds_only("2/1/75", "X100005"));
    cr_expect_eq(count("11/6/19"), 0); /* keep typing */
    cr_expect(finds_only("00/491869D", "X100001"));
    cr_expect(finds_only("00/491869d", "X100001"));
    cr_expect(finds_only("2000/491869D", "X100001"));
    cr_expect(finds_only("2000/0491869D", "X100001"));
    cr_expect(finds_only("99/1A", "X100005"));
    cr_expect(finds_only("1999/1a", "X100005"));
    /* While typed: each prefix that can still become it. */
    cr_expect(finds_only("00/4", "X100001"));
    cr_expect(finds_only("00/491", "X100001"));
    cr_expect(finds_only("00/491869", "X100001"));
    cr_expect(finds_only("2000/0491", "X100001"));
    cr_expect(finds_only("99/1", "X100005"));
    cr_expect(finds_only("19/64", "X100003"));
    cr_expect_eq(count("00/491869E"), 0);
    cr_expect_eq(count("00/91869D"), 0);
}

Test(caseload, next_appointment_counts_later_today_only)
{
    cl_appointment a;
    bool found;
    cl_err err = {0};
    cr_assert_eq(store_next_appointment(app.store, "X100001", app.clock.today, 600, &a, &found, &err), CL_OK);
    cr_assert(found);
    cr_assert_str_eq(a.id, "A2"); /* 14:00 today, not last week's, not next week's */
    cr_assert_eq(store_next_appointment(app.store, "X100002", app.clock.today, 600, &a, &found, &err), CL_OK);
    cr_assert_not(found); /* 09:00 today is past at 10:00 */
    cr_assert_eq(store_next_appointment(app.store, "X100002", app.clock.today, 9 * 60, &a, &found, &err), CL_OK);
    cr_assert(found); /* at 09:00 exactly it is still next */
    cr_assert_eq(store_next_appointment(app.store, "X100001", app.clock.today, 15 * 60, &a, &found, &err), CL_OK);
    cr_assert_str_eq(a.id, "A3");
}

Test(caseload, last_contact_follows_the_convention)
{
    cl_date d;
    cl_err err = {0};
    cr_assert_eq(store_last_contact(app.store, "X100001", &d, &err), CL_OK);
    cr_assert_eq(d, tu_date("2026-11-17"));
    cr_assert_eq(store_last_contact(app.store, "X100002", &d, &err), CL_OK);
    cr_assert_eq(d, tu_date("2026-09-01")); /* a phone call from the person, no outcome */
    cr_assert_eq(store_last_contact(app.store, "X100003", &d, &err), CL_OK);
    cr_assert_eq(d, CL_DATE_NONE);
}

Test(caseload, my_caseload_sorted_and_filtered)
{
    case_list l = {0};
    cl_err err = {0};
    case_query q = {.scope = CASE_SCOPE_MINE, .sort = CASE_SORT_NAME};
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 4 + 5); /* X100001, 2, 6, 7 and the filler; not the closed case */
    cr_assert_not(has(&l, "X100005"));
    cr_assert_str_eq(l.rows[0].p.surname, "Ab");
    /* Ó Ceallaigh files under O, after Llŷr */
    size_t iL = 0, iO = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (!strcmp(l.rows[i].p.crn, "X100001")) iL = i;
        if (!strcmp(l.rows[i].p.crn, "X100002")) iO = i;
    }
    cr_assert_lt(iL, iO);
    q.sort = CASE_SORT_ROSH;
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK);
    cr_assert_str_eq(l.rows[0].p.crn, "X100006"); /* Very High */
    cr_assert_str_eq(l.rows[1].p.crn, "X100001"); /* High */
    cr_assert_str_eq(l.rows[1].flags, "MAPPA 2/2; STAFF");
    q.sort = CASE_SORT_NEXT;
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK);
    cr_assert_str_eq(l.rows[0].p.crn, "X100001");
    cr_assert_eq(l.rows[0].next_time, 14 * 60);
    q.high_only = true;
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK);
    cr_assert_eq(l.n, 2);
    q.high_only = false;
    q.no_contact_days = 30; /* Siân was seen 7 days ago; Zoë 84 days ago; the rest never */
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK);
    cr_assert_not(has(&l, "X100001"));
    cr_assert(has(&l, "X100002"));
    q.no_contact_days = 0;
    q.scope = CASE_SCOPE_OFFICE;
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK);
    cr_assert(has(&l, "X100003"));
    cr_assert_not(has(&l, "X100004"));
    q.scope = CASE_SCOPE_ALL;
    cr_assert_eq(caseload_load(&app, &q, &l, &err), CL_OK);
    cr_assert(has(&l, "X100004"));
    caseload_free(&l);
}

Test(caseload, record_reads_everything_with_progress)
{
    cl_record r;
    cl_err err = {0};
    cr_assert_eq(record_load(&app, "X100001", &r, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(r.age, 44);
    cr_assert_eq(r.risk.rosh, ROSH_HIGH);
    cr_assert(r.risk.staff_banner);
    cr_assert(r.has_next);
    cr_assert_str_eq(r.next.id, "A2");
    cr_assert_eq(r.nreqs, 1);
    cr_assert_eq(r.reqs[0].upw_minutes, 6 * 60 + 30);
    cr_assert_eq(r.ncontacts, 3);
    cr_assert_str_eq(r.contacts[0].id, "C1"); /* newest first */
    cr_assert_eq(r.nregs, 4);
    cr_assert_str_eq(r.regs[3].type, "ADVP"); /* ended ones last */
    cr_assert_str_eq(r.regs[3].changed_by, "CDF03");
    char line[256];
    cr_assert_str_eq(record_next_line(&r, line, sizeof line), "Next appointment: 2026-11-24 14:00 Office visit, Interview room 4");
    record_free(&r);
    cr_assert_eq(record_load(&app, "X999999", &r, &err), CL_ENOINPUT);
}

Test(caseload, carry_keeps_filled_columns_for_the_same_people)
{
    case_list a = {0}, b = {0};
    cl_err err = {0};
    cr_assert_eq(search_run(&app, "zo", &a, &err), CL_OK);
    for (size_t i = 0; i < a.n; i++)
        cr_assert_eq(caseload_enrich(&app, &a.rows[i], &err), CL_OK);
    cr_assert_eq(search_run(&app, "zoe", &b, &err), CL_OK);
    cr_assert_not(b.rows[0].enriched);
    caseload_carry(&b, &a);
    for (size_t i = 0; i < b.n; i++)
        cr_assert(b.rows[i].enriched);
    cr_assert_eq(b.rows[0].p.crn[0] == 'X' && has(&b, "X100002"), true);
    for (size_t i = 0; i < b.n; i++)
        if (!strcmp(b.rows[i].p.crn, "X100002"))
            cr_assert_eq(b.rows[i].rosh, ROSH_MEDIUM);
    caseload_free(&a);
    caseload_free(&b);
}

/* The screen's fill (one pass of the due rules for a screenful) gives every
 * row the same columns as filling it alone, closed cases included. */
Test(caseload, screen_fill_matches_one_row_enrich)
{
    case_list a = {0}, b = {0};
    cl_err err = {0};
    cr_assert_eq(search_run(&app, "x10000", &a, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(search_run(&app, "x10000", &b, &err), CL_OK);
    cr_assert_eq(caseload_fill(&app, &a, 0, a.n, &err), CL_OK, "%s", err.msg);
    bool closed = false, contact = false, next = false, risk = false;
    for (size_t i = 0; i < b.n; i++) {
        const case_row *x = &a.rows[i];
        case_row *y = &b.rows[i];
        cr_assert_eq(caseload_enrich(&app, y, &err), CL_OK);
        cr_assert(x->enriched);
        cr_assert_geq(x->overdue, 0, "%s counted", x->p.crn);
        cr_assert_eq(x->rosh, y->rosh, "%s", x->p.crn);
        cr_assert_eq(x->staff_banner, y->staff_banner);
        cr_assert_str_eq(x->flags, y->flags);
        cr_assert_eq(x->next_date, y->next_date);
        cr_assert_eq(x->next_time, y->next_time);
        cr_assert_str_eq(x->next_type, y->next_type);
        cr_assert_eq(x->last_contact, y->last_contact, "%s", x->p.crn);
        cr_assert_str_eq(x->enforcement, y->enforcement);
        closed |= x->closed;
        contact |= x->last_contact != CL_DATE_NONE;
        next |= x->next_date != CL_DATE_NONE;
        risk |= x->flags[0] != '\0';
    }
    cr_assert(closed && contact && next && risk, "the fixture exercises every column");
    caseload_free(&a);
    caseload_free(&b);
}

/* A screen left open past midnight: the clock read again moves to the new
 * day and says so; the same day only moves the minutes. */
Test(caseload, clock_refresh_moves_to_a_new_day)
{
    const char *was = getenv("CASELOAD_NOW");
    char *saved = was ? strdup(was) : NULL;
    setenv("CASELOAD_NOW", "2026-11-24T23:59", 1);
    cr_assert_not(app_clock_refresh(&app), "the same day");
    cr_assert_eq(app.clock.minutes, 23 * 60 + 59);
    setenv("CASELOAD_NOW", "2026-11-25T00:01", 1);
    cr_assert(app_clock_refresh(&app), "a new day");
    cr_assert_eq(app.clock.today, tu_date("2026-11-25"));
    cr_assert_eq(app.clock.minutes, 1);
    setenv("CASELOAD_NOW", "not a time", 1);
    cr_assert_not(app_clock_refresh(&app), "a bad setting keeps the time it had");
    cr_assert_eq(app.clock.today, tu_date("2026-11-25"));
    if (saved)
        setenv("CASELOAD_NOW", saved, 1);
    else
        unsetenv("CASELOAD_NOW");
    free(saved);
}

Test(caseload, copy_keeps_rows_as_they_are)
{
    case_list a = {0}, b = {0}, empty = {0};
    cl_err err = {0};
    cr_assert_eq(search_run(&app, "x10000", &a, &err), CL_OK);
    cr_assert_eq(caseload_fill(&app, &a, 0, 2, &err), CL_OK);
    cr_assert(caseload_copy(&b, &a));
    cr_assert_eq(b.n, a.n);
    cr_assert_eq(memcmp(b.rows, a.rows, a.n * sizeof *a.rows), 0, "filled and unfilled rows alike");
    cr_assert(b.rows[0].enriched && !b.rows[a.n - 1].enriched);
    cr_assert(caseload_copy(&b, &empty));
    cr_assert_eq(b.n, 0);
    caseload_free(&a);
    caseload_free(&b);
}

/* The name order on its own: folded once per name, compared as keys. A
 * shorter surname before a longer one that starts with it, accents and case
 * ignored, then forenames, then the CRN. */
Test(caseload, name_order_folds_accents_and_case_then_forenames_then_crn)
{
    static const char *const in[][3] = {
        {"X7", "Smithson", "Ann"}, {"X6", "Smith", "Zoë"}, {"X5", "Smíth", "Anna"}, {"X4", "smith", "Ann"},
        {"X3", "Ó Ceallaigh", "Seán"}, {"X2", "O Brien", "Pat"}, {"X9", "Ng", ""}, {"X1", "Ng", ""},
    };
    static const char *const want[] = {"X1", "X9", "X2", "X3", "X4", "X5", "X6", "X7"};
    case_list l = {0};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        store_person_row p = {0};
        snprintf(p.crn, sizeof p.crn, "%s", in[i][0]);
        snprintf(p.surname, sizeof p.surname, "%s", in[i][1]);
        snprintf(p.forenames, sizeof p.forenames, "%s", in[i][2]);
        snprintf(p.status, sizeof p.status, "active");
        cr_assert(caseload_push(&l, &p));
    }
    cl_err err = {0};
    cr_assert_eq(caseload_sort(&app, &l, CASE_SORT_NAME, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < l.n; i++)
        cr_assert_str_eq(l.rows[i].p.crn, want[i], "row %zu", i);
    caseload_free(&l);
}

/* A list too long to keep aside keeps its filled rows, and they come back
 * into the same list read again: matched by CRN, the others left to fill. */
Test(caseload, filled_rows_kept_and_carried_into_the_list_read_again)
{
    case_list a = {0}, kept = {0}, b = {0};
    for (int i = 0; i < 6; i++) {
        store_person_row p = {0};
        snprintf(p.crn, sizeof p.crn, "X10000%d", 5 - i);
        snprintf(p.status, sizeof p.status, "active");
        cr_assert(caseload_push(&a, &p));
        cr_assert(caseload_push(&b, &p));
    }
    a.rows[1].enriched = a.rows[4].enriched = true;
    snprintf(a.rows[1].flags, sizeof a.rows[1].flags, "MAPPA 2/2; STAFF");
    a.rows[4].overdue = 3;
    cr_assert(caseload_keep_filled(&kept, &a));
    cr_assert_eq(kept.n, 2);
    caseload_carry(&b, &kept);
    for (size_t i = 0; i < b.n; i++)
        cr_assert_eq(b.rows[i].enriched, i == 1 || i == 4, "row %zu", i);
    cr_assert_str_eq(b.rows[1].flags, "MAPPA 2/2; STAFF");
    cr_assert_str_eq(b.rows[4].p.crn, "X100001");
    cr_assert_eq(b.rows[4].overdue, 3);
    caseload_free(&a), caseload_free(&kept), caseload_free(&b);
}
