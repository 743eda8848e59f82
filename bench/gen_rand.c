/* The seeded draws: splitmix64, small and the same on every machine. */
#include <stdio.h>
#include <string.h>

#include "gen_rand.h"

static uint64_t rng_state;

void gen_seed(uint64_t seed) { rng_state = seed; }

static uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int gen_rnd(int n) { return n <= 1 ? 0 : (int)(rnd64() % (uint64_t)n); }
double gen_rndf(void) { return (double)(rnd64() >> 11) / 9007199254740992.0; }
bool gen_chance(double p) { return gen_rndf() < p; }
cl_date gen_between(cl_date a, cl_date b) { return a + gen_rnd(b - a + 1); }

const char *gen_pickw(const gen_weighted *t, size_t n)
{
    int total = 0;
    for (size_t i = 0; i < n; i++)
        total += t[i].w;
    int r = gen_rnd(total);
    for (size_t i = 0; i < n; i++) {
        if (r < t[i].w)
            return t[i].code;
        r -= t[i].w;
    }
    return t[n - 1].code;
}

const char *gen_note(char *buf, size_t len, int min, int max)
{
    int target = min + gen_rnd(max - min + 1);
    size_t n = 0;
    buf[0] = '\0';
    while ((int)n < target) {
        const char *s = GEN_PICK(NOTE_SENTENCES);
        size_t sl = strlen(s);
        const char *sep = n == 0 ? "" : gen_chance(0.01) ? "\n" : " ";
        if (n + strlen(sep) + sl >= len || (int)(n + strlen(sep) + sl) > max) {
            if ((int)n >= min)
                break;
            /* Too long: cut this sentence at a space so UTF-8 stays whole. */
            size_t room = (size_t)max - n - strlen(sep);
            while (room > 0 && s[room] != ' ')
                room--;
            if (room == 0)
                break;
            n += (size_t)snprintf(buf + n, len - n, "%s%.*s.", sep, (int)room, s);
            break;
        }
        n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, s);
    }
    return buf;
}
