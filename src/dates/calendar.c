/* Business days over a sorted holiday list. */
#include "caseload/calendar.h"
#include "caseload/grow.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void cal_init(cl_calendar *cal) { memset(cal, 0, sizeof *cal); }

void cal_free(cl_calendar *cal)
{
    free(cal->days);
    cal_init(cal);
}

static size_t lower_bound(const cl_calendar *cal, cl_date d)
{
    size_t lo = 0, hi = cal->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cal->days[mid].date < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool cal_add(cl_calendar *cal, cl_date d, const char *name)
{
    size_t i = lower_bound(cal, d);
    if (i < cal->n && cal->days[i].date == d) {
        snprintf(cal->days[i].name, sizeof cal->days[i].name, "%s", name ? name : "");
        return true;
    }
    if (cal->n == cal->cap) {
        cl_holiday *p = cl_grow(cal->days, &cal->cap, sizeof *p);
        if (!p)
            return false;
        cal->days = p;
    }
    memmove(cal->days + i + 1, cal->days + i, (cal->n - i) * sizeof *cal->days);
    cal->days[i].date = d;
    snprintf(cal->days[i].name, sizeof cal->days[i].name, "%s", name ? name : "");
    cal->n++;
    return true;
}

bool cal_load_builtin(cl_calendar *cal)
{
    size_t n;
    const cl_holiday *b = cal_builtin_days(&n);
    for (size_t i = 0; i < n; i++)
        if (!cal_add(cal, b[i].date, b[i].name))
            return false;
    return true;
}

const char *cal_holiday_name(const cl_calendar *cal, cl_date d)
{
    size_t i = lower_bound(cal, d);
    return i < cal->n && cal->days[i].date == d ? cal->days[i].name : NULL;
}

bool cal_is_business_day(const cl_calendar *cal, cl_date d)
{
    return date_weekday(d) < 5 && !cal_holiday_name(cal, d);
}

cl_date cal_add_business_days(const cl_calendar *cal, cl_date d, int n)
{
    while (n > 0) {
        d++;
        if (cal_is_business_day(cal, d))
            n--;
    }
    return d;
}

int cal_business_days_between(const cl_calendar *cal, cl_date a, cl_date b)
{
    if (b < a)
        return -cal_business_days_between(cal, b, a);
    int n = 0;
    for (cl_date d = a + 1; d <= b; d++)
        n += cal_is_business_day(cal, d);
    return n;
}

cl_date cal_next_business_day_from(const cl_calendar *cal, cl_date d)
{
    while (!cal_is_business_day(cal, d))
        d++;
    return d;
}

cl_date cal_prev_business_day_before(const cl_calendar *cal, cl_date d)
{
    do
        d--;
    while (!cal_is_business_day(cal, d));
    return d;
}

const char *cal_closed_why(const cl_calendar *cal, cl_date d)
{
    const char *h = cal_holiday_name(cal, d);
    if (h)
        return h;
    return date_weekday(d) >= 5 ? "a weekend" : NULL;
}

/* Whether a holiday's name says "bank holiday" itself, in any case. */
static bool says_bank_holiday(const char *name)
{
    for (const char *p = name; *p; p++)
        if (!strncasecmp(p, "bank holiday", 12))
            return true;
    return false;
}

char *cal_day_heading(const cl_calendar *cal, cl_date d, char *buf, size_t len)
{
    char ds[16];
    date_format_long(d, ds);
    const char *h = cal_holiday_name(cal, d);
    if (h) /* "Spring bank holiday" says it already */
        snprintf(buf, len, "%s (%s%s)", ds, h, says_bank_holiday(h) ? "" : ", bank holiday");
    else if (date_weekday(d) >= 5)
        snprintf(buf, len, "%s (weekend)", ds);
    else
        snprintf(buf, len, "%s", ds);
    return buf;
}

char *cal_passed_over_words(const cl_calendar *cal, cl_date d, cl_date to, char *buf, size_t len)
{
    char a[16];
    const char *why = cal_closed_why(cal, d);
    size_t n = (size_t)snprintf(buf, len, "%s is %s", date_format_long(d, a), why ? why : "a business day");
    for (cl_date x = d + 1; x < to && n < len; x++) {
        const char *h = cal_holiday_name(cal, x);
        if (h)
            n += (size_t)snprintf(buf + n, len - n, ", %s is %s", date_format_long(x, a), h);
    }
    return buf;
}

cl_date cal_due_after_days(const cl_calendar *cal, cl_date start, int days)
{
    return cal_next_business_day_from(cal, start + days);
}

cl_date cal_due_after_months(const cl_calendar *cal, cl_date start, int months)
{
    return cal_next_business_day_from(cal, date_add_months(start, months));
}

static int weekday_from_name(const char *s)
{
    static const char *names[7][2] = {{"mon", "monday"},   {"tue", "tuesday"}, {"wed", "wednesday"},
                                      {"thu", "thursday"}, {"fri", "friday"},  {"sat", "saturday"},
                                      {"sun", "sunday"}};
    for (int i = 0; i < 7; i++)
        if (!strcasecmp(s, names[i][0]) || !strcasecmp(s, names[i][1]))
            return i;
    return -1;
}

/* past: DD/MM and weekday names read backwards (the latest such date not
 * after today) instead of forwards. */
static bool parse_typed(const cl_calendar *cal, const char *s, cl_date today, bool past, cl_date *out)
{
    if (!s)
        return false;
    while (isspace((unsigned char)*s))
        s++;
    char buf[32];
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';

    if (!strcasecmp(buf, "t") || !strcasecmp(buf, "today")) {
        *out = today;
        return true;
    }
    if (buf[0] == '+') {
        char *end;
        long n = strtol(buf + 1, &end, 10);
        if (end == buf + 1 || *end || n < 0 || n > 1000)
            return false;
        *out = cal_add_business_days(cal, today, (int)n);
        return true;
    }
    int wd = weekday_from_name(buf);
    if (wd >= 0) {
        *out = past ? today - (date_weekday(today) - wd + 7) % 7 : today + (wd - date_weekday(today) + 7) % 7;
        return true;
    }
    if (date_parse(buf, out))
        return true;
    /* DD/MM: the next such date on or after today. */
    if (len == 5 && buf[2] == '/' && isdigit((unsigned char)buf[0]) && isdigit((unsigned char)buf[1]) &&
        isdigit((unsigned char)buf[3]) && isdigit((unsigned char)buf[4])) {
        int d = (buf[0] - '0') * 10 + (buf[1] - '0');
        int m = (buf[3] - '0') * 10 + (buf[4] - '0');
        int y, tm, td;
        date_to_ymd(today, &y, &tm, &td);
        for (int k = 0; k < 8; k++, y += past ? -1 : 1) { /* 29/02 may be years away */
            if (date_valid_ymd(y, m, d) && (past ? date_from_ymd(y, m, d) <= today : date_from_ymd(y, m, d) >= today)) {
                *out = date_from_ymd(y, m, d);
                return true;
            }
        }
    }
    return false;
}

/* A run of 1 to max digits at *p, read into *v; p moves past it. */
static bool digits(const char **p, size_t max, int *v, size_t *n)
{
    *n = strspn(*p, "0123456789");
    if (*n < 1 || *n > max)
        return false;
    *v = atoi(*p);
    *p += *n;
    return true;
}

char *cal_date_problem(const char *s, char *buf, size_t len)
{
    static const char *const months[12] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
    if (!s)
        s = "";
    cl_date d;
    date_problem why = date_read(s, &d);
    if (why == DATE_NO_SUCH_DAY || why == DATE_NO_SUCH_MONTH || why == DATE_YEAR_RANGE) {
        date_problem_text(why, s, buf, len);
        return buf;
    }
    /* DD/MM with no year, or D/M/YY (a date of birth): a day that month never
     * has (31/02; 29/02 only in a leap year), or no such month. */
    const char *p = s;
    int day, m, y = 0;
    size_t n1, n2, n3 = 0;
    if (!digits(&p, 2, &day, &n1) || *p++ != '/' || !digits(&p, 2, &m, &n2))
        return NULL;
    if (*p == '/') {
        p++;
        if (!digits(&p, 2, &y, &n3) || n3 != 2)
            return NULL;
    } else if (n1 != 2 || n2 != 2) {
        return NULL; /* DD/MM as the diary reads it */
    }
    if (*p)
        return NULL;
    if (m < 1 || m > 12) {
        snprintf(buf, len, "%s: there is no month %d", s, m);
        return buf;
    }
    if (day < 1)
        return NULL;
    /* 2028 is a leap year; a two-digit year is 20YY or 19YY. */
    if (n3 ? !date_valid_ymd(2000 + y, m, day) && !date_valid_ymd(1900 + y, m, day) : !date_valid_ymd(2028, m, day)) {
        if (n3 && m == 2 && day == 29)
            snprintf(buf, len, "%s: 29 February is not a date (%02d is not a leap year)", s, y);
        else
            snprintf(buf, len, "%s: %d %s is not a date", s, day, months[m - 1]);
        return buf;
    }
    return NULL;
}

char *cal_typed_problem(const char *s, char *buf, size_t len)
{
    if (cal_date_problem(s, buf, len))
        return buf;
    snprintf(buf, len, "'%s' is not a date (YYYY-MM-DD, DD/MM/YYYY, DD/MM, tue, +3, today)", s ? s : "");
    return buf;
}

bool cal_parse_typed(const cl_calendar *cal, const char *s, cl_date today, cl_date *out)
{
    return parse_typed(cal, s, today, false, out);
}

bool cal_parse_typed_past(const cl_calendar *cal, const char *s, cl_date today, cl_date *out)
{
    return parse_typed(cal, s, today, true, out);
}
