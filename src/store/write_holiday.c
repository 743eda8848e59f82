/* Bank holidays: key date; importing adds or renames. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_holiday *v = rec;
    st_bind_date(s, at + 1, v->date);
    st_bind_rec_text(s, at + 2, v->name);
}

static const st_upsert_sql q = {
    "holiday",
    "SELECT name IS ?2 FROM holiday WHERE date = ?1",
    "INSERT INTO holiday(date, name) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    "UPDATE holiday SET name = ?2 WHERE date = ?1",
    NULL, 0, /* the table is never empty (the shipped days): no first load */
};

int store_put_holiday(cl_store *st, const cl_holiday *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
