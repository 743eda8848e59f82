/* Private to the due list engine (src/core/due*.c). */
#ifndef CASELOAD_DUE_INT_H
#define CASELOAD_DUE_INT_H

#include <stdarg.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/due.h"
#include "caseload/store_due.h"
#include "caseload/timescale.h"

/* Who holds a person, when the holder's grade is one the allocation table
 * limits (a PSO, a PQiP): judged against it once the registrations are read. */
typedef struct due_holding {
    bool limited;  /* held by a limited grade: the rest are unset */
    bool override; /* an override is recorded for the holding */
    bool judged;   /* breaches and since are set */
    char grade[8], tier[4];
    cl_date from;  /* the holding's start (allocated_at) */
    int breaches;  /* ALLOC_GRADE_RULES bits */
    alloc_case facts; /* what the rules looked at, for the item's words */
    cl_date since; /* alloc_held_breaches' */
} due_holding;

typedef struct due_person {
    char crn[CL_CODE_LEN];
    char name[CL_NAME_LEN];
    char officer[CL_CODE_LEN], office[CL_CODE_LEN];
    cl_date last_attended, last_contact, last_home_visit;
    cl_date supervision; /* earliest sentence date of the current orders */
    bool high_type;      /* a registration that brings the 15-day home visit */
    risk_rosh rosh;
    char flags[96];
    bool staff_banner; /* risk_summary's: the flags' colour on the screen */
    const char *enf_words; /* enf_words of the most serious order (static); NULL when none */
    due_holding hold;
} due_person;

#define DUE_MAX_REGS 64
/* The window's days (from, then DUE_AHEAD_DAYS and a week for an item due
 * the business day before) as a JSON list of dates. */
#define DUE_CLOSED_DAYS_JSON ((DUE_AHEAD_DAYS + 8) * (CL_DATE_LEN + 3) + 3)

typedef struct due_office_fig {
    char code[CL_CODE_LEN]; /* whole (ts_office.office may be cut short) */
    ts_office fig;
} due_office_fig;

typedef struct due_engine {
    cl_store *st;
    const cl_calendar *cal;
    cl_date from;
    int now_minutes;
    bool overdue_only; /* counts: only items already overdue */
    due_list *out;
    cl_err *err;
    int rc;
    due_person *p;
    size_t np, capp;
    due_office_fig *off; /* in office code order */
    size_t noff, capoff;
    ts_settings settings;
    bool settings_read;
    /* one person's active registrations, for the risk summary */
    char reg_crn[CL_CODE_LEN];
    risk_reg_row regs[DUE_MAX_REGS];
    char reg_text[DUE_MAX_REGS][3][8];
    size_t nregs;
    /* one person's enforcement rows */
    char enf_crn[CL_CODE_LEN];
    enf_rows enf;
    /* code lists for the store, from the reference tables */
    char attended[256], credited[256], failures[128], contact_types[256], reviews[128], pending[8];
    char limited_grades[64];  /* grades the allocation table limits (alloc_grade_limited) */
    char waiting_actions[64]; /* enforcement actions that await a response (EA12) */
    char closed_days[DUE_CLOSED_DAYS_JSON]; /* weekends and bank holidays in the window */
} due_engine;

void due_engine_init(due_engine *e, cl_store *st, const cl_calendar *cal, cl_date from, int now_minutes,
                     due_list *out, cl_err *err);
void due_engine_free(due_engine *e);
int due_run(due_engine *e, store_due_scope scope, const char *key);

/* A bounded copy (NULL as ""): the engine copies a few strings per row, and
 * snprintf cost more than the rules. */
static inline void due_copy(char *dst, size_t len, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= len)
        n = len - 1;
    memcpy(dst, src ? src : "", n);
    dst[n] = '\0';
}

/* The store's key for a list of people: a JSON array of the CRNs (malloc'd;
 * NULL when out of memory). */
char *due_crns_json(const char *const *crns, size_t n);
/* The same of the engine's people (those the people statement found). */
char *due_people_json(const due_engine *e);

due_person *due_find_person(due_engine *e, const char *crn);
const ts_office *due_office(due_engine *e, const char *office);
/* start + the office's figure for rule id, by the rule's unit. */
cl_date due_rule_date(due_engine *e, const char *office, ts_id id, cl_date start);
/* True when an item due then belongs in the list (the 14-day window, or
 * overdue only when counting): callers skip building its words otherwise. */
bool due_wanted(const due_engine *e, cl_date due);
/* Adds an item when it falls in the window. */
void due_add(due_engine *e, cl_date due, const char *item, const char *crn, const char *ref,
             const char *officer, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* One source of items each (due_rules.c). */
int due_registrations(due_engine *e, const store_due_q *q);
int due_orders(due_engine *e, const store_due_q *q);
int due_supervision(due_engine *e);
int due_enforcement(due_engine *e, const store_due_q *q);
int due_reports(due_engine *e, const store_due_q *q);
int due_outcomes(due_engine *e, const store_due_q *q);
int due_closed_days(due_engine *e, const store_due_q *q);
int due_allocation(due_engine *e, const store_due_q *q); /* due_alloc.c */
/* Reads who holds the people in scope (before the registrations: they judge
 * it), then adds a reallocation item for each held against the grade rules. */
int due_holdings(due_engine *e, const store_due_q *q);
/* Judges one person's holding against their active registrations. */
void due_holding_judge(due_engine *e, due_person *p, const risk_reg_row *rows, size_t n);
int due_reallocation(due_engine *e);

#endif
