/* Opening the database, errors and transactions (statements: stmt.c). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "caseload/clock.h"
#include "caseload/paths.h"
#include "store/store_int.h"

static bool changed_elsewhere(cl_store *st);

#define BUSY_MS_DEFAULT 5000

/* The audit triggers read who and when from the connection. */
static void fn_who(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    cl_store *st = sqlite3_user_data(c);
    sqlite3_result_text(c, st->who, -1, SQLITE_TRANSIENT);
}
static void fn_now(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    cl_store *st = sqlite3_user_data(c);
    sqlite3_result_text(c, store_now(st), -1, SQLITE_TRANSIENT);
}
/* cl_act(), cl_reason(), cl_via(): the current action's name, reason and
 * source (store_action), or NULL; the user data says which and of what store. */
static void fn_action(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    const struct st_action_fn *f = sqlite3_user_data(c);
    const cl_store *st = f->st;
    const struct st_action *a = st->nacts ? &st->acts[st->nacts - 1] : NULL;
    const char *parts[] = {a ? a->act : NULL, a ? a->reason : NULL, a ? a->via : NULL};
    sqlite3_result_text(c, parts[f->part], -1, SQLITE_TRANSIENT);
}
static void fn_bulk(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    cl_store *st = sqlite3_user_data(c);
    sqlite3_result_int(c, st->bulk);
}

/* Why a write failed, when SQLite's saved errno was overwritten by the
 * rollback that follows a failure at COMMIT (a bulk load keeps its pages in
 * memory until then): the disk or quota is full, or the process has a
 * file-size limit (the only cause of EFBIG a write here can meet). 0 when
 * neither. */
static int write_refused_now(const cl_store *st)
{
    struct statvfs vfs;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", st->path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    if (statvfs(slash ? dir : ".", &vfs) == 0 && vfs.f_bavail == 0)
        return ENOSPC;
    struct rlimit lim;
    if (getrlimit(RLIMIT_FSIZE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY)
        return EFBIG;
    return 0;
}

/* Every write on a read-only store stops here, in the one wording the
 * screens and commands show. */
static int refuse_write(const cl_store *st, cl_err *err)
{
    return cl_err_set(err, CL_EIO, STORE_READ_ONLY_REFUSED ": %s", st->readonly);
}

int st_fail(cl_store *st, cl_err *err, const char *what)
{
    int rc = st && st->db ? sqlite3_extended_errcode(st->db) : SQLITE_ERROR;
    const char *msg = st && st->db ? sqlite3_errmsg(st->db) : "unknown error";
    const char *path = st && st->path ? st->path : "database";
    /* A write the disk refused (no space, quota, file size limit) comes back as
     * an I/O error: say what it is. */
    int sys = st && st->db ? sqlite3_system_errno(st->db) : 0;
    if (st && st->path && rc == SQLITE_IOERR_WRITE && sys != ENOSPC && sys != EFBIG && sys != EDQUOT) {
        int now = write_refused_now(st);
        sys = now ? now : sys;
    }
    if ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT))
        return cl_err_set(err, CL_EIO, "%s: disk full (%s) while %s: nothing was changed", path,
                          strerror(sys), what);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return cl_err_set(err, CL_EBUSY, "%s: database is in use by another program (still locked after waiting); try again when it has finished", path);
    case SQLITE_FULL:
        return cl_err_set(err, CL_EIO, "%s: disk full while %s: nothing was changed", path, what);
    case SQLITE_READONLY:
        if (st && st->readonly[0])
            return refuse_write(st, err);
        return cl_err_set(err, CL_EIO, "%s: database is read-only (%s): nothing was changed", path, what);
    case SQLITE_NOTADB:
        return cl_err_set(err, CL_EIO, "%s: file is not a caseload database", path);
    case SQLITE_CORRUPT: {
        /* check itself is where this is said, so it does not send anyone back to itself */
        const char *more = st && st->checking ? "" : " ('caseload check' says what it can find)";
        if (st && st->damage[0])
            return cl_err_set(err, CL_EIO, "%s: database is damaged: %s; restore it from a backup%s", path, st->damage, more);
        return cl_err_set(err, CL_EIO, "%s: database is damaged (%s) while %s; restore it from a backup%s", path, msg, what, more);
    }
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return cl_err_set(err, CL_EIO, "%s: cannot read or write the database (%s) while %s: nothing was changed", path, msg, what);
    case SQLITE_CONSTRAINT:
        return cl_err_set(err, CL_EDATA, "%s: %s", what, msg);
    default:
        return cl_err_set(err, CL_ESOFTWARE, "%s: %s: %s", path, what, msg);
    }
}

