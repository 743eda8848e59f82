#include "caseload/store_risk.h"
#include "store/store_int.h"

int store_reg_each_active(cl_store *st, const char *crn, store_reg_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "SELECT type, category, level, start_date, review_date FROM registration"
        " WHERE crn = ? AND end_date IS NULL";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        risk_reg_row row = {
            .type = (const char *)sqlite3_column_text(s, 0),
            .category = (const char *)sqlite3_column_text(s, 1),
            .level = (const char *)sqlite3_column_text(s, 2),
            .start = st_col_date(s, 3),
            .review = st_col_date(s, 4),
        };
        fn(arg, &row);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading registrations");
}
