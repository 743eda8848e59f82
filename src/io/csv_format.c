/* The column tables of every CSV kind (documented columns first, in the order
 * of the issue and CONVENTIONS.md, then the columns features added), and the
 * conversion of one field between text and the model.h struct. */
#include "caseload/csv_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pthread.h>

#include "caseload/calendar.h"
#include "caseload/case_open.h"
#include "caseload/clock.h"
#include "caseload/limits.h"
#include "caseload/pnc.h"
#include "caseload/registration.h"
#include "caseload/model.h"
#include "caseload/numtext.h"
#include "caseload/risk.h"
#include "caseload/timescale.h"

#define F(T, m) offsetof(T, m), sizeof(((T *)0)->m)
#define NONE STORE_KINDS_N
#define RC CF_REQ_COL
#define RV (CF_REQ_COL | CF_REQ_VAL)

static const csv_column offices[] = {
    {"code", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_office, code), "office code"},
    {"name", CF_TEXT, RV, NULL, NONE, F(cl_office, name), "office name"},
    {"address", CF_TEXT, RC, NULL, NONE, F(cl_office, address), "postal address (may span lines)"},
    {"phone", CF_TEXT, RC, NULL, NONE, F(cl_office, phone), "telephone number"},
    {"hours_start", CF_TIME, 0, NULL, NONE, F(cl_office, hours_start), "opening time; empty means 09:00"},
    {"hours_end", CF_TIME, 0, NULL, NONE, F(cl_office, hours_end), "closing time; empty means 17:00"},
};

static const csv_column staff[] = {
    {"code", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_staff, code), "staff code (also the login name that selects the officer)"},
    {"name", CF_TEXT, RV, NULL, NONE, F(cl_staff, name), "full name"},
    {"grade", CF_CODE, RV, &REF_GRADES, NONE, F(cl_staff, grade), "grade"},
    {"office", CF_TEXT, RV, NULL, STORE_OFFICE, F(cl_staff, office), "office code"},
    {"team", CF_TEXT, RC, NULL, NONE, F(cl_staff, team), "team name"},
    {"hours", CF_NUM, RC, NULL, NONE, F(cl_staff, hours), "contracted hours a week: more than 0, at most 48; empty means full time"},
    {"reduction_hours", CF_NUM, 0, NULL, NONE, F(cl_staff, reduction_hours), "hours a week taken off the caseload capacity; empty means 0; at most the contracted hours"},
};

static const csv_column offenders[] = {
    {"crn", CF_CRN, RV | CF_KEY, NULL, NONE, F(cl_offender, crn), "case reference number, e.g. X123456"},
    {"surname", CF_TEXT, RV, NULL, NONE, F(cl_offender, surname), "family name"},
    {"forenames", CF_TEXT, RV, NULL, NONE, F(cl_offender, forenames), "given names"},
    {"date_of_birth", CF_DATE, RV | CF_NOSHIFT, NULL, NONE, F(cl_offender, date_of_birth), "date of birth, not after today"},
    {"gender", CF_CODE, RC, &REF_GENDERS, NONE, F(cl_offender, gender), "gender"},
    {"pnc", CF_PNC, RC, NULL, NONE, F(cl_offender, pnc), "police national computer number, YYYY/NNNNNNNL (e.g. 2001/0123456A); a short form such as 01/123456A is stored in full; the year, when the record was made, is not after this year nor before the year of birth"},
    {"address", CF_TEXT, RC, NULL, NONE, F(cl_offender, address), "home address (may span lines)"},
    {"postcode", CF_TEXT, RC, NULL, NONE, F(cl_offender, postcode), "postcode"},
    {"phone", CF_TEXT, RC, NULL, NONE, F(cl_offender, phone), "telephone number"},
    {"tier", CF_TIER, RC, NULL, NONE, F(cl_offender, tier), "tier, A0 to D3, with an optional S suffix"},
    {"officer", CF_TEXT, RC, NULL, STORE_STAFF, F(cl_offender, officer), "managing officer's staff code; empty means unallocated; for a case not closed, one who may hold cases (not an administrator) working in the case's office (another office's officer only through allocate's override: a stored case keeping that officer and office passes); one whose grade may not hold the case (a PSO with a tier A row) is taken with a warning naming the rule, and the case is a reallocation item on the due list"},
    {"office", CF_TEXT, RV, NULL, STORE_OFFICE, F(cl_offender, office), "office code"},
    {"status", CF_CODE, RV, &REF_OFFENDER_STATUS, NONE, F(cl_offender, status), "case status"},
    {"aliases", CF_TEXT, 0, NULL, NONE, F(cl_offender, aliases), "other names, found by the name search"},
    {"closed_by", CF_TEXT, 0, NULL, NONE, F(cl_offender, closed_by), "who closed the case (a closed case only); empty means whoever imports"},
    {"closed_at", CF_STAMP, 0, NULL, NONE, F(cl_offender, closed_at), "when the case was closed, YYYY-MM-DDTHH:MM (a closed case only); empty means now"},
    {"allocated_at", CF_STAMP, 0, NULL, NONE, F(cl_offender, allocated_at), "when the officer was given the case (without an officer: when it came to its office, as a transfer to an office stamps it), YYYY-MM-DDTHH:MM; empty means now for a new officer, else what is stored"},
};