/* mkdir -p for the parent folders of path, each new one 0700. */
static int make_parents(const char *path, cl_err *err)
{
    char *dir = strdup(path);
    if (!dir)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    char *slash = strrchr(dir, '/');
    int rc = CL_OK;
    if (slash && slash != dir) {
        *slash = '\0';
        rc = path_mkdirs(dir, err);
    }
    free(dir);
    return rc;
}

static int busy_ms(void)
{
    const char *s = getenv("CASELOAD_BUSY_MS");
    if (s && *s) {
        int v = atoi(s);
        if (v >= 0)
            return v;
    }
    return BUSY_MS_DEFAULT;
}

void st_wait(cl_store *st, bool wait) { sqlite3_busy_timeout(st->db, wait ? busy_ms() : 0); }

static int exec(cl_store *st, const char *sql, cl_err *err, const char *what)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return st_fail(st, err, what);
    return CL_OK;
}

/* SQLite quietly opens a write-protected file read-only, and a folder it cannot
 * write makes it fail later with a bare "read-only"; say which at the start.
 * why gets "FILE is read-only (...)" and true when the file cannot be written. */
static bool not_writable(const char *path, char *why, size_t len)
{
    if (access(path, W_OK) != 0 && errno == EACCES) {
        snprintf(why, len, "%.400s is read-only (no write permission on the file)", path);
        return true;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    const char *d = !slash ? "." : slash == dir ? "/" : (*slash = '\0', dir);
    if (access(d, W_OK) != 0 && errno == EACCES) {
        snprintf(why, len, "%.480s is read-only (its folder %.480s is read-only, and caseload keeps its journal beside the database)",
                 path, d);
        return true;
    }
    return false;
}

/* The first finding of store_diagnose. */
static void first_finding(void *arg, const char *problem)
{
    char *buf = arg;
    if (!buf[0])
        snprintf(buf, 320, "%s", problem);
}

/* An empty file (a failed copy, a full disk) is not made a new caseload: it
 * is a file that lost its data. Nor is one whose write-ahead log holds data:
 * SQLite deletes the log of an empty database file. */
static int empty_problem(const char *path, bool exists, const struct stat *sb, int flags, cl_err *err)
{
    char wal[4200];
    struct stat wb;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if ((!exists || sb->st_size == 0) && stat(wal, &wb) == 0 && wb.st_size > 0)
        return cl_err_set(err, CL_EIO, "%s: the database is %s but its log %s holds data: restore it from a backup (nothing was changed)",
                          path, exists ? "empty (0 bytes)" : "missing", wal);
    if (exists && sb->st_size == 0 && !(flags & STORE_EMPTY_OK))
        return cl_err_set(err, CL_EIO, "%s is empty (0 bytes): restore it from a backup, or import a caseload (caseload --db %s import offices FILE)",
                          path, path);
    return CL_OK;
}

/* A read-only open of a database in WAL mode needs the -shm and -wal files
 * beside it; in a read-only folder without them it cannot start. With no log
 * there is nothing the file lacks: read the file alone (immutable: without
 * locks; a writer would have to make its journal in that same folder, which
 * only one allowed to write the folder can). */
static bool reopen_immutable(cl_store *st)
{
    char wal[4200];
    struct stat wb;
    snprintf(wal, sizeof wal, "%s-wal", st->path);
    if (stat(wal, &wb) == 0 && wb.st_size > 0)
        return false;
    char uri[3 * 4096 + 32] = "file:";
    size_t n = strlen(uri);
    for (const unsigned char *p = (const unsigned char *)st->path; *p && n + 4 < sizeof uri - 16; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
            n += (size_t)snprintf(uri + n, sizeof uri - n, "%%%02X", *p);
        else
            uri[n++] = (char)*p;
    }
    snprintf(uri + n, sizeof uri - n, "?immutable=1");
    sqlite3_close(st->db);
    st->db = NULL;
    return sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK;
}

static void set_up_connection(cl_store *st)
{
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, busy_ms());
    const int fl = SQLITE_UTF8 | SQLITE_INNOCUOUS;
    sqlite3_create_function(st->db, "cl_who", 0, fl, st, fn_who, NULL, NULL);
    sqlite3_create_function(st->db, "cl_now", 0, fl, st, fn_now, NULL, NULL);
    sqlite3_create_function(st->db, "cl_bulk", 0, fl, st, fn_bulk, NULL, NULL);
    st_order_functions(st->db);
    static const char *const action_fns[] = {"cl_act", "cl_reason", "cl_via"};
    for (int i = 0; i < 3; i++) {
        st->action_fns[i] = (struct st_action_fn){st, i};
        sqlite3_create_function(st->db, action_fns[i], 0, fl, &st->action_fns[i], fn_action, NULL, NULL);
    }
}

