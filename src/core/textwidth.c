/* Display width of UTF-8 text (see textwidth.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "caseload/textwidth.h"

/* One step: the character at s (n bytes available). Sets *bytes to its length
 * and returns its width; a control or invalid byte is one column shown '?'. */
static int step(const char *s, size_t n, size_t *bytes, int *bad)
{
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, n, &ps);
    *bad = 0;
    if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
        *bytes = 1;
        *bad = 1;
        return 1;
    }
    *bytes = r;
    int w = wcwidth(wc);
    if (w < 0) { /* control character */
        *bad = 1;
        return 1;
    }
    return w;
}

int tw_width(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    int w = 0;
    while (n > 0) {
        size_t b;
        int bad;
        w += step(s, n, &b, &bad);
        s += b;
        n -= b;
    }
    return w;
}

/* Bytes of the longest prefix fitting in width columns; *used its width. */
static size_t prefix(const char *s, int width, int *used)
{
    size_t n = strlen(s), off = 0;
    int w = 0;
    while (off < n) {
        size_t b;
        int bad;
        int cw = step(s + off, n - off, &b, &bad);
        if (w + cw > width)
            break;
        w += cw;
        off += b;
    }
    *used = w;
    return off;
}

size_t tw_prefix_bytes(const char *s, int width)
{
    int used;
    return prefix(s, width, &used);
}

/* Appends src[0..n) to buf at *pos, replacing bad characters by '?'. */
static void put(char *buf, size_t len, size_t *pos, const char *src, size_t n)
{
    size_t off = 0;
    while (off < n) {
        size_t b;
        int bad;
        step(src + off, n - off, &b, &bad);
        if (bad) {
            if (*pos + 1 < len)
                buf[(*pos)++] = '?';
        } else if (*pos + b < len) {
            memcpy(buf + *pos, src + off, b);
            *pos += b;
        }
        off += b;
    }
    buf[*pos] = '\0';
}

static void pad(char *buf, size_t len, size_t *pos, int cols)
{
    while (cols-- > 0 && *pos + 1 < len)
        buf[(*pos)++] = ' ';
    buf[*pos] = '\0';
}

char *tw_fit(const char *s, int width, char *buf, size_t len)
{
    size_t pos = 0;
    if (!len)
        return buf;
    buf[0] = '\0';
    if (!s)
        s = "";
    if (width <= 0)
        return buf;
    int full = tw_width(s);
    if (full <= width) {
        put(buf, len, &pos, s, strlen(s));
        pad(buf, len, &pos, width - full);
        return buf;
    }
    int used;
    size_t cut = prefix(s, width - 1, &used);
    put(buf, len, &pos, s, cut);
    pad(buf, len, &pos, width - 1 - used); /* a wide character that did not fit */
    if (pos + 1 < len)
        buf[pos++] = '~';
    buf[pos] = '\0';
    return buf;
}

char *tw_fit_right(const char *s, int width, char *buf, size_t len)
{
    int w = tw_width(s ? s : "");
    if (w >= width)
        return tw_fit(s, width, buf, len);
    size_t pos = 0;
    if (!len)
        return buf;
    buf[0] = '\0';
    pad(buf, len, &pos, width - w);
    put(buf, len, &pos, s, strlen(s));
    return buf;
}

