/* The note editor's text and cursor, without a screen: a UTF-8 buffer, soft
 * wrapping to a width (at spaces where it can, never inside a character, wide
 * characters never split across rows, combining marks kept with their base),
 * and cursor movement by character, by screen row and by page. The curses
 * widget (src/tui/editor.c) only maps keys to these and draws the rows.
 * No curses: unit-tested in tests/unit/test_textedit.c. */
#ifndef CASELOAD_TEXTEDIT_H
#define CASELOAD_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One screen row: bytes [start, end) of the text. A wrapped row keeps its
 * trailing space; `last` marks the final row of a paragraph (its end is the
 * newline or the end of the text). */
typedef struct te_row {
    size_t start, end;
    bool last;
} te_row;

typedef struct te_buf {
    char *s;          /* NUL-terminated UTF-8 */
    size_t len, cap;
    size_t cur;       /* cursor: byte offset at a character boundary */
    int goal;         /* column kept while moving up and down; -1: none */
    te_row *rows;     /* layout cache for `width` */
    size_t nrows, rcap;
    int width;        /* 0: layout not valid */
    unsigned long version; /* bumped by every change of the text */
} te_buf;

void te_init(te_buf *b);
void te_free(te_buf *b);
/* Replaces the text (cursor at the end). false when out of memory. */
bool te_set(te_buf *b, const char *text);
const char *te_text(const te_buf *b);

/* Inserts UTF-8 text at the cursor (one key or a paste); CR becomes LF.
 * false when out of memory or the text is not valid UTF-8. */
bool te_insert(te_buf *b, const char *s, size_t n);
/* Inserts one code point (a key). */
bool te_insert_cp(te_buf *b, uint32_t cp);
/* Deletes the character (with its combining marks) before / under the cursor. */
void te_backspace(te_buf *b);
void te_delete(te_buf *b);

/* Rows for a width (columns, >= 1); valid until the next change. */
const te_row *te_layout(te_buf *b, int width, size_t *n);
/* The cursor's screen row and column at a width. */
void te_cursor(te_buf *b, int width, size_t *row, int *col);

void te_left(te_buf *b);
void te_right(te_buf *b);
void te_up(te_buf *b, int width);
void te_down(te_buf *b, int width);
void te_home(te_buf *b, int width);  /* start of the screen row */
void te_end(te_buf *b, int width);   /* end of the screen row */
void te_page_up(te_buf *b, int width, int page);
void te_page_down(te_buf *b, int width, int page);
void te_top(te_buf *b);
void te_bottom(te_buf *b);

#endif
