/* PNC numbers in their stored form (pnc.h). */
#include "caseload/pnc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int pnc_full_year(int yy, cl_date today)
{
    int y, m, d;
    date_to_ymd(today, &y, &m, &d);
    return yy <= y % 100 ? 2000 + yy : 1900 + yy;
}

bool pnc_normalise(const char *in, cl_date today, char *out, size_t len)
{
    char t[32];
    size_t n = 0;
    for (const char *p = in ? in : ""; *p && n + 1 < sizeof t; p++)
        if (!isspace((unsigned char)*p))
            t[n++] = (char)toupper((unsigned char)*p);
    t[n] = '\0';
    size_t ylen = strspn(t, "0123456789");
    size_t slen = t[ylen] == '/' ? strspn(t + ylen + 1, "0123456789") : 0;
    const char *letter = t + ylen + 1 + slen;
    bool ok = (ylen == 2 || ylen == 4) && slen >= 1 && slen <= 7 && isupper((unsigned char)letter[0]) &&
              !letter[1];
    if (!ok) {
        snprintf(out, len, "%s", t);
        return false;
    }
    int year = 0;
    for (size_t i = 0; i < ylen; i++)
        year = year * 10 + (t[i] - '0');
    if (ylen == 2)
        year = pnc_full_year(year, today);
    snprintf(out, len, "%04d/%.*s%.*s%c", year, (int)(7 - slen), "0000000", (int)slen, t + ylen + 1, letter[0]);
    return true;
}
