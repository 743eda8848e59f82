/* The set-based reads behind the due list: one statement per kind of item
 * over everyone in a scope (an officer's caseload, an office, everyone, or a
 * list of CRNs), each served by an index. The rules (which dates, which
 * outcomes count) are the core's: the code lists come in as JSON arrays of
 * codes built from the reference tables. Row strings are valid only during
 * the callback. */
#ifndef CASELOAD_STORE_DUE_H
#define CASELOAD_STORE_DUE_H

#include <stdbool.h>

#include "caseload/dates.h"
#include "caseload/enforce.h"
#include "caseload/store.h"

typedef enum {
    STORE_DUE_OFFICER, /* key: staff code (people they manage; appointments they run; reports they write) */
    STORE_DUE_OFFICE,  /* key: office code */
    STORE_DUE_ALL,     /* key unused */
    STORE_DUE_CRNS     /* key: JSON array of CRNs; for the people's own rows (registrations,
                        * orders, enforcement rows), of active people: those the people
                        * statement returned, so no offender row is read again */
} store_due_scope;

typedef struct store_due_q {
    store_due_scope scope;
    const char *key;
    cl_date from;               /* orders ended by this day (order_ended) are left out */
    const char *attended;       /* JSON: outcomes that count as attended */
    const char *credited;       /* JSON: outcomes that credit unpaid work hours */
    const char *contact_types;  /* JSON: types that count as contact without an attended outcome */
    const char *failures;       /* JSON: outcomes that are failures (enforcement) */
    const char *home_visit;     /* contact type of a home visit */
    const char *upw_session;    /* contact type of an unpaid work session */
    const char *upw_requirement;/* requirement type of unpaid work */
    const char *upw_reviews;    /* JSON: contact types that record an unpaid work review */
    const char *pending;        /* the outcome that still needs a decision (AFTA) */
    int now_minutes;            /* for appointments earlier on `from` */
    const char *closed_days;    /* JSON: the weekends and bank holidays ahead the list looks at */
    const char *waiting_actions;/* JSON: enforcement actions that await a response (EA12): the
                                 * only rows whose respond_by the enforcement rule reads */
    const char *limited_grades; /* JSON: grades the allocation table limits (PSO, PQiP) */
} store_due_q;

/* Active people in scope, with the latest dates of their effective contacts. */
typedef struct store_due_person {
    const char *crn, *surname, *forenames, *officer, *office;
    cl_date last_attended;   /* latest contact with an attended outcome */
    cl_date last_contact;    /* the same, or a contact of a counting type */
    cl_date last_home_visit; /* latest attended home visit */
} store_due_person;
typedef void (*store_due_person_fn)(void *arg, const store_due_person *p);
int store_due_people(cl_store *st, const store_due_q *q, store_due_person_fn fn, void *arg, cl_err *err);

/* One person by CRN (any status), for items that reach beyond the scope's
 * people (a report written for someone else's case). *found false when none. */
int store_due_person_one(cl_store *st, const char *crn, store_due_person_fn fn, void *arg, bool *found,
                         cl_err *err);

/* The people in scope held by a staff member of one of q->limited_grades:
 * the grade, the tier, the holding's start (allocated_at, else when the
 * record was made) and whether an override is recorded for the holding. */
typedef struct store_due_holding {
    const char *crn, *grade, *tier;
    cl_date from;
    bool override;
} store_due_holding;
typedef void (*store_due_holding_fn)(void *arg, const store_due_holding *h);
int store_due_holdings(cl_store *st, const store_due_q *q, store_due_holding_fn fn, void *arg, cl_err *err);

/* Active registrations of the people in scope, grouped by CRN (CRN order). */
typedef struct store_due_reg {
    const char *crn;
    long long id;
    const char *type, *category, *level;
    cl_date start, review;
} store_due_reg;
typedef void (*store_due_reg_fn)(void *arg, const store_due_reg *r);
int store_due_registrations(cl_store *st, const store_due_q *q, store_due_reg_fn fn, void *arg, cl_err *err);

/* Orders of the people in scope not ended on `from` (order_ended: running,
 * or pending, as a licence before release); one row per unpaid work requirement
 * (or one row with req_id NULL when the order has none). */
typedef struct store_due_order {
    const char *crn, *order_id, *order_type;
    cl_date sentence;
    const char *req_id;           /* NULL: no unpaid work on this order */
    double hours_ordered;
    cl_date req_start;
    cl_date first_attended;       /* earliest attended contact on the order */
    cl_date first_session;        /* earliest credited unpaid work session */
    cl_date last_review;          /* latest attended review contact on the order, on or before from */
    double minutes_done;          /* credited session minutes */
} store_due_order;
typedef void (*store_due_order_fn)(void *arg, const store_due_order *o);
int store_due_orders(cl_store *st, const store_due_q *q, store_due_order_fn fn, void *arg, cl_err *err);

/* The enforcement rule's rows (enf_row: effective contacts with an outcome
 * or an action) of the people in scope, one person's rows together (CRN
 * order), as enf_load reads them for one person; a failure row (outcome in
 * `failures`) comes with the type of its order when the order is the
 * person's (NULL otherwise). */
typedef void (*store_due_enf_fn)(void *arg, const char *crn, const enf_row *row, const char *order_type);
int store_due_enf_rows(cl_store *st, const store_due_q *q, store_due_enf_fn fn, void *arg, cl_err *err);

/* Requested (not completed or withdrawn) court reports in scope. */
typedef struct store_due_report {
    const char *crn, *id, *type, *court, *officer;
    cl_date requested, due;
} store_due_report;
typedef void (*store_due_report_fn)(void *arg, const store_due_report *r);
int store_due_reports(cl_store *st, const store_due_q *q, store_due_report_fn fn, void *arg, cl_err *err);

/* Appointments in scope whose time has passed by (from, now_minutes) with no
 * decided outcome (the contacts module's rule, ST_SQL_NEEDS_OUTCOME). */
typedef struct store_due_appt {
    const char *crn, *id, *type, *officer;
    cl_date date;
    const char *start;
} store_due_appt;
typedef void (*store_due_appt_fn)(void *arg, const store_due_appt *a);
int store_due_outcomes_needed(cl_store *st, const store_due_q *q, store_due_appt_fn fn, void *arg, cl_err *err);
/* Booked appointments in scope on one of q->closed_days (a weekend or bank
 * holiday, from the calendar). */
int store_due_closed_day_appts(cl_store *st, const store_due_q *q, store_due_appt_fn fn, void *arg, cl_err *err);

#endif
