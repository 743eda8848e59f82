/* Registrations: key (crn, type, start_date). registered_by empty means the
 * current actor on insert and "keep what is stored" on update and compare.
 * id 0 means a new number on insert and "keep" otherwise; an id given (an
 * exported registration) is the new row's number, and never renumbers a
 * stored one. */
#include <string.h>

#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_registration *v = rec;
    st_bind_rec_text(s, at + 1, v->crn);
    st_bind_rec_text(s, at + 2, v->type);
    st_bind_date(s, at + 3, v->start_date);
    st_bind_rec_text(s, at + 4, v->category);
    st_bind_rec_text(s, at + 5, v->level);
    st_bind_date(s, at + 6, v->review_date);
    st_bind_date(s, at + 7, v->end_date);
    st_bind_rec_text(s, at + 8, v->notes);
    st_bind_rec_text(s, at + 9, v->registered_by);
    st_bind_rec_text(s, at + 10, v->reason);
    st_bind_rec_text(s, at + 11, v->changed_by);
    st_bind_rec_text(s, at + 12, v->changed_at);
    if (v->id > 0)
        sqlite3_bind_int64(s, at + 13, v->id);
    else
        sqlite3_bind_null(s, at + 13);
    st_bind_date(s, at + 14, v->reviewed_on);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "registration(crn, type, start_date, category, level, review_date, end_date," \
    " notes, registered_by, reason, changed_by, changed_at, id, reviewed_on)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ", " P(8) \
    ", coalesce(" P(9) ", cl_who()), " P(10) ", " P(11) ", " P(12) ", " P(13) ", " P(14)

static const st_upsert_sql q = {
    "registration",
    "SELECT category IS ?4 AND level IS ?5 AND review_date IS ?6 AND end_date IS ?7"
    " AND notes IS ?8 AND (?9 IS NULL OR registered_by IS ?9) AND reason IS ?10"
    " AND changed_by IS ?11 AND changed_at IS ?12 AND (?13 IS NULL OR id = ?13)"
    " AND reviewed_on IS ?14"
    " FROM registration WHERE crn = ?1 AND type = ?2 AND start_date = ?3",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE registration SET category = ?4, level = ?5, review_date = ?6, end_date = ?7,"
    " notes = ?8, registered_by = coalesce(?9, registered_by), reason = ?10,"
    " changed_by = ?11, changed_at = ?12, reviewed_on = ?14"
    " WHERE crn = ?1 AND type = ?2 AND start_date = ?3",
    ST_LOAD(INTO, ROW, ST_Q14), 14,
};

/* A number given must be free or already this registration's (a first load
 * needs no look: its table was empty and the importer refuses a number
 * repeated in the file, or rows with and without one). */
static int check_id(cl_store *st, const cl_registration *v, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st,
                              "SELECT id, crn, type, start_date FROM registration"
                              " WHERE id = ?1 OR (crn = ?2 AND type = ?3 AND start_date = ?4)",
                              err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_int64(s, 1, v->id);
    st_bind_rec_text(s, 2, v->crn);
    st_bind_rec_text(s, 3, v->type);
    st_bind_date(s, 4, v->start_date);
    int rc = SQLITE_DONE, code = CL_OK;
    while (code == CL_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        const char *crn = (const char *)sqlite3_column_text(s, 1), *type = (const char *)sqlite3_column_text(s, 2);
        const char *start = (const char *)sqlite3_column_text(s, 3);
        bool same = crn && type && start && !strcmp(crn, v->crn) && !strcmp(type, v->type) &&
                    st_col_date(s, 3) == v->start_date;
        if (id == v->id && !same)
            code = cl_err_set(err, CL_EDATA, "registration number %lld is already %s %s %s: leave id empty for a new number",
                              v->id, crn ? crn : "", type ? type : "", start ? start : "");
        else if (id != v->id && same)
            code = cl_err_set(err, CL_EDATA, "this registration is number %lld, not %lld: a registration is never renumbered",
                              id, v->id);
    }
    if (code == CL_OK && rc != SQLITE_DONE)
        code = st_fail(st, err, "reading registration numbers");
    sqlite3_reset(s);
    return code;
}

int store_put_registration(cl_store *st, const cl_registration *v, store_put_res *res, cl_err *err)
{
    if (v->id > 0 && !st->fast) {
        int rc = check_id(st, v, err);
        if (rc != CL_OK)
            return rc;
    }
    return st_upsert(st, &q, bind, v, res, err);
}
