/* Every timescale at its edges. Expected dates are written out by hand from
 * the published England and Wales bank holidays (2026: Good Friday 3 April,
 * Easter Monday 6 April, Christmas Friday 25 December, Boxing Day substitute
 * Monday 28 December; 2027: Good Friday 26 March, Easter Monday 29 March,
 * substitutes 27 and 28 December; 2028 is a leap year). */
#include <criterion/criterion.h>
#include <string.h>

#include "caseload/store_setting.h"
#include "caseload/timescale.h"
#include "testutil.h"

static cl_calendar cal;
static void setup(void)
{
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
}
static void teardown(void) { cal_free(&cal); }
TestSuite(timescale, .init = setup, .fini = teardown);

#define DUE(id, start, want)                                                                   \
    do {                                                                                       \
        char got_[CL_DATE_LEN];                                                                \
        date_format(ts_due(&cal, id, tu_date(start)), got_);                                   \
        cr_assert_str_eq(got_, want, "%s from %s", TS_RULES[id].what, start);                  \
    } while (0)

Test(timescale, table_rows_are_in_id_order_with_items_and_sources)
{
    for (int i = 0; i < TS_N; i++) {
        cr_assert_eq(TS_RULES[i].id, i);
        cr_assert(TS_RULES[i].item && TS_RULES[i].item[0]);
        cr_assert(TS_RULES[i].source && TS_RULES[i].source[0]);
    }
}

Test(timescale, national_figures)
{
    cr_assert_eq(TS_RULES[TS_FIRST_APPT_COMMUNITY].amount, 5);
    cr_assert_eq(TS_RULES[TS_FIRST_APPT_LICENCE].amount, 1);
    cr_assert_eq(TS_RULES[TS_UPW_ASSESSMENT].amount, 10);
    cr_assert_eq(TS_RULES[TS_UPW_FIRST_SESSION].amount, 15);
    cr_assert_eq(TS_RULES[TS_HOME_VISIT_HIGH].amount, 15);
    cr_assert_eq(TS_RULES[TS_HOME_VISIT_HIGH].unit, TS_DAYS);
    cr_assert_eq(TS_RULES[TS_HOME_VISIT_MEDIUM].amount, 6);
    cr_assert_eq(TS_RULES[TS_HOME_VISIT_MEDIUM].unit, TS_WEEKS);
    cr_assert_eq(TS_RULES[TS_HOME_VISIT_LOW].amount, 12);
    cr_assert_eq(TS_RULES[TS_NO_CONTACT_HIGH].amount, 14);
    cr_assert_eq(TS_RULES[TS_NO_CONTACT_MEDIUM].amount, 28);
    cr_assert_eq(TS_RULES[TS_NO_CONTACT_LOW].amount, 42);
}

Test(timescale, first_appointment_community_over_christmas_easter_and_weekend)
{
    DUE(TS_FIRST_APPT_COMMUNITY, "2026-12-18", "2026-12-29"); /* Fri: 25th and 28th skipped */
    DUE(TS_FIRST_APPT_COMMUNITY, "2026-04-01", "2026-04-10"); /* Good Friday, Easter Monday */
    DUE(TS_FIRST_APPT_COMMUNITY, "2026-11-21", "2026-11-27"); /* sentenced on a Saturday */
    DUE(TS_FIRST_APPT_COMMUNITY, "2026-11-23", "2026-11-30"); /* Monday: the day itself never counts */
}

Test(timescale, first_appointment_licence_one_working_day)
{
    DUE(TS_FIRST_APPT_LICENCE, "2026-12-24", "2026-12-29");
    DUE(TS_FIRST_APPT_LICENCE, "2027-12-24", "2027-12-29"); /* both substitute days */
    DUE(TS_FIRST_APPT_LICENCE, "2026-11-27", "2026-11-30"); /* Friday -> Monday */
    cr_assert_eq(ts_first_appointment_rule("LIC"), TS_FIRST_APPT_LICENCE);
    cr_assert_eq(ts_first_appointment_rule("PSS"), TS_FIRST_APPT_LICENCE);
    cr_assert_eq(ts_first_appointment_rule("CO"), TS_FIRST_APPT_COMMUNITY);
    cr_assert_eq(ts_first_appointment_rule("SSO"), TS_FIRST_APPT_COMMUNITY);
}

