#include "caseload/textcol.h"

#include <string.h>

/* Length of the UTF-8 sequence starting at s, and its code point. A malformed
 * byte counts as one character so nothing is ever lost or overrun. */
static size_t next_char(const unsigned char *s, unsigned *cp)
{
    size_t n = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 : (s[0] >> 3) == 30 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            n = 1;
    unsigned v = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++)
        v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return n;
}

static int char_width(unsigned cp)
{
    /* Combining diacritical marks (a decomposed "â") take no column. */
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        cp == 0x200D)
        return 0;
    return 1;
}

int tcol_width(const char *s)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp;
        p += next_char(p, &cp);
        w += char_width(cp);
    }
    return w;
}

char *tcol_fit(char *out, size_t outlen, const char *s, int width)
{
    size_t o = 0;
    int w = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        unsigned cp;
        size_t n = next_char(p, &cp);
        int cw = char_width(cp);
        if (w + cw > width || o + n + 1 > outlen)
            break;
        memcpy(out + o, p, n);
        o += n;
        w += cw;
        p += n;
    }
    while (w < width && o + 1 < outlen) {
        out[o++] = ' ';
        w++;
    }
    out[o] = '\0';
    return out;
}
