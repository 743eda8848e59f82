/* Civil dates and times of day. A date is a day number (days since 1970-01-01,
 * proleptic Gregorian), so comparing and subtracting are plain integer sums and
 * nothing calls mktime/localtime per row. Stored in the database as ISO text. */
#ifndef CASELOAD_DATES_H
#define CASELOAD_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t cl_date;
#define CL_DATE_NONE INT32_MIN
#define CL_DATE_LEN 11 /* "YYYY-MM-DD" + NUL */
#define CL_TIME_LEN 6  /* "HH:MM" + NUL */

bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
/* y/m/d must be valid (date_valid_ymd). */
cl_date date_from_ymd(int y, int m, int d);
void date_to_ymd(cl_date d, int *y, int *m, int *day);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(cl_date d);
/* Adds n calendar months keeping the day of month, clamped to the month's last
 * day (31 Aug + 6 months = 28/29 Feb). */
cl_date date_add_months(cl_date d, int n);
/* Whole years between dob and on (an age). */
int date_years_between(cl_date dob, cl_date on);

/* Strict YYYY-MM-DD. Rejects impossible dates (2026-02-30). */
bool date_parse_iso(const char *s, cl_date *out);
/* What is wrong with a written date (date_read), so a message names it. */
typedef enum date_problem {
    DATE_READ_OK = 0,
    DATE_NOT_A_DATE,    /* in no accepted form: 26-9-98, 1998/09/26, 26.9.1998 */
    DATE_SHORT_YEAR,    /* D/M/YY: the century is not known */
    DATE_NO_SUCH_MONTH, /* 26/13/1998, perhaps written month first */
    DATE_YEAR_RANGE,    /* a year outside 1800 to 2999 */
    DATE_NO_SUCH_DAY,   /* 31/02/1998, 2026-04-31 */
} date_problem;
/* The import formats: YYYY-MM-DD, or D/M/YYYY with a day and month of one or
 * two digits and a four-digit year (26/9/1998, 26/09/1998, as spreadsheets
 * write them). *out is set only when DATE_READ_OK. */
date_problem date_read(const char *s, cl_date *out);
/* The words for p, what date_read said of s, beginning with s:
 * "31/02/1998: 31 February is not a date",
 * "26-9-98: not a date (write YYYY-MM-DD or DD/MM/YYYY)". */
void date_problem_text(date_problem p, const char *s, char *buf, size_t len);
/* date_read, true when it is a date. */
bool date_parse(const char *s, cl_date *out);
/* A date already past, as officers write a date of birth: what date_parse
 * takes, and a two-digit year taken as this century unless that is after
 * today (1/6/82 is 1982, 1/6/05 is 2005). */
bool date_parse_past(const char *s, cl_date today, cl_date *out);
/* True when s is the start of a date date_parse_past reads: s itself, or s
 * with more typed after it ("29/2/8" may become 29/2/84, "1990-0" 1990-01-01,
 * "11/" 11/1/1990). False when nothing typed after it can make a date
 * ("31/2/82", "31/2/", "1990-13", "1/1/300"). today settles two-digit years
 * as date_parse_past does. For a search that must say "not a date" at once. */
bool date_past_prefix(const char *s, cl_date today);
/* Writes YYYY-MM-DD into buf (CL_DATE_LEN bytes); "" for CL_DATE_NONE. */
char *date_format(cl_date d, char *buf);
/* "Tue 03 Dec 2026" style, for screens and printed lists; buf of 16 bytes. */
char *date_format_long(cl_date d, char *buf);
/* A date that may not come after today (a start, an end or a review is
 * recorded when it happens; a birth): NULL when it does not, else buf holds
 * "2026-12-01 is after today (2026-11-24)" and ": why" when why is given. */
char *date_after_today(cl_date on, cl_date today, const char *why, char *buf, size_t len);

/* Strict HH:MM, 00:00 to 23:59; minutes since midnight. */
bool time_parse(const char *s, int *minutes);
char *time_format(int minutes, char *buf);

#endif
