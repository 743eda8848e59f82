/* A registration's reviews, read back from the audit trail: each update of
 * an active row that moved its review date is one review, with who made it,
 * when, and the review date before and after. Nothing else records them. */
#include "caseload/store_reg.h"
#include "store/store_int.h"

static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

int store_reg_reviews(cl_store *st, long long id, store_reg_review_fn fn, void *arg, cl_err *err)
{
    /* The audit rows keep the old values; the new review date is the next
     * update's old value, or the row's own for the latest. The person's
     * earlier references (crn-replaced) are followed as store_audit_each does. */
    static const char sql[] =
        "WITH RECURSIVE refs(c) AS (SELECT crn FROM registration WHERE id = ?1 UNION"
        " SELECT json_extract(a.detail, '$.from') FROM audit a JOIN refs ON a.crn = refs.c"
        " WHERE a.action = 'crn-replaced' AND json_valid(a.detail)),"
        " upd AS (SELECT id, at, who, json_extract(detail, '$.review_date') AS was,"
        " json_extract(detail, '$.end_date') AS ended FROM audit"
        " WHERE crn IN (SELECT c FROM refs) AND entity = 'registration' AND key = CAST(?1 AS TEXT)"
        " AND action = 'update' AND json_valid(detail)),"
        " seq AS (SELECT id, at, who, was, ended, coalesce(lead(was) OVER (ORDER BY id),"
        " (SELECT review_date FROM registration WHERE id = ?1)) AS next FROM upd)"
        " SELECT at, who, was, next FROM seq WHERE ended IS NULL AND was IS NOT next ORDER BY id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_int64(s, 1, id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_reg_review r = {col(s, 0), col(s, 1), st_col_date(s, 2), st_col_date(s, 3)};
        fn(arg, &r);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading a registration's reviews");
}
