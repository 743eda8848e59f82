/* Appointments: key id. Without an office the appointment belongs to the
 * officer's office (CONVENTIONS.md); status empty means booked. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_appointment *v = rec;
    st_bind_rec_text(s, at + 1, v->id);
    st_bind_rec_text(s, at + 2, v->crn);
    st_bind_rec_text(s, at + 3, v->order_id);
    st_bind_rec_text(s, at + 4, v->officer);
    st_bind_rec_text(s, at + 5, v->office);
    st_bind_date(s, at + 6, v->date);
    st_bind_time(s, at + 7, v->start);
    st_bind_time(s, at + 8, v->end);
    st_bind_rec_text(s, at + 9, v->type);
    st_bind_rec_text(s, at + 10, v->location);
    st_bind_rec_text(s, at + 11, v->status);
    st_bind_rec_text(s, at + 12, v->notes);
    st_bind_rec_text(s, at + 13, v->reason);
    st_bind_rec_text(s, at + 14, v->changed_by);
    st_bind_rec_text(s, at + 15, v->changed_at);
    st_bind_rec_text(s, at + 16, v->replaced_by);
}

#define OFFICE(P) "coalesce(" P(5) ", (SELECT office FROM staff WHERE code = " P(4) "))"

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "appointment(id, crn, order_id, officer, office, date, start, end, type," \
    " location, status, notes, reason, changed_by, changed_at, replaced_by," \
    " created_by, created_at)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " OFFICE(P) ", " P(6) ", " P(7) ", " P(8) \
    ", " P(9) ", " P(10) ", coalesce(" P(11) ", 'booked'), " P(12) ", " P(13) ", " \
    P(14) ", " P(15) ", " P(16) ", cl_who(), cl_now()"

static const st_upsert_sql q = {
    "appointment",
    "SELECT crn IS ?2 AND order_id IS ?3 AND officer IS ?4 AND office IS " OFFICE(ST_P)
    " AND date IS ?6 AND start IS ?7 AND end IS ?8 AND type IS ?9 AND location IS ?10"
    " AND status IS coalesce(?11, 'booked') AND notes IS ?12 AND reason IS ?13"
    " AND changed_by IS ?14 AND changed_at IS ?15 AND replaced_by IS ?16"
    " FROM appointment WHERE id = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE appointment SET crn = ?2, order_id = ?3, officer = ?4, office = " OFFICE(ST_P) ","
    " date = ?6, start = ?7, end = ?8, type = ?9, location = ?10,"
    " status = coalesce(?11, 'booked'), notes = ?12, reason = ?13, changed_by = ?14,"
    " changed_at = ?15, replaced_by = ?16 WHERE id = ?1",
    ST_LOAD(INTO, ROW, ST_Q16), 16,
};

int store_put_appointment(cl_store *st, const cl_appointment *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
