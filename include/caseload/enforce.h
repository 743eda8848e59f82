/* Enforcement, counted per order: the one rule table and the one function that
 * says whether a warning or breach action is due (CONVENTIONS.md "Enforcement";
 * Sentencing Code Sch. 10 para 6 and Sch. 16).
 *
 * Which codes are what is reference data, read from ref.h and nowhere else:
 * - a failure is an effective (not corrected) contact whose outcome has
 *   REF_OUTCOMES[].enforceable == ENF_YES (AFTC, ATSH, UAAB); AFTA
 *   (ENF_PENDING) is not yet a failure; acceptable absences never count;
 * - a warning is an enforcement action of kind ACT_WARNING (EA02, EA03), a
 *   breach action ACT_BREACH (EA08, BRE01, IBR), ACT_NFA closes a failure;
 * - ACT_PENDING (EA12, decision pending the person's response) leaves the
 *   failures before it open, but their decision is due on its respond-by
 *   date when that is later than the rule's due date: it never brings a
 *   decision forward, and once the date passes the failure is overdue again.
 *   An EA12 logged after the decision was already overdue moves nothing: the
 *   item stays overdue, and its respond-by date is shown as awaited.
 * The rules in time and words are the table below. Every screen, command, the
 * due list and the tests read them from here. */
#ifndef CASELOAD_ENFORCE_H
#define CASELOAD_ENFORCE_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/calendar.h"
#include "caseload/dates.h"
#include "caseload/err.h"
#include "caseload/model.h"
#include "caseload/store.h"

typedef enum {
    ENF_LEVEL_NONE = 0,
    ENF_LEVEL_WARNING, /* WARNING DUE */
    ENF_LEVEL_BREACH   /* BREACH DUE (RECALL REVIEW DUE on a licence) */
} enf_level;

/* One row per level, indexed by enf_level. */
typedef struct enf_rule {
    enf_level level;
    const char *words;         /* records, caseload list, `show`: "WARNING DUE" */
    const char *licence_words; /* the same on a licence (order type LIC) */
    const char *due_kind;      /* due-list item: "warning-due", "breach-due" */
    int due_business_days;     /* due this many business days after the failure */
} enf_rule;
extern const enf_rule ENF_RULES[3];

/* A further failure up to and including this many calendar months after a
 * warning means breach action (failure date <= warning date + 12 months,
 * clamped as date_add_months). */
#define ENF_WINDOW_MONTHS 12

/* EA12 (decision pending the person's response): the respond-by date is at
 * most this many working days after the contact (the historic 10-day breach
 * standard). An EA12 logged after the decision was already overdue does not
 * move it: the item stays overdue, with the response awaited (enf_compute). */
#define ENF_RESPOND_BY_MAX_WORKING_DAYS 10

/* What a code does, from the reference tables. */
bool enf_is_failure(const char *outcome);
bool enf_is_pending(const char *outcome);  /* AFTA: an outcome is still needed */
bool enf_is_warning(const char *action);
bool enf_is_breach_action(const char *action);
bool enf_is_nfa(const char *action);
/* EA12: the decision waits for the person's response (a respond-by date). */
bool enf_is_pending_action(const char *action);

/* Said after the words while a failure waits for the person's response
 * (enf_order_state.respond_by): "WARNING DUE by ...; response awaited by D". */
#define ENF_RESPONSE_WORDS "response awaited by"

/* The words for a level on an order of this type ("" for ENF_LEVEL_NONE). */
const char *enf_words(enf_level level, const char *order_type);
/* "warning-due" / "breach-due", NULL for ENF_LEVEL_NONE. */
const char *enf_due_kind(enf_level level);

/* One effective contact as the rules see it (corrected contacts are left out
 * by the loader: the correction stands in their place). Strings are borrowed. */
typedef struct enf_row {
    const char *id;
    const char *order_id; /* "" or NULL: counted together as "no order" */
    cl_date date;
    int time;             /* minutes; -1 when unknown */
    long long seq;        /* insertion order: breaks ties at the same date and time */
    const char *outcome;  /* may be NULL */
    const char *action;   /* enforcement action, may be NULL */
    cl_date respond_by;   /* of a pending action (EA12); read only for one */
} enf_row;

/* The state of one order. */
typedef struct enf_order_state {
    char order_id[CL_ID_LEN];
    char order_type[8];      /* CO SSO LIC PSS, "" when not known */
    enf_level level;
    cl_date due;             /* of the earliest open failure at that level */
    char failure_id[CL_ID_LEN]; /* that failure */
    cl_date failure_date;
    cl_date respond_by;      /* that failure waits for the person's response until then (EA12), or NONE */
    cl_date last_warning;    /* latest warning since the last breach action, or NONE */
    int failures_12m;        /* failures in the 12 months up to today (for display) */
} enf_order_state;

#define ENF_MAX_ORDERS 16

/* A person's enforcement state: the most serious order first. */
typedef struct enf_person {
    enf_level level;         /* the highest over the orders */
    cl_date due;             /* due date of that state (earliest among orders at that level) */
    const char *words;       /* enf_words of the top order ("" when none); static */
    size_t n;                /* orders with any failure or action, most serious first */
    enf_order_state orders[ENF_MAX_ORDERS];
} enf_person;

/* The pure rule: the state of each order from the person's effective contact
 * rows (any order), with due dates from cal. order_types maps order ids to
 * types (pairs id,type; may be NULL). today only feeds failures_12m. */
typedef struct enf_order_type {
    const char *id, *type;
} enf_order_type;
void enf_compute(enf_person *out, const enf_row *rows, size_t n,
                 const enf_order_type *types, size_t ntypes,
                 const cl_calendar *cal, cl_date today);

/* The one loader used by `show`, the caseload list and the record: reads the
 * person's effective contacts and orders and computes. */
int enf_load(cl_store *st, const cl_calendar *cal, const char *crn, cl_date today,
             enf_person *out, cl_err *err);

/* One person's rows gathered for enf_compute, with owned copies of their
 * strings (a loader's rows live only during its callback). enf_load fills one
 * from the person's queries; the due list fills one per person from a single
 * read over a whole scope. Reuse it with enf_rows_reset; free with
 * enf_rows_free. */
typedef struct enf_rows {
    enf_row *r;
    size_t (*off)[4];        /* r[i]'s id, order_id, outcome, action in buf */
    size_t n, cap;
    size_t (*toff)[2];       /* order id and type in buf */
    size_t nt, capt;
    char *buf;
    size_t len, bcap;
    bool oom;
} enf_rows;
void enf_rows_add(enf_rows *rs, const enf_row *row);
/* The type of an order (enf_words: a licence has its own words); once per id. */
void enf_rows_type(enf_rows *rs, const char *order_id, const char *type);
/* enf_compute over the rows; CL_ESOFTWARE (out of memory) when a copy failed. */
int enf_rows_compute(enf_rows *rs, const cl_calendar *cal, cl_date today, enf_person *out, cl_err *err);
void enf_rows_reset(enf_rows *rs);
void enf_rows_free(enf_rows *rs);

#endif
