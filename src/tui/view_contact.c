/* One contact with its whole note and every correction in its chain, oldest
 * first, each with who logged it and when; c logs a correction of the newest. */
#include <stdlib.h>

#include "caseload/contacts.h"
#include "caseload/contact_words.h"
#include "caseload/ref.h"
#include "tui/tui_int.h"

typedef struct contact_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    char crn[CL_CODE_LEN], id[CL_ID_LEN];
    cl_contact *chain;
    size_t nchain;
    tui_lines lines;
    int width; /* the lines were wrapped for this width */
    bool stale;
} contact_view;

static const tui_column COLUMNS[] = {{"", 0, false, 0, false}};

/* The chain as screen lines, notes wrapped to width as the note editor lays
 * them out (the rows the officer typed them in, their own indents kept). */
static void build(contact_view *v, int width)
{
    tui_lines *l = &v->lines;
    tui_lines_clear(l);
    v->width = width;
    for (size_t i = 0; i < v->nchain; i++) {
        const cl_contact *k = &v->chain[i];
        char d[CL_DATE_LEN], t[CL_TIME_LEN], e[CL_TIME_LEN];
        bool corrected = i + 1 < v->nchain;
        tui_colour role = corrected ? TC_CLOSED : TC_NORMAL;
        tui_lines_addf(l, TC_HEADER, "Contact %s, logged by %s at %s%s%s%s", k->id, k->created_by, k->created_at,
             k->corrects[0] ? ", corrects " : "", k->corrects, corrected ? "   [CORRECTED: see below]" : "");
        tui_lines_addf(l, role, "Date:     %s %s%s%s", date_format(k->date, d), time_format(k->time, t),
             k->end >= 0 ? "-" : "", k->end >= 0 ? time_format(k->end, e) : "");
        tui_lines_addf(l, role, "Type:     %s %s", k->type, tui_ref_name(&REF_CONTACT_TYPE_SET, k->type));
        tui_lines_addf(l, role, "Outcome:  %s %s", k->outcome[0] ? k->outcome : "-", tui_ref_name(&REF_OUTCOME_SET, k->outcome));
        if (k->enforcement[0]) {
            char act[128];
            tui_lines_addf(l, role, "Action:   %s", contact_action_words(k, act, sizeof act));
        }
        tui_lines_addf(l, role, "Officer:  %s%s%s%s%s%s%s", k->officer[0] ? k->officer : "-",
             k->order_id[0] ? "   order " : "", k->order_id, k->appointment_id[0] ? "   appointment " : "",
             k->appointment_id, k->rar ? "   RAR" : "", "");
        if (k->sensitive)
            tui_lines_addf(l, TC_FLAG, "SENSITIVE CONTACT");
        tui_lines_addf(l, TC_NORMAL, "%s", "");
        if (!tui_lines_add_note(l, TC_NORMAL, k->notes, width))
            tui_lines_addf(l, TC_CLOSED, "(no note)");
        tui_lines_addf(l, TC_NORMAL, "%s", "");
    }
    tui_list_set_count(&v->list, v->lines.n);
}

static int load(contact_view *v)
{
    contact_chain_free(v->chain, v->nchain);
    v->chain = NULL, v->nchain = 0;
    cl_err err = {0};
    if (contact_chain(v->c->app, v->id, &v->chain, &v->nchain, &err) != CL_OK) {
        tui_message(v->c, TM_ERROR, "%s", err.msg);
        return err.code;
    }
    v->width = 0;
    v->stale = false;
    return CL_OK;
}

static void title(tui_view *vv, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    contact_view *v = (contact_view *)vv;
    snprintf(buf, len, "contact %s of %s", v->id, v->crn);
}

static void draw(tui_view *vv, tui_ctx *c, tui_rect r)
{
    contact_view *v = (contact_view *)vv;
    if (v->stale)
        load(v);
    if (v->width != r.w)
        build(v, r.w);
    tui_list_draw(&v->list, c, r, false);
}

static tui_result action(tui_view *vv, tui_ctx *c, tui_action a)
{
    contact_view *v = (contact_view *)vv;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    if (a == TA_CONTACT_CORRECT && v->nchain) {
        v->stale = true;
        tui_push(c, tui_log_new(c, v->crn, NULL, v->chain[v->nchain - 1].id));
        return TR_NONE;
    }
    return TR_UNHANDLED;
}


static void destroy(tui_view *vv)
{
    contact_view *v = (contact_view *)vv;
    tui_lines_free(&v->lines);
    contact_chain_free(v->chain, v->nchain);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"contact", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_contact_new(tui_ctx *c, const char *crn, const char *id)
{
    contact_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->view.offers = tui_offers_no_open;
    v->c = c;
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    snprintf(v->id, sizeof v->id, "%s", id);
    v->list = (tui_list){.cols = COLUMNS, .ncols = 1, .cell = tui_lines_cell, .arg = &v->lines,
                         .empty = "(no such contact)"};
    if (load(v) != CL_OK) {
        destroy(&v->view);
        return NULL;
    }
    return &v->view;
}
