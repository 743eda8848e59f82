/* Reference tables: the national codes of DOMAIN.md, written once. Import
 * validation, screens, help text and tests all read them from here. */
#ifndef CASELOAD_REF_H
#define CASELOAD_REF_H

#include <stdbool.h>
#include <stddef.h>

/* A code set: code and readable name. Lookups accept either, case-insensitively. */
typedef struct ref_code {
    const char *code;
    const char *name;
} ref_code;

typedef struct ref_set {
    const char *what; /* "grade", "order type", ... for messages */
    const ref_code *items;
    size_t n;
} ref_set;

/* Returns the canonical code for text (a code or a readable name), or NULL. */
const char *ref_lookup(const ref_set *set, const char *text);
const char *ref_name(const ref_set *set, const char *code);

extern const ref_set REF_GRADES;           /* PO PQiP NQO PSO SPO ADMIN */
extern const ref_set REF_ORDER_TYPES;      /* CO SSO LIC PSS */
extern const ref_set REF_REQUIREMENT_TYPES;/* W F RM38 M RM49 X R N 3 H T P */
extern const ref_set REF_UNITS;            /* hours days months sessions */
extern const ref_set REF_GENDERS;          /* M F X U */
extern const ref_set REF_OFFENDER_STATUS;  /* active closed */
extern const ref_set REF_APPT_STATUS;      /* booked cancelled rescheduled */
extern const ref_set REF_REPORT_TYPES;     /* CJO CJF CJS PSA */
extern const ref_set REF_REPORT_STATUS;    /* requested completed withdrawn */
extern const ref_set REF_LEVELS;           /* L M H V */
extern const ref_set REF_MAPPA_CATEGORIES; /* M1-M4 */
extern const ref_set REF_MAPPA_LEVELS;     /* M1-M3 */

/* Contact and appointment types. */
typedef struct ref_contact_type {
    const char *code;
    const char *name;
    bool appointment;   /* an attendance type that is booked in the diary */
    bool counts_as_contact; /* counts for "last contact" without an attended outcome */
    const char *short_name; /* for narrow columns */
    bool at_office;     /* an appointment held at its office unless a place is given */
} ref_contact_type;
extern const ref_contact_type REF_CONTACT_TYPES[];
extern const size_t REF_CONTACT_TYPES_N;
extern const ref_set REF_CONTACT_TYPE_SET;
const ref_contact_type *ref_find_contact_type(const char *code);

/* Outcomes: attended, acceptable, enforceable (ENF_PENDING: evidence awaited). */
typedef enum { ENF_NO = 0, ENF_YES, ENF_PENDING } ref_enf;
typedef struct ref_outcome {
    const char *code;
    const char *name;
    bool attended;
    bool acceptable;
    ref_enf enforceable;
    bool needs_reason; /* acceptable absences: a reason (the note) is required */
    const char *short_name; /* for narrow columns: at most REF_OUTCOME_SHORT_MAX wide */
    bool in_advance; /* may be logged before the appointment starts (an absence agreed
                      * beforehand, a rescheduling); what happened at it may not */
} ref_outcome;
#define REF_OUTCOME_SHORT_MAX 9
extern const ref_outcome REF_OUTCOMES[];
extern const size_t REF_OUTCOMES_N;
extern const ref_set REF_OUTCOME_SET;
const ref_outcome *ref_find_outcome(const char *code);
/* Whether a contact of this type can have this outcome: an absence (not
 * attended) only on an appointment the person was due to attend, so a phone
 * call or letter never carries a failure to attend into enforcement. When
 * not, why in words into why. Unknown or empty codes pass (refused elsewhere). */
bool ref_outcome_fits_type(const char *type, const char *outcome, char *why, size_t len);

/* Enforcement actions and what each does to the warning/breach count. */
/* ACT_PENDING: the decision waits for the person's response; the contact
 * carries a respond-by date, and the warning or breach decision on the
 * failures before it is due then (enforce.h). */
typedef enum { ACT_WARNING, ACT_BREACH, ACT_NFA, ACT_PENDING, ACT_OTHER } ref_action_kind;
typedef struct ref_action {
    const char *code;
    const char *name;
    ref_action_kind kind;
} ref_action;
extern const ref_action REF_ACTIONS[];
extern const size_t REF_ACTIONS_N;
extern const ref_set REF_ACTION_SET;
const ref_action *ref_find_action(const char *code);

/* Tier: A0-D3 with an optional S suffix. */
bool ref_valid_tier(const char *s);
/* A person's reference: a national CRN (one letter and six digits) or a
 * provisional local reference given at court before the CRN is known
 * (REF_PROVISIONAL_PREFIX and six digits, e.g. LOC123456), which is later
 * replaced by the CRN (intake_replace_crn). */
#define REF_PROVISIONAL_PREFIX "LOC"
#define REF_CRN_DIGITS 6
/* The longest reference accepted (a provisional one), in characters: a
 * field that takes one is at least this wide. */
#define REF_KEY_MAX_CHARS ((int)sizeof REF_PROVISIONAL_PREFIX - 1 + REF_CRN_DIGITS)
bool ref_valid_crn(const char *s);
bool ref_is_national_crn(const char *s);
bool ref_is_provisional(const char *s);

#endif