/* SQLite gives every page cache a first allocation of 20 pages (86 KB),
 * including the temporary B-tree of each IN list a statement reads (the due
 * rules' statements hold several at once, for every screenful of the caseload
 * list). Freed together at the statement's end, they left enough at the top of
 * the heap for the C library to hand it back to the system, and the next
 * statement took it back page by page: about 80 page faults a screenful at
 * national scale. Pages are allocated one at a time instead, as SQLite does
 * anyway past the first 20. Must come before SQLite starts: a program that
 * started it earlier keeps its own setting (SQLITE_MISUSE, ignored). */
static void configure_sqlite(void)
{
    static bool done;
    if (!done) {
        done = true;
        sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
    }
}

static cl_store *open_store(const char *path, int flags, int version, cl_err *err)
{
    configure_sqlite();
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if (!exists && !(flags & STORE_CREATE)) {
        cl_err_set(err, CL_ENOINPUT, "%s: no database here (import a caseload first: caseload --db %s import offices FILE)", path, path);
        return NULL;
    }
    if (exists && S_ISDIR(sb.st_mode)) {
        cl_err_set(err, CL_EIO, "%s: is a folder, not a database", path);
        return NULL;
    }
    if (empty_problem(path, exists, &sb, flags, err) != CL_OK)
        return NULL;
    if (!exists) {
        if (make_parents(path, err) != CL_OK)
            return NULL;
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 && errno != EEXIST) {
            cl_err_set(err, CL_EIO, "%s: cannot create database: %s", path, strerror(errno));
            return NULL;
        }
        if (fd >= 0)
            close(fd);
    }
    char why[1100] = "", damage[320] = "";
    bool readonly = (flags & STORE_READONLY) != 0;
    if (!readonly && not_writable(path, why, sizeof why)) {
        if (!(flags & STORE_READ_ANY)) {
            cl_err_set(err, CL_EIO, "%s: nothing was changed", why);
            return NULL;
        }
        readonly = true;
    }
    /* A file cut short is damaged: read from it (to rescue what it holds,
     * and for check), never write into it. */
    if (exists && store_diagnose(path, first_finding, damage) > 0) {
        if (!(flags & (STORE_READ_ANY | STORE_READONLY))) {
            cl_err_set(err, CL_EIO, "%s: database is damaged: %s; restore it from a backup ('caseload check' says what it can find): nothing was changed",
                       path, damage);
            return NULL;
        }
        if (!why[0])
            snprintf(why, sizeof why, "%.300s is damaged (%.300s)", path, damage);
        readonly = true;
    }
    cl_store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        cl_err_set(err, CL_ESOFTWARE, "out of memory");
        return NULL;
    }
    st->checking = (flags & STORE_CHECKING) != 0;
    snprintf(st->damage, sizeof st->damage, "%s", damage);
    if (readonly)
        snprintf(st->readonly, sizeof st->readonly, "%s", why[0] ? why : "opened for reading only");
    snprintf(st->who, sizeof st->who, "caseload");
    snprintf(st->now, sizeof st->now, "1970-01-01T00:00");
    if (exists && (sb.st_mode & 077))
        snprintf(st->warning, sizeof st->warning,
                 "%s is readable by other users: run 'chmod 600 %s'", path, path);

    int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        st_fail(st, err, "opening");
        store_close(st);
        return NULL;
    }
    set_up_connection(st);
    /* Reading the schema first tells a non-database or a damaged file apart. */
    if (readonly && sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK) {
        int why_rc = sqlite3_errcode(st->db) & 0xff;
        if ((why_rc == SQLITE_CANTOPEN || why_rc == SQLITE_READONLY) && reopen_immutable(st)) {
            set_up_connection(st);
        } else if (why_rc == SQLITE_CANTOPEN || why_rc == SQLITE_READONLY) {
            cl_err_set(err, CL_EIO, "%s: cannot read it: %s, and its write-ahead log (%s-wal) holds changes that SQLite can only read with its -shm file, which it cannot make there",
                       path, st->readonly, path);
            store_close(st);
            return NULL;
        }
    }
    if (exec(st, "SELECT count(*) FROM sqlite_schema", err, "reading the schema") != CL_OK ||
        exec(st, "PRAGMA foreign_keys=ON", err, "setting up") != CL_OK ||
        exec(st, "PRAGMA synchronous=FULL", err, "setting up") != CL_OK ||
        exec(st, ST_NORMAL_CACHE, err, "setting up") != CL_OK) {
        store_close(st);
        return NULL;
    }
    if (!readonly) {
        if (exec(st, "PRAGMA journal_mode=WAL", err, "setting up") != CL_OK) {
            store_close(st);
            return NULL;
        }
        if (st_migrate(st, version, err) != CL_OK) {
            store_close(st);
            return NULL;
        }
    } else {
        int v = store_schema_version(st);
        if (v > store_schema_latest()) {
            cl_err_set(err, CL_ENEWER, "%s: database is from a newer caseload (schema %d; this program knows up to %d): upgrade caseload",
                       path, v, store_schema_latest());
            store_close(st);
            return NULL;
        }
        if (v < store_schema_latest() && !(flags & STORE_READONLY)) {
            cl_err_set(err, CL_EIO, "%s: cannot read: %s, and it is from an older caseload (schema %d of %d), which must first be upgraded by a caseload that can write to it",
                       path, st->readonly, v, store_schema_latest());
            store_close(st);
            return NULL;
        }
    }
    changed_elsewhere(st);
    return st;
}

