/* Queries and writes behind allocation, transfers and workload. */
#include <stdio.h>
#include <string.h>

#include "caseload/store_alloc.h"
#include "store/store_int.h"

#define FAIL_STMT(err) ((err) ? (err)->code : CL_ESOFTWARE)

int store_alloc_offender_get(cl_store *st, const char *crn, store_alloc_offender *out, cl_err *err)
{
    static const char sql[] = "SELECT crn, surname, forenames, officer, office, tier, status"
                              " FROM offender WHERE crn = ?";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crn);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        st_col_copy(s, 0, out->crn, sizeof out->crn);
        st_col_copy(s, 1, out->surname, sizeof out->surname);
        st_col_copy(s, 2, out->forenames, sizeof out->forenames);
        st_col_copy(s, 3, out->officer, sizeof out->officer);
        st_col_copy(s, 4, out->office, sizeof out->office);
        st_col_copy(s, 5, out->tier, sizeof out->tier);
        st_col_copy(s, 6, out->status, sizeof out->status);
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK;
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "no person with CRN '%s'", crn ? crn : "");
    return st_fail(st, err, "reading a person");
}

int store_alloc_set(cl_store *st, const char *crn, const char *officer, const char *office, cl_err *err)
{
    static const char sql[] =
        "UPDATE offender SET officer = ?1, office = ?2, allocated_at = cl_now() WHERE crn = ?3";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, officer);
    st_bind_text(s, 2, office);
    st_bind_text(s, 3, crn);
    return st_exec_stmt(st, s, err, "allocating");
}

int store_alloc_record(cl_store *st, const store_alloc_row *r, cl_err *err)
{
    static const char sql[] =
        "INSERT INTO allocation(crn, kind, from_officer, from_office, to_officer, to_office,"
        " reason, override, appointments, status, created_by, created_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?, cl_who(), cl_now())";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, r->crn);
    st_bind_text(s, 2, r->kind);
    st_bind_text(s, 3, r->from_officer);
    st_bind_text(s, 4, r->from_office);
    st_bind_text(s, 5, r->to_officer);
    st_bind_text(s, 6, r->to_office);
    st_bind_text(s, 7, r->reason);
    st_bind_text(s, 8, r->override);
    st_bind_text(s, 9, r->appointments);
    st_bind_text(s, 10, r->status[0] ? r->status : "done");
    return st_exec_stmt(st, s, err, "recording the allocation");
}

int store_alloc_pending_from(cl_store *st, const char *crn, char *officer, size_t olen, char *office, size_t flen,
                             bool *found, cl_err *err)
{
    static const char sql[] = "SELECT from_officer, from_office FROM allocation"
                              " WHERE crn = ? AND status = 'pending' ORDER BY id DESC LIMIT 1";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crn);
    int rc = sqlite3_step(s);
    *found = rc == SQLITE_ROW;
    if (*found) {
        st_col_copy(s, 0, officer, olen);
        st_col_copy(s, 1, office, flen);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading a pending transfer");
}

int store_alloc_complete_pending(cl_store *st, const char *crn, cl_err *err)
{
    static const char sql[] = "UPDATE allocation SET status = 'done', done_by = cl_who(),"
                              " done_at = cl_now() WHERE crn = ? AND status = 'pending'";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crn);
    return st_exec_stmt(st, s, err, "completing a transfer");
}

#define ROW_COLS                                                                               \
    "a.id, a.crn, a.kind, a.from_officer, a.from_office, a.to_officer, a.to_office, a.reason," \
    " a.override, a.appointments, a.status, a.created_by, a.created_at, a.done_by, a.done_at"

