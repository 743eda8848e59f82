/* Timescales: the one table of everything that falls due, with its figure and
 * source (DOMAIN.md section 5, CONVENTIONS.md "Timescales not fixed
 * nationally"). The due list, the record, help text and the tests all read
 * the figures from here. Registration review periods live in RISK_TYPES
 * (risk.h), the one table of registration types.
 *
 * Counting: a rule in working days counts business days (weekends and bank
 * holidays excluded, the start day never counts); a rule in calendar days,
 * weeks or months counts calendar time and a due date that lands on a weekend
 * or bank holiday moves to the next business day. */
#ifndef CASELOAD_TIMESCALE_H
#define CASELOAD_TIMESCALE_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/calendar.h"
#include "caseload/err.h"
#include "caseload/risk.h"
#include "caseload/store.h"

typedef enum { TS_WORKING_DAYS, TS_DAYS, TS_WEEKS, TS_MONTHS } ts_unit;

typedef enum {
    TS_FIRST_APPT_COMMUNITY, /* CO, SSO */
    TS_FIRST_APPT_LICENCE,   /* LIC, PSS: after release */
    TS_UPW_ASSESSMENT,
    TS_UPW_FIRST_SESSION,
    TS_UPW_REVIEW_6M,
    TS_UPW_REVIEW_9M,
    TS_UPW_COMPLETION,
    TS_HOME_VISIT_HIGH,      /* High / Very High RoSH, TS_HOME_VISIT_HIGH_TYPES */
    TS_HOME_VISIT_MEDIUM,
    TS_HOME_VISIT_LOW,       /* Low or unknown RoSH */
    TS_HOME_VISIT_CONCERN,   /* after a new TS_HOME_VISIT_CONCERN_TYPES registration */
    TS_REPORT_ORAL,
    TS_REPORT_FAST,
    TS_REPORT_STANDARD,
    TS_NO_CONTACT_HIGH,      /* High / Very High RoSH */
    TS_NO_CONTACT_MEDIUM,
    TS_NO_CONTACT_LOW,       /* Low or unknown RoSH */
    TS_ALLOCATION,
    TS_N
} ts_id;

typedef struct ts_rule {
    ts_id id;
    const char *item;    /* the due-list item name (stable: CSV, tests) */
    const char *what;    /* words for screens and help */
    int amount;          /* the national or default figure */
    ts_unit unit;
    const char *from;    /* what the period counts from, in words */
    const char *setting; /* setting key an office may change, or NULL when national */
    const char *source;
} ts_rule;

extern const ts_rule TS_RULES[TS_N];
const ts_rule *ts_rule_get(ts_id id);

/* Registration types that bring the 15-day home visit whatever the RoSH
 * (registered sex offender; child sexual exploitation has no national code
 * in the reference data yet), and those whose new registration brings a home
 * visit (domestic abuse, child protection, child concerns). NULL-terminated. */
extern const char *const TS_HOME_VISIT_HIGH_TYPES[];
extern const char *const TS_HOME_VISIT_CONCERN_TYPES[];
/* Contact types on the order that record an unpaid work review, when their
 * outcome is attended. A review counts for a due date when it is dated from
 * TS_UPW_REVIEW_EARLY_DAYS before that date up to the day the list is for (a
 * late review clears the overdue item; one dated after the list's day does
 * not count yet; the 9-month review also covers a missed 6-month one). */
extern const char *const TS_UPW_REVIEW_TYPES[];
/* A review logged up to this many days before its due date counts for it. */
#define TS_UPW_REVIEW_EARLY_DAYS 14
/* The contact type of a home visit (counts when its outcome is attended). */
#define TS_HOME_VISIT_TYPE "CHVS"
/* The contact type of an unpaid work session. */
#define TS_UPW_SESSION_TYPE "CUPA"
/* The requirement type of unpaid work. */
#define TS_UPW_REQUIREMENT "W"
/* The requirement type of a rehabilitation activity requirement (RAR days). */
#define TS_RAR_REQUIREMENT "F"
/* The longest unpaid work session credited, in hours: a longer one is a
 * mistyped time (a working day on a placement is about 7 to 8 hours). */
#define TS_UPW_SESSION_MAX_HOURS 10
/* Setting: the commencement date of the Sentencing Act 2026 s.36, from
 * which orders no longer carry the 12-month completion limit. */
#define TS_SETTING_S36 "upw_s36_commencement"
/* Setting scope that applies to every office (an office's own row wins). */
#define TS_SCOPE_ALL "*"
/* The settings an office may record (the setting table's keys): the setting
 * of each TS_RULES row that has one, a whole number of that rule's unit from
 * 0 to TS_SETTING_MAX, and TS_SETTING_S36, a date. */
#define TS_SETTING_MAX 3650
/* False for any other key, with "unknown setting 'KEY' (the known keys)" in msg. */
bool ts_setting_known(const char *key, char *msg, size_t len);
/* A value for a setting: true with the form it is stored in (a number
 * without sign or leading zeros, a date as YYYY-MM-DD) in out; false with
 * what is wrong in msg. */
bool ts_setting_read(const char *key, const char *value, char *out, size_t outlen, char *msg, size_t len);

/* A due date: start plus amount in unit, by the counting rules above. */
cl_date ts_due_after(const cl_calendar *cal, cl_date start, int amount, ts_unit unit);
/* The same with the rule's default figure. */
cl_date ts_due(const cl_calendar *cal, ts_id id, cl_date start);

/* Which rule applies. */
ts_id ts_first_appointment_rule(const char *order_type);
ts_id ts_home_visit_rule(risk_rosh rosh, bool high_type);
ts_id ts_no_contact_rule(risk_rosh rosh);
/* -1 when the report type has no national timescale (addendum: its due date). */
int ts_report_rule(const char *report_type);
bool ts_type_in(const char *const *list, const char *code);

/* A registration's next review: from + the type's review period (months),
 * moved off weekends and bank holidays. CL_DATE_NONE for an unknown type. */
cl_date ts_registration_review(const cl_calendar *cal, const char *type, cl_date from);

/* "5 working days", "6 weeks", "12 months", "same day". */
char *ts_period_words(int amount, ts_unit unit, char *buf, size_t len);

/* An office's figures: the national table, with the office's settings (or the
 * all-office settings) for the rows that carry a setting key. */
typedef struct ts_office {
    char office[16];
    int amount[TS_N];
    cl_date s36_commencement; /* CL_DATE_NONE: not recorded */
} ts_office;
void ts_office_defaults(ts_office *o);
int ts_office_load(cl_store *st, const char *office, ts_office *out, cl_err *err);

/* The setting rows the figures read, for working out many offices' figures
 * from one read (the due list meets many offices at once). */
typedef struct ts_settings {
    struct ts_setting_row {
        char scope[32], key[64], value[64];
    } *row;
    size_t n, cap;
    bool oom;
} ts_settings;
int ts_settings_load(cl_store *st, ts_settings *out, cl_err *err);
/* The same figures as ts_office_load, from rows read by ts_settings_load. */
void ts_settings_office(const ts_settings *s, const char *office, ts_office *out);
void ts_settings_free(ts_settings *s);
/* True when the 12-month completion limit applies to an order sentenced on d. */
bool ts_upw_completion_applies(const ts_office *o, cl_date sentence);

#endif
