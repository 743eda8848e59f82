/* Queries behind the caseload list, search and record (store_case.h). */
#include <stdio.h>
#include <string.h>

#include "caseload/ref.h"
#include "caseload/store_case.h"
#include "caseload/timescale.h"
#include "store/contact_sql.h"
#include "store/store_int.h"

#define PERSON_COLS "o.crn, o.surname, o.forenames, o.date_of_birth, o.pnc, o.tier, o.officer, o.office, o.status"

static void read_person(sqlite3_stmt *s, store_person_row *r)
{
    st_col_copy(s, 0, r->crn, sizeof r->crn);
    st_col_copy(s, 1, r->surname, sizeof r->surname);
    st_col_copy(s, 2, r->forenames, sizeof r->forenames);
    r->dob = st_col_date(s, 3);
    st_col_copy(s, 4, r->pnc, sizeof r->pnc);
    st_col_copy(s, 5, r->tier, sizeof r->tier);
    st_col_copy(s, 6, r->officer, sizeof r->officer);
    st_col_copy(s, 7, r->office, sizeof r->office);
    st_col_copy(s, 8, r->status, sizeof r->status);
}

static int each_person(cl_store *st, sqlite3_stmt *s, store_person_fn fn, void *arg, cl_err *err)
{
    store_person_row r;
    int rc, stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_person(s, &r);
        if ((stop = fn(arg, &r)) != 0)
            break;
    }
    sqlite3_reset(s);
    if (stop)
        return CL_OK;
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading people");
}

int store_people(cl_store *st, store_scope scope, const char *code, bool with_closed, size_t limit,
                 store_person_fn fn, void *arg, cl_err *err)
{
    static const char *const sql[] = {
        [STORE_SCOPE_OFFICER] = "SELECT " PERSON_COLS " FROM offender o WHERE o.officer = ?1"
                                " AND (?2 OR o.status = 'active') ORDER BY o.surname COLLATE NOCASE LIMIT ?3",
        [STORE_SCOPE_OFFICE] = "SELECT " PERSON_COLS " FROM offender o WHERE o.office = ?1"
                               " AND (?2 OR o.status = 'active') ORDER BY o.surname COLLATE NOCASE LIMIT ?3",
        [STORE_SCOPE_ALL] = "SELECT " PERSON_COLS " FROM offender o WHERE ?1 IS NULL"
                            " AND (?2 OR o.status = 'active')"
                            " ORDER BY o.surname COLLATE NOCASE, o.forenames COLLATE NOCASE LIMIT ?3",
    };
    sqlite3_stmt *s = st_stmt(st, sql[scope], err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    if (scope == STORE_SCOPE_ALL)
        sqlite3_bind_null(s, 1);
    else
        sqlite3_bind_text(s, 1, code ? code : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, with_closed);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)limit);
    return each_person(st, s, fn, arg, err);
}

int store_search_fts(cl_store *st, const char *fts, size_t limit, store_person_fn fn, void *arg, cl_err *err)
{
    static const char sql[] = "SELECT " PERSON_COLS " FROM offender o"
                              " WHERE o.rowid IN (SELECT rowid FROM offender_fts WHERE offender_fts MATCH ?1 LIMIT ?2)";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, fts, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
    return each_person(st, s, fn, arg, err);
}

/* The upper bound of a prefix range: the prefix with its last byte raised. */
static void prefix_end(const char *prefix, char *hi, size_t len)
{
    snprintf(hi, len, "%s", prefix);
    size_t n = strlen(hi);
    if (n)
        hi[n - 1] = (char)(hi[n - 1] + 1);
}

static int range(cl_store *st, const char *sql, const char *prefix, size_t limit, store_person_fn fn,
                 void *arg, cl_err *err)
{
    char hi[64];
    prefix_end(prefix, hi, sizeof hi);
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, prefix, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, hi, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, (sqlite3_int64)limit);
    return each_person(st, s, fn, arg, err);
}

int store_search_crn(cl_store *st, const char *prefix, size_t limit, store_person_fn fn, void *arg, cl_err *err)
{
    return range(st, "SELECT " PERSON_COLS " FROM offender o WHERE o.crn >= ?1 AND o.crn < ?2 LIMIT ?3",
                 prefix, limit, fn, arg, err);
}

int store_search_pnc(cl_store *st, const char *prefix, size_t limit, store_person_fn fn, void *arg, cl_err *err)
{
    return range(st, "SELECT " PERSON_COLS " FROM offender o WHERE o.pnc >= ?1 AND o.pnc < ?2 LIMIT ?3",
                 prefix, limit, fn, arg, err);
}

int store_search_dob(cl_store *st, cl_date dob, size_t limit, store_person_fn fn, void *arg, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT " PERSON_COLS " FROM offender o WHERE o.date_of_birth = ?1 LIMIT ?2", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_date(s, 1, dob);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
    return each_person(st, s, fn, arg, err);
}

