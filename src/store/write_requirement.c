/* Requirements: key id. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_requirement *v = rec;
    st_bind_rec_text(s, at + 1, v->id);
    st_bind_rec_text(s, at + 2, v->order_id);
    st_bind_rec_text(s, at + 3, v->type);
    st_bind_rec_text(s, at + 4, v->subtype);
    st_bind_num(s, at + 5, v->length);
    st_bind_rec_text(s, at + 6, v->unit);
    st_bind_date(s, at + 7, v->start_date);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "requirement(id, order_id, type, subtype, length, unit, start_date)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7)

static const st_upsert_sql q = {
    "requirement",
    "SELECT order_id IS ?2 AND type IS ?3 AND subtype IS ?4 AND length IS ?5 AND unit IS ?6"
    " AND start_date IS ?7 FROM requirement WHERE id = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE requirement SET order_id = ?2, type = ?3, subtype = ?4, length = ?5, unit = ?6,"
    " start_date = ?7 WHERE id = ?1",
    ST_LOAD(INTO, ROW, ST_Q7), 7,
};

int store_put_requirement(cl_store *st, const cl_requirement *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
