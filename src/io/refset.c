#include "io/refset.h"

#include <stdlib.h>
#include <string.h>

#include "io/keyset.h"

void refset_free(refset *r)
{
    text_arena_free(&r->keys);
    free(r->slot);
    *r = (refset){0};
}

static void place(refset *r, uint32_t lo, uint32_t off1)
{
    size_t mask = r->cap - 1;
    size_t i = lo & mask;
    while (r->slot[2 * i + 1])
        i = (i + 1) & mask;
    r->slot[2 * i] = lo;
    r->slot[2 * i + 1] = off1;
}

static bool grow_slots(refset *r)
{
    size_t cap = r->cap ? r->cap * 2 : 1024;
    uint32_t *old = r->slot;
    size_t old_cap = r->cap;
    if (!(r->slot = calloc(cap, 2 * sizeof *r->slot))) {
        r->slot = old;
        return false;
    }
    r->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[2 * i + 1])
            place(r, old[2 * i], old[2 * i + 1]);
    free(old);
    return true;
}

#define NO_MEMORY (-1) /* stops the walk */

/* A key of the walk; keys met twice (none, from a primary key) are kept twice.
 * An order's person follows its key in the arena. */
static int add(void *arg, const char *key, const char *crn)
{
    refset *r = arg;
    if ((r->n + 1) * 10 > r->cap * 7 && !grow_slots(r))
        return NO_MEMORY;
    size_t at = text_arena_add(&r->keys, key, strlen(key));
    if (at != TEXT_ARENA_FULL && crn) {
        r->owned = true;
        if (text_arena_add(&r->keys, crn, strlen(crn)) == TEXT_ARENA_FULL)
            return NO_MEMORY;
    }
    if (at == TEXT_ARENA_FULL || at >= UINT32_MAX)
        return NO_MEMORY; /* offsets are 32 bits: 4 GB of keys */
    place(r, (uint32_t)keyset_hash(key), (uint32_t)(at + 1));
    r->n++;
    return 0;
}

int refset_load(refset *r, cl_store *st, store_kind kind, cl_err *err)
{
    *r = (refset){0};
    int rc = store_each_key(st, kind, add, r, err);
    if (rc == NO_MEMORY)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK)
        refset_free(r);
    return rc;
}

/* The key as stored, or NULL. */
static const char *find(const refset *r, const char *key)
{
    if (!r->cap)
        return NULL;
    uint32_t lo = (uint32_t)keyset_hash(key);
    size_t mask = r->cap - 1;
    for (size_t i = lo & mask; r->slot[2 * i + 1]; i = (i + 1) & mask) {
        const char *k = r->keys.text + r->slot[2 * i + 1] - 1;
        if (r->slot[2 * i] == lo && !strcmp(k, key))
            return k;
    }
    return NULL;
}

bool refset_has(const refset *r, const char *key)
{
    return find(r, key) != NULL;
}

const char *refset_owner(const refset *r, const char *key)
{
    const char *k = r->owned ? find(r, key) : NULL;
    return k ? k + strlen(k) + 1 : NULL;
}
