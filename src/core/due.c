/* The due list engine: the store's set-based rows for a scope, turned into
 * items by the timescale table, the enforcement rule and the risk summary. */
#include "caseload/due.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/enforce.h"
#include "caseload/ref.h"
#include "caseload/store_due.h"
#include "caseload/timescale.h"
#include "core/due_int.h"

const char *const DUE_ITEMS[] = {
    "first-appointment", "upw-assessment", "upw-first-session", "upw-review-6m", "upw-review-9m",
    "upw-completion", "home-visit", "registration-review", "report", "no-contact",
    "outcome-needed", "not-business-day", "warning-due", "breach-due", "allocation", "reallocation",
};
const size_t DUE_ITEMS_N = sizeof DUE_ITEMS / sizeof DUE_ITEMS[0];

const char *due_state(const due_item *it) { return it->overdue ? "overdue" : "due"; }

due_group due_group_of(const due_item *it, cl_date from)
{
    if (it->due < from)
        return DUE_GROUP_OVERDUE;
    cl_date sunday = from + (6 - date_weekday(from));
    return it->due <= sunday ? DUE_GROUP_THIS_WEEK : DUE_GROUP_LATER;
}

const char *due_group_words(due_group g)
{
    static const char *const w[] = {"OVERDUE", "DUE THIS WEEK", "DUE LATER"};
    return w[g];
}

/* ---- people ---------------------------------------------------------- */

static int person_cmp(const void *a, const void *b)
{
    return strcmp(((const due_person *)a)->crn, ((const due_person *)b)->crn);
}

static int crn_cmp(const void *key, const void *p) { return strcmp(key, ((const due_person *)p)->crn); }

due_person *due_find_person(due_engine *e, const char *crn)
{
    if (!crn || !e->np)
        return NULL;
    return bsearch(crn, e->p, e->np, sizeof *e->p, crn_cmp);
}

static void copy_person(due_person *d, const store_due_person *p)
{
    memset(d, 0, sizeof *d);
    due_copy(d->crn, sizeof d->crn, p->crn);
    cl_offender o;
    memset(&o, 0, sizeof o);
    due_copy(o.surname, sizeof o.surname, p->surname);
    due_copy(o.forenames, sizeof o.forenames, p->forenames);
    cl_offender_name(&o, d->name, sizeof d->name);
    due_copy(d->officer, sizeof d->officer, p->officer);
    due_copy(d->office, sizeof d->office, p->office);
    d->last_attended = p->last_attended;
    d->last_contact = p->last_contact;
    d->last_home_visit = p->last_home_visit;
    d->supervision = CL_DATE_NONE;
}

static void on_person(void *arg, const store_due_person *p)
{
    due_engine *e = arg;
    if (e->rc != CL_OK)
        return;
    if (e->np == e->capp) {
        size_t cap = e->capp ? e->capp * 2 : 256;
        due_person *np = realloc(e->p, cap * sizeof *np);
        if (!np) {
            e->rc = cl_err_set(e->err, CL_ESOFTWARE, "out of memory");
            return;
        }
        e->p = np;
        e->capp = cap;
    }
    copy_person(&e->p[e->np++], p);
}

/* ---- office figures --------------------------------------------------- */

/* The offices met so far, kept in code order (the whole country meets 200,
 * several times per person); their figures from one read of the settings. */
const ts_office *due_office(due_engine *e, const char *office)
{
    office = office ? office : "";
    size_t lo = 0, hi = e->noff;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(e->off[mid].code, office);
        if (!c)
            return &e->off[mid].fig;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    static ts_office fallback; /* only when out of memory (e->rc says so) */
    if (!e->settings_read) {
        int rc = ts_settings_load(e->st, &e->settings, e->err);
        if (rc != CL_OK && e->rc == CL_OK)
            e->rc = rc;
        e->settings_read = true;
    }
    if (e->noff == e->capoff) {
        size_t cap = e->capoff ? e->capoff * 2 : 8;
        due_office_fig *n = realloc(e->off, cap * sizeof *n);
        if (!n) {
            e->rc = cl_err_set(e->err, CL_ESOFTWARE, "out of memory");
            ts_office_defaults(&fallback);
            return &fallback;
        }
        e->off = n;
        e->capoff = cap;
    }
    memmove(&e->off[lo + 1], &e->off[lo], (e->noff - lo) * sizeof *e->off);
    e->noff++;
    due_copy(e->off[lo].code, sizeof e->off[lo].code, office);
    ts_settings_office(&e->settings, office, &e->off[lo].fig);
    return &e->off[lo].fig;
}

cl_date due_rule_date(due_engine *e, const char *office, ts_id id, cl_date start)
{
    const ts_office *o = due_office(e, office);
    return ts_due_after(e->cal, start, o->amount[id], TS_RULES[id].unit);
}

/* ---- items ------------------------------------------------------------ */

bool due_wanted(const due_engine *e, cl_date due)
{
    if (e->rc != CL_OK || due == CL_DATE_NONE)
        return false;
    return e->overdue_only ? due < e->from : due <= e->from + DUE_AHEAD_DAYS;
}

