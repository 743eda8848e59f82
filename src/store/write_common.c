/* The upsert behind every store_put_*: look the key up, compare the stored row
 * with the new values in SQL (IS, so NULLs compare), then insert, update or
 * leave it. Three cached statements per kind with the same parameters, so a
 * bulk load reuses them row after row without re-preparing. */
#include <stdio.h>

#include "caseload/store_write.h"
#include "store/store_int.h"

int st_upsert(cl_store *st, const st_upsert_sql *q, st_binder bind, const void *rec,
              store_put_res *res, cl_err *err)
{
    if (!store_in_transaction(st))
        return cl_err_set(err, CL_ESOFTWARE, "writing %s outside a transaction", q->what);
    sqlite3_stmt *s = st_stmt(st, q->check, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    bind(s, rec);
    int rc = sqlite3_step(s);
    int same = -1; /* -1: new key */
    if (rc == SQLITE_ROW)
        same = sqlite3_column_int(s, 0) != 0;
    else if (rc != SQLITE_DONE) {
        int code = st_fail(st, err, "reading before a write");
        sqlite3_reset(s);
        return code;
    }
    sqlite3_reset(s);

    const char *sql;
    store_put_res outcome;
    if (same == 1) {
        if (res)
            *res = STORE_UNCHANGED;
        return CL_OK;
    } else if (same == 0) {
        if (!q->update)
            return cl_err_set(err, CL_EDATA, "%ss cannot be changed: add a correction", q->what);
        sql = q->update;
        outcome = STORE_UPDATED;
    } else {
        sql = q->insert;
        outcome = STORE_INSERTED;
    }
    if (!(s = st_stmt(st, sql, err)))
        return err ? err->code : CL_ESOFTWARE;
    bind(s, rec);
    char what[64];
    snprintf(what, sizeof what, "saving %s", q->what);
    if (st_exec_stmt(st, s, err, what) != CL_OK)
        return err ? err->code : CL_EIO;
    if (res)
        *res = outcome;
    return CL_OK;
}