const char *store_readonly(const cl_store *st) { return st->readonly[0] ? st->readonly : NULL; }

cl_store *store_open(const char *path, int flags, cl_err *err)
{
    return open_store(path, flags, store_schema_latest(), err);
}

cl_store *store_open_at_version(const char *path, int version, cl_err *err)
{
    return open_store(path, STORE_CREATE, version, err);
}

static char *dup_or_null(const char *s) { return s && *s ? strdup(s) : NULL; }

void store_action(cl_store *st, const char *act, const char *reason, const char *via)
{
    if (!st || st->depth < 1 || st->nacts == (int)(sizeof st->acts / sizeof st->acts[0]))
        return; /* outside a transaction there is nothing to name */
    struct st_action *a = &st->acts[st->nacts];
    if (st->nacts && a[-1].depth == st->depth) { /* a second action at the same depth replaces it */
        a--;
        free(a->act), free(a->reason), free(a->via);
    } else
        st->nacts++;
    *a = (struct st_action){dup_or_null(act), dup_or_null(reason), dup_or_null(via), st->depth};
}

/* Drops the actions set at depths that have ended. */
static void actions_end(cl_store *st)
{
    while (st->nacts && st->acts[st->nacts - 1].depth > st->depth) {
        struct st_action *a = &st->acts[--st->nacts];
        free(a->act), free(a->reason), free(a->via);
    }
}

