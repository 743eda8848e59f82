/* Appointment queries and the diary's own writes (book, cancel, reschedule). */
#include <stdio.h>
#include <string.h>

#include "caseload/store_appt.h"
#include "store/store_int.h"

static int col_time(sqlite3_stmt *s, int i)
{
    int m;
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t && time_parse(t, &m) ? m : -1;
}

static int bind_time(sqlite3_stmt *s, int i, int minutes)
{
    if (minutes < 0)
        return sqlite3_bind_null(s, i);
    char buf[CL_TIME_LEN];
    return sqlite3_bind_text(s, i, time_format(minutes, buf), -1, SQLITE_TRANSIENT);
}

int store_appt_person_get(cl_store *st, const char *crn, store_appt_person *out, cl_err *err)
{
    static const char sql[] =
        "SELECT crn, surname, forenames, officer, office, status FROM offender WHERE crn = ?";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        st_col_copy(s, 0, out->crn, sizeof out->crn);
        st_col_copy(s, 1, out->surname, sizeof out->surname);
        st_col_copy(s, 2, out->forenames, sizeof out->forenames);
        st_col_copy(s, 3, out->officer, sizeof out->officer);
        st_col_copy(s, 4, out->office, sizeof out->office);
        st_col_copy(s, 5, out->status, sizeof out->status);
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such CRN", crn);
    return st_fail(st, err, "reading the person");
}

int store_office_hours(cl_store *st, const char *office, int *start, int *end, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT hours_start, hours_end FROM office WHERE code = ?", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, office, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *start = col_time(s, 0);
        *end = col_time(s, 1);
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such office", office);
    return st_fail(st, err, "reading the office");
}

int store_staff_office(cl_store *st, const char *staff, char *office, size_t len, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT office FROM staff WHERE code = ?", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, staff, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st_col_copy(s, 0, office, len);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such officer", staff);
    return st_fail(st, err, "reading the officer");
}

int store_diary_owner(cl_store *st, store_diary_scope scope, const char *code, char *name,
                      size_t len, cl_err *err)
{
    static const char q_office[] = "SELECT name FROM office WHERE code = ?";
    static const char q_staff[] = "SELECT name FROM staff WHERE code = ?";
    sqlite3_stmt *s = st_stmt(st, scope == STORE_DIARY_OFFICE ? q_office : q_staff, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st_col_copy(s, 0, name, len);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such %s", code,
                          scope == STORE_DIARY_OFFICE ? "office" : "officer");
    return st_fail(st, err, "reading the diary's owner");
}

/* New ids are random (not a counter) so that two copies of the database that
 * book offline and later exchange changesets cannot pick the same one. */
static int new_id(cl_store *st, char *id, size_t len, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT 'B' || upper(hex(randomblob(8)))", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st_col_copy(s, 0, id, len);
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? CL_OK : st_fail(st, err, "making an appointment id");
}

int store_appt_insert(cl_store *st, cl_appointment *a, cl_err *err)
{
    static const char sql[] =
        "INSERT INTO appointment(id, crn, order_id, officer, office, date, start, end, type,"
        " location, status, notes, created_by, created_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,'booked',?,?,?)";
    if (!a->id[0] && new_id(st, a->id, sizeof a->id, err) != CL_OK)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, a->id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, a->crn, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 3, a->order_id);
    sqlite3_bind_text(s, 4, a->officer, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 5, a->office);
    st_bind_date(s, 6, a->date);
    bind_time(s, 7, a->start);
    bind_time(s, 8, a->end);
    sqlite3_bind_text(s, 9, a->type, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 10, a->location);
    st_bind_text(s, 11, a->notes);
    sqlite3_bind_text(s, 12, store_actor(st), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 13, store_now(st), -1, SQLITE_TRANSIENT);
    snprintf(a->status, sizeof a->status, "booked");
    return st_exec_stmt(st, s, err, "booking the appointment");
}

#define APPT_COLS                                                                                \
    "a.id, a.crn, a.order_id, a.officer, a.office, a.date, a.start, a.end, a.type, a.location," \
    " a.status, a.reason, a.changed_by, a.changed_at, a.replaced_by"

static void read_appt(sqlite3_stmt *s, cl_appointment *a)
{
    st_col_copy(s, 0, a->id, sizeof a->id);
    st_col_copy(s, 1, a->crn, sizeof a->crn);
    st_col_copy(s, 2, a->order_id, sizeof a->order_id);
    st_col_copy(s, 3, a->officer, sizeof a->officer);
    st_col_copy(s, 4, a->office, sizeof a->office);
    a->date = st_col_date(s, 5);
    a->start = col_time(s, 6);
    a->end = col_time(s, 7);
    st_col_copy(s, 8, a->type, sizeof a->type);
    st_col_copy(s, 9, a->location, sizeof a->location);
    st_col_copy(s, 10, a->status, sizeof a->status);
    st_col_copy(s, 11, a->reason, sizeof a->reason);
    st_col_copy(s, 12, a->changed_by, sizeof a->changed_by);
    st_col_copy(s, 13, a->changed_at, sizeof a->changed_at);
    st_col_copy(s, 14, a->replaced_by, sizeof a->replaced_by);
}

