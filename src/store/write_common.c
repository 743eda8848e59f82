/* The upsert behind every store_put_*: insert unless the key exists; when it
 * does, compare the stored row with the new values in SQL (IS, so NULLs
 * compare), then update it or leave it. Three cached statements per kind with the same parameters, so a
 * bulk load reuses them row after row without re-preparing. A first load
 * (bulk.c: the table was empty) keeps its rows and inserts them
 * ST_LOAD_ROWS at a time. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/store_write.h"
#include "store/store_int.h"

/* Rows of a first load waiting to go in: copies of the records (their notes
 * copied too: the caller's buffer is reused for the next row). */
struct st_load {
    const st_upsert_sql *q;
    st_binder bind;
    size_t size, notes_off;
    int n;
    cl_err failed; /* code CL_OK until a flush fails */
    unsigned char rec[ST_LOAD_ROWS][sizeof(union {
        cl_office a; cl_staff b; cl_offender c; cl_order d; cl_requirement e;
        cl_registration f; cl_appointment g; cl_contact h; cl_report i; cl_holiday j;
        cl_setting k;
    })];
    char *notes[ST_LOAD_ROWS];
    size_t notes_cap[ST_LOAD_ROWS];
    /* The many-row insert, prepared once; its bindings are not cleared
     * between runs, so each text parameter keeps its buffer (no allocation
     * per value). */
    sqlite3_stmt *stmt;
};

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

void st_load_forget(cl_store *st)
{
    struct st_load *l = st->load;
    if (!l)
        return;
    for (int i = 0; i < ST_LOAD_ROWS; i++)
        free(l->notes[i]);
    sqlite3_finalize(l->stmt);
    free(l);
    st->load = NULL;
}

/* A failed flush is kept: the load fails with it, however it is asked next. */
static int load_fail(struct st_load *l, cl_err *e, cl_err *err)
{
    if (e->code == CL_OK)
        cl_err_set(e, CL_ESOFTWARE, "saving %s", l->q->what);
    l->failed = *e;
    if (err)
        *err = *e;
    return e->code;
}

int st_load_flush(cl_store *st, cl_err *err)
{
    struct st_load *l = st->load;
    if (!l)
        return CL_OK;
    if (l->failed.code != CL_OK) {
        if (err)
            *err = l->failed;
        return l->failed.code;
    }
    int n = l->n;
    l->n = 0;
    cl_err e = {0};
    if (n == ST_LOAD_ROWS) {
        if (!l->stmt) {
            if (sqlite3_prepare_v3(st->db, l->q->load, -1, SQLITE_PREPARE_PERSISTENT, &l->stmt, NULL) != SQLITE_OK) {
                st_fail(st, &e, "preparing a load");
                return load_fail(l, &e, err);
            }
            if (sqlite3_bind_parameter_count(l->stmt) != ST_LOAD_ROWS * l->q->nparams) {
                cl_err_set(&e, CL_ESOFTWARE, "%s: the load statement has %d parameters, not %d",
                           l->q->what, sqlite3_bind_parameter_count(l->stmt), ST_LOAD_ROWS * l->q->nparams);
                return load_fail(l, &e, err);
            }
        }
        sqlite3_stmt *s = l->stmt;
        for (int k = 0; k < n; k++)
            l->bind(s, k * l->q->nparams, l->rec[k]);
        if (step(st, s, l->q->what, &e) != CL_OK)
            return load_fail(l, &e, err);
        if (sqlite3_changes(st->db) != n)
            {
            cl_err_set(&e, CL_ESOFTWARE, "%s: a key met twice in a first load", l->q->what);
            return load_fail(l, &e, err);
        }
        return CL_OK;
    }
    for (int k = 0; k < n; k++) {
        sqlite3_stmt *s = st_stmt(st, l->q->insert, &e);
        if (!s)
            return load_fail(l, &e, err);
        l->bind(s, 0, l->rec[k]);
        if (step(st, s, l->q->what, &e) != CL_OK)
            return load_fail(l, &e, err);
        if (sqlite3_changes(st->db) != 1)
            {
            cl_err_set(&e, CL_ESOFTWARE, "%s: a key met twice in a first load", l->q->what);
            return load_fail(l, &e, err);
        }
    }
    return CL_OK;
}

/* A first load: keep a copy of the row; insert when ST_LOAD_ROWS are kept. */
static int load_put(cl_store *st, const st_upsert_sql *q, st_binder bind, const void *rec, cl_err *err)
{
    struct st_load *l = st->load;
    if (!l) {
        if (!(l = st->load = calloc(1, sizeof *l)))
            return cl_err_set(err, CL_ESOFTWARE, "out of memory");
        st_kind_record(st->fast_kind, &l->size, &l->notes_off);
        if (l->size > sizeof l->rec[0])
            return cl_err_set(err, CL_ESOFTWARE, "record too big to keep");
    }
    if (l->failed.code != CL_OK) {
        if (err)
            *err = l->failed;
        return l->failed.code;
    }
    if (l->q && l->q != q) /* one kind a load */
        return cl_err_set(err, CL_ESOFTWARE, "%s: written during a load of another kind", q->what);
    l->q = q;
    l->bind = bind;
    int k = l->n;
    memcpy(l->rec[k], rec, l->size);
    if (l->notes_off) {
        char **notes = (char **)(void *)(l->rec[k] + l->notes_off);
        if (*notes) {
            size_t len = strlen(*notes) + 1;
            if (len > l->notes_cap[k]) {
                char *grown = realloc(l->notes[k], len);
                if (!grown)
                    return cl_err_set(err, CL_ESOFTWARE, "out of memory");
                l->notes[k] = grown;
                l->notes_cap[k] = len;
            }
            memcpy(l->notes[k], *notes, len);
            *notes = l->notes[k];
        }
    }
    if (++l->n == ST_LOAD_ROWS)
        return st_load_flush(st, err);
    return CL_OK;
}

int st_upsert(cl_store *st, const st_upsert_sql *q, st_binder bind, const void *rec,
              store_put_res *res, cl_err *err)
{
    if (!store_in_transaction(st))
        return cl_err_set(err, CL_ESOFTWARE, "writing %s outside a transaction", q->what);
    if (st->fast && q->load) {
        if (res)
            *res = STORE_INSERTED; /* the table was empty and the importer refuses repeated keys */
        return load_put(st, q, bind, rec, err);
    }
    /* A new key (every row of a first load) costs one statement: the insert
     * does nothing when the key exists, and then we compare. */
    sqlite3_stmt *s = st_stmt(st, q->insert, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    bind(s, 0, rec);
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
    bind(s, 0, rec);
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
    bind(s, 0, rec);
    if (step(st, s, q->what, err) != CL_OK)
        return err ? err->code : CL_EIO;
    if (res)
        *res = STORE_UPDATED;
    return CL_OK;
}
