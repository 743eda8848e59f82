/* Workload arithmetic: the weighting table and capacity (DOMAIN.md section 6). */
#include "caseload/workload.h"
#include "caseload/grow.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/store_alloc.h"
#include "caseload/store_write.h"

/* The one weighting table. Tier points are the national tool's community case
 * figures; reports its seed data (standard 138, fast 65). Where the national
 * figures are not public these are local defaults, changed here only:
 * - a case not yet tiered weighs as the lowest tier of its RoSH letter;
 * - an addendum report weighs as a fast report; an oral report is done at
 *   court the same day and weighs nothing;
 * - a case with unpaid work or an accredited programme adds the coordination
 *   work (liaison, enforcement of the requirement) on top of its tier. */
const wl_weight WL_WEIGHTS[] = {
    {WL_TIER, "A3", 206}, {WL_TIER, "A2", 158}, {WL_TIER, "A1", 146}, {WL_TIER, "A0", 110},
    {WL_TIER, "B3", 146}, {WL_TIER, "B2", 115}, {WL_TIER, "B1", 102}, {WL_TIER, "B0", 72},
    {WL_TIER, "C3", 79},  {WL_TIER, "C2", 63},  {WL_TIER, "C1", 50},  {WL_TIER, "C0", 35},
    {WL_TIER, "D3", 51},  {WL_TIER, "D2", 41},  {WL_TIER, "D1", 29},  {WL_TIER, "D0", 29},
    {WL_ROSH, "RVHR", 110}, {WL_ROSH, "RHRH", 72}, {WL_ROSH, "RMRH", 35}, {WL_ROSH, "RLRH", 29},
    {WL_ROSH, "", 29}, /* RoSH not yet known */
    {WL_REPORT, "CJS", 138}, {WL_REPORT, "CJF", 65}, {WL_REPORT, "PSA", 65}, {WL_REPORT, "CJO", 0},
    {WL_REQUIREMENT, "W", 10}, {WL_REQUIREMENT, "RM38", 15},
};
const size_t WL_WEIGHTS_N = sizeof WL_WEIGHTS / sizeof WL_WEIGHTS[0];

const wl_band_row WL_BANDS[] = {
    {120, WL_BAND_RED, "HIGH"},
    {100, WL_BAND_AMBER, "OVER"},
};
const size_t WL_BANDS_N = sizeof WL_BANDS / sizeof WL_BANDS[0];

int wl_points(wl_kind kind, const char *code)
{
    for (size_t i = 0; i < WL_WEIGHTS_N; i++)
        if (WL_WEIGHTS[i].kind == kind && !strcmp(WL_WEIGHTS[i].code, code ? code : ""))
            return WL_WEIGHTS[i].points;
    return 0;
}

wl_band wl_band_of(int percent)
{
    for (size_t i = 0; i < WL_BANDS_N; i++)
        if (percent > WL_BANDS[i].over_percent)
            return WL_BANDS[i].band;
    return WL_BAND_OK;
}

const char *wl_band_word(wl_band b)
{
    for (size_t i = 0; i < WL_BANDS_N; i++)
        if (WL_BANDS[i].band == b)
            return WL_BANDS[i].word;
    return "";
}

int wl_case_points(const wl_case *c)
{
    int pts;
    if (c->tier[0] && c->tier[1]) {
        char t[3] = {c->tier[0], c->tier[1], '\0'}; /* "B2S" weighs as B2 */
        pts = wl_points(WL_TIER, t);
    } else {
        const char *code = risk_rosh_code(c->rosh);
        pts = wl_points(WL_ROSH, code ? code : "");
    }
    /* Each requirement type counts once per case. */
    const char *p = c->req_types;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char type[16];
        if (n < sizeof type) {
            memcpy(type, p, n);
            type[n] = '\0';
            pts += wl_points(WL_REQUIREMENT, type);
        }
        p = comma ? comma + 1 : NULL;
    }
    return pts;
}

double wl_available(double hours, double reduction_hours)
{
    double h = hours - reduction_hours;
    return h > 0 ? WL_NOMINAL_TARGET * h / WL_FULL_TIME_HOURS : 0;
}

int wl_percent(double points, double available)
{
    if (available <= 0)
        return points > 0 ? WL_NO_CAPACITY_PERCENT : 0;
    double p = floor(points * 100.0 / available + 0.5);
    return p > WL_NO_CAPACITY_PERCENT ? WL_NO_CAPACITY_PERCENT : (int)p;
}

