/* Times the due list through the core library (the calls the screens make):
 * the overdue counts of a screenful of the caseload list (the Due column,
 * counted on every key press of the list and the search), an officer's and an
 * office's due list, and everyone's. Prints the median and 99th percentile.
 *
 * Usage: due_bench DB KEYS_DIR REPS [everyone]
 * KEYS_DIR as for bench/measure.c (bench/run.sh writes it): officers, offices,
 * BASE. The screenfuls are the first 20 and 50 rows of officers' caseload
 * lists (name order), as the list shows them. "everyone" adds the whole
 * country's due list (a few runs: it is the slow one).
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

static cl_app app;
static cl_date base;

/* A screenful: the first n CRNs of each officer's caseload list. */
typedef struct screen {
    const char *crns[50];
    size_t n;
} screen;

static screen *screens_of(const keys *officers, size_t rows, size_t *nscreens)
{
    screen *s = calloc(officers->n, sizeof *s);
    case_list l = {0};
    size_t k = 0;
    for (size_t i = 0; i < officers->n; i++) {
        cl_err err = {0};
        snprintf(app.officer, sizeof app.officer, "%s", officers->v[i]);
        case_query q = {.scope = CASE_SCOPE_MINE, .sort = CASE_SORT_NAME};
        if (caseload_load(&app, &q, &l, &err) != CL_OK || l.n < rows)
            continue;
        for (size_t j = 0; j < rows; j++)
            s[k].crns[j] = strdup(l.rows[j].p.crn);
        s[k++].n = rows;
    }
    caseload_free(&l);
    *nscreens = k;
    return s;
}

static int q_counts(const screen *s, cl_err *err)
{
    due_facts f[50];
    return due_page_facts(app.store, &app.cal, base, app.clock.minutes, s->crns, s->n, f, err);
}

static int q_list(due_scope scope, const char *code, cl_err *err)
{
    due_list l;
    due_query q = {scope, code, base, app.clock.minutes};
    int rc = due_list_load(app.store, &app.cal, &q, &l, err);
    if (rc == CL_OK)
        due_list_free(&l);
    return rc;
}

static void fail(const char *name, const cl_err *err)
{
    fprintf(stderr, "due_bench: %s: %s\n", name, err->msg);
    exit(1);
}

static void run_counts(const char *name, const screen *s, size_t ns, int reps)
{
    double *t = malloc((size_t)reps * sizeof *t);
    cl_err err = {0};
    for (size_t i = 0; i < ns && i < 20; i++) /* warm, as a running screen is */
        q_counts(&s[i], &err);
    for (int i = 0; i < reps; i++) {
        double t0 = bench_now_us();
        if (q_counts(&s[(size_t)i % ns], &err) != CL_OK)
            fail(name, &err);
        t[i] = bench_now_us() - t0;
    }
    bench_report(name, t, reps);
    free(t);
}

static void run_lists(const char *name, due_scope scope, const keys *k, int reps)
{
    double *t = malloc((size_t)reps * sizeof *t);
    cl_err err = {0};
    for (size_t i = 0; i < k->n && i < 3; i++)
        q_list(scope, k->v[i], &err);
    for (int i = 0; i < reps; i++) {
        const char *code = k ? k->v[(size_t)i % k->n] : NULL;
        double t0 = bench_now_us();
        if (q_list(scope, code, &err) != CL_OK)
            fail(name, &err);
        t[i] = bench_now_us() - t0;
    }
    bench_report(name, t, reps);
    free(t);
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: due_bench DB KEYS_DIR REPS [everyone]\n");
        return 64;
    }
    int reps = atoi(argv[3]);
    if (reps < 1)
        reps = 1000;
    keys offices = bench_read_keys("due_bench", argv[2], "offices"), officers = bench_read_keys("due_bench", argv[2], "officers");
    keys basek = bench_read_keys("due_bench", argv[2], "BASE");
    if (!date_parse_iso(basek.v[0], &base)) {
        fprintf(stderr, "due_bench: BASE is not a date\n");
        return 65;
    }
    cl_err err = {0};
    if (app_open(&app, argv[1], NULL, STORE_READONLY, &err) != CL_OK) {
        fprintf(stderr, "due_bench: %s\n", err.msg);
        return err.code;
    }
    size_t n20, n50;
    screen *s20 = screens_of(&officers, 20, &n20), *s50 = screens_of(&officers, 50, &n50);
    if (!n20 || !n50) {
        fprintf(stderr, "due_bench: no officer has 50 people\n");
        return 65;
    }
    printf("%-34s %10s %10s %6s\n", "question", "median_us", "p99_us", "reps");
    run_counts("overdue counts, 20 on screen", s20, n20, reps);
    run_counts("overdue counts, 50 on screen", s50, n50, reps);
    int list_reps = reps / 10 > 20 ? reps / 10 : 20;
    run_lists("officer's due list", DUE_OFFICER, &officers, list_reps);
    run_lists("office's due list", DUE_OFFICE, &offices, list_reps);
    if (argc == 5 && !strcmp(argv[4], "everyone")) {
        double t[3];
        for (int i = 0; i < 3; i++) {
            double t0 = bench_now_us();
            if (q_list(DUE_EVERYONE, NULL, &err) != CL_OK)
                fail("everyone", &err);
            t[i] = bench_now_us() - t0;
        }
        bench_report("everyone's due list", t, 3);
    }
    app_close(&app);
    return 0;
}