void due_add(due_engine *e, cl_date due, const char *item, const char *crn, const char *ref,
             const char *officer, const char *fmt, ...)
{
    if (!due_wanted(e, due))
        return;
    due_list *l = e->out;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        due_item *n = realloc(l->items, cap * sizeof *n);
        if (!n) {
            e->rc = cl_err_set(e->err, CL_ESOFTWARE, "out of memory");
            return;
        }
        l->items = n;
        l->cap = cap;
    }
    due_item *it = &l->items[l->n++];
    memset(it, 0, sizeof *it);
    it->due = due;
    it->overdue = due < e->from;
    it->item = item;
    due_copy(it->crn, sizeof it->crn, crn);
    due_copy(it->ref, sizeof it->ref, ref);
    due_copy(it->officer, sizeof it->officer, officer);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->detail, sizeof it->detail, fmt, ap);
    va_end(ap);
}

static int item_cmp(const void *a, const void *b)
{
    const due_item *x = a, *y = b;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    int c = strcmp(x->crn, y->crn);
    if (c)
        return c;
    if ((c = strcmp(x->item, y->item)))
        return c;
    if ((c = strcmp(x->ref, y->ref)))
        return c;
    return strcmp(x->detail, y->detail);
}

static void fill_from_person(due_item *it, const due_person *p)
{
    due_copy(it->name, sizeof it->name, p->name);
    if (!it->officer[0])
        due_copy(it->officer, sizeof it->officer, p->officer);
    due_copy(it->office, sizeof it->office, p->office);
    it->rosh = p->rosh;
    due_copy(it->flags, sizeof it->flags, p->flags);
    it->staff_banner = p->staff_banner;
    it->enforcement = p->enf_words ? p->enf_words : "";
}

/* People reached outside the scope (a report written for another officer's
 * case): their name and risk, looked up one at a time. */
static void on_other(void *arg, const store_due_person *p) { copy_person(arg, p); }

static int fill_items(due_engine *e)
{
    due_list *l = e->out;
    due_person other;
    other.crn[0] = '\0';
    for (size_t i = 0; i < l->n && e->rc == CL_OK; i++) {
        due_item *it = &l->items[i];
        const due_person *p = due_find_person(e, it->crn);
        if (!p) {
            if (strcmp(other.crn, it->crn)) {
                bool found;
                int rc = store_due_person_one(e->st, it->crn, on_other, &other, &found, e->err);
                if (rc != CL_OK)
                    return e->rc = rc;
                if (!found) {
                    memset(&other, 0, sizeof other);
                    due_copy(other.crn, sizeof other.crn, it->crn);
                }
                risk_summary s;
                if ((rc = risk_summary_load(e->st, it->crn, e->from, &s, e->err)) != CL_OK)
                    return e->rc = rc;
                other.rosh = s.rosh;
                risk_flags_short(&s, other.flags, sizeof other.flags);
                other.staff_banner = s.staff_banner;
                enf_person ep; /* the people's pass read the scope's enforcement: this one's alone */
                if ((rc = enf_load(e->st, e->cal, it->crn, e->from, &ep, e->err)) != CL_OK)
                    return e->rc = rc;
                other.enf_words = ep.words;
            }
            p = &other;
        }
        fill_from_person(it, p);
    }
    return e->rc;
}

static void sort_and_dedupe(due_list *l)
{
    if (!l->n)
        return;
    qsort(l->items, l->n, sizeof *l->items, item_cmp);
    size_t w = 1;
    for (size_t i = 1; i < l->n; i++)
        if (item_cmp(&l->items[i], &l->items[w - 1]))
            l->items[w++] = l->items[i];
    l->n = w;
}

/* JSON arrays of codes from the reference tables, for the store's IN lists. */
static void json_add(char *buf, size_t len, const char *code)
{
    size_t n = strlen(buf);
    snprintf(buf + n, len - n, "%s\"%s\"", n > 1 ? "," : "", code);
}

