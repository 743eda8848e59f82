/* The setting table: office defaults that an office may change (timescales
 * not fixed nationally). scope is an office code, or "*" for every office. */
#ifndef CASELOAD_STORE_SETTING_H
#define CASELOAD_STORE_SETTING_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/store.h"

/* Copies the value into buf; *found false (buf "") when there is no row. */
int store_setting_get(cl_store *st, const char *scope, const char *key, char *buf, size_t len,
                      bool *found, cl_err *err);
/* Every setting with a value (a small table), in no particular order. */
typedef void (*store_setting_fn)(void *arg, const char *scope, const char *key, const char *value);
int store_setting_each(cl_store *st, store_setting_fn fn, void *arg, cl_err *err);
/* Sets (or with value NULL clears) one setting, inside the caller's transaction. */
int store_setting_set(cl_store *st, const char *scope, const char *key, const char *value, cl_err *err);

#endif
