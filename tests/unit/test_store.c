/* The store: creation, file modes, migrations, newer schemas, audit, no deletes. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caseload/risk.h"
#include "caseload/store.h"
#include "caseload/store_write.h"
#include "store/store_int.h"
#include "testutil.h"

static char *dir;
static void setup(void) { dir = tu_tmpdir(); }
static void teardown(void)
{
    tu_rmtree(dir);
    free(dir);
}
TestSuite(store, .init = setup, .fini = teardown);

/* Raw SQLite access for the test's own setup and inspection. */
static sqlite3 *raw(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    return db;
}

static int count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* SQLite's first allocation of 20 pages (86 KB) for every page cache, each
 * IN list's temporary B-tree included, is turned off before SQLite starts
 * (db.c): the due rules' statements hold several lists at once, and the C
 * library gave the memory back and took it again for every screenful. */
Test(store, an_in_list_is_not_given_twenty_pages)
{
    cl_store *st = tu_open(dir, "p.db"); /* the process's first use of SQLite */
    sqlite3 *db = raw("p.db");
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT ('a' IN (SELECT value FROM json_each('[1,2]')))"
                                    " + ('b' IN (SELECT value FROM json_each('[1,2]')))"
                                    " + ('c' IN (SELECT value FROM json_each('[1,2]')))"
                                    " + ('d' IN (SELECT value FROM json_each('[1,2]')))",
                                    -1, &s, NULL),
                 SQLITE_OK);
    sqlite3_int64 before, peak, now;
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &before, &peak, 1);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &now, &peak, 0);
    cr_expect_lt(peak - before, 200000, "four lists took %lld bytes (with the first allocation: 4 x 86 KB)",
                 (long long)(peak - before));
    sqlite3_finalize(s);
    sqlite3_close(db);
    store_close(st);
}

Test(store, creates_private_file_and_folder)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/new/sub/caseload.db", dir);
    cl_err err = {0};
    cl_store *st = store_open(path, STORE_CREATE, &err);
    cr_assert_not_null(st, "%s", err.msg);
    store_close(st);
    struct stat sb;
    cr_assert_eq(stat(path, &sb), 0);
    cr_assert_eq(sb.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/new/sub", dir);
    cr_assert_eq(stat(path, &sb), 0);
    cr_assert_eq(sb.st_mode & 0777, 0700);
}

/* Issue 2: a committed write survives a power cut. The store's own connection
 * syncs fully (2 = FULL), on a new file and on one opened again, and still
 * while a big load runs under a rollback journal instead of WAL. */
Test(store, own_connection_syncs_fully)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/sync.db", dir);
    for (int open = 0; open < 2; open++) {
        cl_err err = {0};
        cl_store *st = store_open(path, STORE_CREATE, &err);
        cr_assert_not_null(st, "%s", err.msg);
        cr_expect_eq(count(st->db, "PRAGMA synchronous"), 2, "open %d", open);
        cr_assert_eq(store_bulk_begin(st, &err), CL_OK, "%s", err.msg);
        cr_assert_eq(store_bulk_journal(st, &err), CL_OK, "%s", err.msg);
        cr_assert(st->bulk_journal, "the load is under a rollback journal");
        cr_expect_eq(count(st->db, "PRAGMA synchronous"), 2, "during a load");
        store_bulk_end(st);
        cr_expect_eq(count(st->db, "PRAGMA synchronous"), 2, "after a load");
        store_close(st);
    }
}

Test(store, fresh_database_is_at_latest_schema_with_holidays)
{
    cl_store *st = tu_open(dir, "a.db");
    cr_assert_eq(store_schema_version(st), store_schema_latest());
    cl_calendar cal;
    cal_init(&cal);
    cl_err err = {0};
    cr_assert_eq(store_load_calendar(st, &cal, &err), CL_OK);
    cr_assert_eq(cal.n, 91);
    cal_free(&cal);
    store_close(st);
}

