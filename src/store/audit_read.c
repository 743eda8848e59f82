/* The audit trail of one person, oldest first, through the audit_crn index.
 * A person first recorded under a provisional court reference keeps the rows
 * written before the real CRN arrived: the 'crn-replaced' rows lead back to
 * every earlier reference, so the trail stays whole. */
#include <stdlib.h>
#include <string.h>

#include "caseload/store_audit.h"

#include "store/store_int.h"

static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

static char *copy(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? strdup((const char *)t) : NULL;
}

typedef struct fields {
    store_audit_field *v;
    size_t n;
} fields;

static void fields_free(fields *f)
{
    for (size_t i = 0; i < f->n; i++)
        free((char *)f->v[i].name), free((char *)f->v[i].old), free((char *)f->v[i].new_);
    free(f->v);
    *f = (fields){0};
}

/* The members of a JSON object (an invalid or non-object text gives none):
 * with pairs, each value is [old, new]; else each value is one value. */
static int read_fields(cl_store *st, const char *json, bool pairs, fields *out, cl_err *err)
{
    static const char sql_pairs[] =
        "SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each("
        "CASE WHEN json_valid(?1) AND json_type(?1) = 'object' THEN ?1 ELSE '{}' END)";
    static const char sql_values[] =
        "SELECT key, value, NULL FROM json_each("
        "CASE WHEN json_valid(?1) AND json_type(?1) = 'object' THEN ?1 ELSE '{}' END)";
    *out = (fields){0};
    if (!json || !*json)
        return CL_OK;
    sqlite3_stmt *s = st_stmt(st, pairs ? sql_pairs : sql_values, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, json, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_audit_field *grown = realloc(out->v, (out->n + 1) * sizeof *grown);
        if (!grown) {
            sqlite3_reset(s);
            fields_free(out);
            return cl_err_set(err, CL_ESOFTWARE, "out of memory");
        }
        out->v = grown;
        out->v[out->n++] = (store_audit_field){copy(s, 0), copy(s, 1), copy(s, 2)};
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        fields_free(out);
        return st_fail(st, err, "reading the audit trail");
    }
    return CL_OK;
}

int store_audit_each(cl_store *st, const char *crn, store_audit_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "WITH RECURSIVE refs(c) AS (SELECT ?1 UNION"
        " SELECT json_extract(a.detail, '$.from') FROM audit a JOIN refs ON a.crn = refs.c"
        " WHERE a.action = 'crn-replaced' AND json_valid(a.detail))"
        " SELECT id, at, who, action, entity, key, detail, act, reason, via, subject, changes,"
        " changes IS NULL AND action = 'update' FROM audit"
        " WHERE crn IN (SELECT c FROM refs) ORDER BY id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn ? crn : "", -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        fields ch, det;
        int frc = read_fields(st, col(s, 11), true, &ch, err);
        if (frc == CL_OK && (frc = read_fields(st, col(s, 6), false, &det, err)) != CL_OK)
            fields_free(&ch);
        if (frc != CL_OK) {
            sqlite3_reset(s);
            return frc;
        }
        store_audit_row r = {sqlite3_column_int64(s, 0), col(s, 1), col(s, 2), col(s, 3), col(s, 4),
                             col(s, 5), col(s, 6), col(s, 7), col(s, 8), col(s, 9), col(s, 10),
                             sqlite3_column_int(s, 12) != 0, ch.v, ch.n, det.v, det.n};
        int stop = fn(arg, &r);
        fields_free(&ch);
        fields_free(&det);
        if (stop) {
            sqlite3_reset(s);
            return stop;
        }
    }
    if (rc != SQLITE_DONE) {
        int code = st_fail(st, err, "reading the audit trail");
        sqlite3_reset(s);
        return code;
    }
    sqlite3_reset(s);
    return CL_OK;
}

int store_audit_replaced_by(cl_store *st, const char *old, char *out, size_t len, cl_err *err)
{
    /* The partial index audit_replaced (schema 8) answers this. */
    static const char sql[] = "SELECT json_extract(detail, '$.to') FROM audit"
                              " WHERE action = 'crn-replaced' AND json_extract(detail, '$.from') = ?1"
                              " ORDER BY id DESC LIMIT 1";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, old ? old : "", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st_col_copy(s, 0, out, len);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return CL_ENOINPUT;
    return st_fail(st, err, "reading the audit trail");
}
