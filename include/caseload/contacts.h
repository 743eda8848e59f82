/* Logging contacts: the checks and defaults that every way in (the command
 * line, the log-contact form, a diary row) shares, and the one transaction
 * that writes a contact and removes its draft. Contacts are append-only: a
 * correction is a new contact whose `corrects` names the one it replaces. */
#ifndef CASELOAD_CONTACTS_H
#define CASELOAD_CONTACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/calendar.h"
#include "caseload/model.h"
#include "caseload/store_contact.h"
#include "caseload/store_draft.h"

/* A new contact for crn from an appointment: person, date, time, end, type,
 * order, officer and appointment_id filled in. CL_ENOINPUT when the
 * appointment does not exist. */
int contact_from_appointment(cl_app *app, const char *appointment_id, cl_contact *c, cl_err *err);

/* A correction of contact id: every field copied from it (except the note and
 * the id), `corrects` set. The caller changes what is corrected. CL_ENOINPUT
 * when id does not exist; CL_EDATA when id was already corrected (correct the
 * newest instead: the message names it). */
int contact_correction_of(cl_app *app, const char *id, cl_contact *c, cl_err *err);

/* Checks c and fills defaults: type/outcome/action codes in any case
 * become codes; date and time default to now; officer to the appointment's or
 * the app's; order to the appointment's, else order_default on the contact's
 * date (the only running order). A given order must be the person's. Errors
 * (CL_EDATA or CL_ENOINPUT) name the field. Refuses a closed case
 * (case_check_open), a date after the app's today (later today is allowed)
 * and a respond-by date that does not fit the action
 * (contact_check_respond_by). A correction may empty an appointment's
 * outcome; a correction that changes nothing (same fields, no note) is
 * refused. A contact with an appointment follows its outcome rules
 * (appt_outcome_check, which the import applies too): none on an appointment
 * that was cancelled or moved, on another day or of another type, attended
 * before it started, or a second one. A date other than today
 * needs its time (today without one is now). RAR needs an attended and
 * complied outcome (or none, on a contact that is not an appointment) and an
 * order with a RAR requirement. An unpaid work session is at most
 * TS_UPW_SESSION_MAX_HOURS long and, attended, is logged once it has ended.
 * Needs no transaction. */
int contact_check(cl_app *app, cl_contact *c, cl_err *err);

/* An action that waits for the person's response (EA12, ACT_PENDING) needs a
 * respond-by date on or after the contact's date and at most
 * ENF_RESPOND_BY_MAX_WORKING_DAYS working days after it; no other action has
 * one. */
int contact_check_respond_by(const cl_calendar *cal, const cl_contact *c, cl_err *err);

/* contact_check, then in ONE transaction: writes c (its id and created_*
 * written back) and removes the draft when draft is not NULL. */
int contact_log(cl_app *app, cl_contact *c, const store_draft_key *draft, cl_err *err);

/* The whole correction chain that id belongs to, oldest first (malloc'd array
 * of *n contacts; free with contact_chain_free). */
int contact_chain(cl_app *app, const char *id, cl_contact **out, size_t *n, cl_err *err);
void contact_chain_free(cl_contact *chain, size_t n);

/* Appointments of officer (NULL: everyone) whose time has passed with no
 * decided outcome (none logged, or only failed-to-attend-evidence-awaited),
 * as of the app's clock; time order. The "outcome needed" list. */
int contact_outcome_needed_each(cl_app *app, const char *officer, store_outcome_needed_fn fn,
                                void *arg, cl_err *err);

/* The draft key of a contact note typed by the app's user for crn (and the
 * appointment, or NULL). */
store_draft_key contact_draft_key(const cl_app *app, const char *crn, const char *appointment_id);

/* The form's fields of a contact as draft text, one "key=value" line each
 * (type, outcome, action, date, time, end, order, appointment, sensitive,
 * rar, corrects, respond_by), and back: keys that are missing leave c as it
 * is. A date left as "today" is written as `started` and a time left as
 * "now" as `started_min` (when the form opened): a draft recovered later
 * keeps the date and time the contact was typed. */
char *contact_draft_fields(const cl_contact *c, cl_date started, int started_min, char *buf, size_t len);
void contact_draft_apply(const char *fields, cl_contact *c);

#endif