static const csv_column orders[] = {
    {"id", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_order, id), "order id"},
    {"crn", CF_CRN, RV, NULL, STORE_OFFENDER, F(cl_order, crn), "the person's CRN"},
    {"type", CF_CODE, RV, &REF_ORDER_TYPES, NONE, F(cl_order, type), "order type"},
    {"sentence_date", CF_DATE, RV, NULL, NONE, F(cl_order, sentence_date), "date of sentence (or of release, for a licence)"},
    {"end_date", CF_DATE, RC, NULL, NONE, F(cl_order, end_date), "expected end date"},
    {"court", CF_TEXT, RC, NULL, NONE, F(cl_order, court), "sentencing court"},
    {"terminated", CF_DATE, 0, NULL, NONE, F(cl_order, terminated), "date the order was terminated early; empty while it runs"},
};

static const csv_column requirements[] = {
    {"id", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_requirement, id), "requirement id"},
    {"order_id", CF_TEXT, RV, NULL, STORE_ORDER, F(cl_requirement, order_id), "the order's id"},
    {"type", CF_CODE, RV, &REF_REQUIREMENT_TYPES, NONE, F(cl_requirement, type), "requirement type"},
    {"length", CF_NUM, RC, NULL, NONE, F(cl_requirement, length), "length, in unit, within the type's range (unpaid work 40 to 300 hours; see caseload-csv(5))"},
    {"unit", CF_CODE, RC, &REF_UNITS, NONE, F(cl_requirement, unit), "unit of length"},
    {"start_date", CF_DATE, RC, NULL, NONE, F(cl_requirement, start_date), "start date"},
    {"subtype", CF_TEXT, 0, NULL, NONE, F(cl_requirement, subtype), "programme or sub-type name, e.g. Thinking Skills Programme"},
};

