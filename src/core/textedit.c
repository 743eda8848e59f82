/* The note editor's buffer and layout (textedit.h). */
#include "caseload/textedit.h"
#include "caseload/grow.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* One character at s[i] (n bytes left): its code point and byte length;
 * an invalid byte is a character of its own (shown as one column). */
static size_t char_at(const char *s, size_t n, wchar_t *wc)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t k = mbrtowc(wc, s, n, &st);
    if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
        *wc = L'?';
        return 1;
    }
    return k;
}

static int char_width(wchar_t wc)
{
    if (wc == L'\t')
        return 1; /* drawn as a space */
    int w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

/* The end of the cluster starting at i (a character and its combining marks)
 * and its width. i < end. */
static size_t cluster_end(const te_buf *b, size_t i, size_t end, int *width)
{
    wchar_t wc;
    size_t j = i + char_at(b->s + i, end - i, &wc);
    int w = char_width(wc);
    if (wc == L'\n') {
        *width = 0;
        return j;
    }
    while (j < end) {
        size_t k = char_at(b->s + j, end - j, &wc);
        if (wc == L'\n' || wc == L'\t' || wcwidth(wc) != 0)
            break;
        j += k;
    }
    *width = w;
    return j;
}

/* Start of the cluster that ends at i (i > 0). */
static size_t cluster_start_before(const te_buf *b, size_t i)
{
    /* Walk from the start of the row's paragraph: clusters are only known going forward. */
    size_t p = i;
    while (p > 0 && b->s[p - 1] != '\n')
        p--;
    if (p == i)
        return i - 1; /* just after a newline: the newline itself */
    size_t last = p;
    int w;
    for (size_t q = p; q < i; q = cluster_end(b, q, b->len, &w))
        last = q;
    return last;
}

void te_init(te_buf *b)
{
    memset(b, 0, sizeof *b);
    b->goal = -1;
}

void te_free(te_buf *b)
{
    free(b->s);
    free(b->rows);
    te_init(b);
}

static bool reserve(te_buf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s)
        return false;
    if (!b->s)
        s[0] = '\0';
    b->s = s, b->cap = cap;
    return true;
}

static void changed(te_buf *b)
{
    b->width = 0;
    b->version++;
}

const char *te_text(const te_buf *b) { return b->s ? b->s : ""; }

bool te_set(te_buf *b, const char *text)
{
    b->len = 0;
    b->cur = 0;
    if (!reserve(b, 0))
        return false;
    b->s[0] = '\0';
    changed(b);
    return te_insert(b, text, strlen(text));
}

static bool valid_utf8(const char *s, size_t n)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t i = 0;
    while (i < n) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &st);
        if (k == (size_t)-1 || k == (size_t)-2)
            return false;
        i += k ? k : 1;
    }
    return true;
}

bool te_insert(te_buf *b, const char *s, size_t n)
{
    if (!valid_utf8(s, n) || !reserve(b, n))
        return false;
    memmove(b->s + b->cur + n, b->s + b->cur, b->len - b->cur + 1);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            continue; /* CRLF from a paste or a file */
        b->s[b->cur + out++] = s[i] == '\r' ? '\n' : s[i];
    }
    if (out < n)
        memmove(b->s + b->cur + out, b->s + b->cur + n, b->len - b->cur + 1);
    b->len += out;
    b->cur += out;
    b->goal = -1;
    changed(b);
    return true;
}

bool te_insert_cp(te_buf *b, uint32_t cp)
{
    char buf[MB_LEN_MAX];
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t k = wcrtomb(buf, (wchar_t)cp, &st);
    if (k == (size_t)-1)
        return false;
    return te_insert(b, buf, k);
}

static void erase(te_buf *b, size_t from, size_t to)
{
    memmove(b->s + from, b->s + to, b->len - to + 1);
    b->len -= to - from;
    b->cur = from;
    b->goal = -1;
    changed(b);
}

void te_backspace(te_buf *b)
{
    if (b->cur > 0)
        erase(b, cluster_start_before(b, b->cur), b->cur);
}

void te_delete(te_buf *b)
{
    int w;
    if (b->cur < b->len)
        erase(b, b->cur, cluster_end(b, b->cur, b->len, &w));
}

static bool push_row(te_buf *b, size_t start, size_t end, bool last)
{
    if (b->nrows == b->rcap) {
        te_row *r = cl_grow(b->rows, &b->rcap, sizeof *r);
        if (!r)
            return false;
        b->rows = r;
    }
    b->rows[b->nrows++] = (te_row){start, end, last};
    return true;
}

