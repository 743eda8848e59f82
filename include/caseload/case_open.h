/* The one rule every write to a person's contacts, registrations and
 * appointments shares, whichever front end asks: a closed case is read-only.
 * The CSV import of historical records writes through store_put_* and is not
 * subject to it (a closed case's history must load). */
#ifndef CASELOAD_CASE_OPEN_H
#define CASELOAD_CASE_OPEN_H

#include "caseload/err.h"
#include "caseload/store.h"

/* CL_OK when crn is an open case; CL_EDATA "the case of NAME (CRN) is closed:
 * read-only" when closed; CL_ENOINPUT "no person with CRN X" when unknown. */
int case_check_open(cl_store *st, const char *crn, cl_err *err);
/* CL_OK when crn is a person, open or closed; else CL_ENOINPUT as above. */
int case_check_exists(cl_store *st, const char *crn, cl_err *err);
/* CL_OK when order_id is empty or one of crn's orders; CL_EDATA "order: "
 * and case_order_of's words otherwise, before a write would fail on the
 * database's reference check with no field named. */
int case_check_order(cl_store *st, const char *crn, const char *order_id, cl_err *err);
/* The rule itself, for a caller that already knows the record's person (the
 * import reads every order's and appointment's person into memory): CL_OK
 * when owner is crn; else CL_EDATA "order O2 is X100002's, not X100001's"
 * (CASE_NOT_PERSONS, with the record's noun), or "X100001 has no order O2"
 * when owner is NULL (no such record). The caller names the field.
 * `caseload check` reports stored rows in the same words. */
int case_record_of(const char *noun, const char *crn, const char *key, const char *owner, cl_err *err);
/* case_record_of for an order. */
int case_order_of(const char *crn, const char *order_id, const char *owner, cl_err *err);
#define CASE_NOT_PERSONS "%s %s is %s's, not %s's"

/* A CRN as typed, made the stored form in place: letters upper-cased (the
 * search accepts x100001, so every command does). The one place for it. */
char *case_crn_normalise(char *crn);
/* A staff or office code as typed (cdf02, cdf), made the stored form in
 * place: upper-cased, on the command line and in every screen's prompt. */
char *case_code_normalise(char *code);
/* CL_OK when code is a staff member's; else CL_EUSAGE in the one wording for
 * an unknown officer, "officer 'CDF99' is not a staff code". */
int case_check_staff(cl_store *st, const char *code, cl_err *err);
#define CASE_UNKNOWN_STAFF "officer '%s' is not a staff code"

#endif
