#include "testutil.h"

#include <criterion/criterion.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caseload/import.h"

char *tu_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/caseload-test-XXXXXX", base && *base ? base : "/tmp");
    char *d = mkdtemp(tmpl);
    cr_assert_not_null(d, "mkdtemp failed");
    return strdup(d);
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

void tu_rmtree(const char *dir)
{
    if (dir)
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

cl_store *tu_open(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    cl_err err = {0};
    cl_store *st = store_open(path, STORE_CREATE, &err);
    cr_assert_not_null(st, "store_open %s: %s", path, err.msg);
    store_set_actor(st, "TEST", "2026-11-24T09:00");
    return st;
}

char *tu_write_file(const char *dir, const char *name, const char *text)
{
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
    return path;
}

char *tu_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

cl_date tu_date(const char *iso)
{
    cl_date d;
    cr_assert(date_parse_iso(iso, &d), "bad date in test: %s", iso);
    return d;
}

long long tu_query_int(const char *dir, const char *name, const char *sql)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW, "%s", sql);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

char *tu_export(cl_store *st, const char *kind)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cl_err err = {0};
    cr_assert_eq(exp_write(st, csv_format_find(kind), f, &err), CL_OK, "%s: %s", kind, err.msg);
    fclose(f);
    return buf;
}

void tu_report_into(void *arg, const char *problem)
{
    char *buf = arg;
    size_t n = strlen(buf);
    snprintf(buf + n, 1024 - n, "%s\n", problem);
}
