/* Offices: key code. Hours default to 09:00-17:00. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_office *v = rec;
    st_bind_rec_text(s, 1, v->code);
    st_bind_rec_text(s, 2, v->name);
    st_bind_rec_text(s, 3, v->address);
    st_bind_rec_text(s, 4, v->phone);
    st_bind_time(s, 5, v->hours_start);
    st_bind_time(s, 6, v->hours_end);
}

static const st_upsert_sql q = {
    "office",
    "SELECT name IS ?2 AND address IS ?3 AND phone IS ?4"
    " AND hours_start IS coalesce(?5, '09:00') AND hours_end IS coalesce(?6, '17:00')"
    " FROM office WHERE code = ?1",
    "INSERT INTO office(code, name, address, phone, hours_start, hours_end)"
    " VALUES (?1, ?2, ?3, ?4, coalesce(?5, '09:00'), coalesce(?6, '17:00')) ON CONFLICT DO NOTHING",
    "UPDATE office SET name = ?2, address = ?3, phone = ?4,"
    " hours_start = coalesce(?5, '09:00'), hours_end = coalesce(?6, '17:00') WHERE code = ?1",
};

int store_put_office(cl_store *st, const cl_office *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
