/* A closed case is read-only: the check every core write for a person makes. */
#include "caseload/case_open.h"

#include <ctype.h>
#include <string.h>

#include "caseload/store_write.h"

int case_check_open(cl_store *st, const char *crn, cl_err *err)
{
    cl_offender p;
    int rc = store_get_offender(st, crn, &p, err);
    if (rc == CL_ENOINPUT)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such CRN", crn);
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

int case_check_known(cl_store *st, const char *crn, cl_err *err)
{
    if (!store_exists(st, STORE_OFFENDER, crn ? crn : ""))
        return cl_err_set(err, CL_ENOINPUT, "no person with CRN %s", crn ? crn : "");
    return CL_OK;
}
