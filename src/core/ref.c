#include "caseload/ref.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SET(var, what, arr) const ref_set var = {what, arr, sizeof arr / sizeof arr[0]}

const char *ref_lookup(const ref_set *set, const char *text)
{
    if (!text)
        return NULL;
    /* Files mostly hold the codes as written: compare exactly first (an import
     * looks up several codes on each of millions of rows). */
    for (size_t i = 0; i < set->n; i++)
        if (!strcmp(text, set->items[i].code))
            return set->items[i].code;
    for (size_t i = 0; i < set->n; i++)
        if (!strcasecmp(text, set->items[i].code) || !strcasecmp(text, set->items[i].name))
            return set->items[i].code;
    return NULL;
}

const char *ref_name(const ref_set *set, const char *code)
{
    for (size_t i = 0; code && i < set->n; i++)
        if (!strcmp(code, set->items[i].code))
            return set->items[i].name;
    return NULL;
}

static const ref_code grades[] = {
    {"PO", "Probation officer"},       {"PQiP", "Trainee probation officer"},
    {"NQO", "Newly qualified officer"}, {"PSO", "Probation services officer"},
    {"SPO", "Senior probation officer"}, {"ADMIN", "Administrator"},
};
SET(REF_GRADES, "grade", grades);

static const ref_code order_types[] = {
    {"CO", "Community order"}, {"SSO", "Suspended sentence order"},
    {"LIC", "Licence"},        {"PSS", "Post-sentence supervision"},
};
SET(REF_ORDER_TYPES, "order type", order_types);

static const ref_code req_types[] = {
    {"W", "Unpaid work"},          {"F", "Rehabilitation activity requirement"},
    {"RM38", "Accredited programme"}, {"M", "Curfew"},
    {"RM49", "Curfew with electronic tag"}, {"X", "Exclusion"},
    {"R", "Prohibited activity"},  {"N", "Attendance centre"},
    {"3", "Residence"},            {"H", "Alcohol treatment"},
    {"T", "Alcohol abstinence and monitoring"}, {"P", "Mental health treatment"},
};
SET(REF_REQUIREMENT_TYPES, "requirement type", req_types);

static const ref_code units[] = {
    {"hours", "hours"}, {"days", "days"}, {"months", "months"}, {"sessions", "sessions"}};
SET(REF_UNITS, "unit", units);

static const ref_code genders[] = {{"M", "Male"}, {"F", "Female"}, {"X", "Other"}, {"U", "Unknown"}};
SET(REF_GENDERS, "gender", genders);

static const ref_code off_status[] = {{"active", "Active"}, {"closed", "Closed"}};
SET(REF_OFFENDER_STATUS, "status", off_status);

static const ref_code appt_status[] = {
    {"booked", "Booked"}, {"cancelled", "Cancelled"}, {"rescheduled", "Rescheduled"}};
SET(REF_APPT_STATUS, "appointment status", appt_status);

static const ref_code report_types[] = {
    {"CJO", "Oral report"}, {"CJF", "Fast (short format) report"},
    {"CJS", "Standard report"}, {"PSA", "Addendum report"}};
SET(REF_REPORT_TYPES, "report type", report_types);

static const ref_code report_status[] = {
    {"requested", "Requested"}, {"completed", "Completed"}, {"withdrawn", "Withdrawn"}};
SET(REF_REPORT_STATUS, "report status", report_status);

static const ref_code levels[] = {{"L", "Low"}, {"M", "Medium"}, {"H", "High"}, {"V", "Very High"}};
SET(REF_LEVELS, "level", levels);

static const ref_code mappa_cat[] = {
    {"M1", "Category 1"}, {"M2", "Category 2"}, {"M3", "Category 3"}, {"M4", "Category 4"}};
SET(REF_MAPPA_CATEGORIES, "MAPPA category", mappa_cat);

static const ref_code mappa_lvl[] = {{"M1", "Level 1"}, {"M2", "Level 2"}, {"M3", "Level 3"}};
SET(REF_MAPPA_LEVELS, "MAPPA level", mappa_lvl);

