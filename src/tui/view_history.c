/* A person's audit trail, opened from the record: the risk banner first, then
 * every change to their records, oldest first, one line a change with when,
 * who, what and why: the lines `caseload audit` prints (audit_trail.h),
 * wrapped to the screen so a long reason or note is read whole. It only
 * reads, so it opens on a closed case and on a read-only database. */
#include <stdio.h>
#include <stdlib.h>

#include "caseload/audit_trail.h"
#include "caseload/record.h"
#include "tui/tui_int.h"

typedef struct history_view {
    tui_view view;
    tui_ctx *c;
    char crn[CL_CODE_LEN];
    cl_record rec; /* the banner's part only (record_load_banner) */
    tui_lines banner;
    tui_lines rows; /* the trail's lines wrapped to width */
    size_t changes; /* the trail's lines before wrapping */
    tui_list list;
    int width; /* the rows were wrapped for this width (0: not yet drawn) */
} history_view;

static const tui_column COLUMNS[] = {{"", 0, false, 0, false}};

/* The rows after a line's first go under its words, past "when who ". */
static int add_line(void *arg, const char *line, int head)
{
    history_view *v = arg;
    tui_lines_add_wrapped(&v->rows, TC_NORMAL, line, v->width, head);
    return 0;
}

/* Reads the trail again, wrapped for width, keeping the place in it. */
static void build(history_view *v, int width)
{
    size_t sel = v->list.sel, top = v->list.top;
    cl_err err = {0};
    v->width = width;
    tui_lines_clear(&v->rows);
    if (audit_trail_each(v->c->app->store, v->crn, add_line, v, &v->changes, &err) != CL_OK) {
        char why[1100];
        snprintf(why, sizeof why, "the audit trail could not be read: %s", err.msg);
        tui_message(v->c, TM_ERROR, "%s", why);
        tui_lines_clear(&v->rows);
        v->changes = 0;
        tui_lines_add_wrapped(&v->rows, TC_ERROR, why, width, -1);
    } else if (v->changes == 0) { /* said whole, as a line of the list */
        tui_lines_add_wrapped(&v->rows, TC_NORMAL, AUDIT_TRAIL_NONE, width, -1);
    }
    tui_list_set_count(&v->list, v->rows.n);
    v->list.sel = sel < v->rows.n ? sel : (v->rows.n ? v->rows.n - 1 : 0);
    v->list.top = top <= v->list.sel ? top : v->list.sel;
}

static void title(tui_view *vv, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    history_view *v = (history_view *)vv;
    char name[2 * CL_NAME_LEN + 2];
    snprintf(buf, len, "audit trail of %s %s%s", v->crn, cl_offender_name(&v->rec.person, name, sizeof name),
             v->rec.closed ? " (CLOSED, read-only)" : "");
}

static void draw(tui_view *vv, tui_ctx *c, tui_rect r)
{
    history_view *v = (history_view *)vv;
    /* The banner first: the risk is read before anything else. */
    int y = tui_banner_draw(vv, c, &v->banner, r);
    if (v->width != r.w)
        build(v, r.w);
    if (y < r.y + r.h) {
        char head[160];
        snprintf(head, sizeof head, "Audit trail, oldest first: %zu change%s", v->changes,
                 v->changes == 1 ? "" : "s");
        tui_fill(y, r.x, r.w, tui_attr(c, TC_HEADER));
        tui_put(y, r.x, r.w, tui_attr(c, TC_HEADER), head);
        y++;
    }
    tui_rect body = {y, r.x, r.h - (y - r.y), r.w};
    if (body.h > 0)
        tui_list_draw(&v->list, c, body, false);
}

static tui_result action(tui_view *vv, tui_ctx *c, tui_action a)
{
    (void)c;
    history_view *v = (history_view *)vv;
    return tui_list_action(&v->list, a) ? TR_NONE : TR_UNHANDLED;
}

static void destroy(tui_view *vv)
{
    history_view *v = (history_view *)vv;
    record_free(&v->rec);
    tui_lines_free(&v->banner);
    tui_lines_free(&v->rows);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"audit", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_history_new(tui_ctx *c, const char *crn)
{
    history_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->view.offers = tui_offers_no_open;
    v->c = c;
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    cl_err err = {0};
    if (record_load_banner(c->app, crn, &v->rec, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        destroy(&v->view);
        return NULL;
    }
    tui_banner_lines(&v->rec, REC_BANNER, &v->banner);
    v->list = (tui_list){.cols = COLUMNS, .ncols = 1, .cell = tui_lines_cell, .arg = &v->rows, .empty = ""};
    return &v->view;
}