static void build_codes(due_engine *e)
{
    /* Appointments on these days are items due the business day before:
     * from `from` on, far enough for one due at the window's end. Past a
     * business day that is `from` or later, none is overdue: counting only
     * those, the days before the first business day (none on most days). */
    strcpy(e->closed_days, "[");
    for (cl_date d = e->from; d <= e->from + DUE_AHEAD_DAYS + 7; d++) {
        char iso[CL_DATE_LEN];
        if (!cal_is_business_day(e->cal, d))
            json_add(e->closed_days, sizeof e->closed_days, date_format(d, iso));
        else if (e->overdue_only)
            break;
    }
    strcat(e->closed_days, "]");
    strcpy(e->attended, "[");
    strcpy(e->credited, "[");
    strcpy(e->failures, "[");
    strcpy(e->contact_types, "[");
    strcpy(e->reviews, "[");
    for (size_t i = 0; i < REF_OUTCOMES_N; i++) {
        const ref_outcome *o = &REF_OUTCOMES[i];
        if (o->attended)
            json_add(e->attended, sizeof e->attended, o->code);
        if (o->attended && o->acceptable)
            json_add(e->credited, sizeof e->credited, o->code);
        if (o->enforceable == ENF_YES)
            json_add(e->failures, sizeof e->failures, o->code);
        if (o->enforceable == ENF_PENDING)
            due_copy(e->pending, sizeof e->pending, o->code);
    }
    strcpy(e->limited_grades, "[");
    for (size_t i = 0; i < ALLOC_RULES_N; i++)
        if (alloc_grade_limited(&ALLOC_RULES[i]))
            json_add(e->limited_grades, sizeof e->limited_grades, ALLOC_RULES[i].grade);
    strcat(e->limited_grades, "]");
    strcpy(e->waiting_actions, "[");
    for (size_t i = 0; i < REF_ACTIONS_N; i++)
        if (REF_ACTIONS[i].kind == ACT_PENDING)
            json_add(e->waiting_actions, sizeof e->waiting_actions, REF_ACTIONS[i].code);
    strcat(e->waiting_actions, "]");
    for (size_t i = 0; i < REF_CONTACT_TYPES_N; i++)
        if (REF_CONTACT_TYPES[i].counts_as_contact)
            json_add(e->contact_types, sizeof e->contact_types, REF_CONTACT_TYPES[i].code);
    for (const char *const *t = TS_UPW_REVIEW_TYPES; *t; t++)
        json_add(e->reviews, sizeof e->reviews, *t);
    strcat(e->attended, "]");
    strcat(e->credited, "]");
    strcat(e->failures, "]");
    strcat(e->contact_types, "]");
    strcat(e->reviews, "]");
}

int due_run(due_engine *e, store_due_scope scope, const char *key)
{
    build_codes(e);
    store_due_q q = {
        .scope = scope, .key = key, .from = e->from,
        .attended = e->attended, .credited = e->credited, .contact_types = e->contact_types,
        .failures = e->failures, .home_visit = TS_HOME_VISIT_TYPE, .upw_session = TS_UPW_SESSION_TYPE,
        .upw_requirement = TS_UPW_REQUIREMENT, .upw_reviews = e->reviews, .pending = e->pending,
        .waiting_actions = e->waiting_actions, .limited_grades = e->limited_grades,
        .now_minutes = e->now_minutes, .closed_days = e->closed_days,
    };
    int rc = store_due_people(e->st, &q, on_person, e, e->err);
    if (rc == CL_OK && e->rc == CL_OK && e->np)
        qsort(e->p, e->np, sizeof *e->p, person_cmp);
    /* The people's own rows, for a list of CRNs: of those found active. */
    store_due_q pq = q;
    char *active = NULL;
    if (rc == CL_OK && e->rc == CL_OK && scope == STORE_DUE_CRNS && !(pq.key = active = due_people_json(e)))
        rc = cl_err_set(e->err, CL_ESOFTWARE, "out of memory");
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_holdings(e, &pq);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_registrations(e, &pq);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_orders(e, &pq);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_supervision(e);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_enforcement(e, &pq);
    free(active);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_reports(e, &q);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_outcomes(e, &q);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_closed_days(e, &q);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_allocation(e, &q);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = due_reallocation(e);
    if (rc == CL_OK && e->rc == CL_OK)
        rc = fill_items(e);
    if (rc == CL_OK && e->rc != CL_OK)
        rc = e->rc;
    if (rc == CL_OK)
        sort_and_dedupe(e->out);
    return rc;
}

void due_engine_init(due_engine *e, cl_store *st, const cl_calendar *cal, cl_date from, int now_minutes,
                     due_list *out, cl_err *err)
{
    memset(e, 0, sizeof *e);
    e->st = st;
    e->cal = cal;
    e->from = from;
    e->now_minutes = now_minutes;
    e->out = out;
    e->err = err;
    e->rc = CL_OK;
    memset(out, 0, sizeof *out);
}

void due_engine_free(due_engine *e)
{
    free(e->p);
    free(e->off);
    enf_rows_free(&e->enf);
    ts_settings_free(&e->settings);
    e->p = NULL;
    e->off = NULL;
}

int due_list_load(cl_store *st, const cl_calendar *cal, const due_query *q, due_list *out, cl_err *err)
{
    due_engine e;
    due_engine_init(&e, st, cal, q->from, q->now_minutes, out, err);
    store_due_scope scope = q->scope == DUE_OFFICER ? STORE_DUE_OFFICER
                          : q->scope == DUE_OFFICE  ? STORE_DUE_OFFICE
                          : q->scope == DUE_PERSON  ? STORE_DUE_CRNS
                                                    : STORE_DUE_ALL;
    const char *crn = q->code ? q->code : "";
    char *one = q->scope == DUE_PERSON ? due_crns_json(&crn, 1) : NULL;
    int rc = q->scope == DUE_PERSON && !one ? cl_err_set(err, CL_ESOFTWARE, "out of memory")
                                            : due_run(&e, scope, one ? one : q->code);
    free(one);
    due_engine_free(&e);
    if (rc != CL_OK)
        due_list_free(out);
    return rc;
}

void due_list_free(due_list *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}
