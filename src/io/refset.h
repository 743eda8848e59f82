/* Every key of one kind already in the database, held in memory for an
 * import that checks many references to it: a probe here costs a tenth of a
 * query (national contacts refer to 1.6 million appointments one by one).
 * Keys are kept exactly (no false "found"): an arena of NUL-terminated keys
 * and an open-addressed table of (hash, offset) pairs, at most 70% full.
 * Orders and appointments keep their person after the key; appointments then
 * what their outcome's rules read (appt_outcome.h) in 6 bytes, and whether
 * they have an outcome, loaded with them (store_each_appt_with_outcome). */
#ifndef CASELOAD_IO_REFSET_H
#define CASELOAD_IO_REFSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "caseload/store_write.h"
#include "io/textarena.h"

typedef struct refset {
    text_arena keys; /* each key, then its person's CRN when owned */
    uint32_t *slot; /* slot i: slot[2i] the hash's low half, slot[2i+1] offset + 1 (0 = empty) */
    size_t n, cap;
    bool owned;     /* the keys are orders or appointments: each has its person (store_each_key) */
    bool appts;     /* the keys are appointments: each has its facts too (6 bytes) */
} refset;

/* What an appointment's outcome rules read of it (appt_outcome_facts). */
typedef struct refset_appt_facts {
    cl_date date;
    int start;
    const char *type, *status; /* codes */
    bool outcome;              /* it had an outcome when loaded, or was marked since */
    unsigned char *at;         /* where the set holds them (NULL: not from a set) */
} refset_appt_facts;

void refset_free(refset *r);
/* Fills r (empty) with every key of kind: CL_OK, or an error (r left empty). */
int refset_load(refset *r, cl_store *st, store_kind kind, cl_err *err);
bool refset_has(const refset *r, const char *key);
/* The CRN of the person whose order key is (an order's rule: case_order_of);
 * NULL when the key is not held or the kind has no person. */
const char *refset_owner(const refset *r, const char *key);
/* The person of appointment key (as refset_owner) and its facts into out,
 * in one probe; NULL when not held, or a fact is outside the reference
 * tables (ask the database). */
const char *refset_appt(const refset *r, const char *key, refset_appt_facts *out);
/* From now on the appointment of f (from refset_appt) has an outcome (a row
 * of the import gave it one). */
void refset_appt_mark(refset_appt_facts *f);

#endif
