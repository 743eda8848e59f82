/* Store queries behind the caseload list, the search and the record: people
 * by scope, the search lookups (FTS5 names, CRN, PNC, date of birth), THE next
 * appointment, the last contact, and order progress. */
#ifndef CASELOAD_STORE_CASE_H
#define CASELOAD_STORE_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/model.h"
#include "caseload/store.h"

/* A person as lists show them (no address or notes). */
typedef struct store_person_row {
    char crn[CL_CODE_LEN], surname[CL_NAME_LEN], forenames[CL_NAME_LEN];
    cl_date dob;
    char pnc[24], tier[4], officer[CL_CODE_LEN], office[CL_CODE_LEN], status[8];
} store_person_row;

/* Return non-zero to stop; the row is valid only during the call. */
typedef int (*store_person_fn)(void *arg, const store_person_row *row);

typedef enum { STORE_SCOPE_OFFICER, STORE_SCOPE_OFFICE, STORE_SCOPE_ALL } store_scope;

/* People of an officer or office (code), or everyone (code ignored), in
 * surname order from the index, at most limit rows. Closed cases only when
 * with_closed. */
int store_people(cl_store *st, store_scope scope, const char *code, bool with_closed, size_t limit,
                 store_person_fn fn, void *arg, cl_err *err);

/* Search lookups, at most limit rows each, in no particular order (the caller
 * sorts the screenful: an ORDER BY over every match of a one-letter prefix
 * costs 25-40 ms at national scale).
 * fts: an FTS5 MATCH expression (built by search.c from quoted tokens). */
int store_search_fts(cl_store *st, const char *fts, size_t limit, store_person_fn fn, void *arg, cl_err *err);
/* CRN or PNC starting with prefix (already upper-case), by index range. */
int store_search_crn(cl_store *st, const char *prefix, size_t limit, store_person_fn fn, void *arg, cl_err *err);
int store_search_pnc(cl_store *st, const char *prefix, size_t limit, store_person_fn fn, void *arg, cl_err *err);
int store_search_dob(cl_store *st, cl_date dob, size_t limit, store_person_fn fn, void *arg, cl_err *err);

/* THE next appointment of a person: the first booked appointment at or after
 * (today, now_minutes), so today's later appointments count as next. Used by
 * the diary, the record, `show` and the caseload list. Returns CL_OK and
 * *found; out->notes is NULL (not loaded). */
int store_next_appointment(cl_store *st, const char *crn, cl_date today, int now_minutes,
                           cl_appointment *out, bool *found, cl_err *err);

/* The last contact (CONVENTIONS.md): the latest contact whose outcome is
 * attended, or whose type counts as contact by itself (phone, letter, email
 * from or with the person); CL_DATE_NONE when none. The codes come from the
 * reference tables (ref.h). */
int store_last_contact(cl_store *st, const char *crn, cl_date *out, cl_err *err);

/* Progress on an order: unpaid work minutes done (durations of CUPA contacts
 * with an attended and acceptable outcome) and RAR days used (distinct dates
 * of contacts marked rar). */
int store_order_progress(cl_store *st, const char *order_id, int *upw_minutes, int *rar_days, cl_err *err);

/* A staff member's name ("" when unknown). */
void store_staff_name(cl_store *st, const char *code, char *buf, size_t len);

#endif
