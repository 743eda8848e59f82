/* The list widget: columns laid out by display width, a selected row kept in
 * view, and the movement keys every list shares. */
#include <string.h>

#include <stdint.h>

#include "caseload/textwidth.h"
#include "tui/tui_int.h"

void tui_columns_layout(const tui_column *cols, size_t n, int total, int *out)
{
    int fixed = 0, flex = -1;
    for (size_t i = 0; i < n; i++) {
        if (cols[i].width == 0 && flex < 0)
            flex = (int)i;
        else
            fixed += cols[i].width;
    }
    int gaps = n > 0 ? (int)n - 1 : 0;
    int left = total - fixed - gaps;
    for (size_t i = 0; i < n; i++)
        out[i] = cols[i].width;
    if (flex >= 0)
        out[flex] = left > 0 ? left : 0;
    /* Past its max the flexible column hands the rest to the spare columns
     * (so risk flags and a diary's location widen before names), a column
     * at a time in turn so each gets its share, and takes back what they
     * cannot use. */
    if (flex >= 0 && cols[flex].max > 0 && out[flex] > cols[flex].max) {
        int extra = out[flex] - cols[flex].max;
        out[flex] = cols[flex].max;
        for (bool gave = true; extra > 0 && gave;) {
            gave = false;
            for (size_t i = 0; i < n && extra > 0; i++)
                if (cols[i].spare && (cols[i].max <= 0 || out[i] < cols[i].max)) {
                    out[i]++, extra--;
                    gave = true;
                }
        }
        out[flex] += extra;
    }
    /* Too narrow: shrink from the right so the first columns stay whole. */
    int over = fixed + gaps + (flex >= 0 ? out[flex] : 0) - total;
    for (size_t i = n; over > 0 && i-- > 0;) {
        int take = out[i] < over ? out[i] : over;
        out[i] -= take;
        over -= take;
    }
}

void tui_list_fit(tui_list *l, const tui_column *table, tui_column *out)
{
    size_t nc = l->ncols < 32 ? l->ncols : 32;
    for (size_t i = 0; i < nc; i++) {
        out[i] = table[i];
        l->widths[i] = 256; /* the cells as they are, not yet fitted to a column */
    }
    l->cols = out;
    for (size_t col = 0; col < nc; col++) {
        if (table[col].width == 0)
            continue;
        int w = tw_width(table[col].title);
        for (size_t row = 0; row < l->n && w < table[col].width; row++) {
            char buf[512] = "";
            tui_colour role = TC_NORMAL;
            l->cell(l->arg, row, col, buf, sizeof buf, &role);
            int cw = tw_width(buf);
            if (cw > w)
                w = cw;
        }
        if (w < out[col].width)
            out[col].width = w;
    }
}

void tui_list_set_count(tui_list *l, size_t n)
{
    l->n = n;
    if (l->sel >= n)
        l->sel = n ? n - 1 : 0;
    if (l->top > l->sel)
        l->top = l->sel;
}

void tui_list_reselect(tui_list *l, size_t n, size_t sel, size_t top, size_t at)
{
    l->sel = sel;
    l->top = top;
    if (at != SIZE_MAX) {
        size_t line = sel >= top ? sel - top : 0;
        l->sel = at;
        l->top = at >= line ? at - line : 0;
    }
    /* Never rows hidden above for nothing: a selection that fits on the
     * first screenful shows the list from its first row (a sort or the week
     * view can put the most urgent rows first, above the one kept). */
    if (l->page > 0 && l->sel < (size_t)l->page)
        l->top = 0;
    tui_list_set_count(l, n);
}

void tui_list_mark(const tui_list *l, tui_row_key_fn key, void *arg, tui_list_place *at)
{
    at->sel = l->sel;
    at->top = l->top;
    at->key[0] = '\0';
    if (l->sel < l->n)
        key(arg, l->sel, at->key, sizeof at->key);
}

void tui_list_restore(tui_list *l, size_t n, tui_row_key_fn key, void *arg, const tui_list_place *at)
{
    size_t now = SIZE_MAX;
    for (size_t i = 0; at->key[0] && i < n && now == SIZE_MAX; i++) {
        char k[sizeof at->key] = "";
        key(arg, i, k, sizeof k);
        if (!strcmp(k, at->key))
            now = i;
    }
    tui_list_reselect(l, n, at->sel, at->top, now);
}

static void keep_visible(tui_list *l, int rows)
{
    if (rows < 1)
        rows = 1;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + (size_t)rows)
        l->top = l->sel - (size_t)rows + 1;
    /* No blank rows under the list while rows are hidden above it (a list
     * read again can put the selection near its end with the top kept). */
    if (l->top + (size_t)rows > l->n)
        l->top = l->n > (size_t)rows ? l->n - (size_t)rows : 0;
}

