/* Transfers (`T`): the office's cases, mark any number (Space, `*`), choose
 * whether their appointments move or are cancelled (`m`), transfer them in
 * one go to an officer or an office (`t`); `p` shows the pending transfers,
 * every one, no filter needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/grow.h"
#include "caseload/store_case.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

#define TRANSFER_MAX_ROWS 5000

/* The columns of the cases list and of the pending list. */
enum { CC_MARK, CC_CRN, CC_NAME, CC_OFFICER, CC_ROSH, CC_FLAGS, CC_N };
enum { PC_CRN, PC_NAME, PC_ROSH, PC_FLAGS, PC_FROM, PC_OFFICE, PC_TO, PC_WAITING, PC_BY, PC_N };

typedef struct row {
    char crn[CL_CODE_LEN], name[2 * CL_NAME_LEN], officer[CL_CODE_LEN];
    risk_rosh rosh;
    char flags[96]; /* risk_flags_short */
    bool marked;
} row;

typedef struct transfers_view {
    tui_view view;
    tui_list list;
    row *rows;
    size_t n, cap, marked;
    bool pending_mode;
    alloc_pending_list pending;
    tui_column pending_cols[PC_N]; /* PENDING_COLUMNS fitted to what is listed */
    alloc_appts appts;
    char office[CL_CODE_LEN];
    char to[CL_CODE_LEN];
    char reason[CL_CODE_LEN]; /* ALLOC_REASONS code, as caseload transfer --reason */
} transfers_view;

/* RoSH and flags on both lists: who may hold a case depends on them. Spare
 * width goes to the flags (risk must not be cut), names up to 30. The
 * pending list's short columns are only as wide as what they hold (its
 * codes and days), so at 80 columns the names have the rest. */
static const tui_column CASE_COLUMNS[CC_N] = {
    [CC_MARK] = {"", 1, false, 0, false},          [CC_CRN] = {"CRN", 9, false, 0, false},
    [CC_NAME] = {"Name", 0, false, 22, false},     [CC_OFFICER] = {"Officer", 8, false, 0, false},
    [CC_ROSH] = {"RoSH", 9, false, 0, false},      [CC_FLAGS] = {"Flags", 16, false, 60, true},
};
static const tui_column PENDING_COLUMNS[PC_N] = {
    [PC_CRN] = {"CRN", 9, false, 0, false},        [PC_NAME] = {"Name", 0, false, 30, false},
    [PC_ROSH] = {"RoSH", 9, false, 0, false},      [PC_FLAGS] = {"Flags", RISK_LABELS_MIN_COLS, false, 60, true},
    [PC_FROM] = {"From", 6, false, 0, false},      [PC_OFFICE] = {"Office", 6, false, 0, false},
    [PC_TO] = {"To", 4, false, 0, false},          [PC_WAITING] = {"Waiting", 8, true, 0, false},
    [PC_BY] = {"By", 6, false, 0, false},
};

static void flags_cell(const char *flags, int width, char *buf, size_t len, tui_colour *role)
{
    risk_flags_fit(flags, width, buf, len); /* whole labels, then "+N" */
    *role = flags[0] ? TC_FLAG : TC_NORMAL;
}

static void case_cell(void *arg, size_t i, size_t col, char *buf, size_t len, tui_colour *role)
{
    transfers_view *t = arg;
    const row *r = &t->rows[i];
    switch (col) {
    case CC_MARK: snprintf(buf, len, "%s", r->marked ? "*" : " "); break;
    case CC_CRN: snprintf(buf, len, "%s", r->crn); break;
    case CC_NAME: snprintf(buf, len, "%s", r->name); break;
    case CC_OFFICER: snprintf(buf, len, "%s", r->officer[0] ? r->officer : "-"); break;
    case CC_ROSH:
        snprintf(buf, len, "%s", risk_rosh_word(r->rosh));
        *role = tui_rosh_colour(r->rosh);
        break;
    default: flags_cell(r->flags, t->list.widths[CC_FLAGS], buf, len, role); break;
    }
}

