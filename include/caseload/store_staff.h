/* Staff lookups used across the core. */
#ifndef CASELOAD_STORE_STAFF_H
#define CASELOAD_STORE_STAFF_H

#include <stdbool.h>

#include "caseload/store.h"

/* True when a staff member with this code exists (case-sensitive). */
bool store_staff_exists(cl_store *st, const char *code);
/* Staff code whose code matches login case-insensitively; false when none. */
bool store_staff_by_login(cl_store *st, const char *login, char *code, size_t len);

#endif
