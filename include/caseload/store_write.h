/* Writing and reading whole records of every kind: the one place that turns
 * the model.h structs into rows and back. Import, booking, contact logging and
 * court intake all write through these, so every write keeps the same rules
 * (upsert by natural key, audit by trigger, contacts append-only).
 *
 * Writers run inside the caller's transaction (store_begin .. store_commit) and
 * return CL_ESOFTWARE when there is none. Empty text ("") is stored as NULL.
 * Empty values in the structs: dates CL_DATE_NONE, times -1, numbers < 0. */
#ifndef CASELOAD_STORE_WRITE_H
#define CASELOAD_STORE_WRITE_H

#include <stdbool.h>

#include "caseload/calendar.h"
#include "caseload/model.h"
#include "caseload/store.h"

/* What a put did. */
typedef enum { STORE_INSERTED = 0, STORE_UPDATED, STORE_UNCHANGED } store_put_res;

/* The record kinds, in the order a caseload is loaded (each refers only to kinds before it). */
typedef enum {
    STORE_OFFICE = 0,
    STORE_STAFF,
    STORE_OFFENDER,
    STORE_ORDER,
    STORE_REQUIREMENT,
    STORE_REGISTRATION,
    STORE_APPOINTMENT,
    STORE_CONTACT,
    STORE_REPORT,
    STORE_HOLIDAY,
    STORE_SETTING,
    STORE_KINDS_N
} store_kind;

/* Inside the load's transaction, before its first row: when the kind's table
 * is empty (a first load), its secondary indexes and triggers are dropped
 * until store_bulk_finish creates them again from their own definitions
 * (sqlite_schema), and every row must be new (*fast true). Call
 * store_bulk_finish before the commit; a rollback undoes the drop too. */
int store_bulk_first_load(cl_store *st, store_kind kind, bool *fast, cl_err *err);
int store_bulk_finish(cl_store *st, cl_err *err);

/* Upsert by natural key (CONVENTIONS.md): insert when the key is new, update
 * when any stored value differs (the audit trigger keeps the changed values, old -> new),
 * else nothing. res may be NULL.
 * - office: hours empty (-1) mean 09:00 and 17:00.
 * - offender: status empty means active; a change of officer stamps allocated_at, a
 *   change to closed stamps closed_at/closed_by.
 * - registration: key (crn, type, start_date); registered_by empty means the current
 *   actor on insert and "keep" on update; v->id is ignored.
 * - appointment: office empty means the officer's office; status empty means booked;
 *   created_by/created_at are stamped on insert.
 * - contact: append-only. A new id is inserted (created_by/created_at empty mean the
 *   current actor and time); the same id with the same content is STORE_UNCHANGED;
 *   different content is CL_EDATA "contacts cannot be changed: add a correction".
 * - report: status empty means requested.
 * - setting: key (scope, key); the value is stored as given (the importer
 *   checks it against timescale.h first). */
int store_put_office(cl_store *st, const cl_office *v, store_put_res *res, cl_err *err);
int store_put_staff(cl_store *st, const cl_staff *v, store_put_res *res, cl_err *err);
int store_put_offender(cl_store *st, const cl_offender *v, store_put_res *res, cl_err *err);
int store_put_order(cl_store *st, const cl_order *v, store_put_res *res, cl_err *err);
int store_put_requirement(cl_store *st, const cl_requirement *v, store_put_res *res, cl_err *err);
int store_put_registration(cl_store *st, const cl_registration *v, store_put_res *res, cl_err *err);
int store_put_appointment(cl_store *st, const cl_appointment *v, store_put_res *res, cl_err *err);
int store_put_contact(cl_store *st, const cl_contact *v, store_put_res *res, cl_err *err);
int store_put_report(cl_store *st, const cl_report *v, store_put_res *res, cl_err *err);
int store_put_holiday(cl_store *st, const cl_holiday *v, store_put_res *res, cl_err *err);
int store_put_setting(cl_store *st, const cl_setting *v, store_put_res *res, cl_err *err);

/* True when a record of kind with this single key exists (registrations: by id
 * as text; settings: scope and key joined by a space). */
bool store_exists(cl_store *st, store_kind kind, const char *key);

/* Reading one record by key: CL_OK, CL_ENOINPUT when there is none, or an error.
 * Records with notes own them afterwards: free with cl_*_clear. */
int store_get_office(cl_store *st, const char *code, cl_office *out, cl_err *err);
int store_get_staff(cl_store *st, const char *code, cl_staff *out, cl_err *err);
int store_get_offender(cl_store *st, const char *crn, cl_offender *out, cl_err *err);
int store_get_order(cl_store *st, const char *id, cl_order *out, cl_err *err);
int store_get_requirement(cl_store *st, const char *id, cl_requirement *out, cl_err *err);
/* Registrations by their natural key (store_reg_get reads one by id). */
int store_get_registration(cl_store *st, const char *crn, const char *type, cl_date start,
                           cl_registration *out, cl_err *err);
int store_get_appointment(cl_store *st, const char *id, cl_appointment *out, cl_err *err);
int store_get_contact(cl_store *st, const char *id, cl_contact *out, cl_err *err);
int store_get_report(cl_store *st, const char *id, cl_report *out, cl_err *err);

/* Every record of a kind in natural-key order (registrations: crn, type,
 * start_date; settings: scope, key, only those with a value). fn returns 0
 * to go on; any other value stops the walk and is returned. The record (and its notes, which point into SQLite's row buffer)
 * is valid only during the call: copy what you keep, never free it. */
typedef int (*store_each_fn)(void *arg, const void *record);
int store_each(cl_store *st, store_kind kind, store_each_fn fn, void *arg, cl_err *err);

/* Every key of a kind (registrations: the id as text; settings: as
 * store_exists), in no order, for an importer checking many references at
 * once; crn is the person whose record it is for orders and appointments (a
 * row must be the person's who refers to it), NULL for other kinds; appt is
 * what an outcome's rules read of an appointment (appt_outcome.h), NULL for
 * other kinds. Same contract as store_each. */
typedef struct store_key_appt {
    cl_date date;
    int start;
    const char *type, *status; /* NULL when the column is */
} store_key_appt;
typedef int (*store_key_fn)(void *arg, const char *key, const char *crn, const store_key_appt *appt);
int store_each_key(cl_store *st, store_kind kind, store_key_fn fn, void *arg, cl_err *err);

/* Number of records of a kind (for progress and tests). -1 on error. */
long long store_count(cl_store *st, store_kind kind);

/* Every record of kind belonging to one person (orders, requirements via their
 * orders, registrations, appointments, contacts, reports), in the order the
 * record shows them (contacts newest first). Same contract as store_each. */
int store_each_of_person(cl_store *st, store_kind kind, const char *crn, store_each_fn fn, void *arg,
                         cl_err *err);

#endif