static void pending_cell(void *arg, size_t i, size_t col, char *buf, size_t len, tui_colour *role)
{
    transfers_view *t = arg;
    const alloc_pending *p = &t->pending.items[i];
    switch (col) {
    case PC_CRN: snprintf(buf, len, "%s", p->crn); break;
    case PC_NAME: snprintf(buf, len, "%s", p->name); break;
    case PC_ROSH:
        snprintf(buf, len, "%s", risk_rosh_word(p->rosh));
        *role = tui_rosh_colour(p->rosh);
        break;
    case PC_FLAGS: flags_cell(p->flags, t->list.widths[PC_FLAGS], buf, len, role); break;
    case PC_FROM: snprintf(buf, len, "%s", p->from_officer[0] ? p->from_officer : "-"); break;
    case PC_OFFICE: snprintf(buf, len, "%s", p->from_office); break;
    case PC_TO: snprintf(buf, len, "%s", p->to_office); break;
    case PC_WAITING: snprintf(buf, len, "%d day%s", p->days, p->days == 1 ? "" : "s"); break;
    default: snprintf(buf, len, "%s", p->by); break;
    }
}

static int add_person(void *arg, const store_person_row *p)
{
    transfers_view *t = arg;
    if (t->n == t->cap) {
        row *nr = cl_grow(t->rows, &t->cap, sizeof *nr);
        if (!nr)
            return 1;
        t->rows = nr;
    }
    row *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->crn, sizeof r->crn, "%s", p->crn);
    snprintf(r->name, sizeof r->name, "%s %s", p->forenames, p->surname);
    snprintf(r->officer, sizeof r->officer, "%s", p->officer);
    return 0;
}

static void case_key(void *arg, size_t i, char *buf, size_t len)
{
    snprintf(buf, len, "%s", ((const transfers_view *)arg)->rows[i].crn);
}

static void reload(transfers_view *t, tui_ctx *c)
{
    cl_err err = {0};
    t->n = t->marked = 0;
    alloc_pending_list_free(&t->pending);
    if (t->pending_mode) {
        if (alloc_pending_transfers(c->app, NULL, &t->pending, &err) != CL_OK)
            tui_message(c, TM_ERROR, "%s", err.msg);
        t->list = (tui_list){.cols = PENDING_COLUMNS, .ncols = PC_N,
                             .cell = pending_cell, .arg = t, .empty = "(no pending transfers)"};
        tui_list_set_count(&t->list, t->pending.n);
        tui_list_fit(&t->list, PENDING_COLUMNS, t->pending_cols); /* the name gets the room codes leave */
        return;
    }
    if (store_people(c->app->store, t->office[0] ? STORE_SCOPE_OFFICE : STORE_SCOPE_ALL, t->office, false,
                     TRANSFER_MAX_ROWS, add_person, t, &err) != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    for (size_t i = 0; i < t->n; i++) {
        risk_summary rs;
        if (risk_summary_load(c->app->store, t->rows[i].crn, c->app->clock.today, &rs, &err) == CL_OK) {
            t->rows[i].rosh = rs.rosh;
            risk_flags_short(&rs, t->rows[i].flags, sizeof t->rows[i].flags);
        }
    }
    t->list = (tui_list){.cols = CASE_COLUMNS, .ncols = CC_N,
                         .cell = case_cell, .arg = t, .empty = "(no cases)"};
    tui_list_set_count(&t->list, t->n);
}

static void title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    transfers_view *t = (transfers_view *)v;
    if (t->pending_mode)
        snprintf(buf, len, "pending transfers, every office (%zu)", t->pending.n);
    else
        snprintf(buf, len, "transfer%s%s: %zu marked, appts %s", t->office[0] ? " from " : "", t->office,
                 t->marked, t->appts == ALLOC_APPTS_MOVE ? "move" : "cancel");
}

static void draw(tui_view *v, tui_ctx *c, tui_rect r) { tui_list_draw(&((transfers_view *)v)->list, c, r, true); }

