/* Registrations: key (crn, type, start_date). registered_by empty means the
 * current actor on insert and "keep what is stored" on update and compare. */
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
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "registration(crn, type, start_date, category, level, review_date, end_date," \
    " notes, registered_by, reason, changed_by, changed_at)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ", " P(8) \
    ", coalesce(" P(9) ", cl_who()), " P(10) ", " P(11) ", " P(12)

static const st_upsert_sql q = {
    "registration",
    "SELECT category IS ?4 AND level IS ?5 AND review_date IS ?6 AND end_date IS ?7"
    " AND notes IS ?8 AND (?9 IS NULL OR registered_by IS ?9) AND reason IS ?10"
    " AND changed_by IS ?11 AND changed_at IS ?12"
    " FROM registration WHERE crn = ?1 AND type = ?2 AND start_date = ?3",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE registration SET category = ?4, level = ?5, review_date = ?6, end_date = ?7,"
    " notes = ?8, registered_by = coalesce(?9, registered_by), reason = ?10,"
    " changed_by = ?11, changed_at = ?12"
    " WHERE crn = ?1 AND type = ?2 AND start_date = ?3",
    ST_LOAD(INTO, ROW, ST_Q12), 12,
};

int store_put_registration(cl_store *st, const cl_registration *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
