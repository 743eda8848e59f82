/* The diary's benchmarks (make bench, bench/diary.sh):
 *
 *   bench_diary query DB BASE [DAYS]
 *       the office day view query (store_appt_range, what the screen and
 *       `caseload diary` run) for every office on each business day of the
 *       DAYS (default 20) business days from BASE, then the same day lists
 *       with names and risk (sched_day_load); median, p99 and max in us.
 *   bench_diary ics DB N OUT.ics
 *       the first N appointments (in time order) of as many offices as it
 *       takes, written as one calendar through the diary's iCalendar writer
 *       (the calcurse subset).
 *   bench_diary run N -- COMMAND ARG...
 *       runs a whole process N times (stdout to /dev/null) and reports
 *       median, p99 and max wall time in ms. Arguments "{office}" and
 *       "{date}" take the next office (of $BENCH_OFFICES, comma separated)
 *       and date (of $BENCH_DATES) in turn, so the runs are not one query.
 *
 * Times come from CLOCK_MONOTONIC: this is a benchmark, not a rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "caseload/diary_out.h"
#include "caseload/sched.h"
#include "caseload/store_appt.h"
#include "caseload/store_write.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, double *v, size_t n, double scale, const char *unit)
{
    if (n == 0) {
        printf("%s: no samples\n", what);
        return;
    }
    qsort(v, n, sizeof *v, cmp_double);
    size_t p99 = (size_t)((double)n * 0.99);
    if (p99 >= n)
        p99 = n - 1;
    size_t p90 = n * 9 / 10;
    printf("%-44s n=%-6zu median %8.3f %s  p90 %8.3f %s  p99 %8.3f %s  max %8.3f %s\n", what, n, v[n / 2] / scale,
           unit, v[p90] / scale, unit, v[p99] / scale, unit, v[n - 1] / scale, unit);
}

typedef struct codes {
    char (*v)[CL_CODE_LEN];
    size_t n, cap;
} codes;

static int add_office(void *arg, const void *rec)
{
    codes *c = arg;
    const cl_office *o = rec;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->v = realloc(c->v, c->cap * sizeof *c->v);
        if (!c->v)
            return 1;
    }
    snprintf(c->v[c->n++], CL_CODE_LEN, "%s", o->code);
    return 0;
}

static void no_row(void *arg, const store_appt_row *row)
{
    (void)row;
    ++*(size_t *)arg;
}

static int open_app(cl_app *app, const char *db)
{
    cl_err err = {0};
    if (app_open(app, db, NULL, 0, &err) != CL_OK) {
        fprintf(stderr, "bench_diary: %s\n", err.msg);
        return 1;
    }
    return 0;
}

static int load_offices(cl_app *app, codes *offices)
{
    cl_err err = {0};
    if (store_each(app->store, STORE_OFFICE, add_office, offices, &err) != CL_OK || !offices->n) {
        fprintf(stderr, "bench_diary: no offices (%s)\n", err.msg);
        return 1;
    }
    return 0;
}

static int cmd_query(const char *db, const char *base_s, int days)
{
    cl_app app;
    codes offices = {0};
    cl_date base;
    if (!date_parse_iso(base_s, &base) || open_app(&app, db) || load_offices(&app, &offices))
        return 1;
    cl_date *dates = calloc((size_t)days, sizeof *dates);
    cl_date d = cal_next_business_day_from(&app.cal, base);
    for (int i = 0; i < days; i++, d = cal_add_business_days(&app.cal, d, 1))
        dates[i] = d;
    size_t n = offices.n * (size_t)days, k = 0, rows = 0;
    double *q = calloc(n, sizeof *q), *full = calloc(n, sizeof *full);
    cl_err err = {0};
    /* One warm-up pass: the figures are for a database in use, not a cold disk. */
    for (size_t o = 0; o < offices.n; o++)
        store_appt_range(app.store, STORE_DIARY_OFFICE, offices.v[o], dates[0], dates[0], no_row, &rows, &err);
    rows = 0;
    for (int i = 0; i < days; i++)
        for (size_t o = 0; o < offices.n; o++, k++) {
            double t0 = now_us();
            if (store_appt_range(app.store, STORE_DIARY_OFFICE, offices.v[o], dates[i], dates[i], no_row, &rows,
                                 &err) != CL_OK) {
                fprintf(stderr, "bench_diary: %s\n", err.msg);
                return 1;
            }
            q[k] = now_us() - t0;
        }
    k = 0;
    for (int i = 0; i < days; i++)
        for (size_t o = 0; o < offices.n; o++, k++) {
            sched_day day;
            double t0 = now_us();
            if (sched_day_load(&app, STORE_DIARY_OFFICE, offices.v[o], dates[i], dates[i], &day, &err) != CL_OK) {
                fprintf(stderr, "bench_diary: %s\n", err.msg);
                return 1;
            }
            full[k] = now_us() - t0;
            sched_day_free(&day);
        }
    printf("office day view: %zu offices x %d business days, %.1f appointments a day on average\n", offices.n,
           days, (double)rows / (double)n);
    report("query, first look at each office-day", q, n, 1, "us");
    report("day list with names+risk, first look", full, n, 1, "us");
    /* The screen redraws the same day at every key: the same office-day 25
     * times running, over 160 office-days. */
    size_t reps = 25, pairs = offices.n < 160 ? offices.n : 160;
    double *w = calloc(reps * pairs, sizeof *w), *wf = calloc(reps * pairs, sizeof *wf);
    k = 0;
    for (size_t o = 0; o < pairs; o++)
        for (size_t r = 0; r < reps; r++, k++) {
            cl_date dd = dates[o % (size_t)days];
            double t0 = now_us();
            store_appt_range(app.store, STORE_DIARY_OFFICE, offices.v[o], dd, dd, no_row, &rows, &err);
            w[k] = now_us() - t0;
            sched_day day;
            t0 = now_us();
            sched_day_load(&app, STORE_DIARY_OFFICE, offices.v[o], dd, dd, &day, &err);
            wf[k] = now_us() - t0;
            sched_day_free(&day);
        }
    report("query, same office-day again (warm)", w, k, 1, "us");
    report("day list with names+risk, again (warm)", wf, k, 1, "us");
    free(w);
    free(wf);
    free(q);
    free(full);
    free(dates);
    free(offices.v);
    app_close(&app);
    return 0;
}

