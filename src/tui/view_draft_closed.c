/* An unsaved contact note for a case closed since it was typed: it can never
 * be saved (a closed case is read-only), so it is not offered for recovery
 * but shown read-only, whole, for the officer to copy (the terminal's own
 * selection: caseload takes no mouse), with why; d discards it (asks first);
 * q leaves it, to be shown again at the next start. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/contacts.h"
#include "caseload/ref.h"
#include "caseload/store_draft.h"
#include "tui/tui_int.h"

typedef struct draft_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    char crn[CL_CODE_LEN], ref[CL_ID_LEN], at[20], why[sizeof(cl_err){0}.msg];
    char *fields, *body;
    tui_lines lines;
    int width; /* the lines were wrapped for this width */
} draft_view;

static const tui_column COLUMNS[] = {{"", 0, false, 0, false}};

static void addw(draft_view *v, tui_colour role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void addw(draft_view *v, tui_colour role, const char *fmt, ...)
{
    char buf[1600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    tui_lines_add_wrapped(&v->lines, role, buf, v->width, 0);
}

/* What was typed: the form's fields, then the note as the editor lays it out. */
static void build(draft_view *v, int width)
{
    tui_lines_clear(&v->lines);
    v->width = width;
    const char *discard = tui_action_key(&v->view, TA_DRAFT_DISCARD), *back = tui_action_key(&v->view, TA_BACK);
    addw(v, TC_ERROR, "This note was never saved, and cannot be now: %s.", v->why);
    addw(v, TC_HINT, "Select the text with the mouse to copy it; %s discards it (asks first); %s keeps it, shown again at the next"
                     " start.", discard ? discard : "d", back ? back : "q");
    tui_lines_add(&v->lines, TC_NORMAL, "");
    cl_contact k = {0};
    k.date = CL_DATE_NONE;
    k.time = k.end = -1;
    k.respond_by = CL_DATE_NONE;
    contact_draft_apply(v->fields, &k);
    char d[CL_DATE_LEN] = "", t[CL_TIME_LEN] = "";
    addw(v, TC_NORMAL, "Typed:    %s", v->at);
    if (k.date != CL_DATE_NONE)
        addw(v, TC_NORMAL, "Date:     %s %s", date_format(k.date, d), k.time >= 0 ? time_format(k.time, t) : "");
    if (k.type[0])
        addw(v, TC_NORMAL, "Type:     %s %s", k.type, tui_ref_name(&REF_CONTACT_TYPE_SET, k.type));
    if (k.outcome[0])
        addw(v, TC_NORMAL, "Outcome:  %s %s", k.outcome, tui_ref_name(&REF_OUTCOME_SET, k.outcome));
    if (k.appointment_id[0])
        addw(v, TC_NORMAL, "Appointment: %s", k.appointment_id);
    tui_lines_add(&v->lines, TC_NORMAL, "");
    tui_lines_add_note(&v->lines, TC_NORMAL, v->body, width);
    tui_list_set_count(&v->list, v->lines.n);
}

static void title(tui_view *vv, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    draft_view *v = (draft_view *)vv;
    snprintf(buf, len, "unsaved note for %s: CLOSED case, read-only", v->crn);
}

static void draw(tui_view *vv, tui_ctx *c, tui_rect r)
{
    draft_view *v = (draft_view *)vv;
    if (v->width != r.w)
        build(v, r.w);
    tui_list_draw(&v->list, c, r, false);
}

static void discard(tui_ctx *c, void *arg)
{
    draft_view *v = arg;
    store_draft_key k = contact_draft_key(c->app, v->crn, v->ref);
    cl_err err = {0};
    if (store_draft_clear(c->app->store, &k, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "the unsaved note was not discarded: %s", err.msg);
        return;
    }
    tui_message(c, TM_INFO, "the unsaved note for %s was discarded", v->crn);
    tui_pop(c);
}

static tui_result action(tui_view *vv, tui_ctx *c, tui_action a)
{
    draft_view *v = (draft_view *)vv;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    if (a == TA_DRAFT_DISCARD) {
        char q[96 + CL_CODE_LEN];
        snprintf(q, sizeof q, "Discard the unsaved note for %s? It cannot be recovered. y/N", v->crn);
        tui_confirm(c, TUI_DISCARD_KEYS, q, discard, v);
        return TR_NONE;
    }
    return TR_UNHANDLED;
}

static void destroy(tui_view *vv)
{
    draft_view *v = (draft_view *)vv;
    tui_lines_free(&v->lines);
    free(v->fields);
    free(v->body);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"draft_closed", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_draft_closed_new(tui_ctx *c, const char *crn, const char *ref, const char *why)
{
    draft_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->view.offers = tui_offers_no_open;
    v->c = c;
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    snprintf(v->ref, sizeof v->ref, "%s", ref);
    snprintf(v->why, sizeof v->why, "%s", why);
    v->list = (tui_list){.cols = COLUMNS, .ncols = 1, .cell = tui_lines_cell, .arg = &v->lines, .empty = ""};
    store_draft_key k = contact_draft_key(c->app, v->crn, v->ref);
    bool found = false;
    cl_err err = {0};
    if (store_draft_load(c->app->store, &k, &v->fields, &v->body, v->at, &found, &err) != CL_OK || !found) {
        if (!found && err.code == CL_OK)
            tui_message(c, TM_ERROR, "the unsaved note for %s is gone", crn);
        else
            tui_message(c, TM_ERROR, "the unsaved note for %s could not be read: %s", crn, err.msg);
        destroy(&v->view);
        return NULL;
    }
    return &v->view;
}
