/* Drafts: text saved as it is typed, keyed by officer, person, kind and a
 * reference (for a contact note: the appointment id, or ""). A draft is
 * removed in the same transaction that saves what it was typed for. */
#ifndef CASELOAD_STORE_DRAFT_H
#define CASELOAD_STORE_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/store.h"

#define DRAFT_KIND_CONTACT "contact"

typedef struct store_draft_key {
    const char *officer; /* who is typing (the app's `who`) */
    const char *crn;
    const char *kind;    /* DRAFT_KIND_CONTACT */
    const char *ref;     /* appointment id, or NULL/"" */
} store_draft_key;

/* Saves (replaces) the draft. Runs its own transaction unless one is open. */
int store_draft_save(cl_store *st, const store_draft_key *k, const char *fields, const char *body,
                     cl_err *err);
/* The same, keeping `at` ("YYYY-MM-DDTHH:MM"; NULL or "": now) as the time it
 * was typed: a draft put back together later is still a draft of then. */
int store_draft_save_at(cl_store *st, const store_draft_key *k, const char *fields, const char *body,
                        const char *at, cl_err *err);
/* The same without waiting: while another program holds the write lock it
 * fails at once with CL_EBUSY, so a draft written as keys are typed never
 * holds up the typing (the caller keeps the text and tries again later). */
int store_draft_try_save(cl_store *st, const store_draft_key *k, const char *fields, const char *body,
                         cl_err *err);
/* Loads the draft: *found false when there is none. *fields and *body are
 * malloc'd (free them); updated_at gets "YYYY-MM-DDTHH:MM" (20 bytes). */
int store_draft_load(cl_store *st, const store_draft_key *k, char **fields, char **body,
                     char *updated_at, bool *found, cl_err *err);
/* Removes the draft inside the caller's transaction (or alone when none is open). */
int store_draft_clear(cl_store *st, const store_draft_key *k, cl_err *err);

/* Every draft of an officer (for the offer to recover after a crash), newest
 * first. Strings are valid during the call; fn returns false to stop. */
typedef struct store_draft_info {
    const char *crn, *kind, *ref, *updated_at;
    size_t body_len;
} store_draft_info;
typedef bool (*store_draft_fn)(void *arg, const store_draft_info *d);
int store_draft_each(cl_store *st, const char *officer, store_draft_fn fn, void *arg, cl_err *err);

#endif
