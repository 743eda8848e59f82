/* Bulk loads (imports). A load is one transaction like any write; what
 * differs is how SQLite is asked to do the work:
 *  - a big page cache, temporary structures in memory, the write stamp read
 *    once, and (for a big file) a rollback journal instead of WAL;
 *  - references are checked by the importer, row by row, with the file's
 *    line in the message (csv_import.c check_refs), so SQLite's own foreign
 *    key checks, which would look every reference up a second time, are off
 *    for the load;
 *  - a first load into an empty table (the national case) drops the table's
 *    secondary indexes and triggers inside the transaction and creates them
 *    again, from their own text in sqlite_schema, before the commit: an index
 *    built once from sorted keys costs far less than one kept in step row by
 *    row, and without triggers SQLite needs no statement journal per row. The
 *    external-content search indexes the dropped triggers kept in step are
 *    rebuilt. A crash at any moment rolls all of it back with the rows. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_int.h"
static int exec(cl_store *st, const char *sql, cl_err *err, const char *what)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return st_fail(st, err, what);
    return CL_OK;
}

/* A load touches index pages all over each B-tree; with SQLite's default
 * 2 MB page cache they are evicted and written to the journal again and again
 * (measured: three quarters of an import's time in pwrite). A big cache for
 * the load only; it grows as used, up to this. */
#define BULK_CACHE "PRAGMA cache_size=-262144" /* KiB: 256 MB */

/* Building an index sorts every row. SQLite's sorter sorts runs of
 * cache_size bytes on helper threads and merges them on threads too, but
 * only when its runs go to temporary files: with temp_store=MEMORY it keeps
 * every row in one list, one allocation each, sorted on one thread. So the
 * index builds of a first load sort in 16 MB runs, through (unlinked)
 * temporary files, on up to one helper thread a core. Measured at national
 * scale (bench/import.sh): appointments' three indexes 9.4 s -> 5.2 s, the
 * contacts' four 16 s -> 11 s, CPU time no higher. Speed only: if SQLite
 * refuses a setting the indexes are built the slower way. */
#define SORT_CACHE "PRAGMA cache_size=-16384" /* KiB */
#define SORT_THREADS_MAX 4

static void sort_setup(cl_store *st)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores < 1 ? 1 : cores > SORT_THREADS_MAX ? SORT_THREADS_MAX : (int)cores;
    sqlite3_exec(st->db, "PRAGMA temp_store=FILE", NULL, NULL, NULL);
    sqlite3_limit(st->db, SQLITE_LIMIT_WORKER_THREADS, threads); /* PRAGMA threads */
    sqlite3_exec(st->db, SORT_CACHE, NULL, NULL, NULL);
}

static bool pragma_on(cl_store *st, const char *sql)
{
    sqlite3_stmt *s = st_stmt(st, sql, NULL);
    bool on = s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    if (s)
        sqlite3_reset(s);
    return on;
}

int store_bulk_begin(cl_store *st, cl_err *err)
{
    store_read_end(st);
    st->bulk = 1;
    store_now(st);
    st->now_held = true;
    /* Each row's statement journal (opened for the triggers) would otherwise
     * go to a temporary file: measured 440,000 writes for 25,000 people. */
    if (exec(st, "PRAGMA temp_store=MEMORY", err, "starting a load") != CL_OK)
        return err ? err->code : CL_EIO;
    /* Switching foreign keys takes effect only outside a transaction. */
    if (!store_in_transaction(st) && pragma_on(st, "PRAGMA foreign_keys")) {
        if (exec(st, "PRAGMA foreign_keys=OFF", err, "starting a load") != CL_OK)
            return err ? err->code : CL_EIO;
        st->bulk_fks = true;
    }
    return exec(st, BULK_CACHE, err, "starting a load");
}

/* A big load writes every page twice under WAL (to the log, then back at the
 * checkpoint); a rollback journal writes it once, and the load is still one
 * atomic transaction (PERF-NOTES.md: 0.49x the WAL time). Leaving WAL needs
 * the only connection: when another program has the file open we stay in WAL. */
int store_bulk_journal(cl_store *st, cl_err *err)
{
    (void)err;
    if (store_in_transaction(st))
        return CL_OK;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode=DELETE", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
        const char *mode = (const char *)sqlite3_column_text(s, 0);
        st->bulk_journal = mode && !strcmp(mode, "delete");
    }
    sqlite3_finalize(s);
    return CL_OK;
}

static void fast_forget(cl_store *st)
{
    st_load_forget(st);
    for (int i = 0; i < st->nfast; i++)
        free((void *)st->fast_create[i]);
    free(st->fast_create);
    st->fast_create = NULL;
    st->nfast = 0;
    st->fast = false;
}

