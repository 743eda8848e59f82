/* Appointment queries and the writes specific to the diary: booking a new
 * slot, cancelling, rescheduling (the old row stays, with reason, who, when
 * and replaced_by), clashes, and the rows of a day or week by office or
 * officer. Times are "HH:MM" text in the database, minutes in the structs. */
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
} store_appt_row;

/* The row is valid only during the call. */
typedef void (*store_appt_fn)(void *arg, const store_appt_row *row);

/* Whose diary: everyone booked at an office, or one officer's. */
typedef enum { STORE_DIARY_OFFICE, STORE_DIARY_OFFICER } store_diary_scope;

/* The person as booking needs them. */
typedef struct store_appt_person {
    char crn[CL_CODE_LEN], surname[CL_NAME_LEN], forenames[CL_NAME_LEN];
    char officer[CL_CODE_LEN], office[CL_CODE_LEN], status[8];
} store_appt_person;

/* CL_ENOINPUT when there is no such CRN. */
int store_appt_person_get(cl_store *st, const char *crn, store_appt_person *out, cl_err *err);
/* An office's hours (minutes since midnight); CL_ENOINPUT when unknown. */
int store_office_hours(cl_store *st, const char *office, int *start, int *end, cl_err *err);
/* A staff member's office; CL_ENOINPUT when unknown. */
int store_staff_office(cl_store *st, const char *staff, char *office, size_t len, cl_err *err);
/* The name of an office or officer, for diary headers; CL_ENOINPUT when unknown. */
int store_diary_owner(cl_store *st, store_diary_scope scope, const char *code, char *name,
                      size_t len, cl_err *err);

/* Inserts a new booked appointment inside the caller's transaction. a->id is
 * filled with a new random id when empty. created_by/at come from the actor. */
int store_appt_insert(cl_store *st, cl_appointment *a, cl_err *err);
/* One appointment with its notes (free with cl_appointment_clear); CL_ENOINPUT when missing. */
int store_appt_get(cl_store *st, const char *id, cl_appointment *out, cl_err *err);
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
