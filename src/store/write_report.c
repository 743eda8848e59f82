/* Court reports: key id; status empty means requested. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_report *v = rec;
    st_bind_rec_text(s, 1, v->id);
    st_bind_rec_text(s, 2, v->crn);
    st_bind_rec_text(s, 3, v->type);
    st_bind_date(s, 4, v->requested);
    st_bind_date(s, 5, v->due);
    st_bind_rec_text(s, 6, v->court);
    st_bind_rec_text(s, 7, v->officer);
    st_bind_rec_text(s, 8, v->status);
}

static const st_upsert_sql q = {
    "report",
    "SELECT crn IS ?2 AND type IS ?3 AND requested IS ?4 AND due IS ?5 AND court IS ?6"
    " AND officer IS ?7 AND status IS coalesce(?8, 'requested') FROM report WHERE id = ?1",
    "INSERT INTO report(id, crn, type, requested, due, court, officer, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, 'requested')) ON CONFLICT DO NOTHING",
    "UPDATE report SET crn = ?2, type = ?3, requested = ?4, due = ?5, court = ?6,"
    " officer = ?7, status = coalesce(?8, 'requested') WHERE id = ?1",
};

int store_put_report(cl_store *st, const cl_report *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
