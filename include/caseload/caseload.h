/* The caseload list: whose cases (my caseload, my office, everyone), sorted
 * and filtered, each row with its RoSH level, flags, next appointment and last
 * contact. The same rows back the screen and any printed list. The search
 * (search.h) fills the same rows. */
#ifndef CASELOAD_CASELOAD_H
#define CASELOAD_CASELOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/risk.h"
#include "caseload/store_case.h"

typedef enum { CASE_SCOPE_MINE = 0, CASE_SCOPE_OFFICE, CASE_SCOPE_ALL, CASE_SCOPE_N } case_scope;
typedef enum { CASE_SORT_NAME = 0, CASE_SORT_ROSH, CASE_SORT_NEXT, CASE_SORT_LAST, CASE_SORT_N } case_sort;

/* "my caseload", "my office", "everyone"; "name", "RoSH", ... */
const char *caseload_scope_words(case_scope s);
const char *caseload_sort_words(case_sort s);

/* One row. Fields after `enriched` are filled by caseload_fill / caseload_enrich (lazily, for
 * the rows on screen, or for all rows before a sort or filter that needs them).
 * Other modules add their columns here and fill them in caseload_enrich:
 * `overdue` (the due list: items overdue, -1 until counted) and `enforcement`
 * ("WARNING DUE" / "BREACH DUE" from the enforcement rules, "" when none). */
typedef struct case_row {
    store_person_row p;
    bool closed;
    bool enriched;
    risk_rosh rosh;
    bool staff_banner;
    char flags[128];     /* risk_flags_short: "MAPPA 2/2; STAFF; DA" */
    cl_date next_date;   /* CL_DATE_NONE when none */
    int next_time;       /* minutes; -1 when none */
    char next_type[8];
    cl_date last_contact; /* CL_DATE_NONE when none */
    int overdue;          /* -1: not counted */
    char enforcement[24];
} case_row;

typedef struct case_list {
    case_row *rows;
    size_t n, cap;
    bool truncated; /* more people than were loaded (everyone, or a wide search) */
} case_list;

typedef struct case_query {
    case_scope scope;
    case_sort sort;
    bool high_only;        /* High and Very High RoSH only */
    int no_contact_days;   /* > 0: only cases with no contact for at least this many days */
} case_query;

/* The list's title into buf: "my caseload (44), by name, High+ only, no
 * contact 28+ days" (n rows, more: there were more). When that is wider than
 * width display columns the short words are used ("by RoSH, High+, no contact
 * 28+d"); a filter is never left out. Returns buf. */
char *caseload_title(const case_query *q, size_t n, bool more, int width, char *buf, size_t len);

/* At most this many rows for "everyone" (use the search to find anyone else). */
#define CASELOAD_ALL_LIMIT 1000

/* Loads the list for the app's officer (scope mine), the officer's office, or
 * everyone; applies the filters and the sort. Replaces out's rows. */
int caseload_load(cl_app *app, const case_query *q, case_list *out, cl_err *err);
/* Fills the enriched fields of one row (no-op when already done). */
int caseload_enrich(cl_app *app, case_row *r, cl_err *err);
/* The person's next booked appointment from now (a later one today counts);
 * a closed case has none (those after its closure were cancelled), and is
 * not asked: the caller knows whether the case is closed. */
int caseload_next_appointment(cl_app *app, const char *crn, bool closed, cl_appointment *out, bool *found,
                              cl_err *err);
/* Fills rows [from, from + n) for the screen: the enriched fields and the
 * overdue count (due.h), with one pass of the due rules over just those
 * people giving the count, the last contact and the enforcement words. */
int caseload_fill(cl_app *app, case_list *l, size_t from, size_t n, cl_err *err);
/* Sorts (enriching every row first when the key needs it); names in
 * alphabetical order with accents and case folded (Ó Ceallaigh files under
 * O), then surname, forenames, CRN. */
int caseload_sort(cl_app *app, case_list *l, case_sort sort, cl_err *err);
/* Drops rows that fail the filters (enriching as needed). */
int caseload_filter(cl_app *app, case_list *l, const case_query *q, cl_err *err);
/* Appends a person (unenriched); false when out of memory. */
bool caseload_push(case_list *l, const store_person_row *p);
/* Makes to a copy of from (its rows as they are, filled or not); false when
 * out of memory (to is then left as it was). */
bool caseload_copy(case_list *to, const case_list *from);
void caseload_clear(case_list *l);
/* Carries the filled-in columns of rows already enriched in `from` over to
 * the same people in `to` (a search narrowing key by key shows mostly the
 * same people: their risk and dates are not read again). */
void caseload_carry(case_list *to, const case_list *from);
void caseload_free(case_list *l);
/* Replaces to's rows by the rows of from already filled in (for
 * caseload_carry into the same list read again). false: out of memory. */
bool caseload_keep_filled(case_list *to, const case_list *from);
/* Gives back the room beyond the rows (a list kept aside). */
void caseload_fit(case_list *l);

/* "Surname, Forenames" into buf. */
char *caseload_name(const store_person_row *p, char *buf, size_t len);

#endif
