/* Registrations: add, review, end; the single-RoSH rule; review dates. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/reg_history.h"
#include "caseload/registration.h"
#include "caseload/risk.h"
#include "caseload/store_reg.h"
#include "caseload/textwidth.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static cl_calendar cal;
static cl_date today;

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "r.db");
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
    today = tu_date("2026-11-24");
    seed_exec(dir, "r.db",
              "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');"
              "INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat Officer', 'PO', 'N01');"
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office)"
              " VALUES ('X123456', 'Smith', 'John', '1990-01-01', 'PO1', 'N01');");
}
static void teardown(void)
{
    store_close(st);
    cal_free(&cal);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(registration, .init = setup, .fini = teardown);

static long long add(const char *type, const char *cat, const char *lvl, const char *start, cl_err *err,
                     reg_result *res)
{
    reg_new r = {.crn = "X123456", .type = type, .category = cat, .level = lvl,
                 .start = start ? tu_date(start) : CL_DATE_NONE};
    reg_result local;
    if (!res)
        res = &local;
    return reg_add(st, &cal, today, &r, res, err) == CL_OK ? res->id : -err->code;
}

static long long must_add(const char *type, const char *cat, const char *lvl, const char *start)
{
    cl_err err = {0};
    long long id = add(type, cat, lvl, start, &err, NULL);
    cr_assert_gt(id, 0, "adding %s: %s", type, err.msg);
    return id;
}

Test(registration, every_type_can_be_added_with_its_review_period)
{
    char sql[256], got[32];
    for (size_t i = 0; i < RISK_TYPES_N; i++) {
        const risk_regtype *t = &RISK_TYPES[i];
        if (t->group == RG_ROSH && strcmp(t->code, "RMRH"))
            continue; /* one RoSH level at a time: tested below */
        long long id = must_add(t->code, t->has_category ? "M1" : NULL, t->has_category ? "M1" : NULL,
                                "2026-08-31");
        /* 31 August + 3, 6 or 12 months, moved off weekends and bank holidays:
         * 30 Nov 2026 (Mon), 28 Feb 2027 (Sun) -> 1 Mar, 31 Aug 2027 (Tue). */
        const char *want = t->review_months == 3 ? "2026-11-30" : t->review_months == 6 ? "2027-03-01" : "2027-08-31";
        snprintf(sql, sizeof sql, "SELECT review_date FROM registration WHERE id = %lld", id);
        cr_assert_str_eq(seed_text(dir, "r.db", sql, got, sizeof got), want, "%s", t->code);
        snprintf(sql, sizeof sql, "SELECT registered_by FROM registration WHERE id = %lld", id);
        cr_assert_str_eq(seed_text(dir, "r.db", sql, got, sizeof got), "TEST");
    }
    risk_summary s;
    cl_err err = {0};
    cr_assert_eq(risk_summary_load(st, "X123456", today, &s, &err), CL_OK);
    cr_assert_eq(s.rosh, ROSH_MEDIUM);
    cr_assert_eq(s.nflags, RISK_TYPES_N - 4);
}

Test(registration, a_new_rosh_level_ends_the_old_one_in_the_same_transaction)
{
    long long old = must_add("RMRH", NULL, NULL, "2026-06-01");
    reg_result res;
    cl_err err = {0};
    long long id = add("RHRH", NULL, NULL, "2026-11-20", &err, &res);
    cr_assert_gt(id, 0, "%s", err.msg);
    cr_assert_eq(res.ended_id, old);
    cr_assert_str_eq(res.ended_type, "RMRH");
    char sql[256], got[128];
    snprintf(sql, sizeof sql,
             "SELECT end_date || '|' || reason || '|' || changed_by || '|' || changed_at FROM registration WHERE id = %lld",
             old);
    cr_assert_str_eq(seed_text(dir, "r.db", sql, got, sizeof got),
                     "2026-11-20|replaced by HIGH ROSH|TEST|2026-11-24T09:00");
    cr_assert_eq(seed_int(dir, "r.db",
                          "SELECT count(*) FROM registration WHERE end_date IS NULL AND type IN ('RLRH','RMRH','RHRH','RVHR')"),
                 1);
    /* The old level stays in the history, with an audit row of its end (old -> new). */
    cr_assert_eq(seed_int(dir, "r.db", "SELECT count(*) FROM registration"), 2);
    cr_assert_eq(seed_int(dir, "r.db",
                          "SELECT count(*) FROM audit WHERE entity = 'registration' AND action = 'update'"
                          " AND subject = 'RMRH' AND json_extract(changes, '$.end_date[0]') IS NULL"
                          " AND json_extract(changes, '$.end_date[1]') = '2026-11-20'"),
                 1);
    risk_summary s;
    cr_assert_eq(risk_summary_load(st, "X123456", today, &s, &err), CL_OK);
    cr_assert_eq(s.rosh, ROSH_HIGH);
    reg_list l;
    cr_assert_eq(reg_list_load(st, "X123456", false, &l, &err), CL_OK);
    cr_assert_eq(l.n, 2);
    cr_assert_str_eq(l.rows[0].type, "RHRH"); /* active first */
    cr_assert_str_eq(l.rows[1].type, "RMRH");
    reg_list_free(&l);
}