size_t tw_prev_char(const char *s, size_t at)
{
    if (at == 0)
        return 0;
    size_t i = at - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

char *tw_fit_list(const char *joined, const char *sep, int width, char *buf, size_t len)
{
    if (!len)
        return buf;
    buf[0] = '\0';
    if (!joined || !*joined || width <= 0)
        return buf;
    if (tw_width(joined) <= width) {
        snprintf(buf, len, "%s", joined);
        return buf;
    }
    size_t seplen = strlen(sep), items = 1;
    for (const char *p = strstr(joined, sep); p; p = strstr(p + seplen, sep))
        items++;
    /* Take whole items while they and the "+N" for the rest fit. */
    size_t taken = 0, end = 0;
    const char *p = joined;
    for (size_t i = 0; i < items; i++) {
        const char *q = strstr(p, sep);
        size_t stop = q ? (size_t)(q - joined) : strlen(joined);
        char head[512], more[32];
        snprintf(head, sizeof head, "%.*s", (int)stop, joined);
        snprintf(more, sizeof more, " +%zu", items - i - 1);
        int w = tw_width(head) + (i + 1 < items ? tw_width(more) : 0);
        if (w > width)
            break;
        taken = i + 1;
        end = stop;
        if (!q)
            break;
        p = q + seplen;
    }
    char more[32];
    if (taken == 0) { /* the first item alone is too wide: cut it, keep the count */
        snprintf(more, sizeof more, " +%zu", items - 1);
        int mw = tw_width(more) < width ? tw_width(more) : 0;
        char first[512];
        const char *q = strstr(joined, sep);
        snprintf(first, sizeof first, "%.*s", q ? (int)(q - joined) : (int)strlen(joined), joined);
        char cut[512];
        tw_fit(first, width - mw, cut, sizeof cut);
        snprintf(buf, len, "%s%s", cut, mw ? more : "");
        return buf;
    }
    snprintf(more, sizeof more, " +%zu", items - taken);
    snprintf(buf, len, "%.*s%s", (int)end, joined, more);
    return buf;
}

size_t tw_wrap(const char *s, int width, tw_span *lines, size_t max)
{
    size_t n = 0;
    if (!s)
        return 0;
    if (width < 1)
        width = 1;
    const char *p = s;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t line = strcspn(p, "\n"), fit = 0;
        int used = 0;
        while (fit < line) { /* combining marks (width 0) stay with their letter */
            size_t b;
            int bad, cw = step(p + fit, line - fit, &b, &bad);
            if (used + cw > width)
                break;
            used += cw;
            fit += b;
        }
        if (fit < line) { /* break after the last space that fits */
            size_t sp = fit;
            while (sp > 0 && p[sp] != ' ')
                sp--;
            if (sp > 0)
                fit = sp;
        }
        if (fit == 0 && line > 0) { /* one character wider than the line */
            int bad;
            step(p, line, &fit, &bad);
        }
        if (n < max)
            lines[n] = (tw_span){(size_t)(p - s), fit};
        n++;
        p += fit;
        if (*p == '\n')
            p++;
    }
    return n;
}

/* Calls fn with s[l] less its trailing spaces, after indent spaces. */
static void put_row(const char *s, tw_span l, int indent, tw_row_fn fn, void *arg)
{
    while (l.len && s[l.off + l.len - 1] == ' ')
        l.len--;
    char *row = malloc((size_t)indent + l.len + 1);
    if (!row)
        return;
    memset(row, ' ', (size_t)indent);
    memcpy(row + indent, s + l.off, l.len);
    row[(size_t)indent + l.len] = '\0';
    fn(arg, row);
    free(row);
}

int tw_row_indent(const char *text)
{
    int indent = (int)strspn(text, " ") + 2;
    /* "Label:   value" (a short label): the rows go under the value. */
    const char *colon = strstr(text, ": ");
    if (colon && colon - text < 32) {
        size_t at = (size_t)(colon - text) + 2;
        at += strspn(text + at, " ");
        char head[40];
        snprintf(head, sizeof head, "%.*s", (int)at, text);
        indent = tw_width(head);
    }
    return indent;
}

void tw_wrap_rows(const char *text, int width, tw_row_fn fn, void *arg)
{
    tw_wrap_rows_under(text, width, -1, fn, arg);
}

void tw_wrap_rows_under(const char *text, int width, int indent, tw_row_fn fn, void *arg)
{
    size_t lead = strspn(text, " ");
    if (indent < 0)
        indent = tw_row_indent(text);
    if (width < 8 || indent > width / 2)
        indent = width < 8 ? 0 : width / 2;
    /* The first row after the leading spaces, in the columns they leave. */
    tw_span first;
    if (tw_wrap(text + lead, width - (int)lead, &first, 1) <= 1) {
        fn(arg, text);
        return;
    }
    size_t end = lead + first.off + first.len;
    put_row(text, (tw_span){0, end}, 0, fn, arg);
    /* The rest again, narrower, under the indent. */
    const char *rest = text + end;
    rest += strspn(rest, " \n");
    size_t n = tw_wrap(rest, width - indent, NULL, 0);
    tw_span *rows = malloc((n ? n : 1) * sizeof *rows);
    if (!rows)
        return;
    tw_wrap(rest, width - indent, rows, n);
    for (size_t i = 0; i < n; i++)
        put_row(rest, rows[i], indent, fn, arg);
    free(rows);
}
