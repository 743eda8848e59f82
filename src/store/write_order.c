/* Orders: key id. `terminated` is the date the order ended early (terminated_at). */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_order *v = rec;
    st_bind_rec_text(s, 1, v->id);
    st_bind_rec_text(s, 2, v->crn);
    st_bind_rec_text(s, 3, v->type);
    st_bind_date(s, 4, v->sentence_date);
    st_bind_date(s, 5, v->end_date);
    st_bind_rec_text(s, 6, v->court);
    st_bind_date(s, 7, v->terminated);
}

static const st_upsert_sql q = {
    "order",
    "SELECT crn IS ?2 AND type IS ?3 AND sentence_date IS ?4 AND end_date IS ?5"
    " AND court IS ?6 AND terminated_at IS ?7 FROM orders WHERE id = ?1",
    "INSERT INTO orders(id, crn, type, sentence_date, end_date, court, terminated_at,"
    " terminated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?7 IS NOT NULL THEN cl_who() END) ON CONFLICT DO NOTHING",
    "UPDATE orders SET crn = ?2, type = ?3, sentence_date = ?4, end_date = ?5, court = ?6,"
    " terminated_by = CASE WHEN terminated_at IS ?7 THEN terminated_by"
    "  WHEN ?7 IS NULL THEN NULL ELSE cl_who() END,"
    " terminated_at = ?7 WHERE id = ?1",
};

int store_put_order(cl_store *st, const cl_order *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
