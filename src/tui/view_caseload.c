/* The caseload list (first cut: the frame's home screen; the list query lands next). */
#include <stdlib.h>

#include "tui/tui_int.h"

typedef struct caseload_view {
    tui_view view;
    tui_list list;
} caseload_view;

static const tui_column COLUMNS[] = {{"CRN", 7, false}, {"Name", 0, false}};

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    (void)arg; (void)row; (void)col; (void)role;
    if (len)
        buf[0] = '\0';
}

static void title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)v; (void)c;
    snprintf(buf, len, "my caseload");
}

static void draw(tui_view *v, tui_ctx *c, tui_rect r) { tui_list_draw(&((caseload_view *)v)->list, c, r, true); }

static tui_result action(tui_view *v, tui_ctx *c, tui_action a)
{
    (void)c;
    if (tui_list_action(&((caseload_view *)v)->list, a))
        return TR_NONE;
    return TR_UNHANDLED;
}

static void destroy(tui_view *v) { free(v); }

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"caseload", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_caseload_new(tui_ctx *c)
{
    (void)c;
    caseload_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->list = (tui_list){.cols = COLUMNS, .ncols = 2, .cell = cell, .arg = v, .empty = "(no cases)"};
    return &v->view;
}
