/* Court reports: key id; status empty means requested. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_report *v = rec;
    st_bind_rec_text(s, at + 1, v->id);
    st_bind_rec_text(s, at + 2, v->crn);
    st_bind_rec_text(s, at + 3, v->type);
    st_bind_date(s, at + 4, v->requested);
    st_bind_date(s, at + 5, v->due);
    st_bind_rec_text(s, at + 6, v->court);
    st_bind_rec_text(s, at + 7, v->officer);
    st_bind_rec_text(s, at + 8, v->status);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "report(id, crn, type, requested, due, court, officer, status)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ", coalesce(" \
    P(8) ", 'requested')"

static const st_upsert_sql q = {
    "report",
    "SELECT crn IS ?2 AND type IS ?3 AND requested IS ?4 AND due IS ?5 AND court IS ?6"
    " AND officer IS ?7 AND status IS coalesce(?8, 'requested') FROM report WHERE id = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE report SET crn = ?2, type = ?3, requested = ?4, due = ?5, court = ?6,"
    " officer = ?7, status = coalesce(?8, 'requested') WHERE id = ?1",
    ST_LOAD(INTO, ROW, ST_Q8), 8,
};

int store_put_report(cl_store *st, const cl_report *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
