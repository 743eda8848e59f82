/* The instant search at scale: search_run (the FTS5/index lookup of the
 * first SEARCH_LIMIT matches and their sort in C) for what an officer types:
 * 1 to 4 letters of a surname, a CRN, a date of birth; then the same with the
 * rows of one screen filled in (caseload_fill: risk, next appointment, and one
 * pass of the due rules), under one read snapshot, as a key press does before
 * drawing. Median and 99th percentile of many repetitions, warm cache.
 *
 * Usage: search_bench DB NAMES_FILE CRNS_FILE REPS
 * Output: one line per question: NAME median_us p99_us reps */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "caseload/app.h"
#include "caseload/enforce.h"
#include "caseload/search.h"
#include "caseload/store_case.h"

#define SCREEN_ROWS 20

static cl_app app;
static case_list list;

static void run(const char *name, char **keys, size_t nkeys, int len, bool enrich, int reps)
{
    double *t = malloc((size_t)reps * sizeof *t);
    cl_err err = {0};
    size_t matches = 0;
    for (int i = -20; i < reps; i++) { /* 20 warm-up runs */
        char typed[64];
        snprintf(typed, sizeof typed, "%.*s", len > 0 ? len : 63, keys[(size_t)(i + 20) % nkeys]);
        double t0 = bench_now_us();
        store_read_begin(app.store);
        if (search_run(&app, typed, &list, &err) != CL_OK ||
            (enrich && caseload_fill(&app, &list, 0, SCREEN_ROWS, &err) != CL_OK)) {
            fprintf(stderr, "search_bench: %s\n", err.msg);
            exit(1);
        }
        store_read_end(app.store);
        if (i >= 0) {
            t[i] = bench_now_us() - t0;
            matches += list.n;
        }
    }
    qsort(t, (size_t)reps, sizeof *t, bench_cmp_double);
    printf("%-40s %10.0f %10.0f %6d   (%.0f matches shown on average)\n", name, t[reps / 2],
           t[(size_t)((double)reps * 0.99)], reps, (double)matches / reps);
    free(t);
}

/* What one row of the screen costs, piece by piece (CRNs as keys). */
static void pieces(char **crns, size_t n, int reps)
{
    const char *names[] = {"row: risk_summary_load", "row: store_next_appointment", "row: store_last_contact",
                           "row: enf_load"};
    for (int k = 0; k < 4; k++) {
        double *t = malloc((size_t)reps * sizeof *t);
        cl_err err = {0};
        for (int i = -20; i < reps; i++) {
            const char *crn = crns[(size_t)(i + 20) % n];
            double t0 = bench_now_us();
            int rc;
            if (k == 0) {
                risk_summary rs;
                rc = risk_summary_load(app.store, crn, app.clock.today, &rs, &err);
            } else if (k == 1) {
                cl_appointment a;
                bool found;
                rc = store_next_appointment(app.store, crn, app.clock.today, app.clock.minutes, &a, &found, &err);
            } else if (k == 2) {
                cl_date d;
                rc = store_last_contact(app.store, crn, &d, &err);
            } else {
                enf_person ep;
                rc = enf_load(app.store, &app.cal, crn, app.clock.today, &ep, &err);
            }
            if (rc != CL_OK) {
                fprintf(stderr, "search_bench: %s\n", err.msg);
                exit(1);
            }
            if (i >= 0)
                t[i] = bench_now_us() - t0;
        }
        qsort(t, (size_t)reps, sizeof *t, bench_cmp_double);
        printf("%-40s %10.0f %10.0f %6d\n", names[k], t[reps / 2], t[(size_t)((double)reps * 0.99)], reps);
        free(t);
    }
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: search_bench DB NAMES_FILE CRNS_FILE REPS\n");
        return 64;
    }
    int reps = atoi(argv[4]) > 0 ? atoi(argv[4]) : 2000;
    keys nk = bench_read_keys("search_bench", argv[2], NULL), ck = bench_read_keys("search_bench", argv[3], NULL);
    size_t nn = nk.n, nc = ck.n;
    char **names = nk.v, **crns = ck.v;
    cl_err err = {0};
    if (app_open(&app, argv[1], NULL, STORE_READONLY, &err) != CL_OK) {
        fprintf(stderr, "search_bench: %s\n", err.msg);
        return err.code;
    }
    printf("%-40s %10s %10s %6s\n", "question", "median_us", "p99_us", "reps");
    for (int pass = 0; pass < 2; pass++) {
        bool enrich = pass == 1;
        for (int len = 1; len <= 4; len++) {
            char name[64];
            snprintf(name, sizeof name, "%s%d letter%s of a surname", enrich ? "key press: " : "search: ", len,
                     len > 1 ? "s" : "");
            run(name, names, nn, len, enrich, reps);
        }
        run(enrich ? "key press: whole CRN" : "search: whole CRN", crns, nc, 0, enrich, reps);
    }
    pieces(crns, nc, reps);
    caseload_free(&list);
    app_close(&app);
    bench_free_keys(&nk);
    bench_free_keys(&ck);
    return 0;
}
