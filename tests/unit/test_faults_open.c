/* Faults met by a store that is open or opening (explore5 §4, §5, §6, §8, §9):
 * another connection holding the write lock (check says busy, never a
 * problem; a draft write does not wait), an empty file (not made a new
 * caseload), a file cut short (found from its header, never written into),
 * and a store open for reading only (every write refused in one wording). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "caseload/store_draft.h"
#include "caseload/store_write.h"
#include "testutil.h"

static void count_problem(void *arg, const char *problem)
{
    cr_log_info("problem: %s", problem);
    ++*(int *)arg;
}


static long long size_of(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void put_people(cl_store *st, int n)
{
    cl_err err = {0};
    store_put_res res;
    cl_office of = {.code = "CDF", .name = "Cardiff"};
    cr_assert_eq(store_begin(st, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_put_office(st, &of, &res, &err), CL_OK, "%s", err.msg);
    for (int i = 1; i <= n; i++) {
        cl_offender o = {.date_of_birth = tu_date("1990-01-01"), .office = "CDF", .status = "active"};
        snprintf(o.crn, sizeof o.crn, "X%06d", i);
        snprintf(o.surname, sizeof o.surname, "Llŷr-%d", i);
        snprintf(o.forenames, sizeof o.forenames, "Siân");
        memset(o.address, 'a' + i % 26, sizeof o.address - 1);
        cr_assert_eq(store_put_offender(st, &o, &res, &err), CL_OK, "%s", err.msg);
    }
    cr_assert_eq(store_commit(st, &err), CL_OK, "%s", err.msg);
}

/* dir/name with n people in it, closed; its path (malloc'd). */
static char *made_db(const char *dir, const char *name, int n)
{
    cl_store *st = tu_open(dir, name);
    put_people(st, n);
    store_close(st);
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static const store_draft_key KEY = {"CDF02", "X000001", DRAFT_KIND_CONTACT, ""};

/* Two connections to dir/a.db, with busy_ms as the busy timeout: *holder
 * holds the write lock (a transaction with a write in it); the other is
 * returned. */
static cl_store *locked_out(const char *dir, const char *busy_ms, cl_store **holder)
{
    setenv("CASELOAD_BUSY_MS", busy_ms, 1);
    *holder = tu_open(dir, "a.db");
    put_people(*holder, 3);
    cl_store *st = tu_open(dir, "a.db");
    cl_err err = {0};
    cr_assert_eq(store_begin(*holder, &err), CL_OK, "%s", err.msg);
    store_draft_key held = {"AB1", "X000002", DRAFT_KIND_CONTACT, ""};
    cr_assert_eq(store_draft_save(*holder, &held, "", "held", &err), CL_OK, "%s", err.msg);
    return st;
}

/* §4: the search index check needs the write lock; busy is 69, not damage. */
Test(faults_open, check_on_a_busy_database_is_busy_not_a_problem)
{
    char *dir = tu_tmpdir();
    cl_store *holder, *st = locked_out(dir, "100", &holder);
    cl_err err = {0};
    int problems = 0;
    int n = store_check(st, count_problem, &problems, &err);
    cr_assert_eq(n, -1, "check on a busy database gave %d problems", n);
    cr_assert_eq(problems, 0, "a busy database was reported as a problem");
    cr_assert_eq(err.code, CL_EBUSY, "%d: %s", err.code, err.msg);
    cr_assert(strstr(err.msg, "in use by another program"), "%s", err.msg);
    store_rollback(holder);
    problems = 0;
    cr_assert_eq(store_check(st, count_problem, &problems, &err), 0, "%s", err.msg);
    store_close(st);
    store_close(holder);
    tu_rmtree(dir);
    free(dir);
}

/* §5: a draft written as keys are typed fails at once under another's lock;
 * other writes still wait out the busy timeout. */
Test(faults_open, draft_try_save_does_not_wait_for_a_lock)
{
    char *dir = tu_tmpdir();
    cl_store *holder, *st = locked_out(dir, "400", &holder);
    cl_err err = {0};
    double t0 = now_s();
    cr_assert_eq(store_draft_try_save(st, &KEY, "", "typed", &err), CL_EBUSY, "%s", err.msg);
    double took = now_s() - t0;
    cr_assert_lt(took, 0.2, "the draft write waited %.3f s for the lock", took);
    t0 = now_s();
    cr_assert_eq(store_draft_save(st, &KEY, "", "typed", &err), CL_EBUSY, "%s", err.msg);
    cr_assert_geq(now_s() - t0, 0.3, "a write that may wait no longer waits for the busy timeout");
    cr_assert_eq(store_commit(holder, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_draft_try_save(st, &KEY, "", "typed", &err), CL_OK, "%s", err.msg);
    char *fields, *body;
    bool found;
    cr_assert_eq(store_draft_load(st, &KEY, &fields, &body, NULL, &found, &err), CL_OK);
    cr_assert(found);
    cr_assert_str_eq(body, "typed");
    free(fields), free(body);
    store_close(st);
    store_close(holder);
    tu_rmtree(dir);
    free(dir);
}

/* §8: an empty file lost its data: refused, left as it is; an import
 * (STORE_EMPTY_OK) makes it a database. Never when its log holds data. */
Test(faults_open, empty_file_is_not_made_a_new_caseload)
{
    char *dir = tu_tmpdir();
    char *path = tu_write_file(dir, "zero.db", "");
    cl_err err = {0};
    cr_assert_null(store_open(path, STORE_CREATE, &err));
    cr_assert_eq(err.code, CL_EIO);
    cr_assert(strstr(err.msg, "zero.db is empty (0 bytes): restore it from a backup, or import a caseload"), "%s", err.msg);
    cr_assert_null(store_open(path, STORE_READ_ANY, &err));
    cr_assert_eq(size_of(path), 0, "the empty file was written");
    cl_store *st = store_open(path, STORE_CREATE | STORE_EMPTY_OK, &err);
    cr_assert_not_null(st, "%s", err.msg);
    store_close(st);
    cr_assert_gt(size_of(path), 0);

    char *z2 = tu_write_file(dir, "z2.db", "");
    char *wal = tu_write_file(dir, "z2.db-wal", "frames of a database");
    cr_assert_null(store_open(z2, STORE_CREATE | STORE_EMPTY_OK, &err));
    cr_assert(strstr(err.msg, "holds data"), "%s", err.msg);
    cr_assert_eq(size_of(wal), 20, "the log was removed or changed");
    free(path), free(z2), free(wal);
    tu_rmtree(dir);
    free(dir);
}

/* §9: a file cut short is found from its header; it is never written into,
 * and check names it without sending the reader back to check. */
Test(faults_open, truncated_file_is_named_and_never_written)
{
    char *dir = tu_tmpdir();
    char *path = made_db(dir, "t.db", 200);
    long long full = size_of(path);
    cr_assert_eq(truncate(path, full / 2), 0);

    int found = 0;
    cr_assert_eq(store_diagnose(path, count_problem, &found), 1);
    /* A rollback journal beside it: a write under way (or one SQLite undoes
     * at the next open) may leave the file short for a moment: not damage. */
    char *journal = tu_write_file(dir, "t.db-journal", "a journal");
    cr_assert_eq(store_diagnose(path, count_problem, &found), 0);
    cr_assert_eq(unlink(journal), 0);
    free(journal);
    cl_err err = {0};
    cr_assert_null(store_open(path, STORE_CREATE, &err), "a damaged file was opened for writing");
    cr_assert(strstr(err.msg, "shorter than the database it holds"), "%s", err.msg);
    cr_assert(strstr(err.msg, "restore it from a backup"), "%s", err.msg);

    cl_store *st = store_open(path, STORE_READ_ANY | STORE_CHECKING, &err);
    if (st) { /* the schema was readable: reads go on, writes are refused */
        cr_assert_not_null(store_readonly(st));
        cr_assert_eq(store_begin(st, &err), CL_EIO);
        cr_assert(strstr(err.msg, "read-only database: cannot save"), "%s", err.msg);
        found = 0;
        int n = store_check(st, count_problem, &found, &err);
        cr_assert(found >= 1, "check found nothing on a file cut in half");
        if (n < 0)
            cr_assert_null(strstr(err.msg, "caseload check"), "check sends the reader to check: %s", err.msg);
        store_close(st);
    } else {
        cr_assert_null(strstr(err.msg, "caseload check"), "check sends the reader to check: %s", err.msg);
    }
    cr_assert_eq(size_of(path), full / 2, "the damaged file was written");
    free(path);
    tu_rmtree(dir);
    free(dir);
}

/* §6: a store open for reading refuses every write, in one wording. */
Test(faults_open, read_only_store_refuses_writes)
{
    char *dir = tu_tmpdir();
    char *path = made_db(dir, "r.db", 2);
    cl_err err = {0};
    cl_store *st = store_open(path, STORE_READONLY, &err);
    cr_assert_not_null(st, "%s", err.msg);
    cr_assert_not_null(store_readonly(st));
    cr_assert(store_exists(st, STORE_OFFENDER, "X000002"));
    cr_assert_eq(store_draft_save(st, &KEY, "", "typed", &err), CL_EIO);
    cr_assert(strstr(err.msg, "read-only database: cannot save"), "%s", err.msg);
    int problems = 0;
    cr_assert_eq(store_check(st, count_problem, &problems, &err), 0, "%s", err.msg);
    store_close(st);
    free(path);
    tu_rmtree(dir);
    free(dir);
}
