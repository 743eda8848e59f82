/* Reading whole records of every kind: one SELECT column list and one row
 * reader per kind, shared by store_get_* (one key) and store_each (all rows in
 * key order, for export). */
#include <stdlib.h>
#include <string.h>

#include "caseload/store_reg.h"
#include "caseload/store_write.h"
#include "store/store_int.h"

#define COPY(field, i) st_col_copy(s, i, v->field, sizeof v->field)
/* Borrowed text: points into SQLite's row buffer, valid until the next step. */
#define BORROW(i) ((char *)(sqlite3_column_text(s, i) ? (const char *)sqlite3_column_text(s, i) : ""))

static void row_office(sqlite3_stmt *s, void *rec)
{
    cl_office *v = rec;
    COPY(code, 0), COPY(name, 1), COPY(address, 2), COPY(phone, 3);
    v->hours_start = st_col_time(s, 4);
    v->hours_end = st_col_time(s, 5);
}

static void row_staff(sqlite3_stmt *s, void *rec)
{
    cl_staff *v = rec;
    COPY(code, 0), COPY(name, 1), COPY(grade, 2), COPY(office, 3), COPY(team, 4);
    v->hours = st_col_num(s, 5);
    v->reduction_hours = st_col_num(s, 6);
    if (v->reduction_hours < 0)
        v->reduction_hours = 0;
}

static void row_offender(sqlite3_stmt *s, void *rec)
{
    cl_offender *v = rec;
    COPY(crn, 0), COPY(surname, 1), COPY(forenames, 2);
    v->date_of_birth = st_col_date(s, 3);
    COPY(gender, 4), COPY(pnc, 5), COPY(address, 6), COPY(postcode, 7), COPY(phone, 8);
    COPY(tier, 9), COPY(officer, 10), COPY(office, 11), COPY(status, 12), COPY(aliases, 13);
    COPY(closed_by, 14), COPY(closed_at, 15), COPY(allocated_at, 16);
}

static void row_order(sqlite3_stmt *s, void *rec)
{
    cl_order *v = rec;
    COPY(id, 0), COPY(crn, 1), COPY(type, 2);
    v->sentence_date = st_col_date(s, 3);
    v->end_date = st_col_date(s, 4);
    COPY(court, 5);
    v->terminated = st_col_date(s, 6);
}

static void row_requirement(sqlite3_stmt *s, void *rec)
{
    cl_requirement *v = rec;
    COPY(id, 0), COPY(order_id, 1), COPY(type, 2), COPY(subtype, 3);
    v->length = st_col_num(s, 4);
    COPY(unit, 5);
    v->start_date = st_col_date(s, 6);
}

void st_row_registration(sqlite3_stmt *s, void *rec)
{
    cl_registration *v = rec;
    v->id = sqlite3_column_int64(s, 0);
    COPY(crn, 1), COPY(type, 2), COPY(category, 3), COPY(level, 4);
    v->start_date = st_col_date(s, 5);
    v->review_date = st_col_date(s, 6);
    v->end_date = st_col_date(s, 7);
    v->notes = BORROW(8);
    COPY(registered_by, 9), COPY(reason, 10), COPY(changed_by, 11), COPY(changed_at, 12);
    v->reviewed_on = st_col_date(s, 13);
}

static void row_appointment(sqlite3_stmt *s, void *rec)
{
    cl_appointment *v = rec;
    COPY(id, 0), COPY(crn, 1), COPY(order_id, 2), COPY(officer, 3), COPY(office, 4);
    v->date = st_col_date(s, 5);
    v->start = st_col_time(s, 6);
    v->end = st_col_time(s, 7);
    COPY(type, 8), COPY(location, 9), COPY(status, 10);
    v->notes = BORROW(11);
    COPY(reason, 12), COPY(changed_by, 13), COPY(changed_at, 14), COPY(replaced_by, 15);
}

