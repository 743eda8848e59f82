/* PNC (Police National Computer) numbers. Stored as YYYY/NNNNNNNL: the year
 * the record was created, a seven-digit serial zero-padded, a check letter
 * (2000/0491869D). Officers write them short (00/491869D): every PNC typed or
 * read goes through pnc_normalise so the stored form is what is compared. */
#ifndef CASELOAD_PNC_H
#define CASELOAD_PNC_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/dates.h"

/* A two-digit PNC year as four digits: a PNC year is when the record was made,
 * never after today, so 00 to this year's two digits are 20xx, the rest 19xx. */
int pnc_full_year(int yy, cl_date today);

/* in (spaces ignored, any case) as the stored form: a 2- or 4-digit year, '/',
 * 1 to 7 serial digits and a check letter, the year from 1900 to this year.
 * True when in is such a PNC; else
 * false with out holding in upper-cased without spaces ("" for empty). out
 * may be in. */
bool pnc_normalise(const char *in, cl_date today, char *out, size_t len);

/* Why in is not a PNC, in words ("its year is after this year ..."), or NULL
 * when it is one. */
const char *pnc_problem(const char *in, cl_date today);

/* A person's PNC, as the court intake and the import check it: pnc_normalise
 * (out: the stored form), and a year not before the year of birth born
 * (CL_DATE_NONE: not checked; 27/1234567A reads as 1927, before a 1990 birth).
 * False with why in words ("its year (read as 1927) is before the year of
 * birth (1990) ...") when it is not one. */
bool pnc_check(const char *in, cl_date today, cl_date born, char *out, size_t len, char *why, size_t wlen);

/* A PNC number identifies one person nationally: a second holder is refused
 * (intake, import) and reported (`check`) in these words. */
#define PNC_ONE_PERSON "a PNC number is one person's"

#endif
