#include <stdio.h>
#include <string.h>

#include "caseload/risk.h"
#include "caseload/store_risk.h"

#define MAX_ROWS 64

typedef struct collect {
    risk_reg_row rows[MAX_ROWS];
    char text[MAX_ROWS][3][8];
    size_t n;
} collect;

static void add_row(void *arg, const risk_reg_row *r)
{
    collect *c = arg;
    if (c->n == MAX_ROWS)
        return;
    size_t i = c->n++;
    snprintf(c->text[i][0], 8, "%s", r->type ? r->type : "");
    snprintf(c->text[i][1], 8, "%s", r->category ? r->category : "");
    snprintf(c->text[i][2], 8, "%s", r->level ? r->level : "");
    c->rows[i] = (risk_reg_row){c->text[i][0], c->text[i][1], c->text[i][2], r->start, r->review};
}

int risk_summary_load(cl_store *st, const char *crn, cl_date today, risk_summary *out, cl_err *err)
{
    collect c;
    c.n = 0;
    int rc = store_reg_each_active(st, crn, add_row, &c, err);
    if (rc != CL_OK)
        return rc;
    risk_summary_build(out, c.rows, c.n, today);
    return CL_OK;
}
