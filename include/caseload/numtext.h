/* The one way a number (hours, a requirement's length) is written as text
 * (in CSV exports, printed lists and on screens) and read from text (import,
 * forms). */
#ifndef CASELOAD_NUMTEXT_H
#define CASELOAD_NUMTEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Longest text num_format writes, with its NUL. */
#define NUM_TEXT_LEN 32

/* Writes v into buf as a person or a spreadsheet reads it: plain decimal
 * (60, 260, 7.5, 0.25, 1234567), the fewest digits that read back (strtod)
 * as exactly v. Only values no one types (1e21 and more, or below 1e-7)
 * keep an exponent. A negative v has a minus sign; NaN and infinity are
 * empty text. buf needs NUM_TEXT_LEN bytes; a shorter buf gets empty text.
 * Returns buf. */
char *num_format(double v, char *buf, size_t len);

/* Reads a plain decimal as people type one: digits, then optionally a point
 * and more digits (30, 7.5, 0.25). Refused: signs, spaces, hex (0x10), an
 * exponent (6e+01), inf, nan, trailing text, more than NUM_MAX_INT digits
 * before the point or NUM_MAX_FRAC after it (so what is read is always
 * written back by num_format as the same plain decimal). */
#define NUM_MAX_INT 15
#define NUM_MAX_FRAC 6
bool num_parse(const char *s, double *out);
/* The words for a refused number: "'0x10' is not a plain number (such as 30 or 7.5)". */
#define NUM_PLAIN_WORDS "a plain number (such as 30 or 7.5)"

#endif
