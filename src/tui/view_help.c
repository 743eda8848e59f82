/* The `?` screen: the keymap table, the keys of the screen it was opened
 * from first (exactly those that work there), then every other group. Read
 * from TUI_KEYMAP only. A description too long for the screen wraps under
 * itself: nothing is cut. */
#include <stdlib.h>
#include <string.h>

#include "caseload/grow.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

typedef struct help_row {
    const char *group; /* non-NULL: a group heading */
    const tui_binding *b;
} help_row;

/* A drawn line: an entry's key and description, or a wrapped rest of it. */
typedef struct help_line {
    size_t entry;
    bool more; /* a continuation: no key */
    char *text;
} help_line;

typedef struct help_view {
    tui_view view;
    tui_list list;
    help_row rows[256];
    size_t n;
    help_line *lines;
    size_t nlines, cap;
    int width; /* the description column the lines were wrapped for */
} help_view;

enum { KEY_WIDTH = 12 };
static const tui_column COLUMNS[] = {{"Key", KEY_WIDTH, false, 0, false}, {"What it does", 0, false, 0, false}};

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    help_view *h = arg;
    const help_line *l = &h->lines[row];
    const help_row *r = &h->rows[l->entry];
    if (r->group) {
        if (col == 1)
            snprintf(buf, len, "%s", tui_keymap_title(r->group));
        *role = TC_HEADER;
        return;
    }
    snprintf(buf, len, "%s", col == 0 ? (l->more ? "" : r->b->key_name) : l->text);
}

typedef struct wrap_to {
    help_view *h;
    size_t entry;
    bool more;
} wrap_to;

static void add_line(void *arg, const char *text)
{
    wrap_to *w = arg;
    help_view *h = w->h;
    if (h->nlines == h->cap) {
        help_line *grown = cl_grow(h->lines, &h->cap, sizeof *grown);
        if (!grown)
            return;
        h->lines = grown;
    }
    char *copy = strdup(text);
    if (!copy)
        return;
    h->lines[h->nlines++] = (help_line){w->entry, w->more, copy};
    w->more = true;
}

static void clear_lines(help_view *h)
{
    for (size_t i = 0; i < h->nlines; i++)
        free(h->lines[i].text);
    h->nlines = 0;
}

/* The lines for a description column of width, the selection kept on its entry. */
static void wrap_lines(help_view *h, int width)
{
    size_t sel = h->nlines ? h->lines[h->list.sel].entry : 0;
    clear_lines(h);
    for (size_t i = 0; i < h->n; i++) {
        wrap_to w = {h, i, false};
        if (h->rows[i].group)
            add_line(&w, "");
        else
            tw_wrap_rows_under(h->rows[i].b->help, width, 2, add_line, &w);
    }
    h->width = width;
    h->list.n = h->nlines;
    h->list.sel = 0;
    for (size_t i = 0; i < h->nlines; i++)
        if (h->lines[i].entry == sel && !h->lines[i].more) {
            h->list.sel = i;
            break;
        }
}

static bool added(help_view *h, const char *group)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->rows[i].group && !strcmp(h->rows[i].group, group))
            return true;
    return false;
}

/* A group's heading and rows; for the screen underneath (on not NULL),
 * only the rows that work there (its own `g` hides the lists' `g`), and no
 * heading when none does. */
static void add_group(help_view *h, const char *group, tui_view *on)
{
    if (added(h, group) || h->n >= 256)
        return;
    size_t head = h->n;
    h->rows[h->n++] = (help_row){group, NULL};
    for (size_t i = 0; i < TUI_KEYMAP_N && h->n < 256; i++)
        if (!strcmp(TUI_KEYMAP[i].view, group) && (!on || tui_key_works(on, &TUI_KEYMAP[i])))
            h->rows[h->n++] = (help_row){NULL, &TUI_KEYMAP[i]};
    if (on && h->n == head + 1)
        h->n = head;
}

static void title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)v;
    (void)c;
    snprintf(buf, len, "Help: keys");
}

static void draw(tui_view *v, tui_ctx *c, tui_rect r)
{
    help_view *h = (help_view *)v;
    int width = r.w - KEY_WIDTH - 1; /* the key column and the gap */
    if (width < 10)
        width = 10;
    if (width != h->width)
        wrap_lines(h, width);
    tui_list_draw(&h->list, c, r, true);
}

static tui_result action(tui_view *v, tui_ctx *c, tui_action a)
{
    (void)c;
    help_view *h = (help_view *)v;
    if (tui_list_action(&h->list, a))
        return TR_NONE;
    if (a == TA_HELP)
        return TR_NONE;
    return TR_UNHANDLED;
}


static void destroy(tui_view *v)
{
    help_view *h = (help_view *)v;
    clear_lines(h);
    free(h->lines);
    free(h);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"help", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_help_new(tui_ctx *c)
{
    help_view *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->view.ops = &ops;
    h->view.offers = tui_offers_no_open;
    /* The screen underneath first, then its shared keymaps, then the rest. */
    tui_view *under = tui_top(c);
    if (under) {
        add_group(h, under->ops->name, under);
        add_group(h, "global", under);
        for (const char *const *k = under->ops->keymaps; k && *k; k++)
            add_group(h, *k, under);
    }
    add_group(h, "global", NULL);
    for (size_t i = 0; i < TUI_KEYMAP_N; i++)
        add_group(h, TUI_KEYMAP[i].view, NULL);
    h->list = (tui_list){.cols = COLUMNS, .ncols = 2, .cell = cell, .arg = h}; /* lines: at the first draw */
    return &h->view;
}