static void row_contact(sqlite3_stmt *s, void *rec)
{
    cl_contact *v = rec;
    COPY(id, 0), COPY(crn, 1), COPY(order_id, 2), COPY(officer, 3);
    v->date = st_col_date(s, 4);
    v->time = st_col_time(s, 5);
    v->end = st_col_time(s, 6);
    COPY(type, 7), COPY(outcome, 8), COPY(enforcement, 9), COPY(appointment_id, 10);
    v->notes = BORROW(11);
    v->sensitive = sqlite3_column_int(s, 12) != 0;
    v->rar = sqlite3_column_int(s, 13) != 0;
    COPY(corrects, 14);
    v->respond_by = st_col_date(s, 15);
    COPY(created_by, 16), COPY(created_at, 17);
}

static void row_report(sqlite3_stmt *s, void *rec)
{
    cl_report *v = rec;
    COPY(id, 0), COPY(crn, 1), COPY(type, 2);
    v->requested = st_col_date(s, 3);
    v->due = st_col_date(s, 4);
    COPY(court, 5), COPY(officer, 6), COPY(status, 7);
}

static void row_holiday(sqlite3_stmt *s, void *rec)
{
    cl_holiday *v = rec;
    v->date = st_col_date(s, 0);
    COPY(name, 1);
}

static void row_setting(sqlite3_stmt *s, void *rec)
{
    cl_setting *v = rec;
    COPY(scope, 0), COPY(key, 1), COPY(value, 2);
}

typedef struct kind_sql {
    const char *each;   /* every row in key order */
    const char *get;    /* one row by key (?1) */
    const char *exists; /* SELECT 1 by key */
    const char *count;
    const char *table;
    const char *any;    /* one row when the table has any */
    const char *keys;   /* every key, in no order */
    void (*row)(sqlite3_stmt *s, void *rec);
    size_t size;
    size_t notes_off;   /* offset of a char *notes field, 0 when none */
} kind_sql;

#define OFFICE_COLS "code, name, address, phone, hours_start, hours_end FROM office"
#define STAFF_COLS "code, name, grade, office, team, hours, reduction_hours FROM staff"
#define OFFENDER_COLS                                                                          \
    "crn, surname, forenames, date_of_birth, gender, pnc, address, postcode, phone, tier,"   \
    " officer, office, status, aliases, closed_by, closed_at, allocated_at FROM offender"
#define ORDER_COLS "id, crn, type, sentence_date, end_date, court, terminated_at FROM orders"
#define REQ_COLS "id, order_id, type, subtype, length, unit, start_date FROM requirement"
#define REG_COLS ST_REG_COLS
#define APPT_COLS                                                                              \
    "id, crn, order_id, officer, office, date, start, end, type, location, status, notes,"   \
    " reason, changed_by, changed_at, replaced_by FROM appointment"
#define CONTACT_COLS                                                                           \
    "id, crn, order_id, officer, date, time, end, type, outcome, enforcement,"               \
    " appointment_id, notes, sensitive, rar, corrects, respond_by, created_by, created_at"   \
    " FROM contact"
#define REPORT_COLS "id, crn, type, requested, due, court, officer, status FROM report"
#define HOLIDAY_COLS "date, name FROM holiday"
#define SETTING_COLS "scope, key, value FROM setting"
#define SETTING_KEY "scope || ' ' || key"

#define KIND(cols, key, table, fn, type, notes)                                                \
    {"SELECT " cols " ORDER BY " key, "SELECT " cols " WHERE " key " = ?1",                    \
     "SELECT 1 FROM " table " WHERE " key " = ?1", "SELECT count(*) FROM " table, table,       \
     "SELECT 1 FROM " table " LIMIT 1", "SELECT " key " FROM " table, fn, sizeof(type), notes}

