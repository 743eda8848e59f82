#include "caseload/timescale.h"

#include <stdio.h>
#include <string.h>

/* DOMAIN.md section 5 and CONVENTIONS.md. One row per rule, in ts_id order. */
const ts_rule TS_RULES[TS_N] = {
    {TS_FIRST_APPT_COMMUNITY, "first-appointment", "first appointment after a community order or SSO",
     5, TS_WORKING_DAYS, "sentence", NULL, "ministerial answer, Feb 2023"},
    {TS_FIRST_APPT_LICENCE, "first-appointment", "first appointment after release on licence",
     1, TS_WORKING_DAYS, "release", NULL, "ministerial answer, Feb 2023"},
    {TS_UPW_ASSESSMENT, "upw-assessment", "unpaid work assessment",
     10, TS_WORKING_DAYS, "sentence", NULL, "HMPPS target operating model update, 2020"},
    {TS_UPW_FIRST_SESSION, "upw-first-session", "unpaid work first session",
     15, TS_WORKING_DAYS, "sentence", NULL, "HMPPS target operating model update, 2020"},
    {TS_UPW_REVIEW_6M, "upw-review-6m", "unpaid work review at 6 months",
     6, TS_MONTHS, "requirement start", NULL, "HMPPS target operating model update, 2020"},
    {TS_UPW_REVIEW_9M, "upw-review-9m", "unpaid work review at 9 months",
     9, TS_MONTHS, "requirement start", NULL, "HMPPS target operating model update, 2020"},
    {TS_UPW_COMPLETION, "upw-completion", "unpaid work completed",
     12, TS_MONTHS, "sentence", NULL, "Sentencing Code (until Sentencing Act 2026 s.36)"},
    {TS_HOME_VISIT_HIGH, "home-visit", "home visit (High or Very High RoSH, sex offender)",
     15, TS_DAYS, "supervision start", NULL, "HMPPS home visits framework"},
    {TS_HOME_VISIT_MEDIUM, "home-visit", "home visit (Medium RoSH)",
     6, TS_WEEKS, "supervision start", NULL, "HMPPS home visits framework"},
    {TS_HOME_VISIT_LOW, "home-visit", "home visit (Low RoSH)",
     12, TS_WEEKS, "supervision start", NULL, "HMPPS home visits framework"},
    {TS_HOME_VISIT_CONCERN, "home-visit", "home visit after a domestic abuse or child protection registration",
     5, TS_WORKING_DAYS, "registration", "home_visit_concern_days", "office default (CONVENTIONS.md)"},
    {TS_REPORT_ORAL, "report", "oral report for court",
     0, TS_WORKING_DAYS, "request", NULL, "probation court-report guidance"},
    {TS_REPORT_FAST, "report", "fast (short format) report for court",
     5, TS_WORKING_DAYS, "request", NULL, "probation court-report guidance"},
    {TS_REPORT_STANDARD, "report", "standard report for court",
     15, TS_WORKING_DAYS, "request", NULL, "probation court-report guidance"},
    {TS_NO_CONTACT_HIGH, "no-contact", "contact (High or Very High RoSH)",
     14, TS_DAYS, "last contact", "no_contact_days_high", "office default (CONVENTIONS.md)"},
    {TS_NO_CONTACT_MEDIUM, "no-contact", "contact (Medium RoSH)",
     28, TS_DAYS, "last contact", "no_contact_days_medium", "office default (CONVENTIONS.md)"},
    {TS_NO_CONTACT_LOW, "no-contact", "contact (Low or unknown RoSH)",
     42, TS_DAYS, "last contact", "no_contact_days_low", "office default (CONVENTIONS.md)"},
    {TS_ALLOCATION, "allocation", "allocation of a newly sentenced case",
     1, TS_WORKING_DAYS, "sentence", "allocation_days", "office default (CONVENTIONS.md)"},
};

/* Child sexual exploitation also brings the 15-day visit, but the reference
 * data has no national code for it yet: add it here when it has one. */