int store_next_appointment(cl_store *st, const char *crn, cl_date today, int now_minutes,
                           cl_appointment *out, bool *found, cl_err *err)
{
    /* The row value (date, start) >= (?, ?) is served by appointment_person(crn, date, start, status, ...). */
    static const char sql[] =
        "SELECT id, crn, order_id, officer, office, date, start, end, type, location, status"
        " FROM appointment WHERE crn = ?1 AND (date, start) >= (?2, ?3) AND status = 'booked'"
        " ORDER BY date, start LIMIT 1";
    memset(out, 0, sizeof *out);
    out->date = CL_DATE_NONE;
    out->start = out->end = -1;
    *found = false;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    st_bind_date(s, 2, today);
    st_bind_time(s, 3, now_minutes < 0 ? 0 : now_minutes);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        st_col_copy(s, 0, out->id, sizeof out->id);
        st_col_copy(s, 1, out->crn, sizeof out->crn);
        st_col_copy(s, 2, out->order_id, sizeof out->order_id);
        st_col_copy(s, 3, out->officer, sizeof out->officer);
        st_col_copy(s, 4, out->office, sizeof out->office);
        out->date = st_col_date(s, 5);
        out->start = st_col_time(s, 6);
        out->end = st_col_time(s, 7);
        st_col_copy(s, 8, out->type, sizeof out->type);
        st_col_copy(s, 9, out->location, sizeof out->location);
        st_col_copy(s, 10, out->status, sizeof out->status);
        *found = true;
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading the next appointment");
}

/* The codes as a JSON array for `IN (SELECT value FROM json_each(?))`: the
 * lists live in ref.c, never copied into SQL. */
static void attended_json(char *buf, size_t len, bool acceptable_too)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, len - n, "[");
    for (size_t i = 0; i < REF_OUTCOMES_N && n < len; i++)
        if (REF_OUTCOMES[i].attended && (!acceptable_too || REF_OUTCOMES[i].acceptable))
            n += (size_t)snprintf(buf + n, len - n, "%s\"%s\"", n > 1 ? "," : "", REF_OUTCOMES[i].code);
    if (n < len)
        snprintf(buf + n, len - n, "]");
}

static void contact_types_json(char *buf, size_t len)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, len - n, "[");
    for (size_t i = 0; i < REF_CONTACT_TYPES_N && n < len; i++)
        if (REF_CONTACT_TYPES[i].counts_as_contact)
            n += (size_t)snprintf(buf + n, len - n, "%s\"%s\"", n > 1 ? "," : "", REF_CONTACT_TYPES[i].code);
    if (n < len)
        snprintf(buf + n, len - n, "]");
}

int store_last_contact(cl_store *st, const char *crn, cl_date *out, cl_err *err)
{
    /* Newest first along contact_person(crn, date, time, type, outcome, ...): stops at the first match. */
    static const char sql[] =
        "SELECT c.date FROM contact c WHERE c.crn = ?1 AND " ST_SQL_IS_CONTACT("c", "?2", "?3")
        " ORDER BY c.date DESC, c.time DESC LIMIT 1";
    static char outcomes[512], types[512];
    if (!outcomes[0]) {
        attended_json(outcomes, sizeof outcomes, false);
        contact_types_json(types, sizeof types);
    }
    *out = CL_DATE_NONE;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, outcomes, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, types, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = st_col_date(s, 0);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading the last contact");
}

int store_order_progress(cl_store *st, const char *order_id, int *upw_minutes, int *rar_days, cl_err *err)
{
    static const char upw[] =
        "SELECT coalesce(sum(" ST_SQL_MINUTES("c") "), 0) FROM contact c"
        " WHERE c.order_id = ?1 AND " ST_SQL_UPW_CREDITED("c", "?3", "?2");
    static const char rar[] = "SELECT count(DISTINCT date) FROM contact WHERE order_id = ?1 AND rar = 1";
    static char outcomes[512];
    if (!outcomes[0])
        attended_json(outcomes, sizeof outcomes, true);
    *upw_minutes = *rar_days = 0;
    sqlite3_stmt *s = st_stmt(st, upw, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, order_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, outcomes, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, TS_UPW_SESSION_TYPE, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *upw_minutes = sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return st_fail(st, err, "reading unpaid work hours");
    if (!(s = st_stmt(st, rar, err)))
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, order_id, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *rar_days = sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? CL_OK : st_fail(st, err, "reading RAR days");
}

void store_staff_name(cl_store *st, const char *code, char *buf, size_t len)
{
    buf[0] = '\0';
    sqlite3_stmt *s = st_stmt(st, "SELECT name FROM staff WHERE code = ?1", NULL);
    if (!s)
        return;
    sqlite3_bind_text(s, 1, code ? code : "", -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW)
        st_col_copy(s, 0, buf, len);
    sqlite3_reset(s);
}
