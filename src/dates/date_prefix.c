/* Could the text typed so far still become a date (dates.h: date_past_prefix)?
 * Fields are typed in order, so once a later field has begun the earlier ones
 * are whole: at most one field is open, and its possible values are few. */
#include "caseload/dates.h"

#include <stdio.h>
#include <string.h>

static bool is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* v written in `digits` digits (0: as is, no leading zero) is p (whole) or
 * starts with p (open). */
static bool written(int v, int digits, const char *p, size_t n, bool whole)
{
    char b[16];
    snprintf(b, sizeof b, "%0*d", digits, v);
    return whole ? strlen(b) == n && !strncmp(b, p, n) : !strncmp(b, p, n);
}

/* The four-digit years (1800 to 2999, as date_valid_ymd) that start with the
 * n digits at p: lo..hi; false when none. */
static bool years(const char *p, size_t n, int *lo, int *hi)
{
    if (n > 4)
        return false;
    int v = 0, scale = 1;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (p[i] - '0');
    for (size_t i = n; i < 4; i++)
        scale *= 10;
    *lo = v * scale < 1800 ? 1800 : v * scale;
    *hi = (v + 1) * scale - 1 > 2999 ? 2999 : (v + 1) * scale - 1;
    return *lo <= *hi;
}

/* A day or month field of one or two digits (3, 03 or 31). */
static bool dm_field(int v, const char *p, size_t n, bool whole)
{
    return written(v, 0, p, n, whole) || written(v, 2, p, n, whole);
}

/* D/M/Y with D and M of one or two digits and Y of two or four. */
static bool dmy_prefix(const char *s, cl_date today)
{
    const char *f[3] = {s, NULL, NULL};
    size_t len[3] = {0, 0, 0};
    int k = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '/') {
            if (k == 2)
                return false;
            len[k] = (size_t)(p - f[k]);
            f[++k] = p + 1;
        } else if (*p < '0' || *p > '9') {
            return false;
        }
    }
    len[k] = strlen(f[k]);
    for (int i = 0; i < 2; i++)
        if (len[i] > 2 || (i < k && len[i] == 0))
            return false;
    if (k == 2 && len[2] > 4)
        return false;
    for (int d = 1; d <= 31; d++) {
        if (!dm_field(d, f[0], len[0], k > 0))
            continue;
        for (int m = 1; m <= 12; m++) {
            if (k >= 1 && !dm_field(m, f[1], len[1], k > 1))
                continue;
            if (k < 2 || len[2] == 0) { /* no year yet: one with 29 February will do */
                if (d <= date_days_in_month(2000, m))
                    return true;
                continue;
            }
            const char *yp = f[2];
            size_t yl = len[2];
            for (int yy = 0; yl <= 2 && yy < 100; yy++) { /* two digits, as date_parse_past takes them */
                if (!written(yy, 2, yp, yl, false))
                    continue;
                char b[40];
                cl_date out;
                snprintf(b, sizeof b, "%d/%d/%02d", d, m, yy);
                if (date_parse_past(b, today, &out))
                    return true;
            }
            int lo, hi; /* four digits */
            if (years(yp, yl, &lo, &hi))
                for (int y = lo; y <= hi; y++)
                    if (date_valid_ymd(y, m, d))
                        return true;
        }
    }
    return false;
}

/* YYYY-MM-DD, every field of fixed width. */
static bool iso_prefix(const char *s)
{
    size_t n = strlen(s);
    if (n > 10 || (n > 4 && s[4] != '-') || (n > 7 && s[7] != '-'))
        return false;
    size_t yl = n < 4 ? n : 4, ml = n > 5 ? (n < 7 ? n : 7) - 5 : 0, dl = n > 8 ? n - 8 : 0;
    const char *mp = ml ? s + 5 : "", *dp = dl ? s + 8 : "";
    if (!is_digits(s, yl) || !is_digits(mp, ml) || !is_digits(dp, dl))
        return false;
    int lo, hi;
    if (!years(s, yl, &lo, &hi))
        return false;
    for (int y = lo; y <= hi; y++) {
        for (int m = 1; m <= 12; m++) {
            if (!written(m, 2, mp, ml, false))
                continue;
            for (int d = 1; d <= 31; d++)
                if (written(d, 2, dp, dl, false) && date_valid_ymd(y, m, d))
                    return true;
        }
    }
    return false;
}

bool date_past_prefix(const char *s, cl_date today)
{
    if (!s || !*s)
        return true;
    if (strchr(s, '/'))
        return dmy_prefix(s, today);
    /* Digits alone may start either form. */
    return iso_prefix(s) || dmy_prefix(s, today);
}
