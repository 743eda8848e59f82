/* The due list's reads: one statement per kind, in four scope variants
 * (static strings, so each is prepared once and cached). */
#include <stdio.h>

#include "caseload/store_due.h"
#include "store/contact_sql.h"
#include "store/store_int.h"

/* The same query for an officer, an office, everyone and a list of CRNs:
 * officer/office/crn name the columns that scope it. ?1 is the key. */
#define SCOPED(head, officer, office, crn, tail)                                               \
    {head " AND " officer " = ?1" tail, head " AND " office " = ?1" tail,                      \
     head " AND ?1 IS NULL" tail, head " AND " crn " IN (SELECT value FROM json_each(?1))" tail}

/* The same for a query of the people's own rows: an officer's, an office's
 * and everyone's read through their active people (offender o); a list of
 * CRNs names active people (the people statement's, see store_due.h), so its
 * rows are read by their own crn column, with no offender row: a sixth of
 * such a statement for a page of 20 at national scale. cols use crn, not
 * o.crn; cond is the query's own condition, joins its further joins; a list
 * ordered by person says so in both tails (o.crn's keeps everyone's list
 * reading person by person, not every row of the table). */
#define BY_PEOPLE(cols, table, crn, cond, joins, tail, crn_tail)                               \
    {PEOPLE_HEAD(cols, table, crn, joins) " AND " cond " AND o.officer = ?1" tail,             \
     PEOPLE_HEAD(cols, table, crn, joins) " AND " cond " AND o.office = ?1" tail,              \
     PEOPLE_HEAD(cols, table, crn, joins) " AND " cond " AND ?1 IS NULL" tail,                 \
     "SELECT " cols " FROM " table joins " WHERE " cond " AND " crn IN_JSON("?1") crn_tail}
#define PEOPLE_HEAD(cols, table, crn, joins)                                                   \
    "SELECT " cols " FROM offender o JOIN " table " ON " crn " = o.crn" joins " WHERE o.status = 'active'"

#define EFF(a) ST_SQL_EFFECTIVE(a)
#define IN_JSON(p) " IN (SELECT value FROM json_each(" p "))"

/* Parameters shared by every statement (unused ones are left unbound). */
static void bind_q(sqlite3_stmt *s, const store_due_q *q)
{
    int n = sqlite3_bind_parameter_count(s);
    if (q->scope == STORE_DUE_ALL)
        sqlite3_bind_null(s, 1);
    else
        sqlite3_bind_text(s, 1, q->key ? q->key : "", -1, SQLITE_STATIC);
    /* The caller's strings outlive the statement's steps: no copies. */
    const char *text[] = {NULL, NULL, q->attended, q->contact_types, q->home_visit, q->failures, NULL,
                          q->credited, q->upw_session, q->upw_requirement, q->upw_reviews, q->pending};
    for (int i = 2; i <= n && i < (int)(sizeof text / sizeof text[0]); i++)
        if (text[i])
            sqlite3_bind_text(s, i, text[i], -1, SQLITE_STATIC);
    if (n >= 6)
        st_bind_date(s, 6, q->from);
    if (n >= 12)
        st_bind_time(s, 12, q->now_minutes);
    if (n >= 13 && q->closed_days)
        sqlite3_bind_text(s, 13, q->closed_days, -1, SQLITE_STATIC);
    if (n >= 14 && q->waiting_actions)
        sqlite3_bind_text(s, 14, q->waiting_actions, -1, SQLITE_STATIC);
    if (n >= 15 && q->limited_grades)
        sqlite3_bind_text(s, 15, q->limited_grades, -1, SQLITE_STATIC);
}

static sqlite3_stmt *prep(cl_store *st, const char *const sql[4], const store_due_q *q, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, sql[q->scope], err);
    if (s)
        bind_q(s, q);
    return s;
}

/* The caller's function and argument, for each kind of row. */
typedef struct due_cb {
    void *arg;
    union {
        store_due_person_fn person;
        store_due_reg_fn reg;
        store_due_holding_fn holding;
        store_due_enf_fn enf;
        store_due_order_fn order;
        store_due_report_fn report;
        store_due_appt_fn appt;
    } fn;
} due_cb;