int store_appt_get(cl_store *st, const char *id, cl_appointment *out, cl_err *err)
{
    static const char sql[] = "SELECT " APPT_COLS ", a.notes FROM appointment a WHERE a.id = ?";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        read_appt(s, out);
        const char *n = (const char *)sqlite3_column_text(s, 15);
        out->notes = n ? strdup(n) : NULL;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such appointment", id);
    return st_fail(st, err, "reading the appointment");
}

int store_appt_close(cl_store *st, const char *id, const char *status, const char *reason,
                     const char *replaced_by, cl_err *err)
{
    static const char sql[] =
        "UPDATE appointment SET status = ?, reason = ?, changed_by = ?, changed_at = ?,"
        " replaced_by = ? WHERE id = ? AND status = 'booked'";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, status, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 2, reason);
    sqlite3_bind_text(s, 3, store_actor(st), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, store_now(st), -1, SQLITE_TRANSIENT);
    st_bind_text(s, 5, replaced_by);
    sqlite3_bind_text(s, 6, id, -1, SQLITE_TRANSIENT);
    int rc = st_exec_stmt(st, s, err, "changing the appointment");
    if (rc != CL_OK)
        return rc;
    if (sqlite3_changes(st->db) == 0)
        return cl_err_set(err, CL_EDATA, "%s: appointment is not booked (already cancelled or rescheduled, or no such id)", id);
    return CL_OK;
}

/* The person's name and the outcome of the latest contact logged against the
 * appointment (a correction is a later contact, so the latest one holds). */
#define ROW_COLS                                                                                 \
    APPT_COLS ", o.surname, o.forenames,"                                                        \
    " (SELECT c.outcome FROM contact c WHERE c.appointment_id = a.id ORDER BY c.rowid DESC LIMIT 1)"
#define ROW_FROM " FROM appointment a JOIN offender o ON o.crn = a.crn"

static int each_row(cl_store *st, sqlite3_stmt *s, store_appt_fn fn, void *arg, cl_err *err,
                    const char *what)
{
    int rc;
    store_appt_row row;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        memset(&row, 0, sizeof row);
        read_appt(s, &row.a);
        st_col_copy(s, 15, row.surname, sizeof row.surname);
        st_col_copy(s, 16, row.forenames, sizeof row.forenames);
        st_col_copy(s, 17, row.outcome, sizeof row.outcome);
        fn(arg, &row);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, what);
}

int store_appt_clashes(cl_store *st, const char *officer, const char *crn, cl_date date, int start,
                       int end, const char *exclude_id, store_appt_fn fn, void *arg, cl_err *err)
{
    /* Two index range scans (officer, date) and (crn, date); an appointment
     * with no end clashes when it starts inside the new slot. */
    static const char sql[] =
        "SELECT " ROW_COLS ROW_FROM
        " WHERE a.rowid IN (SELECT rowid FROM appointment WHERE officer = ?1 AND date = ?3"
        "                   UNION SELECT rowid FROM appointment WHERE crn = ?2 AND date = ?3)"
        " AND a.status = 'booked' AND a.id IS NOT ?6"
        " AND a.start < ?5 AND (COALESCE(a.end, a.start) > ?4 OR a.start >= ?4)"
        " ORDER BY a.start, a.id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, officer);
    st_bind_text(s, 2, crn);
    st_bind_date(s, 3, date);
    bind_time(s, 4, start);
    bind_time(s, 5, end > start ? end : start + 1);
    st_bind_text(s, 6, exclude_id);
    return each_row(st, s, fn, arg, err, "looking for clashes");
}

int store_appt_range(cl_store *st, store_diary_scope scope, const char *code, cl_date from,
                     cl_date to, store_appt_fn fn, void *arg, cl_err *err)
{
    static const char q_office[] = "SELECT " ROW_COLS ROW_FROM
                                   " WHERE a.office = ? AND a.date BETWEEN ? AND ?"
                                   " ORDER BY a.date, a.start, a.id";
    static const char q_officer[] = "SELECT " ROW_COLS ROW_FROM
                                    " WHERE a.officer = ? AND a.date BETWEEN ? AND ?"
                                    " ORDER BY a.date, a.start, a.id";
    sqlite3_stmt *s = st_stmt(st, scope == STORE_DIARY_OFFICE ? q_office : q_officer, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    st_bind_date(s, 2, from);
    st_bind_date(s, 3, to);
    return each_row(st, s, fn, arg, err, "reading the diary");
}