static void report_problem(void *arg, const char *problem)
{
    (void)arg;
    cr_log_error("check: %s", problem);
}

/* A database left by every older version upgrades on open, keeps its rows
 * and passes the check. */
Test(store, every_older_version_upgrades_and_keeps_its_data)
{
    for (int v = 1; v < store_schema_latest(); v++) {
        char path[512];
        snprintf(path, sizeof path, "%s/v%d.db", dir, v);
        cl_err err = {0};
        cl_store *old = store_open_at_version(path, v, &err);
        cr_assert(old, "%s", err.msg);
        cr_assert_eq(store_schema_version(old), v);
        cl_office off = {.code = "CDF", .name = "Cardiff", .hours_start = -1, .hours_end = -1};
        cl_staff stf = {.code = "CDF02", .name = "Rhiannon Evans", .grade = "PO", .office = "CDF", .hours = 37};
        cl_offender o = {.crn = "X100001", .surname = "Llŷr", .forenames = "Siân", .office = "CDF",
                         .officer = "CDF02", .status = "active"};
        o.date_of_birth = tu_date("1982-06-11");
        store_put_res res;
        cr_assert_eq(store_begin(old, &err), CL_OK, "%s", err.msg);
        cr_assert_eq(store_put_office(old, &off, &res, &err), CL_OK, "%s", err.msg);
        cr_assert_eq(store_put_staff(old, &stf, &res, &err), CL_OK, "%s", err.msg);
        cr_assert_eq(store_put_offender(old, &o, &res, &err), CL_OK, "%s", err.msg);
        cr_assert_eq(store_commit(old, &err), CL_OK, "%s", err.msg);
        store_close(old);

        cl_store *st = store_open(path, 0, &err);
        cr_assert(st, "%s", err.msg);
        cr_expect_eq(store_schema_version(st), store_schema_latest());
        cl_offender got;
        cr_expect_eq(store_get_offender(st, "X100001", &got, &err), CL_OK, "%s", err.msg);
        cr_expect_str_eq(got.forenames, "Siân");
        cr_expect_eq(store_check(st, report_problem, NULL, &err), 0, "upgrade from %d: %s", v, err.msg);
        store_close(st);
    }
}

Test(store, missing_file_without_create_is_66)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/none.db", dir);
    cl_err err = {0};
    cr_assert_null(store_open(path, 0, &err));
    cr_assert_eq(err.code, CL_ENOINPUT);
}

Test(store, newer_schema_is_refused_with_78)
{
    store_close(tu_open(dir, "a.db"));
    sqlite3 *db = raw("a.db");
    sqlite3_exec(db, "PRAGMA user_version=999", NULL, NULL, NULL);
    sqlite3_close(db);
    char path[4096];
    snprintf(path, sizeof path, "%s/a.db", dir);
    cl_err err = {0};
    cr_assert_null(store_open(path, 0, &err));
    cr_assert_eq(err.code, CL_ENEWER);
    cr_assert(strstr(err.msg, "newer") != NULL, "%s", err.msg);
}

Test(store, not_a_database_is_74)
{
    char *p = tu_write_file(dir, "junk.db", "this is not a database, just some text that is long enough\n");
    cl_err err = {0};
    cr_assert_null(store_open(p, 0, &err));
    cr_assert_eq(err.code, CL_EIO);
    cr_assert(strstr(err.msg, "not a caseload database") != NULL, "%s", err.msg);
    free(p);
}

