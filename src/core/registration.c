#include "caseload/registration.h"
#include "caseload/grow.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/ref.h"
#include "caseload/risk.h"
#include "caseload/store_reg.h"
#include "caseload/timescale.h"

static const risk_regtype *find_type(const char *text)
{
    const risk_regtype *t = risk_type(text);
    if (t || !text)
        return t;
    char up[16];
    size_t i = 0;
    for (; text[i] && i + 1 < sizeof up; i++)
        up[i] = (char)toupper((unsigned char)text[i]);
    up[i] = '\0';
    return risk_type(up);
}

/* MAPPA values: "M2", "Category 2"/"Level 2", or the bare digit "2". */
static const char *mappa_value(const ref_set *set, const char *text)
{
    if (text && isdigit((unsigned char)text[0]) && !text[1]) {
        char m[3] = {'M', text[0], '\0'};
        return ref_lookup(set, m);
    }
    return ref_lookup(set, text);
}

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

int reg_check(const reg_new *r, char *type, char *category, char *level, cl_err *err)
{
    type[0] = category[0] = level[0] = '\0';
    if (!r->crn || !ref_valid_crn(r->crn))
        return cl_err_set(err, CL_EDATA, "crn: '%s' is not a CRN (one letter and six digits)",
                          r->crn ? r->crn : "");
    const risk_regtype *t = find_type(r->type);
    if (!t)
        return cl_err_set(err, CL_EDATA, "type: '%s' is not a registration type (caseload register --types lists them)",
                          r->type ? r->type : "");
    snprintf(type, 8, "%s", t->code);
    bool has_cat = !blank(r->category), has_lvl = !blank(r->level);
    if (t->has_category) {
        const char *c = has_cat ? mappa_value(&REF_MAPPA_CATEGORIES, r->category) : NULL;
        const char *l = has_lvl ? mappa_value(&REF_MAPPA_LEVELS, r->level) : NULL;
        if (!c)
            return cl_err_set(err, CL_EDATA, "category: %s needs a category M1-M4, not '%s'", t->code,
                              has_cat ? r->category : "");
        if (!l)
            return cl_err_set(err, CL_EDATA, "level: %s needs a level M1-M3, not '%s'", t->code,
                              has_lvl ? r->level : "");
        snprintf(category, 8, "%s", c);
        snprintf(level, 8, "%s", l);
        return CL_OK;
    }
    if (has_cat)
        return cl_err_set(err, CL_EDATA, "category: %s takes no category", t->code);
    if (has_lvl) {
        if (!t->has_level)
            return cl_err_set(err, CL_EDATA, "level: %s takes no level%s", t->code,
                              t->group == RG_ROSH ? " (the RoSH level is its type: RLRH, RMRH, RHRH, RVHR)" : "");
        const char *l = ref_lookup(&REF_LEVELS, r->level);
        if (!l)
            return cl_err_set(err, CL_EDATA, "level: '%s' is not a level (L, M, H, V)", r->level);
        snprintf(level, 8, "%s", l);
    }
    return CL_OK;
}

/* DOMAIN.md §1: a flag stays in force until it is ended, so a start, an end
 * or a review is recorded when it happens, never ahead of it. A future end
 * would hide the flag at once; a future review would clear a review still
 * owed. */
static int not_after_today(cl_date on, cl_date today, const char *what, cl_err *err)
{
    char why[256];
    if (date_after_today(on, today, what, why, sizeof why))
        return cl_err_set(err, CL_EDATA, "date: %s", why);
    return CL_OK;
}

int reg_add(cl_store *st, const cl_calendar *cal, cl_date today, const reg_new *r, reg_result *out,
            cl_err *err)
{
    memset(out, 0, sizeof *out);
    char type[8], category[8], level[8], d1[CL_DATE_LEN], d2[CL_DATE_LEN];
    int rc = reg_check(r, type, category, level, err);
    if (rc != CL_OK)
        return rc;
    bool exists;
    if ((rc = store_reg_person_exists(st, r->crn, &exists, err)) != CL_OK)
        return rc;
    if (!exists)
        return cl_err_set(err, CL_ENOINPUT, "%s: no such person", r->crn);
    if ((rc = case_check_open(st, r->crn, err)) != CL_OK)
        return rc;
    cl_date start = r->start == CL_DATE_NONE ? today : r->start;
    if ((rc = not_after_today(start, today, "a registration starts when it is made", err)) != CL_OK)
        return rc;
    const risk_regtype *t = risk_type(type);

    if ((rc = store_begin(st, err)) != CL_OK)
        return rc;
    store_action(st, t->group == RG_ROSH ? "rosh" : "register", NULL, NULL);
    cl_registration rival;
    bool found;
    rc = reg_rival(st, r->crn, type, CL_DATE_NONE, &rival, &found, err);
    if (rc == CL_OK && found) {
        const risk_regtype *old = risk_type(rival.type);
        if (!strcmp(rival.type, type))
            rc = cl_err_set(err, CL_EDATA, "%s: %s is already active (registration %lld, from %s): review or end it",
                            r->crn, t->words, rival.id, date_format(rival.start_date, d1));
        else if (reg_rosh_rival_stays(&rival, start))
            rc = cl_err_set(err, CL_EDATA, "%s: %s starts %s, after %s: the new level must start on or after it",
                            r->crn, old ? old->words : rival.type, date_format(rival.start_date, d1),
                            date_format(start, d2));
        else {
            /* The single-RoSH rule: the old level ends the day the new one starts. */
            rc = reg_rosh_end(st, rival.id, type, start, err);
            out->ended_id = rival.id;
            snprintf(out->ended_type, sizeof out->ended_type, "%s", rival.type);
        }
    }
    if (rc == CL_OK) {
        cl_registration row = {0};
        snprintf(row.crn, sizeof row.crn, "%s", r->crn);
        snprintf(row.type, sizeof row.type, "%s", type);
        snprintf(row.category, sizeof row.category, "%.3s", category);
        snprintf(row.level, sizeof row.level, "%.3s", level);
        row.start_date = start;
        row.review_date = ts_registration_review(cal, type, start);
        row.notes = blank(r->notes) ? NULL : (char *)r->notes;
        rc = store_reg_insert(st, &row, &out->id, err);
        out->review = row.review_date;
    }
    if (rc == CL_OK)
        rc = store_commit(st, err);
    else
        store_rollback(st);
    if (rc != CL_OK) {
        out->ended_id = 0;
        out->ended_type[0] = '\0';
    }
    return rc;
}

