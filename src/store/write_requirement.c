/* Requirements: key id. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_requirement *v = rec;
    st_bind_rec_text(s, 1, v->id);
    st_bind_rec_text(s, 2, v->order_id);
    st_bind_rec_text(s, 3, v->type);
    st_bind_rec_text(s, 4, v->subtype);
    st_bind_num(s, 5, v->length);
    st_bind_rec_text(s, 6, v->unit);
    st_bind_date(s, 7, v->start_date);
}

static const st_upsert_sql q = {
    "requirement",
    "SELECT order_id IS ?2 AND type IS ?3 AND subtype IS ?4 AND length IS ?5 AND unit IS ?6"
    " AND start_date IS ?7 FROM requirement WHERE id = ?1",
    "INSERT INTO requirement(id, order_id, type, subtype, length, unit, start_date)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
    "UPDATE requirement SET order_id = ?2, type = ?3, subtype = ?4, length = ?5, unit = ?6,"
    " start_date = ?7 WHERE id = ?1",
};

int store_put_requirement(cl_store *st, const cl_requirement *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
