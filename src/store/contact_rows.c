/* Contact rows: insert (append-only), read, history, corrections, and the
 * effective rows the enforcement rules count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "caseload/store_contact.h"
#include "caseload/store_write.h"
#include "store/contact_sql.h"
#include "store/store_int.h"

#define COLS                                                                                   \
    "c.id, c.crn, c.order_id, c.officer, c.date, c.time, c.end, c.type, c.outcome,"            \
    " c.enforcement, c.appointment_id, c.notes, c.sensitive, c.rar, c.corrects, c.respond_by," \
    " c.created_by, c.created_at"
#define NCOLS 18

/* Reads the COLS columns starting at column 0; notes are strdup'd. */
static int read_contact(sqlite3_stmt *s, cl_contact *c, cl_err *err)
{
    memset(c, 0, sizeof *c);
    st_col_copy(s, 0, c->id, sizeof c->id);
    st_col_copy(s, 1, c->crn, sizeof c->crn);
    st_col_copy(s, 2, c->order_id, sizeof c->order_id);
    st_col_copy(s, 3, c->officer, sizeof c->officer);
    c->date = st_col_date(s, 4);
    c->time = st_col_time(s, 5);
    c->end = st_col_time(s, 6);
    st_col_copy(s, 7, c->type, sizeof c->type);
    st_col_copy(s, 8, c->outcome, sizeof c->outcome);
    st_col_copy(s, 9, c->enforcement, sizeof c->enforcement);
    st_col_copy(s, 10, c->appointment_id, sizeof c->appointment_id);
    const char *notes = (const char *)sqlite3_column_text(s, 11);
    if (notes && !(c->notes = strdup(notes)))
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    c->sensitive = sqlite3_column_int(s, 12) != 0;
    c->rar = sqlite3_column_int(s, 13) != 0;
    st_col_copy(s, 14, c->corrects, sizeof c->corrects);
    c->respond_by = st_col_date(s, 15);
    st_col_copy(s, 16, c->created_by, sizeof c->created_by);
    st_col_copy(s, 17, c->created_at, sizeof c->created_at);
    return CL_OK;
}

/* "C" and 12 hex digits from the kernel's random source: unique across
 * offices that later exchange changesets, unlike a local counter. */
static void new_id(char *out, size_t len)
{
    unsigned char b[6] = {0};
    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
        static unsigned long n;
        unsigned long v = (unsigned long)(size_t)out ^ ++n;
        memcpy(b, &v, sizeof b < sizeof v ? sizeof b : sizeof v);
    }
    snprintf(out, len, "C%02X%02X%02X%02X%02X%02X", b[0], b[1], b[2], b[3], b[4], b[5]);
}

static bool id_exists(cl_store *st, const char *id)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT 1 FROM contact WHERE id = ?", NULL);
    if (!s)
        return false;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_reset(s);
    return found;
}

int store_contact_insert(cl_store *st, cl_contact *c, cl_err *err)
{
    if (!c->id[0]) {
        do
            new_id(c->id, sizeof c->id);
        while (id_exists(st, c->id));
    } else if (id_exists(st, c->id)) {
        return cl_err_set(err, CL_EDATA, "contact %s already exists: contacts cannot be changed: add a correction", c->id);
    }
    snprintf(c->created_by, sizeof c->created_by, "%s", store_actor(st));
    snprintf(c->created_at, sizeof c->created_at, "%s", store_now(st));
    if (c->time < 0)
        c->time = 0; /* the column is NOT NULL */
    return store_put_contact(st, c, NULL, err);
}

/* A first load of contacts keeps rows back to insert them in batches
 * (st_load_flush): a query of contacts during one sees them written first. */
static int flushed(cl_store *st, cl_err *err)
{
    return st->fast && st->fast_kind == STORE_CONTACT ? st_load_flush(st, err) : CL_OK;
}

int store_contact_corrected_by(cl_store *st, const char *id, char *out, size_t len, cl_err *err)
{
    int frc = flushed(st, err);
    if (frc != CL_OK)
        return frc;
    static const char sql[] =
        "SELECT id FROM contact WHERE corrects = ? ORDER BY date DESC, time DESC, rowid DESC LIMIT 1";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st_col_copy(s, 0, out, len);
    else if (len)
        out[0] = '\0';
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading corrections");
}

int store_appt_outcome_contact(cl_store *st, const char *appointment_id, cl_contact *out,
                               bool *found, cl_err *err)
{
    /* Any outcome counts, AFTA (evidence awaited) too: it is a logged failure. */
    static const char sql[] = "SELECT " COLS " FROM contact c WHERE " ST_SQL_APPT_OUTCOME_ROW("c", "?1");
    *found = false;
    int frc = flushed(st, err);
    if (frc != CL_OK)
        return frc;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, appointment_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s), ret = CL_OK;
    if (rc == SQLITE_ROW) {
        *found = true;
        ret = read_contact(s, out, err);
    } else if (rc != SQLITE_DONE) {
        ret = st_fail(st, err, "reading an appointment's outcome");
    }
    sqlite3_reset(s);
    return ret;
}

