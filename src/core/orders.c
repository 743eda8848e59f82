/* A person's orders, and the default order of a contact (which orders run
 * on a day is order_state_on, src/store/order_state.c). */
#include "caseload/orders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/store_write.h"

typedef struct gather {
    cl_order *v;
    size_t n, cap;
    bool oom;
} gather;

static int add(void *arg, const void *rec)
{
    gather *g = arg;
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 8;
        cl_order *p = realloc(g->v, cap * sizeof *p);
        if (!p) {
            g->oom = true;
            return 1;
        }
        g->v = p, g->cap = cap;
    }
    g->v[g->n++] = *(const cl_order *)rec;
    return 0;
}

int order_list(cl_store *st, const char *crn, cl_order **out, size_t *n, cl_err *err)
{
    gather g = {0};
    int rc = store_each_of_person(st, STORE_ORDER, crn, add, &g, err);
    if (g.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK) {
        free(g.v);
        *out = NULL, *n = 0;
        return rc;
    }
    *out = g.v, *n = g.n;
    return CL_OK;
}

int order_default(cl_store *st, const char *crn, cl_date d, char *id, size_t len, cl_err *err)
{
    cl_order *v;
    size_t n, running = 0;
    id[0] = '\0';
    int rc = order_list(st, crn, &v, &n, err);
    if (rc != CL_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        if (order_running(&v[i], d) && running++ == 0)
            snprintf(id, len, "%s", v[i].id);
    if (running != 1)
        id[0] = '\0';
    free(v);
    return CL_OK;
}