const char *const TS_HOME_VISIT_HIGH_TYPES[] = {"ARSO", "RCSE", NULL};
const char *const TS_HOME_VISIT_CONCERN_TYPES[] = {"ADVP", "RCPR", "RCCO", NULL};
/* No national "review" contact type exists: the review is the three-way
 * meeting (the person, the officer and unpaid work) on the order, and counts
 * when it was attended. A comment (C201) or a talk with the manager (CSPO) is
 * not a review: any note on the order would clear it. */
const char *const TS_UPW_REVIEW_TYPES[] = {"C084", NULL};

const ts_rule *ts_rule_get(ts_id id) { return id >= 0 && id < TS_N ? &TS_RULES[id] : NULL; }

cl_date ts_due_after(const cl_calendar *cal, cl_date start, int amount, ts_unit unit)
{
    if (start == CL_DATE_NONE)
        return CL_DATE_NONE;
    switch (unit) {
    case TS_WORKING_DAYS:
        /* "Same day" (0) is still a working day: an oral report asked for on a
         * Saturday court sitting is due the next working day. */
        return amount > 0 ? cal_add_business_days(cal, start, amount) : cal_next_business_day_from(cal, start);
    case TS_DAYS: return cal_due_after_days(cal, start, amount);
    case TS_WEEKS: return cal_due_after_days(cal, start, amount * 7);
    case TS_MONTHS: return cal_due_after_months(cal, start, amount);
    }
    return CL_DATE_NONE;
}

cl_date ts_due(const cl_calendar *cal, ts_id id, cl_date start)
{
    const ts_rule *r = ts_rule_get(id);
    return r ? ts_due_after(cal, start, r->amount, r->unit) : CL_DATE_NONE;
}

ts_id ts_first_appointment_rule(const char *order_type)
{
    if (order_type && (!strcmp(order_type, "LIC") || !strcmp(order_type, "PSS")))
        return TS_FIRST_APPT_LICENCE;
    return TS_FIRST_APPT_COMMUNITY;
}

ts_id ts_home_visit_rule(risk_rosh rosh, bool high_type)
{
    if (high_type || rosh >= ROSH_HIGH)
        return TS_HOME_VISIT_HIGH;
    return rosh == ROSH_MEDIUM ? TS_HOME_VISIT_MEDIUM : TS_HOME_VISIT_LOW;
}

ts_id ts_no_contact_rule(risk_rosh rosh)
{
    if (rosh >= ROSH_HIGH)
        return TS_NO_CONTACT_HIGH;
    return rosh == ROSH_MEDIUM ? TS_NO_CONTACT_MEDIUM : TS_NO_CONTACT_LOW;
}

int ts_report_rule(const char *type)
{
    if (!type)
        return -1;
    if (!strcmp(type, "CJO"))
        return TS_REPORT_ORAL;
    if (!strcmp(type, "CJF"))
        return TS_REPORT_FAST;
    if (!strcmp(type, "CJS"))
        return TS_REPORT_STANDARD;
    return -1;
}

bool ts_type_in(const char *const *list, const char *code)
{
    for (; code && *list; list++)
        if (!strcmp(*list, code))
            return true;
    return false;
}

cl_date ts_registration_review(const cl_calendar *cal, const char *type, cl_date from)
{
    const risk_regtype *t = risk_type(type);
    if (!t || t->review_months <= 0 || from == CL_DATE_NONE)
        return CL_DATE_NONE;
    return cal_due_after_months(cal, from, t->review_months);
}

char *ts_period_words(int amount, ts_unit unit, char *buf, size_t len)
{
    static const char *const words[] = {"working day", "day", "week", "month"};
    if (amount == 0 && unit == TS_WORKING_DAYS)
        snprintf(buf, len, "same day");
    else
        snprintf(buf, len, "%d %s%s", amount, words[unit], amount == 1 ? "" : "s");
    return buf;
}

void ts_office_defaults(ts_office *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < TS_N; i++)
        o->amount[i] = TS_RULES[i].amount;
    o->s36_commencement = CL_DATE_NONE;
}

bool ts_upw_completion_applies(const ts_office *o, cl_date sentence)
{
    /* Date-effective: orders made before the commencement keep the limit. */
    return o->s36_commencement == CL_DATE_NONE || sentence < o->s36_commencement;
}
