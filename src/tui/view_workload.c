/* Team workload (`W`) for seniors: each officer of the office with case counts
 * by RoSH, workload percentage (OVER amber, HIGH red, in words too), overdue
 * items and the office's unallocated count; highest workload first. Enter
 * opens the selected officer's diary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/due.h"
#include "caseload/numtext.h"
#include "caseload/store_appt.h"
#include "caseload/store_write.h"
#include "caseload/workload.h"
#include "tui/tui_int.h"

static const tui_column COLUMNS[] = {
    {"Officer", 7, false, 0, false}, {"Name", 0, false, 0, false}, {"Grade", 5, false, 0, false}, {"Hours", 5, true, 0, false},
    {"Cases", 5, true, 0, false},    {"VH", 3, true, 0, false},    {"H", 3, true, 0, false},      {"M", 3, true, 0, false},
    {"L", 3, true, 0, false},        {"?", 3, true, 0, false},     {"Reps", 4, true, 0, false},   {"Overdue", 7, true, 0, false},
    {"Load", 10, true, 0, false},
};

typedef struct workload_view {
    tui_view view;
    tui_list list;
    wl_list items;
    char office[CL_CODE_LEN];
    size_t unallocated;
    int *overdue; /* per officer, parallel to items */
    tui_column cols[sizeof COLUMNS / sizeof COLUMNS[0]]; /* COLUMNS fitted to the rows: names get the room figures leave */
} workload_view;

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    workload_view *w = arg;
    const wl_officer *o = &w->items.items[row];
    double hours = wl_hours(&o->staff);
    switch (col) {
    case 0: snprintf(buf, len, "%s", o->staff.code); break;
    case 1: snprintf(buf, len, "%s", o->staff.name); break;
    case 2: snprintf(buf, len, "%s", o->staff.grade); break;
    case 3: num_format(hours - o->staff.reduction_hours, buf, len); break;
    case 4: snprintf(buf, len, "%d", o->cases); break;
    case 5: snprintf(buf, len, "%d", o->by_rosh[ROSH_VERY_HIGH]); break;
    case 6: snprintf(buf, len, "%d", o->by_rosh[ROSH_HIGH]); break;
    case 7: snprintf(buf, len, "%d", o->by_rosh[ROSH_MEDIUM]); break;
    case 8: snprintf(buf, len, "%d", o->by_rosh[ROSH_LOW]); break;
    case 9: snprintf(buf, len, "%d", o->by_rosh[ROSH_UNKNOWN]); break;
    case 10: snprintf(buf, len, "%d", o->reports); break;
    case 11:
        snprintf(buf, len, "%d", w->overdue ? w->overdue[row] : 0);
        if (w->overdue && w->overdue[row])
            *role = TC_OVERDUE;
        break;
    default:
        snprintf(buf, len, "%d%%%s%s", o->percent, o->band ? " " : "", wl_band_word(o->band));
        *role = o->band == WL_BAND_RED ? TC_ROSH_HIGH : o->band == WL_BAND_AMBER ? TC_WARN : TC_NORMAL;
        break;
    }
}

static void reload(workload_view *w, tui_ctx *c)
{
    wl_list_free(&w->items);
    cl_err err = {0};
    if (wl_office(c->app, w->office, &w->items, &err) != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    wl_sort_by_load(&w->items);
    /* Overdue items from the due list (the one answer to "what is overdue"), by acting officer. */
    free(w->overdue);
    w->overdue = calloc(w->items.n ? w->items.n : 1, sizeof *w->overdue);
    due_list d;
    due_query q = {w->office[0] ? DUE_OFFICE : DUE_EVERYONE, w->office, c->app->clock.today, c->app->clock.minutes};
    if (w->overdue && due_list_load(c->app->store, &c->app->cal, &q, &d, &err) == CL_OK) {
        for (size_t i = 0; i < d.n; i++)
            for (size_t j = 0; d.items[i].overdue && j < w->items.n; j++)
                if (!strcmp(d.items[i].officer, w->items.items[j].staff.code))
                    w->overdue[j]++;
        due_list_free(&d);
    }
    alloc_waiting_list u;
    if (alloc_unallocated(c->app, w->office, &u, &err) == CL_OK) {
        w->unallocated = u.n;
        alloc_waiting_list_free(&u);
    }
    tui_list_set_count(&w->list, w->items.n);
    tui_list_fit(&w->list, COLUMNS, w->cols);
}

static void title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    workload_view *w = (workload_view *)v;
    snprintf(buf, len, "team workload%s%s: %zu unallocated (U)", w->office[0] ? " at " : "", w->office,
             w->unallocated);
}

static void draw(tui_view *v, tui_ctx *c, tui_rect r) { tui_list_draw(&((workload_view *)v)->list, c, r, true); }

static tui_result action(tui_view *v, tui_ctx *c, tui_action a)
{
    workload_view *w = (workload_view *)v;
    if (tui_list_action(&w->list, a))
        return TR_NONE;
    if (a != TA_OPEN)
        return TR_UNHANDLED;
    if (w->items.n) /* the officer's day: what the hint's "open" means here */
        tui_push(c, tui_diary_new(c, STORE_DIARY_OFFICER, w->items.items[w->list.sel].staff.code,
                                  c->app->clock.today));
    return TR_NONE;
}

static void destroy(tui_view *v)
{
    workload_view *w = (workload_view *)v;
    wl_list_free(&w->items);
    free(w->overdue);
    free(w);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"workload", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_workload_new(tui_ctx *c)
{
    workload_view *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->view.ops = &ops;
    cl_staff me;
    cl_err err = {0};
    if (c->app->officer[0] && store_get_staff(c->app->store, c->app->officer, &me, &err) == CL_OK)
        snprintf(w->office, sizeof w->office, "%s", me.office);
    w->list = (tui_list){.cols = COLUMNS, .ncols = sizeof COLUMNS / sizeof COLUMNS[0], .cell = cell,
                         .arg = w, .empty = "(no staff in this office)"};
    reload(w, c);
    return &w->view;
}