static void read_row(sqlite3_stmt *s, store_alloc_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(s, 0);
    st_col_copy(s, 1, r->crn, sizeof r->crn);
    st_col_copy(s, 2, r->kind, sizeof r->kind);
    st_col_copy(s, 3, r->from_officer, sizeof r->from_officer);
    st_col_copy(s, 4, r->from_office, sizeof r->from_office);
    st_col_copy(s, 5, r->to_officer, sizeof r->to_officer);
    st_col_copy(s, 6, r->to_office, sizeof r->to_office);
    st_col_copy(s, 7, r->reason, sizeof r->reason);
    st_col_copy(s, 8, r->override, sizeof r->override);
    st_col_copy(s, 9, r->appointments, sizeof r->appointments);
    st_col_copy(s, 10, r->status, sizeof r->status);
    st_col_copy(s, 11, r->created_by, sizeof r->created_by);
    st_col_copy(s, 12, r->created_at, sizeof r->created_at);
    st_col_copy(s, 13, r->done_by, sizeof r->done_by);
    st_col_copy(s, 14, r->done_at, sizeof r->done_at);
}

int store_alloc_history(cl_store *st, const char *crn, store_alloc_row_fn fn, void *arg, cl_err *err)
{
    static const char sql[] = "SELECT " ROW_COLS " FROM allocation a WHERE a.crn = ? ORDER BY a.id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crn);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_alloc_row r;
        read_row(s, &r);
        fn(arg, &r);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading allocation history");
}

int store_alloc_pending_each(cl_store *st, const char *office, store_pending_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "SELECT " ROW_COLS ", o.surname, o.forenames FROM allocation a"
        " JOIN offender o ON o.crn = a.crn"
        " WHERE a.status = 'pending' AND (?1 IS NULL OR a.to_office = ?1 OR a.from_office = ?1)"
        " ORDER BY a.created_at, a.id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, office);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        store_alloc_row r;
        read_row(s, &r);
        fn(arg, &r, (const char *)sqlite3_column_text(s, 15), (const char *)sqlite3_column_text(s, 16));
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading pending transfers");
}

/* "Open" is booked and not yet begun: (date, start) at or after now. Each
 * goes through the core's rules one by one (an outcome logged keeps it). */
int store_alloc_appts_open(cl_store *st, const char *crn, const char *date, const char *time,
                           store_alloc_id_fn fn, void *arg, cl_err *err)
{
    static const char sql[] = "SELECT id FROM appointment WHERE crn = ?1 AND status = 'booked'"
                              " AND (date, start) >= (?2, ?3) ORDER BY date, start, id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crn);
    st_bind_text(s, 2, date);
    st_bind_text(s, 3, time);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading open appointments");
}

int store_alloc_appt_move(cl_store *st, const char *id, const char *officer, const char *office, cl_err *err)
{
    static const char sql[] = "UPDATE appointment SET officer = ?1, office = ?2, changed_by = cl_who(),"
                              " changed_at = cl_now() WHERE id = ?3 AND status = 'booked'";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, officer);
    st_bind_text(s, 2, office);
    st_bind_text(s, 3, id);
    return st_exec_stmt(st, s, err, "moving an appointment");
}

/* A case with no officer has waited since the later of the sentence (or
 * release) date of its newest current order (in force today) and the last allocation change
 * (a transfer in to the office); only with neither, when
 * the record was created. Not created_at first: an import sets it to the
 * import time, and every imported case would show 0 days. */
#define WAIT_SINCE                                                                              \
    "COALESCE(NULLIF(max(COALESCE(substr(o.allocated_at, 1, 10), ''),"                         \
    "  COALESCE((SELECT max(d.sentence_date) FROM orders d"                                     \
    "   WHERE d.crn = o.crn AND " ST_SQL_ORDER_CURRENT("d", ST_SQL_TODAY) "), '')), ''), o.created_at)"

/* A case held by a senior in name only has waited since the later of the
 * sentence (or release) date of its newest current order and the last time
 * it left a non-senior (an allocation or transfer away from an officer of
 * another grade, ?2): a case only ever with seniors, since the sentence.
 * Not allocated_at while there is either: an import stamps it, and must not
 * restart the wait (with neither, it or the record's making is all there is). */
