/* A person's audit trail as the lines an officer reads, oldest first: the one
 * walk `caseload audit` prints and the record's audit trail screen shows, so
 * both show the same lines in the same order (words: audit_words.h). */
#ifndef CASELOAD_AUDIT_TRAIL_H
#define CASELOAD_AUDIT_TRAIL_H

#include <stddef.h>

#include "caseload/err.h"
#include "caseload/store.h"

/* What a trail with no line says. */
#define AUDIT_TRAIL_NONE "no changes recorded (records loaded by a bulk import are summarised without a person)"

/* One line: "2026-12-08 10:30 CDF02 ended registration 91 ...: reason".
 * head is the display columns of its "when who " part, so a screen that
 * wraps the line can put the rows after the first under the words. The line
 * lives until fn returns; a non-zero return stops the walk. */
typedef int (*audit_trail_fn)(void *arg, const char *line, int head);

/* Calls fn with each shown line of crn's trail (audit_line: the rows another
 * row says in full are left out), oldest first; *n (may be NULL) is set to
 * the lines shown. Returns CL_OK, fn's non-zero value, or an error with err. */
int audit_trail_each(cl_store *st, const char *crn, audit_trail_fn fn, void *arg, size_t *n, cl_err *err);

#endif
