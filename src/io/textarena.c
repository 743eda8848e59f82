#include "io/textarena.h"

#include <stdlib.h>
#include <string.h>

size_t text_arena_add(text_arena *a, const char *s, size_t len)
{
    if (len >= TEXT_ARENA_FULL - a->used)
        return TEXT_ARENA_FULL;
    size_t need = a->used + len + 1;
    if (need > a->cap) {
        size_t cap = a->cap ? a->cap : 1 << 12;
        while (cap < need)
            cap = cap > TEXT_ARENA_FULL / 2 ? need : cap * 2;
        char *grown = realloc(a->text, cap);
        if (!grown)
            return TEXT_ARENA_FULL;
        a->text = grown;
        a->cap = cap;
    }
    size_t at = a->used;
    if (len)
        memcpy(a->text + at, s, len);
    a->text[at + len] = '\0';
    a->used = need;
    return at;
}

void text_arena_clear(text_arena *a) { a->used = 0; }

void text_arena_free(text_arena *a)
{
    free(a->text);
    *a = (text_arena){0};
}