Test(timescale, unpaid_work_assessment_and_first_session)
{
    DUE(TS_UPW_ASSESSMENT, "2026-12-14", "2026-12-30");
    DUE(TS_UPW_FIRST_SESSION, "2026-12-14", "2027-01-07"); /* and New Year's Day */
    DUE(TS_UPW_FIRST_SESSION, "2027-03-15", "2027-04-07"); /* Easter 2027 */
}

Test(timescale, unpaid_work_reviews_month_ends_and_leap_years)
{
    DUE(TS_UPW_REVIEW_6M, "2026-08-31", "2027-03-01"); /* 28 Feb 2027 is a Sunday */
    DUE(TS_UPW_REVIEW_6M, "2027-08-31", "2028-02-29"); /* leap day, a Tuesday */
    DUE(TS_UPW_REVIEW_9M, "2026-03-25", "2026-12-29"); /* Christmas Day -> after the substitute */
    DUE(TS_UPW_REVIEW_9M, "2026-05-31", "2027-03-01"); /* clamped to 28 Feb, a Sunday */
}

Test(timescale, unpaid_work_completion)
{
    DUE(TS_UPW_COMPLETION, "2024-02-29", "2025-02-28"); /* from a leap day */
    DUE(TS_UPW_COMPLETION, "2026-04-03", "2027-04-05"); /* Saturday -> Monday */
    ts_office o;
    ts_office_defaults(&o);
    cr_assert(ts_upw_completion_applies(&o, tu_date("2030-01-01")));
    o.s36_commencement = tu_date("2027-01-01");
    cr_assert(ts_upw_completion_applies(&o, tu_date("2026-12-31")));
    cr_assert_not(ts_upw_completion_applies(&o, tu_date("2027-01-01")));
}

Test(timescale, home_visits_by_rosh)
{
    DUE(TS_HOME_VISIT_HIGH, "2026-12-10", "2026-12-29");   /* 15 days: Christmas Day */
    DUE(TS_HOME_VISIT_MEDIUM, "2026-11-16", "2026-12-29"); /* 6 weeks: Boxing Day substitute */
    DUE(TS_HOME_VISIT_LOW, "2026-01-09", "2026-04-07");    /* 12 weeks: Good Friday */
    DUE(TS_HOME_VISIT_CONCERN, "2027-03-24", "2027-04-02"); /* 5 working days over Easter */
    cr_assert_eq(ts_home_visit_rule(ROSH_VERY_HIGH, false), TS_HOME_VISIT_HIGH);
    cr_assert_eq(ts_home_visit_rule(ROSH_HIGH, false), TS_HOME_VISIT_HIGH);
    cr_assert_eq(ts_home_visit_rule(ROSH_LOW, true), TS_HOME_VISIT_HIGH); /* sex offender */
    cr_assert_eq(ts_home_visit_rule(ROSH_MEDIUM, false), TS_HOME_VISIT_MEDIUM);
    cr_assert_eq(ts_home_visit_rule(ROSH_LOW, false), TS_HOME_VISIT_LOW);
    cr_assert_eq(ts_home_visit_rule(ROSH_UNKNOWN, false), TS_HOME_VISIT_LOW);
    cr_assert(ts_type_in(TS_HOME_VISIT_HIGH_TYPES, "ARSO"));
    cr_assert(ts_type_in(TS_HOME_VISIT_HIGH_TYPES, "RCSE")); /* child sexual exploitation */
    cr_assert(ts_type_in(TS_HOME_VISIT_CONCERN_TYPES, "ADVP"));
    cr_assert(ts_type_in(TS_HOME_VISIT_CONCERN_TYPES, "RCPR"));
    cr_assert(ts_type_in(TS_HOME_VISIT_CONCERN_TYPES, "RCCO"));
    cr_assert_not(ts_type_in(TS_HOME_VISIT_CONCERN_TYPES, "MAPP"));
}

Test(timescale, court_reports)
{
    DUE(TS_REPORT_ORAL, "2026-11-24", "2026-11-24");     /* same day */
    DUE(TS_REPORT_ORAL, "2026-12-26", "2026-12-29");     /* a Saturday sitting */
    DUE(TS_REPORT_FAST, "2026-12-22", "2026-12-31");
    DUE(TS_REPORT_STANDARD, "2026-12-22", "2027-01-15");
    cr_assert_eq(ts_report_rule("CJO"), TS_REPORT_ORAL);
    cr_assert_eq(ts_report_rule("CJF"), TS_REPORT_FAST);
    cr_assert_eq(ts_report_rule("CJS"), TS_REPORT_STANDARD);
    cr_assert_eq(ts_report_rule("PSA"), -1);
}

