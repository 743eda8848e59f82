/* Contacts: key id, append-only (a change is a new contact that `corrects` the
 * old one). created_by/created_at empty mean the current actor and time, and
 * are then not compared, so re-importing a hand-written file is unchanged. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_contact *v = rec;
    st_bind_rec_text(s, 1, v->id);
    st_bind_rec_text(s, 2, v->crn);
    st_bind_rec_text(s, 3, v->order_id);
    st_bind_rec_text(s, 4, v->officer);
    st_bind_date(s, 5, v->date);
    st_bind_time(s, 6, v->time);
    st_bind_time(s, 7, v->end);
    st_bind_rec_text(s, 8, v->type);
    st_bind_rec_text(s, 9, v->outcome);
    st_bind_rec_text(s, 10, v->enforcement);
    st_bind_rec_text(s, 11, v->appointment_id);
    st_bind_rec_text(s, 12, v->notes);
    sqlite3_bind_int(s, 13, v->sensitive);
    sqlite3_bind_int(s, 14, v->rar);
    st_bind_rec_text(s, 15, v->corrects);
    st_bind_date(s, 16, v->respond_by);
    st_bind_rec_text(s, 17, v->created_by);
    st_bind_rec_text(s, 18, v->created_at);
}

static const st_upsert_sql q = {
    "contact",
    "SELECT crn IS ?2 AND order_id IS ?3 AND officer IS ?4 AND date IS ?5 AND time IS ?6"
    " AND end IS ?7 AND type IS ?8 AND outcome IS ?9 AND enforcement IS ?10"
    " AND appointment_id IS ?11 AND notes IS ?12 AND sensitive IS ?13 AND rar IS ?14"
    " AND corrects IS ?15 AND respond_by IS ?16"
    " AND (?17 IS NULL OR created_by IS ?17) AND (?18 IS NULL OR created_at IS ?18)"
    " FROM contact WHERE id = ?1",
    "INSERT INTO contact(id, crn, order_id, officer, date, time, end, type, outcome,"
    " enforcement, appointment_id, notes, sensitive, rar, corrects, respond_by,"
    " created_by, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " coalesce(?17, cl_who()), coalesce(?18, cl_now())) ON CONFLICT DO NOTHING",
    NULL,
};

int store_put_contact(cl_store *st, const cl_contact *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
