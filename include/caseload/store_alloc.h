/* Store side of allocation and workload: the queries and writes behind
 * alloc.h and workload.h. Callers hold the transaction for writes. */
#ifndef CASELOAD_STORE_ALLOC_H
#define CASELOAD_STORE_ALLOC_H

#include <stdbool.h>

#include "caseload/model.h"
#include "caseload/store.h"


/* The allocation facts of one offender; CL_ENOINPUT when the CRN is unknown. */
typedef struct store_alloc_offender {
    char crn[CL_CODE_LEN], surname[CL_NAME_LEN], forenames[CL_NAME_LEN];
    char officer[CL_CODE_LEN], office[CL_CODE_LEN], tier[4], status[8];
} store_alloc_offender;
int store_alloc_offender_get(cl_store *st, const char *crn, store_alloc_offender *out, cl_err *err);

/* Sets the officer (NULL/"": none) and office, stamping allocated_at. */
int store_alloc_set(cl_store *st, const char *crn, const char *officer, const char *office, cl_err *err);

/* One allocation history row. */
typedef struct store_alloc_row {
    long long id;
    char crn[CL_CODE_LEN], kind[12];
    char from_officer[CL_CODE_LEN], from_office[CL_CODE_LEN];
    char to_officer[CL_CODE_LEN], to_office[CL_CODE_LEN];
    char reason[CL_TEXT_LEN], override[CL_TEXT_LEN], appointments[12], status[12];
    char created_by[64], created_at[20], done_by[64], done_at[20];
} store_alloc_row;
int store_alloc_record(cl_store *st, const store_alloc_row *row, cl_err *err);
/* Where crn's pending transfer came from (its from officer and office);
 * *found false when none is pending. */
int store_alloc_pending_from(cl_store *st, const char *crn, char *officer, size_t olen, char *office, size_t flen,
                             bool *found, cl_err *err);
/* Marks the pending transfers of crn done (who and when from the actor). */
int store_alloc_complete_pending(cl_store *st, const char *crn, cl_err *err);
typedef void (*store_alloc_row_fn)(void *arg, const store_alloc_row *row);
/* A person's history, oldest first. */
int store_alloc_history(cl_store *st, const char *crn, store_alloc_row_fn fn, void *arg, cl_err *err);
/* Pending transfers (office NULL: all), oldest first. Also gives the name. */
typedef void (*store_pending_fn)(void *arg, const store_alloc_row *row, const char *surname,
                                 const char *forenames);
int store_alloc_pending_each(cl_store *st, const char *office, store_pending_fn fn, void *arg, cl_err *err);

/* Open appointments (booked, at or after date/time), ids in time order; the
 * id is valid only during the call. Move gives one booked appointment a new
 * officer and office (cancelling is store_appt_close, as the diary does). */
typedef void (*store_alloc_id_fn)(void *arg, const char *id);
int store_alloc_appts_open(cl_store *st, const char *crn, const char *date, const char *time,
                           store_alloc_id_fn fn, void *arg, cl_err *err);
int store_alloc_appt_move(cl_store *st, const char *id, const char *officer, const char *office, cl_err *err);
/* Every closed case with when it was closed ("YYYY-MM-DDTHH:MM"); a non-zero
 * return from fn stops the walk and is returned. */
typedef int (*store_alloc_closed_fn)(void *arg, const char *crn, const char *closed_at);
int store_alloc_closed_each(cl_store *st, store_alloc_closed_fn fn, void *arg, cl_err *err);

/* Unallocated: active cases with no officer (holder_grade NULL) or held by a
 * staff member of holder_grade; office NULL: all. since is the later of the
 * newest current order's sentence date and the allocation stamp, else when
 * the record was created. */
typedef void (*store_waiting_fn)(void *arg, const char *crn, const char *surname,
                                 const char *forenames, const char *office, const char *holder,
                                 const char *since);
int store_alloc_waiting_each(cl_store *st, const char *holder_grade, const char *office,
                             store_waiting_fn fn, void *arg, cl_err *err);
/* The same for a few people, crns a JSON array of their CRNs (those that
 * are not such cases are left out). */
int store_alloc_waiting_crns(cl_store *st, const char *holder_grade, const char *crns,
                             store_waiting_fn fn, void *arg, cl_err *err);

/* Active cases whose officer may not hold them, for `check`: the officer's
 * grade is not among holding_grades (a JSON array), or they work in another
 * office than the case's; override says whether an allocation with an
 * override gave the case that officer and office. The rule is the caller's
 * (alloc_holder_check): this gives every case it may refuse, and no other. */
typedef void (*store_holder_fn)(void *arg, const char *crn, const char *office, const cl_staff *holder,
                                bool override);
int store_alloc_holders_each(cl_store *st, const char *holding_grades, store_holder_fn fn, void *arg, cl_err *err);

/* Whether an override is recorded for crn's current holding: the newest
 * allocation row of the case gave it to officer at office, with an override. */
int store_alloc_holding_override(cl_store *st, const char *crn, const char *officer, const char *office,
                                 bool *override, cl_err *err);
/* Workload: an officer's active cases with their tier and the types of their
 * active requirements ("W,F"), and their requested reports by type. */
typedef void (*store_wl_case_fn)(void *arg, const char *crn, const char *tier, const char *req_types);
int store_wl_cases(cl_store *st, const char *officer, store_wl_case_fn fn, void *arg, cl_err *err);
typedef void (*store_wl_report_fn)(void *arg, const char *officer, const char *type, int count);
int store_wl_reports(cl_store *st, const char *officer, store_wl_report_fn fn, void *arg, cl_err *err);
/* The same for every officer of an office (NULL: all) in one pass over the
 * requested reports (there is no index by officer; the requested ones are few). */
int store_wl_reports_office(cl_store *st, const char *office, store_wl_report_fn fn, void *arg, cl_err *err);

#endif
