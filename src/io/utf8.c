/* UTF-8 validation for imported text (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF). NUL bytes are refused too: they cannot be stored as
 * text and would cut a value short. */
#include "caseload/csv.h"

#include <stdint.h>
#include <string.h>

#define HIGH_BITS 0x8080808080808080ull
#define LOW_BITS 0x0101010101010101ull

bool csv_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* Eight ASCII bytes at a time (notes are mostly ASCII): no high bit and
         * no zero byte in the word. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & HIGH_BITS) || ((w - LOW_BITS) & ~w & HIGH_BITS))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == 0)
                return false;
            i++;
            continue;
        }
        size_t n;
        unsigned min_lo = 0x80, max_lo = 0xBF; /* the second byte's range */
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                min_lo = 0xA0; /* overlong */
            else if (c == 0xED)
                max_lo = 0x9F; /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                min_lo = 0x90;
            else if (c == 0xF4)
                max_lo = 0x8F;
        } else
            return false;
        if (i + n >= len) /* truncated sequence */
            return false;
        if (s[i + 1] < min_lo || s[i + 1] > max_lo)
            return false;
        for (size_t k = 2; k <= n; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
        i += n + 1;
    }
    return true;
}
