/* A person's registrations (risk flags), active first then the ended ones
 * with who ended them, when and why: add one (a form), review or end the
 * selected one. Every write goes through the core (registration.h), which
 * keeps one RoSH level active and the old one in the history. */
#include <stdlib.h>
#include <string.h>

#include "caseload/reg_history.h"
#include "caseload/registration.h"
#include "caseload/risk.h"
#include "caseload/store_write.h"
#include "tui/tui_int.h"

typedef struct regs_view {
    tui_view view;
    tui_ctx *c;
    char crn[CL_CODE_LEN];
    char name[CL_NAME_LEN * 2];
    bool closed;
    tui_list list;
    reg_list regs;
    long long pending; /* the registration a prompt is about */
} regs_view;

enum { COL_ID, COL_WHAT, COL_START, COL_STATE, NCOLS };
static const tui_column COLUMNS[NCOLS] = {
    [COL_ID] = {"No.", 5, true, 0, false}, [COL_WHAT] = {"Registration", 30, false, 0, false},
    [COL_START] = {"From", 10, false, 0, false}, [COL_STATE] = {"Review / ended", 0, false, 0, false},
};

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    regs_view *v = arg;
    const cl_registration *r = &v->regs.rows[row];
    bool ended = r->end_date != CL_DATE_NONE;
    bool overdue = !ended && r->review_date != CL_DATE_NONE && r->review_date < v->c->app->clock.today;
    char d[CL_DATE_LEN], d2[CL_DATE_LEN];
    switch (col) {
    case COL_ID: snprintf(buf, len, "%lld", r->id); break;
    case COL_WHAT:
        reg_words(r, buf, len);
        if (ended)
            *role = TC_CLOSED;
        else if (risk_type_is_rosh(r->type))
            *role = tui_rosh_colour(risk_rosh_of_code(r->type));
        break;
    case COL_START: snprintf(buf, len, "%s", date_format(r->start_date, d)); break;
    case COL_STATE:
        if (ended) {
            char by[400];
            snprintf(buf, len, "ended %s %s", date_format(r->end_date, d), reg_ended_by(r, false, by, sizeof by));
            *role = TC_CLOSED;
        } else if (r->review_date == CL_DATE_NONE)
            snprintf(buf, len, "no review date");
        else {
            snprintf(buf, len, "%sreview %s", overdue ? "OVERDUE " : "", date_format(r->review_date, d2));
            if (overdue)
                *role = TC_OVERDUE;
        }
        break;
    default: break;
    }
}

static void reload(regs_view *v)
{
    reg_list_free(&v->regs);
    cl_err err = {0};
    if (reg_list_load(v->c->app->store, v->crn, false, &v->regs, &err) != CL_OK)
        tui_message(v->c, TM_ERROR, "%s", err.msg);
    tui_list_set_count(&v->list, v->regs.n);
}

static const cl_registration *selected(regs_view *v)
{
    return v->list.sel < v->regs.n ? &v->regs.rows[v->list.sel] : NULL;
}

/* ---- add: a form ---- */

enum { F_TYPE, F_CATEGORY, F_LEVEL, F_DATE, F_NOTES, F_N };

static bool valid_type(const char *value, char *msg, size_t len, void *arg)
{
    (void)arg;
    reg_new r = {.crn = "A000000", .type = value};
    char t[8], c[8], l[8];
    cl_err err = {0};
    if (reg_check(&r, t, c, l, &err) == CL_OK || strncmp(err.msg, "type:", 5))
        return true;
    snprintf(msg, len, "%s", err.msg);
    return false;
}

static int save_add(tui_ctx *c, tui_form *f, void *arg, char *msg, size_t len)
{
    regs_view *v = arg;
    cl_app *app = c->app;
    cl_date start = app->clock.today;
    const char *date = tui_form_value(f, F_DATE);
    if (date[0] && !cal_parse_typed_past(&app->cal, date, app->clock.today, &start)) { /* it has started */
        char why[300];
        snprintf(msg, len, "start: %s", cal_typed_problem(date, why, sizeof why));
        return F_DATE;
    }
    reg_new r = {.crn = v->crn, .type = tui_form_value(f, F_TYPE), .category = tui_form_value(f, F_CATEGORY),
                 .level = tui_form_value(f, F_LEVEL), .notes = tui_form_value(f, F_NOTES), .start = start};
    reg_result res;
    cl_err err = {0};
    if (reg_add(app->store, &app->cal, app->clock.today, &r, &res, &err) != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        return !strncmp(err.msg, "category", 8) ? F_CATEGORY
             : !strncmp(err.msg, "level", 5)    ? F_LEVEL
             : !strncmp(err.msg, "date", 4)     ? F_DATE
                                                : F_TYPE;
    }
    char d[CL_DATE_LEN];
    const risk_regtype *old = res.ended_id ? risk_type(res.ended_type) : NULL;
    snprintf(msg, len, "registered (no. %lld), review %s%s%s", res.id, date_format(res.review, d),
             old ? "; ended " : "", old ? old->words : "");
    reload(v);
    return -1;
}

