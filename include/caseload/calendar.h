/* Business days: Monday to Friday and not an England and Wales bank holiday.
 * The holiday list ships with the program (calendar_builtin) and can be replaced
 * from the database (`caseload import holidays`). */
#ifndef CASELOAD_CALENDAR_H
#define CASELOAD_CALENDAR_H

#include "caseload/dates.h"

typedef struct cl_holiday {
    cl_date date;
    char name[80];
} cl_holiday;

typedef struct cl_calendar {
    cl_holiday *days; /* sorted by date, unique */
    size_t n, cap;
} cl_calendar;

void cal_init(cl_calendar *cal);
void cal_free(cl_calendar *cal);
/* Adds or renames a holiday; keeps the list sorted. Returns false on OOM. */
bool cal_add(cl_calendar *cal, cl_date d, const char *name);
/* Fills cal with the shipped England and Wales list (2020-2030). */
bool cal_load_builtin(cl_calendar *cal);
/* The shipped list itself, for seeding the database. */
const cl_holiday *cal_builtin_days(size_t *n);

/* Returns the holiday's name, or NULL when d is not a bank holiday. */
const char *cal_holiday_name(const cl_calendar *cal, cl_date d);
bool cal_is_business_day(const cl_calendar *cal, cl_date d);
/* The n-th business day after d (d itself never counts); n <= 0 returns d. */
cl_date cal_add_business_days(const cl_calendar *cal, cl_date d, int n);
/* Business days in (a, b]: a excluded, b included; negative when b < a. */
int cal_business_days_between(const cl_calendar *cal, cl_date a, cl_date b);
/* d if it is a business day, else the next one after it. */
cl_date cal_next_business_day_from(const cl_calendar *cal, cl_date d);
/* The business day before d (d itself never counts). */
cl_date cal_prev_business_day_before(const cl_calendar *cal, cl_date d);
/* Why d is not a business day, as a sentence's object: the bank holiday's
 * name ("Christmas Day"), "a weekend", or NULL on a business day. */
const char *cal_closed_why(const cl_calendar *cal, cl_date d);
/* A day as every diary heading names it: "Tue 29 Dec 2026"; a bank holiday
 * or weekend says so, "Fri 25 Dec 2026 (Christmas Day, bank holiday)",
 * "Mon 31 Aug 2026 (Summer bank holiday)", "Sat 26 Dec 2026 (weekend)".
 * Returns buf. */
char *cal_day_heading(const cl_calendar *cal, cl_date d, char *buf, size_t len);
/* The days passed over from d (not a business day) to the next business day
 * to: "Sat 26 Dec 2026 is a weekend, Mon 28 Dec 2026 is Boxing Day
 * (substitute day)": d and why, then each bank holiday between. The
 * booking's, the repeat's and the move form's words. Returns buf. */
char *cal_passed_over_words(const cl_calendar *cal, cl_date d, cl_date to, char *buf, size_t len);
/* A due date from a calendar period, moved off weekends and bank holidays. */
cl_date cal_due_after_days(const cl_calendar *cal, cl_date start, int days);
cl_date cal_due_after_months(const cl_calendar *cal, cl_date start, int months);

/* A date as an officer types it: 2026-12-03, 03/12/2026, 03/12 (next such
 * date on or after today), tue (next Tuesday on or after today), +3 (business
 * days after today), t or today. */
bool cal_parse_typed(const cl_calendar *cal, const char *s, cl_date today, cl_date *out);
/* The same for a date that can only be past (a contact, a review, an end):
 * 03/12 is the latest 3 December on or before today, tue the last Tuesday
 * (today counts); whole dates, +3 and t read as cal_parse_typed. */
bool cal_parse_typed_past(const cl_calendar *cal, const char *s, cl_date today, cl_date *out);
/* Why s is not a typed date, in the words the command line and every screen
 * use: what is wrong with a date that does not exist ("31/02/2027: 31
 * February is not a date", "31/02: 31 February is not a date", "2026-13-01:
 * there is no month 13"), else "'soon' is not a date (YYYY-MM-DD,
 * DD/MM/YYYY, DD/MM, tue, +3, today)". Returns buf. */
char *cal_typed_problem(const char *s, char *buf, size_t len);
/* The first half of that: the words for a date that does not exist (also
 * D/M/YY, as a date of birth is written: "31/2/82: 31 February is not a
 * date"), or NULL when s is not such a date (a form a prompt names itself). */
char *cal_date_problem(const char *s, char *buf, size_t len);

#endif
