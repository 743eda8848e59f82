/* The one way a number (hours, a requirement's length) is written as text:
 * in CSV exports, printed lists and on screens. */
#ifndef CASELOAD_NUMTEXT_H
#define CASELOAD_NUMTEXT_H

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

#endif
