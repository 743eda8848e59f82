/* The one rule every write to a person's contacts, registrations and
 * appointments shares, whichever front end asks: a closed case is read-only.
 * The CSV import of historical records writes through store_put_* and is not
 * subject to it (a closed case's history must load). */
#ifndef CASELOAD_CASE_OPEN_H
#define CASELOAD_CASE_OPEN_H

#include "caseload/err.h"
#include "caseload/store.h"

/* CL_OK when crn is an open case; CL_EDATA "the case of NAME (CRN) is closed:
 * read-only" when closed; CL_ENOINPUT "CRN: no such CRN" when unknown. */
int case_check_open(cl_store *st, const char *crn, cl_err *err);

#endif
