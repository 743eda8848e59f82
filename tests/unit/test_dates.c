/* Dates and business days. Expected dates are written out by hand from the
 * published calendar, never computed by the code under test. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/calendar.h"
#include "testutil.h"

static cl_calendar cal;
static void setup(void)
{
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
}
static void teardown(void) { cal_free(&cal); }

TestSuite(dates, .init = setup, .fini = teardown);

static const char *fmt(cl_date d)
{
    static char buf[4][CL_DATE_LEN];
    static int i;
    i = (i + 1) % 4;
    return date_format(d, buf[i]);
}

Test(dates, iso_round_trip_and_rejects_impossible)
{
    cl_date d;
    cr_assert(date_parse_iso("2024-02-29", &d));
    cr_assert_str_eq(fmt(d), "2024-02-29");
    cr_assert_not(date_parse_iso("2026-02-29", &d));
    cr_assert_not(date_parse_iso("2026-13-01", &d));
    cr_assert_not(date_parse_iso("2026-04-31", &d));
    cr_assert_not(date_parse_iso("2026-4-01", &d));
    cr_assert_not(date_parse_iso("", &d));
    cr_assert(date_parse("07/03/1990", &d));
    cr_assert_str_eq(fmt(d), "1990-03-07");
    cr_assert_not(date_parse("31/02/1990", &d));
    cr_assert(date_parse("7/3/1990", &d)); /* a spreadsheet's D/M/YYYY */
    cr_assert_str_eq(fmt(d), "1990-03-07");
    cr_assert_not(date_parse("7/3/90", &d)); /* an import never guesses the century */
}

