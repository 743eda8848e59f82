/* Unallocated cases (`U`): no officer, or a senior's in name only, oldest
 * first with days waited, RoSH and flags (who may hold it depends on them); `a` allocates, the proposed officer filled in, and
 * asks for a reason when the choice is against the rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

typedef struct unalloc_view {
    tui_view view;
    tui_list list;
    alloc_waiting_list items;
    char office[CL_CODE_LEN];
    char crn[CL_CODE_LEN], officer[CL_CODE_LEN]; /* the allocation being asked about */
} unalloc_view;

enum { COL_CRN, COL_NAME, COL_ROSH, COL_FLAGS, COL_WAITED, COL_SINCE, COL_HOLDER, NCOLS };
static const tui_column COLUMNS[NCOLS] = {
    /* Spare width goes to the flags (risk must not be cut), names up to 30. */
    [COL_CRN] = {"CRN", 9, false, 0, false},         [COL_NAME] = {"Name", 0, false, 30, false},
    [COL_ROSH] = {"RoSH", 9, false, 0, false},       [COL_FLAGS] = {"Flags", 12, false, 60, true},
    [COL_WAITED] = {"Waited", 8, true, 0, false},    [COL_SINCE] = {"Since", 10, false, 0, false},
    [COL_HOLDER] = {"Held by", 7, false, 0, false},
};

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    unalloc_view *u = arg;
    const alloc_waiting *w = &u->items.items[row];
    char d[CL_DATE_LEN];
    switch (col) {
    case COL_CRN: snprintf(buf, len, "%s", w->crn); break;
    case COL_NAME: snprintf(buf, len, "%s", w->name); break;
    case COL_ROSH:
        snprintf(buf, len, "%s", risk_rosh_word(w->rosh));
        *role = tui_rosh_colour(w->rosh);
        break;
    case COL_FLAGS: /* whole labels, then "+N": never cut silently */
        risk_flags_fit(w->flags, u->list.widths[COL_FLAGS], buf, len);
        *role = w->flags[0] ? TC_FLAG : TC_NORMAL;
        break;
    case COL_WAITED: snprintf(buf, len, "%d day%s", w->days, w->days == 1 ? "" : "s"); break;
    case COL_SINCE: snprintf(buf, len, "%s", date_format(w->since, d)); break;
    default: snprintf(buf, len, "%s", w->holder[0] ? w->holder : "-"); break;
    }
}

static void case_key(void *arg, size_t row, char *buf, size_t len)
{
    snprintf(buf, len, "%s", ((const unalloc_view *)arg)->items.items[row].crn);
}

/* Read again, the same case selected; when it has gone (allocated), the row
 * where it was: the next one waiting. */
static void reload(unalloc_view *u, tui_ctx *c)
{
    tui_list_place at;
    tui_list_mark(&u->list, case_key, u, &at);
    alloc_waiting_list_free(&u->items);
    cl_err err = {0};
    if (alloc_unallocated(c->app, u->office, &u->items, &err) != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    tui_list_restore(&u->list, u->items.n, case_key, u, &at);
}

static void title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    unalloc_view *u = (unalloc_view *)v;
    snprintf(buf, len, "unallocated cases%s%s (%zu)", u->office[0] ? " at " : "", u->office, u->items.n);
}

static void draw(tui_view *v, tui_ctx *c, tui_rect r) { tui_list_draw(&((unalloc_view *)v)->list, c, r, true); }

static void move_yes(tui_ctx *c, void *arg)
{
    unalloc_view *u = arg;
    alloc_transfer_result res;
    cl_err err = {0};
    if (alloc_appts_to_holder(c->app, u->crn, false, &res, &err) != CL_OK)
        tui_message(c, TM_ERROR, "appointments not moved: %s", err.msg);
    else if (res.appts_held || res.appts_clash) {
        char held[sizeof res.held + 64] = "", clash[sizeof res.clash + 160] = "";
        if (res.appts_held)
            snprintf(held, sizeof held, "; %zu with an outcome left as booked: %s", res.appts_held, res.held);
        if (res.appts_clash)
            snprintf(clash, sizeof clash, "; %zu left with the old officer (%s is booked then; rebook in the diary): %s",
                     res.appts_clash, u->officer, res.clash);
        tui_message(c, TM_WARN, "%zu appointment%s moved to %s%s%s", res.appts_moved, res.appts_moved == 1 ? "" : "s",
                    u->officer, held, clash);
    } else
        tui_message(c, TM_INFO, "%zu appointment%s moved to %s", res.appts_moved, res.appts_moved == 1 ? "" : "s",
                    u->officer);
}

/* After an allocation: upcoming appointments still with another officer or
 * office (a transfer in leaves them with the old officer) are named, and the
 * officer is asked whether they move; No leaves them as booked. Those that
 * would double-book the officer are named first (the booking's clash
 * check), and stay with the old officer on Yes too: rebooked in the diary. */
