/* The audit trail of one person, oldest first, through the audit_crn index.
 * A person first recorded under a provisional court reference keeps the rows
 * written before the real CRN arrived: the 'crn-replaced' rows lead back to
 * every earlier reference, so the trail stays whole. */
#include "caseload/store_audit.h"

#include "store/store_int.h"

static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

int store_audit_each(cl_store *st, const char *crn, store_audit_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "WITH RECURSIVE refs(c) AS (SELECT ?1 UNION"
        " SELECT json_extract(a.detail, '$.from') FROM audit a JOIN refs ON a.crn = refs.c"
        " WHERE a.action = 'crn-replaced' AND json_valid(a.detail))"
        " SELECT id, at, who, action, entity, key, detail FROM audit"
        " WHERE crn IN (SELECT c FROM refs) ORDER BY id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn ? crn : "", -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_audit_row r = {sqlite3_column_int64(s, 0), col(s, 1), col(s, 2), col(s, 3),
                             col(s, 4), col(s, 5), col(s, 6)};
        int stop = fn(arg, &r);
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
