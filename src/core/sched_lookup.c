/* The records booking needs, read through store_write.h, with messages that
 * say what was not found. */
#include <stdio.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/ref.h"
#include "caseload/store_contact.h"
#include "caseload/store_write.h"
#include "core/sched_int.h"

static int missing(int rc, cl_err *err, const char *what, const char *key)
{
    if (rc == CL_ENOINPUT)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such %s", key, what);
    return rc;
}

int sched_person(cl_app *app, const char *crn, cl_offender *out, cl_err *err)
{
    return missing(store_get_offender(app->store, crn, out, err), err, "CRN", crn);
}

int sched_officer_office(cl_app *app, const char *officer, char *office, size_t len, cl_err *err)
{
    cl_staff s;
    int rc = missing(store_get_staff(app->store, officer, &s, err), err, "officer", officer);
    if (rc == CL_OK)
        snprintf(office, len, "%s", s.office);
    return rc;
}

int sched_office_hours(cl_app *app, const char *office, int *start, int *end, cl_err *err)
{
    cl_office o;
    int rc = missing(store_get_office(app->store, office, &o, err), err, "office", office);
    if (rc == CL_OK) {
        *start = o.hours_start;
        *end = o.hours_end;
    }
    return rc;
}

char *sched_where(cl_app *app, const cl_appointment *a, char *buf, size_t len)
{
    const ref_contact_type *t = ref_find_contact_type(a->type);
    cl_office o;
    cl_err err = {0};
    if (a->location[0]) {
        if (buf != a->location) /* the record fills its own rows in place */
            snprintf(buf, len, "%s", a->location);
    } else if (!t || !t->at_office || !a->office[0])
        snprintf(buf, len, "%s", SCHED_NO_LOCATION);
    else if (store_get_office(app->store, a->office, &o, &err) == CL_OK)
        snprintf(buf, len, "%s", o.name);
    else
        snprintf(buf, len, "office %s", a->office);
    return buf;
}

int sched_owner_name(cl_app *app, store_diary_scope scope, const char *code, char *name, size_t len,
                     cl_err *err)
{
    int rc;
    if (scope == STORE_DIARY_OFFICE) {
        cl_office o;
        if ((rc = missing(store_get_office(app->store, code, &o, err), err, "office", code)) == CL_OK)
            snprintf(name, len, "%s", o.name);
    } else {
        cl_staff s;
        if ((rc = missing(store_get_staff(app->store, code, &s, err), err, "officer", code)) == CL_OK)
            snprintf(name, len, "%s", s.name);
    }
    return rc;
}

int sched_appt_outcome_why(cl_app *app, const cl_appointment *a, char *why, size_t len, bool *has, cl_err *err)
{
    cl_contact k;
    int rc = store_appt_outcome_contact(app->store, a->id, &k, has, err);
    if (rc != CL_OK || !*has)
        return rc;
    int y, m, d;
    date_to_ymd(k.date, &y, &m, &d);
    const ref_outcome *o = ref_find_outcome(k.outcome);
    snprintf(why, len, "appointment %s has an outcome (%s, %02d/%02d/%04d, contact %s)", a->id,
             o ? o->name : k.outcome, d, m, y, k.id);
    cl_contact_clear(&k);
    return CL_OK;
}

int sched_appt_changeable(cl_app *app, const cl_appointment *a, cl_err *err)
{
    int rc = case_check_open(app->store, a->crn, err);
    if (rc != CL_OK)
        return rc;
    /* Cancelling or moving it would hide a logged outcome (a failure still
     * counted for enforcement): the contact is corrected first. */
    char why[256];
    bool has;
    if ((rc = sched_appt_outcome_why(app, a, why, sizeof why, &has, err)) != CL_OK || !has)
        return rc;
    return cl_err_set(err, CL_EDATA, "%s: correct that contact first", why);
}