Test(registration, the_same_rosh_level_twice_is_refused)
{
    must_add("RHRH", NULL, NULL, "2026-06-01");
    cl_err err = {0};
    cr_assert_eq(add("RHRH", NULL, NULL, NULL, &err, NULL), -CL_EDATA);
    cr_assert(strstr(err.msg, "already active"), "%s", err.msg);
}

Test(registration, a_rosh_level_older_than_the_current_one_is_refused)
{
    must_add("RHRH", NULL, NULL, "2026-06-01");
    cl_err err = {0};
    cr_assert_eq(add("RLRH", NULL, NULL, "2026-05-01", &err, NULL), -CL_EDATA);
    cr_assert_eq(seed_int(dir, "r.db", "SELECT count(*) FROM registration WHERE end_date IS NULL"), 1);
}

Test(registration, a_failed_add_leaves_the_old_level_active)
{
    cl_err err = {0};
    long long first = must_add("RMRH", NULL, NULL, "2026-06-01");
    cr_assert_eq(reg_end(st, today, first, tu_date("2026-06-05"), "entered in error", &err), CL_OK, "%s", err.msg);
    long long high = must_add("RHRH", NULL, NULL, "2026-06-01");
    /* RMRH from 2026-06-01 exists (ended): the insert fails after the end. */
    cr_assert_eq(add("RMRH", NULL, NULL, "2026-06-01", &err, NULL), -CL_EDATA);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT end_date IS NULL FROM registration WHERE id = %lld", high);
    cr_assert_eq(seed_int(dir, "r.db", sql), 1, "the rollback must keep HIGH active");
}

Test(registration, mappa_needs_category_and_level)
{
    cl_err err = {0};
    cr_assert_eq(add("MAPP", NULL, "M2", NULL, &err, NULL), -CL_EDATA);
    cr_assert(strstr(err.msg, "category"), "%s", err.msg);
    cr_assert_eq(add("MAPP", "M2", NULL, NULL, &err, NULL), -CL_EDATA);
    cr_assert_eq(add("MAPP", "M5", "M2", NULL, &err, NULL), -CL_EDATA);
    long long id = must_add("MAPPA", "2", "Level 3", NULL);
    cl_registration r;
    cr_assert_eq(reg_get(st, id, &r, &err), CL_OK);
    cr_assert_str_eq(r.type, "MAPP");
    cr_assert_str_eq(r.category, "M2");
    cr_assert_str_eq(r.level, "M3");
    cl_registration_clear(&r);
}

Test(registration, levels_only_where_the_type_takes_one)
{
    cl_err err = {0};
    cr_assert_eq(add("WEAP", NULL, "H", NULL, &err, NULL), -CL_EDATA);
    cr_assert_eq(add("RHRH", NULL, "H", NULL, &err, NULL), -CL_EDATA);
    cr_assert_eq(add("AV2S", NULL, "X", NULL, &err, NULL), -CL_EDATA);
    cr_assert_eq(add("ADVP", "M1", NULL, NULL, &err, NULL), -CL_EDATA);
    long long id = must_add("av2s", NULL, "Very High", NULL);
    cl_registration r;
    cr_assert_eq(reg_get(st, id, &r, &err), CL_OK);
    cr_assert_str_eq(r.level, "V");
    cl_registration_clear(&r);
}

Test(registration, unknown_person_type_and_future_start)
{
    cl_err err = {0};
    reg_new r = {.crn = "X999999", .type = "ADVP", .start = CL_DATE_NONE};
    reg_result res;
    cr_assert_eq(reg_add(st, &cal, today, &r, &res, &err), CL_ENOINPUT);
    cr_assert_eq(add("NOPE", NULL, NULL, NULL, &err, NULL), -CL_EDATA);
    cr_assert_eq(add("ADVP", NULL, NULL, "2026-11-25", &err, NULL), -CL_EDATA);
}

