/* Reading the audit trail: who changed what, and when, for one person. The
 * trail itself is written by triggers (schema.c) and store_audit (db.c); its
 * words are audit_words.h's. */
#ifndef CASELOAD_STORE_AUDIT_H
#define CASELOAD_STORE_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/err.h"
#include "caseload/store.h"

/* One named value of a row: a changed column (old -> new; old NULL on an
 * insert), or a member of the row's detail (value in old, new NULL). */
typedef struct store_audit_field {
    const char *name;
    const char *old; /* NULL: none */
    const char *new_; /* NULL: none */
} store_audit_field;

typedef struct store_audit_row {
    long long id;
    const char *at;     /* YYYY-MM-DDTHH:MM */
    const char *who;
    const char *action; /* insert, update, import, crn-replaced, override */
    const char *entity; /* offender, contact, ... */
    const char *key;    /* the record's natural key ("" when none) */
    const char *detail; /* text, or JSON: the old values of every column on an
                         * update written before schema 8; "" when none */
    const char *act;     /* the action it is part of (store_action), "" when none */
    const char *reason;  /* the action's reason, "" when none */
    const char *via;     /* where it came from ("import up.csv"), "" when none */
    const char *subject; /* the record as an officer knows it, "" when none */
    bool old_form;       /* an update written before schema 8: only old values */
    const store_audit_field *changes; /* the changed columns */
    size_t nchanges;
    const store_audit_field *fields; /* detail's members, when it is a JSON object */
    size_t nfields;
} store_audit_row;

/* Called once per row, oldest first; the strings live until it returns.
 * A non-zero return stops the walk and is returned. */
typedef int (*store_audit_fn)(void *arg, const store_audit_row *row);

/* Every audit row about the person crn, oldest first. Returns CL_OK, fn's
 * non-zero value, or an error code with err set. */
int store_audit_each(cl_store *st, const char *crn, store_audit_fn fn, void *arg, cl_err *err);

/* The CRN that replaced a provisional reference (set-crn), into out (len
 * bytes). CL_ENOINPUT when old was never replaced. */
int store_audit_replaced_by(cl_store *st, const char *old, char *out, size_t len, cl_err *err);

#endif
