/* A registration in full: its notes and its review history (read back from
 * the audit trail), as the record's R section, `caseload show`,
 * `caseload register --list` and the registrations screen's detail view show
 * them. One set of words for all of them. */
#ifndef CASELOAD_REG_HISTORY_H
#define CASELOAD_REG_HISTORY_H

#include <stddef.h>

#include "caseload/err.h"
#include "caseload/model.h"
#include "caseload/record.h"
#include "caseload/store.h"

/* One review: the day it was done (as typed; NONE when not kept, before
 * schema 6), who recorded it, when (YYYY-MM-DDTHH:MM, the audit fact), the
 * review date it was due on and the next one it set. */
typedef struct reg_review_rec {
    char at[20], who[64];
    cl_date was, next, on;
} reg_review_rec;

typedef struct reg_reviews {
    reg_review_rec *v;
    size_t n, cap;
} reg_reviews;

/* The reviews of registration id, oldest first. */
int reg_reviews_load(cl_store *st, long long id, reg_reviews *out, cl_err *err);
void reg_reviews_free(reg_reviews *r);

/* "reviewed on 2026-12-01 by CDF02 at 2026-12-08T10:30: was due 2026-10-16,
 * next review 2027-06-08" ("reviewed by CDF02 at ..." when the day it was
 * done was not kept). Returns buf. */
char *reg_review_words(const reg_review_rec *r, char *buf, size_t len);

/* The registration's type in words with its category or level
 * ("MAPPA Category 2, Level 2", "HIGH ROSH"); the code when unknown. */
char *reg_words(const cl_registration *g, char *buf, size_t len);

/* The lines under a registration's one-line summary, indented: its last
 * review ("    Last review: 2026-12-01") once it has had one, its notes
 * ("    Notes: ...", every line of them) and each review ("    Reviewed on
 * ..."). Nothing when it has none of them. rv may be NULL. */
void reg_more_lines(const cl_registration *g, const reg_reviews *rv, record_line_fn fn, void *arg);

/* Every field of one registration, one per line (number and type, category
 * and level, from and who registered it, next review or how it ended, last
 * review, notes, review history): the registrations screen's detail view. */
void reg_detail_lines(const cl_registration *g, const reg_reviews *rv, record_line_fn fn, void *arg);

#endif