Test(registration, another_active_one_of_the_same_type_is_refused)
{
    must_add("ADVP", NULL, NULL, "2026-06-01");
    cl_err err = {0};
    cr_assert_eq(add("ADVP", NULL, NULL, "2026-07-01", &err, NULL), -CL_EDATA);
}

Test(registration, review_sets_the_next_review_from_the_review_day)
{
    long long id = must_add("ADVP", NULL, NULL, "2026-06-01");
    reg_result res;
    cl_err err = {0};
    /* Reviewed 25 September 2026: + 3 months = Christmas Day -> 29 December. */
    cr_assert_eq(reg_review(st, &cal, today, id, tu_date("2026-09-25"), &res, &err), CL_OK, "%s", err.msg);
    char d[CL_DATE_LEN];
    cr_assert_str_eq(date_format(res.review, d), "2026-12-29");
    char sql[128], got[32];
    snprintf(sql, sizeof sql, "SELECT review_date FROM registration WHERE id = %lld", id);
    cr_assert_str_eq(seed_text(dir, "r.db", sql, got, sizeof got), "2026-12-29");
    cr_assert_eq(reg_review(st, &cal, today, id, tu_date("2026-05-01"), &res, &err), CL_EDATA); /* before start */
    cr_assert_eq(reg_review(st, &cal, today, 999, today, &res, &err), CL_ENOINPUT);
}

