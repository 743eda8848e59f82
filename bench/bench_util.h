/* What every bench program shares: the keys file reader, the clock, and the
 * median / 99th percentile line. Header-only: each bench is one file. */
#ifndef CASELOAD_BENCH_UTIL_H
#define CASELOAD_BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct keys {
    char **v;
    size_t n;
} keys;

/* One key a line from DIR/NAME (bench/run.sh writes them); exits 66 when the
 * file is missing or empty, naming the tool. */
static inline keys bench_read_keys(const char *tool, const char *dir, const char *name)
{
    char path[4096], line[256];
    snprintf(path, sizeof path, "%s%s%s", dir, name ? "/" : "", name ? name : "");
    keys k = {0};
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: %s: cannot open\n", tool, path);
        exit(66);
    }
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!*line)
            continue;
        if (k.n == cap) {
            cap = cap ? cap * 2 : 64;
            char **v = realloc(k.v, cap * sizeof *v);
            if (!v)
                exit(70);
            k.v = v;
        }
        k.v[k.n++] = strdup(line);
    }
    fclose(f);
    if (!k.n) {
        fprintf(stderr, "%s: %s: no keys\n", tool, path);
        exit(66);
    }
    return k;
}

static inline void bench_free_keys(keys *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->v[i]);
    free(k->v);
}

/* Monotonic microseconds. */
static inline double bench_now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sorts t and prints "NAME median_us p99_us reps". */
static inline void bench_report(const char *name, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, bench_cmp_double);
    int p99 = (int)((double)n * 0.99);
    if (p99 >= n)
        p99 = n - 1;
    printf("%-34s %10.1f %10.1f %6d\n", name, t[n / 2], t[p99], n);
    fflush(stdout);
}

#endif
