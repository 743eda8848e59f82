/* Where an order stands on a day, read twice: in C (order_state_on, as the
 * log form and order_default ask) and in SQL (the due list's orders, through
 * cl_order_ended). The two must agree on every boundary day. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/orders.h"
#include "caseload/store_due.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_store *st;

/* E1 ends on its end date; T1 is terminated on 1 June; L1 is a licence whose
 * release (its sentence date) is still to come on most days asked about. */
static const char FIXTURE[] =
    "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');"
    "INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01');"
    "INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office, status) VALUES"
    " ('B000001', 'Evans', 'Eve', '1990-01-01', 'PO1', 'N01', 'active');"
    "INSERT INTO orders(id, crn, type, sentence_date, end_date, terminated_at) VALUES"
    " ('E1', 'B000001', 'CO', '2026-03-02', '2026-11-24', NULL),"
    " ('T1', 'B000001', 'SSO', '2026-03-02', NULL, '2026-06-01'),"
    " ('L1', 'B000001', 'LIC', '2026-12-10', '2027-06-01', NULL);";

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "o.db");
    seed_exec(dir, "o.db", FIXTURE);
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(orders, .init = setup, .fini = teardown);

typedef struct seen {
    char ids[8][CL_ID_LEN];
    size_t n;
} seen;

static void on_order(void *arg, const store_due_order *o)
{
    seen *s = arg;
    if (s->n < 8)
        snprintf(s->ids[s->n++], CL_ID_LEN, "%s", o->order_id);
}

static bool listed(const seen *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->ids[i], id))
            return true;
    return false;
}

/* The due list's orders on day d, for the one person. */
static seen due_orders(cl_date d)
{
    store_due_q q = {.scope = STORE_DUE_CRNS, .key = "[\"B000001\"]", .from = d, .upw_requirement = "W"};
    seen s = {0};
    cl_err err = {0};
    cr_assert_eq(store_due_orders(st, &q, on_order, &s, &err), CL_OK, "%s", err.msg);
    return s;
}

static const cl_order *find(const cl_order *v, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].id, id))
            return &v[i];
    cr_assert_fail("no order %s", id);
    return NULL;
}

Test(orders, the_c_rule_and_the_due_lists_sql_agree_on_every_boundary_day)
{
    static const char *const days[] = {"2026-03-01", "2026-03-02", "2026-03-03", "2026-05-31", "2026-06-01",
                                       "2026-06-02", "2026-11-23", "2026-11-24", "2026-11-25", "2026-12-09",
                                       "2026-12-10", "2026-12-11", "2027-06-01", "2027-06-02"};
    cl_order *v;
    size_t n;
    cl_err err = {0};
    cr_assert_eq(order_list(st, "B000001", &v, &n, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(n, 3);
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        cl_date d = tu_date(days[i]);
        seen s = due_orders(d);
        for (size_t k = 0; k < n; k++)
            cr_assert_eq(listed(&s, v[k].id), !order_ended(&v[k], d), "%s on %s: the due list %s it, the C rule says %s",
                         v[k].id, days[i], listed(&s, v[k].id) ? "lists" : "leaves out",
                         order_ended(&v[k], d) ? "ended" : "not ended");
    }
    free(v);
}

Test(orders, each_boundary_day_reads_as_the_rule_says)
{
    cl_order *v;
    size_t n;
    cl_err err = {0};
    cr_assert_eq(order_list(st, "B000001", &v, &n, &err), CL_OK, "%s", err.msg);
    const cl_order *e = find(v, n, "E1"), *t = find(v, n, "T1"), *l = find(v, n, "L1");
    cr_assert_eq(order_state_on(e, tu_date("2026-03-01")), ORDER_PENDING, "the day before sentence");
    cr_assert_eq(order_state_on(e, tu_date("2026-03-02")), ORDER_RUNNING, "the day of sentence");
    cr_assert_eq(order_state_on(e, tu_date("2026-11-24")), ORDER_RUNNING, "the end date itself");
    cr_assert_eq(order_state_on(e, tu_date("2026-11-25")), ORDER_ENDED, "the day after the end date");
    cr_assert_eq(order_state_on(t, tu_date("2026-05-31")), ORDER_RUNNING, "the day before termination");
    cr_assert_eq(order_state_on(t, tu_date("2026-06-01")), ORDER_TERMINATED, "the termination day");
    cr_assert_eq(order_state_on(t, tu_date("2026-06-02")), ORDER_TERMINATED, "the day after");
    cr_assert_eq(order_state_on(l, tu_date("2026-12-09")), ORDER_PENDING, "a licence before release");
    /* A licence before release is on the due list (its first appointment
     * after release falls due), though no contact runs on it yet. */
    seen s = due_orders(tu_date("2026-12-09"));
    cr_assert(listed(&s, "L1"));
    cr_assert_not(order_running(l, tu_date("2026-12-09")));
    free(v);
}