static int by_time(const void *a, const void *b)
{
    const sched_row *x = a, *y = b;
    if (x->r.a.date != y->r.a.date)
        return x->r.a.date < y->r.a.date ? -1 : 1;
    return x->r.a.start - y->r.a.start;
}

static int cmd_ics(const char *db, size_t want, const char *out)
{
    cl_app app;
    codes offices = {0};
    if (open_app(&app, db) || load_offices(&app, &offices))
        return 1;
    sched_day all = {0};
    cl_err err = {0};
    size_t used = 0;
    for (size_t o = 0; o < offices.n && all.n < want; o++, used++) {
        sched_day d;
        if (sched_day_load(&app, STORE_DIARY_OFFICE, offices.v[o], date_from_ymd(2000, 1, 1),
                           date_from_ymd(2099, 12, 31), &d, &err) != CL_OK) {
            fprintf(stderr, "bench_diary: %s\n", err.msg);
            return 1;
        }
        all.rows = realloc(all.rows, (all.n + d.n) * sizeof *all.rows);
        memcpy(all.rows + all.n, d.rows, d.n * sizeof *d.rows);
        all.n += d.n;
        sched_day_free(&d);
    }
    /* calcurse inserts each appointment into a sorted list: its load is
     * quadratic, and far less slow on input newest first (100,000: 53 s
     * against 22 minutes oldest first). Take the first `want` in time order, write them
     * newest first. */
    qsort(all.rows, all.n, sizeof *all.rows, by_time);
    if (all.n > want)
        all.n = want;
    for (size_t i = 0, j = all.n ? all.n - 1 : 0; i < j; i++, j--) {
        sched_row t = all.rows[i];
        all.rows[i] = all.rows[j];
        all.rows[j] = t;
    }
    snprintf(all.code, sizeof all.code, "bench");
    FILE *f = fopen(out, "w");
    if (!f || diary_write_ics(f, &all, &app.clock, false, &err) != CL_OK || fclose(f) != 0) {
        fprintf(stderr, "bench_diary: writing %s: %s\n", out, err.msg);
        return 1;
    }
    printf("%zu appointments of %zu offices written to %s\n", all.n, used, out);
    free(all.rows);
    free(offices.v);
    app_close(&app);
    return 0;
}

/* The n-th item of a comma-separated list (cycling). */
static void pick(const char *list, size_t n, char *out, size_t len)
{
    size_t items = 1;
    for (const char *p = list; *p; p++)
        items += *p == ',';
    n %= items;
    const char *p = list;
    while (n--)
        p = strchr(p, ',') + 1;
    size_t l = strcspn(p, ",");
    snprintf(out, len, "%.*s", (int)(l < len ? l : len - 1), p);
}

static int cmd_run(int runs, int argc, char **argv)
{
    const char *offices = getenv("BENCH_OFFICES"), *dates = getenv("BENCH_DATES");
    double *t = calloc((size_t)runs, sizeof *t);
    char **args = calloc((size_t)argc + 1, sizeof *args);
    char office[64], date[64];
    for (int r = 0; r < runs; r++) {
        pick(offices ? offices : "", (size_t)r, office, sizeof office);
        pick(dates ? dates : "", (size_t)r / 7, date, sizeof date);
        for (int i = 0; i < argc; i++)
            args[i] = !strcmp(argv[i], "{office}") ? office : !strcmp(argv[i], "{date}") ? date : argv[i];
        double t0 = now_us();
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, STDOUT_FILENO);
            execvp(args[0], args);
            _exit(127);
        }
        int status;
        waitpid(pid, &status, 0);
        t[r] = now_us() - t0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_diary: %s exited %d\n", args[0], WEXITSTATUS(status));
            return 1;
        }
    }
    char what[256];
    snprintf(what, sizeof what, "%s (whole process)", getenv("BENCH_LABEL") ? getenv("BENCH_LABEL") : argv[0]);
    report(what, t, (size_t)runs, 1000, "ms");
    free(t);
    free(args);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "query"))
        return cmd_query(argv[2], argv[3], argc > 4 ? atoi(argv[4]) : 20);
    if (argc == 5 && !strcmp(argv[1], "ics"))
        return cmd_ics(argv[2], (size_t)atol(argv[3]), argv[4]);
    if (argc >= 5 && !strcmp(argv[1], "run") && !strcmp(argv[3], "--"))
        return cmd_run(atoi(argv[2]), argc - 4, argv + 4);
    fprintf(stderr, "usage: bench_diary query DB BASE [DAYS] | ics DB N OUT.ics | run N -- COMMAND ARG...\n");
    return 64;
}