static const kind_sql kinds[STORE_KINDS_N] = {
    [STORE_OFFICE] = KIND(OFFICE_COLS, "code", "office", row_office, cl_office, 0),
    [STORE_STAFF] = KIND(STAFF_COLS, "code", "staff", row_staff, cl_staff, 0),
    [STORE_OFFENDER] = KIND(OFFENDER_COLS, "crn", "offender", row_offender, cl_offender, 0),
    [STORE_ORDER] = {"SELECT " ORDER_COLS " ORDER BY id", "SELECT " ORDER_COLS " WHERE id = ?1",
                     "SELECT 1 FROM orders WHERE id = ?1", "SELECT count(*) FROM orders", "orders",
                     "SELECT 1 FROM orders LIMIT 1", "SELECT id, crn FROM orders", /* with its person */
                     row_order, sizeof(cl_order), 0},
    [STORE_REQUIREMENT] = KIND(REQ_COLS, "id", "requirement", row_requirement, cl_requirement, 0),
    [STORE_REGISTRATION] = {"SELECT " REG_COLS " ORDER BY crn, type, start_date",
                            "SELECT " REG_COLS " WHERE id = ?1",
                            "SELECT 1 FROM registration WHERE id = ?1",
                            "SELECT count(*) FROM registration", "registration",
                            "SELECT 1 FROM registration LIMIT 1", "SELECT id FROM registration",
                            st_row_registration,
                            sizeof(cl_registration), offsetof(cl_registration, notes)},
    [STORE_APPOINTMENT] = {"SELECT " APPT_COLS " ORDER BY id", "SELECT " APPT_COLS " WHERE id = ?1",
                           "SELECT 1 FROM appointment WHERE id = ?1", "SELECT count(*) FROM appointment",
                           "appointment", "SELECT 1 FROM appointment LIMIT 1",
                           /* with its person, as orders, and what an outcome's rules read */
                           "SELECT id, crn, date, start, type, status FROM appointment",
                           row_appointment, sizeof(cl_appointment), offsetof(cl_appointment, notes)},
    [STORE_CONTACT] = KIND(CONTACT_COLS, "id", "contact", row_contact, cl_contact,
                           offsetof(cl_contact, notes)),
    [STORE_REPORT] = KIND(REPORT_COLS, "id", "report", row_report, cl_report, 0),
    [STORE_HOLIDAY] = KIND(HOLIDAY_COLS, "date", "holiday", row_holiday, cl_holiday, 0),
    /* Two key columns, one key text ("N01 no_contact_days_high"); a cleared
     * setting (value NULL) is no record. */
    [STORE_SETTING] = {"SELECT " SETTING_COLS " WHERE value IS NOT NULL ORDER BY scope, key",
                       "SELECT " SETTING_COLS " WHERE " SETTING_KEY " = ?1 AND value IS NOT NULL",
                       "SELECT 1 FROM setting WHERE " SETTING_KEY " = ?1 AND value IS NOT NULL",
                       "SELECT count(*) FROM setting WHERE value IS NOT NULL", "setting",
                       "SELECT 1 FROM setting LIMIT 1",
                       "SELECT " SETTING_KEY " FROM setting WHERE value IS NOT NULL", row_setting,
                       sizeof(cl_setting), 0},
};

int store_each(cl_store *st, store_kind kind, store_each_fn fn, void *arg, cl_err *err)
{
    if ((unsigned)kind >= STORE_KINDS_N)
        return cl_err_set(err, CL_ESOFTWARE, "no such record kind");
    const kind_sql *k = &kinds[kind];
    sqlite3_stmt *s = st_stmt(st, k->each, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    /* One record on the stack, reused row after row: no allocation per row. */
    union {
        cl_office a; cl_staff b; cl_offender c; cl_order d; cl_requirement e;
        cl_registration f; cl_appointment g; cl_contact h; cl_report i; cl_holiday j;
        cl_setting k;
    } rec;
    int rc, stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        k->row(s, &rec);
        if ((stop = fn(arg, &rec)) != 0)
            break;
    }
    sqlite3_reset(s);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading records");
}

