/* Private to src/store: the handle and helpers every query file uses. */
#ifndef CASELOAD_STORE_INT_H
#define CASELOAD_STORE_INT_H

#include <sqlite3.h>

#include "caseload/store.h"
#include "caseload/store_write.h"

#define ST_CACHE 256

/* The page cache for interactive use. A key press in the search reads a
 * screenful of people's rows (risk, next appointment, last contact,
 * enforcement, what is overdue): at national scale 4x SQLite's default 2 MB
 * keeps those pages between key presses (measured: a fifth less CPU per key
 * press) and keeps the screen's peak memory near 15 MB (goal: under 20 MB). */
#define ST_NORMAL_CACHE "PRAGMA cache_size=-8192" /* KiB */

struct cl_store {
    sqlite3 *db;
    char *path;
    char who[64];
    char now[20];
    bool now_fixed;
    char warning[512];
    int bulk;
    int depth; /* store_begin nesting: 1 = the transaction, more = savepoints */
    bool bulk_journal; /* switched to a rollback journal for a bulk load */
    bool now_held;     /* a load: store_now keeps the stamp of its start */
    bool bulk_fks;     /* foreign keys were on before the load turned them off */
    /* A first load into an empty table (bulk.c): the table's own indexes and
     * triggers, dropped for the load and created again before the commit. */
    bool fast;
    store_kind fast_kind;
    const char **fast_create; /* CREATE statements from sqlite_schema, in order */
    int nfast;
    int data_version;
    struct {
        const char *sql;
        sqlite3_stmt *stmt;
    } cache[ST_CACHE];
    int ncache;
};

/* A prepared statement for a static SQL string, cached and reset for reuse.
 * NULL with err set when it cannot be prepared. */
sqlite3_stmt *st_stmt(cl_store *st, const char *sql, cl_err *err);
/* Maps the connection's last error to a cl_err code and message; returns the code. */
int st_fail(cl_store *st, cl_err *err, const char *what);
/* Binds text or NULL when s is NULL or empty. */
int st_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Binds a date as ISO text, NULL for CL_DATE_NONE. */
int st_bind_date(sqlite3_stmt *s, int i, cl_date d);
/* Reads a column as a date (CL_DATE_NONE when NULL or malformed). */
cl_date st_col_date(sqlite3_stmt *s, int i);
/* Copies a text column into buf (empty when NULL). */
char *st_col_copy(sqlite3_stmt *s, int i, char *buf, size_t len);
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
 * share numbered parameters ?1..?N filled by bind: insert adds the row and
 * ends in ON CONFLICT DO NOTHING (no change: the key exists); check returns one
 * row with one column, true when the stored row equals the bound values;
 * update (NULL for append-only kinds) rewrites it. */
typedef void (*st_binder)(sqlite3_stmt *s, const void *rec);
typedef struct st_upsert_sql {
    const char *what; /* "office", for messages */
    const char *check, *insert, *update;
} st_upsert_sql;
int st_upsert(cl_store *st, const st_upsert_sql *q, st_binder bind, const void *rec,
              store_put_res *res, cl_err *err);

/* A kind's table name, and a query with one row when the table has any row
 * (read_rows.c, beside the kind's other queries). */
const char *st_kind_table(store_kind kind);
const char *st_kind_any(store_kind kind);
/* Migrations (schema.c). */
/* Applies the migrations after the file's version, up to target. */
int st_migrate(cl_store *st, int target, cl_err *err);

#endif