static const csv_column registrations[] = {
    {"crn", CF_CRN, RV | CF_KEY, NULL, STORE_OFFENDER, F(cl_registration, crn), "the person's CRN"},
    {"type", CF_REGTYPE, RV | CF_KEY, NULL, NONE, F(cl_registration, type), "registration type (RoSH level or flag)"},
    {"category", CF_CODE, RC, &REF_MAPPA_CATEGORIES, NONE, F(cl_registration, category), "MAPPA category, M1 to M4"},
    {"level", CF_REGLEVEL, RC, NULL, NONE, F(cl_registration, level), "level: L, M, H or V; MAPPA level M1 to M3; empty for RoSH"},
    {"start_date", CF_DATE, RV | CF_KEY, NULL, NONE, F(cl_registration, start_date), "date registered"},
    {"review_date", CF_DATE, RC, NULL, NONE, F(cl_registration, review_date), "next review date"},
    {"end_date", CF_DATE, RC, NULL, NONE, F(cl_registration, end_date), "date ended; empty while active"},
    {"notes", CF_NOTES, RC, NULL, NONE, F(cl_registration, notes), "notes (any length, may span lines)"},
    {"registered_by", CF_TEXT, 0, NULL, NONE, F(cl_registration, registered_by), "who registered it; empty means whoever imports"},
    {"reason", CF_TEXT, 0, NULL, NONE, F(cl_registration, reason), "why it ended"},
    {"changed_by", CF_TEXT, 0, NULL, NONE, F(cl_registration, changed_by), "who ended it"},
    {"changed_at", CF_STAMP, 0, NULL, NONE, F(cl_registration, changed_at), "when it was ended, YYYY-MM-DDTHH:MM"},
    {"id", CF_ID, CF_UNIQUE, NULL, NONE, F(cl_registration, id), "its number (register --review/--end, the due list's ref), kept on import; empty means a new number (every row has one or none does)"},
    {"reviewed_on", CF_DATE, 0, NULL, NONE, F(cl_registration, reviewed_on), "the day its last review was done (register --review); empty before the first"},
};

static const csv_column appointments[] = {
    {"id", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_appointment, id), "appointment id"},
    {"crn", CF_CRN, RV, NULL, STORE_OFFENDER, F(cl_appointment, crn), "the person's CRN"},
    {"order_id", CF_TEXT, RC, NULL, STORE_ORDER, F(cl_appointment, order_id), "the order it is for, if any"},
    {"officer", CF_TEXT, RV, NULL, STORE_STAFF, F(cl_appointment, officer), "officer's staff code"},
    {"date", CF_DATE, RV, NULL, NONE, F(cl_appointment, date), "date"},
    {"start", CF_TIME, RV, NULL, NONE, F(cl_appointment, start), "start time"},
    {"end", CF_TIME, RC, NULL, NONE, F(cl_appointment, end), "end time"},
    {"type", CF_APPT_TYPE, RV, NULL, NONE, F(cl_appointment, type), "appointment type"},
    {"location", CF_TEXT, RC, NULL, NONE, F(cl_appointment, location), "room or place"},
    {"status", CF_CODE, RC, &REF_APPT_STATUS, NONE, F(cl_appointment, status), "status; empty means booked"},
    {"notes", CF_NOTES, RC, NULL, NONE, F(cl_appointment, notes), "notes (any length, may span lines)"},
    {"office", CF_TEXT, 0, NULL, STORE_OFFICE, F(cl_appointment, office), "office whose diary holds it; empty means the officer's office"},
    {"reason", CF_TEXT, 0, NULL, NONE, F(cl_appointment, reason), "why it was cancelled or rescheduled"},
    {"changed_by", CF_TEXT, 0, NULL, NONE, F(cl_appointment, changed_by), "who cancelled or rescheduled it"},
    {"changed_at", CF_STAMP, 0, NULL, NONE, F(cl_appointment, changed_at), "when, YYYY-MM-DDTHH:MM"},
    {"replaced_by", CF_TEXT, 0, NULL, STORE_APPOINTMENT, F(cl_appointment, replaced_by), "id of the appointment that replaced a rescheduled one"},
};

