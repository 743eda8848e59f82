#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>

#include "court_seed.h"

static void fn_text(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    sqlite3_result_text(c, sqlite3_user_data(c), -1, SQLITE_STATIC);
}
static void fn_zero(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    sqlite3_result_int(c, 0);
}

static sqlite3 *cs_open(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_create_function(db, "cl_who", 0, SQLITE_UTF8, (void *)"SEED", fn_text, NULL, NULL);
    sqlite3_create_function(db, "cl_now", 0, SQLITE_UTF8, (void *)"2026-11-01T09:00", fn_text, NULL, NULL);
    sqlite3_create_function(db, "cl_bulk", 0, SQLITE_UTF8, NULL, fn_zero, NULL, NULL);
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    sqlite3_busy_timeout(db, 5000);
    return db;
}

void cs_exec(const char *dir, const char *name, const char *sql)
{
    sqlite3 *db = cs_open(dir, name);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    cr_assert_eq(rc, SQLITE_OK, "seed SQL failed: %s", msg ? msg : "?");
    sqlite3_close(db);
}

static sqlite3_stmt *first_row(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW, "no row: %s", sql);
    return s;
}

long long cs_int(const char *dir, const char *name, const char *sql)
{
    sqlite3 *db = cs_open(dir, name);
    sqlite3_stmt *s = first_row(db, sql);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

char *cs_text(const char *dir, const char *name, const char *sql, char *buf, size_t len)
{
    sqlite3 *db = cs_open(dir, name);
    sqlite3_stmt *s = first_row(db, sql);
    const char *t = (const char *)sqlite3_column_text(s, 0);
    snprintf(buf, len, "%s", t ? t : "");
    sqlite3_finalize(s);
    sqlite3_close(db);
    return buf;
}
