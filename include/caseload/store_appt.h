/* Appointment queries and the writes specific to the diary: booking a new
 * slot's id, cancelling, rescheduling (the old row stays, with reason, who,
 * when and replaced_by), clashes, and the rows of a day or week by office or
 * officer. Whole records are written and read with store_write.h. Times are
 * "HH:MM" text in the database, minutes in the structs. */
#ifndef CASELOAD_STORE_APPT_H
#define CASELOAD_STORE_APPT_H

#include <stdbool.h>

#include "caseload/model.h"
#include "caseload/store.h"

/* One appointment as a diary shows it: the row, the person's name and the
 * outcome of the contact logged against it ("" when none yet). */
typedef struct store_appt_row {
    cl_appointment a; /* a.notes is NULL here: lists do not load notes */
    char surname[CL_NAME_LEN], forenames[CL_NAME_LEN];
    char outcome[8];
    bool closed;      /* the person's case is closed: it takes no outcome */
} store_appt_row;

/* The row is valid only during the call. */
typedef void (*store_appt_fn)(void *arg, const store_appt_row *row);

/* Whose diary: everyone booked at an office, or one officer's. */
typedef enum { STORE_DIARY_OFFICE, STORE_DIARY_OFFICER } store_diary_scope;

/* A new random appointment id ("B" and 16 hex digits) not yet in use. */
int store_appt_new_id(cl_store *st, char *id, size_t len, cl_err *err);
/* Marks a booked appointment cancelled or rescheduled, with the reason, who,
 * when and (for rescheduled) the id of the new one. Inside the caller's
 * transaction. CL_EDATA when it is not booked any more. */
int store_appt_close(cl_store *st, const char *id, const char *status, const char *reason,
                     const char *replaced_by, cl_err *err);

/* Booked appointments on date overlapping [start, end) of the officer or of
 * the person (either may be NULL), except exclude_id. Ordered by time. */
int store_appt_clashes(cl_store *st, const char *officer, const char *crn, cl_date date, int start,
                       int end, const char *exclude_id, store_appt_fn fn, void *arg, cl_err *err);

/* Every appointment (any status) of an office or officer from `from` to `to`
 * inclusive, ordered by date, start and id. */
int store_appt_range(cl_store *st, store_diary_scope scope, const char *code, cl_date from,
                     cl_date to, store_appt_fn fn, void *arg, cl_err *err);

#endif
