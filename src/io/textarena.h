/* Strings end to end in one growing buffer, each followed by a NUL and found
 * again by its offset (offsets stay valid when the buffer moves). Used for a
 * CSV record's fields, an import block's texts and a set's keys: one
 * allocation for many strings, reused from one batch to the next. */
#ifndef CASELOAD_IO_TEXTARENA_H
#define CASELOAD_IO_TEXTARENA_H

#include <stddef.h>

typedef struct text_arena {
    char *text;
    size_t used, cap;
} text_arena;

#define TEXT_ARENA_FULL ((size_t)-1) /* out of memory */

/* Copies len bytes of s (s may be NULL when len is 0) and a NUL to the end:
 * the copy's offset, or TEXT_ARENA_FULL (nothing added). */
size_t text_arena_add(text_arena *a, const char *s, size_t len);
/* The same without the NUL, for bytes read back by their length. */
size_t text_arena_add_bytes(text_arena *a, const char *s, size_t len);
/* Empty again, keeping the buffer. */
void text_arena_clear(text_arena *a);
void text_arena_free(text_arena *a);

#endif
