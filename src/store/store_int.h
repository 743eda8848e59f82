/* Private to src/store: the handle and helpers every query file uses. */
#ifndef CASELOAD_STORE_INT_H
#define CASELOAD_STORE_INT_H

#include <sqlite3.h>

#include "caseload/store.h"
#include "caseload/store_write.h"

/* The page cache for interactive use. A key press in the search reads a
 * screenful of people's rows (risk, next appointment, last contact,
 * enforcement, what is overdue): at national scale 3.5x SQLite's default 2 MB
 * keeps those pages between key presses (measured at 8 MB: a fifth less CPU
 * per key press than 2 MB; 7 MB not told apart from 8) and keeps the screen's
 * peak memory near 17 MB, 19.5 MB with the lists kept for c (goal: under
 * 20 MB; bench/uimem.sh). */
#define ST_NORMAL_CACHE "PRAGMA cache_size=-7168" /* KiB */

/* An order (alias a) still in force on day (an SQL date expression):
 * order_state_on's rule, called from SQL (order_state.c). */
#define ST_SQL_ORDER_CURRENT(a, day)                                                           \
    "NOT cl_order_ended(" a ".sentence_date, " a ".end_date, " a ".terminated_at, " day ")"
/* The day by the store's clock (CASELOAD_NOW in tests), for a query with no day bound. */
#define ST_SQL_TODAY "substr(cl_now(), 1, 10)"

struct cl_store {
    sqlite3 *db;
    char *path;
    char who[64];
    char now[20];
    bool now_fixed;
    char warning[512];
    char readonly[1100]; /* why the store is read-only (store_readonly), or "" */
    char damage[320];   /* what store_diagnose found at open, or "" */
    bool checking;      /* opened for `caseload check` (STORE_CHECKING) */
    int bulk;
    int depth; /* store_begin nesting: 1 = the transaction, more = savepoints */
    /* The actions of the open transaction and its savepoints (store_action),
     * innermost last; each is dropped when the depth it was set at ends. */
    struct st_action {
        char *act, *reason, *via;
        int depth;
    } acts[8];
    int nacts;
    struct st_action_fn {
        struct cl_store *st;
        int part; /* 0 act, 1 reason, 2 via */
    } action_fns[3];
    bool reading; /* a read snapshot is open (store_read_begin) */
    bool bulk_journal; /* switched to a rollback journal for a bulk load */
    bool now_held;     /* a load: store_now keeps the stamp of its start */
    bool bulk_fks;     /* foreign keys were on before the load turned them off */
    /* A first load into an empty table (bulk.c): the table's own indexes and
     * triggers, dropped for the load and created again before the commit. */
    bool fast;
    store_kind fast_kind;
    const char **fast_create; /* CREATE statements from sqlite_schema, in order */
    int nfast;
    struct st_load *load;     /* rows of a first load waiting to go in (write_common.c) */
    int data_version;
    unsigned long elsewhere; /* commits by other connections seen (store_generation) */
    /* Prepared statements by their static SQL text. It only grows: a
     * statement handed out may still be stepping in a caller's loop, so none
     * is finalized before the store closes. */
    struct st_cached {
        const char *sql;
        sqlite3_stmt *stmt;
    } *cache;
    int ncache, cache_cap;
};

/* A prepared statement for a static SQL string, cached and reset for reuse.
 * NULL with err set when it cannot be prepared. */
sqlite3_stmt *st_stmt(cl_store *st, const char *sql, cl_err *err);
/* Maps the connection's last error to a cl_err code and message; returns the code. */
int st_fail(cl_store *st, cl_err *err, const char *what);
/* Registers cl_order_ended() on a connection (order_state.c). */
int st_order_functions(sqlite3 *db);
/* Binds text or NULL when s is NULL or empty. */
int st_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Binds a date as ISO text, NULL for CL_DATE_NONE. */
int st_bind_date(sqlite3_stmt *s, int i, cl_date d);
/* Reads a column as a date (CL_DATE_NONE when NULL or malformed); and
 * stored text likewise (a function's argument). */
cl_date st_col_date(sqlite3_stmt *s, int i);
cl_date st_text_date(const char *t);
/* Copies a text column into buf (empty when NULL). */
char *st_col_copy(sqlite3_stmt *s, int i, char *buf, size_t len);
/* wait false: a write that finds the database locked fails at once (CL_EBUSY)
 * rather than waiting for the busy timeout; true: waits again. */
void st_wait(cl_store *st, bool wait);
/* Runs a statement that returns no rows (one step, then reset). */
int st_exec_stmt(cl_store *st, sqlite3_stmt *s, cl_err *err, const char *what);

/* Binds text that outlives the statement's step without a copy (SQLITE_STATIC):
 * only for a record's own fields bound and stepped within one call (st_upsert);
 * st_stmt clears the bindings before the statement is used again. */
int st_bind_rec_text(sqlite3_stmt *s, int i, const char *v);
/* A time of day (minutes) as "HH:MM", NULL when negative; and back (-1 when NULL). */
int st_bind_time(sqlite3_stmt *s, int i, int minutes);
int st_col_time(sqlite3_stmt *s, int i);
/* A number, NULL when negative; and back (-1 when NULL). */
int st_bind_num(sqlite3_stmt *s, int i, double v);
double st_col_num(sqlite3_stmt *s, int i);