/* The marked cases' CRNs (pointing into the rows), *n of them; NULL when out
 * of memory. The caller frees the array. */
static const char **marked_crns(const transfers_view *t, size_t *n)
{
    const char **crns = malloc((t->marked ? t->marked : 1) * sizeof *crns);
    *n = 0;
    if (!crns)
        return NULL;
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].marked)
            crns[(*n)++] = t->rows[i].crn;
    return crns;
}

static void transfer(tui_ctx *c, transfers_view *t, const char *override)
{
    size_t k;
    const char **crns = marked_crns(t, &k);
    if (!crns)
        return;
    alloc_transfer_req req = {.crns = crns, .n = k, .appts = t->appts, .reason = t->reason, .override = override};
    if (store_exists(c->app->store, STORE_STAFF, t->to))
        req.to_officer = t->to;
    else
        req.to_office = t->to;
    alloc_transfer_result res;
    cl_err err = {0};
    int rc = alloc_transfer(c->app, &req, &res, &err);
    free(crns);
    if (rc == CL_EDATA && strstr(err.msg, "--override")) {
        tui_message(c, TM_WARN, "%s", err.msg);
        return;
    }
    if (rc != CL_OK) {
        tui_message(c, TM_ERROR, "nothing was transferred: %s", err.msg);
        return;
    }
    if (res.appts_held) /* the officer is told which stayed and why */
        tui_message(c, TM_WARN, "transferred %zu case%s to %s; %zu appointment%s with an outcome left as booked: %s",
                    res.cases, res.cases == 1 ? "" : "s", t->to, res.appts_held, res.appts_held == 1 ? "" : "s",
                    res.held);
    else if (res.appts_clash) /* never a double booking unnoticed */
        tui_message(c, TM_WARN, "transferred %zu case%s to %s: %zu appointment%s moved; %zu left with the old officer"
                    " (%s is booked then; rebook in the diary): %s", res.cases, res.cases == 1 ? "" : "s", t->to,
                    res.appts_moved, res.appts_moved == 1 ? "" : "s", res.appts_clash, t->to, res.clash);
    else if (res.kept_waiting) /* which stay as booked, and why */
        tui_message(c, TM_INFO, "transferred %zu case%s to %s: %zu appointment%s kept as booked: %s", res.cases,
                    res.cases == 1 ? "" : "s", t->to, res.appts_kept, res.appts_kept == 1 ? "" : "s", res.kept);
    else
        tui_message(c, TM_INFO, "transferred %zu case%s to %s: appointments %zu moved, %zu cancelled, %zu kept",
                    res.cases, res.cases == 1 ? "" : "s", t->to, res.appts_moved, res.appts_cancelled,
                    res.appts_kept);
    /* The highlight stays on the case it was on when it is still listed (a
     * transfer within the office), else on the row where it was. */
    tui_list_place at;
    tui_list_mark(&t->list, case_key, t, &at);
    reload(t, c);
    tui_list_restore(&t->list, t->n, case_key, t, &at);
}

static void override_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    if (ok && text[0])
        transfer(c, arg, text);
    else
        tui_message(c, TM_WARN, "nothing was transferred");
}

/* The reallocation reason chosen (the audit trail records it, as the
 * command line's --reason does): the rules next, then the transfer. */
static void reason_picked(tui_ctx *c, void *arg, const char *code)
{
    transfers_view *t = arg;
    snprintf(t->reason, sizeof t->reason, "%s", code);
    /* Check the rules for every marked case first: the note names each case
     * and rule (the command line's words), and one reason covers the batch. */
    size_t n = 0;
    char words[sizeof c->prompt.note - 160];
    cl_err err = {0};
    if (store_exists(c->app->store, STORE_STAFF, t->to)) {
        size_t k;
        const char **crns = marked_crns(t, &k);
        if (!crns)
            return;
        int rc = alloc_rules_words(c->app, crns, k, t->to, false, words, sizeof words, &n, &err);
        free(crns);
        if (rc != CL_OK) {
            tui_message(c, TM_ERROR, "nothing was transferred: %s", err.msg);
            return;
        }
    }
    if (n) {
        char note[sizeof c->prompt.note];
        snprintf(note, sizeof note, "%zu of the %zu marked case%s against the allocation rules for %s:\n%s", n,
                 t->marked, t->marked == 1 ? " is" : "s are", t->to, words);
        tui_prompt_text(c, TUI_OVERRIDE_LABEL, override_done, t);
        tui_prompt_note(c, note);
    } else
        transfer(c, t, NULL);
}

