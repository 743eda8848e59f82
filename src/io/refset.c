#include "io/refset.h"

#include <stdlib.h>
#include <string.h>

#include "caseload/ref.h"
#include "caseload/store_contact.h"
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

/* An appointment's facts, after its person's CRN, in APPT_BYTES: the date
 * (days + DATE_BIAS) in bytes 0-2; the start (minutes, 11 bits) and the type
 * (its index in REF_CONTACT_TYPES, 5 bits) in bytes 3-4; the status (its
 * index in REF_APPT_STATUS, 2 bits), whether it has an outcome (HAS_OUTCOME)
 * and whether any fact did not fit (NOT_HELD: ask the database) in byte 5. */
#define APPT_BYTES 6
#define DATE_BIAS (1L << 23)
#define NO_TYPE 31
#define HAS_OUTCOME 0x04
#define NOT_HELD 0x08

/* The walk: the set, and the last type met with its index (a person's
 * appointments are mostly of one type; the walk meets two million). */
typedef struct walk {
    refset *r;
    char type[8];
    size_t type_i;
} walk;

static size_t type_index(walk *w, const char *code)
{
    if (!code)
        return NO_TYPE;
    if (!strcmp(code, w->type))
        return w->type_i;
    const ref_contact_type *t = ref_find_contact_type(code);
    size_t i = t ? (size_t)(t - REF_CONTACT_TYPES) : NO_TYPE;
    if (strlen(code) < sizeof w->type)
        strcpy(w->type, code), w->type_i = i;
    return i;
}

static void encode(walk *w, const store_key_appt *a, unsigned char *b)
{
    size_t type = type_index(w, a->type);
    size_t status = REF_APPT_STATUS.n;
    for (size_t i = 0; a->status && i < REF_APPT_STATUS.n && status == REF_APPT_STATUS.n; i++)
        if (!strcmp(a->status, REF_APPT_STATUS.items[i].code))
            status = i;
    long date = a->date == CL_DATE_NONE ? -1 : (long)a->date + DATE_BIAS;
    bool fits = type < NO_TYPE && status < REF_APPT_STATUS.n && status < 4 && a->start >= 0 && a->start < 2048 &&
                date >= 0 && date < 2 * DATE_BIAS;
    if (!fits)
        date = 0, type = 0, status = 0;
    unsigned st = fits ? (unsigned)a->start : 0;
    b[0] = (unsigned char)date, b[1] = (unsigned char)(date >> 8), b[2] = (unsigned char)(date >> 16);
    b[3] = (unsigned char)st, b[4] = (unsigned char)((st >> 8) | type << 3);
    b[5] = (unsigned char)(status | (fits ? 0 : NOT_HELD));
}

/* A key of the walk; keys met twice (none, from a primary key) are kept twice.
 * An order's or appointment's person follows its key in the arena, then an
 * appointment's facts. */
static int add(void *arg, const char *key, const char *crn, const store_key_appt *appt)
{
    walk *w = arg;
    refset *r = w->r;
    if ((r->n + 1) * 10 > r->cap * 7 && !grow_slots(r))
        return NO_MEMORY;
    size_t at = text_arena_add(&r->keys, key, strlen(key));
    if (at != TEXT_ARENA_FULL && crn) {
        r->owned = true;
        if (text_arena_add(&r->keys, crn, strlen(crn)) == TEXT_ARENA_FULL)
            return NO_MEMORY;
    }
    if (at != TEXT_ARENA_FULL && crn && appt) {
        unsigned char b[APPT_BYTES];
        encode(w, appt, b);
        r->appts = true;
        if (text_arena_add_bytes(&r->keys, (const char *)b, sizeof b) == TEXT_ARENA_FULL)
            return NO_MEMORY;
    }
    if (at == TEXT_ARENA_FULL || at >= UINT32_MAX)
        return NO_MEMORY; /* offsets are 32 bits: 4 GB of keys */
    place(r, (uint32_t)keyset_hash(key), (uint32_t)(at + 1));
    r->n++;
    return 0;
}

static int mark(void *arg, const char *key)
{
    refset_appt_facts f;
    if (refset_appt(arg, key, &f))
        refset_appt_mark(&f);
    return 0;
}

int refset_load(refset *r, cl_store *st, store_kind kind, cl_err *err)
{
    *r = (refset){0};
    walk w = {.r = r, .type_i = NO_TYPE};
    int rc = store_each_key(st, kind, add, &w, err);
    if (rc == CL_OK && r->appts)
        rc = store_each_appt_with_outcome(st, mark, r, err);
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

const char *refset_appt(const refset *r, const char *key, refset_appt_facts *out)
{
    const char *k = r->appts ? find(r, key) : NULL;
    if (!k)
        return NULL;
    const char *crn = k + strlen(k) + 1;
    unsigned char *b = (unsigned char *)(uintptr_t)(crn + strlen(crn) + 1); /* the set's own bytes */
    if (b[5] & NOT_HELD)
        return NULL;
    long date = (long)b[0] | (long)b[1] << 8 | (long)b[2] << 16;
    out->date = (cl_date)(date - DATE_BIAS);
    out->start = b[3] | (b[4] & 7) << 8;
    out->type = REF_CONTACT_TYPES[b[4] >> 3].code;
    out->status = REF_APPT_STATUS.items[b[5] & 3].code;
    out->outcome = (b[5] & HAS_OUTCOME) != 0;
    out->at = b;
    return crn;
}

void refset_appt_mark(refset_appt_facts *f)
{
    if (f->at)
        f->at[5] |= HAS_OUTCOME;
    f->outcome = true;
}
