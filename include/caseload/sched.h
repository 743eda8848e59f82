/* The scheduler: booking rules, repeating appointments, reschedule and
 * cancel, the "first appointment after sentence" suggestion, and the rows of a
 * diary day or week. Every screen, command and printout asks here. */
#ifndef CASELOAD_SCHED_H
#define CASELOAD_SCHED_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/model.h"
#include "caseload/risk.h"
#include "caseload/store_appt.h"

/* ---- Booking rules: one table (sched_rules.c) ---- */

typedef enum { SCHED_WARN = 1, SCHED_REFUSE = 2 } sched_level;

typedef enum {
    SR_CLOSED_CASE = 0,   /* the case is closed: refuse */
    SR_PAST,              /* the time has passed: warn */
    SR_OUTSIDE_HOURS,     /* outside the office's hours: warn */
    SR_NOT_BUSINESS_DAY,  /* weekend or bank holiday: warn, offer the next business day */
    SR_CLASH_OFFICER,     /* the officer has another booked appointment then: warn */
    SR_CLASH_PERSON,      /* the person has another booked appointment then: warn */
    SR_MOVED_HOLIDAY,     /* a repeat fell on a bank holiday and was moved: told */
    SR_N
} sched_rule_id;

typedef struct sched_rule {
    sched_rule_id id;
    const char *name;   /* short name, e.g. "clash" */
    int level;          /* 0 = told only, SCHED_WARN, SCHED_REFUSE */
    const char *explain; /* one line for help text */
    bool once;          /* the same words on every date (office hours): one
                         * finding for a whole repeat, with a count */
} sched_rule;

extern const sched_rule SCHED_RULES[SR_N];

/* ---- Appointment types, their usual lengths and words: one table ---- */

typedef struct sched_type {
    const char *code;   /* a REF_CONTACT_TYPES code with appointment = true */
    int minutes;        /* default length */
    const char *word;   /* the word offered for it: "telephone" */
    const char *also;   /* another word taken for it ("office appointment"), or NULL */
} sched_type;
extern const sched_type SCHED_TYPES[];
extern const size_t SCHED_TYPES_N;
/* The type's code for text typed as a code, a word of SCHED_TYPES, its
 * reference name ("Telephone appointment"), in any case, or the start of
 * one of those that names one type only ("tel"). Else CL_EUSAGE, err saying
 * "'x' is not an appointment type (COAP office visit, ...)" or, for a start
 * that fits several, "'t' could be telephone (COPT) or ...". */
int sched_type_resolve(const char *text, const char **code, cl_err *err);
/* The same, NULL when it names no one type. */
const char *sched_type_lookup(const char *text);
/* The words, in the table's order: "office visit (default), first
 * appointment, ..." or, with codes, "COAP office visit, COAI first ...". */
char *sched_type_words(char *buf, size_t len, bool codes);
int sched_type_minutes(const char *code);
#define SCHED_DEFAULT_TYPE "COAP"

/* ---- A booking request and what the rules found ---- */

typedef enum { SCHED_ONCE = 0, SCHED_WEEKLY, SCHED_FORTNIGHTLY } sched_repeat;
#define SCHED_MAX_OCCURRENCES 104 /* two years of weekly appointments */
#define SCHED_MAX_FINDINGS 64

typedef struct sched_request {
    char crn[CL_CODE_LEN];
    char officer[CL_CODE_LEN];  /* "" = the person's officer, else the current officer */
    char office[CL_CODE_LEN];   /* "" = the officer's office */
    char type[8];               /* "" = SCHED_DEFAULT_TYPE */
    char location[CL_TEXT_LEN];
    char order_id[CL_ID_LEN];
    const char *notes;          /* borrowed */
    cl_date date;
    int start;                  /* minutes since midnight */
    int minutes;                /* length; 0 = the type's default */
    sched_repeat repeat;
    int count;                  /* occurrences, with repeat (0 = use until) */
    cl_date until;              /* last possible date, with repeat */
} sched_request;

typedef struct sched_occurrence {
    cl_date date;      /* when it is booked */
    cl_date planned;   /* the date the pattern gave, before moving off a holiday */
    char holiday[80];  /* why it was moved ("Christmas Day", "a weekend"), "" when not */
} sched_occurrence;

