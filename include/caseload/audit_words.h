/* The audit trail in words an officer can read, one line a change:
 * "2026-12-08 10:30 CDF02 ended registration 91 DOMESTIC ABUSE PERPETRATOR: victim moved away".
 * What each action says is one table (audit_words.c); `caseload audit` and any
 * screen that shows a person's history read it from here. */
#ifndef CASELOAD_AUDIT_WORDS_H
#define CASELOAD_AUDIT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/store_audit.h"

/* The words of one row, after when and who, into buf (cut short, ending in
 * "...", when len is too small). False, with buf "", when the row is one part
 * of a change that another row of the same action says in full (a move's new
 * appointment, a transfer's history row, the records a new CRN carried
 * along): such a row is not shown. */
bool audit_words(const store_audit_row *r, char *buf, size_t len);

/* When and who, "2026-12-08 10:30 CDF02 ", into buf (NULL when len is 0),
 * as snprintf: returns its length in bytes. */
int audit_head(const store_audit_row *r, char *buf, size_t len);

/* "2026-12-08 10:30 CDF02 " and the words; false as audit_words. A person's
 * whole trail in these lines: audit_trail.h. */
bool audit_line(const store_audit_row *r, char *buf, size_t len);

#endif
