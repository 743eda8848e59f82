/* Orders: key id. `terminated` is the date the order ended early (terminated_at). */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_order *v = rec;
    st_bind_rec_text(s, at + 1, v->id);
    st_bind_rec_text(s, at + 2, v->crn);
    st_bind_rec_text(s, at + 3, v->type);
    st_bind_date(s, at + 4, v->sentence_date);
    st_bind_date(s, at + 5, v->end_date);
    st_bind_rec_text(s, at + 6, v->court);
    st_bind_date(s, at + 7, v->terminated);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "orders(id, crn, type, sentence_date, end_date, court, terminated_at," \
    " terminated_by)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ", CASE WHEN " \
    P(7) " IS NOT NULL THEN cl_who() END"

static const st_upsert_sql q = {
    "order",
    "SELECT crn IS ?2 AND type IS ?3 AND sentence_date IS ?4 AND end_date IS ?5"
    " AND court IS ?6 AND terminated_at IS ?7 FROM orders WHERE id = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE orders SET crn = ?2, type = ?3, sentence_date = ?4, end_date = ?5, court = ?6,"
    " terminated_by = CASE WHEN terminated_at IS ?7 THEN terminated_by"
    "  WHEN ?7 IS NULL THEN NULL ELSE cl_who() END,"
    " terminated_at = ?7 WHERE id = ?1",
    ST_LOAD(INTO, ROW, ST_Q7), 7,
};

int store_put_order(cl_store *st, const cl_order *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