/* Runs a scoped statement: emit reads each row and calls the caller's fn. */
typedef void (*emit_fn)(sqlite3_stmt *s, const due_cb *cb);
static int each_row(cl_store *st, const char *const sql[4], const store_due_q *q, emit_fn emit,
                    const due_cb *cb, cl_err *err, const char *what)
{
    sqlite3_stmt *s = prep(st, sql, q, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        emit(s, cb);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, what);
}

static const char *col_text(sqlite3_stmt *s, int i) { return (const char *)sqlite3_column_text(s, i); }

#define LATEST(cond)                                                                           \
    "(SELECT c.date FROM contact c WHERE c.crn = o.crn AND " cond " AND " EFF("c")            \
    " ORDER BY c.date DESC LIMIT 1)"

#define PERSON_COLS "o.crn, o.surname, o.forenames, o.officer, o.office"

static void read_person(sqlite3_stmt *s, store_due_person *p, bool dates)
{
    p->crn = col_text(s, 0);
    p->surname = col_text(s, 1);
    p->forenames = col_text(s, 2);
    p->officer = col_text(s, 3);
    p->office = col_text(s, 4);
    p->last_attended = dates ? st_col_date(s, 5) : CL_DATE_NONE;
    p->last_contact = dates ? st_col_date(s, 6) : CL_DATE_NONE;
    p->last_home_visit = dates ? st_col_date(s, 7) : CL_DATE_NONE;
}

static void emit_person(sqlite3_stmt *s, const due_cb *cb)
{
    store_due_person p;
    read_person(s, &p, true);
    cb->fn.person(cb->arg, &p);
}

int store_due_people(cl_store *st, const store_due_q *q, store_due_person_fn fn, void *arg, cl_err *err)
{
    static const char *const sql[4] = SCOPED(
        "SELECT " PERSON_COLS ","
        LATEST("c.outcome" IN_JSON("?2")) ","
        "(SELECT c.date FROM contact c WHERE c.crn = o.crn AND " ST_SQL_IS_CONTACT("c", "?2", "?3")
        " ORDER BY c.date DESC LIMIT 1),"
        LATEST("c.type = ?4 AND c.outcome" IN_JSON("?2"))
        " FROM offender o WHERE o.status = 'active'",
        "o.officer", "o.office", "o.crn", "");
    due_cb cb = {arg, {.person = fn}};
    return each_row(st, sql, q, emit_person, &cb, err, "reading the people for the due list");
}

