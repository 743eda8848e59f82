/* Growable arrays: the one doubling rule every list in caseload uses. */
#ifndef CASELOAD_GROW_H
#define CASELOAD_GROW_H

#include <stddef.h>

/* Doubles *cap (at least 16 items of size bytes) and reallocates items.
 * Returns the new block, or NULL when out of memory, in which case items
 * and *cap are left as they were (still owned by the caller). */
void *cl_grow(void *items, size_t *cap, size_t size);

#endif