typedef struct sched_finding {
    sched_rule_id rule;
    int level;               /* copied from SCHED_RULES */
    cl_date date;            /* the occurrence it concerns (the first, for a `once` rule) */
    size_t count;            /* how many occurrences it concerns (1 unless `once`) */
    cl_date suggest;         /* SR_NOT_BUSINESS_DAY: the next business day */
    store_appt_row clash;    /* SR_CLASH_*: the other appointment */
    char msg[640];           /* a whole sentence for the officer */
} sched_finding;

typedef struct sched_plan {
    sched_request req;       /* with defaults filled in */
    size_t n;
    sched_occurrence occ[SCHED_MAX_OCCURRENCES];
    size_t nfindings, more;  /* more: findings beyond SCHED_MAX_FINDINGS */
    sched_finding findings[SCHED_MAX_FINDINGS];
    bool refused, warned;
} sched_plan;

/* Fills the defaults, expands any repeat and checks every occurrence against
 * every rule. CL_OK with the findings in plan (refused/warned); CL_EUSAGE for
 * a malformed request (unknown type, end before start, no occurrence);
 * CL_ENOINPUT for an unknown CRN, officer or office. Writes nothing. */
int sched_check(cl_app *app, const sched_request *req, sched_plan *plan, cl_err *err);

/* The findings of a checked plan as the officer reads them, one line each
 * in the order found: the command line prints them and the booking form
 * shows them. A warning with the same words on every date of a repeat
 * (outside office hours) comes once, saying it applies to all of them; the
 * others each name their date; an appointment moved off a weekend or bank
 * holiday names the day, the holiday and the date booked instead. A last
 * line (f NULL) says how many findings were not kept. */
typedef void (*sched_line_fn)(void *arg, const sched_finding *f, const char *line);
void sched_plan_lines(const sched_plan *p, sched_line_fn fn, void *arg);
/* The appointments of a plan moved off a weekend or bank holiday, in a few
 * words ("2 moved: Fri 25 Dec 2026 (Christmas Day) to Tue 29 Dec 2026, ...");
 * "" when none was. Returns buf. */
char *sched_moves_summary(const sched_plan *p, char *buf, size_t len);

/* Books every occurrence of a checked plan in one transaction. Refuses
 * (CL_EDATA) when the plan was refused, or when it has warnings and force is
 * false. ids (may be NULL) receives the new ids, plan->n of them. */
int sched_book(cl_app *app, const sched_plan *plan, bool force, char (*ids)[CL_ID_LEN], cl_err *err);

/* Cancels a booked appointment: the row stays, status cancelled, with the
 * reason, who and when. A reason is required (CL_EUSAGE). Refused (CL_EDATA)
 * for a closed case and for an appointment with an outcome logged (an
 * effective linked contact with an outcome): correct that contact first. */
int sched_cancel(cl_app *app, const char *id, const char *reason, cl_err *err);

/* Whether appointment id may be cancelled or moved now: CL_OK, else CL_EDATA
 * with the words the officer reads (not booked any more; a closed case; an
 * outcome logged: "appointment A has an outcome (...): correct that contact
 * first") or CL_ENOINPUT. The screens ask before they ask for a reason or
 * open the move form; sched_cancel, sched_check_reschedule and
 * sched_reschedule apply the same rule when they run. */
int sched_appt_check_changeable(cl_app *app, const char *id, cl_err *err);

/* Checks a new slot for a booked appointment (same person, its officer,
 * office, type, location and length unless req gives them) ignoring the
 * appointment itself in clashes. req->crn is taken from the old row. Refused
 * (CL_EDATA) as sched_cancel is: closed case, or an outcome logged. */
int sched_check_reschedule(cl_app *app, const char *id, const sched_request *req, sched_plan *plan,
                           cl_err *err);
/* Books the new slot and marks the old row rescheduled (reason, who, when,
 * replaced_by) in one transaction; checks the old row again as
 * sched_check_reschedule does. */
int sched_reschedule(cl_app *app, const char *id, const sched_plan *plan, const char *reason,
                     bool force, char *new_id, cl_err *err);

/* Expands a repeat from the first date: weekly or fortnightly, count
 * occurrences or up to until (inclusive). An occurrence after the first that
 * falls on a non-business day moves to the next business day (occ.holiday
 * says why: the bank holiday's name, or "a weekend"). The first date is kept as given (the rules warn about it). */