/* The one row of s (its key bound) into out, its notes copied. out is
 * zeroed by the caller first, so that clearing it after any failure is safe. */
static int read_one(cl_store *st, const kind_sql *k, sqlite3_stmt *s, const char *key, void *out,
                    cl_err *err)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        k->row(s, out);
        if (k->notes_off) {
            char **notes = (char **)((char *)out + k->notes_off);
            if (!(*notes = strdup(*notes))) {
                sqlite3_reset(s);
                return cl_err_set(err, CL_ESOFTWARE, "out of memory");
            }
        }
        sqlite3_reset(s);
        return CL_OK;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return cl_err_set(err, CL_ENOINPUT, "%s: not found", key ? key : "");
    return st_fail(st, err, "reading a record");
}

static int get(cl_store *st, store_kind kind, const char *key, void *out, cl_err *err)
{
    memset(out, 0, kinds[kind].size);
    if (st->fast && kind == st->fast_kind && st_load_flush(st, err) != CL_OK)
        return err ? err->code : CL_ESOFTWARE; /* rows kept back for a first load are written first */
    sqlite3_stmt *s = st_stmt(st, kinds[kind].get, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, key);
    return read_one(st, &kinds[kind], s, key, out, err);
}

int store_get_office(cl_store *st, const char *code, cl_office *out, cl_err *err)
{
    return get(st, STORE_OFFICE, code, out, err);
}
int store_get_staff(cl_store *st, const char *code, cl_staff *out, cl_err *err)
{
    return get(st, STORE_STAFF, code, out, err);
}
int store_get_offender(cl_store *st, const char *crn, cl_offender *out, cl_err *err)
{
    return get(st, STORE_OFFENDER, crn, out, err);
}
int store_get_order(cl_store *st, const char *id, cl_order *out, cl_err *err)
{
    return get(st, STORE_ORDER, id, out, err);
}
int store_get_requirement(cl_store *st, const char *id, cl_requirement *out, cl_err *err)
{
    return get(st, STORE_REQUIREMENT, id, out, err);
}
int store_get_registration(cl_store *st, const char *crn, const char *type, cl_date start,
                           cl_registration *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    static const char sql[] = "SELECT " REG_COLS " WHERE crn = ?1 AND type = ?2 AND start_date = ?3";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, crn);
    st_bind_text(s, 2, type);
    st_bind_date(s, 3, start);
    return read_one(st, &kinds[STORE_REGISTRATION], s, crn, out, err);
}
int store_reg_get(cl_store *st, long long id, cl_registration *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = st_stmt(st, kinds[STORE_REGISTRATION].get, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_int64(s, 1, id);
    int rc = read_one(st, &kinds[STORE_REGISTRATION], s, NULL, out, err);
    return rc == CL_ENOINPUT ? cl_err_set(err, CL_ENOINPUT, "no registration %lld", id) : rc;
}
int store_get_appointment(cl_store *st, const char *id, cl_appointment *out, cl_err *err)
{
    return get(st, STORE_APPOINTMENT, id, out, err);
}
int store_get_contact(cl_store *st, const char *id, cl_contact *out, cl_err *err)
{
    return get(st, STORE_CONTACT, id, out, err);
}
int store_get_report(cl_store *st, const char *id, cl_report *out, cl_err *err)
{
    return get(st, STORE_REPORT, id, out, err);
}

bool store_exists(cl_store *st, store_kind kind, const char *key)
{
    if ((unsigned)kind >= STORE_KINDS_N || !key || !*key)
        return false;
    if (st->fast && kind == st->fast_kind && st_load_flush(st, NULL) != CL_OK)
        return false; /* the load fails with the error it keeps */
    sqlite3_stmt *s = st_stmt(st, kinds[kind].exists, NULL);
    if (!s)
        return false;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_reset(s);
    return found;
}

int store_each_key(cl_store *st, store_kind kind, store_key_fn fn, void *arg, cl_err *err)
{
    if ((unsigned)kind >= STORE_KINDS_N)
        return cl_err_set(err, CL_ESOFTWARE, "no such record kind");
    if (st->fast && kind == st->fast_kind && st_load_flush(st, err) != CL_OK)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_stmt *s = st_stmt(st, kinds[kind].keys, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc, stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(s, 0);
        int ncols = sqlite3_column_count(s);
        const char *crn = ncols > 1 ? (const char *)sqlite3_column_text(s, 1) : NULL;
        store_key_appt appt;
        if (ncols > 2) {
            appt.date = st_col_date(s, 2);
            appt.start = st_col_time(s, 3);
            appt.type = (const char *)sqlite3_column_text(s, 4);
            appt.status = (const char *)sqlite3_column_text(s, 5);
        }
        if (key && (stop = fn(arg, key, crn, ncols > 2 ? &appt : NULL)) != 0)
            break;
    }
    sqlite3_reset(s);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading keys");
}

const char *st_kind_table(store_kind kind)
{
    return (unsigned)kind < STORE_KINDS_N ? kinds[kind].table : NULL;
}

const char *st_kind_any(store_kind kind)
{
    return (unsigned)kind < STORE_KINDS_N ? kinds[kind].any : NULL;
}

void st_kind_record(store_kind kind, size_t *size, size_t *notes_off)
{
    *size = (unsigned)kind < STORE_KINDS_N ? kinds[kind].size : 0;
    *notes_off = (unsigned)kind < STORE_KINDS_N ? kinds[kind].notes_off : 0;
}

long long store_count(cl_store *st, store_kind kind)
{
    if ((unsigned)kind >= STORE_KINDS_N)
        return -1;
    if (st->fast && kind == st->fast_kind && st_load_flush(st, NULL) != CL_OK)
        return -1;
    sqlite3_stmt *s = st_stmt(st, kinds[kind].count, NULL);
    if (!s)
        return -1;
    long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    return n;
}

/* Every record of one person (crn), in the order the record shows them:
 * orders newest first, requirements by order, registrations active first
 * then newest, appointments by date and time, contacts newest first, reports
 * newest first. The same contract as store_each. */
int store_each_of_person(cl_store *st, store_kind kind, const char *crn, store_each_fn fn, void *arg,
                         cl_err *err)
{
    static const char *const sql[STORE_KINDS_N] = {
        [STORE_ORDER] = "SELECT " ORDER_COLS " WHERE crn = ?1 ORDER BY sentence_date DESC, id",
        [STORE_REQUIREMENT] = "SELECT " REQ_COLS " WHERE order_id IN (SELECT id FROM orders WHERE crn = ?1)"
                              " ORDER BY order_id, start_date, id",
        [STORE_REGISTRATION] = "SELECT " REG_COLS " WHERE crn = ?1"
                               " ORDER BY end_date IS NOT NULL, start_date DESC, type",
        [STORE_APPOINTMENT] = "SELECT " APPT_COLS " WHERE crn = ?1 ORDER BY date, start, id",
        [STORE_CONTACT] = "SELECT " CONTACT_COLS " WHERE crn = ?1 ORDER BY date DESC, time DESC, id DESC",
        [STORE_REPORT] = "SELECT " REPORT_COLS " WHERE crn = ?1 ORDER BY requested DESC, id",
    };
    if ((unsigned)kind >= STORE_KINDS_N || !sql[kind])
        return cl_err_set(err, CL_ESOFTWARE, "no per-person list for this record kind");
    sqlite3_stmt *s = st_stmt(st, sql[kind], err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    union {
        cl_order d; cl_requirement e; cl_registration f; cl_appointment g; cl_contact h; cl_report i;
    } rec;
    int rc, stop = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        kinds[kind].row(s, &rec);
        if ((stop = fn(arg, &rec)) != 0)
            break;
    }
    sqlite3_reset(s);
    if (stop)
        return stop;
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading a record");
}
