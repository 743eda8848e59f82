/* The due list: everything that falls due for the people in a scope (an
 * officer, an office, everyone), from a date: everything overdue and
 * everything due within the next DUE_AHEAD_DAYS days, in date order. Its
 * dates come from the timescale table (timescale.h), enforcement from
 * enforce.h, outcomes needed from the contacts rule, and each row's risk from
 * risk.h: the screen, `caseload due`, the caseload list's overdue count and
 * the tests all read this one answer. */
#ifndef CASELOAD_DUE_H
#define CASELOAD_DUE_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/calendar.h"
#include "caseload/err.h"
#include "caseload/model.h"
#include "caseload/risk.h"
#include "caseload/store.h"

#define DUE_AHEAD_DAYS 14

/* The stable item names (CSV `item`, tests), in the order help lists them. */
extern const char *const DUE_ITEMS[];
extern const size_t DUE_ITEMS_N;

typedef enum { DUE_OFFICER, DUE_OFFICE, DUE_EVERYONE, DUE_PERSON } due_scope;

typedef struct due_query {
    due_scope scope;
    const char *code;   /* staff code, office code or CRN (DUE_PERSON); unused for DUE_EVERYONE */
    cl_date from;       /* the day the list is for (items before it are overdue) */
    int now_minutes;    /* time of day on `from`: appointments before it need an outcome */
} due_query;

typedef enum { DUE_GROUP_OVERDUE, DUE_GROUP_THIS_WEEK, DUE_GROUP_LATER } due_group;

typedef struct due_item {
    cl_date due;
    bool overdue;                 /* due < from */
    const char *item;             /* one of DUE_ITEMS (static) */
    char crn[CL_CODE_LEN];
    char name[CL_NAME_LEN];       /* "Forenames Surname" */
    char officer[CL_CODE_LEN];    /* who acts: case officer, report writer, appointment officer */
    char office[CL_CODE_LEN];
    risk_rosh rosh;
    char flags[96];               /* risk_flags_short */
    bool staff_banner;            /* risk_summary's: a risk to staff at Medium or above */
    const char *enforcement;      /* the person's enf_words as of `from` ("WARNING DUE"; static); "" when none */
    char detail[CL_TEXT_LEN];     /* words: "MAPPA review", "32 of 120 hours", "Standard report, Leeds" */
    char ref[CL_ID_LEN];          /* the order, registration, report or appointment it is about */
} due_item;

typedef struct due_list {
    due_item *items;
    size_t n, cap;
} due_list;

/* The list for q, sorted by due date, then CRN, then item. */
int due_list_load(cl_store *st, const cl_calendar *cal, const due_query *q, due_list *out, cl_err *err);
void due_list_free(due_list *l);

/* "overdue" or "due" (CSV `state`). */
const char *due_state(const due_item *it);
/* Overdue; due on or before the Sunday of from's week; later. */
due_group due_group_of(const due_item *it, cl_date from);
/* "OVERDUE", "DUE THIS WEEK", "DUE LATER" (screen headings and words). */
const char *due_group_words(due_group g);

/* What one pass of the due rules over a screenful of the caseload list
 * learns about each person: the overdue count (the same rules as the list),
 * and the last contact and enforcement words it reads on the way, so the list
 * does not read them a second time. */
typedef struct due_facts {
    bool active;             /* an active case: the fields below are filled */
    int overdue;             /* items overdue as of today (0 when not active) */
    cl_date last_contact;    /* CONVENTIONS "Last contact"; CL_DATE_NONE when none */
    const char *enforcement; /* enf_words of the most serious order (static); "" when none */
} due_facts;

/* The facts of n people (out[i] for crns[i]) as of today and now. */
int due_page_facts(cl_store *st, const cl_calendar *cal, cl_date today, int now_minutes,
                   const char *const *crns, size_t n, due_facts *out, cl_err *err);

/* The facts of a screenful of a list's rows: the people of rows [from,
 * from + n) of `total` (n cut to the list) that want them, each once, read
 * with one due_page_facts. crn_of(arg, row) gives a row's CRN, or NULL when
 * it wants nothing. facts[j] is for crns[j] (borrowed from the rows), first
 * met at row[j]. */
typedef struct due_page {
    size_t n;
    const char **crns;
    size_t *row;
    due_facts *facts;
} due_page;
int due_page_read(cl_store *st, const cl_calendar *cal, cl_date today, int now_minutes,
                  const char *(*crn_of)(void *arg, size_t row), void *arg, size_t total, size_t from, size_t n,
                  due_page *out, cl_err *err);
void due_page_free(due_page *p);

#endif