int sched_expand(const cl_calendar *cal, cl_date first, sched_repeat repeat, int count, cl_date until,
                 sched_occurrence *occ, size_t max, size_t *n, cl_err *err);

/* "First appointment after sentence": the next business day after the
 * sentence date (or after today, if that is later), at the officer's office,
 * at the first time in office hours when neither the officer nor the person
 * has a booking. Fills a request ready for sched_check. */
int sched_suggest_first(cl_app *app, const char *crn, cl_date sentence_date, sched_request *out,
                        cl_err *err);

/* Where an appointment is held, in words, for every screen and printout
 * that shows it: its location; when none was given, its office's name for a
 * type held at the office (an office visit, a first appointment: the place
 * the appointment slip gives the person), else "(no location)" (a home
 * visit, a call or a court review booked without a place: it needs one).
 * Returns buf. */
#define SCHED_NO_LOCATION "(no location)"
char *sched_where(cl_app *app, const cl_appointment *a, char *buf, size_t len);

/* Who cancelled or rescheduled an appointment, and when, as the diary, its
 * printout and its calendar say it: "by AB1, 2026-11-25T09:30"; a part an
 * import did not carry is said to be missing ("by AB1, when not recorded",
 * "who and when not recorded"), never left blank. Returns buf. */
char *sched_changed_words(const cl_appointment *a, char *buf, size_t len);

/* Where a moved appointment went, as the move form says it when it is
 * saved and the printed day list says it of the old row: "moved to Wed 30
 * Dec 2026 16:30". Returns buf. */
char *sched_moved_to_words(cl_date date, int start, char *buf, size_t len);

/* The office a staff member belongs to; CL_ENOINPUT "CODE: no such officer". */
int sched_officer_office(cl_app *app, const char *officer, char *office, size_t len, cl_err *err);

/* ---- The diary: rows of a day or a week ---- */

typedef struct sched_row {
    store_appt_row r;
    char where[CL_TEXT_LEN]; /* sched_where */
    risk_summary risk;
    char flags[160];        /* risk_flags_short */
    bool outcome_needed;    /* booked, passed, no outcome logged, and the case not closed */
    cl_date moved_date;     /* rescheduled: when the new appointment is (CL_DATE_NONE: not found) */
    int moved_start;
    const char *enforcement; /* enf_words ("WARNING DUE"; static, "" when none); NULL until sched_day_enforcement */
} sched_row;

typedef struct sched_day {
    const cl_calendar *cal;  /* borrowed from the app: the day headings */
    store_diary_scope scope;
    char code[CL_CODE_LEN];
    char owner[CL_NAME_LEN]; /* office or officer name */
    cl_date from, to;
    size_t n, cap;
    sched_row *rows;         /* by date and time */
} sched_day;

/* What became of a cancelled or moved row, as the diary screen and the
 * printed day list both say it: ": office closed (by AB1, 2026-11-25T09:30);
 * moved to Tue 29 Dec 2026 13:30" (the reason, who and when, and where a
 * moved one went when that is known). Returns buf. */
char *sched_change_words(const sched_row *r, char *buf, size_t len);
/* A booked appointment of a closed case with no outcome: none is asked for
 * (the case is read-only; one after the closure was cancelled with it). The
 * diary's status word, and the words of its line and of the printed list. */
#define SCHED_CLOSED_WORD "closed"
#define SCHED_CLOSED_WORDS "CASE CLOSED: no outcome is taken"

/* Loads the diary of an office or officer from `from` to `to` inclusive,
 * with each person's risk as on today. CL_ENOINPUT for an unknown code. */
int sched_day_load(cl_app *app, store_diary_scope scope, const char *code, cl_date from, cl_date to,
                   sched_day *out, cl_err *err);
void sched_day_free(sched_day *d);
/* Fills the enforcement words of rows [from, from + n) not yet filled (a
 * screenful), with one pass of the due rules over their people
 * (due_page_facts), and of every other row of the same people: outside
 * sched_day_load, so the day's own read stays as fast as it was. */
int sched_day_enforcement(cl_app *app, sched_day *d, size_t from, size_t n, cl_err *err);

/* The Monday of d's week. */
cl_date sched_week_start(cl_date d);

#endif
