/* Faults while writing: the file may not grow (a full disk, here a file-size
 * limit, which needs no privileges). The write fails with a message, nothing of
 * the failed transaction is kept, the database stays consistent and every row
 * committed earlier is still there. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "caseload/store_write.h"
#include "testutil.h"

static void no_problem(void *arg, const char *problem)
{
    (void)arg;
    cr_log_error("check: %s", problem);
}

static int put_people(cl_store *st, int from, int n, cl_err *err)
{
    store_put_res res;
    for (int i = from; i < from + n; i++) {
        cl_offender o = {.date_of_birth = tu_date("1990-01-01"), .office = "CDF", .status = "active"};
        snprintf(o.crn, sizeof o.crn, "X%06d", i);
        snprintf(o.surname, sizeof o.surname, "Llŷr-%d", i);
        snprintf(o.forenames, sizeof o.forenames, "Siân");
        /* Long addresses make the file grow quickly. */
        memset(o.address, 'a' + i % 26, sizeof o.address - 1);
        int rc = store_put_offender(st, &o, &res, err);
        if (rc != CL_OK)
            return rc;
    }
    return CL_OK;
}

Test(faults, disk_full_keeps_committed_rows)
{
    char *dir = tu_tmpdir();
    cl_store *st = tu_open(dir, "full.db");
    cl_err err = {0};
    store_put_res res;
    cl_office of = {.code = "CDF", .name = "Cardiff"};
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_put_office(st, &of, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(put_people(st, 1, 200, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_commit(st, &err), CL_OK, "%s", err.msg);

    /* The disk fills: no file may grow past 256 KB from here on. */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit old, lim;
    cr_assert_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = 256 * 1024;
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);

    int rc = store_begin(st, &err);
    if (rc == CL_OK)
        rc = put_people(st, 1000, 20000, &err);
    if (rc == CL_OK)
        rc = store_commit(st, &err);
    cr_assert_eq(rc, CL_EIO, "a write past the end of the disk must fail with 74, got %d: %s", rc, err.msg);
    cr_assert(strstr(err.msg, "disk full") != NULL, "the message says the disk is full: %s", err.msg);
    cr_assert(strstr(err.msg, "full.db") != NULL, "the message names the file: %s", err.msg);
    store_rollback(st);
    store_close(st);

    /* Space again: everything committed before is there, nothing after. */
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
    st = tu_open(dir, "full.db");
    cr_assert_eq(store_count(st, STORE_OFFENDER), 200);
    cr_assert(store_exists(st, STORE_OFFENDER, "X000200"));
    cr_assert_not(store_exists(st, STORE_OFFENDER, "X001000"));
    cr_assert_eq(store_check(st, no_problem, NULL, &err), 0, "%s", err.msg);
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
