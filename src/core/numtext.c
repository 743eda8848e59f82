/* Numbers as text, read and written. Written: the shortest significant digits that read back exactly
 * (found with %.*e), then laid out without an exponent, because `6e+01`
 * hours in an export is correct but no one reads it as 60. */
#include "caseload/numtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plain layout is used between these decimal exponents, as JavaScript
 * and spreadsheets write numbers; beyond them the digits would be mostly
 * zeros and the text longer than NUM_TEXT_LEN. */
enum { PLAIN_MIN_EXP = -7, PLAIN_MAX_EXP = 20 };

char *num_format(double v, char *buf, size_t len)
{
    if (!buf || len < NUM_TEXT_LEN)
        return buf && len ? (buf[0] = '\0', buf) : buf;
    buf[0] = '\0';
    if (!isfinite(v))
        return buf;
    char *out = buf;
    if (v < 0) {
        *out++ = '-';
        v = -v;
    }
    if (v == 0) { /* -0 too */
        snprintf(buf, len, "0");
        return buf;
    }
    char sci[NUM_TEXT_LEN];
    for (int prec = 0; prec <= 16; prec++) {
        snprintf(sci, sizeof sci, "%.*e", prec, v);
        if (strtod(sci, NULL) == v)
            break;
    }
    /* sci is d[.ddd]e±XX: the digits without the point, and the exponent. */
    char digits[NUM_TEXT_LEN];
    size_t n = 0;
    const char *e = sci;
    for (; *e && *e != 'e' && *e != 'E'; e++)
        if (*e >= '0' && *e <= '9')
            digits[n++] = *e;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    int exp = *e ? atoi(e + 1) : 0;
    if (exp < PLAIN_MIN_EXP || exp > PLAIN_MAX_EXP) {
        sprintf(out, "%.1s%s%se%+d", digits, n > 1 ? "." : "", digits + 1, exp);
        return buf;
    }
    if (exp < 0) {
        out += sprintf(out, "0.");
        for (int i = -1; i > exp; i--)
            *out++ = '0';
        sprintf(out, "%s", digits);
    } else if ((size_t)exp + 1 >= n) {
        out += sprintf(out, "%s", digits);
        for (size_t i = n; i < (size_t)exp + 1; i++)
            *out++ = '0';
        *out = '\0';
    } else {
        sprintf(out, "%.*s.%s", exp + 1, digits, digits + exp + 1);
    }
    return buf;
}

bool num_parse(const char *s, double *out)
{
    size_t i = 0, f = 0;
    if (!s)
        return false;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i > NUM_MAX_INT)
        return false;
    if (s[i] == '.') {
        while (s[i + 1 + f] >= '0' && s[i + 1 + f] <= '9')
            f++;
        if (f == 0 || f > NUM_MAX_FRAC)
            return false;
        i += 1 + f;
    }
    if (s[i])
        return false;
    /* Only digits and one point are left (main keeps LC_NUMERIC at "C"). */
    *out = strtod(s, NULL);
    return true;
}
