/* The enforcement rule table and the pure function over contact rows. */
#include "caseload/enforce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/ref.h"

const enf_rule ENF_RULES[3] = {
    [ENF_LEVEL_NONE] = {ENF_LEVEL_NONE, "", "", NULL, 0},
    /* CONVENTIONS.md: warning due 5 business days after the failure. */
    [ENF_LEVEL_WARNING] = {ENF_LEVEL_WARNING, "WARNING DUE", "WARNING DUE", "warning-due", 5},
    /* Breach due 10 business days after the failure (the historic national
     * standard); on a licence the same failure leads to a recall review. */
    [ENF_LEVEL_BREACH] = {ENF_LEVEL_BREACH, "BREACH DUE", "RECALL REVIEW DUE", "breach-due", 10},
};

bool enf_is_failure(const char *outcome)
{
    const ref_outcome *o = ref_find_outcome(outcome);
    return o && o->enforceable == ENF_YES;
}

bool enf_is_pending(const char *outcome)
{
    const ref_outcome *o = ref_find_outcome(outcome);
    return o && o->enforceable == ENF_PENDING;
}

static bool action_is(const char *action, ref_action_kind kind)
{
    const ref_action *a = ref_find_action(action);
    return a && a->kind == kind;
}
bool enf_is_warning(const char *action) { return action_is(action, ACT_WARNING); }
bool enf_is_breach_action(const char *action) { return action_is(action, ACT_BREACH); }
bool enf_is_nfa(const char *action) { return action_is(action, ACT_NFA); }
bool enf_is_pending_action(const char *action) { return action_is(action, ACT_PENDING); }

const char *enf_words(enf_level level, const char *order_type)
{
    if (level < ENF_LEVEL_NONE || level > ENF_LEVEL_BREACH)
        return "";
    return order_type && !strcmp(order_type, "LIC") ? ENF_RULES[level].licence_words
                                                    : ENF_RULES[level].words;
}

const char *enf_due_kind(enf_level level)
{
    if (level <= ENF_LEVEL_NONE || level > ENF_LEVEL_BREACH)
        return NULL;
    return ENF_RULES[level].due_kind;
}

static const char *nz(const char *s) { return s ? s : ""; }