int store_each_appt_with_outcome(cl_store *st, store_appt_id_fn fn, void *arg, cl_err *err)
{
    /* The appointments store_appt_outcome_contact finds an outcome for. */
    static const char sql[] = "SELECT c.appointment_id FROM contact c WHERE c.appointment_id IS NOT NULL"
                              " AND c.outcome IS NOT NULL AND " ST_SQL_EFFECTIVE("c");
    int rc = flushed(st, err);
    if (rc != CL_OK)
        return rc;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if ((stop = fn(arg, (const char *)sqlite3_column_text(s, 0))) != 0)
            break;
    sqlite3_reset(s);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading appointments' outcomes");
}

int store_order_has_requirement(cl_store *st, const char *order_id, const char *type, cl_date on, bool *out,
                                cl_err *err)
{
    static const char sql[] = "SELECT 1 FROM requirement WHERE order_id = ?1 AND type = ?2"
                              " AND (terminated_at IS NULL OR terminated_at = '' OR terminated_at > ?3) LIMIT 1";
    *out = false;
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    char d[CL_DATE_LEN];
    sqlite3_bind_text(s, 1, order_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, date_format(on, d), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s), ret = CL_OK;
    if (rc == SQLITE_ROW)
        *out = true;
    else if (rc != SQLITE_DONE)
        ret = st_fail(st, err, "reading an order's requirements");
    sqlite3_reset(s);
    return ret;
}

int store_contact_each(cl_store *st, const char *crn, const char *type, const char *outcome,
                       size_t limit, store_contact_fn fn, void *arg, cl_err *err)
{
    /* The (crn, date, time) index serves the order; the filters are bound,
     * NULL meaning "any". */
    static const char sql[] =
        "SELECT " COLS ", (SELECT k.id FROM contact k WHERE k.corrects = c.id"
        " ORDER BY k.rowid DESC LIMIT 1)"
        " FROM contact c WHERE c.crn = ?1 AND (?2 IS NULL OR c.type = ?2)"
        " AND (?3 IS NULL OR c.outcome = ?3)"
        " ORDER BY c.date DESC, c.time DESC, c.rowid DESC LIMIT ?4";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 2, type);
    st_bind_text(s, 3, outcome);
    sqlite3_bind_int64(s, 4, limit ? (sqlite3_int64)limit : -1);
    int rc, ret = CL_OK;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cl_contact c;
        if ((ret = read_contact(s, &c, err)) != CL_OK)
            break;
        const char *by = (const char *)sqlite3_column_text(s, NCOLS);
        bool more = fn(arg, &c, by ? by : "");
        cl_contact_clear(&c);
        if (!more)
            break;
    }
    if (ret == CL_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        ret = st_fail(st, err, "reading contacts");
    sqlite3_reset(s);
    return ret;
}

int store_contact_each_enf(cl_store *st, const char *crn, store_enf_fn fn, void *arg, cl_err *err)
{
    static const char sql[] =
        "SELECT c.id, c.order_id, c.date, c.time, c.outcome, c.enforcement, c.rowid, c.respond_by"
        " FROM contact c WHERE c.crn = ?1 AND " ST_SQL_ENF_ROW("c");
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        enf_row r = {
            .id = (const char *)sqlite3_column_text(s, 0),
            .order_id = (const char *)sqlite3_column_text(s, 1),
            .date = st_col_date(s, 2),
            .time = st_col_time(s, 3),
            .outcome = (const char *)sqlite3_column_text(s, 4),
            .action = (const char *)sqlite3_column_text(s, 5),
            .seq = sqlite3_column_int64(s, 6),
            .respond_by = st_col_date(s, 7),
        };
        fn(arg, &r);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading contacts for enforcement");
}

int store_order_types_each(cl_store *st, const char *crn, store_order_type_fn fn, void *arg, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT id, type FROM orders WHERE crn = ?", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1));
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading orders");
}

int store_outcome_needed_each(cl_store *st, const char *officer, cl_date today, int now_minutes,
                              const char *pending, store_outcome_needed_fn fn, void *arg, cl_err *err)
{
    /* Served by appointment_officer (officer, date, start) for one officer. */
    static const char sql[] =
        "SELECT " ST_APPT_COLS ", p.id, p.outcome FROM appointment a"
        " LEFT JOIN contact p ON p.id = (SELECT c.id FROM contact c WHERE " ST_SQL_APPT_OUTCOME_ROW("c", "a.id") ")"
        " WHERE (?1 IS NULL OR a.officer = ?1) AND " ST_SQL_NEEDS_OUTCOME("a", "?2", "?3", "?4") ST_SQL_CASE_OPEN("a")
        " ORDER BY a.date, a.start, a.id";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, officer);
    st_bind_date(s, 2, today);
    st_bind_time(s, 3, now_minutes);
    st_bind_text(s, 4, pending);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cl_appointment a;
        st_read_appt(s, &a);
        const char *pid = (const char *)sqlite3_column_text(s, ST_APPT_NCOLS);
        const char *pout = (const char *)sqlite3_column_text(s, ST_APPT_NCOLS + 1);
        store_outcome_needed_row row = {&a, pid ? pid : "", pout ? pout : ""};
        if (!fn(arg, &row)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading appointments that need an outcome");
}
