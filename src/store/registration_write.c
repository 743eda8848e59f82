/* Registration rows: inserts, ends, reviews and whole-row reads. */
#include <stdio.h>
#include <string.h>

#include "caseload/store_reg.h"
#include "store/store_int.h"

#define FAIL_STMT(s) if (!(s)) return err ? err->code : CL_ESOFTWARE

int store_reg_person_exists(cl_store *st, const char *crn, bool *exists, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT 1 FROM offender WHERE crn = ?", err);
    FAIL_STMT(s);
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    *exists = rc == SQLITE_ROW;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "looking up a person");
}

int store_reg_insert(cl_store *st, const cl_registration *r, long long *id, cl_err *err)
{
    static const char sql[] =
        "INSERT INTO registration(crn, type, category, level, start_date, review_date, notes,"
        " registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, cl_who())";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    FAIL_STMT(s);
    sqlite3_bind_text(s, 1, r->crn, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, r->type, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 3, r->category);
    st_bind_text(s, 4, r->level);
    st_bind_date(s, 5, r->start_date);
    st_bind_date(s, 6, r->review_date);
    st_bind_text(s, 7, r->notes);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE) {
        sqlite3_reset(s);
        char d[CL_DATE_LEN];
        return cl_err_set(err, CL_EDATA, "%s: %s is already registered from %s", r->crn, r->type,
                          date_format(r->start_date, d));
    }
    if (rc != SQLITE_DONE) {
        int code = st_fail(st, err, "adding a registration");
        sqlite3_reset(s);
        return code;
    }
    sqlite3_reset(s);
    *id = sqlite3_last_insert_rowid(st->db);
    return CL_OK;
}

int store_reg_end(cl_store *st, long long id, cl_date end, const char *reason, cl_err *err)
{
    static const char sql[] =
        "UPDATE registration SET end_date = ?, reason = ?, changed_by = cl_who(), changed_at = cl_now()"
        " WHERE id = ? AND end_date IS NULL";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    FAIL_STMT(s);
    st_bind_date(s, 1, end);
    sqlite3_bind_text(s, 2, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, id);
    int rc = st_exec_stmt(st, s, err, "ending a registration");
    if (rc != CL_OK)
        return rc;
    if (sqlite3_changes(st->db) != 1)
        return cl_err_set(err, CL_EDATA, "registration %lld is not active", id);
    return CL_OK;
}

int store_reg_set_review(cl_store *st, long long id, cl_date on, cl_date review, cl_err *err)
{
    static const char sql[] =
        "UPDATE registration SET review_date = ?, reviewed_on = ? WHERE id = ? AND end_date IS NULL";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    FAIL_STMT(s);
    st_bind_date(s, 1, review);
    st_bind_date(s, 2, on);
    sqlite3_bind_int64(s, 3, id);
    int rc = st_exec_stmt(st, s, err, "reviewing a registration");
    if (rc != CL_OK)
        return rc;
    if (sqlite3_changes(st->db) != 1)
        return cl_err_set(err, CL_EDATA, "registration %lld is not active", id);
    return CL_OK;
}

int store_reg_each(cl_store *st, const char *crn, bool active_only, store_reg_row_fn fn, void *arg,
                   cl_err *err)
{
    static const char all_sql[] =
        "SELECT " ST_REG_COLS " WHERE crn = ?"
        " ORDER BY end_date IS NOT NULL, end_date DESC, start_date, id";
    static const char active_sql[] =
        "SELECT " ST_REG_COLS " WHERE crn = ? AND end_date IS NULL ORDER BY start_date, id";
    sqlite3_stmt *s = st_stmt(st, active_only ? active_sql : all_sql, err);
    FAIL_STMT(s);
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cl_registration r = {0};
        st_row_registration(s, &r);
        fn(arg, &r);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading registrations");
}
