/* Registration rows as stored, for the risk module. */
#ifndef CASELOAD_STORE_RISK_H
#define CASELOAD_STORE_RISK_H

#include "caseload/risk.h"
#include "caseload/store.h"

/* Calls fn for each active (not ended) registration of crn. The row's strings
 * are valid only during the call. */
typedef void (*store_reg_fn)(void *arg, const risk_reg_row *row);
int store_reg_each_active(cl_store *st, const char *crn, store_reg_fn fn, void *arg, cl_err *err);

#endif
