/* Civil date arithmetic (Howard Hinnant's days-from-civil algorithm). */
#include "caseload/dates.h"

#include <stdio.h>
#include <string.h>

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
    return y >= 1800 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

cl_date date_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (cl_date)(era * 146097 + doe - 719468);
}

void date_to_ymd(cl_date z, int *y, int *m, int *d)
{
    int32_t zz = z + 719468;
    const int32_t era = (zz >= 0 ? zz : zz - 146096) / 146097;
    const int32_t doe = zz - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    const int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = mm;
    *d = dd;
}

int date_weekday(cl_date d)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (int)((d + 3) % 7);
    return w < 0 ? w + 7 : w;
}

cl_date date_add_months(cl_date d, int n)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    int idx = y * 12 + (m - 1) + n;
    y = idx / 12;
    m = idx % 12 + 1;
    int last = date_days_in_month(y, m);
    return date_from_ymd(y, m, day > last ? last : day);
}

int date_years_between(cl_date dob, cl_date on)
{
    int y1, m1, d1, y2, m2, d2;
    date_to_ymd(dob, &y1, &m1, &d1);
    date_to_ymd(on, &y2, &m2, &d2);
    int years = y2 - y1;
    if (m2 < m1 || (m2 == m1 && d2 < d1))
        years--;
    return years;
}

/* Reads exactly n decimal digits. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool date_parse_iso(const char *s, cl_date *out)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
        return false;
    if (!date_valid_ymd(y, m, d))
        return false;
    *out = date_from_ymd(y, m, d);
    return true;
}

/* Splits D/M/Y into its three numbers and their digit counts: three runs of
 * 1 to 4 digits between two slashes, nothing else. The one reader of
 * slashed dates. */
static bool split_dmy(const char *s, int v[3], int len[3])
{
    int k = 0;
    v[0] = v[1] = v[2] = len[0] = len[1] = len[2] = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '/') {
            if (++k > 2)
                return false;
        } else if (*p >= '0' && *p <= '9' && len[k] < 4) {
            v[k] = v[k] * 10 + (*p - '0');
            len[k]++;
        } else {
            return false;
        }
    }
    return k == 2 && len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2 && (len[2] == 2 || len[2] == 4);
}

/* The forms date_read knows, with the numbers read from them. */
typedef enum { FORM_NONE, FORM_ISO, FORM_DMY } date_form;
static date_form read_form(const char *s, int *y, int *m, int *d, int *ylen)
{
    int v[3], len[3];
    if (strlen(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, y) && digits(s + 5, 2, m) &&
        digits(s + 8, 2, d)) {
        *ylen = 4;
        return FORM_ISO;
    }
    if (!split_dmy(s, v, len))
        return FORM_NONE;
    *d = v[0], *m = v[1], *y = v[2], *ylen = len[2];
    return FORM_DMY;
}

date_problem date_read(const char *s, cl_date *out)
{
    int y, m, d, ylen;
    if (!s || read_form(s, &y, &m, &d, &ylen) == FORM_NONE)
        return DATE_NOT_A_DATE;
    /* 26/9/98: 1998 or 2098 cannot be told for every column (a sentence
     * date, a review date), so an import takes four digits. */
    if (ylen != 4)
        return DATE_SHORT_YEAR;
    if (m < 1 || m > 12)
        return DATE_NO_SUCH_MONTH;
    if (y < 1800 || y > 2999)
        return DATE_YEAR_RANGE;
    if (!date_valid_ymd(y, m, d))
        return DATE_NO_SUCH_DAY;
    *out = date_from_ymd(y, m, d);
    return DATE_READ_OK;
}

