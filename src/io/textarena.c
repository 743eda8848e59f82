#include "io/textarena.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Room for len more bytes: false when out of memory. */
static bool reserve(text_arena *a, size_t len)
{
    if (len >= TEXT_ARENA_FULL - a->used)
        return false;
    size_t need = a->used + len;
    if (need > a->cap) {
        size_t cap = a->cap ? a->cap : 1 << 12;
        while (cap < need)
            cap = cap > TEXT_ARENA_FULL / 2 ? need : cap * 2;
        char *grown = realloc(a->text, cap);
        if (!grown)
            return false;
        a->text = grown;
        a->cap = cap;
    }
    return true;
}

size_t text_arena_add(text_arena *a, const char *s, size_t len)
{
    if (len == TEXT_ARENA_FULL || !reserve(a, len + 1))
        return TEXT_ARENA_FULL; /* nothing added */
    size_t at = a->used;
    if (len)
        memcpy(a->text + at, s, len);
    a->text[at + len] = '\0';
    a->used += len + 1;
    return at;
}

size_t text_arena_add_bytes(text_arena *a, const char *s, size_t len)
{
    if (!reserve(a, len))
        return TEXT_ARENA_FULL;
    size_t at = a->used;
    if (len)
        memcpy(a->text + at, s, len);
    a->used += len;
    return at;
}

void text_arena_clear(text_arena *a) { a->used = 0; }

void text_arena_free(text_arena *a)
{
    free(a->text);
    *a = (text_arena){0};
}
