/* Display width of UTF-8 text on a terminal: the one helper every column,
 * truncation and padding uses (mbrtowc + wcwidth), so wide characters (CJK),
 * combining accents (Zoë typed as e + U+0308) and names like Siân Llŷr Ó
 * Ceallaigh line up. Needs the locale set (setlocale(LC_ALL, "")). Never splits
 * a multibyte character. No curses: unit-tested in tests/unit/test_textwidth.c. */
#ifndef CASELOAD_TEXTWIDTH_H
#define CASELOAD_TEXTWIDTH_H

#include <stddef.h>

/* Columns s takes on screen. Invalid bytes count as one column each;
 * control characters count as one (they are shown as '?'). */
int tw_width(const char *s);

/* Copies into buf (len bytes) the longest prefix of s that fits in `width`
 * columns, then pads with spaces to exactly `width` columns. When s did not fit
 * the last column shows '~' so a cut name is never mistaken for a whole one.
 * Control characters become '?'. Returns buf. */
char *tw_fit(const char *s, int width, char *buf, size_t len);

/* As tw_fit but right-aligned (numbers). */
char *tw_fit_right(const char *s, int width, char *buf, size_t len);

/* Byte length of the longest prefix of s that fits in `width` columns
 * (combining characters after the last fitting one are kept with it). */
size_t tw_prefix_bytes(const char *s, int width);

/* Byte offset of the start of the UTF-8 character before offset `at` in s
 * (0 when at is 0): Backspace in a text field removes one whole character. */
size_t tw_prev_char(const char *s, size_t at);

/* Fits a list joined by sep ("MAPPA 2/2; STAFF; DA; CP") into width columns
 * without cutting an item: as many whole items as fit, then " +N" for the N
 * left out, so nothing is dropped silently. When not even the first item and
 * its "+N" fit, the first item is cut (tw_fit) and "+N" kept when possible.
 * Returns buf (not padded). */
char *tw_fit_list(const char *joined, const char *sep, int width, char *buf, size_t len);

/* One line of wrapped text: its byte offset and length in the text. */
typedef struct tw_span {
    size_t off, len;
} tw_span;

/* Word-wraps s into lines of at most `width` columns, so a long message is
 * shown whole instead of cut: a line breaks at the last space that fits (the
 * spaces there are dropped), '\n' always starts a new line, and a word wider
 * than a line (a long path) is broken where the line is full, never inside a
 * character. Fills up to max spans and returns the number of lines in all. */
size_t tw_wrap(const char *s, int width, tw_span *lines, size_t max);

/* One line of text as rows of at most `width` columns (tw_wrap), so a long
 * end reason or note is read whole instead of cut with '~': the first row
 * keeps the text's leading spaces, the rows after it are indented under the
 * value of a short "Label: value" line, else two columns past the text's own
 * indent (at most half the width). Trailing spaces are not kept; a text that
 * fits is passed whole. Calls fn with each row (valid during the call). */
typedef void (*tw_row_fn)(void *arg, const char *row);
void tw_wrap_rows(const char *text, int width, tw_row_fn fn, void *arg);
/* The same with the rows after the first `indent` columns in (at most half
 * the width); indent < 0 is tw_wrap_rows's own. For typed text after a label
 * of the program's: a colon in what was typed must not move its rows. */
void tw_wrap_rows_under(const char *text, int width, int indent, tw_row_fn fn, void *arg);
/* The indent tw_wrap_rows gives the rows after the first of text. */
int tw_row_indent(const char *text);

#endif