/* The row, which must be active, of an open case, and start on or before `on`. */
static int active_row(cl_store *st, long long id, cl_date on, cl_registration *row, cl_err *err)
{
    int rc = store_reg_get(st, id, row, err);
    if (rc != CL_OK)
        return rc;
    char d[CL_DATE_LEN];
    if ((rc = case_check_open(st, row->crn, err)) != CL_OK) {
        cl_registration_clear(row);
        return rc;
    }
    if (row->end_date != CL_DATE_NONE)
        rc = cl_err_set(err, CL_EDATA, "registration %lld (%s, %s) already ended on %s", id, row->type,
                        row->crn, date_format(row->end_date, d));
    else if (on < row->start_date)
        rc = cl_err_set(err, CL_EDATA, "date: registration %lld starts %s, after the date given", id,
                        date_format(row->start_date, d));
    if (rc != CL_OK)
        cl_registration_clear(row);
    return rc;
}

int reg_review(cl_store *st, const cl_calendar *cal, cl_date today, long long id, cl_date on, reg_result *out,
               cl_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = not_after_today(on, today, REG_REVIEWED_WHEN_DONE, err);
    if (rc != CL_OK)
        return rc;
    cl_registration row;
    rc = active_row(st, id, on, &row, err);
    if (rc != CL_OK)
        return rc;
    out->id = id;
    out->review = ts_registration_review(cal, row.type, on);
    cl_registration_clear(&row);
    if ((rc = store_begin(st, err)) != CL_OK)
        return rc;
    store_action(st, "review", NULL, NULL);
    rc = store_reg_set_review(st, id, on, out->review, err);
    if (rc == CL_OK)
        return store_commit(st, err);
    store_rollback(st);
    return rc;
}

int reg_end(cl_store *st, cl_date today, long long id, cl_date on, const char *reason, cl_err *err)
{
    if (blank(reason))
        return cl_err_set(err, CL_EDATA, "reason: ending a registration needs a reason");
    int rc = not_after_today(on, today, "a registration stays active until the day it is ended, so end it then", err);
    if (rc != CL_OK)
        return rc;
    cl_registration row;
    rc = active_row(st, id, on, &row, err);
    if (rc != CL_OK)
        return rc;
    cl_registration_clear(&row);
    if ((rc = store_begin(st, err)) != CL_OK)
        return rc;
    store_action(st, "end", reason, NULL);
    rc = store_reg_end(st, id, on, reason, err);
    if (rc == CL_OK)
        return store_commit(st, err);
    store_rollback(st);
    return rc;
}

int reg_get(cl_store *st, long long id, cl_registration *out, cl_err *err)
{
    return store_reg_get(st, id, out, err);
}

typedef struct collector {
    reg_list *l;
    bool oom;
} collector;

static void collect(void *arg, const cl_registration *r)
{
    collector *c = arg;
    reg_list *l = c->l;
    if (l->n == l->cap) {
        cl_registration *rows = cl_grow(l->rows, &l->cap, sizeof *rows);
        if (!rows) {
            c->oom = true;
            return;
        }
        l->rows = rows;
    }
    l->rows[l->n] = *r;
    l->rows[l->n].notes = r->notes ? strdup(r->notes) : NULL;
    l->n++;
}

static int active_cmp(const void *a, const void *b)
{
    const cl_registration *x = a, *y = b;
    int c = risk_reg_cmp(x->type, x->start_date, y->type, y->start_date);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

int reg_list_load(cl_store *st, const char *crn, bool active_only, reg_list *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    collector c = {out, false};
    int rc = store_reg_each(st, crn, active_only, collect, &c, err);
    if (rc == CL_OK && c.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory reading registrations");
    /* The store gives the active ones first: those in the risk summary's
     * order (the RoSH level first), the ended ones as they came. */
    size_t active = 0;
    while (active < out->n && out->rows[active].end_date == CL_DATE_NONE)
        active++;
    if (active > 1)
        qsort(out->rows, active, sizeof out->rows[0], active_cmp);
    return rc;
}

void reg_list_free(reg_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        cl_registration_clear(&l->rows[i]);
    free(l->rows);
    memset(l, 0, sizeof *l);
}

char *reg_ended_by(const cl_registration *g, bool at, char *buf, size_t len)
{
    at = at && g->changed_at[0];
    snprintf(buf, len, "by %s%s%s: %s", g->changed_by[0] ? g->changed_by : "(not recorded)", at ? " at " : "",
             at ? g->changed_at : "", g->reason[0] ? g->reason : "no reason recorded");
    return buf;
}