/* Weighing one officer's cases. */
typedef struct weigh {
    cl_app *app;
    wl_officer *o;
    int rc;
    cl_err *err;
} weigh;

static void weigh_case(void *arg, const char *crn, const char *tier, const char *req_types)
{
    weigh *w = arg;
    if (w->rc != CL_OK)
        return;
    risk_summary r;
    w->rc = risk_summary_load(w->app->store, crn, w->app->clock.today, &r, w->err);
    if (w->rc != CL_OK)
        return;
    wl_case c = {.rosh = r.rosh, .req_types = req_types};
    snprintf(c.tier, sizeof c.tier, "%s", tier ? tier : "");
    w->o->cases++;
    w->o->by_rosh[r.rosh]++;
    w->o->points += wl_case_points(&c);
}

static void add_reports(wl_officer *o, const char *type, int count)
{
    o->reports += count;
    o->points += count * wl_points(WL_REPORT, type);
}

static void weigh_reports(void *arg, const char *officer, const char *type, int count)
{
    (void)officer;
    weigh *w = arg;
    add_reports(w->o, type, count);
}

/* Reports of a whole office at once, matched to the officers by code. */
static void office_reports(void *arg, const char *officer, const char *type, int count)
{
    wl_list *l = arg;
    /* The list is in staff-code order (binary collation, as strcmp). */
    size_t lo = 0, hi = l->n;
    while (officer && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(l->items[mid].staff.code, officer);
        if (c == 0) {
            add_reports(&l->items[mid], type, count);
            return;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
}

static int weigh_cases(cl_app *app, wl_officer *o, cl_err *err)
{
    weigh w = {app, o, CL_OK, err};
    int rc = store_wl_cases(app->store, o->staff.code, weigh_case, &w, err);
    return rc == CL_OK ? w.rc : rc;
}

double wl_hours(const cl_staff *s) { return s->hours >= 0 ? s->hours : WL_FULL_TIME_HOURS; }

static void capacity(wl_officer *o)
{
    o->available = wl_available(wl_hours(&o->staff), o->staff.reduction_hours);
    o->percent = wl_percent(o->points, o->available);
    o->band = wl_band_of(o->percent);
}

typedef struct staff_of {
    wl_list *l;
    const char *office; /* NULL: every office */
    bool oom;
} staff_of;

static int collect_staff(void *arg, const void *rec)
{
    staff_of *c = arg;
    const cl_staff *s = rec;
    wl_list *l = c->l;
    if (c->office && strcmp(s->office, c->office))
        return 0;
    const alloc_rule *rule = alloc_rule_for(s->grade);
    if (rule && !rule->holds_cases)
        return 0; /* administrators hold no caseload */
    if (l->n == l->cap) {
        wl_officer *p = cl_grow(l->items, &l->cap, sizeof *p);
        if (!p) {
            c->oom = true;
            return 1;
        }
        l->items = p;
    }
    wl_officer *o = &l->items[l->n++];
    memset(o, 0, sizeof *o);
    o->staff = *s;
    return 0;
}

int wl_office(cl_app *app, const char *office, wl_list *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    const char *off = office && *office ? office : NULL;
    staff_of c = {out, off, false};
    int rc = store_each(app->store, STORE_STAFF, collect_staff, &c, err);
    if (c.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    for (size_t i = 0; rc == CL_OK && i < out->n; i++)
        rc = weigh_cases(app, &out->items[i], err);
    if (rc == CL_OK)
        rc = store_wl_reports_office(app->store, off, office_reports, out, err);
    for (size_t i = 0; rc == CL_OK && i < out->n; i++)
        capacity(&out->items[i]);
    if (rc != CL_OK)
        wl_list_free(out);
    return rc;
}

int wl_officer_load(cl_app *app, const char *code, wl_officer *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = alloc_staff_get(app, code, &out->staff, err);
    if (rc == CL_OK)
        rc = weigh_cases(app, out, err);
    weigh w = {app, out, CL_OK, err};
    if (rc == CL_OK)
        rc = store_wl_reports(app->store, code, weigh_reports, &w, err);
    if (rc == CL_OK)
        capacity(out);
    return rc;
}

void wl_list_free(wl_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int by_load(const void *a, const void *b)
{
    const wl_officer *x = a, *y = b;
    if (x->percent != y->percent)
        return y->percent - x->percent;
    if (x->points != y->points)
        return y->points - x->points;
    return strcmp(x->staff.code, y->staff.code);
}

void wl_sort_by_load(wl_list *l)
{
    if (l->n > 1)
        qsort(l->items, l->n, sizeof l->items[0], by_load);
}
