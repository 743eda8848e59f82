/* A registration's reviews, read back from the audit trail: each update of
 * an active row that changed nothing but its review (the next review date
 * and the day the review was done) is one review, with who recorded it,
 * when, the day it was done, and the review date before and after. Nothing
 * else records them. */
#include "caseload/store_reg.h"
#include "store/store_int.h"

static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

int store_reg_reviews(cl_store *st, long long id, store_reg_review_fn fn, void *arg, cl_err *err)
{
    /* The audit rows keep the old values; the state after an update is the
     * next update's old values, or the row itself for the latest. A review
     * is an update of an active row that changed nothing but the review date
     * and the day it was done (a review may change neither); an end or
     * an import's change of other columns is not one. The day a review was
     * done is the one it set (an import that moved only the review date did
     * not set one, nor did reviews before schema 7). The person's earlier
     * references (crn-replaced) are followed as store_audit_each does. */
    static const char sql[] =
        "WITH RECURSIVE refs(c) AS (SELECT crn FROM registration WHERE id = ?1 UNION"
        " SELECT json_extract(a.detail, '$.from') FROM audit a JOIN refs ON a.crn = refs.c"
        " WHERE a.action = 'crn-replaced' AND json_valid(a.detail)),"
        " upd AS (SELECT id, at, who, detail FROM audit"
        " WHERE crn IN (SELECT c FROM refs) AND entity = 'registration' AND key = CAST(?1 AS TEXT)"
        " AND action = 'update' AND json_valid(detail)),"
        " seq AS (SELECT id, at, who, detail, coalesce(lead(detail) OVER (ORDER BY id),"
        " (SELECT json_object('type',type,'category',category,'level',level,'start_date',start_date,"
        " 'review_date',review_date,'end_date',end_date,'notes',notes,'reason',reason,'reviewed_on',reviewed_on)"
        " FROM registration WHERE id = ?1)) AS after FROM upd)"
        " SELECT at, who, json_extract(detail, '$.review_date'), json_extract(after, '$.review_date'),"
        " CASE WHEN json_extract(after, '$.reviewed_on') IS NOT json_extract(detail, '$.reviewed_on')"
        " THEN json_extract(after, '$.reviewed_on') END FROM seq"
        " WHERE json_extract(detail, '$.end_date') IS NULL AND json_extract(after, '$.end_date') IS NULL"
        " AND json_remove(detail, '$.review_date', '$.reviewed_on') = json_remove(after, '$.review_date', '$.reviewed_on')"
        " ORDER BY id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_int64(s, 1, id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_reg_review r = {col(s, 0), col(s, 1), st_col_date(s, 2), st_col_date(s, 3), st_col_date(s, 4)};
        fn(arg, &r);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading a registration's reviews");
}