static const csv_column contacts[] = {
    {"id", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_contact, id), "contact id"},
    {"crn", CF_CRN, RV, NULL, STORE_OFFENDER, F(cl_contact, crn), "the person's CRN"},
    {"order_id", CF_TEXT, RC, NULL, STORE_ORDER, F(cl_contact, order_id), "the order it counts for, if any"},
    {"officer", CF_TEXT, RC, NULL, STORE_STAFF, F(cl_contact, officer), "officer's staff code"},
    {"date", CF_DATE, RV, NULL, NONE, F(cl_contact, date), "date"},
    {"time", CF_TIME, RV, NULL, NONE, F(cl_contact, time), "start time"},
    {"type", CF_CODE, RV, &REF_CONTACT_TYPE_SET, NONE, F(cl_contact, type), "contact type"},
    {"outcome", CF_CODE, RC, &REF_OUTCOME_SET, NONE, F(cl_contact, outcome), "outcome"},
    {"enforcement", CF_CODE, RC, &REF_ACTION_SET, NONE, F(cl_contact, enforcement), "enforcement action"},
    {"appointment_id", CF_TEXT, RC, NULL, STORE_APPOINTMENT, F(cl_contact, appointment_id), "the appointment whose outcome this is"},
    {"notes", CF_NOTES, RC, NULL, NONE, F(cl_contact, notes), "notes (any length, may span lines)"},
    {"end", CF_TIME, 0, NULL, NONE, F(cl_contact, end), "end time (unpaid work hours count from time to end)"},
    {"sensitive", CF_BOOL, 0, NULL, NONE, F(cl_contact, sensitive), "yes when the contact is sensitive"},
    {"rar", CF_BOOL, 0, NULL, NONE, F(cl_contact, rar), "yes when it was a RAR activity"},
    {"corrects", CF_TEXT, 0, NULL, STORE_CONTACT, F(cl_contact, corrects), "id of the contact this one corrects"},
    {"respond_by", CF_DATE, 0, NULL, NONE, F(cl_contact, respond_by), "respond-by date of an EA12 decision"},
    {"created_by", CF_TEXT, 0, NULL, NONE, F(cl_contact, created_by), "who logged it; empty means whoever imports"},
    {"created_at", CF_STAMP, 0, NULL, NONE, F(cl_contact, created_at), "when it was logged, YYYY-MM-DDTHH:MM; empty means now"},
};

static const csv_column reports[] = {
    {"id", CF_TEXT, RV | CF_KEY, NULL, NONE, F(cl_report, id), "report id"},
    {"crn", CF_CRN, RV, NULL, STORE_OFFENDER, F(cl_report, crn), "the person's CRN"},
    {"type", CF_CODE, RV, &REF_REPORT_TYPES, NONE, F(cl_report, type), "report type"},
    {"requested", CF_DATE, RC, NULL, NONE, F(cl_report, requested), "date the court asked for it"},
    {"due", CF_DATE, RC, NULL, NONE, F(cl_report, due), "date it is due"},
    {"court", CF_TEXT, RC, NULL, NONE, F(cl_report, court), "court"},
    {"officer", CF_TEXT, RC, NULL, STORE_STAFF, F(cl_report, officer), "author's staff code"},
    {"status", CF_CODE, RC, &REF_REPORT_STATUS, NONE, F(cl_report, status), "status; empty means requested"},
};

static const csv_column holidays[] = {
    {"date", CF_DATE, RV | CF_KEY | CF_NOSHIFT, NULL, NONE, F(cl_holiday, date), "date of the bank holiday"},
    {"name", CF_TEXT, RV, NULL, NONE, F(cl_holiday, name), "its name"},
};

#define CF_STR2(x) #x
#define CF_STR(x) CF_STR2(x)
static const csv_column settings[] = {
    {"scope", CF_TEXT, RV | CF_KEY | CF_ALL, NULL, STORE_OFFICE, F(cl_setting, scope), "office code, or * for every office (an office's own row wins)"},
    {"key", CF_SETTING, RV | CF_KEY, NULL, NONE, F(cl_setting, key), "the setting's name"},
    {"value", CF_SETTING_VALUE, RV, NULL, NONE, F(cl_setting, value), "a whole number of the timescale's unit, 0 to " CF_STR(TS_SETTING_MAX) "; upw_s36_commencement a date, not moved by --shift-from"},
};

