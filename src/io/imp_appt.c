/* The outcome rules of a contact on its appointment, in an import (imp_int.h):
 * the rule and its words are the core's (appt_outcome_check); what is here is
 * how the facts are had without a query a row. */
#include <stdio.h>
#include <string.h>

#include "caseload/appt_outcome.h"
#include "caseload/store_contact.h"
#include "caseload/store_write.h"
#include "io/imp_int.h"

void imp_appt_from_row(imp_appt *x, const cl_appointment *a)
{
    memcpy(x->type, a->type, sizeof x->type);
    memcpy(x->status, a->status, sizeof x->status);
    x->f = (refset_appt_facts){a->date, a->start, x->type, x->status, false, NULL};
}

/* On a first load every outcome is the file's, one an appointment (this
 * check): the contact c corrects holds its appointment's outcome when it is
 * an uncorrected contact of the appointment with an outcome. Two lookups by
 * key, where asking for the appointment's outcome would read the whole table
 * (its index is built at the end of a first load). */
static int corrects_holder(cl_store *st, const cl_contact *c, bool *is, cl_err *err)
{
    *is = false;
    cl_contact k;
    int rc = store_get_contact(st, c->corrects, &k, err);
    if (rc == CL_ENOINPUT)
        return CL_OK; /* a later row, or none: checked with the references */
    if (rc != CL_OK)
        return rc;
    bool linked = !strcmp(k.appointment_id, c->appointment_id) && k.outcome[0];
    cl_contact_clear(&k);
    char by[CL_ID_LEN] = "";
    if (linked && (rc = store_contact_corrected_by(st, c->corrects, by, sizeof by, err)) != CL_OK)
        return rc;
    *is = linked && !by[0];
    return CL_OK;
}

/* The contact holding the outcome of c's appointment into by ("" none): none
 * when memory says it has none; else asked of the database. */
static int holder(imp_appt *x, cl_store *st, bool first_load, bool quiet, const cl_contact *c, char *by, cl_err *err)
{
    bool maybe = x->f.at ? x->f.outcome : first_load ? keyset_has(&x->given, c->appointment_id) : true;
    if (!maybe)
        return CL_OK;
    if (first_load && c->corrects[0]) {
        bool is;
        int rc = corrects_holder(st, c, &is, err);
        if (rc != CL_OK || is) {
            snprintf(by, CL_ID_LEN, "%s", is ? c->corrects : "");
            return rc;
        }
    }
    /* Past the errors reported, a second outcome is counted without the
     * search for the first (a first load's table has no index for it yet);
     * memory is wrong only after a correction took an outcome away. */
    if (first_load && quiet && x->f.at) {
        snprintf(by, CL_ID_LEN, "?");
        return CL_OK;
    }
    cl_contact prev;
    bool found;
    int rc = store_appt_outcome_contact(st, c->appointment_id, &prev, &found, err);
    if (rc == CL_OK && found) {
        snprintf(by, CL_ID_LEN, "%s", prev.id);
        cl_contact_clear(&prev);
    }
    return rc;
}

int imp_appt_check(imp_appt *x, cl_store *st, bool first_load, bool quiet, const cl_contact *c,
                   const char *appt_col, const char **col, cl_err *why)
{
    char by[CL_ID_LEN] = "";
    int rc = holder(x, st, first_load, quiet, c, by, why);
    if (rc != CL_OK)
        return rc;
    const char *field = NULL;
    appt_outcome_facts f = {c->appointment_id, x->f.date, x->f.start, x->f.type, x->f.status, by};
    if (appt_outcome_check(&f, c, &x->now, &field, why) == CL_OK)
        return CL_OK;
    /* The words after "field: ", under the file's column. */
    *col = strcmp(field, "appointment") ? field : appt_col;
    size_t skip = strlen(field) + 2;
    memmove(why->msg, why->msg + skip, strlen(why->msg + skip) + 1);
    return CL_EDATA;
}

bool imp_appt_written(imp_appt *x, bool first_load, const cl_contact *c, long line)
{
    if (!c->outcome[0])
        return true;
    if (x->f.at) {
        refset_appt_mark(&x->f);
        return true;
    }
    return !first_load || keyset_add(&x->given, c->appointment_id, line) >= 0;
}
