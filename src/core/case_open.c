/* A closed case is read-only: the check every core write for a person makes;
 * and the person and order a write names exist. */
#include "caseload/case_open.h"

#include <ctype.h>
#include <string.h>

#include "caseload/store_staff.h"
#include "caseload/store_write.h"

static int get_person(cl_store *st, const char *crn, cl_offender *p, cl_err *err)
{
    int rc = store_get_offender(st, crn, p, err);
    return rc == CL_ENOINPUT ? cl_err_set(err, CL_ENOINPUT, "no person with CRN %s", crn ? crn : "") : rc;
}

int case_check_exists(cl_store *st, const char *crn, cl_err *err)
{
    cl_offender p;
    return get_person(st, crn, &p, err);
}

int case_record_of(const char *noun, const char *crn, const char *key, const char *owner, cl_err *err)
{
    if (!owner)
        return cl_err_set(err, CL_EDATA, "%s has no %s %s", crn, noun, key);
    if (strcmp(owner, crn))
        return cl_err_set(err, CL_EDATA, CASE_NOT_PERSONS, noun, key, owner, crn);
    return CL_OK;
}

int case_order_of(const char *crn, const char *order_id, const char *owner, cl_err *err)
{
    return case_record_of("order", crn, order_id, owner, err);
}

int case_check_order(cl_store *st, const char *crn, const char *order_id, cl_err *err)
{
    if (!order_id || !order_id[0])
        return CL_OK;
    cl_order o;
    int rc = store_get_order(st, order_id, &o, err);
    if (rc != CL_OK && rc != CL_ENOINPUT)
        return rc;
    cl_err why = {0};
    if (case_order_of(crn, order_id, rc == CL_OK ? o.crn : NULL, &why) != CL_OK)
        return cl_err_set(err, CL_EDATA, "order: %s", why.msg);
    return CL_OK;
}

int case_check_open(cl_store *st, const char *crn, cl_err *err)
{
    cl_offender p;
    int rc = get_person(st, crn, &p, err);
    if (rc != CL_OK)
        return rc;
    if (!strcmp(p.status, "closed"))
        return cl_err_set(err, CL_EDATA, "the case of %s %s (%s) is closed: read-only", p.forenames,
                          p.surname, p.crn);
    return CL_OK;
}

char *case_crn_normalise(char *crn)
{
    for (char *p = crn; p && *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return crn;
}

/* Codes are letters and digits: upper-cased as a CRN is. */
char *case_code_normalise(char *code) { return case_crn_normalise(code); }

int case_check_staff(cl_store *st, const char *code, cl_err *err)
{
    if (code && store_staff_exists(st, code))
        return CL_OK;
    return cl_err_set(err, CL_EUSAGE, CASE_UNKNOWN_STAFF, code ? code : "");
}