/* The import's dates: what is read, and what a refusal says is wrong. */
Test(dates, import_dates_name_the_real_problem)
{
    static const struct {
        const char *in, *out; /* out: the ISO date, or the message */
    } cases[] = {
        {"1998-09-26", "1998-09-26"},
        {"26/09/1998", "1998-09-26"},
        {"26/9/1998", "1998-09-26"},
        {"6/9/1998", "1998-09-06"},
        {"06/9/1998", "1998-09-06"},
        {"29/2/2024", "2024-02-29"},
        {"31/02/1998", "31/02/1998: 31 February is not a date"},
        {"1998-02-31", "1998-02-31: 31 February is not a date"},
        {"31/4/2026", "31/4/2026: 31 April is not a date"},
        {"0/4/2026", "0/4/2026: 0 April is not a date"},
        {"29/02/2026", "29/02/2026: 29 February 2026 is not a date (2026 is not a leap year)"},
        {"26-9-98", "26-9-98: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"26/9/98", "26/9/98: the year needs four digits (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"26-09-1998", "26-09-1998: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"1998-9-26", "1998-9-26: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"26.9.1998", "26.9.1998: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"26/9/198", "26/9/198: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"126/9/1998", "126/9/1998: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"26/9/1998/", "26/9/1998/: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"tomorrow", "tomorrow: not a date (write YYYY-MM-DD or DD/MM/YYYY)"},
        {"09/26/1998", "09/26/1998: there is no month 26 (the day comes first: DD/MM/YYYY)"},
        {"1998-13-01", "1998-13-01: there is no month 13"},
        {"26/9/3098", "26/9/3098: the year 3098 is out of range (1800 to 2999)"},
        {"0998-09-26", "0998-09-26: the year 998 is out of range (1800 to 2999)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cl_date d = 0;
        date_problem p = date_read(cases[i].in, &d);
        char got[160];
        if (p == DATE_READ_OK)
            date_format(d, got);
        else
            date_problem_text(p, cases[i].in, got, sizeof got);
        cr_expect_str_eq(got, cases[i].out, "%s", cases[i].in);
        cr_expect_eq(date_parse(cases[i].in, &d), p == DATE_READ_OK, "%s", cases[i].in);
    }
}

Test(dates, past_dates_as_officers_write_them)
{
    cl_date d, today = tu_date("2026-11-24");
    cr_assert(date_parse_past("1990-03-07", today, &d));
    cr_assert_str_eq(fmt(d), "1990-03-07");
    cr_assert(date_parse_past("07/03/1990", today, &d));
    cr_assert_str_eq(fmt(d), "1990-03-07");
    cr_assert(date_parse_past("7/3/1990", today, &d));
    cr_assert_str_eq(fmt(d), "1990-03-07");
    cr_assert(date_parse_past("7/03/1990", today, &d));
    cr_assert_str_eq(fmt(d), "1990-03-07");
    cr_assert(date_parse_past("1/6/82", today, &d));
    cr_assert_str_eq(fmt(d), "1982-06-01");
    cr_assert(date_parse_past("1/6/05", today, &d));
    cr_assert_str_eq(fmt(d), "2005-06-01");
    cr_assert(date_parse_past("24/11/26", today, &d)); /* today is not after today */
    cr_assert_str_eq(fmt(d), "2026-11-24");
    cr_assert(date_parse_past("25/11/26", today, &d));
    cr_assert_str_eq(fmt(d), "1926-11-25");
    cr_assert_not(date_parse_past("31/2/82", today, &d));
    cr_assert_not(date_parse_past("1/6/198", today, &d));
    cr_assert_not(date_parse_past("1/6", today, &d));
    cr_assert_not(date_parse_past("111/6/1982", today, &d));
    cr_assert_not(date_parse_past("1/6/19821", today, &d));
    cr_assert_not(date_parse_past("1/6/1982/", today, &d));
    cr_assert_not(date_parse_past("tue", today, &d));
    cr_assert_not(date_parse_past("", today, &d));
}

/* Typing a date of birth: what could still become one, and what never can.
 * 29 February: 1982, 2082 and 2023 are not leap years; 1904, 1984 and 2000 are. */
Test(dates, past_date_prefixes)
{
    cl_date today = tu_date("2026-11-24");
    static const char *const could[] = {
        "", "1", "3", "31", "0", "11/", "31/", "31/1", "11/6", "11/06", "11/0", "11/6/", "11/6/1",
        "11/6/19", "11/6/198", "1/6/82", "29/2/", "29/2/8", "29/2/198", "29/2/19", "29/2/00", "29/2/2",
        "31/12/1", "1/6/1982", "1990", "1990-", "1990-0", "1990-03", "1990-03-", "1990-03-3",
        "1990-03-31", "2000-02-2", "2000-02-29"};
    for (size_t i = 0; i < sizeof could / sizeof *could; i++)
        cr_expect(date_past_prefix(could[i], today), "'%s' could still become a date", could[i]);
    static const char *const never[] = {
        "31/2", "31/2/", "31/2/82", "31/2/8", "31/2/1982", "30/2/", "31/4/", "31/06/", "29/2/82",
        "29/2/1982", "29/2/1983", "32", "32/", "0/", "00/", "1/0/", "1/00", "1/13", "1/13/", "1//",
        "/", "/1", "1/1/12345", "1/1/300", "1/1/999", "1/6/1982/", "1/6/82x", "111/6", "1990-13",
        "1990-00", "1990-02-30", "2026-02-29", "1990-3-7", "1990-03-07-", "3000-", "12-", "tue", "x100"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        cr_expect_not(date_past_prefix(never[i], today), "'%s' can never become a date", never[i]);
}

Test(dates, weekday)
{
    cr_assert_eq(date_weekday(tu_date("2026-11-24")), 1); /* Tuesday */
    cr_assert_eq(date_weekday(tu_date("1970-01-01")), 3);
    cr_assert_eq(date_weekday(tu_date("2000-02-29")), 1);
}

Test(dates, months_clamp_to_month_end)
{
    cr_assert_str_eq(fmt(date_add_months(tu_date("2026-08-31"), 6)), "2027-02-28");
    cr_assert_str_eq(fmt(date_add_months(tu_date("2027-08-31"), 6)), "2028-02-29");
    cr_assert_str_eq(fmt(date_add_months(tu_date("2026-01-31"), 1)), "2026-02-28");
    cr_assert_str_eq(fmt(date_add_months(tu_date("2026-11-30"), 3)), "2027-02-28");
    cr_assert_str_eq(fmt(date_add_months(tu_date("2026-03-15"), -3)), "2025-12-15");
}

Test(dates, times)
{
    int m;
    cr_assert(time_parse("00:00", &m) && m == 0);
    cr_assert(time_parse("23:59", &m) && m == 1439);
    cr_assert_not(time_parse("24:00", &m));
    cr_assert_not(time_parse("9:00", &m));
    cr_assert_not(time_parse("09:60", &m));
    char b[CL_TIME_LEN];
    cr_assert_str_eq(time_format(545, b), "09:05");
}

Test(dates, add_business_days_conventions)
{
    /* CONVENTIONS.md examples. */
    cr_assert_str_eq(fmt(cal_add_business_days(&cal, tu_date("2026-11-27"), 1)), "2026-11-30"); /* Fri+1 */
    cr_assert_str_eq(fmt(cal_add_business_days(&cal, tu_date("2026-11-28"), 1)), "2026-11-30"); /* Sat+1 */
    cr_assert_str_eq(fmt(cal_add_business_days(&cal, tu_date("2026-12-24"), 1)), "2026-12-29");
    /* Easter 2027: Good Friday 26 March, Easter Monday 29 March. */
    cr_assert_str_eq(fmt(cal_add_business_days(&cal, tu_date("2027-03-25"), 1)), "2027-03-30");
    cr_assert_str_eq(fmt(cal_add_business_days(&cal, tu_date("2026-12-18"), 5)), "2026-12-29"); /* 21,22,23,24,29 */
    cr_assert_str_eq(fmt(cal_add_business_days(&cal, tu_date("2026-11-24"), 0)), "2026-11-24");
}

Test(dates, business_days_between)
{
    cr_assert_eq(cal_business_days_between(&cal, tu_date("2026-12-24"), tu_date("2026-12-29")), 1);
    cr_assert_eq(cal_business_days_between(&cal, tu_date("2026-11-23"), tu_date("2026-11-30")), 5);
    cr_assert_eq(cal_business_days_between(&cal, tu_date("2026-11-24"), tu_date("2026-11-24")), 0);
    cr_assert_eq(cal_business_days_between(&cal, tu_date("2026-11-30"), tu_date("2026-11-23")), -5);
}

Test(dates, boxing_day_substitute_2026)
{
    cr_assert_str_eq(cal_holiday_name(&cal, tu_date("2026-12-28")), "Boxing Day (substitute day)");
    cr_assert_not(cal_is_business_day(&cal, tu_date("2026-12-28")));
    cr_assert(cal_is_business_day(&cal, tu_date("2026-12-29")));
    cr_assert_str_eq(fmt(cal_next_business_day_from(&cal, tu_date("2026-12-25"))), "2026-12-29");
}

/* A day's heading names a bank holiday or a weekend, once. */
Test(dates, day_heading_names_the_holiday)
{
    char buf[160];
    cr_assert_str_eq(cal_day_heading(&cal, tu_date("2026-12-25"), buf, sizeof buf),
                     "Fri 25 Dec 2026 (Christmas Day, bank holiday)");
    cr_assert_str_eq(cal_day_heading(&cal, tu_date("2026-12-28"), buf, sizeof buf),
                     "Mon 28 Dec 2026 (Boxing Day (substitute day), bank holiday)");
    cr_assert_str_eq(cal_day_heading(&cal, tu_date("2026-08-31"), buf, sizeof buf),
                     "Mon 31 Aug 2026 (Summer bank holiday)");
    cr_assert_str_eq(cal_day_heading(&cal, tu_date("2026-12-26"), buf, sizeof buf), "Sat 26 Dec 2026 (weekend)");
    cr_assert_str_eq(cal_day_heading(&cal, tu_date("2026-12-29"), buf, sizeof buf), "Tue 29 Dec 2026");
    cr_assert_str_eq(cal_closed_why(&cal, tu_date("2026-12-27")), "a weekend");
    cr_assert_null(cal_closed_why(&cal, tu_date("2026-12-29")));
    cr_assert_str_eq(fmt(cal_prev_business_day_before(&cal, tu_date("2026-12-29"))), "2026-12-24");
}

/* The days passed over to the next business day: the first, then each bank
 * holiday on the way (the weekend between is not named twice). */
Test(dates, passed_over_words)
{
    char buf[400];
    cr_assert_str_eq(cal_passed_over_words(&cal, tu_date("2026-12-26"), tu_date("2026-12-29"), buf, sizeof buf),
                     "Sat 26 Dec 2026 is a weekend, Mon 28 Dec 2026 is Boxing Day (substitute day)");
    cr_assert_str_eq(cal_passed_over_words(&cal, tu_date("2026-12-25"), tu_date("2026-12-29"), buf, sizeof buf),
                     "Fri 25 Dec 2026 is Christmas Day, Mon 28 Dec 2026 is Boxing Day (substitute day)");
    cr_assert_str_eq(cal_passed_over_words(&cal, tu_date("2026-12-05"), tu_date("2026-12-07"), buf, sizeof buf),
                     "Sat 05 Dec 2026 is a weekend");
}

/* Every published date in the shipped list is a holiday and not a business day. */
Test(dates, every_published_holiday)
{
    FILE *f = fopen("tests/data/bank-holidays.csv", "r");
    cr_assert_not_null(f);
    char line[256];
    int n = 0;
    cr_assert_not_null(fgets(line, sizeof line, f)); /* header */
    while (fgets(line, sizeof line, f)) {
        line[10] = '\0';
        cl_date d = tu_date(line);
        cr_assert_not_null(cal_holiday_name(&cal, d), "%s missing", line);
        cr_assert_not(cal_is_business_day(&cal, d), "%s counted as a business day", line);
        n++;
    }
    fclose(f);
    cr_assert_eq(n, 91);
    cr_assert_eq(cal.n, 91);
}

Test(dates, typed_dates)
{
    cl_date today = tu_date("2026-11-24"), d; /* a Tuesday */
    cr_assert(cal_parse_typed(&cal, "2026-12-03", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-03");
    cr_assert(cal_parse_typed(&cal, "03/12/2026", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-03");
    cr_assert(cal_parse_typed(&cal, "3/12/2026", today, &d)); /* the import's D/M/YYYY too */
    cr_assert_str_eq(fmt(d), "2026-12-03");
    cr_assert(cal_parse_typed(&cal, "03/12", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-03");
    cr_assert(cal_parse_typed(&cal, "01/01", today, &d));
    cr_assert_str_eq(fmt(d), "2027-01-01");
    cr_assert(cal_parse_typed(&cal, "24/11", today, &d));
    cr_assert_str_eq(fmt(d), "2026-11-24");
    cr_assert(cal_parse_typed(&cal, "tue", today, &d));
    cr_assert_str_eq(fmt(d), "2026-11-24");
    cr_assert(cal_parse_typed(&cal, "mon", today, &d));
    cr_assert_str_eq(fmt(d), "2026-11-30");
    cr_assert(cal_parse_typed(&cal, "+3", today, &d));
    cr_assert_str_eq(fmt(d), "2026-11-27");
    cr_assert(cal_parse_typed(&cal, "t", today, &d));
    cr_assert_str_eq(fmt(d), "2026-11-24");
    cr_assert(cal_parse_typed(&cal, "29/02", today, &d));
    cr_assert_str_eq(fmt(d), "2028-02-29");
    cr_assert_not(cal_parse_typed(&cal, "31/02", today, &d));
    cr_assert_not(cal_parse_typed(&cal, "someday", today, &d));
    cr_assert_not(cal_parse_typed(&cal, "+", today, &d));
}

/* A typed date that is not one: the same words on the command line and in
 * every screen's date prompt, naming what is wrong when a day does not exist. */
Test(dates, typed_dates_name_the_real_problem)
{
    char buf[300];
    cr_assert_str_eq(cal_typed_problem("31/02/2027", buf, sizeof buf), "31/02/2027: 31 February is not a date");
    cr_assert_str_eq(cal_typed_problem("2026-04-31", buf, sizeof buf), "2026-04-31: 31 April is not a date");
    cr_assert_str_eq(cal_typed_problem("29/02/2027", buf, sizeof buf),
                     "29/02/2027: 29 February 2027 is not a date (2027 is not a leap year)");
    cr_assert_str_eq(cal_typed_problem("2026-13-01", buf, sizeof buf), "2026-13-01: there is no month 13");
    cr_assert_str_eq(cal_typed_problem("31/02", buf, sizeof buf), "31/02: 31 February is not a date");
    cr_assert_str_eq(cal_typed_problem("03/13", buf, sizeof buf), "03/13: there is no month 13");
    cr_assert_str_eq(cal_typed_problem("someday", buf, sizeof buf),
                     "'someday' is not a date (YYYY-MM-DD, DD/MM/YYYY, DD/MM, tue, +3, today)");
    /* The first half alone, for a prompt that names its own forms (a date of birth). */
    cr_assert_str_eq(cal_date_problem("31/2/82", buf, sizeof buf), "31/2/82: 31 February is not a date");
    cr_assert_str_eq(cal_date_problem("29/2/83", buf, sizeof buf), "29/2/83: 29 February is not a date (83 is not a leap year)");
    cr_assert_str_eq(cal_date_problem("31/02/1982", buf, sizeof buf), "31/02/1982: 31 February is not a date");
    cr_assert_str_eq(cal_date_problem("1/13/82", buf, sizeof buf), "1/13/82: there is no month 13");
    cr_assert_null(cal_date_problem("29/2/84", buf, sizeof buf));
    cr_assert_null(cal_date_problem("11/6/82", buf, sizeof buf));
    cr_assert_null(cal_date_problem("someday", buf, sizeof buf));
    cr_assert_null(cal_date_problem("3/12", buf, sizeof buf));
    cr_assert_null(cal_date_problem("31/2/", buf, sizeof buf));
    cr_assert_null(cal_date_problem("", buf, sizeof buf));
}

/* A date that can only be past (a contact, a review, an end): DD/MM is the
 * latest such date not after today, a weekday the last one (today counts). */
Test(dates, typed_past_dates_read_backwards)
{
    cl_date today = tu_date("2026-12-08"), d; /* a Tuesday */
    cr_assert(cal_parse_typed_past(&cal, "07/12", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-07");
    cr_assert(cal_parse_typed_past(&cal, "08/12", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-08", "today counts");
    cr_assert(cal_parse_typed_past(&cal, "09/12", today, &d));
    cr_assert_str_eq(fmt(d), "2025-12-09");
    cr_assert(cal_parse_typed_past(&cal, "01/12", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-01");
    cr_assert(cal_parse_typed_past(&cal, "mon", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-07");
    cr_assert(cal_parse_typed_past(&cal, "tue", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-08", "today counts");
    cr_assert(cal_parse_typed_past(&cal, "wednesday", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-02");
    cr_assert(cal_parse_typed_past(&cal, "29/02", today, &d));
    cr_assert_str_eq(fmt(d), "2024-02-29");
    cr_assert(cal_parse_typed_past(&cal, "2026-11-03", today, &d));
    cr_assert_str_eq(fmt(d), "2026-11-03");
    cr_assert(cal_parse_typed_past(&cal, "t", today, &d));
    cr_assert_str_eq(fmt(d), "2026-12-08");
    cr_assert_not(cal_parse_typed_past(&cal, "31/02", today, &d));
    /* The forward reading is unchanged. */
    cr_assert(cal_parse_typed(&cal, "07/12", today, &d));
    cr_assert_str_eq(fmt(d), "2027-12-07");
}

/* One wording for a date that may not come after today (registrations,
 * births, the import and the command line alike). */
Test(dates, after_today_words)
{
    char buf[128];
    cl_date today = tu_date("2026-11-24");
    cr_assert_null(date_after_today(today, today, "why", buf, sizeof buf));
    cr_assert_null(date_after_today(CL_DATE_NONE, today, "why", buf, sizeof buf));
    cr_assert_str_eq(date_after_today(today + 1, today, NULL, buf, sizeof buf), "2026-11-25 is after today (2026-11-24)");
    cr_assert_str_eq(date_after_today(today + 7, today, "a review is recorded once it has been done", buf, sizeof buf),
                     "2026-12-01 is after today (2026-11-24): a review is recorded once it has been done");
}
