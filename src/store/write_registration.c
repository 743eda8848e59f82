/* Registrations: key (crn, type, start_date). registered_by empty means the
 * current actor on insert and "keep what is stored" on update and compare. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_registration *v = rec;
    st_bind_rec_text(s, 1, v->crn);
    st_bind_rec_text(s, 2, v->type);
    st_bind_date(s, 3, v->start_date);
    st_bind_rec_text(s, 4, v->category);
    st_bind_rec_text(s, 5, v->level);
    st_bind_date(s, 6, v->review_date);
    st_bind_date(s, 7, v->end_date);
    st_bind_rec_text(s, 8, v->notes);
    st_bind_rec_text(s, 9, v->registered_by);
    st_bind_rec_text(s, 10, v->reason);
    st_bind_rec_text(s, 11, v->changed_by);
    st_bind_rec_text(s, 12, v->changed_at);
}

static const st_upsert_sql q = {
    "registration",
    "SELECT category IS ?4 AND level IS ?5 AND review_date IS ?6 AND end_date IS ?7"
    " AND notes IS ?8 AND (?9 IS NULL OR registered_by IS ?9) AND reason IS ?10"
    " AND changed_by IS ?11 AND changed_at IS ?12"
    " FROM registration WHERE crn = ?1 AND type = ?2 AND start_date = ?3",
    "INSERT INTO registration(crn, type, start_date, category, level, review_date, end_date,"
    " notes, registered_by, reason, changed_by, changed_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, cl_who()), ?10, ?11, ?12) ON CONFLICT DO NOTHING",
    "UPDATE registration SET category = ?4, level = ?5, review_date = ?6, end_date = ?7,"
    " notes = ?8, registered_by = coalesce(?9, registered_by), reason = ?10,"
    " changed_by = ?11, changed_at = ?12"
    " WHERE crn = ?1 AND type = ?2 AND start_date = ?3",
};

int store_put_registration(cl_store *st, const cl_registration *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
