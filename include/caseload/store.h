/* The record store: one SQLite file. Owns every SQL statement and the schema.
 * Every write is a transaction; errors come back as cl_err with a sysexits code
 * (69 database in use, 74 read-only/full/corrupt/not a database, 78 newer schema). */
#ifndef CASELOAD_STORE_H
#define CASELOAD_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/calendar.h"
#include "caseload/err.h"

typedef struct cl_store cl_store;
/* Called once per problem found (store_check, store_diagnose). */
typedef void (*store_report_fn)(void *arg, const char *problem);

enum {
    STORE_CREATE = 1 << 0,   /* create the file (0600, folder 0700) when missing */
    STORE_READONLY = 1 << 1, /* open for reading only */
    /* Read-write when the file and its folder can be written, else read-only
     * (store_readonly says why) rather than refusing: reading a read-only
     * copy, a backup or a file on a read-only mount works; every write on it
     * is refused with "read-only database: cannot save". A file known to be
     * damaged (shorter than the database it holds) opens read-only too. */
    STORE_READ_ANY = 1 << 2,
    /* An empty (0-byte) file becomes a new database (an import into it);
     * without it an empty file is refused, as a file that lost its data. */
    STORE_EMPTY_OK = 1 << 3,
    /* For `caseload check`: a damaged file's message does not send the
     * reader back to `caseload check`. */
    STORE_CHECKING = 1 << 4,
};

/* Opens (and migrates) the database at path. NULL with err set on failure.
 * A file that cannot be written is refused (74, saying why) unless
 * STORE_READONLY or STORE_READ_ANY; an empty file unless STORE_EMPTY_OK;
 * a file shorter than the database it holds unless STORE_READ_ANY. */
cl_store *store_open(const char *path, int flags, cl_err *err);
/* The words of every write refused on a read-only store (then ": " and why),
 * in the commands and the screens alike. */
#define STORE_READ_ONLY_REFUSED "read-only database: cannot save"
/* Why the store is open for reading only ("FILE is read-only (...)"), or
 * NULL when it can be written. */
const char *store_readonly(const cl_store *st);
/* What can be told about a damaged database file without SQLite: its
 * header's page count against the file's size. Calls report once per
 * finding; returns how many. */
int store_diagnose(const char *path, store_report_fn report, void *arg);
/* For upgrade tests: creates (or opens) a database migrated only up to the
 * given schema version, as an older caseload would have left it. */
cl_store *store_open_at_version(const char *path, int version, cl_err *err);
void store_close(cl_store *st);
const char *store_path(const cl_store *st);
/* A warning found at open (e.g. the file is readable by others), or NULL. */
const char *store_warning(const cl_store *st);

/* The schema version this program writes, and the one in the file. */
int store_schema_latest(void);
int store_schema_version(cl_store *st);

/* Who and when, stamped on every write and audit row. now_stamp NULL means
 * "read the clock at each write"; a fixed stamp is for tests. */
void store_set_actor(cl_store *st, const char *who, const char *now_stamp);
const char *store_actor(const cl_store *st);
/* "YYYY-MM-DDTHH:MM" of the write being made. */
const char *store_now(cl_store *st);

/* Transactions: BEGIN IMMEDIATE (a writer waits for the busy timeout, then gets
 * CL_EBUSY), COMMIT, ROLLBACK. A begin inside an open transaction opens a
 * savepoint instead: its commit releases it and its rollback undoes only the
 * work since that begin; the outermost commit saves everything. */
int store_begin(cl_store *st, cl_err *err);
int store_commit(cl_store *st, cl_err *err);
void store_rollback(cl_store *st);
bool store_in_transaction(cl_store *st);
/* For a write that runs alone or inside its caller's transaction: begins one
 * only when none is open (*own says so). store_end_own then commits it when
 * rc is CL_OK, else rolls it back, and returns rc (or the commit's error);
 * when the caller's transaction was used it returns rc and leaves the
 * outcome to the caller. */
int store_begin_own(cl_store *st, bool *own, cl_err *err);
int store_end_own(cl_store *st, bool own, int rc, cl_err *err);

/* A read snapshot around the many small reads of one screen update (a key
 * press and its redraw): one lock and one look at the log for all of them,
 * instead of one per statement, and every read sees the same state. A write
 * started inside it (store_begin, a load) ends the snapshot first. Nothing
 * happens if a transaction is already open. */
void store_read_begin(cl_store *st);
void store_read_end(cl_store *st);

/* Bulk mode for imports (call before store_begin): per-row insert audit is
 * replaced by one summary row per import; the write stamp is read once;
 * foreign keys are not checked by SQLite (the importer checks every reference
 * itself, with the line); the journal may switch to a rollback journal. */
int store_bulk_begin(cl_store *st, cl_err *err);
void store_bulk_end(cl_store *st);
/* For a big load (call after store_bulk_begin, before store_begin): a rollback
 * journal instead of WAL until store_bulk_end, when no other program has the
 * database open (else WAL stays). Still one atomic transaction. */
int store_bulk_journal(cl_store *st, cl_err *err);
/* Inside a transaction: foreign keys are checked at commit rather than at each
 * row, so rows may refer to rows later in the same load. */
int store_defer_references(cl_store *st, cl_err *err);

/* Appends one audit row (inside the caller's transaction). */
/* The action the next writes are part of, read by the audit triggers
 * (cl_act(), cl_reason(), cl_via()) so each audit row names it: act is a name
 * of the words table (audit_words.c: "end", "cancel", "import", ...), reason
 * the officer's words (or NULL), via where the change came from ("import
 * up.csv", or NULL). Call it inside the action's transaction, after
 * store_begin: it lasts until that transaction (or savepoint) ends, and a
 * nested action's name is dropped when its savepoint ends. */
void store_action(cl_store *st, const char *act, const char *reason, const char *via);

int store_audit(cl_store *st, const char *action, const char *entity, const char *key,
                const char *crn, const char *detail, cl_err *err);

/* A number that changes whenever the database may have changed since it was
 * last asked: a row written through this connection, or a commit by another
 * process. A screen keeps the number it read with and reads again when it
 * differs (after a form saved, or another program imported). */
unsigned long store_generation(cl_store *st);

/* Loads the bank holidays from the database into cal. */
int store_load_calendar(cl_store *st, cl_calendar *cal, cl_err *err);

/* `caseload check`: SQLite's integrity check and the app's invariants.
 * Calls report once per problem found; returns the number of problems, or -1
 * with err set when the check could not run. */
int store_check(cl_store *st, store_report_fn report, void *arg, cl_err *err);

#endif
