/* A set of record keys seen in one import, for "duplicate key inside the
 * file": 64-bit hashes with the line of first sight, in one open-addressed
 * table (no allocation per key; grows by doubling; 12 bytes a slot, at most
 * 70% full: about 100 MB for five million contacts). Two different keys share
 * a 64-bit hash with odds of about 1 in 10^12 at national scale. */
#ifndef CASELOAD_IO_KEYSET_H
#define CASELOAD_IO_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct keyset {
    /* Slot i is slot[3i..3i+2]: the hash's low and high halves (both 0 =
     * empty) and the first line seen (lines past 4 billion are not reported
     * exactly); one slot, one cache miss. */
    uint32_t *slot;
    size_t n, cap;
} keyset;

void keyset_init(keyset *k);
void keyset_free(keyset *k);
/* Adds key (seen on line); returns 0 when new, the earlier line when seen
 * before, -1 when out of memory. */
long keyset_add(keyset *k, const char *key, long line);
/* Whether key was added (or another key of the same 64-bit hash). */
bool keyset_has(const keyset *k, const char *key);
/* The hash it keeps (never 0), shared with refset.c. */
uint64_t keyset_hash(const char *key);

#endif