Test(timescale, no_contact_limits)
{
    DUE(TS_NO_CONTACT_HIGH, "2026-12-11", "2026-12-29");
    DUE(TS_NO_CONTACT_MEDIUM, "2026-02-01", "2026-03-02"); /* 1 March 2026 is a Sunday */
    DUE(TS_NO_CONTACT_MEDIUM, "2028-02-01", "2028-02-29"); /* leap day */
    DUE(TS_NO_CONTACT_LOW, "2026-02-20", "2026-04-07");    /* Good Friday and Easter Monday */
    cr_assert_eq(ts_no_contact_rule(ROSH_VERY_HIGH), TS_NO_CONTACT_HIGH);
    cr_assert_eq(ts_no_contact_rule(ROSH_MEDIUM), TS_NO_CONTACT_MEDIUM);
    cr_assert_eq(ts_no_contact_rule(ROSH_UNKNOWN), TS_NO_CONTACT_LOW);
}

Test(timescale, registration_reviews_from_the_type_table)
{
    char d[CL_DATE_LEN];
    cr_assert_str_eq(date_format(ts_registration_review(&cal, "MAPP", tu_date("2026-09-25")), d), "2026-12-29");
    cr_assert_str_eq(date_format(ts_registration_review(&cal, "RHRH", tu_date("2026-08-31")), d), "2027-03-01");
    cr_assert_str_eq(date_format(ts_registration_review(&cal, "IKMF", tu_date("2027-02-28")), d), "2028-02-28");
    cr_assert_str_eq(date_format(ts_registration_review(&cal, "IKMF", tu_date("2028-02-29")), d), "2029-02-28");
    cr_assert_str_eq(date_format(ts_registration_review(&cal, "AV2S", tu_date("2026-06-25")), d), "2026-12-29");
    cr_assert_eq(ts_registration_review(&cal, "NOPE", tu_date("2026-06-25")), CL_DATE_NONE);
}

Test(timescale, period_words)
{
    char b[32];
    cr_assert_str_eq(ts_period_words(5, TS_WORKING_DAYS, b, sizeof b), "5 working days");
    cr_assert_str_eq(ts_period_words(1, TS_WORKING_DAYS, b, sizeof b), "1 working day");
    cr_assert_str_eq(ts_period_words(0, TS_WORKING_DAYS, b, sizeof b), "same day");
    cr_assert_str_eq(ts_period_words(6, TS_WEEKS, b, sizeof b), "6 weeks");
}

Test(timescale, office_settings_override_the_office_defaults_only)
{
    char *dir = tu_tmpdir();
    cl_store *st = tu_open(dir, "s.db");
    cl_err err = {0};
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_setting_set(st, "N01", "no_contact_days_high", "7", &err), CL_OK);
    cr_assert_eq(store_setting_set(st, TS_SCOPE_ALL, "no_contact_days_low", "30", &err), CL_OK);
    cr_assert_eq(store_setting_set(st, "N01", "no_contact_days_medium", "junk", &err), CL_OK);
    cr_assert_eq(store_setting_set(st, TS_SCOPE_ALL, TS_SETTING_S36, "2027-01-01", &err), CL_OK);
    /* The office's own row wins even over a good all-office row, and a
     * malformed one keeps the national default (not the all-office figure). */
    cr_assert_eq(store_setting_set(st, TS_SCOPE_ALL, "no_contact_days_medium", "21", &err), CL_OK);
    cr_assert_eq(store_setting_set(st, TS_SCOPE_ALL, "no_contact_days_high", "10", &err), CL_OK);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    ts_office o;
    cr_assert_eq(ts_office_load(st, "N01", &o, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(o.amount[TS_NO_CONTACT_HIGH], 7);
    cr_assert_eq(o.amount[TS_NO_CONTACT_MEDIUM], 28); /* malformed: default kept */
    cr_assert_eq(o.amount[TS_NO_CONTACT_LOW], 30);    /* every office's setting */
    cr_assert_eq(o.amount[TS_FIRST_APPT_COMMUNITY], 5);
    cr_assert_eq(o.s36_commencement, tu_date("2027-01-01"));
    cr_assert_eq(ts_office_load(st, "S02", &o, &err), CL_OK);
    cr_assert_eq(o.amount[TS_NO_CONTACT_HIGH], 10);
    cr_assert_eq(o.amount[TS_NO_CONTACT_MEDIUM], 21);
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
