/* Appointments on import: none booked for a closed case from its closure on,
 * the rule closing a case keeps (alloc_appts_case_closed cancels them). The
 * closed cases are read once (none in a first load of a new database). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/dates.h"
#include "caseload/grow.h"
#include "caseload/store_alloc.h"
#include "io/imp_int.h"

static int by_crn(const void *a, const void *b)
{
    return strcmp(((const imp_closed_case *)a)->crn, ((const imp_closed_case *)b)->crn);
}

static int add_case(void *arg, const char *crn, const char *closed_at)
{
    imp_closed *c = arg;
    if (c->n == c->cap) {
        imp_closed_case *p = cl_grow(c->v, &c->cap, sizeof *p);
        if (!p)
            return 1;
        c->v = p;
    }
    imp_closed_case *k = &c->v[c->n++];
    snprintf(k->crn, sizeof k->crn, "%s", crn);
    snprintf(k->at, sizeof k->at, "%s", closed_at);
    return 0;
}

int imp_closed_init(imp_closed *c, cl_store *st, cl_err *err)
{
    memset(c, 0, sizeof *c);
    int rc = store_alloc_closed_each(st, add_case, c, err);
    if (rc == 1)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK)
        return rc;
    if (c->n)
        qsort(c->v, c->n, sizeof *c->v, by_crn);
    return CL_OK;
}

void imp_closed_free(imp_closed *c)
{
    free(c->v);
    memset(c, 0, sizeof *c);
}

int imp_closed_row(const imp_closed *c, const cl_appointment *a, cl_err *why)
{
    if (!c->n || (a->status[0] && strcmp(a->status, "booked")))
        return CL_OK;
    imp_closed_case key;
    memcpy(key.crn, a->crn, sizeof key.crn);
    const imp_closed_case *k = bsearch(&key, c->v, c->n, sizeof *c->v, by_crn);
    if (!k)
        return CL_OK;
    char day[CL_DATE_LEN], t[CL_TIME_LEN], at[32];
    snprintf(at, sizeof at, "%sT%s", date_format(a->date, day), time_format(a->start < 0 ? 0 : a->start, t));
    if (strcmp(at, k->at) < 0)
        return CL_OK; /* before the closure: its history */
    return cl_err_set(why, CL_EDATA, "the case of %s was closed at %s: a closed case takes no appointment"
                                     " booked after its closure (give status cancelled)", a->crn, k->at);
}
