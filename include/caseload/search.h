/* The instant search: what the officer typed becomes one indexed lookup:
 * surname/forename/alias prefixes (accent-insensitive through the FTS5 index:
 * `sian` finds Siân), a CRN (or its prefix), a PNC number (or its prefix;
 * `00/491869d` finds 2000/0491869D: pnc.h), or a date of birth (`1990-03-07`,
 * `07/03/1990`, `7/3/1990`, `7/3/90`: date_parse_past). The first SEARCH_LIMIT
 * matches are taken unordered and sorted by name in C: ordering every match
 * of a one-letter prefix in SQL costs 25-40 ms at 250,000 people. */
#ifndef CASELOAD_SEARCH_H
#define CASELOAD_SEARCH_H

#include "caseload/caseload.h"

#define SEARCH_LIMIT 50

typedef enum {
    SEARCH_EMPTY = 0, SEARCH_NAME, SEARCH_CRN, SEARCH_PNC, SEARCH_DOB, SEARCH_PARTIAL, SEARCH_NOT_DATE
} search_kind;

typedef struct search_query {
    search_kind kind;
    char fts[512];    /* SEARCH_NAME: `"sian"* "llyr"*` (tokens quoted, never raw user syntax) */
    char prefix[32];  /* SEARCH_CRN / SEARCH_PNC: upper-cased prefix; a whole PNC as stored */
    char serial[8];   /* SEARCH_PNC being typed: prefix is "YYYY/", these the serial digits so far */
    cl_date dob;      /* SEARCH_DOB */
    /* What was looked up when it is not what was typed, for the status line:
     * "born 1982-06-01" for 1/6/82 (the century taken), "PNC 2000/0491869D". */
    char looked_up[40];
} search_query;

/* Works out what text is. SEARCH_PARTIAL: a date half typed (nothing to look
 * up yet); SEARCH_NOT_DATE: written as a date but no more typing can make it
 * one (31/2/82, 31/2/, 1990-13: nothing is looked up). today settles
 * two-digit years (dates of birth, PNC years). */
search_kind search_parse(const char *text, cl_date today, search_query *q);
/* "name", "CRN", "PNC", "date of birth" ... for the status line. */
const char *search_kind_words(search_kind k);
/* The search's title into buf: "search: sian (name, 1 match)", "search:
 * 00/491869d (PNC 2000/0491869D, 1 match)", "search: 31/2/82 is not a
 * date" (n rows shown, more: there were more). When wider than width display
 * columns the typed text gives way (cut, marked '~'): what was looked up and
 * the count stay whole. Returns buf. */
char *search_title(const char *text, cl_date today, size_t n, bool more, int width, char *buf, size_t len);
/* Runs the search: replaces out's rows with the matches (closed cases
 * included, marked), sorted by name; out->truncated when there were more. */
int search_run(cl_app *app, const char *text, case_list *out, cl_err *err);

#endif
