/* The rules of a contact that records an appointment's outcome, decided from
 * the appointment's facts alone: the one place for them and their words,
 * read by contact_check (the command line and the screens) and by the CSV
 * import (which holds the facts of every appointment in memory at scale). */
#ifndef CASELOAD_APPT_OUTCOME_H
#define CASELOAD_APPT_OUTCOME_H

#include "caseload/clock.h"
#include "caseload/err.h"
#include "caseload/model.h"

/* What the rules read of the appointment. */
typedef struct appt_outcome_facts {
    const char *id;
    cl_date date;
    int start;              /* minutes since midnight */
    const char *type;       /* its contact type code */
    const char *status;     /* booked, cancelled, rescheduled */
    const char *outcome_by; /* the contact holding its outcome now ("" or NULL: none) */
} appt_outcome_facts;

/* CL_OK, or CL_EDATA naming the field, in this order: a contact linked to an
 * appointment has an outcome (only a correction may withdraw one); an appointment that was
 * not held (cancelled or moved) takes no outcome; the outcome is dated on the
 * appointment's day (c->date CL_DATE_NONE: not yet given, passes); an
 * attended, failed-to-attend or failed-to-comply outcome is logged once the
 * appointment has started (at now; an outcome the table allows in advance may
 * come before); the outcome is a contact of the appointment's type
 * (CONVENTIONS.md); one outcome per appointment: c may only be the contact
 * holding it (the same id) or a correction of it (c->corrects). The message
 * begins with the field it names, "date: ..."; field (may be NULL) is set to
 * that word (appointment, date, outcome, type), for a caller that names the
 * field its own way. */
int appt_outcome_check(const appt_outcome_facts *a, const cl_contact *c, const cl_clock *now, const char **field,
                       cl_err *err);

#endif
