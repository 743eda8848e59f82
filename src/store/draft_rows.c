/* Draft rows. Drafts are scratch text, not records: they are replaced as
 * typing goes on and removed once saved, so they carry no audit rows. */
#include <stdlib.h>
#include <string.h>

#include "caseload/store_draft.h"
#include "store/store_int.h"

static const char *nz(const char *s) { return s ? s : ""; }

static void bind_key(sqlite3_stmt *s, const store_draft_key *k)
{
    sqlite3_bind_text(s, 1, nz(k->officer), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, nz(k->crn), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, nz(k->kind), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, nz(k->ref), -1, SQLITE_TRANSIENT);
}

/* Runs one statement in its own transaction when none is open. */
static int run(cl_store *st, sqlite3_stmt *s, cl_err *err, const char *what)
{
    bool own = !store_in_transaction(st);
    if (own && store_begin(st, err) != CL_OK) {
        sqlite3_reset(s);
        return err ? err->code : CL_EBUSY;
    }
    int rc = st_exec_stmt(st, s, err, what);
    if (!own)
        return rc;
    if (rc != CL_OK) {
        store_rollback(st);
        return rc;
    }
    return store_commit(st, err);
}

int store_draft_save(cl_store *st, const store_draft_key *k, const char *fields, const char *body,
                     cl_err *err)
{
    return store_draft_save_at(st, k, fields, body, NULL, err);
}

int store_draft_save_at(cl_store *st, const store_draft_key *k, const char *fields, const char *body,
                        const char *at, cl_err *err)
{
    static const char sql[] =
        "INSERT INTO draft(officer, crn, kind, ref, fields, body, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT(officer, crn, kind, ref) DO UPDATE SET"
        " fields = excluded.fields, body = excluded.body, updated_at = excluded.updated_at";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    bind_key(s, k);
    st_bind_text(s, 5, fields);
    sqlite3_bind_text(s, 6, nz(body), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, at && at[0] ? at : store_now(st), -1, SQLITE_TRANSIENT);
    return run(st, s, err, "saving the draft");
}

int store_draft_try_save(cl_store *st, const store_draft_key *k, const char *fields, const char *body,
                         cl_err *err)
{
    st_wait(st, false);
    int rc = store_draft_save(st, k, fields, body, err);
    st_wait(st, true);
    return rc;
}

int store_draft_load(cl_store *st, const store_draft_key *k, char **fields, char **body,
                     char *updated_at, bool *found, cl_err *err)
{
    static const char sql[] = "SELECT fields, body, updated_at FROM draft"
                              " WHERE officer = ?1 AND crn = ?2 AND kind = ?3 AND ref = ?4";
    *found = false;
    *fields = *body = NULL;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    bind_key(s, k);
    int rc = sqlite3_step(s), ret = CL_OK;
    if (rc == SQLITE_ROW) {
        const char *f = (const char *)sqlite3_column_text(s, 0);
        const char *b = (const char *)sqlite3_column_text(s, 1);
        *fields = strdup(nz(f));
        *body = strdup(nz(b));
        if (updated_at)
            st_col_copy(s, 2, updated_at, 20);
        if (!*fields || !*body) {
            free(*fields), free(*body);
            *fields = *body = NULL;
            ret = cl_err_set(err, CL_ESOFTWARE, "out of memory");
        } else {
            *found = true;
        }
    } else if (rc != SQLITE_DONE) {
        ret = st_fail(st, err, "reading a draft");
    }
    sqlite3_reset(s);
    return ret;
}

int store_draft_clear(cl_store *st, const store_draft_key *k, cl_err *err)
{
    static const char sql[] =
        "DELETE FROM draft WHERE officer = ?1 AND crn = ?2 AND kind = ?3 AND ref = ?4";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    bind_key(s, k);
    return run(st, s, err, "removing the draft");
}

int store_draft_each(cl_store *st, const char *officer, store_draft_fn fn, void *arg, cl_err *err)
{
    static const char sql[] = "SELECT crn, kind, ref, updated_at, length(CAST(body AS BLOB)) FROM draft"
                              " WHERE officer = ? ORDER BY updated_at DESC, id DESC";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, nz(officer), -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_draft_info d = {
            nz((const char *)sqlite3_column_text(s, 0)), nz((const char *)sqlite3_column_text(s, 1)),
            nz((const char *)sqlite3_column_text(s, 2)), nz((const char *)sqlite3_column_text(s, 3)),
            (size_t)sqlite3_column_int64(s, 4)};
        if (!fn(arg, &d)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading drafts");
}