void store_close(cl_store *st)
{
    if (!st)
        return;
    st->depth = 0;
    actions_end(st);
    st_load_forget(st);
    store_read_end(st);
    for (int i = 0; i < st->ncache; i++)
        sqlite3_finalize(st->cache[i].stmt);
    free(st->cache);
    if (st->db)
        sqlite3_close(st->db);
    free(st->path);
    free(st);
}

const char *store_path(const cl_store *st) { return st->path; }
const char *store_warning(const cl_store *st) { return st->warning[0] ? st->warning : NULL; }
const char *store_actor(const cl_store *st) { return st->who; }
/* A fixed stamp when one was set, else the clock at the moment of the write
 * (a screen may stay open for hours); a load holds the stamp of its start
 * (bulk.c: one import is one moment, and reading the clock costs a stat of
 * /etc/localtime per row). */
const char *store_now(cl_store *st)
{
    if (!st->now_fixed && !st->now_held) {
        cl_clock c;
        if (clock_read(&c, NULL) == CL_OK)
            clock_stamp(&c, st->now);
    }
    return st->now;
}

void store_set_actor(cl_store *st, const char *who, const char *now)
{
    if (who)
        snprintf(st->who, sizeof st->who, "%s", who);
    st->now_fixed = now != NULL;
    if (now)
        snprintf(st->now, sizeof st->now, "%s", now);
}

int store_schema_version(cl_store *st)
{
    sqlite3_stmt *s = st_stmt(st, "PRAGMA user_version", NULL);
    int v = -1;
    if (s && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    if (s)
        sqlite3_reset(s);
    return v;
}

int st_exec_stmt(cl_store *st, sqlite3_stmt *s, cl_err *err, const char *what)
{
    if (st->readonly[0] && !sqlite3_stmt_readonly(s)) {
        sqlite3_reset(s);
        return refuse_write(st, err);
    }
    if (st->reading && !sqlite3_stmt_readonly(s))
        store_read_end(st); /* a write is never left to the end of a read snapshot */
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        int code = st_fail(st, err, what);
        sqlite3_reset(s);
        return code;
    }
    sqlite3_reset(s);
    return CL_OK;
}

/* A begin inside an open transaction is a savepoint, so that a writer that
 * runs its own transaction (booking, a registration) can also be one step of
 * a larger one (court intake): its rollback undoes only its own part. */
/* A statement without results, prepared once: a read snapshot is begun and
 * ended at every key press, where parsing the text each time showed. */
static bool exec_cached(cl_store *st, const char *sql)
{
    sqlite3_stmt *s = st_stmt(st, sql, NULL);
    if (!s)
        return false;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE;
}

void store_read_begin(cl_store *st)
{
    if (st && !st->reading && sqlite3_get_autocommit(st->db))
        st->reading = exec_cached(st, "BEGIN DEFERRED");
}

void store_read_end(cl_store *st)
{
    if (!st || !st->reading)
        return;
    st->reading = false;
    if (!sqlite3_get_autocommit(st->db))
        exec_cached(st, "COMMIT"); /* nothing was written: cannot lose work */
}