void date_problem_text(date_problem p, const char *s, char *buf, size_t len)
{
    static const char *const months[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
    static const char formats[] = "write YYYY-MM-DD or DD/MM/YYYY";
    int y = 0, m = 1, d = 0, ylen;
    date_form form = s ? read_form(s, &y, &m, &d, &ylen) : FORM_NONE;
    if (!s)
        s = "";
    switch (p) {
    case DATE_READ_OK:
        snprintf(buf, len, "%s", s);
        break;
    case DATE_NOT_A_DATE:
        snprintf(buf, len, "%s: not a date (%s)", s, formats);
        break;
    case DATE_SHORT_YEAR:
        snprintf(buf, len, "%s: the year needs four digits (%s)", s, formats);
        break;
    case DATE_NO_SUCH_MONTH:
        /* 09/26/1998 is most often a month written first. */
        snprintf(buf, len, "%s: there is no month %d%s", s, m, form == FORM_DMY ? " (the day comes first: DD/MM/YYYY)" : "");
        break;
    case DATE_YEAR_RANGE:
        snprintf(buf, len, "%s: the year %d is out of range (1800 to 2999)", s, y);
        break;
    case DATE_NO_SUCH_DAY:
        if (m == 2 && d == 29)
            snprintf(buf, len, "%s: 29 February %d is not a date (%d is not a leap year)", s, y, y);
        else
            snprintf(buf, len, "%s: %d %s is not a date", s, d, months[(m + 11) % 12]);
        break;
    }
}

bool date_parse(const char *s, cl_date *out)
{
    return date_read(s, out) == DATE_READ_OK;
}

/* D/M/Y with a two-digit year: a date in the past, this century unless that
 * is after today. */
static bool parse_dmy_past(const char *s, cl_date today, cl_date *out)
{
    int v[3], len[3];
    if (!split_dmy(s, v, len))
        return false;
    int y = v[2];
    if (len[2] == 2) {
        y += 2000;
        if (!date_valid_ymd(y, v[1], v[0]) || date_from_ymd(y, v[1], v[0]) > today)
            y -= 100;
    }
    if (!date_valid_ymd(y, v[1], v[0]))
        return false;
    *out = date_from_ymd(y, v[1], v[0]);
    return true;
}

bool date_parse_past(const char *s, cl_date today, cl_date *out)
{
    if (date_parse_iso(s, out))
        return true;
    return s && parse_dmy_past(s, today, out);
}

char *date_format(cl_date d, char *buf)
{
    if (d == CL_DATE_NONE) {
        buf[0] = '\0';
        return buf;
    }
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    /* By hand: an import or export formats millions of dates. */
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)day % 100u;
    buf[0] = (char)('0' + uy / 1000), buf[1] = (char)('0' + uy / 100 % 10);
    buf[2] = (char)('0' + uy / 10 % 10), buf[3] = (char)('0' + uy % 10), buf[4] = '-';
    buf[5] = (char)('0' + um / 10), buf[6] = (char)('0' + um % 10), buf[7] = '-';
    buf[8] = (char)('0' + ud / 10), buf[9] = (char)('0' + ud % 10), buf[10] = '\0';
    return buf;
}

char *date_format_long(cl_date d, char *buf)
{
    static const char *wd[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *mn[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    snprintf(buf, 16, "%s %02u %s %04u", wd[date_weekday(d)], (unsigned)day % 100u, mn[(m - 1) % 12], (unsigned)y % 10000u);
    return buf;
}

bool time_parse(const char *s, int *minutes)
{
    int h, m;
    if (!s || strlen(s) != 5 || s[2] != ':')
        return false;
    if (!digits(s, 2, &h) || !digits(s + 3, 2, &m) || h > 23 || m > 59)
        return false;
    *minutes = h * 60 + m;
    return true;
}

char *time_format(int minutes, char *buf)
{
    if (minutes < 0 || minutes >= 24 * 60) {
        buf[0] = '\0';
        return buf;
    }
    unsigned h = (unsigned)(minutes / 60), m = (unsigned)(minutes % 60);
    buf[0] = (char)('0' + h / 10), buf[1] = (char)('0' + h % 10), buf[2] = ':';
    buf[3] = (char)('0' + m / 10), buf[4] = (char)('0' + m % 10), buf[5] = '\0';
    return buf;
}

char *date_after_today(cl_date on, cl_date today, const char *why, char *buf, size_t len)
{
    if (on == CL_DATE_NONE || on <= today)
        return NULL;
    char d1[CL_DATE_LEN], d2[CL_DATE_LEN];
    snprintf(buf, len, "%s is after today (%s)%s%s", date_format(on, d1), date_format(today, d2), why ? ": " : "",
             why ? why : "");
    return buf;
}
