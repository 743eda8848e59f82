/* A person's orders as contacts and appointments see them: which orders are
 * running on a day, and the order a contact defaults to. The one meaning of
 * "current order" for every way a contact is logged (the log form, `caseload
 * log`, a diary outcome). */
#ifndef CASELOAD_ORDERS_H
#define CASELOAD_ORDERS_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/dates.h"
#include "caseload/err.h"
#include "caseload/model.h"
#include "caseload/store.h"

/* An order runs on day d when it was sentenced on or before d, was not
 * terminated on or before d, and its end date (when it has one) is not
 * before d. An order that ended but was never marked terminated does not run. */
bool order_running(const cl_order *o, cl_date d);

/* The person's orders, newest sentence first: a malloc'd array of *n (free
 * it; NULL when none). */
int order_list(cl_store *st, const char *crn, cl_order **out, size_t *n, cl_err *err);

/* The order a contact or appointment of crn on day d defaults to: the only
 * order running on d, into id; id "" when none or more than one runs (the
 * officer then chooses). */
int order_default(cl_store *st, const char *crn, cl_date d, char *id, size_t len, cl_err *err);

#endif