static void to_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    transfers_view *t = arg;
    if (!tui_prompt_code(text, ok, t->to, sizeof t->to)) /* ldS is LDS */
        return;
    if (!store_exists(c->app->store, STORE_STAFF, t->to) && !store_exists(c->app->store, STORE_OFFICE, t->to)) {
        tui_message(c, TM_ERROR, "'%s' is neither a staff code nor an office code", t->to);
        return;
    }
    /* Why the cases move, from the core's one table of reasons. */
    tui_pick_item items[16];
    size_t n = 0;
    for (size_t i = 0; i < ALLOC_REASONS.n && n < 16; i++)
        items[n++] = (tui_pick_item){ALLOC_REASONS.items[i].code, ALLOC_REASONS.items[i].name};
    char title[64];
    snprintf(title, sizeof title, "Reason for the transfer to %s", t->to);
    tui_push(c, tui_pick_new(title, items, n, t->reason[0] ? t->reason : NULL, reason_picked, t));
}

static tui_result action(tui_view *v, tui_ctx *c, tui_action a)
{
    transfers_view *t = (transfers_view *)v;
    if (tui_list_action(&t->list, a))
        return TR_NONE;
    switch (a) {
    case TA_OPEN:
        if (t->pending_mode ? t->pending.n > 0 : t->n > 0)
            tui_push(c, tui_record_new(c, t->pending_mode ? t->pending.items[t->list.sel].crn
                                                          : t->rows[t->list.sel].crn));
        return TR_NONE;
    case TA_TRANSFER_PENDING:
        t->pending_mode = !t->pending_mode;
        reload(t, c);
        return TR_NONE;
    case TA_MARK:
        if (!t->pending_mode && t->n) {
            row *r = &t->rows[t->list.sel];
            r->marked = !r->marked;
            t->marked += r->marked ? 1 : (size_t)-1;
            tui_list_action(&t->list, TA_DOWN);
        }
        return TR_NONE;
    case TA_MARK_ALL:
        if (!t->pending_mode) {
            bool on = t->marked < t->n;
            for (size_t i = 0; i < t->n; i++)
                t->rows[i].marked = on;
            t->marked = on ? t->n : 0;
        }
        return TR_NONE;
    case TA_TRANSFER_APPTS:
        t->appts = t->appts == ALLOC_APPTS_MOVE ? ALLOC_APPTS_CANCEL : ALLOC_APPTS_MOVE;
        return TR_NONE;
    case TA_TRANSFER_DO:
        if (t->pending_mode)
            return TR_NONE;
        if (!t->marked) {
            tui_message(c, TM_WARN, "mark the cases first (Space, or * for all)");
            return TR_NONE;
        }
        char label[96];
        snprintf(label, sizeof label, "Transfer %zu case%s to (staff or office code): ", t->marked,
                 t->marked == 1 ? "" : "s");
        tui_prompt_start(c, label, "", NULL, to_done, t);
        return TR_NONE;
    default: return TR_UNHANDLED;
    }
}

static void destroy(tui_view *v)
{
    transfers_view *t = (transfers_view *)v;
    alloc_pending_list_free(&t->pending);
    free(t->rows);
    free(t);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"transfers", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_transfers_new(tui_ctx *c)
{
    transfers_view *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->view.ops = &ops;
    cl_staff me;
    cl_err err = {0};
    if (c->app->officer[0] && store_get_staff(c->app->store, c->app->officer, &me, &err) == CL_OK)
        snprintf(t->office, sizeof t->office, "%s", me.office);
    reload(t, c);
    return &t->view;
}