#define FMT(kind, st, arr, T, doc) {kind, st, arr, sizeof arr / sizeof arr[0], sizeof(T), doc}
const csv_format CSV_FORMATS[] = {
    FMT("offices", STORE_OFFICE, offices, cl_office, "probation offices"),
    FMT("staff", STORE_STAFF, staff, cl_staff, "officers and other staff, with their grade"),
    FMT("offenders", STORE_OFFENDER, offenders, cl_offender, "people on probation; the CRN is the key"),
    FMT("orders", STORE_ORDER, orders, cl_order, "sentences: community orders, suspended sentence orders, licences"),
    FMT("requirements", STORE_REQUIREMENT, requirements, cl_requirement, "requirements of orders"),
    FMT("registrations", STORE_REGISTRATION, registrations, cl_registration, "RoSH levels and risk flags; the key is crn, type and start_date"),
    FMT("appointments", STORE_APPOINTMENT, appointments, cl_appointment, "the diary"),
    FMT("contacts", STORE_CONTACT, contacts, cl_contact, "contact history; append-only"),
    FMT("reports", STORE_REPORT, reports, cl_report, "court reports"),
    FMT("holidays", STORE_HOLIDAY, holidays, cl_holiday, "England and Wales bank holidays; adds or renames"),
    FMT("settings", STORE_SETTING, settings, cl_setting, "an office's own timescales (no-contact limits, home visit and allocation days) and the s.36 commencement date; the key is scope and key"),
};
const size_t CSV_FORMATS_N = sizeof CSV_FORMATS / sizeof CSV_FORMATS[0];

const csv_format *csv_format_find(const char *kind)
{
    for (size_t i = 0; kind && i < CSV_FORMATS_N; i++)
        if (!strcmp(kind, CSV_FORMATS[i].kind))
            return &CSV_FORMATS[i];
    return NULL;
}

const csv_column *csv_column_find(const csv_format *fmt, const char *name)
{
    for (size_t i = 0; name && i < fmt->ncols; i++)
        if (!strcmp(name, fmt->cols[i].name))
            return &fmt->cols[i];
    return NULL;
}

/* A correction takes over the outcome of the contact it corrects, so that
 * contact must be in before it (a correction placed first would hold the
 * outcome itself, and the original would then be refused as a second one). */
static const struct { const char *kind, *col, *words; } EARLIER_RULES[] = {
    {"contacts", "corrects", "a correction must come after the contact it corrects"},
};

const char *cf_earlier_rule(const csv_format *fmt, const csv_column *col)
{
    for (size_t i = 0; i < sizeof EARLIER_RULES / sizeof EARLIER_RULES[0]; i++)
        if (!strcmp(fmt->kind, EARLIER_RULES[i].kind) && !strcmp(col->name, EARLIER_RULES[i].col))
            return EARLIER_RULES[i].words;
    return NULL;
}

#define FIELD(col, rec) ((char *)(rec) + (col)->offset)

void cf_blank(const csv_format *fmt, void *rec)
{
    memset(rec, 0, fmt->rec_size);
    for (size_t i = 0; i < fmt->ncols; i++) {
        const csv_column *c = &fmt->cols[i];
        void *p = FIELD(c, rec);
        switch (c->type) {
        case CF_DATE: *(cl_date *)p = CL_DATE_NONE; break;
        case CF_TIME: *(int *)p = -1; break;
        case CF_NUM: *(double *)p = -1; break;
        default: break;
        }
    }
}

static bool put_text(const csv_column *c, void *rec, const char *s, char *msg, size_t len)
{
    size_t n = strlen(s);
    if (n >= c->size) {
        snprintf(msg, len, "too long (%zu bytes; at most %zu)", n, c->size - 1);
        return false;
    }
    memcpy(FIELD(c, rec), s, n + 1);
    return true;
}

/* "'XX' is not a grade (PO, PQiP, ...)" */
static bool bad_code(const ref_set *set, const char *s, char *msg, size_t len)
{
    int n = snprintf(msg, len, "unknown %s '%s' (", set->what, s);
    for (size_t i = 0; i < set->n && n > 0 && (size_t)n < len; i++)
        n += snprintf(msg + n, len - (size_t)n, "%s%s", i ? ", " : "", set->items[i].code);
    if (n > 0 && (size_t)n < len)
        snprintf(msg + n, len - (size_t)n, ")");
    return false;
}

