/* The audit trail of a person: every write through the store leaves a row with
 * who and when; the trail is read back oldest first and cannot be changed. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/store_audit.h"
#include "caseload/store_write.h"
#include "testutil.h"

typedef struct seen {
    int n;
    char lines[16][256];
} seen;

static int collect(void *arg, const store_audit_row *r)
{
    seen *s = arg;
    if (s->n < 16) {
        int at = snprintf(s->lines[s->n], sizeof s->lines[0], "%s|%s|%s|%s|%s|%s", r->at, r->who, r->action,
                          r->entity, r->key, r->detail);
        for (size_t i = 0; i < r->nchanges && at > 0 && (size_t)at < sizeof s->lines[0]; i++)
            at += snprintf(s->lines[s->n] + at, sizeof s->lines[0] - (size_t)at, "|%s:%s>%s", r->changes[i].name,
                           r->changes[i].old ? r->changes[i].old : "null",
                           r->changes[i].new_ ? r->changes[i].new_ : "null");
    }
    s->n++;
    return 0;
}

static void seed(cl_store *st)
{
    cl_err err = {0};
    store_put_res res;
    cl_office of = {.code = "CDF", .name = "Cardiff"};
    cl_staff sf = {.code = "CDF02", .name = "Rhiannon Evans", .grade = "PO", .office = "CDF", .hours = 37};
    cl_offender o = {.crn = "X100001", .surname = "Llŷr", .forenames = "Siân",
                     .date_of_birth = tu_date("1982-06-11"), .office = "CDF", .status = "active"};
    cr_assert_eq(store_begin(st, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_put_office(st, &of, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_put_staff(st, &sf, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_put_offender(st, &o, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_commit(st, &err), CL_OK, "%s", err.msg);
}

Test(audit, trail_of_one_person_oldest_first)
{
    char *dir = tu_tmpdir();
    cl_store *st = tu_open(dir, "a.db");
    seed(st);
    cl_err err = {0};
    store_put_res res;
    cl_offender o;
    cr_assert_eq(store_get_offender(st, "X100001", &o, &err), CL_OK, "%s", err.msg);
    strcpy(o.officer, "CDF02");
    store_set_actor(st, "CDF02", "2026-11-24T11:30");
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_put_offender(st, &o, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(res, STORE_UPDATED);
    cr_assert_eq(store_commit(st, &err), CL_OK);

    seen s = {0};
    cr_assert_eq(store_audit_each(st, "X100001", collect, &s, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(s.n, 2);
    cr_assert(strstr(s.lines[0], "|TEST|insert|offender|X100001|") != NULL, "%s", s.lines[0]);
    cr_assert(strncmp(s.lines[1], "2026-11-24T11:30|CDF02|update|offender|X100001|", 47) == 0,
              "%s", s.lines[1]);
    /* The changed column, old -> new: the officer was empty before. */
    cr_assert(strstr(s.lines[1], "|officer:null>CDF02") != NULL, "%s", s.lines[1]);
    /* Nobody else's rows. */
    seen none = {0};
    cr_assert_eq(store_audit_each(st, "X999999", collect, &none, &err), CL_OK);
    cr_assert_eq(none.n, 0);
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}

static int stop_at_first(void *arg, const store_audit_row *r)
{
    (void)r;
    (*(int *)arg)++;
    return 7;
}

Test(audit, callback_can_stop_the_walk)
{
    char *dir = tu_tmpdir();
    cl_store *st = tu_open(dir, "a.db");
    seed(st);
    cl_err err = {0};
    int n = 0;
    cr_assert_eq(store_audit_each(st, "X100001", stop_at_first, &n, &err), 7);
    cr_assert_eq(n, 1);
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
