/* Offenders: key crn. Status defaults to active. A change of officer is an
 * allocation and a change to closed a closure: both are stamped who/when.
 * closed_by/closed_at given (an exported closed case) are kept as they are;
 * empty they mean the current actor and time on closing, and "keep what is
 * stored" on update and compare. A case that is not closed has neither.
 * allocated_at (when the officer was given, or for a case without one when
 * it came to its office: an unallocated case's wait and the allocation item
 * count from it) is the same: given, it is kept; empty, a new officer is
 * stamped now, the same officer (or still none) keeps the stored stamp, and
 * a case whose officer the file takes away waits from now, as after a
 * transfer to its office. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_offender *v = rec;
    st_bind_rec_text(s, at + 1, v->crn);
    st_bind_rec_text(s, at + 2, v->surname);
    st_bind_rec_text(s, at + 3, v->forenames);
    st_bind_date(s, at + 4, v->date_of_birth);
    st_bind_rec_text(s, at + 5, v->gender);
    st_bind_rec_text(s, at + 6, v->pnc);
    st_bind_rec_text(s, at + 7, v->address);
    st_bind_rec_text(s, at + 8, v->postcode);
    st_bind_rec_text(s, at + 9, v->phone);
    st_bind_rec_text(s, at + 10, v->tier);
    st_bind_rec_text(s, at + 11, v->officer);
    st_bind_rec_text(s, at + 12, v->office);
    st_bind_rec_text(s, at + 13, v->status);
    st_bind_rec_text(s, at + 14, v->aliases);
    st_bind_rec_text(s, at + 15, v->closed_by);
    st_bind_rec_text(s, at + 16, v->closed_at);
    st_bind_rec_text(s, at + 17, v->allocated_at);
}

/* The new row: INTO names the columns, ROW(P) their values, P(n) being the
 * n-th value given (ST_P for the one-row statements; a first load inserts
 * ST_LOAD_ROWS rows at once, see ST_LOAD). */
#define INTO \
    "offender(crn, surname, forenames, date_of_birth, gender, pnc, address," \
    " postcode, phone, tier, officer, office, status, aliases, created_at," \
    " allocated_at, closed_at, closed_by)"
#define ROW(P) \
    P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ", " P(8) ", " \
    P(9) ", " P(10) ", " P(11) ", " P(12) ", coalesce(" P(13) ", 'active'), " P(14) \
    ", cl_now(), CASE WHEN " P(11) " IS NOT NULL THEN coalesce(" P(17) ", cl_now()) ELSE " P(17) " END, CASE WHEN " P(13) \
    " = 'closed' THEN coalesce(" P(16) ", cl_now()) END, CASE WHEN " P(13) \
    " = 'closed' THEN coalesce(" P(15) ", cl_who()) END"

static const st_upsert_sql q = {
    "offender",
    "SELECT surname IS ?2 AND forenames IS ?3 AND date_of_birth IS ?4 AND gender IS ?5"
    " AND pnc IS ?6 AND address IS ?7 AND postcode IS ?8 AND phone IS ?9 AND tier IS ?10"
    " AND officer IS ?11 AND office IS ?12 AND status IS coalesce(?13, 'active')"
    " AND aliases IS ?14 AND (?15 IS NULL OR closed_by IS ?15)"
    " AND (?16 IS NULL OR closed_at IS ?16) AND (?17 IS NULL OR allocated_at IS ?17)"
    " FROM offender WHERE crn = ?1",
    "INSERT INTO " INTO " VALUES (" ROW(ST_P) ") ON CONFLICT DO NOTHING",
    "UPDATE offender SET surname = ?2, forenames = ?3, date_of_birth = ?4, gender = ?5,"
    " pnc = ?6, address = ?7, postcode = ?8, phone = ?9, tier = ?10, officer = ?11,"
    " office = ?12, status = coalesce(?13, 'active'), aliases = ?14,"
    " allocated_at = CASE WHEN ?11 IS NULL THEN (CASE WHEN officer IS NULL THEN coalesce(?17, allocated_at)"
    "  WHEN ?17 IS NOT NULL AND ?17 IS NOT allocated_at THEN ?17 ELSE cl_now() END)"
    "  WHEN officer IS NOT ?11 AND ?17 IS allocated_at THEN cl_now()" /* the stored stamp, carried */
    "  WHEN ?17 IS NOT NULL THEN ?17 WHEN officer IS ?11 THEN allocated_at ELSE cl_now() END,"
    " closed_at = CASE WHEN ?13 IS NOT 'closed' THEN NULL WHEN ?16 IS NOT NULL THEN ?16"
    "  WHEN status IS 'closed' THEN closed_at ELSE cl_now() END,"
    " closed_by = CASE WHEN ?13 IS NOT 'closed' THEN NULL WHEN ?15 IS NOT NULL THEN ?15"
    "  WHEN status IS 'closed' THEN closed_by ELSE cl_who() END"
    " WHERE crn = ?1",
    ST_LOAD(INTO, ROW, ST_Q17), 17,
};

int store_put_offender(cl_store *st, const cl_offender *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
