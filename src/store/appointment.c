/* Appointment queries and the diary's own writes (new ids, cancel, reschedule).
 * Whole rows are written and read through store_write.h. */
#include <stdio.h>
#include <string.h>

#include "caseload/store_appt.h"
#include "caseload/store_write.h"
#include "store/contact_sql.h"
#include "store/store_int.h"

/* New ids are random (not a counter) so that two copies of the database that
 * book offline and later exchange changesets cannot pick the same one. */
int store_appt_new_id(cl_store *st, char *id, size_t len, cl_err *err)
{
    for (;;) {
        sqlite3_stmt *s = st_stmt(st, "SELECT 'B' || upper(hex(randomblob(8)))", err);
        if (!s)
            return err ? err->code : CL_ESOFTWARE;
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            st_col_copy(s, 0, id, len);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW)
            return st_fail(st, err, "making an appointment id");
        if (!store_exists(st, STORE_APPOINTMENT, id))
            return CL_OK;
    }
}

void st_read_appt(sqlite3_stmt *s, cl_appointment *a)
{
    memset(a, 0, sizeof *a);
    st_col_copy(s, 0, a->id, sizeof a->id);
    st_col_copy(s, 1, a->crn, sizeof a->crn);
    st_col_copy(s, 2, a->order_id, sizeof a->order_id);
    st_col_copy(s, 3, a->officer, sizeof a->officer);
    st_col_copy(s, 4, a->office, sizeof a->office);
    a->date = st_col_date(s, 5);
    a->start = st_col_time(s, 6);
    a->end = st_col_time(s, 7);
    st_col_copy(s, 8, a->type, sizeof a->type);
    st_col_copy(s, 9, a->location, sizeof a->location);
    st_col_copy(s, 10, a->status, sizeof a->status);
    st_col_copy(s, 11, a->reason, sizeof a->reason);
    st_col_copy(s, 12, a->changed_by, sizeof a->changed_by);
    st_col_copy(s, 13, a->changed_at, sizeof a->changed_at);
    st_col_copy(s, 14, a->replaced_by, sizeof a->replaced_by);
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

/* The person's name, the appointment's outcome (contact_sql.h: none when
 * never logged or withdrawn) and whether the case is closed. */
#define ROW_COLS ST_APPT_COLS ", o.surname, o.forenames, " ST_SQL_APPT_OUTCOME("a") ", o.status = 'closed'"
#define ROW_FROM " FROM appointment a JOIN offender o ON o.crn = a.crn"

static int each_row(cl_store *st, sqlite3_stmt *s, store_appt_fn fn, void *arg, cl_err *err,
                    const char *what)
{
    int rc;
    store_appt_row row;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        memset(&row, 0, sizeof row);
        st_read_appt(s, &row.a);
        st_col_copy(s, ST_APPT_NCOLS, row.surname, sizeof row.surname);
        st_col_copy(s, ST_APPT_NCOLS + 1, row.forenames, sizeof row.forenames);
        st_col_copy(s, ST_APPT_NCOLS + 2, row.outcome, sizeof row.outcome);
        row.closed = sqlite3_column_int(s, ST_APPT_NCOLS + 3) != 0;
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
    st_bind_time(s, 4, start);
    st_bind_time(s, 5, end > start ? end : start + 1);
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