Test(registration, end_needs_a_reason_and_happens_once)
{
    long long id = must_add("WEAP", NULL, NULL, "2026-06-01");
    cl_err err = {0};
    cr_assert_eq(reg_end(st, today, id, today, "", &err), CL_EDATA);
    cr_assert_eq(reg_end(st, today, id, today, "   ", &err), CL_EDATA);
    cr_assert_eq(reg_end(st, today, id, today, NULL, &err), CL_EDATA);
    cr_assert_eq(reg_end(st, today, id, tu_date("2026-05-31"), "too early", &err), CL_EDATA);
    cr_assert_eq(reg_end(st, today, id, today, "weapons charge dropped", &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_end(st, today, id, today, "again", &err), CL_EDATA);
    reg_result res;
    cr_assert_eq(reg_review(st, &cal, today, id, today, &res, &err), CL_EDATA);
    char sql[128], got[128];
    snprintf(sql, sizeof sql, "SELECT reason || '|' || changed_by FROM registration WHERE id = %lld", id);
    cr_assert_str_eq(seed_text(dir, "r.db", sql, got, sizeof got), "weapons charge dropped|TEST");
    cr_assert_eq(seed_int(dir, "r.db", "SELECT count(*) FROM registration"), 1); /* never deleted */
    risk_summary s;
    cr_assert_eq(risk_summary_load(st, "X123456", today, &s, &err), CL_OK);
    cr_assert_eq(s.nflags, 0);
}

/* DOMAIN.md §1: an end or a review after today is refused (it would hide the
 * flag at once, or clear a review still owed); the message names both dates,
 * and nothing changes. Today itself is allowed. */
Test(registration, an_end_or_review_after_today_is_refused)
{
    long long id = must_add("AV2S", NULL, "H", "2026-06-01");
    cl_err err = {0};
    reg_result res;
    cr_assert_eq(reg_end(st, today, id, tu_date("2027-01-31"), "reassess in January", &err), CL_EDATA);
    cr_assert(strstr(err.msg, "2027-01-31 is after today (2026-11-24)"), "%s", err.msg);
    cr_assert_eq(reg_review(st, &cal, today, id, tu_date("2026-11-25"), &res, &err), CL_EDATA);
    cr_assert(strstr(err.msg, "2026-11-25 is after today (2026-11-24)"), "%s", err.msg);
    cr_assert_eq(seed_int(dir, "r.db", "SELECT count(*) FROM registration WHERE end_date IS NULL"
                                       " AND review_date = '2026-12-01'"), 1, "unchanged");
    risk_summary s;
    cr_assert_eq(risk_summary_load(st, "X123456", today, &s, &err), CL_OK);
    cr_assert(s.staff_banner, "the flag is still shown");
    cr_assert_eq(reg_review(st, &cal, today, id, today, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_end(st, today, id, today, "risk reassessed", &err), CL_OK, "%s", err.msg);
}

static void count_problem(void *arg, const char *problem)
{
    int *n = arg;
    cr_log_info("check: %s", problem);
    if (strstr(problem, "after today: it is not shown although still in force"))
        (*n)++;
}

/* A future end written before it was refused (an older database) is found by
 * `caseload check`. */
Test(registration, check_finds_an_end_after_today)
{
    long long id = must_add("AV2S", NULL, "H", "2026-06-01");
    cl_err err = {0};
    int n = 0;
    cr_assert_eq(store_check(st, count_problem, &n, &err), 0, "%s", err.msg);
    cr_assert_eq(store_reg_end(st, id, tu_date("2099-01-31"), "written by an older version", &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_check(st, count_problem, &n, &err), 1, "%s", err.msg);
    cr_assert_eq(n, 1);
}

static void collect_line(void *arg, record_role role, const char *text, int hang)
{
    (void)role;
    (void)hang;
    char *out = arg;
    strncat(out, text, 2047 - strlen(out));
    strncat(out, "\n", 2047 - strlen(out));
}

/* Reviews are read back from the audit trail: who, when, the date it was due
 * and the next one; ending it is not a review. Notes and reviews are the
 * lines under a registration (reg_more_lines). */
Test(registration, review_history_and_notes)
{
    reg_new r = {.crn = "X123456", .type = "ADVP", .notes = "Agreed at MARAC\nsecond line", .start = tu_date("2026-06-01")};
    reg_result res;
    cl_err err = {0};
    cr_assert_eq(reg_add(st, &cal, today, &r, &res, &err), CL_OK, "%s", err.msg);
    long long id = res.id;
    cr_assert_eq(reg_review(st, &cal, today, id, tu_date("2026-09-25"), &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_review(st, &cal, today, id, today, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_end(st, today, id, today, "risk reduced", &err), CL_OK, "%s", err.msg);
    reg_reviews rv;
    cr_assert_eq(reg_reviews_load(st, id, &rv, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(rv.n, 2, "two reviews, the end is not one");
    char d1[CL_DATE_LEN], d2[CL_DATE_LEN];
    cr_expect_str_eq(rv.v[0].who, "TEST");
    cr_expect_str_eq(date_format(rv.v[0].was, d1), "2026-09-01");
    cr_expect_str_eq(date_format(rv.v[0].next, d2), "2026-12-29");
    cr_expect_str_eq(date_format(rv.v[1].was, d1), "2026-12-29");
    cr_expect_str_eq(date_format(rv.v[1].next, d2), "2027-02-24");
    /* The day each review was done, as typed, besides when it was recorded. */
    cr_expect_str_eq(date_format(rv.v[0].on, d1), "2026-09-25");
    cr_expect_str_eq(date_format(rv.v[1].on, d2), "2026-11-24");
    cl_registration g;
    cr_assert_eq(reg_get(st, id, &g, &err), CL_OK);
    char out[2048] = "";
    reg_more_lines(&g, &rv, collect_line, out);
    char want[512];
    snprintf(want, sizeof want,
             "    Last review: 2026-11-24\n"
             "    Notes: Agreed at MARAC\n"
             "           second line\n"
             "    Reviewed on 2026-09-25 by TEST at %s: was due 2026-09-01, next review 2026-12-29\n"
             "    Reviewed on 2026-11-24 by TEST at %s: was due 2026-12-29, next review 2027-02-24\n", rv.v[0].at, rv.v[1].at);
    cr_expect_str_eq(out, want);
    out[0] = '\0';
    reg_detail_lines(&g, &rv, collect_line, out);
    cr_expect(strstr(out, "Ended:         2026-11-24 by TEST"), "%s", out);
    cr_expect(strstr(out, "Notes:         Agreed at MARAC\n               second line\n"), "%s", out);
    cr_expect(strstr(out, "Reviews:       reviewed on 2026-09-25 by TEST"), "%s", out);
    cr_expect(strstr(out, "Last review:   2026-11-24\n"), "%s", out);
    cl_registration_clear(&g);
    reg_reviews_free(&rv);
}

/* An active registration reviewed once shows its last review (the day it was
 * done) as well as the next one; one never reviewed says none. */
Test(registration, last_review_of_an_active_registration)
{
    long long id = must_add("ADVP", NULL, NULL, "2026-06-01");
    cl_registration g;
    cl_err err = {0};
    reg_reviews rv;
    char out[2048] = "";
    cr_assert_eq(reg_get(st, id, &g, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_reviews_load(st, id, &rv, &err), CL_OK, "%s", err.msg);
    reg_detail_lines(&g, &rv, collect_line, out);
    cr_expect(strstr(out, "Last review:   none\n"), "%s", out);
    reg_more_lines(&g, &rv, collect_line, out + strlen(out));
    cr_expect_null(strstr(out, "    Last review:"), "%s", out);
    cl_registration_clear(&g);
    reg_reviews_free(&rv);

    reg_result res;
    cr_assert_eq(reg_review(st, &cal, today, id, tu_date("2026-11-20"), &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_get(st, id, &g, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(reg_reviews_load(st, id, &rv, &err), CL_OK, "%s", err.msg);
    out[0] = '\0';
    reg_detail_lines(&g, &rv, collect_line, out);
    cr_expect(strstr(out, "Next review:   "), "%s", out);
    cr_expect(strstr(out, "Last review:   2026-11-20\n"), "%s", out);
    out[0] = '\0';
    reg_more_lines(&g, &rv, collect_line, out);
    cr_expect(!strncmp(out, "    Last review: 2026-11-20\n", 28), "%s", out);
    cl_registration_clear(&g);
    reg_reviews_free(&rv);
}

/* Schema 7 keeps the day a review was done. A database from schema 5 keeps
 * its reviews (recorded time only: the day was not kept then) through the
 * upgrade, and reviews after it keep their day. */
Test(registration, reviews_from_schema_5_survive_and_later_ones_keep_their_day)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/v5.db", dir);
    cl_err err = {0};
    cl_store *old = store_open_at_version(path, 5, &err);
    cr_assert(old, "%s", err.msg);
    store_close(old);
    /* What schema 5 left after a review: the row's new review date, and the
     * audit row its trigger wrote (the old values, no day done). */
    seed_exec(dir, "v5.db",
              "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');"
              "INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat Officer', 'PO', 'N01');"
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office)"
              " VALUES ('X123456', 'Smith', 'John', '1990-01-01', 'PO1', 'N01');"
              "INSERT INTO registration(id, crn, type, start_date, review_date, registered_by)"
              " VALUES (7, 'X123456', 'ADVP', '2026-06-01', '2027-02-10', 'PO1');"
              "INSERT INTO audit(at, who, action, entity, key, crn, detail) VALUES ('2026-11-10T09:00', 'PO1',"
              " 'update', 'registration', '7', 'X123456', json_object('type','ADVP','category',NULL,'level',NULL,"
              " 'start_date','2026-06-01','review_date','2026-12-01','end_date',NULL,'notes',NULL,'reason',NULL));");
    cl_store *up = store_open(path, 0, &err);
    cr_assert(up, "%s", err.msg);
    cr_assert_eq(store_schema_version(up), store_schema_latest());
    cr_assert_geq(store_schema_latest(), 7);
    reg_reviews rv;
    cr_assert_eq(reg_reviews_load(up, 7, &rv, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(rv.n, 1, "the schema 5 review is kept");
    cr_expect_eq(rv.v[0].on, CL_DATE_NONE);
    cr_expect_str_eq(rv.v[0].at, "2026-11-10T09:00");
    char buf[256], d1[CL_DATE_LEN];
    cr_expect_str_eq(reg_review_words(&rv.v[0], buf, sizeof buf),
                     "reviewed by PO1 at 2026-11-10T09:00: was due 2026-12-01, next review 2027-02-10");
    reg_reviews_free(&rv);

    reg_result res;
    cr_assert_eq(reg_review(up, &cal, today, 7, tu_date("2026-11-20"), &res, &err), CL_OK, "%s", err.msg);
    cl_registration g;
    cr_assert_eq(reg_get(up, 7, &g, &err), CL_OK, "%s", err.msg);
    cr_expect_str_eq(date_format(g.reviewed_on, d1), "2026-11-20");
    cl_registration_clear(&g);
    cr_assert_eq(reg_reviews_load(up, 7, &rv, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(rv.n, 2);
    cr_expect_eq(rv.v[0].on, CL_DATE_NONE, "the old review's day stays unknown");
    cr_expect_str_eq(date_format(rv.v[1].on, d1), "2026-11-20");
    cr_expect(!strncmp(reg_review_words(&rv.v[1], buf, sizeof buf), "reviewed on 2026-11-20 by ", 26), "%s", buf);
    reg_reviews_free(&rv);
    store_close(up);
}

/* An ended registration from an import may not say who ended it or why: the
 * text says so rather than leaving "by  at : ". */
Test(registration, ended_by_never_blank)
{
    cl_registration g = {0};
    char buf[400];
    cr_assert_str_eq(reg_ended_by(&g, true, buf, sizeof buf), "by (not recorded): no reason recorded");
    snprintf(g.changed_by, sizeof g.changed_by, "PO1");
    snprintf(g.changed_at, sizeof g.changed_at, "2026-11-24T10:00");
    snprintf(g.reason, sizeof g.reason, "level changed at panel");
    cr_assert_str_eq(reg_ended_by(&g, true, buf, sizeof buf), "by PO1 at 2026-11-24T10:00: level changed at panel");
    cr_assert_str_eq(reg_ended_by(&g, false, buf, sizeof buf), "by PO1: level changed at panel");
}

/* A closed case is read-only: no registration is added, reviewed or ended. */
Test(registration, a_closed_case_is_read_only)
{
    long long id = must_add("ADVP", NULL, NULL, "2026-06-01");
    seed_exec(dir, "r.db", "UPDATE offender SET status = 'closed' WHERE crn = 'X123456';");
    cl_err err = {0};
    reg_result res;
    cr_assert_eq(add("WEAP", NULL, NULL, NULL, &err, NULL), -CL_EDATA);
    cr_assert(strstr(err.msg, "the case of John Smith (X123456) is closed: read-only"), "%s", err.msg);
    cr_assert_eq(reg_review(st, &cal, today, id, today, &res, &err), CL_EDATA);
    cr_assert(strstr(err.msg, "is closed: read-only"), "%s", err.msg);
    cr_assert_eq(reg_end(st, today, id, today, "no longer applies", &err), CL_EDATA);
    cr_assert(strstr(err.msg, "is closed: read-only"), "%s", err.msg);
    char got[32];
    cr_assert_str_eq(seed_text(dir, "r.db", "SELECT count(*) FROM registration", got, sizeof got), "1");
    cr_assert_str_eq(seed_text(dir, "r.db", "SELECT count(*) FROM registration WHERE end_date IS NULL"
                                            " AND review_date = '2026-09-01'", got, sizeof got), "1",
                     "the registration is unchanged");
}

/* The narrowest flags column a screen may have holds every short label whole
 * with the "+N" counting the rest (the diary's week view at 80 columns):
 * a label is never cut mid-label ("MAPPA ~ +1"). */
Test(risk_labels, every_label_and_its_count_fit_the_narrowest_flags_column)
{
    for (size_t i = 0; i < RISK_TYPES_N; i++) {
        if (RISK_TYPES[i].group == RG_ROSH)
            continue;
        risk_flag f = {.type = &RISK_TYPES[i], .category = "M4", .level = "M3"};
        char label[32], joined[96], fit[96];
        risk_flag_label(&f, label, sizeof label);
        snprintf(joined, sizeof joined, "%s; SAFEG; VICTIM; RETAIN", label);
        tw_fit_list(joined, "; ", RISK_LABELS_MIN_COLS, fit, sizeof fit);
        cr_assert(!strncmp(fit, label, strlen(label)) && strstr(fit, " +") && !strchr(fit, '~'), "%s: '%s'",
                  RISK_TYPES[i].code, fit);
    }
}

/* The registrations list (register --list, the registrations screen) puts the
 * RoSH level first and the flags in the risk summary's severity order, not
 * by start date; the ended ones follow as before. */
Test(registration, the_list_puts_rosh_first_then_flags_by_severity)
{
    must_add("ADVP", NULL, NULL, "2026-01-01");
    must_add("AV2S", NULL, "H", "2026-02-01");
    must_add("MAPP", "M2", "M2", "2026-03-01");
    long long weap = must_add("WEAP", NULL, NULL, "2025-12-01");
    must_add("RHRH", NULL, NULL, "2026-06-01");
    cl_err err = {0};
    cr_assert_eq(reg_end(st, today, weap, today, "no longer relevant", &err), CL_OK, "%s", err.msg);
    reg_list l;
    cr_assert_eq(reg_list_load(st, "X123456", false, &l, &err), CL_OK, "%s", err.msg);
    const char *want[] = {"RHRH", "MAPP", "AV2S", "ADVP", "WEAP"};
    cr_assert_eq(l.n, 5);
    for (size_t i = 0; i < l.n; i++)
        cr_assert_str_eq(l.rows[i].type, want[i], "row %zu", i);
    reg_list_free(&l);
    cr_assert_eq(reg_list_load(st, "X123456", true, &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 4);
    cr_assert_str_eq(l.rows[0].type, "RHRH");
    cr_assert_str_eq(l.rows[3].type, "ADVP");
    reg_list_free(&l);
}
