/* The due list screen: overdue first (red, and the word OVERDUE), then due
 * this week, then later, under headings; my caseload / my office / everyone.
 * Rows are the core's due list (due.h), each with the person's RoSH and flags
 * as every list shows them; Enter opens the person's record. */
#include <stdlib.h>
#include <string.h>

#include "caseload/due.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

enum { COL_DUE, COL_STATE, COL_CRN, COL_NAME, COL_ROSH, COL_FLAGS, COL_ITEM, COL_OFFICER, NCOLS };

/* A row of the screen: a heading (item == NULL) or an item of the list. */
typedef struct due_row {
    due_group group;
    const due_item *item;
    size_t count; /* headings: items under it */
} due_row;

typedef struct due_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    due_scope scope;
    char code[32]; /* officer or office code for the scope (as app->officer) */
    due_list items;
    due_row *rows;
    size_t nrows;
    size_t noverdue;
    tui_column all[NCOLS]; /* COLUMNS, CRN and Staff as wide as the widest code listed */
    tui_column cols[NCOLS]; /* the columns shown (all, State left out when narrow) */
    int ids[NCOLS];         /* what each shown column is (COL_*) */
    unsigned long gen;      /* store_generation when the items were read: read again when it moves */
    cl_date day;            /* the day they were read for */
} due_view;

/* Every item's name (DUE_ITEMS) shows whole, and the flags are as wide as
 * the caseload list's (RISK_FLAGS_STAFF_COLS: a risk to staff is never among
 * the labels counted in "+N"); past the name's 30 columns the width left goes
 * to the flags. The officer who acts is a staff code ("Staff", as in an
 * office's diary). */
static const tui_column COLUMNS[NCOLS] = {
    [COL_DUE] = {"Due", 8, false, 0, false},       [COL_STATE] = {"State", 7, false, 0, false},
    [COL_CRN] = {"CRN", 7, false, 0, false},        [COL_NAME] = {"Name", 0, false, 30, false},
    [COL_ROSH] = {"RoSH", 9, false, 0, false},      [COL_FLAGS] = {"Flags", RISK_FLAGS_STAFF_COLS, false, 60, true},
    [COL_ITEM] = {"Item", 19, false, 0, false},     [COL_OFFICER] = {"Staff", 5, false, 0, false},
};

/* Narrower than this the name gives way no further: State goes instead,
 * then Staff (at 80 columns both go). The headings say OVERDUE, an overdue
 * row's date is red, and the line below the list names the selected item's
 * state and officer. */
#define DUE_NAME_MIN 14
static const int GIVE_WAY[] = {COL_STATE, COL_OFFICER};

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    due_view *v = arg;
    const due_row *r = &v->rows[row];
    buf[0] = '\0';
    if (!r->item) /* headings are drawn across the whole row by draw() */
        return;
    const due_item *it = r->item;
    switch (v->ids[col]) {
    case COL_DUE: { /* dd/mm/yy, as the caseload list: unambiguous in England and Wales */
        int y, m, d;
        date_to_ymd(it->due, &y, &m, &d);
        snprintf(buf, len, "%02d/%02d/%02d", d, m, y % 100);
        if (it->overdue)
            *role = TC_OVERDUE;
        break;
    }
    case COL_STATE:
        snprintf(buf, len, "%s", it->overdue ? "OVERDUE" : "due");
        if (it->overdue)
            *role = TC_OVERDUE;
        break;
    case COL_CRN: snprintf(buf, len, "%s", it->crn); break;
    case COL_NAME: snprintf(buf, len, "%s", it->name); break;
    case COL_ROSH:
        snprintf(buf, len, "%s", risk_rosh_word(it->rosh));
        *role = tui_rosh_colour(it->rosh);
        break;
    case COL_FLAGS: tui_flags_cell(it->flags, it->enforcement, it->staff_banner, v->list.widths[col], buf, len, role); break;
    case COL_ITEM: snprintf(buf, len, "%s", it->item); break;
    case COL_OFFICER: snprintf(buf, len, "%s", it->officer); break;
    default: break;
    }
}

static const char *scope_words(due_scope s)
{
    static const char *const w[] = {"my caseload", "office", "everyone"};
    return w[s];
}

