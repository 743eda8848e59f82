/* Times the interactive questions caseload asks its database, through the
 * core library's own functions (the same calls the screens make), and prints
 * the median and 99th percentile of many repetitions.
 *
 * Usage: measure DB KEYS_DIR REPS
 * KEYS_DIR holds keys sampled from the data set (bench/run.sh writes them):
 * crns, offices, officers, names (surnames, ASCII-folded) (one a line) and
 * BASE (the data set's base date). A key press and a list are timed with the
 * rows a 24-line screen shows filled in (caseload_fill), as the screen does.
 *
 * Output, one line per question: NAME median_us p99_us reps */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "caseload/app.h"
#include "caseload/caseload.h"
#include "caseload/due.h"
#include "caseload/search.h"
#include "caseload/sched.h"
#include "caseload/store_contact.h"

/* ---- the questions ---- */

static cl_app app;
static cl_date base;

static int q_diary(const char *office, cl_err *err)
{
    sched_day d;
    int rc = sched_day_load(&app, STORE_DIARY_OFFICE, office, base, base, &d, err);
    if (rc == CL_OK)
        sched_day_free(&d);
    return rc;
}

static int q_due(const char *office, cl_err *err)
{
    due_query q = {.scope = DUE_OFFICE, .code = office, .from = base, .now_minutes = 10 * 60};
    due_list l = {0};
    int rc = due_list_load(app.store, &app.cal, &q, &l, err);
    due_list_free(&l);
    return rc;
}

static bool count_contact(void *arg, const cl_contact *c, const char *corrected_by)
{
    (void)c, (void)corrected_by;
    ++*(int *)arg;
    return true;
}

static int q_last50(const char *crn, cl_err *err)
{
    int n = 0;
    return store_contact_each(app.store, crn, NULL, NULL, 50, count_contact, &n, err);
}

#define SCREEN_ROWS 20

static case_list list;

static int enrich_screen(cl_err *err) { return caseload_fill(&app, &list, 0, SCREEN_ROWS, err); }

static int q_caseload(const char *officer, cl_err *err)
{
    snprintf(app.officer, sizeof app.officer, "%s", officer);
    case_query q = {.scope = CASE_SCOPE_MINE, .sort = CASE_SORT_NAME};
    int rc = caseload_load(&app, &q, &list, err);
    return rc == CL_OK ? enrich_screen(err) : rc;
}

/* An officer's office, by name (about 1,250 people). */
static int q_office(const char *officer, cl_err *err)
{
    snprintf(app.officer, sizeof app.officer, "%s", officer);
    case_query q = {.scope = CASE_SCOPE_OFFICE, .sort = CASE_SORT_NAME};
    int rc = caseload_load(&app, &q, &list, err);
    return rc == CL_OK ? enrich_screen(err) : rc;
}

/* Everyone: the first CASELOAD_ALL_LIMIT people by name (the key is unused). */
static int q_everyone(const char *unused, cl_err *err)
{
    (void)unused;
    case_query q = {.scope = CASE_SCOPE_ALL, .sort = CASE_SORT_NAME};
    int rc = caseload_load(&app, &q, &list, err);
    return rc == CL_OK ? enrich_screen(err) : rc;
}

static int search_len = 1;
static int q_search(const char *name, cl_err *err)
{
    char typed[8];
    snprintf(typed, sizeof typed, "%.*s", search_len, name);
    int rc = search_run(&app, typed, &list, err);
    return rc == CL_OK ? enrich_screen(err) : rc;
}

/* The due facts of a screenful (due_page_facts): the next 20 CRNs of the
 * sample each time, as a key press that shows 20 new people fills them. */
static const keys *facts_crns;
static size_t facts_next;
static int q_due_facts(const char *unused, cl_err *err)
{
    (void)unused;
    const char *crns[SCREEN_ROWS];
    for (size_t k = 0; k < SCREEN_ROWS; k++)
        crns[k] = facts_crns->v[facts_next++ % facts_crns->n];
    due_facts f[SCREEN_ROWS];
    return due_page_facts(app.store, &app.cal, base, 10 * 60, crns, SCREEN_ROWS, f, err);
}

typedef int (*question)(const char *key, cl_err *err);

static void run(const char *name, question q, const keys *k, int reps)
{
    double *t = malloc((size_t)reps * sizeof *t);
    cl_err err = {0};
    /* Warm the cache and the statement cache as a running screen would be. */
    for (size_t i = 0; i < k->n && i < 20; i++)
        q(k->v[i], &err);
    for (int i = 0; i < reps; i++) {
        double t0 = bench_now_us();
        store_read_begin(app.store); /* one snapshot per question, as the screens read */
        if (q(k->v[(size_t)i % k->n], &err) != CL_OK) {
            fprintf(stderr, "measure: %s: %s\n", name, err.msg);
            exit(1);
        }
        store_read_end(app.store);
        t[i] = bench_now_us() - t0;
    }
    bench_report(name, t, reps);
    free(t);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: measure DB KEYS_DIR REPS\n");
        return 64;
    }
    int reps = atoi(argv[3]);
    if (reps < 1)
        reps = 1000;
    keys crns = bench_read_keys("measure", argv[2], "crns"), offices = bench_read_keys("measure", argv[2], "offices");
    keys basek = bench_read_keys("measure", argv[2], "BASE"), officers = bench_read_keys("measure", argv[2], "officers");
    keys names = bench_read_keys("measure", argv[2], "names");
    if (!date_parse_iso(basek.v[0], &base)) {
        fprintf(stderr, "measure: BASE is not a date\n");
        return 65;
    }
    cl_err err = {0};
    if (app_open(&app, argv[1], NULL, STORE_READONLY, &err) != CL_OK) {
        fprintf(stderr, "measure: %s\n", err.msg);
        return err.code;
    }
    printf("%-28s %10s %10s %6s\n", "question", "median_us", "p99_us", "reps");
    run("office day diary", q_diary, &offices, reps);
    run("person's last 50 contacts", q_last50, &crns, reps);
    run("office due list", q_due, &offices, reps < 200 ? reps : 200);
    facts_crns = &crns;
    run("due facts of 20 people", q_due_facts, &crns, reps);
    run("officer's caseload list", q_caseload, &officers, reps);
    run("officer's office list", q_office, &officers, reps < 500 ? reps : 500);
    run("everyone's list (first 1,000 by name)", q_everyone, &officers, reps < 500 ? reps : 500);
    for (search_len = 1; search_len <= 4; search_len++) {
        char name[40];
        snprintf(name, sizeof name, "search, %d letter%s typed", search_len, search_len > 1 ? "s" : "");
        run(name, q_search, &names, reps);
    }
    caseload_free(&list);
    app_close(&app);
    bench_free_keys(&crns), bench_free_keys(&offices), bench_free_keys(&basek), bench_free_keys(&officers), bench_free_keys(&names);
    return 0;
}