const ref_contact_type REF_CONTACT_TYPES[] = {
    /* appointments (attendance types); the last column: held at the office
     * when no place is given (sched_where) */
    {"COAI", "First appointment in office", true, false, "First appt", true},
    {"COAP", "Office visit", true, false, "Office", true},
    {"COPT", "Telephone appointment", true, false, "Telephone", false},
    {"COVC", "Video appointment", true, false, "Video", false},
    {"CHVS", "Home visit", true, false, "Home visit", false},
    {"CODC", "Doorstep visit", true, false, "Doorstep", false},
    {"COOO", "Other location", true, false, "Other place", false},
    {"C084", "Three-way meeting", true, false, "Three-way", true},
    {"CUPA", "Unpaid work session", true, false, "Unpaid work", false},
    {"APAT", "Programme session", true, false, "Programme", true},
    {"C240", "Drug test", true, false, "Drug test", true},
    {"COSR", "Interview for court report", true, false, "Report int.", false},
    {"C241", "Court review", true, false, "Court", false},
    /* other contacts */
    {"CTOB", "Phone call to the person", false, true, "Phone to", false},
    {"CTOA", "Phone call from the person", false, true, "Phone from", false},
    {"CLOB", "Letter to the person", false, false, "Letter to", false},
    {"CLOA", "Letter from the person", false, true, "Letter from", false},
    {"CMOB", "Email or text to the person", false, true, "Email to", false},
    {"CMOA", "Email or text from the person", false, true, "Email from", false},
    {"CT3B", "Phone call to a third party", false, false, "3rd party to", false},
    {"CT3A", "Phone call from a third party", false, false, "3rd party from", false},
    {"C204", "Police liaison", false, false, "Police", false},
    {"C203", "Health or social services liaison", false, false, "Health/social", false},
    {"C201", "Comment", false, false, "Comment", false},
    {"CSPO", "Consultation with manager", false, false, "Manager", false},
    {"COUP", "Unplanned contact from the person", false, false, "Unplanned", false},
};
const size_t REF_CONTACT_TYPES_N = sizeof REF_CONTACT_TYPES / sizeof REF_CONTACT_TYPES[0];

/* ref_set views over the richer tables, for ref_lookup (code or name). */
static ref_code contact_type_codes[sizeof REF_CONTACT_TYPES / sizeof REF_CONTACT_TYPES[0]];
static ref_code outcome_codes[32];
static ref_code action_codes[16];

const ref_contact_type *ref_find_contact_type(const char *code)
{
    for (size_t i = 0; code && i < REF_CONTACT_TYPES_N; i++)
        if (!strcmp(code, REF_CONTACT_TYPES[i].code))
            return &REF_CONTACT_TYPES[i];
    return NULL;
}

/* The last column: may be logged before the appointment starts. An
 * acceptable absence (the person rang: in hospital at 16:00) or a
 * rescheduling is known in advance; attending, failing to attend or to
 * comply is not, until the appointment has started (contact_check). */
const ref_outcome REF_OUTCOMES[] = {
    {"ATTC", "Attended - complied", true, true, ENF_NO, false, "Attended", false},
    {"AFTC", "Attended - failed to comply", true, false, ENF_YES, false, "Non-compl", false},
    {"ATSH", "Attended - sent home (behaviour)", true, false, ENF_YES, false, "Sent home", false},
    {"ATSS", "Attended - sent home (service issues)", true, true, ENF_NO, false, "Svc issue", false},
    {"AFTA", "Failed to attend (evidence awaited)", false, false, ENF_PENDING, false, "Evid due", false},
    {"UAAB", "Unacceptable absence", false, false, ENF_YES, false, "Unacc abs", false},
    {"AACL", "Acceptable absence - court", false, true, ENF_NO, true, "Acc court", true},
    {"AAEM", "Acceptable absence - employment", false, true, ENF_NO, true, "Acc work", true},
    {"AAFC", "Acceptable absence - family", false, true, ENF_NO, true, "Acc fam.", true},
    {"AAHO", "Acceptable absence - holiday", false, true, ENF_NO, true, "Acc hols", true},
    {"AAME", "Acceptable absence - medical", false, true, ENF_NO, true, "Acc medic", true},
    {"AARE", "Acceptable absence - religious", false, true, ENF_NO, true, "Acc relig", true},
    {"AAAA", "Acceptable absence - other", false, true, ENF_NO, true, "Acc other", true},
    {"RSOF", "Rescheduled at the person's request", false, true, ENF_NO, false, "Resch req", true},
    {"RSSR", "Rescheduled at the service's request", false, true, ENF_NO, false, "Resch svc", true},
    {"APPK", "Appointment kept", true, true, ENF_NO, false, "Kept", false},
};
const size_t REF_OUTCOMES_N = sizeof REF_OUTCOMES / sizeof REF_OUTCOMES[0];