#define SENIOR_WAIT_SINCE                                                                       \
    "COALESCE(NULLIF(max("                                                                      \
    "  COALESCE((SELECT max(substr(a.created_at, 1, 10)) FROM allocation a"                    \
    "   LEFT JOIN staff f ON f.code = a.from_officer WHERE a.crn = o.crn"                      \
    "   AND COALESCE(a.from_officer, '') <> '' AND f.grade IS NOT ?2), ''),"                   \
    "  COALESCE((SELECT max(d.sentence_date) FROM orders d"                                     \
    "   WHERE d.crn = o.crn AND " ST_SQL_ORDER_CURRENT("d", ST_SQL_TODAY) "), '')), ''), o.allocated_at, o.created_at)"

/* The row the two questions below read, for a query of which cases. */
static int each_waiting(cl_store *st, sqlite3_stmt *s, store_waiting_fn fn, void *arg, cl_err *err)
{
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
           (const char *)sqlite3_column_text(s, 2), (const char *)sqlite3_column_text(s, 3),
           (const char *)sqlite3_column_text(s, 4), (const char *)sqlite3_column_text(s, 5));
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading unallocated cases");
}

#define NO_OFFICER_COLS "SELECT o.crn, o.surname, o.forenames, o.office, NULL, " WAIT_SINCE
#define BY_GRADE_COLS "SELECT o.crn, o.surname, o.forenames, o.office, o.officer, " SENIOR_WAIT_SINCE

int store_alloc_waiting_each(cl_store *st, const char *holder_grade, const char *office,
                             store_waiting_fn fn, void *arg, cl_err *err)
{
    static const char no_officer[] =
        NO_OFFICER_COLS " FROM offender o WHERE o.officer IS NULL AND o.status = 'active'"
        " AND (?1 IS NULL OR o.office = ?1)";
    /* CROSS JOIN keeps the staff first (a few seniors, then each one's cases
     * by offender_officer): left to itself SQLite read every person (national
     * scale: 37 ms against 1 ms, in every office's due list). */
    static const char by_grade[] =
        BY_GRADE_COLS " FROM staff s CROSS JOIN offender o ON o.officer = s.code"
        " WHERE s.grade = ?2 AND o.status = 'active' AND (?1 IS NULL OR o.office = ?1)";
    sqlite3_stmt *s = st_stmt(st, holder_grade ? by_grade : no_officer, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, office);
    if (holder_grade)
        st_bind_text(s, 2, holder_grade);
    return each_waiting(st, s, fn, arg, err);
}

/* A few people (a JSON array of CRNs), each found by key: for lists of a
 * few people (a screenful, an officer's cases), where the whole list would
 * read every waiting case; one statement for them all, not one each. */
int store_alloc_waiting_crns(cl_store *st, const char *holder_grade, const char *crns,
                             store_waiting_fn fn, void *arg, cl_err *err)
{
    /* By crn only: left to itself SQLite read every case with no officer
     * by offender_officer (national scale: 1.2 ms for a page of 20), and the
     * CROSS JOIN keeps the people before the staff. */
    static const char no_officer[] =
        NO_OFFICER_COLS " FROM offender o WHERE o.crn IN (SELECT value FROM json_each(?1))"
        " AND +o.officer IS NULL AND o.status = 'active'";
    static const char by_grade[] =
        BY_GRADE_COLS " FROM offender o CROSS JOIN staff s ON s.code = o.officer"
        " WHERE o.crn IN (SELECT value FROM json_each(?1)) AND s.grade = ?2 AND o.status = 'active'";
    sqlite3_stmt *s = st_stmt(st, holder_grade ? by_grade : no_officer, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crns);
    if (holder_grade)
        st_bind_text(s, 2, holder_grade);
    return each_waiting(st, s, fn, arg, err);
}

