/* One registration in full, opened with Enter on the registrations screen:
 * every field, its notes, its review history (who, when, the review date it
 * replaced) and how it ended, wrapped to the screen so nothing is cut. The
 * words are the core's (reg_history.h), as `caseload show` prints them. */
#include <stdlib.h>

#include "caseload/reg_history.h"
#include "caseload/registration.h"
#include "tui/tui_int.h"

typedef struct reg_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    long long id;
    cl_registration reg;
    reg_reviews reviews;
    tui_lines lines;
    int width; /* the lines were wrapped for this width */
} reg_view;

static const tui_column COLUMNS[] = {{"", 0, false, 0, false}};

static void add_line(void *arg, record_role role, const char *text, int hang)
{
    reg_view *v = arg;
    tui_colour c = role == RL_HEADING ? TC_HEADER : role == RL_MUTED ? TC_CLOSED : TC_NORMAL;
    tui_lines_add_wrapped(&v->lines, c, text, v->width, hang);
}

static void build(reg_view *v, int width)
{
    tui_lines_clear(&v->lines);
    v->width = width;
    reg_detail_lines(&v->reg, &v->reviews, add_line, v);
    tui_list_set_count(&v->list, v->lines.n);
}

static void title(tui_view *vv, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    reg_view *v = (reg_view *)vv;
    snprintf(buf, len, "registration %lld of %s", v->id, v->reg.crn);
}

static void draw(tui_view *vv, tui_ctx *c, tui_rect r)
{
    reg_view *v = (reg_view *)vv;
    if (v->width != r.w)
        build(v, r.w);
    tui_list_draw(&v->list, c, r, false);
}

static tui_result action(tui_view *vv, tui_ctx *c, tui_action a)
{
    (void)c;
    reg_view *v = (reg_view *)vv;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    return TR_UNHANDLED;
}


static void destroy(tui_view *vv)
{
    reg_view *v = (reg_view *)vv;
    tui_lines_free(&v->lines);
    cl_registration_clear(&v->reg);
    reg_reviews_free(&v->reviews);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"registration", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_registration_new(tui_ctx *c, long long id)
{
    reg_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->view.offers = tui_offers_no_open;
    v->c = c;
    v->id = id;
    cl_err err = {0};
    if (reg_get(c->app->store, id, &v->reg, &err) != CL_OK ||
        reg_reviews_load(c->app->store, id, &v->reviews, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        destroy(&v->view);
        return NULL;
    }
    v->list = (tui_list){.cols = COLUMNS, .ncols = 1, .cell = tui_lines_cell, .arg = &v->lines,
                       .empty = "(no such registration)"};
    return &v->view;
}
