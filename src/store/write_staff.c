/* Staff: key code. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_staff *v = rec;
    st_bind_rec_text(s, 1, v->code);
    st_bind_rec_text(s, 2, v->name);
    st_bind_rec_text(s, 3, v->grade);
    st_bind_rec_text(s, 4, v->office);
    st_bind_rec_text(s, 5, v->team);
    st_bind_num(s, 6, v->hours);
    sqlite3_bind_double(s, 7, v->reduction_hours > 0 ? v->reduction_hours : 0);
}

static const st_upsert_sql q = {
    "staff member",
    "SELECT name IS ?2 AND grade IS ?3 AND office IS ?4 AND team IS ?5 AND hours IS ?6"
    " AND reduction_hours IS ?7 FROM staff WHERE code = ?1",
    "INSERT INTO staff(code, name, grade, office, team, hours, reduction_hours)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
    "UPDATE staff SET name = ?2, grade = ?3, office = ?4, team = ?5, hours = ?6,"
    " reduction_hours = ?7 WHERE code = ?1",
};

int store_put_staff(cl_store *st, const cl_staff *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