static void open_add(regs_view *v)
{
    static const tui_field fields[F_N] = {
        [F_TYPE] = {"Type", 24, {{0}, 0, false}, "code or words: RHRH, MAPP, ADVP, RISK TO STAFF... (caseload register --types)", valid_type},
        [F_CATEGORY] = {"MAPPA category", 4, {{0}, 0, false}, "MAPPA only: M1-M4", NULL},
        [F_LEVEL] = {"Level", 10, {{0}, 0, false}, "MAPPA M1-M3; L, M, H or V for risk to staff, children, a known adult, the public", NULL},
        [F_DATE] = {"From", 12, {{0}, 0, false}, "start date (empty: today): 2026-12-03, 03/12, tue, t", NULL},
        [F_NOTES] = {"Notes", 0, {{0}, 0, false}, NULL, NULL},
    };
    char title[128];
    snprintf(title, sizeof title, "add a registration for %s %.60s", v->crn, v->name);
    tui_push(v->c, tui_form_new(title, fields, F_N, save_add, v));
}

/* ---- review and end: one question each ---- */

static void review_done(tui_ctx *c, void *arg, const char *text, bool accepted)
{
    regs_view *v = arg;
    if (!accepted)
        return;
    cl_date on;
    if (!cal_parse_typed_past(&c->app->cal, text, c->app->clock.today, &on)) {
        char why[300];
        tui_message(c, TM_ERROR, "%s", cal_typed_problem(text, why, sizeof why));
        return;
    }
    reg_result res;
    cl_err err = {0};
    if (reg_review(c->app->store, &c->app->cal, c->app->clock.today, v->pending, on, &res, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        return;
    }
    char d[CL_DATE_LEN];
    tui_message(c, TM_INFO, "registration %lld reviewed: next review %s", v->pending, date_format(res.review, d));
    reload(v);
}

static void end_done(tui_ctx *c, void *arg, const char *text, bool accepted)
{
    regs_view *v = arg;
    if (!accepted)
        return;
    cl_err err = {0};
    if (reg_end(c->app->store, c->app->clock.today, v->pending, c->app->clock.today, text, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        return;
    }
    tui_message(c, TM_INFO, "registration %lld ended today", v->pending);
    reload(v);
}

/* y to "End registration 3, RISK TO STAFF? y/N": then the reason. */
static void end_yes(tui_ctx *c, void *arg)
{
    tui_prompt_text(c, "Reason for ending it: ", end_done, arg);
}

static bool pick_active(regs_view *v)
{
    const cl_registration *r = selected(v);
    if (!r)
        return false;
    if (r->end_date != CL_DATE_NONE) {
        tui_message(v->c, TM_WARN, "registration %lld has already ended", r->id);
        return false;
    }
    v->pending = r->id;
    return true;
}

static tui_result action(tui_view *view, tui_ctx *c, tui_action a)
{
    regs_view *v = (regs_view *)view;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    switch (a) {
    case TA_REG_ADD:
        if (tui_case_writable(v->c, v->crn))
            open_add(v);
        return TR_NONE;
    case TA_REG_REVIEW:
        if (tui_case_writable(v->c, v->crn) && pick_active(v))
            tui_prompt_start(c, "Reviewed on (date): ", "today", NULL, review_done, v);
        return TR_NONE;
    case TA_REG_END:
        if (tui_case_writable(v->c, v->crn) && pick_active(v)) {
            /* Named first: ending a risk flag must not take one stray key. */
            char what[200], q[260], no[260];
            reg_words(selected(v), what, sizeof what);
            snprintf(q, sizeof q, "End registration %lld, %s? y/N ", v->pending, what);
            snprintf(no, sizeof no, "kept: registration %lld, %s, is not ended", v->pending, what);
            tui_confirm(c, TUI_END_KEYS, q, end_yes, v);
            tui_confirm_no_words(c, no);
        }
        return TR_NONE;
    case TA_OPEN: /* the whole registration: notes, reviews, how it ended */
        if (selected(v))
            tui_push(c, tui_registration_new(c, selected(v)->id));
        return TR_NONE;
    default: return TR_UNHANDLED;
    }
}

static void title(tui_view *view, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    regs_view *v = (regs_view *)view;
    snprintf(buf, len, "registrations of %s %s%s", v->crn, v->name, v->closed ? " (CLOSED, read-only)" : "");
}

static void draw(tui_view *view, tui_ctx *c, tui_rect r)
{
    regs_view *v = (regs_view *)view;
    tui_list_draw(&v->list, c, r, true);
}

static void destroy(tui_view *view)
{
    regs_view *v = (regs_view *)view;
    reg_list_free(&v->regs);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"registrations", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_registrations_new(tui_ctx *c, const char *crn)
{
    regs_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->c = c;
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    cl_offender o;
    cl_err err = {0};
    if (store_get_offender(c->app->store, crn, &o, &err) == CL_OK) {
        cl_offender_name(&o, v->name, sizeof v->name);
        v->closed = !strcmp(o.status, "closed");
    }
    v->list = (tui_list){.cols = COLUMNS, .ncols = NCOLS, .cell = cell, .arg = v, .empty = "(no registrations)"};
    reload(v);
    return &v->view;
}
