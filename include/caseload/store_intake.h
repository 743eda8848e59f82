/* Store side of court intake: duplicate candidates, new references and ids,
 * and replacing a provisional reference by the real CRN. */
#ifndef CASELOAD_STORE_INTAKE_H
#define CASELOAD_STORE_INTAKE_H

#include "caseload/model.h"
#include "caseload/store.h"

/* People with this date of birth, or with either PNC spelling. Strings valid during the call. */
typedef void (*store_intake_person_fn)(void *arg, const cl_offender *o);
int store_intake_by_dob(cl_store *st, cl_date dob, store_intake_person_fn fn, void *arg, cl_err *err);
/* Who other than crn (NULL: anyone) holds pnc, as stored: holder gets the
 * first such CRN, or "" when none. */
int store_pnc_holder(cl_store *st, const char *pnc, const char *crn, char *holder, size_t len, cl_err *err);
int store_intake_by_pnc(cl_store *st, const char *pnc1, const char *pnc2, store_intake_person_fn fn,
                        void *arg, cl_err *err);

/* A provisional reference not yet used: prefix and six random digits
 * (random, not a counter, so that two offline copies do not pick the same). */
int store_intake_new_ref(cl_store *st, const char *prefix, char *out, size_t len, cl_err *err);
/* A new random record id: prefix and 12 hex digits. */
int store_intake_new_id(cl_store *st, char prefix, char *out, size_t len, cl_err *err);

/* Renames a person's CRN: every record follows (ON UPDATE CASCADE), drafts too.
 * In the caller's transaction. */
int store_intake_rename(cl_store *st, const char *old_crn, const char *new_crn, cl_err *err);

#endif