int store_begin(cl_store *st, cl_err *err)
{
    if (st->readonly[0])
        return refuse_write(st, err);
    store_read_end(st);
    if (sqlite3_get_autocommit(st->db)) {
        st->depth = 0;
        actions_end(st);
    }
    if (st->depth > 0) {
        if (exec(st, "SAVEPOINT cl_nested", err, "starting a write") != CL_OK)
            return err ? err->code : CL_EIO;
        st->depth++;
        return CL_OK;
    }
    if (exec(st, "BEGIN IMMEDIATE", err, "starting a write") != CL_OK)
        return err ? err->code : CL_EIO;
    st->depth = 1;
    return CL_OK;
}

int store_commit(cl_store *st, cl_err *err)
{
    if (st->depth > 1 && !sqlite3_get_autocommit(st->db)) {
        if (exec(st, "RELEASE cl_nested", err, "saving") != CL_OK) {
            store_rollback(st);
            return err ? err->code : CL_EIO;
        }
        st->depth--;
        actions_end(st);
        return CL_OK;
    }
    st->depth = 0;
    actions_end(st);
    if (exec(st, "COMMIT", err, "saving") != CL_OK) {
        store_rollback(st);
        return err ? err->code : CL_EIO;
    }
    return CL_OK;
}

void store_rollback(cl_store *st)
{
    if (st->depth > 1 && !sqlite3_get_autocommit(st->db)) {
        sqlite3_exec(st->db, "ROLLBACK TO cl_nested; RELEASE cl_nested", NULL, NULL, NULL);
        st->depth--;
        actions_end(st);
        return;
    }
    st->depth = 0;
    actions_end(st);
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

bool store_in_transaction(cl_store *st) { return !st->reading && !sqlite3_get_autocommit(st->db); }

int store_begin_own(cl_store *st, bool *own, cl_err *err)
{
    *own = !store_in_transaction(st);
    return *own ? store_begin(st, err) : CL_OK;
}

int store_end_own(cl_store *st, bool own, int rc, cl_err *err)
{
    if (!own)
        return rc;
    if (rc == CL_OK)
        return store_commit(st, err);
    store_rollback(st);
    return rc;
}

int store_audit(cl_store *st, const char *action, const char *entity, const char *key,
                const char *crn, const char *detail, cl_err *err)
{
    static const char sql[] =
        "INSERT INTO audit(at, who, action, entity, key, crn, detail) VALUES (?,?,?,?,?,?,?)";
    sqlite3_stmt *s = st_stmt(st, sql, err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    sqlite3_bind_text(s, 1, store_now(st), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, st->who, -1, SQLITE_TRANSIENT);
    st_bind_text(s, 3, action);
    st_bind_text(s, 4, entity);
    st_bind_text(s, 5, key);
    st_bind_text(s, 6, crn);
    st_bind_text(s, 7, detail);
    return st_exec_stmt(st, s, err, "writing the audit trail");
}

static bool changed_elsewhere(cl_store *st)
{
    sqlite3_stmt *s = st_stmt(st, "PRAGMA data_version", NULL);
    if (!s)
        return false;
    int v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : st->data_version;
    sqlite3_reset(s);
    bool changed = v != st->data_version;
    st->data_version = v;
    return changed;
}

unsigned long store_generation(cl_store *st)
{
    if (changed_elsewhere(st))
        st->elsewhere++;
    return (unsigned long)sqlite3_total_changes64(st->db) + st->elsewhere;
}

int store_load_calendar(cl_store *st, cl_calendar *cal, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT date, name FROM holiday ORDER BY date", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cl_date d = st_col_date(s, 0);
        if (d != CL_DATE_NONE && !cal_add(cal, d, (const char *)sqlite3_column_text(s, 1))) {
            sqlite3_reset(s);
            return cl_err_set(err, CL_ESOFTWARE, "out of memory");
        }
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "reading bank holidays");
}
