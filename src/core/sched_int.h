/* Private to the scheduler: lookups with the officer's wording of "not found". */
#ifndef CASELOAD_SCHED_INT_H
#define CASELOAD_SCHED_INT_H

#include "caseload/sched.h"

/* CL_ENOINPUT "no person with CRN X123456" and the like when missing. */
int sched_person(cl_app *app, const char *crn, cl_offender *out, cl_err *err);
int sched_office_hours(cl_app *app, const char *office, int *start, int *end, cl_err *err);
int sched_owner_name(cl_app *app, store_diary_scope scope, const char *code, char *name, size_t len,
                     cl_err *err);
/* Whether a booked appointment may be cancelled or moved: CL_EDATA when its
 * case is closed or an outcome is logged for it (the message names the
 * contact to correct). */
int sched_appt_changeable(cl_app *app, const cl_appointment *a, cl_err *err);
/* The outcome part of that rule alone: *has, and why says which contact. */
int sched_appt_outcome_why(cl_app *app, const cl_appointment *a, char *why, size_t len, bool *has, cl_err *err);

#endif