int store_due_person_one(cl_store *st, const char *crn, store_due_person_fn fn, void *arg, bool *found,
                         cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT " PERSON_COLS " FROM offender o WHERE o.crn = ?", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, crn, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    *found = rc == SQLITE_ROW;
    if (*found) {
        store_due_person p;
        read_person(s, &p, false);
        fn(arg, &p);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading a person");
}

static void emit_holding(sqlite3_stmt *s, const due_cb *cb)
{
    store_due_holding h = {
        .crn = col_text(s, 0),
        .grade = col_text(s, 1),
        .tier = col_text(s, 2),
        .from = st_col_date(s, 3),
        .override = sqlite3_column_int(s, 4) != 0,
    };
    cb->fn.holding(cb->arg, &h);
}

int store_due_holdings(cl_store *st, const store_due_q *q, store_due_holding_fn fn, void *arg, cl_err *err)
{
    static const char *const sql[4] = BY_PEOPLE(
        "h.crn, s.grade, h.tier, substr(COALESCE(h.allocated_at, h.created_at), 1, 10), "
        STORE_SQL_HOLDING_OVERRIDE("h"), "offender h", "h.crn", "s.grade" IN_JSON("?15"),
        " JOIN staff s ON s.code = h.officer", "", "");
    due_cb cb = {arg, {.holding = fn}};
    return each_row(st, sql, q, emit_holding, &cb, err, "reading who holds the cases for the due list");
}

static void emit_reg(sqlite3_stmt *s, const due_cb *cb)
{
    store_due_reg r = {
        .crn = col_text(s, 0),
        .id = sqlite3_column_int64(s, 1),
        .type = col_text(s, 2),
        .category = col_text(s, 3),
        .level = col_text(s, 4),
        .start = st_col_date(s, 5),
        .review = st_col_date(s, 6),
    };
    cb->fn.reg(cb->arg, &r);
}

int store_due_registrations(cl_store *st, const store_due_q *q, store_due_reg_fn fn, void *arg, cl_err *err)
{
    static const char *const sql[4] = BY_PEOPLE(
        "r.crn, r.id, r.type, r.category, r.level, r.start_date, r.review_date", "registration r", "r.crn",
        "r.end_date IS NULL", "", " ORDER BY o.crn", " ORDER BY r.crn");
    due_cb cb = {arg, {.reg = fn}};
    return each_row(st, sql, q, emit_reg, &cb, err, "reading registrations for the due list");
}

static void emit_enf(sqlite3_stmt *s, const due_cb *cb)
{
    enf_row r = {
        .id = col_text(s, 1),
        .order_id = col_text(s, 2),
        .date = st_col_date(s, 3),
        .time = st_col_time(s, 4),
        .outcome = col_text(s, 5),
        .action = col_text(s, 6),
        .seq = sqlite3_column_int64(s, 7),
        .respond_by = st_col_date(s, 9),
    };
    cb->fn.enf(cb->arg, col_text(s, 0), &r, col_text(s, 8));
}

int store_due_enf_rows(cl_store *st, const store_due_q *q, store_due_enf_fn fn, void *arg, cl_err *err)
{
    /* Along contact_person: the rows of one person lie together. The order's
     * type only matters on an order with a failure (the words of a due
     * action), so it is looked up for failure rows only. */
    /* respond_by is not in contact_person: read from the row only for the
     * actions that await a response (?14: the only ones the rule reads it
     * of), so the rest stay index-only (a page of 20: 14 pages read fewer). */
    /* The order's type from orders_crn, whose pages the orders statement has
     * just read: by its primary key it cost two more page reads per failure
     * (national scale, 20 people: 41 -> 14 pages read, 10% of the statement). */
    static const char *const sql[4] = BY_PEOPLE(
        "c.crn, c.id, c.order_id, c.date, c.time, c.outcome, c.enforcement, c.rowid, d.type,"
        " CASE WHEN c.enforcement" IN_JSON("?14") " THEN (SELECT x.respond_by FROM contact x WHERE x.rowid = c.rowid) END",
        "contact c", "c.crn", ST_SQL_ENF_ROW("c"),
        " LEFT JOIN orders d INDEXED BY orders_crn ON c.outcome" IN_JSON("?5") " AND d.crn = c.crn AND d.id = c.order_id",
        " ORDER BY o.crn", " ORDER BY c.crn");
    due_cb cb = {arg, {.enf = fn}};
    return each_row(st, sql, q, emit_enf, &cb, err, "reading contacts for enforcement");
}

/* An order's contacts, along contact_order_facts (order_id, date, ...): the
 * first or last matching one in date order, or a sum over them. cond says
 * "effective" itself (ST_SQL_UPW_CREDITED does: once is enough). */
#define ON_ORDER(what, cond, order)                                                            \
    "CASE WHEN q.id IS NULL THEN NULL ELSE (SELECT " what " FROM contact c"                    \
    " WHERE c.order_id = d.id AND " cond order ") END"
#define FIRST " ORDER BY c.date LIMIT 1"
#define LAST " ORDER BY c.date DESC LIMIT 1"

static void emit_order(sqlite3_stmt *s, const due_cb *cb)
{
    store_due_order o = {
        .crn = col_text(s, 0),
        .order_id = col_text(s, 1),
        .order_type = col_text(s, 2),
        .sentence = st_col_date(s, 3),
        .req_id = col_text(s, 4),
        .hours_ordered = sqlite3_column_double(s, 5),
        .req_start = st_col_date(s, 6),
        .first_attended = st_col_date(s, 7),
        .first_session = st_col_date(s, 8),
        .last_review = st_col_date(s, 9),
        .minutes_done = sqlite3_column_double(s, 10),
    };
    cb->fn.order(cb->arg, &o);
}

int store_due_orders(cl_store *st, const store_due_q *q, store_due_order_fn fn, void *arg, cl_err *err)
{
    static const char *const sql[4] = BY_PEOPLE(
        "d.crn, d.id, d.type, d.sentence_date, q.id, q.length, q.start_date, "
        ON_ORDER("c.date", "c.outcome" IN_JSON("?2") " AND " EFF("c"), FIRST) ", "
        ON_ORDER("c.date", ST_SQL_UPW_CREDITED("c", "?8", "?7"), FIRST) ", "
        ON_ORDER("c.date", "c.type" IN_JSON("?10") " AND c.outcome" IN_JSON("?2") " AND c.date <= ?6 AND " EFF("c"),
                 LAST) ", "
        ON_ORDER("SUM(" ST_SQL_MINUTES("c") ")", ST_SQL_UPW_CREDITED("c", "?8", "?7"), ""),
        "orders d", "d.crn", ST_SQL_ORDER_CURRENT("d", "?6"),
        " LEFT JOIN requirement q ON q.order_id = d.id AND q.type = ?9 AND q.terminated_at IS NULL", "", "");
    due_cb cb = {arg, {.order = fn}};
    return each_row(st, sql, q, emit_order, &cb, err, "reading orders for the due list");
}

static void emit_report(sqlite3_stmt *s, const due_cb *cb)
{
    store_due_report r = {
        .crn = col_text(s, 0),
        .id = col_text(s, 1),
        .type = col_text(s, 2),
        .court = col_text(s, 3),
        .officer = col_text(s, 4),
        .requested = st_col_date(s, 5),
        .due = st_col_date(s, 6),
    };
    cb->fn.report(cb->arg, &r);
}

int store_due_reports(cl_store *st, const store_due_q *q, store_due_report_fn fn, void *arg, cl_err *err)
{
    /* Driven by the partial index of requested reports (few at any time). */
    static const char *const sql[4] = SCOPED(
        "SELECT p.crn, p.id, p.type, p.court, coalesce(p.officer, o.officer), p.requested, p.due"
        " FROM report p JOIN offender o ON o.crn = p.crn WHERE p.status = 'requested'",
        "coalesce(p.officer, o.officer)", "o.office", "p.crn", "");
    due_cb cb = {arg, {.report = fn}};
    return each_row(st, sql, q, emit_report, &cb, err, "reading reports for the due list");
}

static void emit_appt(sqlite3_stmt *s, const due_cb *cb)
{
    store_due_appt a = {
        .crn = col_text(s, 0),
        .id = col_text(s, 1),
        .type = col_text(s, 2),
        .officer = col_text(s, 3),
        .date = st_col_date(s, 4),
        .start = col_text(s, 5),
    };
    cb->fn.appt(cb->arg, &a);
}

int store_due_outcomes_needed(cl_store *st, const store_due_q *q, store_due_appt_fn fn, void *arg, cl_err *err)
{
    /* The appointment's own officer and office: whoever must log it. */
    /* A page's CRNs are active people: only the scopes read closed cases' rows too. */
#define NEEDS "SELECT a.crn, a.id, a.type, a.officer, a.date, a.start FROM appointment a" \
              " WHERE " ST_SQL_NEEDS_OUTCOME("a", "?6", "?12", "?11")
    static const char *const sql[4] = {
        NEEDS ST_SQL_CASE_OPEN("a") " AND a.officer = ?1", NEEDS ST_SQL_CASE_OPEN("a") " AND a.office = ?1",
        NEEDS ST_SQL_CASE_OPEN("a") " AND ?1 IS NULL", NEEDS " AND a.crn" IN_JSON("?1")};
#undef NEEDS
    due_cb cb = {arg, {.appt = fn}};
    return each_row(st, sql, q, emit_appt, &cb, err, "reading appointments that need an outcome");
}

int store_due_closed_day_appts(cl_store *st, const store_due_q *q, store_due_appt_fn fn, void *arg, cl_err *err)
{
    static const char *const sql[4] = SCOPED(
        "SELECT a.crn, a.id, a.type, a.officer, a.date, a.start FROM appointment a"
        " WHERE a.status = 'booked' AND a.date" IN_JSON("?13"),
        "a.officer", "a.office", "a.crn", "");
    due_cb cb = {arg, {.appt = fn}};
    return each_row(st, sql, q, emit_appt, &cb, err, "reading appointments on weekends and bank holidays");
}
