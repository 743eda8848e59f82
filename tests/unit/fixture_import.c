#include "fixture_import.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

char *fi_dir;
cl_store *fi_st;
char fi_errors[1 << 14];
static char db_name[64];

void fi_open(const char *name)
{
    fi_dir = tu_tmpdir();
    snprintf(db_name, sizeof db_name, "%s", name);
    fi_st = tu_open(fi_dir, name);
    fi_errors[0] = '\0';
}

void fi_close(void)
{
    store_close(fi_st);
    tu_rmtree(fi_dir);
    free(fi_dir);
}

void fi_collect(void *arg, const char *line)
{
    (void)arg;
    if (strlen(fi_errors) + strlen(line) + 2 < sizeof fi_errors) {
        strcat(fi_errors, line);
        strcat(fi_errors, "\n");
    }
}

int fi_load(const char *kind, const char *path, imp_counts *n, bool dry)
{
    imp_opts o = {.dry_run = dry, .report = fi_collect};
    cl_err err = {0};
    imp_counts dummy;
    const csv_format *fmt = csv_format_find(kind);
    cr_assert_not_null(fmt, "%s", kind);
    return imp_file(fi_st, fmt, path, &o, n ? n : &dummy, &err);
}

int fi_load_text(const char *kind, const char *name, const char *text, imp_counts *n, bool dry)
{
    char *path = tu_write_file(fi_dir, name, text);
    int rc = fi_load(kind, path, n, dry);
    free(path);
    return rc;
}

void fi_load_fixtures(const char *const *kinds, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/data/csv/%s.csv", kinds[i]);
        cr_assert_eq(fi_load(kinds[i], path, NULL, false), CL_OK, "importing %s: %s", path, fi_errors);
    }
}

char *fi_q_text_in(const char *path, const char *sql)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW, "%s", sql);
    const char *t = (const char *)sqlite3_column_text(s, 0);
    char *v = strdup(t ? t : "");
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

char *fi_q_text(const char *sql)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", fi_dir, db_name);
    return fi_q_text_in(path, sql);
}

char *fi_export(cl_store *st, const char *kind)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cl_err err = {0};
    cr_assert_eq(exp_write(st, csv_format_find(kind), f, &err), CL_OK, "%s", err.msg);
    fclose(f);
    return buf;
}
