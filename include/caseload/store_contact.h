/* Contacts, as stored: append-only rows, corrections linked by `corrects`,
 * and the queries the rules and views need. A contact is "effective" when no
 * other contact corrects it. */
#ifndef CASELOAD_STORE_CONTACT_H
#define CASELOAD_STORE_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/enforce.h"
#include "caseload/model.h"
#include "caseload/store.h"

/* Inserts c inside the caller's transaction. An empty c->id gets a new unique
 * id (written back); created_by/created_at are stamped from the store's actor
 * and clock (written back). Writes through store_put_contact (store_write.h).
 * CL_EDATA when the id exists or a link is broken. Read one back with
 * store_get_contact. */
int store_contact_insert(cl_store *st, cl_contact *c, cl_err *err);

/* The id of the contact that corrects id ("" when none). */
int store_contact_corrected_by(cl_store *st, const char *id, char *out, size_t len, cl_err *err);

/* An appointment's outcome, the one definition every user reads (logging,
 * the diary, cancel and move, transfer): the latest effective contact linked
 * to it that carries an outcome (AFTA included). *found false when none, or
 * when the outcome was withdrawn (corrected to no outcome); a correction to
 * another outcome is found as the outcome. out->notes is malloc'd. */
int store_appt_outcome_contact(cl_store *st, const char *appointment_id, cl_contact *out,
                               bool *found, cl_err *err);

/* Each appointment that has an outcome (store_appt_outcome_contact finds
 * one), once or more, in no order, for an importer holding them in memory.
 * fn returns 0 to go on; any other value stops the walk and is returned. */
typedef int (*store_appt_id_fn)(void *arg, const char *appointment_id);
int store_each_appt_with_outcome(cl_store *st, store_appt_id_fn fn, void *arg, cl_err *err);

/* Whether order_id has a requirement of this type in force on `on` (not
 * terminated on or before it). */
int store_order_has_requirement(cl_store *st, const char *order_id, const char *type, cl_date on, bool *out,
                                cl_err *err);

/* A person's contacts, newest first (date, time, then latest written), every
 * row including corrected ones; type/outcome filter when not NULL/empty.
 * corrected_by is "" for an effective row. The row is valid only during the
 * call; fn returns false to stop. limit 0 means no limit. */
typedef bool (*store_contact_fn)(void *arg, const cl_contact *c, const char *corrected_by);
int store_contact_each(cl_store *st, const char *crn, const char *type, const char *outcome,
                       size_t limit, store_contact_fn fn, void *arg, cl_err *err);

/* The effective contacts of a person that carry an outcome or an enforcement
 * action, as rows for enf_compute (strings valid during the call). */
typedef void (*store_enf_fn)(void *arg, const enf_row *row);
int store_contact_each_enf(cl_store *st, const char *crn, store_enf_fn fn, void *arg, cl_err *err);

/* A person's orders as (id, type), for the enforcement words. */
typedef void (*store_order_type_fn)(void *arg, const char *id, const char *type);
int store_order_types_each(cl_store *st, const char *crn, store_order_type_fn fn, void *arg, cl_err *err);

/* Booked appointments whose time (end, else start) has passed by (today, now)
 * with no effective contact carrying a decided outcome (none, or only the
 * pending outcome `pending`, e.g. AFTA). officer NULL or "" means everyone;
 * time order. pending_contact is the appointment's outcome contact (the
 * pending one) or "" when it has no outcome (never logged, or withdrawn). */
typedef struct store_outcome_needed_row {
    const cl_appointment *appt;
    const char *pending_contact;
    const char *pending_outcome;
} store_outcome_needed_row;
typedef bool (*store_outcome_needed_fn)(void *arg, const store_outcome_needed_row *row);
int store_outcome_needed_each(cl_store *st, const char *officer, cl_date today, int now_minutes,
                              const char *pending, store_outcome_needed_fn fn, void *arg, cl_err *err);


#endif
