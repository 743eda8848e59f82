#include <stdio.h>

#include "caseload/store_setting.h"
#include "store/store_int.h"

int store_setting_get(cl_store *st, const char *scope, const char *key, char *buf, size_t len,
                      bool *found, cl_err *err)
{
    static const char sql[] = "SELECT value FROM setting WHERE scope = ? AND key = ?";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    *found = false;
    if (len)
        buf[0] = '\0';
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, scope, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
        st_col_copy(s, 0, buf, len);
        *found = true;
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading settings");
}

int store_setting_each(cl_store *st, store_setting_fn fn, void *arg, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT scope, key, value FROM setting WHERE value IS NOT NULL", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
           (const char *)sqlite3_column_text(s, 2));
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading settings");
}

int store_setting_set(cl_store *st, const char *scope, const char *key, const char *value, cl_err *err)
{
    static const char sql[] =
        "INSERT INTO setting(scope, key, value) VALUES (?, ?, ?)"
        " ON CONFLICT(scope, key) DO UPDATE SET value = excluded.value";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, scope, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, key, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 3, value);
    return st_exec_stmt(st, s, err, "saving a setting");
}
