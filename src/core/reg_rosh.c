/* The single-RoSH rule (CONVENTIONS.md: adding a RoSH registration ends the
 * previous one, kept in history), in one place for `caseload register` and
 * the registrations screen (both through reg_add) and the CSV import. */
#include "caseload/registration.h"

#include <stdio.h>
#include <string.h>

#include "caseload/risk.h"
#include "caseload/store_reg.h"

typedef struct rival_scan {
    const char *type;
    bool rosh;
    cl_date skip; /* the start of the row being written, not its own rival */
    cl_registration *out;
    bool found;
} rival_scan;

static void scan(void *arg, const cl_registration *r)
{
    rival_scan *a = arg;
    bool match = a->rosh ? risk_type_is_rosh(r->type) : !strcmp(r->type, a->type);
    if (!match || (r->start_date == a->skip && !strcmp(r->type, a->type)))
        return;
    /* Should two RoSH rows be active (older data), the latest is the one to replace. */
    if (!a->found || r->start_date >= a->out->start_date) {
        *a->out = *r;
        a->out->notes = NULL;
        a->found = true;
    }
}

int reg_rival(cl_store *st, const char *crn, const char *type, cl_date skip, cl_registration *out, bool *found,
              cl_err *err)
{
    memset(out, 0, sizeof *out);
    rival_scan a = {.type = type, .rosh = risk_type_is_rosh(type), .skip = skip, .out = out};
    int rc = store_reg_each(st, crn, true, scan, &a, err);
    *found = rc == CL_OK && a.found;
    return rc;
}

bool reg_rosh_rival_stays(const cl_registration *rival, cl_date start)
{
    return rival->start_date > start;
}

char *reg_rosh_reason(const char *new_type, char *buf, size_t len)
{
    const risk_regtype *t = risk_type(new_type);
    snprintf(buf, len, "replaced by %s", t ? t->words : new_type);
    return buf;
}

int reg_rosh_end(cl_store *st, long long id, const char *new_type, cl_date on, cl_err *err)
{
    char reason[CL_TEXT_LEN];
    return store_reg_end(st, id, on, reg_rosh_reason(new_type, reason, sizeof reason), err);
}
