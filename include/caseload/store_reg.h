/* Registration rows: writing and reading whole rows (store_risk.h gives the
 * active rows the risk summary needs). Writes run inside the caller's
 * transaction; registered_by and changed_by/changed_at are the store's actor
 * and stamp. */
#ifndef CASELOAD_STORE_REG_H
#define CASELOAD_STORE_REG_H

#include <stdbool.h>

#include "caseload/model.h"
#include "caseload/store.h"

/* True when an offender with this CRN exists. */
int store_reg_person_exists(cl_store *st, const char *crn, bool *exists, cl_err *err);
/* Inserts r (id ignored); *id is the new row's id. CL_EDATA when the same
 * type already starts on that date for that person. */
int store_reg_insert(cl_store *st, const cl_registration *r, long long *id, cl_err *err);
/* One row by id; CL_ENOINPUT when there is none. Free with cl_registration_clear. */
int store_reg_get(cl_store *st, long long id, cl_registration *out, cl_err *err);
/* Ends an active row: end date, reason, who and when. */
int store_reg_end(cl_store *st, long long id, cl_date end, const char *reason, cl_err *err);
/* Records a review of an active row: the day it was done and the next
 * review date it sets. */
int store_reg_set_review(cl_store *st, long long id, cl_date on, cl_date review, cl_err *err);

/* Calls fn for each registration of crn: active first (by start date), then
 * ended ones, newest end first. The row is valid only during the call. */
typedef void (*store_reg_row_fn)(void *arg, const cl_registration *r);
int store_reg_each(cl_store *st, const char *crn, bool active_only, store_reg_row_fn fn, void *arg,
                   cl_err *err);

/* The reviews of registration id from the audit trail, oldest first: who
 * moved its review date, when (stamp), from what to what, and the day the
 * review was done (NONE for reviews recorded before it was kept). Strings
 * valid only during the call. */
typedef struct store_reg_review {
    const char *at, *who;
    cl_date was, next, on;
} store_reg_review;
typedef void (*store_reg_review_fn)(void *arg, const store_reg_review *r);
int store_reg_reviews(cl_store *st, long long id, store_reg_review_fn fn, void *arg, cl_err *err);

#endif
