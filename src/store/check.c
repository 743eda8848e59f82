/* `caseload check`: SQLite's own integrity check, then the app's invariants. */
#include <stdio.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/pnc.h"
#include "store/contact_sql.h"
#include "store/store_int.h"

/* Each invariant: a query returning one text column per problem found; ?1,
 * when the query has it, is bound to words, so a message the write's own
 * check gives is written once. */
static const struct {
    const char *sql;
    const char *words;
} invariants[] = {
    {"SELECT 'offender ' || crn || ': more than one active RoSH level'"
     " FROM registration WHERE end_date IS NULL AND type IN ('RLRH','RMRH','RHRH','RVHR')"
     " GROUP BY crn HAVING count(*) > 1", NULL},
    {"SELECT 'offender ' || crn || ': CRN is not one letter and six digits'"
     " FROM offender WHERE crn NOT GLOB '[A-Z][0-9][0-9][0-9][0-9][0-9][0-9]'"
     " AND crn NOT GLOB 'L[0-9]*' AND crn NOT GLOB 'LOC[0-9][0-9][0-9][0-9][0-9][0-9]'", NULL},
    {"SELECT 'offender ' || a.crn || ': a transfer to ' || a.to_office || ' is pending but the case has an officer'"
     " FROM allocation a JOIN offender o ON o.crn = a.crn"
     " WHERE a.status = 'pending' AND o.officer IS NOT NULL", NULL},
    /* Refused since (intake, import); an older database may still hold one. */
    {"SELECT 'PNC ' || pnc || ': held by ' || group_concat(crn, ' and ') || ': ' || ?1"
     " FROM (SELECT pnc, crn FROM offender WHERE pnc IS NOT NULL AND pnc <> '' ORDER BY pnc, crn)"
     " GROUP BY pnc HAVING count(*) > 1", PNC_ONE_PERSON},
    {"SELECT 'appointment ' || id || ': ends before it starts'"
     " FROM appointment WHERE end IS NOT NULL AND end < start", NULL},
    /* Refused since (registration.c); an older database may still hold one. */
    {"SELECT 'registration ' || id || ' (' || type || ', ' || crn || '): ends ' || end_date"
     " || ', after today: it is not shown although still in force'"
     " FROM registration WHERE end_date > " ST_SQL_TODAY, NULL},
    {"SELECT 'contact ' || id || ': corrects contact ' || corrects || ' of another person'"
     " FROM contact c WHERE corrects IS NOT NULL"
     " AND crn <> (SELECT crn FROM contact o WHERE o.id = c.corrects)", NULL},
    /* Refused since (contact_check); an older database may still hold one. */
    {"SELECT 'contact ' || c.id || ': outcome ' || c.outcome || ' of appointment ' || a.id || ', which was '"
     " || a.status || ': correct it (withdraw the outcome)'"
     " FROM contact c JOIN appointment a ON a.id = c.appointment_id"
     " WHERE a.status <> 'booked' AND coalesce(c.outcome, '') <> ''"
     " AND NOT EXISTS (SELECT 1 FROM contact x WHERE x.corrects = c.id)", NULL},
    /* Refused since (case_order_of in the import too); an older database may still hold one. */
    {"SELECT 'appointment ' || a.id || ': ' || printf(?1, 'order', a.order_id, o.crn, a.crn)"
     " FROM appointment a JOIN orders o ON o.id = a.order_id WHERE o.crn <> a.crn",
     CASE_NOT_PERSONS},
    {"SELECT 'contact ' || c.id || ': ' || printf(?1, 'order', c.order_id, o.crn, c.crn)"
     " FROM contact c JOIN orders o ON o.id = c.order_id WHERE o.crn <> c.crn",
     CASE_NOT_PERSONS},
    /* The outcome of another person's appointment (contact_check; the import since). */
    {"SELECT 'contact ' || c.id || ': ' || printf(?1, 'appointment', c.appointment_id, a.crn, c.crn)"
     " FROM contact c JOIN appointment a ON a.id = c.appointment_id WHERE a.crn <> c.crn",
     CASE_NOT_PERSONS},
    /* Closing cancels them since (alloc_appts_case_closed); an older database may still hold one. */
    {"SELECT 'appointment ' || a.id || ' (' || a.crn || ', ' || a.date || ' ' || a.start || '): booked after the case was"
     " closed (' || o.closed_at || '): import the case''s row again to cancel it'"
     " FROM appointment a JOIN offender o ON o.crn = a.crn"
     " WHERE o.status = 'closed' AND a.status = 'booked' AND (a.date || 'T' || a.start) >= o.closed_at"
     " AND " ST_SQL_APPT_OUTCOME("a") " IS NULL", /* one with an outcome stays, as closing leaves it */
     NULL},
    {"SELECT 'contact ' || c.id || ': dated ' || c.date || ', the outcome of appointment ' || a.id || ' on ' || a.date"
     " FROM contact c JOIN appointment a ON a.id = c.appointment_id"
     " WHERE c.date <> a.date AND NOT EXISTS (SELECT 1 FROM contact x WHERE x.corrects = c.id)", NULL},
};

