/* Lines of text with their colours for a one-column list (tui_int.h): the
 * detail views (a record's section, one registration, one contact) fill it
 * and the list draws it. Long lines wrap with the core's tw_wrap_rows. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/grow.h"
#include "caseload/textedit.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

void tui_lines_add(tui_lines *l, tui_colour role, const char *text)
{
    if (l->n == l->cap) {
        tui_line *v = cl_grow(l->v, &l->cap, sizeof *v);
        if (!v)
            return;
        l->v = v;
    }
    char *s = strdup(text);
    if (s)
        l->v[l->n++] = (tui_line){role, s};
}

void tui_lines_addf(tui_lines *l, tui_colour role, const char *fmt, ...)
{
    char buf[1600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    tui_lines_add(l, role, buf);
}

bool tui_lines_add_note(tui_lines *l, tui_colour role, const char *text, int width)
{
    te_buf b;
    te_init(&b);
    bool any = text && *text && te_set(&b, text);
    if (any) {
        size_t n;
        const te_row *rows = te_layout(&b, width, &n);
        for (size_t r = 0; r < n; r++)
            tui_lines_addf(l, role, "%.*s", (int)(rows[r].end - rows[r].start), te_text(&b) + rows[r].start);
    }
    te_free(&b);
    return any;
}

const char *tui_ref_name(const ref_set *set, const char *code)
{
    const char *n = code[0] ? ref_name(set, code) : NULL;
    return n ? n : "";
}

typedef struct wrap_arg {
    tui_lines *l;
    tui_colour role;
} wrap_arg;

static void add_row(void *arg, const char *row)
{
    wrap_arg *w = arg;
    tui_lines_add(w->l, w->role, row);
}

/* Wrapped rows leave the last two columns blank, as the record's rows always
 * have (they were laid out by the note editor, which keeps a column for the
 * cursor and one for the blank after a word), so lines break where they did. */
enum { WRAP_MARGIN = 2 };

void tui_lines_add_wrapped(tui_lines *l, tui_colour role, const char *text, int width, int hang)
{
    if (width <= 0) {
        tui_lines_add(l, role, text);
        return;
    }
    wrap_arg w = {l, role};
    tw_wrap_rows_under(text, width > WRAP_MARGIN ? width - WRAP_MARGIN : 1, hang, add_row, &w);
}

void tui_lines_clear(tui_lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].text);
    l->n = 0;
}

void tui_lines_free(tui_lines *l)
{
    tui_lines_clear(l);
    free(l->v);
    l->v = NULL;
    l->cap = 0;
}

void tui_lines_cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    (void)col;
    const tui_lines *l = arg;
    snprintf(buf, len, "%s", l->v[row].text);
    *role = l->v[row].role;
}

bool tui_offers_no_open(tui_view *v, tui_action a)
{
    (void)v;
    return a != TA_OPEN;
}
