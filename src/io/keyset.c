#include "io/keyset.h"

#include <stdlib.h>

void keyset_init(keyset *k) { *k = (keyset){0}; }

void keyset_free(keyset *k)
{
    free(k->hash);
    free(k->line);
    *k = (keyset){0};
}

static uint64_t hash_of(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a, then a final mix */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h ? h : 1;
}

static long put(keyset *k, uint64_t h, long line)
{
    size_t mask = k->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (!k->hash[i]) {
            k->hash[i] = h;
            k->line[i] = line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
            k->n++;
            return 0;
        }
        if (k->hash[i] == h)
            return (long)k->line[i];
    }
}

static bool grow(keyset *k)
{
    size_t cap = k->cap ? k->cap * 2 : 1024;
    keyset bigger = {calloc(cap, sizeof(uint64_t)), calloc(cap, sizeof(uint32_t)), 0, cap};
    if (!bigger.hash || !bigger.line) {
        keyset_free(&bigger);
        return false;
    }
    for (size_t i = 0; i < k->cap; i++)
        if (k->hash[i])
            put(&bigger, k->hash[i], k->line[i]);
    keyset_free(k);
    *k = bigger;
    return true;
}

long keyset_add(keyset *k, const char *key, long line)
{
    if ((k->n + 1) * 10 > k->cap * 7 && !grow(k))
        return -1;
    return put(k, hash_of(key), line);
}
