/* Workload: points per case from ONE weighting table (DOMAIN.md section 6),
 * against each officer's capacity (contracted hours less reductions), as a
 * whole percentage with a band: over 100% amber OVER, over 120% red HIGH. */
#ifndef CASELOAD_WORKLOAD_H
#define CASELOAD_WORKLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/model.h"
#include "caseload/risk.h"

typedef enum {
    WL_TIER,        /* code: tier A3..D0 (a trailing S is ignored) */
    WL_ROSH,        /* code: RoSH register code; used when the case has no tier yet */
    WL_REPORT,      /* code: report type, per report requested and not yet done */
    WL_REQUIREMENT, /* code: requirement type, once per case with one active */
} wl_kind;

typedef struct wl_weight {
    wl_kind kind;
    const char *code;
    int points;
} wl_weight;

extern const wl_weight WL_WEIGHTS[];
extern const size_t WL_WEIGHTS_N;
/* Points for a code of a kind; 0 when the table has no row. */
int wl_points(wl_kind kind, const char *code);

/* Capacity: available points = WL_NOMINAL_TARGET x (hours - reduction) / WL_FULL_TIME_HOURS.
 * Hours not recorded count as full time. */
#define WL_NOMINAL_TARGET 2176.0
#define WL_FULL_TIME_HOURS 37.0
/* Shown when an officer holds cases with no hours available at all. */
#define WL_NO_CAPACITY_PERCENT 999

typedef enum { WL_BAND_OK = 0, WL_BAND_AMBER, WL_BAND_RED } wl_band;
typedef struct wl_band_row {
    int over_percent; /* the band starts above this */
    wl_band band;
    const char *word;
} wl_band_row;
extern const wl_band_row WL_BANDS[];
extern const size_t WL_BANDS_N;
wl_band wl_band_of(int percent);
const char *wl_band_word(wl_band b); /* "" "OVER" "HIGH" */

/* One case as weighed. */
typedef struct wl_case {
    char tier[4];          /* "" when not assessed */
    risk_rosh rosh;
    const char *req_types; /* active requirement types, comma-separated, or NULL */
} wl_case;
int wl_case_points(const wl_case *c);

double wl_available(double hours, double reduction_hours);
/* The hours a figure uses: the staff member's, or WL_FULL_TIME_HOURS when not recorded. */
double wl_hours(const cl_staff *s);
/* Whole percent, rounded half up; WL_NO_CAPACITY_PERCENT when no capacity. */
int wl_percent(double points, double available);

/* One officer's figure. */
typedef struct wl_officer {
    cl_staff staff; /* hours < 0: not recorded (see wl_hours) */
    int cases;
    int by_rosh[ROSH_VERY_HIGH + 1]; /* case counts, indexed by risk_rosh */
    int reports;
    int points;
    double available;
    int percent;
    wl_band band;
} wl_officer;

typedef struct wl_list {
    wl_officer *items;
    size_t n, cap;
} wl_list;

/* Every staff member of office (NULL or "": every office) whose grade holds
 * cases (administrators are left out), those with no case at 0%. Sorted by
 * staff code. */
int wl_office(cl_app *app, const char *office, wl_list *out, cl_err *err);
/* The same figure for one officer. */
int wl_officer_load(cl_app *app, const char *code, wl_officer *out, cl_err *err);
void wl_list_free(wl_list *l);
/* Highest percentage first (then code): the team view's order. */
void wl_sort_by_load(wl_list *l);

#endif
