/* A person's orders as contacts and appointments see them: which orders are
 * running on a day, and the order a contact defaults to. The one meaning of
 * "current order" for every way a contact is logged (the log form, `caseload
 * log`, a diary outcome). */
#ifndef CASELOAD_ORDERS_H
#define CASELOAD_ORDERS_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/dates.h"
#include "caseload/err.h"
#include "caseload/model.h"
#include "caseload/store.h"

/* Where an order stands on day d: terminated on or before d; else ended
 * (its end date, when it has one, is before d: an order that ended but was
 * never marked terminated); else pending (sentenced, or for a licence
 * released, after d); else running. The one rule: the store's SQL calls it
 * too (cl_order_ended, the due list's orders), so it is defined in
 * src/store/order_state.c. */
typedef enum { ORDER_PENDING, ORDER_RUNNING, ORDER_ENDED, ORDER_TERMINATED } order_state;
order_state order_state_on(const cl_order *o, cl_date d);
/* Running on d (a contact on d may be on it). */
bool order_running(const cl_order *o, cl_date d);
/* Ended or terminated by d: nothing more falls due on it from d (a pending
 * order has not ended: its first appointment is due). */
bool order_ended(const cl_order *o, cl_date d);

/* The person's orders, newest sentence first: a malloc'd array of *n (free
 * it; NULL when none). */
int order_list(cl_store *st, const char *crn, cl_order **out, size_t *n, cl_err *err);

/* The order a contact or appointment of crn on day d defaults to: the only
 * order running on d, into id; id "" when none or more than one runs (the
 * officer then chooses). */
int order_default(cl_store *st, const char *crn, cl_date d, char *id, size_t len, cl_err *err);

#endif