/* The upsert every store_put_* runs (write_common.c). The three statements
 * share numbered parameters ?1..?N filled by bind (at 0); insert adds the row and
 * ends in ON CONFLICT DO NOTHING (no change: the key exists); check returns one
 * row with one column, true when the stored row equals the bound values;
 * update (NULL for append-only kinds) rewrites it.
 * In a first load (bulk.c) every row is new: rows are kept and inserted
 * ST_LOAD_ROWS at a time by `load` (one statement run instead of one a row:
 * about half the cost a row at 16 rows, measured; 64 took another 6-10% off
 * the load's CPU time at national scale), bind filling row k at k * nparams. */
typedef void (*st_binder)(sqlite3_stmt *s, int at, const void *rec);
typedef struct st_upsert_sql {
    const char *what; /* "office", for messages */
    const char *check, *insert, *update;
    const char *load; /* ST_LOAD: ST_LOAD_ROWS new rows */
    int nparams;      /* parameters of one row */
} st_upsert_sql;

/* The n-th value of a new row (write_*.c ROW(P)): ?n in the one-row
 * statements, columnN of a VALUES list in the many-row insert. */
#define ST_P(n) "?" #n
#define ST_C(n) "column" #n
/* N parameters: one row of the VALUES list. */
#define ST_Q1 "?"
#define ST_Q2 ST_Q1 ",?"
#define ST_Q3 ST_Q2 ",?"
#define ST_Q4 ST_Q3 ",?"
#define ST_Q5 ST_Q4 ",?"
#define ST_Q6 ST_Q5 ",?"
#define ST_Q7 ST_Q6 ",?"
#define ST_Q8 ST_Q7 ",?"
#define ST_Q9 ST_Q8 ",?"
#define ST_Q10 ST_Q9 ",?"
#define ST_Q11 ST_Q10 ",?"
#define ST_Q12 ST_Q11 ",?"
#define ST_Q13 ST_Q12 ",?"
#define ST_Q14 ST_Q13 ",?"
#define ST_Q15 ST_Q14 ",?"
#define ST_Q16 ST_Q15 ",?"
#define ST_Q17 ST_Q16 ",?"
#define ST_Q18 ST_Q17 ",?"
#define ST_LOAD_ROWS 64
/* ST_LOAD_ROWS rows of N parameters each (row k's are k * N + 1 .. k * N + N,
 * checked when the statement is prepared), their values worked out once by
 * the same ROW as the one-row insert. OR FAIL: no constraint can fail in a
 * first load (the importer has checked every value and key), and without
 * ABORT SQLite keeps no statement journal. */
/* VALUES lists of 4, 16, 64 rows: ST_LOAD_V64 is ST_LOAD_ROWS rows. */
#define ST_LOAD_V4(q) "(" q "),(" q "),(" q "),(" q ")"
#define ST_LOAD_V16(q) ST_LOAD_V4(q) "," ST_LOAD_V4(q) "," ST_LOAD_V4(q) "," ST_LOAD_V4(q)
#define ST_LOAD_V64(q) ST_LOAD_V16(q) "," ST_LOAD_V16(q) "," ST_LOAD_V16(q) "," ST_LOAD_V16(q)
#define ST_LOAD(into, ROW, q) \
    "INSERT OR FAIL INTO " into " SELECT " ROW(ST_C) " FROM (VALUES " ST_LOAD_V64(q) ")"

int st_upsert(cl_store *st, const st_upsert_sql *q, st_binder bind, const void *rec,
              store_put_res *res, cl_err *err);
/* A first load's rows not yet inserted go in now (before anything reads the
 * table, and before the load ends); an earlier failure of this is returned
 * again. st_load_forget drops them (rollback). */
int st_load_flush(cl_store *st, cl_err *err);
void st_load_forget(cl_store *st);

/* A kind's table name, and a query with one row when the table has any row
 * (read_rows.c, beside the kind's other queries). */
const char *st_kind_table(store_kind kind);
const char *st_kind_any(store_kind kind);
/* A kind's record: its size, and the offset of its char *notes (0: none). */
void st_kind_record(store_kind kind, size_t *size, size_t *notes_off);
/* A registration's columns and its row reader (notes borrowed from the row),
 * shared by store_get_registration, store_reg_get and store_reg_each. */
#define ST_REG_COLS                                                                            \
    "id, crn, type, category, level, start_date, review_date, end_date, notes,"              \
    " registered_by, reason, changed_by, changed_at, reviewed_on FROM registration"
void st_row_registration(sqlite3_stmt *s, void *rec);
/* Migrations (schema.c). */
/* An appointment as the diary and the outcome lists read it (alias a):
 * ST_APPT_NCOLS columns, read by st_read_appt (notes are not read). */
#define ST_APPT_COLS                                                                               \
    "a.id, a.crn, a.order_id, a.officer, a.office, a.date, a.start, a.end, a.type, a.location,"   \
    " a.status, a.reason, a.changed_by, a.changed_at, a.replaced_by"
#define ST_APPT_NCOLS 15
void st_read_appt(sqlite3_stmt *s, cl_appointment *a);

/* Applies the migrations after the file's version, up to target. */
int st_migrate(cl_store *st, int target, cl_err *err);

/* Whether an override is recorded for the current holding of offender row
 * `o` (store_alloc_holding_override's rule; the due list reads it too). */
#define STORE_SQL_HOLDING_OVERRIDE(o)                                                          \
    "COALESCE((SELECT a.to_officer IS " o ".officer AND a.to_office IS " o ".office"           \
    " AND COALESCE(a.override, '') <> '' FROM allocation a WHERE a.crn = " o ".crn"             \
    " ORDER BY a.id DESC LIMIT 1), 0)"

#endif
