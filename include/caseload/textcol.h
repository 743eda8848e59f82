/* Fixed-width text columns for printouts: UTF-8 aware (a column is a code
 * point; combining accents take none), independent of the locale. */
#ifndef CASELOAD_TEXTCOL_H
#define CASELOAD_TEXTCOL_H

#include <stddef.h>

/* Columns the text takes. */
int tcol_width(const char *s);
/* s cut to at most width columns (never inside a character), then padded
 * with spaces to exactly width; written into out (NUL-terminated). */
char *tcol_fit(char *out, size_t outlen, const char *s, int width);

#endif
