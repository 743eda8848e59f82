/* A registration's notes and review history, as text (reg_history.h). */
#include "caseload/reg_history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/grow.h"
#include "caseload/ref.h"
#include "caseload/registration.h"
#include "caseload/risk.h"
#include "caseload/store_reg.h"

typedef struct collector {
    reg_reviews *out;
    bool oom;
} collector;

static void collect(void *arg, const store_reg_review *r)
{
    collector *c = arg;
    reg_reviews *l = c->out;
    if (l->n == l->cap) {
        reg_review_rec *v = cl_grow(l->v, &l->cap, sizeof *v);
        if (!v) {
            c->oom = true;
            return;
        }
        l->v = v;
    }
    reg_review_rec *x = &l->v[l->n++];
    snprintf(x->at, sizeof x->at, "%s", r->at);
    snprintf(x->who, sizeof x->who, "%s", r->who);
    x->was = r->was;
    x->next = r->next;
    x->on = r->on;
}

int reg_reviews_load(cl_store *st, long long id, reg_reviews *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    collector c = {out, false};
    int rc = store_reg_reviews(st, id, collect, &c, err);
    if (rc == CL_OK && c.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory reading reviews");
    if (rc != CL_OK)
        reg_reviews_free(out);
    return rc;
}

void reg_reviews_free(reg_reviews *r)
{
    free(r->v);
    memset(r, 0, sizeof *r);
}

static const char *d(cl_date x, char *buf) { return x == CL_DATE_NONE ? "none" : date_format(x, buf); }

char *reg_review_words(const reg_review_rec *r, char *buf, size_t len)
{
    char b1[CL_DATE_LEN], b2[CL_DATE_LEN], b3[CL_DATE_LEN];
    snprintf(buf, len, "reviewed%s%s by %s at %s: was due %s, next review %s", r->on == CL_DATE_NONE ? "" : " on ",
             r->on == CL_DATE_NONE ? "" : date_format(r->on, b3), r->who[0] ? r->who : "(not recorded)",
             r->at[0] ? r->at : "(not recorded)", d(r->was, b1), d(r->next, b2));
    return buf;
}

/* The day of the last review; for one whose day was not kept (before schema
 * 6), when it was recorded; NULL when there has been none. */
static const char *last_review(const cl_registration *g, const reg_reviews *rv, char *buf, size_t len)
{
    const reg_review_rec *last = rv && rv->n ? &rv->v[rv->n - 1] : NULL;
    if (g->reviewed_on != CL_DATE_NONE && len >= CL_DATE_LEN)
        return date_format(g->reviewed_on, buf);
    if (!last)
        return NULL;
    if (last->on != CL_DATE_NONE && len >= CL_DATE_LEN)
        return date_format(last->on, buf);
    snprintf(buf, len, "recorded at %s (the day it was done was not kept)", last->at);
    return buf;
}

char *reg_words(const cl_registration *g, char *buf, size_t len)
{
    const risk_regtype *t = risk_type(g->type);
    if (!t) {
        snprintf(buf, len, "%s", g->type);
        return buf;
    }
    risk_flag f = {.type = t};
    snprintf(f.category, sizeof f.category, "%.3s", g->category);
    snprintf(f.level, sizeof f.level, "%.3s", g->level);
    risk_flag_words(&f, buf, len);
    return buf;
}

void reg_more_lines(const cl_registration *g, const reg_reviews *rv, record_line_fn fn, void *arg)
{
    record_role role = g->end_date == CL_DATE_NONE ? RL_TEXT : RL_MUTED;
    char buf[256];
    if (last_review(g, rv, buf, sizeof buf))
        record_linef(fn, arg, role, "    Last review: %s", buf);
    if (g->notes && g->notes[0])
        record_note_lines(g->notes, "    Notes: ", role, fn, arg);
    for (size_t i = 0; rv && i < rv->n; i++) {
        reg_review_words(&rv->v[i], buf, sizeof buf);
        buf[0] = 'R';
        record_linef(fn, arg, role, "    %s", buf);
    }
}

void reg_detail_lines(const cl_registration *g, const reg_reviews *rv, record_line_fn fn, void *arg)
{
    char words[128], b1[CL_DATE_LEN], b2[CL_DATE_LEN], by[400], rw[256];
    bool ended = g->end_date != CL_DATE_NONE;
    record_linef(fn, arg, RL_HEADING, "Registration %lld: %s (%s)%s", g->id, reg_words(g, words, sizeof words), g->type,
         ended ? "  ENDED" : "");
    if (g->category[0] || g->level[0])
        record_linef(fn, arg, RL_TEXT, "Category:      %s   Level: %s", g->category[0] ? g->category : "-",
             g->level[0] ? g->level : "-");
    record_linef(fn, arg, RL_TEXT, "From:          %s, registered by %s", d(g->start_date, b1),
         g->registered_by[0] ? g->registered_by : "(not recorded)");
    if (ended)
        record_linef(fn, arg, RL_MUTED, "Ended:         %s %s", d(g->end_date, b2),
                     reg_ended_by(g, true, by, sizeof by));
    else
        record_linef(fn, arg, RL_TEXT, "Next review:   %s", d(g->review_date, b1));
    const char *last = last_review(g, rv, by, sizeof by);
    record_linef(fn, arg, last ? (ended ? RL_MUTED : RL_TEXT) : RL_MUTED, "Last review:   %s", last ? last : "none");
    if (g->notes && g->notes[0])
        record_note_lines(g->notes, "Notes:         ", RL_TEXT, fn, arg);
    else
        record_linef(fn, arg, RL_MUTED, "Notes:         none");
    if (!rv || !rv->n)
        record_linef(fn, arg, RL_MUTED, "Reviews:       none recorded");
    for (size_t i = 0; rv && i < rv->n; i++)
        record_linef(fn, arg, RL_TEXT, "%s%s", i ? "               " : "Reviews:       ",
                     reg_review_words(&rv->v[i], rw, sizeof rw));
}
