#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>

#include "seed.h"

static sqlite3 *open_raw(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_busy_timeout(db, 5000);
    return db;
}

void seed_exec(const char *dir, const char *name, const char *sql)
{
    sqlite3 *db = open_raw(dir, name);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    cr_assert_eq(rc, SQLITE_OK, "seed: %s\n%s", msg ? msg : "", sql);
    sqlite3_close(db);
}

static sqlite3_stmt *first_row(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    sqlite3_step(s);
    return s;
}

int seed_int(const char *dir, const char *name, const char *sql)
{
    sqlite3 *db = open_raw(dir, name);
    sqlite3_stmt *s = first_row(db, sql);
    int v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

char *seed_text(const char *dir, const char *name, const char *sql, char *buf, size_t len)
{
    sqlite3 *db = open_raw(dir, name);
    sqlite3_stmt *s = first_row(db, sql);
    const unsigned char *t = sqlite3_column_text(s, 0);
    snprintf(buf, len, "%s", t ? (const char *)t : "");
    sqlite3_finalize(s);
    sqlite3_close(db);
    return buf;
}