const ref_outcome *ref_find_outcome(const char *code)
{
    for (size_t i = 0; code && i < REF_OUTCOMES_N; i++)
        if (!strcmp(code, REF_OUTCOMES[i].code))
            return &REF_OUTCOMES[i];
    return NULL;
}

bool ref_outcome_fits_type(const char *type, const char *outcome, char *why, size_t len)
{
    const ref_contact_type *t = ref_find_contact_type(type);
    const ref_outcome *o = ref_find_outcome(outcome);
    if (!t || !o || o->attended || t->appointment)
        return true;
    snprintf(why, len, "%s is for an appointment the person was due to attend, not a %c%s", o->name,
             tolower((unsigned char)t->name[0]), t->name + 1);
    return false;
}

const ref_action REF_ACTIONS[] = {
    {"EA02", "First warning letter sent", ACT_WARNING},
    {"EA03", "Second warning letter sent", ACT_WARNING},
    {"EA08", "Breach letter sent", ACT_BREACH},
    {"BRE01", "Breach requested", ACT_BREACH},
    {"IBR", "Breach or recall initiated", ACT_BREACH},
    {"NFA", "No further action", ACT_NFA},
    {"EA12", "Decision pending the person's response", ACT_PENDING},
};
const size_t REF_ACTIONS_N = sizeof REF_ACTIONS / sizeof REF_ACTIONS[0];

const ref_action *ref_find_action(const char *code)
{
    for (size_t i = 0; code && i < REF_ACTIONS_N; i++)
        if (!strcmp(code, REF_ACTIONS[i].code))
            return &REF_ACTIONS[i];
    return NULL;
}

/* The code/name views are built at load time from the richer tables above. */
__attribute__((constructor)) static void build_views(void)
{
    for (size_t i = 0; i < REF_CONTACT_TYPES_N; i++)
        contact_type_codes[i] = (ref_code){REF_CONTACT_TYPES[i].code, REF_CONTACT_TYPES[i].name};
    for (size_t i = 0; i < REF_OUTCOMES_N; i++)
        outcome_codes[i] = (ref_code){REF_OUTCOMES[i].code, REF_OUTCOMES[i].name};
    for (size_t i = 0; i < REF_ACTIONS_N; i++)
        action_codes[i] = (ref_code){REF_ACTIONS[i].code, REF_ACTIONS[i].name};
}
const ref_set REF_CONTACT_TYPE_SET = {"contact type", contact_type_codes,
                                      sizeof contact_type_codes / sizeof contact_type_codes[0]};
const ref_set REF_OUTCOME_SET = {"outcome", outcome_codes,
                                 sizeof REF_OUTCOMES / sizeof REF_OUTCOMES[0]};
const ref_set REF_ACTION_SET = {"enforcement action", action_codes,
                                sizeof REF_ACTIONS / sizeof REF_ACTIONS[0]};

bool ref_valid_tier(const char *s)
{
    if (!s || s[0] < 'A' || s[0] > 'D' || s[1] < '0' || s[1] > '3')
        return false;
    return s[2] == '\0' || (s[2] == 'S' && s[3] == '\0');
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return s[n] == '\0';
}

bool ref_is_national_crn(const char *s)
{
    return s && isupper((unsigned char)s[0]) && digits(s + 1, REF_CRN_DIGITS);
}

bool ref_is_provisional(const char *s)
{
    size_t p = strlen(REF_PROVISIONAL_PREFIX);
    return s && !strncmp(s, REF_PROVISIONAL_PREFIX, p) && digits(s + p, REF_CRN_DIGITS);
}

bool ref_valid_crn(const char *s) { return ref_is_national_crn(s) || ref_is_provisional(s); }