/* Headings and items, in the core's order (which is date order, so the
 * groups come out overdue, this week, later). */
static void build_rows(due_view *v)
{
    free(v->rows);
    v->nrows = v->noverdue = 0;
    v->rows = calloc(v->items.n + 3, sizeof *v->rows);
    if (!v->rows)
        return;
    cl_date today = v->c->app->clock.today;
    size_t head = 0;
    for (size_t i = 0; i < v->items.n; i++) {
        const due_item *it = &v->items.items[i];
        due_group g = due_group_of(it, today);
        if (!v->nrows || v->rows[head].group != g) {
            head = v->nrows++;
            v->rows[head] = (due_row){g, NULL, 0};
        }
        v->rows[head].count++;
        v->noverdue += it->overdue;
        v->rows[v->nrows++] = (due_row){g, it, 0};
    }
}

/* A provisional reference (LOC and six digits) is longer than a CRN, and a
 * staff code may be longer than five: the columns take the widest listed,
 * so no code is cut. */
static void fit_code_columns(due_view *v)
{
    int crn = COLUMNS[COL_CRN].width, staff = COLUMNS[COL_OFFICER].width;
    for (size_t i = 0; i < v->items.n; i++) {
        int n = tw_width(v->items.items[i].crn), o = tw_width(v->items.items[i].officer);
        crn = n > crn ? n : crn;
        staff = o > staff ? o : staff;
    }
    v->all[COL_CRN].width = crn;
    v->all[COL_OFFICER].width = staff;
}

/* The columns shown in `width` columns (0: not known yet, every column):
 * those of GIVE_WAY left out in turn while the name would be narrower than
 * DUE_NAME_MIN. */
static void pick_columns(due_view *v, int width)
{
    size_t gone = 0;
    for (;;) {
        size_t n = 0, name = 0;
        for (int i = 0; i < NCOLS; i++) {
            bool out = false;
            for (size_t g = 0; g < gone; g++)
                out = out || GIVE_WAY[g] == i;
            if (out)
                continue;
            if (i == COL_NAME)
                name = n;
            v->cols[n] = v->all[i];
            v->ids[n++] = i;
        }
        v->list.ncols = n;
        int w[NCOLS];
        tui_columns_layout(v->cols, n, width, w);
        if (width <= 0 || w[name] >= DUE_NAME_MIN || gone == sizeof GIVE_WAY / sizeof GIVE_WAY[0])
            return;
        gone++;
    }
}

/* A due item is its person, its kind and what it is about (an order, an
 * appointment...): its date may move when a contact is logged. */
static void row_key(void *arg, size_t row, char *buf, size_t len)
{
    const due_view *v = arg;
    const due_item *it = v->rows[row].item;
    if (it)
        snprintf(buf, len, "%s %s %s", it->crn, it->item, it->ref);
}

/* Read again: the same item selected wherever it now sits (the same person's
 * item stays under the highlight, so Enter opens them); when it has gone,
 * the row where it was. A heading is never left selected. */
static void reload(due_view *v)
{
    cl_app *app = v->c->app;
    tui_list_place at;
    tui_list_mark(&v->list, row_key, v, &at);
    v->gen = store_generation(app->store);
    v->day = app->clock.today;
    due_list_free(&v->items);
    due_query q = {.scope = v->scope, .code = v->code, .from = app->clock.today, .now_minutes = app->clock.minutes};
    cl_err err = {0};
    if (due_list_load(app->store, &app->cal, &q, &v->items, &err) != CL_OK)
        tui_message(v->c, TM_ERROR, "%s", err.msg);
    build_rows(v);
    fit_code_columns(v);
    tui_list_restore(&v->list, v->nrows, row_key, v, &at);
    if (v->list.sel + 1 < v->nrows && !v->rows[v->list.sel].item)
        v->list.sel++;
}

/* Written here (a contact logged from a record opened from this list) or by
 * another program since the items were read, or a new day: read again. The
 * frame asks for the title first. */
static void freshen(due_view *v)
{
    if (store_generation(v->c->app->store) != v->gen || v->c->app->clock.today != v->day)
        reload(v);
}