void store_bulk_end(cl_store *st)
{
    fast_forget(st); /* committed, or rolled back with the transaction */
    st->bulk = 0;
    st->now_held = false;
    sqlite3_exec(st->db, ST_NORMAL_CACHE, NULL, NULL, NULL);
    sqlite3_exec(st->db, "PRAGMA temp_store=DEFAULT", NULL, NULL, NULL);
    sqlite3_limit(st->db, SQLITE_LIMIT_WORKER_THREADS, 0);
    if (!store_in_transaction(st)) {
        if (st->bulk_fks) {
            sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
            st->bulk_fks = false;
        }
        if (st->bulk_journal) {
            sqlite3_exec(st->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
            st->bulk_journal = false;
        }
    }
}

int store_defer_references(cl_store *st, cl_err *err)
{
    if (!store_in_transaction(st))
        return cl_err_set(err, CL_ESOFTWARE, "deferring references outside a transaction");
    return exec(st, "PRAGMA defer_foreign_keys=ON", err, "starting a write");
}

/* Partial indexes over rare rows stay through a load: a row outside one
 * costs the test of its WHERE, while building it again would read the whole
 * table (national contacts: 0.7 s for an index of corrections, which a load
 * of new contacts seldom holds). */
#define KEPT_THROUGH_A_LOAD "'contact_corrects'"

/* A table's own indexes and triggers as sqlite_schema holds them (the
 * automatic indexes of its keys have no text and stay), oldest first, with
 * the statement that drops each. The names are quoted by SQLite (%w). */
static const char OWN_SCHEMA[] =
    "SELECT sql, format('DROP %s \"%w\"', upper(type), name) FROM sqlite_schema"
    " WHERE tbl_name = ?1 AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    " AND name NOT IN (" KEPT_THROUGH_A_LOAD ") ORDER BY rowid";

/* The external-content FTS5 tables over a table: their triggers are dropped
 * with the table's, so they are rebuilt from it. */
static const char SEARCH_INDEXES[] =
    "SELECT format('INSERT INTO \"%w\"(\"%w\") VALUES (''rebuild'')', name, name)"
    " FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%'"
    " AND instr(sql, 'content=''' || ?1 || '''') > 0";

static bool push(const char ***list, int *n, const char *text)
{
    const char **grown = realloc(*list, (size_t)(*n + 1) * sizeof *grown);
    if (!grown)
        return false;
    *list = grown;
    const char *copy = strdup(text);
    if (!copy)
        return false;
    grown[(*n)++] = copy;
    return true;
}

static void drop_list(const char **list, int n)
{
    for (int i = 0; i < n; i++)
        free((void *)list[i]);
    free(list);
}

/* Texts of one text column of a query with ?1 = the table name. */
static int collect(cl_store *st, const char *sql, const char *table, int col, const char ***out,
                   int *n, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(s, col);
        if (text && !push(out, n, text)) {
            sqlite3_reset(s);
            return cl_err_set(err, CL_ESOFTWARE, "out of memory");
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading the schema");
}

int store_bulk_first_load(cl_store *st, store_kind kind, bool *fast, cl_err *err)
{
    if (fast)
        *fast = false;
    const char *table = st_kind_table(kind);
    if (!table || !st->bulk || st->fast)
        return CL_OK;
    if (!store_in_transaction(st))
        return cl_err_set(err, CL_ESOFTWARE, "a first load outside a transaction");
    sqlite3_stmt *s = st_stmt(st, st_kind_any(kind), err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return CL_OK; /* rows already: the upserts keep every index in step */
    if (rc != SQLITE_DONE)
        return st_fail(st, err, "reading before a load");

    const char **drops = NULL;
    int ndrops = 0;
    rc = collect(st, OWN_SCHEMA, table, 0, &st->fast_create, &st->nfast, err);
    if (rc == CL_OK)
        rc = collect(st, OWN_SCHEMA, table, 1, &drops, &ndrops, err);
    for (int i = 0; i < ndrops && rc == CL_OK; i++)
        rc = exec(st, drops[i], err, "starting a load");
    drop_list(drops, ndrops);
    if (rc != CL_OK) {
        fast_forget(st); /* the caller rolls the transaction back */
        return rc;
    }
    st->fast = true;
    st->fast_kind = kind;
    if (fast)
        *fast = true;
    return CL_OK;
}

int store_bulk_finish(cl_store *st, cl_err *err)
{
    if (!st->fast)
        return CL_OK;
    if (st_load_flush(st, err) != CL_OK) {
        int code = err ? err->code : CL_ESOFTWARE;
        fast_forget(st);
        return code;
    }
    int rc = CL_OK;
    sort_setup(st);
    for (int i = 0; i < st->nfast && rc == CL_OK; i++)
        rc = exec(st, st->fast_create[i], err, "building the indexes");
    const char **rebuild = NULL;
    int nrebuild = 0;
    if (rc == CL_OK)
        rc = collect(st, SEARCH_INDEXES, st_kind_table(st->fast_kind), 0, &rebuild, &nrebuild, err);
    for (int i = 0; i < nrebuild && rc == CL_OK; i++)
        rc = exec(st, rebuild[i], err, "building the search index");
    drop_list(rebuild, nrebuild);
    fast_forget(st);
    return rc;
}