int store_wl_cases(cl_store *st, const char *officer, store_wl_case_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "SELECT o.crn, o.tier,"
        " (SELECT group_concat(DISTINCT r.type) FROM orders d JOIN requirement r ON r.order_id = d.id"
        "   WHERE d.crn = o.crn AND " ST_SQL_ORDER_CURRENT("d", ST_SQL_TODAY) " AND r.terminated_at IS NULL)"
        " FROM offender o WHERE o.officer = ? AND o.status = 'active'";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, officer);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
           (const char *)sqlite3_column_text(s, 2));
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading a caseload");
}

/* Requested reports counted by officer and type, for one code (?1). */
static int reports(cl_store *st, const char *sql, const char *code, store_wl_report_fn fn, void *arg, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, code);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
           sqlite3_column_int(s, 2));
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading reports");
}

int store_wl_reports(cl_store *st, const char *officer, store_wl_report_fn fn, void *arg, cl_err *err)
{
    static const char sql[] = "SELECT officer, type, count(*) FROM report WHERE officer = ?1"
                              " AND status = 'requested' GROUP BY type";
    return reports(st, sql, officer, fn, arg, err);
}

int store_wl_reports_office(cl_store *st, const char *office, store_wl_report_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "SELECT r.officer, r.type, count(*) FROM report r JOIN staff s ON s.code = r.officer"
        " WHERE r.status = 'requested' AND (?1 IS NULL OR s.office = ?1) GROUP BY r.officer, r.type";
    return reports(st, sql, office, fn, arg, err);
}

int store_alloc_holders_each(cl_store *st, const char *holding_grades, store_holder_fn fn, void *arg, cl_err *err)
{
    /* Only the suspects: a grade outside the list, or another office with no
     * override recorded for that holder (the caller judges each by the rule). */
    static const char sql[] =
        "SELECT o.crn, o.office, s.code, s.grade, s.office,"
        " EXISTS (SELECT 1 FROM allocation a WHERE a.crn = o.crn AND a.to_officer = o.officer"
        "   AND a.to_office = o.office AND COALESCE(a.override, '') <> '')"
        " FROM offender o JOIN staff s ON s.code = o.officer"
        " WHERE o.status = 'active'"
        " AND (s.grade NOT IN (SELECT value FROM json_each(?1)) OR s.office IS NOT o.office)";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, holding_grades);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cl_staff who;
        memset(&who, 0, sizeof who);
        char crn[CL_CODE_LEN], office[CL_CODE_LEN];
        st_col_copy(s, 0, crn, sizeof crn);
        st_col_copy(s, 1, office, sizeof office);
        st_col_copy(s, 2, who.code, sizeof who.code);
        st_col_copy(s, 3, who.grade, sizeof who.grade);
        st_col_copy(s, 4, who.office, sizeof who.office);
        fn(arg, crn, office, &who, sqlite3_column_int(s, 5) != 0);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading who holds the cases");
}

int store_alloc_closed_each(cl_store *st, store_alloc_closed_fn fn, void *arg, cl_err *err)
{
    static const char sql[] = "SELECT crn, closed_at FROM offender WHERE status = 'closed' AND closed_at IS NOT NULL";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    int rc, stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW &&
           !(stop = fn(arg, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1))))
        ;
    sqlite3_reset(s);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading closed cases");
}

int store_alloc_holding_override(cl_store *st, const char *crn, const char *officer, const char *office,
                                 bool *override, cl_err *err)
{
    static const char sql[] = "SELECT " STORE_SQL_HOLDING_OVERRIDE("o") " FROM offender o"
                              " WHERE o.crn = ?1 AND o.officer IS ?2 AND o.office IS ?3";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return FAIL_STMT(err);
    st_bind_text(s, 1, crn);
    st_bind_text(s, 2, officer);
    st_bind_text(s, 3, office);
    int rc = sqlite3_step(s);
    *override = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading the holding's override");
}