/* Officer -> office -> everyone -> officer, skipping what the user has not got. */
static void next_scope(due_view *v)
{
    cl_app *app = v->c->app;
    for (int i = 0; i < 3; i++) {
        v->scope = (due_scope)((v->scope + 1) % 3);
        if (v->scope == DUE_OFFICER && app->officer[0]) {
            snprintf(v->code, sizeof v->code, "%s", app->officer);
            return;
        }
        if (v->scope == DUE_OFFICE && app->officer[0]) {
            cl_staff s;
            cl_err err = {0};
            if (store_get_staff(app->store, app->officer, &s, &err) == CL_OK && s.office[0]) {
                snprintf(v->code, sizeof v->code, "%s", s.office);
                return;
            }
        }
        if (v->scope == DUE_EVERYONE)
            return;
    }
}

static void title(tui_view *view, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    due_view *v = (due_view *)view;
    freshen(v);
    if (v->scope == DUE_OFFICE)
        snprintf(buf, len, "due: office %s, %zu overdue of %zu", v->code, v->noverdue, v->items.n);
    else
        snprintf(buf, len, "due: %s, %zu overdue of %zu", scope_words(v->scope), v->noverdue, v->items.n);
}

static void draw(tui_view *view, tui_ctx *c, tui_rect r)
{
    due_view *v = (due_view *)view;
    freshen(v);
    pick_columns(v, r.w);
    /* Under the list, what the selected item is about and the person's flags
     * in full (the column may show "+N"), on as many rows as they need. */
    char line[768] = "", flags[256];
    const due_item *it = v->list.sel < v->nrows ? v->rows[v->list.sel].item : NULL;
    if (it && risk_flags_join(it->flags, it->enforcement, flags, sizeof flags))
        snprintf(line, sizeof line, "%s%s%s%s; officer %s", it->overdue ? "OVERDUE: " : "", it->detail,
                 flags[0] ? "; flags: " : "", flags, it->officer);
    int attr = tui_attr(c, it && it->overdue ? TC_OVERDUE : TC_INFO);
    tui_rect lr = tui_list_draw_detail(&v->list, c, r, line, attr, 2, 4);
    /* Headings run across the row: drawn over the list's empty cells. */
    for (int i = 0; i + 1 < lr.h && v->list.top + (size_t)i < v->nrows; i++) {
        size_t row = v->list.top + (size_t)i;
        const due_row *dr = &v->rows[row];
        if (dr->item)
            continue;
        char h[64];
        snprintf(h, sizeof h, "%s (%zu)", due_group_words(dr->group), dr->count);
        int hattr = tui_attr(c, dr->group == DUE_GROUP_OVERDUE ? TC_OVERDUE : TC_HEADER);
        if (row == v->list.sel)
            hattr = tui_attr(c, TC_SELECTED);
        tui_put(lr.y + 1 + i, lr.x, lr.w, hattr, h);
    }
}

static tui_result action(tui_view *view, tui_ctx *c, tui_action a)
{
    due_view *v = (due_view *)view;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    switch (a) {
    case TA_OPEN:
        if (v->list.sel < v->nrows && v->rows[v->list.sel].item)
            tui_push(c, tui_record_new(c, v->rows[v->list.sel].item->crn));
        return TR_NONE;
    case TA_DUE_SCOPE:
        next_scope(v);
        v->list.sel = v->list.top = 0;
        reload(v);
        return TR_NONE;
    case TA_DUE_RELOAD:
        reload(v);
        return TR_NONE;
    case TA_DUE_LIST: return TR_NONE; /* already here */
    default: return TR_UNHANDLED;
    }
}

static void destroy(tui_view *view)
{
    due_view *v = (due_view *)view;
    due_list_free(&v->items);
    free(v->rows);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"due", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_due_new(tui_ctx *c)
{
    due_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->c = c;
    memcpy(v->all, COLUMNS, sizeof COLUMNS);
    v->list = (tui_list){.cols = v->cols, .ncols = NCOLS, .cell = cell, .arg = v,
                         .empty = "(nothing overdue or due in the next 14 days)"};
    pick_columns(v, 0);
    /* The officer's own list; everyone's when caseload does not know the user. */
    v->scope = DUE_EVERYONE;
    if (c->app->officer[0]) {
        v->scope = DUE_OFFICER;
        snprintf(v->code, sizeof v->code, "%s", c->app->officer);
    }
    reload(v);
    return &v->view;
}
