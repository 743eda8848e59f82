/* Reading the audit trail: who changed what, and when, for one person. The
 * trail itself is written by triggers (schema.c) and store_audit (db.c). */
#ifndef CASELOAD_STORE_AUDIT_H
#define CASELOAD_STORE_AUDIT_H

#include "caseload/err.h"
#include "caseload/store.h"

typedef struct store_audit_row {
    long long id;
    const char *at;     /* YYYY-MM-DDTHH:MM */
    const char *who;
    const char *action; /* insert, update, import, ... */
    const char *entity; /* offender, contact, ... */
    const char *key;    /* the record's natural key ("" when none) */
    const char *detail; /* JSON of the old values on update, or text; "" when none */
} store_audit_row;

/* Called once per row, oldest first; the strings live until it returns.
 * A non-zero return stops the walk and is returned. */
typedef int (*store_audit_fn)(void *arg, const store_audit_row *row);

/* Every audit row about the person crn, oldest first. Returns CL_OK, fn's
 * non-zero value, or an error code with err set. */
int store_audit_each(cl_store *st, const char *crn, store_audit_fn fn, void *arg, cl_err *err);

#endif
