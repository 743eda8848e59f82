/* The outcome rules of a contact against its appointment (appt_outcome.h). */
#include "caseload/appt_outcome.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "caseload/ref.h"

/* What happened at an appointment is known once it has started: an
 * attended, failed-to-attend or failed-to-comply outcome before its start
 * time is refused. An outcome the table allows in advance (an acceptable
 * absence, a rescheduling) may be logged before. */
static bool too_early(const appt_outcome_facts *a, const ref_outcome *o, const cl_clock *now)
{
    if (!o || o->in_advance)
        return false;
    return a->date > now->today || (a->date == now->today && a->start > now->minutes);
}

/* The refusal: *field is the field named, which the message begins with. */
static int refuse(const char **field, const char *name, cl_err *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int refuse(const char **field, const char *name, cl_err *err, const char *fmt, ...)
{
    char msg[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (field)
        *field = name;
    return cl_err_set(err, CL_EDATA, "%s: %s", name, msg);
}

int appt_outcome_check(const appt_outcome_facts *a, const cl_contact *c, const cl_clock *now, const char **field,
                       cl_err *err)
{
    const ref_outcome *o = ref_find_outcome(c->outcome);
    /* A contact linked to an appointment is its outcome; only a correction
     * may leave it out (withdrawing an outcome entered in error): the
     * appointment then needs one again, and can be cancelled or moved. */
    if (!c->outcome[0] && !c->corrects[0])
        return refuse(field, "outcome", err, "a contact for appointment %s records its outcome: choose one", a->id);
    /* A cancelled or moved appointment did not happen: it takes no outcome
     * (an absence there would count as a failure). A correction may still
     * withdraw one logged before this check existed. */
    if (strcmp(a->status, "booked") && c->outcome[0])
        return refuse(field, "appointment", err, "%s was %s: it takes no outcome (book a new one, or log a contact without the appointment)",
                          a->id, a->status);
    /* The outcome is what happened at the appointment: on its day. */
    if (c->date != CL_DATE_NONE && c->date != a->date) {
        char adate[CL_DATE_LEN], cdate[CL_DATE_LEN];
        return refuse(field, "date", err, "%s is not the day of appointment %s (%s): an outcome is dated on its appointment's day",
                          date_format(c->date, cdate), a->id, date_format(a->date, adate));
    }
    if (too_early(a, o, now)) {
        char day[16], t[CL_TIME_LEN];
        if (a->date == now->today)
            snprintf(day, sizeof day, "today");
        else
            date_format_long(a->date, day);
        return refuse(field, "outcome", err,
                          "appointment %s starts %s at %s: '%s' can be logged once it has started"
                          " (an acceptable absence or a rescheduling can be recorded before)",
                          a->id, day, time_format(a->start, t), o->name);
    }
    /* CONVENTIONS.md: an appointment's outcome is a contact of the same type. */
    if (strcmp(a->type, c->type))
        return refuse(field, "type", err, "the outcome of appointment %s is a %s contact, not %s", a->id, a->type, c->type);
    /* One outcome per appointment: a withdrawn one leaves room for a new
     * one; a current one is changed only by correcting it. */
    const char *by = a->outcome_by;
    if (by && by[0] && strcmp(by, c->corrects) && strcmp(by, c->id))
        return refuse(field, "appointment", err, "%s already has an outcome (contact %s): add a correction of %s", a->id, by, by);
    return CL_OK;
}
