/* The diary written out: a print-ready text day list (80 columns, paged),
 * CSV, and iCalendar. One module for every place that writes a diary (the
 * `diary` command, `p` on a diary screen). */
#ifndef CASELOAD_DIARY_OUT_H
#define CASELOAD_DIARY_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "caseload/sched.h"

#define DIARY_PAGE_LINES 60 /* lines per printed page, header included */
#define DIARY_WIDTH 80

/* The CSV columns, in order: the documented ones first. */
extern const char *const DIARY_CSV_COLUMNS[];
extern const size_t DIARY_CSV_COLUMNS_N;

/* Text: pages separated by form feeds, each with a header naming the office
 * or officer, the date(s), "Page N of M" and the printed time (now). */
int diary_write_text(FILE *f, const sched_day *d, const cl_clock *now, cl_err *err);
int diary_write_csv(FILE *f, const sched_day *d, cl_err *err);
/* RFC 5545: CRLF, lines folded at 75 octets, UIDs from appointment ids,
 * DTSTAMP from now (converted to UTC), times in Europe/London with its
 * VTIMEZONE. People are named by CRN only unless names is true. */
int diary_write_ics(FILE *f, const sched_day *d, const cl_clock *now, bool names, cl_err *err);

/* The whole text into a malloc'd string (for printing); NULL on failure. */
char *diary_text_string(const sched_day *d, const cl_clock *now, size_t *len, cl_err *err);

#endif