static bool parse_stamp(const char *s, int shift, char *out)
{
    cl_date d;
    int m;
    char day[CL_DATE_LEN];
    if (strlen(s) != 16 || s[10] != 'T')
        return false;
    memcpy(day, s, 10);
    day[10] = '\0';
    if (!date_parse_iso(day, &d) || !time_parse(s + 11, &m))
        return false;
    char buf[CL_DATE_LEN];
    snprintf(out, 17, "%sT%s", date_format(d + shift, buf), s + 11);
    return true;
}

/* Today, for the century of a two-digit PNC year: read once a process (the
 * clock's variables do not change while it runs), on whichever thread asks. */
static cl_date today_once;
static void read_today(void)
{
    cl_clock now;
    today_once = clock_read(&now, NULL) == CL_OK ? now.today : date_from_ymd(2000, 1, 1);
}
static cl_date import_today(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, read_today);
    return today_once;
}

bool cf_parse(const csv_column *c, char *s, void *rec, int shift, char *msg, size_t len)
{
    void *p = FIELD(c, rec);
    if (!*s)
        return true; /* empty: the blank value stays */
    if (c->flags & CF_NOSHIFT)
        shift = 0;
    switch (c->type) {
    case CF_TEXT:
    case CF_SETTING_VALUE: /* checked with its setting, in cf_check_row */
        return put_text(c, rec, s, msg, len);
    case CF_SETTING:
        return ts_setting_known(s, msg, len) && put_text(c, rec, s, msg, len);
    case CF_NOTES:
        *(char **)p = s;
        return true;
    case CF_CODE: {
        const char *code = ref_lookup(c->codes, s);
        return code ? put_text(c, rec, code, msg, len) : bad_code(c->codes, s, msg, len);
    }
    case CF_APPT_TYPE: {
        const char *code = ref_lookup(&REF_CONTACT_TYPE_SET, s);
        const ref_contact_type *t = code ? ref_find_contact_type(code) : NULL;
        if (!t || !t->appointment) {
            int n = snprintf(msg, len, "unknown appointment type '%s' (", s);
            for (size_t i = 0; i < REF_CONTACT_TYPES_N && n > 0 && (size_t)n < len; i++)
                if (REF_CONTACT_TYPES[i].appointment)
                    n += snprintf(msg + n, len - (size_t)n, "%s%s", i ? ", " : "", REF_CONTACT_TYPES[i].code);
            if (n > 0 && (size_t)n < len)
                snprintf(msg + n, len - (size_t)n, ")");
            return false;
        }
        return put_text(c, rec, t->code, msg, len);
    }
    case CF_REGTYPE: {
        const risk_regtype *t = risk_type(s);
        if (!t) {
            snprintf(msg, len, "unknown registration type '%s'", s);
            return false;
        }
        return put_text(c, rec, t->code, msg, len);
    }
    case CF_REGLEVEL: {
        const char *code = ref_lookup(&REF_LEVELS, s);
        if (!code)
            code = ref_lookup(&REF_MAPPA_LEVELS, s);
        if (!code) {
            snprintf(msg, len, "unknown level '%s' (L, M, H, V; MAPPA M1, M2, M3)", s);
            return false;
        }
        return put_text(c, rec, code, msg, len);
    }
    case CF_DATE: {
        cl_date d;
        date_problem why = date_read(s, &d);
        if (why != DATE_READ_OK) {
            date_problem_text(why, s, msg, len);
            return false;
        }
        *(cl_date *)p = d + shift;
        return true;
    }
    case CF_TIME:
        if (!time_parse(s, (int *)p)) {
            snprintf(msg, len, "'%s' is not a time (HH:MM, 00:00 to 23:59)", s);
            return false;
        }
        return true;
    case CF_NUM: /* its range is the row's (cf_check_row): a length's depends on the type */
        if (!num_parse(s, (double *)p)) {
            snprintf(msg, len, "'%s' is not %s", s, NUM_PLAIN_WORDS);
            return false;
        }
        return true;
    case CF_BOOL:
        if (!strcasecmp(s, "yes") || !strcasecmp(s, "y") || !strcasecmp(s, "true") || !strcmp(s, "1"))
            *(bool *)p = true;
        else if (!strcasecmp(s, "no") || !strcasecmp(s, "n") || !strcasecmp(s, "false") || !strcmp(s, "0"))
            *(bool *)p = false;
        else {
            snprintf(msg, len, "'%s' is not yes or no", s);
            return false;
        }
        return true;
    case CF_CRN:
        if (!ref_valid_crn(case_crn_normalise(s))) { /* x100001 is X100001, as typed anywhere */
            snprintf(msg, len, "'%s' is not a CRN (one capital letter and six digits, e.g. X123456)", s);
            return false;
        }
        return put_text(c, rec, s, msg, len);
    case CF_TIER:
        if (!ref_valid_tier(s)) {
            snprintf(msg, len, "'%s' is not a tier (A0 to D3, optional S suffix)", s);
            return false;
        }
        return put_text(c, rec, s, msg, len);
    case CF_STAMP:
        if (c->size < 17 || !parse_stamp(s, shift, p)) {
            snprintf(msg, len, "'%s' is not a date and time (YYYY-MM-DDTHH:MM)", s);
            return false;
        }
        return true;
    case CF_PNC: {
        /* Stored in full, as the search and the court intake store it. */
        char full[32];
        if (!pnc_normalise(s, import_today(), full, sizeof full)) {
            snprintf(msg, len, "'%s' is not a PNC number: %s", s, pnc_problem(s, import_today()));
            return false;
        }
        return put_text(c, rec, full, msg, len);
    }
    case CF_ID: {
        char *end;
        long long v = strtoll(s, &end, 10);
        if (*end || end == s || s[0] == '-' || s[0] == '+' || v < 1 || v > CF_ID_MAX) {
            snprintf(msg, len, "'%s' is not a record number (a whole number, 1 or more)", s);
            return false;
        }
        *(long long *)p = v;
        return true;
    }
    }
    return true;
}

