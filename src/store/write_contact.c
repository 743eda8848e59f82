/* Contacts: key id, append-only (a change is a new contact that `corrects` the
 * old one). created_by/created_at empty mean the current actor and time, and
 * are then not compared, so re-importing a hand-written file is unchanged. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_contact *v = rec;
    st_bind_rec_text(s, at + 1, v->id);
    st_bind_rec_text(s, at + 2, v->crn);
    st_bind_rec_text(s, at + 3, v->order_id);
    st_bind_rec_text(s, at + 4, v->officer);
    st_bind_date(s, at + 5, v->date);
    st_bind_time(s, at + 6, v->time);
    st_bind_time(s, at + 7, v->end);
    st_bind_rec_text(s, at + 8, v->type);
    st_bind_rec_text(s, at + 9, v->outcome);
    st_bind_rec_text(s, at + 10, v->enforcement);
    st_bind_rec_text(s, at + 11, v->appointment_id);
    st_bind_rec_text(s, at + 12, v->notes);
    sqlite3_bind_int(s, at + 13, v->sensitive);
    sqlite3_bind_int(s, at + 14, v->rar);
    st_bind_rec_text(s, at + 15, v->corrects);
    st_bind_date(s, at + 16, v->respond_by);
    st_bind_rec_text(s, at + 17, v->created_by);
    st_bind_rec_text(s, at + 18, v->created_at);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "contact(id, crn, order_id, officer, date, time, end, type, outcome," \
    " enforcement, appointment_id, notes, sensitive, rar, corrects, respond_by," \
    " created_by, created_at)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ", " P(8) ", " \
    P(9) ", " P(10) ", " P(11) ", " P(12) ", " P(13) ", " P(14) ", " P(15) ", " P(16) \
    ", coalesce(" P(17) ", cl_who()), coalesce(" P(18) ", cl_now())"

static const st_upsert_sql q = {
    "contact",
    "SELECT crn IS ?2 AND order_id IS ?3 AND officer IS ?4 AND date IS ?5 AND time IS ?6"
    " AND end IS ?7 AND type IS ?8 AND outcome IS ?9 AND enforcement IS ?10"
    " AND appointment_id IS ?11 AND notes IS ?12 AND sensitive IS ?13 AND rar IS ?14"
    " AND corrects IS ?15 AND respond_by IS ?16"
    " AND (?17 IS NULL OR created_by IS ?17) AND (?18 IS NULL OR created_at IS ?18)"
    " FROM contact WHERE id = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    NULL,
    ST_LOAD(INTO, ROW, ST_Q18), 18,
};

int store_put_contact(cl_store *st, const cl_contact *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