/* A row that refers to a missing record: its key and the column's value, so
 * the words name them ("offender X100002 (row 2): officer CDF08 refers to a
 * missing staff"). Every table with a reference, its key and the columns
 * that refer (json_object's, by the name foreign_key_list gives). */
#define FK_ROW(t, key, cols)                                                                   \
    {t, "SELECT " key ", json_extract(json_object(" cols "), '$.' || ?2) FROM " t " WHERE rowid = ?1"}
static const struct {
    const char *table, *sql;
} fk_rows[] = {
    FK_ROW("staff", "code", "'office', office"),
    FK_ROW("offender", "crn", "'officer', officer, 'office', office"),
    FK_ROW("orders", "id", "'crn', crn"),
    FK_ROW("requirement", "id", "'order_id', order_id"),
    FK_ROW("registration", "id", "'crn', crn"),
    FK_ROW("appointment", "id", "'crn', crn, 'order_id', order_id, 'officer', officer, 'office', office"),
    FK_ROW("contact", "id", "'crn', crn, 'order_id', order_id, 'appointment_id', appointment_id, 'corrects', corrects"),
    FK_ROW("report", "id", "'crn', crn, 'officer', officer"),
    FK_ROW("allocation", "id", "'crn', crn, 'to_officer', to_officer, 'to_office', to_office"),
};

static void fk_words(const char *table, long long rowid, const char *parent, int fkid, cl_store *st, char *buf,
                     size_t len)
{
    table = table ? table : "?";
    parent = parent ? parent : "?";
    snprintf(buf, len, "%s row %lld: refers to a missing %s", table, rowid, parent);
    char col[64] = "";
    sqlite3_stmt *s = st_stmt(st, "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2", NULL);
    if (!s)
        return;
    sqlite3_bind_text(s, 1, table, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, fkid);
    if (sqlite3_step(s) == SQLITE_ROW)
        st_col_copy(s, 0, col, sizeof col);
    sqlite3_reset(s);
    for (size_t i = 0; col[0] && i < sizeof fk_rows / sizeof fk_rows[0]; i++) {
        if (strcmp(fk_rows[i].table, table) || !(s = st_stmt(st, fk_rows[i].sql, NULL)))
            continue;
        sqlite3_bind_int64(s, 1, rowid);
        sqlite3_bind_text(s, 2, col, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s) == SQLITE_ROW)
            snprintf(buf, len, "%s %s (row %lld): %s %s refers to a missing %s", table,
                     (const char *)sqlite3_column_text(s, 0), rowid, col, (const char *)sqlite3_column_text(s, 1),
                     parent);
        sqlite3_reset(s);
    }
}

int store_check(cl_store *st, store_report_fn report, void *arg, cl_err *err)
{
    /* A file cut short first: SQLite's own words for it are only "malformed". */
    int problems = store_diagnose(st->path, report, arg);
    sqlite3_stmt *s = st_stmt(st, "PRAGMA integrity_check", err);
    if (!s)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(s, 0);
        if (r && strcmp(r, "ok") != 0) {
            report(arg, r);
            problems++;
        }
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        st_fail(st, err, "checking the database");
        return -1;
    }
    s = st_stmt(st, "PRAGMA foreign_key_check", err);
    if (!s)
        return -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char buf[512];
        fk_words((const char *)sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1),
                 (const char *)sqlite3_column_text(s, 2), sqlite3_column_int(s, 3), st, buf, sizeof buf);
        report(arg, buf);
        problems++;
    }
    sqlite3_reset(s);
    for (size_t i = 0; i < sizeof invariants / sizeof invariants[0]; i++) {
        s = st_stmt(st, invariants[i].sql, err);
        if (!s)
            return -1;
        if (invariants[i].words)
            sqlite3_bind_text(s, 1, invariants[i].words, -1, SQLITE_STATIC);
        while (sqlite3_step(s) == SQLITE_ROW) {
            report(arg, (const char *)sqlite3_column_text(s, 0));
            problems++;
        }
        sqlite3_reset(s);
    }
    /* FTS5 compares its index with the offender table itself. The check is an
     * INSERT: it needs the write lock (a database in use gives 69, never a
     * false problem) and cannot run on a read-only database (store_readonly:
     * the caller says it was not checked). Only SQLITE_CORRUPT means the index
     * is out of step. */
    if (st->readonly[0])
        return problems;
    s = st_stmt(st, "INSERT INTO offender_fts(offender_fts) VALUES ('integrity-check')", err);
    if (!s)
        return -1;
    rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && (rc & 0xff) == SQLITE_CORRUPT) {
        report(arg, "offender search index is out of step with the offender table");
        problems++;
    } else if (rc != SQLITE_DONE) {
        st_fail(st, err, "checking the search index");
        sqlite3_reset(s);
        return -1;
    }
    sqlite3_reset(s);
    return problems;
}
