/* Staff: key code. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_staff *v = rec;
    st_bind_rec_text(s, at + 1, v->code);
    st_bind_rec_text(s, at + 2, v->name);
    st_bind_rec_text(s, at + 3, v->grade);
    st_bind_rec_text(s, at + 4, v->office);
    st_bind_rec_text(s, at + 5, v->team);
    st_bind_num(s, at + 6, v->hours);
    sqlite3_bind_double(s, at + 7, v->reduction_hours > 0 ? v->reduction_hours : 0);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "staff(code, name, grade, office, team, hours, reduction_hours)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7)

static const st_upsert_sql q = {
    "staff member",
    "SELECT name IS ?2 AND grade IS ?3 AND office IS ?4 AND team IS ?5 AND hours IS ?6"
    " AND reduction_hours IS ?7 FROM staff WHERE code = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE staff SET name = ?2, grade = ?3, office = ?4, team = ?5, hours = ?6,"
    " reduction_hours = ?7 WHERE code = ?1",
    ST_LOAD(INTO, ROW, ST_Q7), 7,
};

int store_put_staff(cl_store *st, const cl_staff *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