static int width_of(const te_buf *b, size_t from, size_t to)
{
    int col = 0, w;
    for (size_t i = from; i < to; i = cluster_end(b, i, to, &w), col += w)
        ;
    return col;
}

/* Content of a row fits in width - 1 columns, so the cursor after the last
 * character (and a wrapped row's trailing space) still fits on screen. */
static void lay_out(te_buf *b, int width)
{
    b->nrows = 0;
    int wc = width > 1 ? width - 1 : 1;
    size_t p = 0;
    for (;;) {
        const char *nl = b->len > p ? memchr(b->s + p, '\n', b->len - p) : NULL;
        size_t q = nl ? (size_t)(nl - b->s) : b->len;
        size_t start = p, brk = 0, i = p;
        int col = 0;
        while (i < q) {
            int w;
            size_t j = cluster_end(b, i, q, &w);
            if (col + w > wc && i > start) {
                size_t end = brk > start ? brk : i;
                if (!push_row(b, start, end, false))
                    return;
                start = end;
                brk = 0;
                col = width_of(b, start, i);
                continue;
            }
            col += w;
            if (b->s[i] == ' ')
                brk = j;
            i = j;
        }
        if (!push_row(b, start, q, true))
            return;
        if (!nl)
            break;
        p = q + 1;
    }
    b->width = width;
}

const te_row *te_layout(te_buf *b, int width, size_t *n)
{
    if (width < 1)
        width = 1;
    if (!b->s && !reserve(b, 0)) {
        *n = 0;
        return NULL;
    }
    if (b->width != width)
        lay_out(b, width);
    *n = b->nrows;
    return b->rows;
}

/* The row holding byte offset pos. */
static size_t row_of(te_buf *b, int width, size_t pos)
{
    size_t n;
    const te_row *r = te_layout(b, width, &n);
    for (size_t i = 0; i < n; i++)
        if (pos >= r[i].start && (pos < r[i].end || (r[i].last && pos == r[i].end)))
            return i;
    return n ? n - 1 : 0;
}

void te_cursor(te_buf *b, int width, size_t *row, int *col)
{
    size_t r = row_of(b, width, b->cur);
    *row = r;
    *col = b->nrows ? width_of(b, b->rows[r].start, b->cur) : 0;
}

void te_left(te_buf *b)
{
    if (b->cur > 0)
        b->cur = cluster_start_before(b, b->cur);
    b->goal = -1;
}

void te_right(te_buf *b)
{
    int w;
    if (b->cur < b->len)
        b->cur = cluster_end(b, b->cur, b->len, &w);
    b->goal = -1;
}

/* The byte offset in row r nearest to column col (not past the row's end;
 * a wrapped row's end belongs to the next row, so stop before it). */
static size_t offset_at(te_buf *b, size_t r, int col)
{
    const te_row *row = &b->rows[r];
    size_t i = row->start;
    int c = 0, w;
    while (i < row->end) {
        size_t j = cluster_end(b, i, row->end, &w);
        if (c + w > col || (!row->last && j == row->end))
            break;
        c += w;
        i = j;
    }
    return i;
}

static void move_rows(te_buf *b, int width, long delta)
{
    size_t r;
    int col;
    te_cursor(b, width, &r, &col);
    if (b->goal < 0)
        b->goal = col;
    long t = (long)r + delta;
    if (t < 0) {
        b->cur = 0;
        return;
    }
    if ((size_t)t >= b->nrows) {
        b->cur = b->len;
        return;
    }
    b->cur = offset_at(b, (size_t)t, b->goal);
}

void te_up(te_buf *b, int width) { move_rows(b, width, -1); }
void te_down(te_buf *b, int width) { move_rows(b, width, 1); }
void te_page_up(te_buf *b, int width, int page) { move_rows(b, width, -(long)(page > 1 ? page - 1 : 1)); }
void te_page_down(te_buf *b, int width, int page) { move_rows(b, width, page > 1 ? page - 1 : 1); }

void te_home(te_buf *b, int width)
{
    size_t r = row_of(b, width, b->cur);
    b->cur = b->nrows ? b->rows[r].start : 0;
    b->goal = -1;
}

void te_end(te_buf *b, int width)
{
    size_t r = row_of(b, width, b->cur);
    if (b->nrows)
        b->cur = offset_at(b, r, 1 << 30);
    b->goal = -1;
}

void te_top(te_buf *b)
{
    b->cur = 0;
    b->goal = -1;
}

void te_bottom(te_buf *b)
{
    b->cur = b->len;
    b->goal = -1;
}