/* Time order: date, then time of day, then insertion order. */
static int row_cmp(const void *a, const void *b)
{
    const enf_row *x = *(const enf_row *const *)a, *y = *(const enf_row *const *)b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* More serious first: level, then the earlier due date. */
static bool more_serious(const enf_order_state *a, const enf_order_state *b)
{
    if (a->level != b->level)
        return a->level > b->level;
    if (a->level == ENF_LEVEL_NONE)
        return false;
    return a->due < b->due;
}

typedef struct open_failure {
    const enf_row *row;
    enf_level level;
    bool open;
    cl_date respond_by; /* a later EA12 waits for the person's response until then */
    cl_date due;        /* the decision's date: the rule's, moved by an EA12 logged in time */
} open_failure;

/* Walks one order's rows (sorted) and fills st. */
static void one_order(enf_order_state *st, const enf_row *const *rows, size_t n, open_failure *fails,
                      const cl_calendar *cal, cl_date today)
{
    size_t nf = 0;
    cl_date last_warning = CL_DATE_NONE;
    cl_date year_ago = date_add_months(today, -ENF_WINDOW_MONTHS);
    for (size_t i = 0; i < n; i++) {
        const enf_row *r = rows[i];
        /* The outcome first: an action on the same contact comes after its failure. */
        if (enf_is_failure(r->outcome)) {
            bool after_warning = last_warning != CL_DATE_NONE &&
                                 r->date <= date_add_months(last_warning, ENF_WINDOW_MONTHS);
            enf_level lv = after_warning ? ENF_LEVEL_BREACH : ENF_LEVEL_WARNING;
            fails[nf++] = (open_failure){r, lv, true, CL_DATE_NONE,
                                         cal_add_business_days(cal, r->date, ENF_RULES[lv].due_business_days)};
            if (r->date > year_ago && r->date <= today)
                st->failures_12m++;
        }
        if (enf_is_warning(r->action)) {
            for (size_t k = 0; k < nf; k++)
                if (fails[k].level == ENF_LEVEL_WARNING)
                    fails[k].open = false;
            last_warning = r->date;
        } else if (enf_is_breach_action(r->action)) {
            for (size_t k = 0; k < nf; k++)
                fails[k].open = false;
            last_warning = CL_DATE_NONE; /* counting restarts after a breach action */
        } else if (enf_is_nfa(r->action)) {
            for (size_t k = 0; k < nf; k++)
                fails[k].open = false;
        } else if (enf_is_pending_action(r->action) && r->respond_by != CL_DATE_NONE) {
            /* The latest EA12 sets the date the response is awaited by. It
             * moves the decision only when logged in time: one logged after
             * the decision was overdue leaves it overdue. */
            for (size_t k = 0; k < nf; k++) {
                if (!fails[k].open)
                    continue;
                cl_date rule = cal_add_business_days(cal, fails[k].row->date,
                                                     ENF_RULES[fails[k].level].due_business_days);
                if (r->date <= fails[k].due)
                    fails[k].due = r->respond_by > rule ? r->respond_by : rule;
                fails[k].respond_by = r->respond_by;
            }
        }
    }
    st->last_warning = last_warning;
    st->level = ENF_LEVEL_NONE;
    st->due = CL_DATE_NONE;
    st->failure_date = CL_DATE_NONE;
    st->respond_by = CL_DATE_NONE;
    for (size_t k = 0; k < nf; k++) {
        if (!fails[k].open)
            continue;
        cl_date due = fails[k].due;
        if (fails[k].level > st->level || (fails[k].level == st->level && due < st->due)) {
            st->level = fails[k].level;
            st->due = due;
            st->respond_by = fails[k].respond_by;
            st->failure_date = fails[k].row->date;
            snprintf(st->failure_id, sizeof st->failure_id, "%s", nz(fails[k].row->id));
        }
    }
}

/* Keeps the ENF_MAX_ORDERS most serious orders, most serious first. */
static void keep(enf_person *out, const enf_order_state *st)
{
    size_t pos = out->n;
    while (pos > 0 && more_serious(st, &out->orders[pos - 1]))
        pos--;
    if (pos >= ENF_MAX_ORDERS)
        return;
    size_t last = out->n < ENF_MAX_ORDERS ? out->n : ENF_MAX_ORDERS - 1;
    memmove(&out->orders[pos + 1], &out->orders[pos], (last - pos) * sizeof out->orders[0]);
    out->orders[pos] = *st;
    if (out->n < ENF_MAX_ORDERS)
        out->n++;
}

void enf_compute(enf_person *out, const enf_row *rows, size_t n,
                 const enf_order_type *types, size_t ntypes,
                 const cl_calendar *cal, cl_date today)
{
    memset(out, 0, sizeof *out);
    out->level = ENF_LEVEL_NONE;
    out->due = CL_DATE_NONE;
    out->words = "";
    if (n == 0)
        return;
    const enf_row **sorted = malloc(n * sizeof *sorted);
    const enf_row **group = malloc(n * sizeof *group);
    open_failure *fails = malloc(n * sizeof *fails);
    bool *done = calloc(n, sizeof *done);
    if (!sorted || !group || !fails || !done) {
        free(sorted), free(group), free(fails), free(done);
        return;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].date != CL_DATE_NONE)
            sorted[m++] = &rows[i];
    qsort(sorted, m, sizeof *sorted, row_cmp);
    /* One pass per order: the sorted rows of that order, in time order. */
    for (size_t i = 0; i < m; i++) {
        if (done[i])
            continue;
        const char *oid = nz(sorted[i]->order_id);
        size_t g = 0;
        for (size_t j = i; j < m; j++) {
            if (!done[j] && !strcmp(nz(sorted[j]->order_id), oid)) {
                group[g++] = sorted[j];
                done[j] = true;
            }
        }
        enf_order_state st;
        memset(&st, 0, sizeof st);
        snprintf(st.order_id, sizeof st.order_id, "%s", oid);
        for (size_t t = 0; t < ntypes; t++)
            if (types[t].id && !strcmp(types[t].id, oid))
                snprintf(st.order_type, sizeof st.order_type, "%s", nz(types[t].type));
        one_order(&st, group, g, fails, cal, today);
        if (st.level != ENF_LEVEL_NONE || st.failures_12m > 0 || st.last_warning != CL_DATE_NONE)
            keep(out, &st);
    }
    free(sorted), free(group), free(fails), free(done);
    if (out->n > 0 && out->orders[0].level != ENF_LEVEL_NONE) {
        out->level = out->orders[0].level;
        out->due = out->orders[0].due;
        out->words = enf_words(out->level, out->orders[0].order_type);
    }
}