void tui_list_draw(tui_list *l, tui_ctx *c, tui_rect r, bool header)
{
    int w[32];
    size_t nc = l->ncols < 32 ? l->ncols : 32;
    tui_columns_layout(l->cols, nc, r.w, w);
    for (size_t i = 0; i < nc; i++)
        l->widths[i] = w[i];
    int y = r.y;
    if (header) {
        int x = r.x;
        tui_fill(y, r.x, r.w, tui_attr(c, TC_HEADER));
        for (size_t i = 0; i < nc; i++) {
            if (l->cols[i].right)
                tui_put_right(y, x, w[i], tui_attr(c, TC_HEADER), l->cols[i].title);
            else
                tui_put(y, x, w[i], tui_attr(c, TC_HEADER), l->cols[i].title);
            x += w[i] + 1;
        }
        y++;
    }
    int rows = r.h - (header ? 1 : 0);
    l->page = rows;
    if (l->n == 0) {
        if (rows > 0)
            tui_put(y, r.x, r.w, A_NORMAL, l->empty ? l->empty : "(nothing to show)");
        return;
    }
    keep_visible(l, rows);
    for (int i = 0; i < rows && l->top + (size_t)i < l->n; i++) {
        size_t row = l->top + (size_t)i;
        bool sel = row == l->sel;
        int x = r.x;
        int base = sel ? tui_attr(c, TC_SELECTED) : (int)A_NORMAL;
        tui_fill(y + i, r.x, r.w, base);
        for (size_t col = 0; col < nc; col++) {
            char buf[512] = "";
            tui_colour role = TC_NORMAL;
            l->cell(l->arg, row, col, buf, sizeof buf, &role);
            /* The selected row stays reverse; a role's meaning is also in its words. */
            int attr = sel ? base | (role != TC_NORMAL ? (int)A_BOLD : 0) : tui_attr(c, role);
            if (l->cols[col].right)
                tui_put_right(y + i, x, w[col], attr, buf);
            else
                tui_put(y + i, x, w[col], attr, buf);
            x += w[col] + 1;
        }
    }
}

tui_rect tui_list_draw_detail(tui_list *l, tui_ctx *c, tui_rect r, const char *text, int attr, int min_rows,
                              int max_rows)
{
    enum { MAX_ROWS = 8 };
    tw_span span[MAX_ROWS];
    max_rows = max_rows < 1 ? 1 : max_rows > MAX_ROWS ? MAX_ROWS : max_rows;
    size_t n = tw_wrap(text, r.w, span, (size_t)max_rows);
    int rows = (int)n < min_rows ? min_rows : (int)n > max_rows ? max_rows : (int)n;
    if (rows > r.h - 2) /* the header and a row of the list first */
        rows = r.h > 3 ? r.h - 2 : 1;
    tui_rect lr = r;
    lr.h = r.h > rows ? r.h - rows : r.h;
    tui_list_draw(l, c, lr, true);
    int shown = (size_t)rows < n ? rows : (int)n;
    for (int i = 0; i < shown; i++) {
        bool last = i == shown - 1;
        char row[1536];
        snprintf(row, sizeof row, "%.*s", last ? (int)strlen(text + span[i].off) : (int)span[i].len,
                 text + span[i].off);
        tui_put(r.y + r.h - shown + i, r.x, r.w, attr, row);
    }
    return lr;
}

void tui_flags_cell(const char *flags, const char *enforcement, bool staff_banner, int width, char *buf, size_t len,
                    tui_colour *role)
{
    char joined[512];
    risk_flags_fit(risk_flags_join(flags, enforcement, joined, sizeof joined), width, buf, len);
    *role = staff_banner ? TC_STAFF : joined[0] ? TC_FLAG : TC_NORMAL;
}

bool tui_list_action(tui_list *l, tui_action a)
{
    size_t page = l->page > 0 ? (size_t)l->page : 1;
    size_t half = page / 2 ? page / 2 : 1;
    size_t last = l->n ? l->n - 1 : 0;
    switch (a) {
    case TA_DOWN: if (l->sel < last) l->sel++; break;
    case TA_UP: if (l->sel > 0) l->sel--; break;
    case TA_TOP: l->sel = 0; break;
    case TA_BOTTOM: l->sel = last; break;
    case TA_HALF_DOWN: l->sel = l->sel + half > last ? last : l->sel + half; break;
    case TA_HALF_UP: l->sel = l->sel > half ? l->sel - half : 0; break;
    case TA_PAGE_DOWN:
        l->sel = l->sel + page > last ? last : l->sel + page;
        l->top = l->top + page > last ? l->top : l->top + page;
        break;
    case TA_PAGE_UP:
        l->sel = l->sel > page ? l->sel - page : 0;
        l->top = l->top > page ? l->top - page : 0;
        break;
    default: return false;
    }
    return true;
}