Test(store, audit_is_append_only_and_deletes_are_refused)
{
    cl_store *st = tu_open(dir, "a.db");
    cl_err err = {0};
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_audit(st, "test", "office", "X", NULL, NULL, &err), CL_OK);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    store_close(st);
    sqlite3 *db = raw("a.db");
    cr_assert_neq(sqlite3_exec(db, "UPDATE audit SET who='x'", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_neq(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_eq(count(db, "SELECT count(*) FROM audit WHERE who='TEST' AND at='2026-11-24T09:00'"), 1);
    sqlite3_close(db);
}

/* A second process holding the write lock: we wait, then get 69 and a clear message. */
Test(store, second_process_holding_write_lock_gives_69)
{
    store_close(tu_open(dir, "a.db"));
    int ready[2];
    cr_assert_eq(pipe(ready), 0);
    pid_t pid = fork();
    if (pid == 0) {
        sqlite3 *db = raw("a.db");
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (write(ready[1], "x", 1) != 1)
            _exit(1);
        sleep(3);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        _exit(0);
    }
    char c;
    cr_assert_eq(read(ready[0], &c, 1), 1);
    setenv("CASELOAD_BUSY_MS", "300", 1);
    cl_store *st = tu_open(dir, "a.db");
    cl_err err = {0};
    cr_assert_eq(store_begin(st, &err), CL_EBUSY);
    cr_assert(strstr(err.msg, "in use") != NULL, "%s", err.msg);
    store_close(st);
    unsetenv("CASELOAD_BUSY_MS");
    waitpid(pid, NULL, 0);
}

Test(store, risk_summary_from_database)
{
    cl_store *st = tu_open(dir, "a.db");
    store_close(st);
    sqlite3 *db = raw("a.db");
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    /* cl_* functions are per-connection; insert through a bulk-free path. */
    sqlite3_exec(db, "DROP TRIGGER office_audit_ins; DROP TRIGGER offender_audit_ins;"
                     "DROP TRIGGER registration_audit_ins;", NULL, NULL, NULL);
    cr_assert_eq(sqlite3_exec(db,
        "INSERT INTO office(code,name) VALUES ('N1','North');"
        "INSERT INTO offender(crn,surname,forenames,date_of_birth,office) VALUES ('X123456','Llŷr','Siân','1990-03-07','N1');"
        "INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X123456','RHRH','2026-01-01','2026-07-01');"
        "INSERT INTO registration(crn,type,category,level,start_date,review_date) VALUES ('X123456','MAPP','M2','M2','2026-01-01','2026-12-01');"
        "INSERT INTO registration(crn,type,level,start_date,review_date) VALUES ('X123456','AV2S','H','2026-01-01','2026-12-01');"
        "INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X123456','ADVP','2026-01-01','2026-12-01');"
        "INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X123456','RCPR','2026-01-01','2026-12-01');"
        "INSERT INTO registration(crn,type,start_date,end_date) VALUES ('X123456','WEAP','2025-01-01','2025-06-01');",
        NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    st = tu_open(dir, "a.db");
    risk_summary rs;
    cl_err err = {0};
    cr_assert_eq(risk_summary_load(st, "X123456", tu_date("2026-11-24"), &rs, &err), CL_OK);
    cr_assert_eq(rs.rosh, ROSH_HIGH);
    cr_assert(rs.rosh_review_overdue);
    cr_assert(rs.staff_banner);
    char buf[256];
    cr_assert_str_eq(risk_flags_short(&rs, buf, sizeof buf), "MAPPA 2/2; STAFF; DA; CP");
    cr_assert_str_eq(risk_flag_words(&rs.flags[0], buf, sizeof buf), "MAPPA Category 2, Level 2");
    cr_assert_str_eq(risk_flag_words(&rs.flags[1], buf, sizeof buf), "RISK TO STAFF (HIGH)");
    cr_assert_str_eq(risk_flag_words(&rs.flags[2], buf, sizeof buf), "DOMESTIC ABUSE PERPETRATOR");
    cr_assert_str_eq(risk_rosh_word(rs.rosh), "High");
    cr_assert_str_eq(risk_rosh_banner(rs.rosh), "HIGH ROSH");
    store_close(st);
}

/* The short flags are in the one severity order of CONVENTIONS.md (MAPPA,
 * then risk to staff, then the rest), whatever the level of the risk to
 * staff: at High it raises the banner but does not move ahead of MAPPA. */
Test(store, short_flags_in_severity_order)
{
    risk_reg_row rows[] = {
        {"RCPR", NULL, NULL, 1, CL_DATE_NONE},     {"ARSO", NULL, NULL, 1, CL_DATE_NONE},
        {"AV2S", NULL, "H", 1, CL_DATE_NONE},      {"ADVP", NULL, NULL, 1, CL_DATE_NONE},
        {"MAPP", "M1", "M1", 2, CL_DATE_NONE},
    };
    risk_summary rs;
    char buf[256];
    risk_summary_build(&rs, rows, 5, tu_date("2026-11-25"));
    cr_assert(rs.staff_banner);
    cr_assert_str_eq(risk_flags_short(&rs, buf, sizeof buf), "MAPPA 1/1; STAFF; RSO; DA; CP");
    rows[2].level = "L";
    risk_summary_build(&rs, rows, 5, tu_date("2026-11-25"));
    cr_assert_not(rs.staff_banner);
    cr_assert_str_eq(risk_flags_short(&rs, buf, sizeof buf), "MAPPA 1/1; STAFF; RSO; DA; CP");
}

/* A narrow flags column never hides a risk to staff behind "+N": MAPPA's
 * label gives up its category and level first (the banner shows them); when
 * that is not enough, the risk to staff comes first. */
Test(store, narrow_flags_keep_risk_to_staff_in_sight)
{
    char buf[64];
    cr_assert_str_eq(risk_flags_fit("MAPPA 1/1; STAFF; RSO; DA; CP", 16, buf, sizeof buf), "MAPPA; STAFF +3");
    cr_assert_str_eq(risk_flags_fit("MAPPA 1/1; STAFF; RSO; DA; CP", 40, buf, sizeof buf),
                     "MAPPA 1/1; STAFF; RSO; DA; CP", "room for all: nothing shortened");
    cr_assert_str_eq(risk_flags_fit("MAPPA 2/2; STAFF", 16, buf, sizeof buf), "MAPPA 2/2; STAFF");
    cr_assert_str_eq(risk_flags_fit("MAPPA 2/2; RSO; DA; CP", 16, buf, sizeof buf), "MAPPA 2/2 +3",
                     "no risk to staff: the usual fit");
    cr_assert_str_eq(risk_flags_fit("STAFF; DA; CP; SH", 12, buf, sizeof buf), "STAFF; DA +2");
    cr_assert_str_eq(risk_flags_fit("RSO; SHPO; WEAP; STAFF", 12, buf, sizeof buf), "STAFF +3",
                     "no MAPPA to shorten: the risk to staff comes first");
    cr_assert_str_eq(risk_flags_fit("MAPPA 2/2; STAFF; DA; CP; WARNING DUE", 12, buf, sizeof buf), "STAFF +4",
                     "too narrow for MAPPA and STAFF (a diary at 80 columns): STAFF first");
    cr_assert_str_eq(risk_flags_fit("MAPPA 2/2; DA; CP", 12, buf, sizeof buf), "MAPPA 2/2 +2");
    cr_assert_str_eq(risk_flags_fit("", 12, buf, sizeof buf), "");
}

/* A read snapshot (one screen update) never holds back a write: a write
 * started inside it ends it first, and is on disk for another connection
 * before the snapshot would have ended. */
Test(store, write_inside_read_snapshot_is_committed_at_once)
{
    cl_store *st = tu_open(dir, "a.db");
    cl_err err = {0};
    store_read_begin(st);
    cr_assert_not(store_in_transaction(st), "a read snapshot is not a write transaction");
    cr_assert_eq(store_begin(st, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_audit(st, "test", "office", "R1", NULL, NULL, &err), CL_OK);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    sqlite3 *db = raw("a.db");
    cr_assert_eq(count(db, "SELECT count(*) FROM audit WHERE key='R1'"), 1);
    /* A write outside store_begin (the audit row) inside a new snapshot: committed by itself. */
    store_read_begin(st);
    cr_assert_eq(store_audit(st, "test", "office", "R2", NULL, NULL, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(count(db, "SELECT count(*) FROM audit WHERE key='R2'"), 1);
    store_read_end(st);
    sqlite3_close(db);
    store_close(st);
}

/* store_begin_own/store_end_own: alone, the write has its own transaction
 * (committed on success, rolled back on failure); inside the caller's, it
 * neither commits nor rolls back: the caller's outcome decides. */
Test(store, own_transaction_only_when_none_is_open)
{
    cl_store *st = tu_open(dir, "a.db");
    cl_err err = {0};
    sqlite3 *db = raw("a.db");
    bool own = false;
    cr_assert_eq(store_begin_own(st, &own, &err), CL_OK, "%s", err.msg);
    cr_assert(own);
    cr_assert_eq(store_audit(st, "test", "office", "T1", NULL, NULL, &err), CL_OK);
    cr_assert_eq(store_end_own(st, own, CL_OK, &err), CL_OK, "%s", err.msg);
    cr_assert_not(store_in_transaction(st));
    cr_assert_eq(count(db, "SELECT count(*) FROM audit WHERE key='T1'"), 1, "committed");
    cr_assert_eq(store_begin_own(st, &own, &err), CL_OK);
    cr_assert_eq(store_audit(st, "test", "office", "T2", NULL, NULL, &err), CL_OK);
    cr_assert_eq(store_end_own(st, own, CL_EDATA, &err), CL_EDATA, "the failure is returned");
    cr_assert_not(store_in_transaction(st));
    cr_assert_eq(count(db, "SELECT count(*) FROM audit WHERE key='T2'"), 0, "rolled back");
    /* Inside the caller's transaction: left open, whatever rc. */
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_begin_own(st, &own, &err), CL_OK);
    cr_assert_not(own);
    cr_assert_eq(store_audit(st, "test", "office", "T3", NULL, NULL, &err), CL_OK);
    cr_assert_eq(store_end_own(st, own, CL_EDATA, &err), CL_EDATA);
    cr_assert(store_in_transaction(st), "the caller's transaction is still open");
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cr_assert_eq(count(db, "SELECT count(*) FROM audit WHERE key='T3'"), 1, "the caller committed it");
    sqlite3_close(db);
    store_close(st);
}

/* Inside a snapshot every read sees the same state: a write by another
 * process shows only after the snapshot ends. */
Test(store, read_snapshot_sees_one_state)
{
    cl_store *st = tu_open(dir, "a.db");
    sqlite3 *db = raw("a.db");
    store_read_begin(st);
    cr_assert_eq(store_schema_version(st), store_schema_latest());
    cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_eq(store_schema_version(st), store_schema_latest(), "the snapshot's own state");
    store_read_end(st);
    cr_assert_eq(store_schema_version(st), 99);
    sqlite3_close(db);
    store_close(st);
}

/* The generation moves with every write, ours or another program's, and
 * never with a read. */
Test(store, generation_moves_with_writes_only)
{
    cl_store *st = tu_open(dir, "a.db");
    cl_err err = {0};
    unsigned long g0 = store_generation(st);
    cr_assert_eq(store_schema_version(st), store_schema_latest());
    cr_assert_eq(store_generation(st), g0, "a read leaves it");
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_audit(st, "test", "office", "G1", NULL, NULL, &err), CL_OK);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    unsigned long g1 = store_generation(st);
    cr_assert_neq(g1, g0, "our own write");
    cr_assert_eq(store_generation(st), g1);
    /* Drafts: a table without audit triggers, which need caseload's own functions. */
    sqlite3 *db = raw("a.db");
    cr_assert_eq(sqlite3_exec(db, "INSERT INTO draft(officer, kind, updated_at) VALUES ('x', 'y', 'z')", NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    cr_assert_neq(store_generation(st), g1, "another program's commit");
    store_close(st);
}