const char *cf_format(const csv_column *c, const void *rec, char *buf, size_t len)
{
    const char *p = (const char *)rec + c->offset;
    switch (c->type) {
    case CF_NOTES: {
        const char *s = *(char *const *)p;
        return s ? s : "";
    }
    case CF_DATE:
        return len >= CL_DATE_LEN ? date_format(*(const cl_date *)p, buf) : "";
    case CF_TIME:
        return len >= CL_TIME_LEN ? time_format(*(const int *)p, buf) : "";
    case CF_NUM: {
        double v = *(const double *)p;
        return v < 0 ? "" : num_format(v, buf, len); /* -1: not given */
    }
    case CF_BOOL:
        return *(const bool *)p ? "yes" : "no";
    case CF_ID: {
        long long v = *(const long long *)p;
        if (v < 1)
            return "";
        snprintf(buf, len, "%lld", v);
        return buf;
    }
    default:
        return p; /* fixed char arrays, always NUL-terminated */
    }
}

static bool row_fail(const char **col, const char *name, char *msg, size_t len, const char *text)
{
    *col = name;
    snprintf(msg, len, "%s", text);
    return false;
}

bool cf_check_row(const csv_format *fmt, void *rec, const char **col, char *msg, size_t len)
{
    switch (fmt->store) {
    case STORE_SETTING: {
        cl_setting *v = rec;
        char stored[sizeof v->value], why[300];
        if (!ts_setting_read(v->key, v->value, stored, sizeof stored, why, sizeof why))
            return row_fail(col, "value", msg, len, why);
        memcpy(v->value, stored, sizeof stored);
        return true;
    }
    case STORE_OFFENDER: {
        const cl_offender *o = rec;
        if (strcmp(o->status, "closed") && (o->closed_by[0] || o->closed_at[0]))
            return row_fail(col, o->closed_by[0] ? "closed_by" : "closed_at", msg, len,
                            "only a closed case has who closed it and when");
        /* As the court intake: a birth after today is refused, not stored and hidden. */
        char text[256];
        if (date_after_today(o->date_of_birth, import_today(), NULL, text, sizeof text))
            return row_fail(col, "date_of_birth", msg, len, text);
        char pnc[32], why[160];
        if (o->pnc[0] && !pnc_check(o->pnc, import_today(), o->date_of_birth, pnc, sizeof pnc, why, sizeof why)) {
            char text[256];
            snprintf(text, sizeof text, "'%s' is not a PNC number: %s", o->pnc, why);
            return row_fail(col, "pnc", msg, len, text);
        }
        return true;
    }
    case STORE_REGISTRATION: {
        const cl_registration *g = rec;
        const risk_regtype *t = risk_type(g->type);
        bool mappa = t && t->has_category;
        if (g->category[0] && !mappa)
            return row_fail(col, "category", msg, len, "only a MAPPA registration has a category");
        if (g->level[0]) {
            bool mappa_level = ref_lookup(&REF_MAPPA_LEVELS, g->level) != NULL;
            if (mappa && !mappa_level)
                return row_fail(col, "level", msg, len, "a MAPPA level is M1, M2 or M3");
            if (!mappa && t && !t->has_level)
                return row_fail(col, "level", msg, len, "this registration type takes no level");
            if (!mappa && mappa_level)
                return row_fail(col, "level", msg, len, "M1-M3 are MAPPA levels: use L, M, H or V");
        }
        if (g->end_date != CL_DATE_NONE && g->end_date < g->start_date)
            return row_fail(col, "end_date", msg, len, "ends before it starts");
        /* As `register --end`: a flag stays active until the day it ends, so
         * an end after today is refused rather than hiding the flag now. */
        char text[256];
        if (date_after_today(g->end_date, import_today(), "leave it empty while the registration is active", text,
                             sizeof text))
            return row_fail(col, "end_date", msg, len, text);
        /* As `register --review`. */
        if (date_after_today(g->reviewed_on, import_today(), REG_REVIEWED_WHEN_DONE, text, sizeof text))
            return row_fail(col, "reviewed_on", msg, len, text);
        return true;
    }
    case STORE_APPOINTMENT: {
        const cl_appointment *a = rec;
        if (a->end >= 0 && a->end < a->start)
            return row_fail(col, "end", msg, len, "ends before it starts");
        return true;
    }
    case STORE_CONTACT: {
        const cl_contact *c = rec;
        if (c->end >= 0 && c->end < c->time)
            return row_fail(col, "end", msg, len, "ends before it starts");
        char why[160];
        if (!ref_outcome_fits_type(c->type, c->outcome, why, sizeof why))
            return row_fail(col, "outcome", msg, len, why);
        return true;
    }
    case STORE_REQUIREMENT: {
        const cl_requirement *r = rec;
        char why[160];
        if (!limit_req_range(r->type, r->unit)) { /* unpaid work in days */
            limit_req_length_ok(r->type, r->unit, 0, why, sizeof why);
            return row_fail(col, "unit", msg, len, why);
        }
        if (r->length >= 0 && !limit_req_length_ok(r->type, r->unit, r->length, why, sizeof why))
            return row_fail(col, "length", msg, len, why);
        return true;
    }
    case STORE_STAFF: {
        const cl_staff *v = rec;
        char why[160];
        if (!limit_staff_hours_ok(v->hours, v->reduction_hours, col, why, sizeof why))
            return row_fail(col, *col, msg, len, why);
        return true;
    }
    case STORE_ORDER: {
        const cl_order *o = rec;
        if (o->end_date != CL_DATE_NONE && o->end_date < o->sentence_date)
            return row_fail(col, "end_date", msg, len, "ends before the sentence date");
        return true;
    }
    default:
        return true;
    }
}
