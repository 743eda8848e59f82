/* Offices: key code. Hours default to 09:00-17:00. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_office *v = rec;
    st_bind_rec_text(s, at + 1, v->code);
    st_bind_rec_text(s, at + 2, v->name);
    st_bind_rec_text(s, at + 3, v->address);
    st_bind_rec_text(s, at + 4, v->phone);
    st_bind_time(s, at + 5, v->hours_start);
    st_bind_time(s, at + 6, v->hours_end);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "office(code, name, address, phone, hours_start, hours_end)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", coalesce(" P(5) ", '09:00'), coalesce(" \
    P(6) ", '17:00')"

static const st_upsert_sql q = {
    "office",
    "SELECT name IS ?2 AND address IS ?3 AND phone IS ?4"
    " AND hours_start IS coalesce(?5, '09:00') AND hours_end IS coalesce(?6, '17:00')"
    " FROM office WHERE code = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE office SET name = ?2, address = ?3, phone = ?4,"
    " hours_start = coalesce(?5, '09:00'), hours_end = coalesce(?6, '17:00') WHERE code = ?1",
    ST_LOAD(INTO, ROW, ST_Q6), 6,
};

int store_put_office(cl_store *st, const cl_office *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
