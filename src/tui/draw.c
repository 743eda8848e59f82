/* Drawing helpers: every string goes through tw_fit, so columns line up
 * whatever the characters' display widths. */
#include <stdio.h>
#include <string.h>

#include "caseload/textwidth.h"
#include "tui/tui_int.h"

void tui_put(int y, int x, int w, int attr, const char *s)
{
    if (w <= 0)
        return;
    char buf[1024];
    tw_fit(s, w, buf, sizeof buf);
    attrset(attr);
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
}

void tui_put_right(int y, int x, int w, int attr, const char *s)
{
    if (w <= 0)
        return;
    char buf[1024];
    tw_fit_right(s, w, buf, sizeof buf);
    attrset(attr);
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
}

void tui_fill(int y, int x, int w, int attr)
{
    tui_put(y, x, w, attr, "");
}

typedef struct put_rows {
    int y, last, x, w, attr;
} put_rows;

static void put_row(void *arg, const char *row)
{
    put_rows *p = arg;
    if (p->y <= p->last)
        tui_put(p->y++, p->x, p->w, p->attr, row);
}

int tui_put_rows(int y, int last, int x, int w, int attr, const char *s)
{
    put_rows p = {y, last, x, w, attr};
    tw_wrap_rows(s, w, put_row, &p);
    return p.y;
}

int tui_put_keys(tui_view *v, int y, int last, int x, int w, int attr, const tui_key_line *items, size_t n)
{
    char line[512] = "";
    for (size_t i = 0; i < n; i++) {
        const char *key = tui_action_key(v, items[i].action);
        if (!key)
            continue;
        char item[256];
        snprintf(item, sizeof item, "%s: %s", key, items[i].words);
        size_t used = strlen(line);
        if (used && tw_width(line) + 3 + tw_width(item) > w) { /* the next row */
            if (y <= last)
                tui_put(y++, x, w, attr, line);
            line[0] = '\0';
            used = 0;
        }
        snprintf(line + used, sizeof line - used, "%s%s", used ? "   " : "", item);
    }
    if (line[0] && y <= last)
        tui_put(y++, x, w, attr, line);
    return y;
}
