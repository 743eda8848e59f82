/* Offenders: key crn. Status defaults to active. A change of officer is an
 * allocation and a change to closed a closure: both are stamped who/when. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, const void *rec)
{
    const cl_offender *v = rec;
    st_bind_rec_text(s, 1, v->crn);
    st_bind_rec_text(s, 2, v->surname);
    st_bind_rec_text(s, 3, v->forenames);
    st_bind_date(s, 4, v->date_of_birth);
    st_bind_rec_text(s, 5, v->gender);
    st_bind_rec_text(s, 6, v->pnc);
    st_bind_rec_text(s, 7, v->address);
    st_bind_rec_text(s, 8, v->postcode);
    st_bind_rec_text(s, 9, v->phone);
    st_bind_rec_text(s, 10, v->tier);
    st_bind_rec_text(s, 11, v->officer);
    st_bind_rec_text(s, 12, v->office);
    st_bind_rec_text(s, 13, v->status);
    st_bind_rec_text(s, 14, v->aliases);
}

static const st_upsert_sql q = {
    "offender",
    "SELECT surname IS ?2 AND forenames IS ?3 AND date_of_birth IS ?4 AND gender IS ?5"
    " AND pnc IS ?6 AND address IS ?7 AND postcode IS ?8 AND phone IS ?9 AND tier IS ?10"
    " AND officer IS ?11 AND office IS ?12 AND status IS coalesce(?13, 'active')"
    " AND aliases IS ?14 FROM offender WHERE crn = ?1",
    "INSERT INTO offender(crn, surname, forenames, date_of_birth, gender, pnc, address,"
    " postcode, phone, tier, officer, office, status, aliases, created_at, allocated_at,"
    " closed_at, closed_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, coalesce(?13, 'active'), ?14,"
    " cl_now(), CASE WHEN ?11 IS NOT NULL THEN cl_now() END,"
    " CASE WHEN ?13 = 'closed' THEN cl_now() END, CASE WHEN ?13 = 'closed' THEN cl_who() END) ON CONFLICT DO NOTHING",
    "UPDATE offender SET surname = ?2, forenames = ?3, date_of_birth = ?4, gender = ?5,"
    " pnc = ?6, address = ?7, postcode = ?8, phone = ?9, tier = ?10, officer = ?11,"
    " office = ?12, status = coalesce(?13, 'active'), aliases = ?14,"
    " allocated_at = CASE WHEN officer IS ?11 THEN allocated_at"
    "  WHEN ?11 IS NULL THEN NULL ELSE cl_now() END,"
    " closed_at = CASE WHEN status IS coalesce(?13, 'active') THEN closed_at"
    "  WHEN ?13 = 'closed' THEN cl_now() ELSE NULL END,"
    " closed_by = CASE WHEN status IS coalesce(?13, 'active') THEN closed_by"
    "  WHEN ?13 = 'closed' THEN cl_who() ELSE NULL END"
    " WHERE crn = ?1",
};

int store_put_offender(cl_store *st, const cl_offender *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