static void allocated(tui_ctx *c, unalloc_view *u, bool override)
{
    tui_message(c, TM_INFO, "%s allocated to %s%s", u->crn, u->officer, override ? " (override recorded)" : "");
    reload(u, c);
    char list[sizeof c->prompt.note / 2], clashes[sizeof c->prompt.note / 2];
    size_t n, nclash;
    cl_err err = {0};
    if (alloc_appts_elsewhere(c->app, u->crn, u->officer, list, sizeof list, &n, clashes, sizeof clashes, &nclash,
                              &err) != CL_OK || !n)
        return;
    char note[sizeof c->prompt.note], question[96];
    int k = snprintf(note, sizeof note, "%s allocated to %s%s. %zu upcoming appointment%s still with another officer or office: %s",
                     u->crn, u->officer, override ? " (override recorded)" : "", n, n == 1 ? " is" : "s are", list);
    if (nclash && k > 0 && (size_t)k < sizeof note)
        snprintf(note + k, sizeof note - (size_t)k, ". %zu would double-book %s and will stay with the old officer: %s",
                 nclash, u->officer, clashes);
    if (nclash == n)
        snprintf(question, sizeof question, "Try to move %s to %s (%s)? y/N ", n == 1 ? "it" : "them", u->officer,
                 n == 1 ? "it clashes" : "all clash");
    else if (nclash)
        snprintf(question, sizeof question, "Move the other %zu to %s? y/N ", n - nclash, u->officer);
    else
        snprintf(question, sizeof question, "Move %s to %s? y/N ", n == 1 ? "it" : "them", u->officer);
    char no[160];
    snprintf(no, sizeof no, "%s allocated to %s; %zu upcoming appointment%s left as booked", u->crn, u->officer, n,
             n == 1 ? "" : "s");
    tui_confirm(c, TUI_MOVE_KEYS, question, move_yes, u);
    tui_prompt_note(c, note);
    tui_confirm_no_words(c, no);
}

static void override_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    unalloc_view *u = arg;
    cl_err err = {0};
    if (!ok || !text[0]) {
        tui_message(c, TM_WARN, "not allocated: against the rules needs a reason");
        return;
    }
    if (alloc_allocate(c->app, u->crn, u->officer, NULL, text, &err) != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    else
        allocated(c, u, true);
}

static void officer_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    unalloc_view *u = arg;
    if (!tui_prompt_code(text, ok, u->officer, sizeof u->officer)) /* cdf06 is CDF06 */
        return;
    cl_err err = {0};
    int rc = alloc_allocate(c->app, u->crn, u->officer, NULL, NULL, &err);
    if (rc == CL_EUSAGE) { /* an unknown code: asked again with what was typed, to correct */
        char label[96], typed[CL_CODE_LEN * 4];
        snprintf(label, sizeof label, "Allocate %s to (staff code): ", u->crn);
        snprintf(typed, sizeof typed, "%s", text); /* text is the prompt's own buffer */
        tui_prompt_start(c, label, typed, NULL, officer_done, u);
        tui_prompt_note(c, err.msg);
        return;
    }
    if (rc == CL_EDATA && strstr(err.msg, "--override")) {
        /* Which rule the case breaks, in the command line's words, before the reason. */
        const char *crns[] = {u->crn};
        char words[1024];
        size_t n;
        cl_err e2 = {0};
        if (alloc_rules_words(c->app, crns, 1, u->officer, true, words, sizeof words, &n, &e2) != CL_OK)
            snprintf(words, sizeof words, "%s", err.msg);
        tui_prompt_text(c, TUI_OVERRIDE_LABEL, override_done, u);
        tui_prompt_note(c, words);
        return;
    }
    if (rc != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    else
        allocated(c, u, false);
}

static tui_result action(tui_view *v, tui_ctx *c, tui_action a)
{
    unalloc_view *u = (unalloc_view *)v;
    if (tui_list_action(&u->list, a))
        return TR_NONE;
    if (a == TA_OPEN && u->items.n) {
        tui_push(c, tui_record_new(c, u->items.items[u->list.sel].crn));
        return TR_NONE;
    }
    if (a != TA_ALLOCATE)
        return TR_UNHANDLED;
    if (!u->items.n)
        return TR_NONE;
    const alloc_waiting *w = &u->items.items[u->list.sel];
    snprintf(u->crn, sizeof u->crn, "%s", w->crn);
    char proposed[CL_CODE_LEN] = "";
    alloc_case ac;
    cl_err err = {0};
    if (alloc_case_load(c->app, w->crn, &ac, &err) == CL_OK)
        alloc_propose(c->app, &ac, w->office, proposed, sizeof proposed, &err);
    char label[96];
    snprintf(label, sizeof label, "Allocate %s to (staff code): ", w->crn);
    tui_prompt_start(c, label, proposed, NULL, officer_done, u);
    return TR_NONE;
}

static void destroy(tui_view *v)
{
    unalloc_view *u = (unalloc_view *)v;
    alloc_waiting_list_free(&u->items);
    free(u);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"unallocated", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_unallocated_new(tui_ctx *c)
{
    unalloc_view *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    u->view.ops = &ops;
    cl_staff me;
    cl_err err = {0};
    if (c->app->officer[0] && store_get_staff(c->app->store, c->app->officer, &me, &err) == CL_OK)
        snprintf(u->office, sizeof u->office, "%s", me.office);
    u->list = (tui_list){.cols = COLUMNS, .ncols = NCOLS, .cell = cell,
                         .arg = u, .empty = "(no unallocated cases)"};
    reload(u, c);
    return &u->view;
}
