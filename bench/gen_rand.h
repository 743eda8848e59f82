/* The generator's randomness: numbers, picks, weighted codes and note text,
 * all from one seeded splitmix64 stream, the same on every machine. Every
 * draw advances that one stream, so the order of the calls is part of the
 * output: same seed, same calls, same bytes. */
#ifndef GEN_RAND_H
#define GEN_RAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "caseload/dates.h"

#include "gen_words.h"

void gen_seed(uint64_t seed);
/* 0 <= r < n */
int gen_rnd(int n);
/* 0 <= r < 1 */
double gen_rndf(void);
bool gen_chance(double p);
/* a <= d <= b */
cl_date gen_between(cl_date a, cl_date b);
#define GEN_PICK(arr) ((arr)[gen_rnd((int)NELEM(arr))])

/* A weighted choice: codes with weights (any scale). */
typedef struct gen_weighted {
    const char *code;
    int w;
} gen_weighted;
const char *gen_pickw(const gen_weighted *t, size_t n);
#define GEN_PICKW(t) gen_pickw(t, NELEM(t))

/* Note text of MIN to MAX characters into BUF (LEN bytes) from NOTE_SENTENCES,
 * about one in a hundred on a new line; a sentence that would not fit is cut
 * at a space so UTF-8 stays whole. Returns BUF. */
const char *gen_note(char *buf, size_t len, int min, int max);

#endif
