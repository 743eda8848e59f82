#include "io/keyset.h"

#include <stdlib.h>

void keyset_init(keyset *k) { *k = (keyset){0}; }

void keyset_free(keyset *k)
{
    free(k->slot);
    *k = (keyset){0};
}

uint64_t keyset_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a, then a final mix */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h ? h : 1;
}

static long put(keyset *k, uint64_t h, uint32_t line)
{
    size_t mask = k->cap - 1;
    uint32_t lo = (uint32_t)h, hi = (uint32_t)(h >> 32);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t *s = k->slot + 3 * i;
        if (!s[0] && !s[1]) {
            s[0] = lo, s[1] = hi, s[2] = line;
            k->n++;
            return 0;
        }
        if (s[0] == lo && s[1] == hi)
            return (long)s[2];
    }
}

static bool grow(keyset *k)
{
    size_t cap = k->cap ? k->cap * 2 : 1024;
    keyset bigger = {calloc(cap, 3 * sizeof(uint32_t)), 0, cap};
    if (!bigger.slot)
        return false;
    for (size_t i = 0; i < k->cap; i++) {
        const uint32_t *s = k->slot + 3 * i;
        if (s[0] || s[1])
            put(&bigger, (uint64_t)s[1] << 32 | s[0], s[2]);
    }
    keyset_free(k);
    *k = bigger;
    return true;
}

long keyset_add(keyset *k, const char *key, long line)
{
    if ((k->n + 1) * 10 > k->cap * 7 && !grow(k))
        return -1;
    return put(k, keyset_hash(key), line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line);
}

bool keyset_has(const keyset *k, const char *key)
{
    if (!k->cap)
        return false;
    uint64_t h = keyset_hash(key);
    uint32_t lo = (uint32_t)h, hi = (uint32_t)(h >> 32);
    size_t mask = k->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const uint32_t *s = k->slot + 3 * i;
        if (!s[0] && !s[1])
            return false;
        if (s[0] == lo && s[1] == hi)
            return true;
    }
}
