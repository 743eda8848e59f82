/* Long lines of text as screen rows: wrapped at spaces (textedit.h's
 * layout), the rows after the first indented under the text (under the
 * value of a "Label: value" line), so a long end reason or note is read whole
 * instead of cut with '~'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/textedit.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

void tui_wrap(const char *text, int width, void (*fn)(void *arg, const char *row), void *arg)
{
    size_t lead = strspn(text, " ");
    int indent = (int)lead + 2;
    /* "Label:   value" (a short label): the rows go under the value. */
    const char *colon = strstr(text, ": ");
    if (colon && colon - text < 32) {
        size_t at = (size_t)(colon - text) + 2;
        at += strspn(text + at, " ");
        char head[40];
        snprintf(head, sizeof head, "%.*s", (int)at, text);
        indent = tw_width(head);
    }
    if (width < 8 || indent > width / 2)
        indent = width < 8 ? 0 : width / 2;
    te_buf b;
    te_init(&b);
    size_t n = 0;
    const te_row *rows = te_set(&b, text) ? te_layout(&b, width, &n) : NULL;
    if (!rows || n <= 1) {
        fn(arg, text);
        te_free(&b);
        return;
    }
    /* The first row as laid out; the rest again, narrower, under the indent. */
    size_t flen = rows[0].end - rows[0].start;
    while (flen && te_text(&b)[rows[0].start + flen - 1] == ' ')
        flen--; /* a wrapped row keeps its trailing space: not drawn */
    char *first = strndup(te_text(&b) + rows[0].start, flen);
    const char *rest = text + rows[0].end;
    rest += strspn(rest, " \n");
    if (first)
        fn(arg, first);
    free(first);
    te_buf r;
    te_init(&r);
    rows = te_set(&r, rest) ? te_layout(&r, width - indent, &n) : NULL;
    for (size_t i = 0; rows && i < n; i++) {
        int len = (int)(rows[i].end - rows[i].start);
        while (len && te_text(&r)[rows[i].start + (size_t)len - 1] == ' ')
            len--;
        char *row = malloc((size_t)indent + (size_t)len + 1);
        if (!row)
            break;
        memset(row, ' ', (size_t)indent);
        memcpy(row + indent, te_text(&r) + rows[i].start, (size_t)len);
        row[indent + len] = '\0';
        fn(arg, row);
        free(row);
    }
    te_free(&r);
    te_free(&b);
}
