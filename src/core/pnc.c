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

/* The reasons a value is not a PNC, in words for the messages. */
static const char NOT_SHAPED[] = "write YYYY/NNNNNNNL (2000/0491869D) or YY/NNNNNNNL (00/491869D)";
static const char LATER_YEAR[] = "its year is after this year (a PNC year is when the record was made)";
static const char EARLY_YEAR[] = "its year is before 1900";

static const char *parse(const char *in, cl_date today, char *out, size_t len)
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
        return NOT_SHAPED;
    }
    int year = 0;
    for (size_t i = 0; i < ylen; i++)
        year = year * 10 + (t[i] - '0');
    if (ylen == 2)
        year = pnc_full_year(year, today);
    int this_year, m, d;
    date_to_ymd(today, &this_year, &m, &d);
    if (year > this_year || year < 1900) {
        snprintf(out, len, "%s", t);
        return year < 1900 ? EARLY_YEAR : LATER_YEAR;
    }
    snprintf(out, len, "%04d/%.*s%.*s%c", year, (int)(7 - slen), "0000000", (int)slen, t + ylen + 1, letter[0]);
    return NULL;
}

bool pnc_normalise(const char *in, cl_date today, char *out, size_t len)
{
    return parse(in, today, out, len) == NULL;
}

bool pnc_check(const char *in, cl_date today, cl_date born, char *out, size_t len, char *why, size_t wlen)
{
    const char *p = parse(in, today, out, len);
    if (p) {
        snprintf(why, wlen, "%s", p);
        return false;
    }
    int py = 0, by, m, d;
    for (const char *s = out; *s >= '0' && *s <= '9'; s++)
        py = py * 10 + (*s - '0');
    if (born != CL_DATE_NONE) {
        date_to_ymd(born, &by, &m, &d);
        if (py < by) {
            snprintf(why, wlen, "its year (read as %d) is before the year of birth (%d): a PNC year is when the record was made",
                     py, by);
            return false;
        }
    }
    if (wlen)
        why[0] = '\0';
    return true;
}

const char *pnc_problem(const char *in, cl_date today)
{
    char out[32];
    return parse(in, today, out, sizeof out);
}
