/* A chooser over a code table (contact type, outcome, enforcement action,
 * order): code and name in a list; Enter picks and goes back. Typed letters
 * and digits are never commands here: they jump to the first code that
 * starts with what was typed (type-ahead), else the first meaning that does
 * (keymap "pick"). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/tui_int.h"

typedef struct pick_view {
    tui_view view;
    tui_list list;
    char title[64];
    tui_pick_item *items;
    size_t n;
    void (*picked)(tui_ctx *c, void *arg, const char *code);
    void *arg;
    tui_column cols[2];
    tui_text typed; /* the type-ahead */
} pick_view;

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    (void)role;
    pick_view *p = arg;
    snprintf(buf, len, "%s", col == 0 ? p->items[row].code : p->items[row].name);
}

static void title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    pick_view *p = (pick_view *)v;
    if (p->typed.buf[0])
        snprintf(buf, len, "%s: %s", p->title, p->typed.buf);
    else
        snprintf(buf, len, "%s (type the code)", p->title);
}

static tui_text *text(tui_view *v) { return &((pick_view *)v)->typed; }

/* The first row whose code, else whose meaning, starts with what was typed. */
static void text_changed(tui_view *v, tui_ctx *c)
{
    pick_view *p = (pick_view *)v;
    size_t len = strlen(p->typed.buf);
    if (!len)
        return;
    for (int by_name = 0; by_name < 2; by_name++)
        for (size_t i = 0; i < p->n; i++)
            if (!strncasecmp(by_name ? p->items[i].name : p->items[i].code, p->typed.buf, len)) {
                p->list.sel = i;
                return;
            }
    tui_message(c, TM_ERROR, "no code starts with '%s' (Backspace, Ctrl-U: clear)", p->typed.buf);
}

static void draw(tui_view *v, tui_ctx *c, tui_rect r) { tui_list_draw(&((pick_view *)v)->list, c, r, true); }

static tui_result action(tui_view *v, tui_ctx *c, tui_action a)
{
    pick_view *p = (pick_view *)v;
    if (tui_list_action(&p->list, a))
        return TR_NONE;
    if (a == TA_OPEN && p->n) {
        char code[32];
        snprintf(code, sizeof code, "%s", p->items[p->list.sel].code);
        void (*fn)(tui_ctx *, void *, const char *) = p->picked;
        void *arg = p->arg;
        tui_pop(c); /* back to the screen that asked, then tell it */
        fn(c, arg, code);
        return TR_NONE;
    }
    if (a == TA_BACK)
        return TR_BACK;
    return TR_UNHANDLED;
}

static void destroy(tui_view *v)
{
    free(((pick_view *)v)->items);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"pick", keymaps, title, draw, action, destroy, text, text_changed};

tui_view *tui_pick_new(const char *title_text, const tui_pick_item *items, size_t n, const char *current,
                       void (*picked)(tui_ctx *c, void *arg, const char *code), void *arg)
{
    pick_view *p = calloc(1, sizeof *p);
    if (!p || !(p->items = malloc((n ? n : 1) * sizeof *items))) {
        free(p);
        return NULL;
    }
    memcpy(p->items, items, n * sizeof *items);
    p->n = n;
    p->view.ops = &ops;
    snprintf(p->title, sizeof p->title, "%s", title_text);
    p->picked = picked;
    p->arg = arg;
    /* The code column as wide as the longest code (order ids are longer than codes). */
    int w = 6;
    for (size_t i = 0; i < n; i++)
        if ((int)strlen(items[i].code) > w)
            w = (int)strlen(items[i].code);
    p->cols[0] = (tui_column){"Code", w, false, 0, false};
    p->cols[1] = (tui_column){"Meaning", 0, false, 0, false};
    p->list = (tui_list){.cols = p->cols, .ncols = 2, .cell = cell, .arg = p, .n = n, .empty = "(nothing to choose)"};
    for (size_t i = 0; current && i < n; i++)
        if (!strcmp(items[i].code, current))
            p->list.sel = i;
    return &p->view;
}
