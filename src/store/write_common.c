/* The upsert behind every store_put_*: insert unless the key exists; when it
 * does, compare the stored row with the new values in SQL (IS, so NULLs
 * compare), then update it or leave it. Three cached statements per kind with the same parameters, so a
 * bulk load reuses them row after row without re-preparing. */
#include <stdbool.h>
#include <stdio.h>

#include "caseload/store_write.h"
#include "store/store_int.h"

/* Runs one statement; the message is built only when it fails. */
static int step(cl_store *st, sqlite3_stmt *s, const char *what, cl_err *err)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        sqlite3_reset(s);
        return CL_OK;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "saving %s", what);
    int code = st_fail(st, err, msg);
    sqlite3_reset(s);
    return code;
}

int st_upsert(cl_store *st, const st_upsert_sql *q, st_binder bind, const void *rec,
              store_put_res *res, cl_err *err)
{
    if (!store_in_transaction(st))
        return cl_err_set(err, CL_ESOFTWARE, "writing %s outside a transaction", q->what);
    /* A new key (every row of a first load) costs one statement: the insert
     * does nothing when the key exists, and then we compare. */
    sqlite3_stmt *s = st_stmt(st, q->insert, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    bind(s, rec);
    if (step(st, s, q->what, err) != CL_OK)
        return err ? err->code : CL_EIO;
    if (sqlite3_changes(st->db) > 0) {
        if (res)
            *res = STORE_INSERTED;
        return CL_OK;
    }
    if (st->fast) /* a first load: the table was empty and the importer refuses repeated keys */
        return cl_err_set(err, CL_ESOFTWARE, "%s: a key met twice in a first load", q->what);
    if (!(s = st_stmt(st, q->check, err)))
        return err ? err->code : CL_ESOFTWARE;
    bind(s, rec);
    int rc = sqlite3_step(s);
    bool same = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    if (rc != SQLITE_ROW) {
        /* No row after a refused insert cannot happen; an error can. */
        int code = rc == SQLITE_DONE ? cl_err_set(err, CL_ESOFTWARE, "%s vanished while saving", q->what)
                                     : st_fail(st, err, "reading before a write");
        sqlite3_reset(s);
        return code;
    }
    sqlite3_reset(s);
    if (same) {
        if (res)
            *res = STORE_UNCHANGED;
        return CL_OK;
    }
    if (!q->update)
        return cl_err_set(err, CL_EDATA, "%ss cannot be changed: add a correction", q->what);
    if (!(s = st_stmt(st, q->update, err)))
        return err ? err->code : CL_ESOFTWARE;
    bind(s, rec);
    if (step(st, s, q->what, err) != CL_OK)
        return err ? err->code : CL_EIO;
    if (res)
        *res = STORE_UPDATED;
    return CL_OK;
}
