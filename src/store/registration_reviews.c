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
    /* Rows written since schema 8 give [old, new] of the changed columns
     * and always of the review and end dates: a review is one that changed
     * nothing else of an active row than those and the day it was done (an
     * end, or an import's change of other columns, is not one). Older rows
     * keep only the old values: the state after one is the next old row's
     * values, or, for the last, the row itself with every later change undone
     * (each column's value before the first newer row that changed it).
     * json_patch('{}', ..) drops nulls so an absent and a null column compare
     * equal. The day a review was done is the one it set (an import that
     * moved only the review date did not set one, nor did reviews before
     * schema 7). The person's earlier
     * references (crn-replaced) are followed as store_audit_each does. */
    static const char sql[] =
        "WITH RECURSIVE refs(c) AS (SELECT crn FROM registration WHERE id = ?1 UNION"
        " SELECT json_extract(a.detail, '$.from') FROM audit a JOIN refs ON a.crn = refs.c"
        " WHERE a.action = 'crn-replaced' AND json_valid(a.detail)),"
        " upd AS (SELECT id, at, who, detail, changes FROM audit"
        " WHERE crn IN (SELECT c FROM refs) AND entity = 'registration' AND key = CAST(?1 AS TEXT)"
        " AND action = 'update'),"
        " undo AS (SELECT json_group_object(k, v) AS j FROM (SELECT e.key AS k,"
        " json_extract(e.value, '$[0]') AS v, min(u.id) FROM upd u, json_each(u.changes) e"
        " WHERE u.changes IS NOT NULL GROUP BY e.key)),"
        " cur AS (SELECT json_patch(json_object('type',type,'category',category,'level',level,"
        " 'start_date',start_date,'review_date',review_date,'end_date',end_date,'notes',notes,'reason',reason,"
        " 'reviewed_on',reviewed_on), coalesce((SELECT j FROM undo), '{}')) AS j FROM registration WHERE id = ?1),"
        " old AS (SELECT id, at, who, detail, coalesce(lead(detail) OVER (ORDER BY id), (SELECT j FROM cur)) AS after"
        " FROM upd WHERE changes IS NULL AND json_valid(detail))"
        " SELECT at, who, json_extract(detail, '$.review_date'), json_extract(after, '$.review_date'),"
        " CASE WHEN json_extract(after, '$.reviewed_on') IS NOT json_extract(detail, '$.reviewed_on')"
        " THEN json_extract(after, '$.reviewed_on') END, id FROM old"
        " WHERE json_extract(detail, '$.end_date') IS NULL AND json_extract(after, '$.end_date') IS NULL"
        " AND json_patch('{}', json_remove(detail, '$.review_date', '$.reviewed_on'))"
        " = json_patch('{}', json_remove(after, '$.review_date', '$.reviewed_on'))"
        " UNION ALL"
        " SELECT at, who, json_extract(changes, '$.review_date[0]'), json_extract(changes, '$.review_date[1]'),"
        " json_extract(changes, '$.reviewed_on[1]'), id"
        " FROM upd WHERE changes IS NOT NULL AND json_extract(changes, '$.end_date[0]') IS NULL"
        " AND json_extract(changes, '$.end_date[1]') IS NULL"
        " AND json_remove(changes, '$.review_date', '$.end_date', '$.reviewed_on') = '{}' ORDER BY 6";
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
