/* Allocation: which grade may hold which case (one table), allocating against
 * it only with a recorded override, proposing an officer for a new case,
 * transfers of any number of cases in one transaction, and the unallocated and
 * pending-transfer lists. History is kept in the `allocation` table (who, when,
 * reason, override) and the audit trail. */
#ifndef CASELOAD_ALLOC_H
#define CASELOAD_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/model.h"
#include "caseload/ref.h"
#include "caseload/risk.h"

/* What a grade may hold (DOMAIN.md section 6; policy is only partly public, so
 * this is the one place to change it). */
typedef struct alloc_rule {
    const char *grade;     /* REF_GRADES code */
    bool holds_cases;      /* ADMIN: no caseload at all (no override) */
    bool name_only;        /* SPO: a case held is listed as unallocated */
    risk_rosh max_rosh;    /* highest RoSH level the grade may hold */
    int max_mappa_level;   /* highest MAPPA level (1-3) */
    bool sex_offender;     /* may hold a registered sex offender (ARSO) */
    char best_tier;        /* highest tier letter the grade may hold: 'A'..'D' */
} alloc_rule;

extern const alloc_rule ALLOC_RULES[];
extern const size_t ALLOC_RULES_N;
/* The rule for a grade (case-insensitive); NULL when the grade is unknown. */
const alloc_rule *alloc_rule_for(const char *grade);

/* Reasons for a reallocation (DOMAIN.md section 6). */
extern const ref_set ALLOC_REASONS;

/* Each way a case can break the rules for an officer. */
enum {
    ALLOC_OK = 0,
    ALLOC_NO_CASELOAD = 1 << 0, /* the grade holds no cases: never allowed */
    ALLOC_ROSH = 1 << 1,
    ALLOC_MAPPA = 1 << 2,
    ALLOC_SEX_OFFENDER = 1 << 3,
    ALLOC_TIER = 1 << 4,
    ALLOC_OFFICE = 1 << 5,      /* the officer works in another office */
    ALLOC_UNKNOWN_GRADE = 1 << 6,
};
/* The grade rules (what the case is, not where or who): a case held against
 * them with no override recorded for the holding needs reallocating. */
#define ALLOC_GRADE_RULES (ALLOC_ROSH | ALLOC_MAPPA | ALLOC_SEX_OFFENDER | ALLOC_TIER)

/* The case facts the rules look at. */
typedef struct alloc_case {
    risk_rosh rosh;
    int mappa_level;  /* 0 when not MAPPA */
    bool sex_offender;
    char tier[4];     /* "" when not assessed */
    char office[CL_CODE_LEN];
} alloc_case;

/* The facts from a risk summary (the one risk function's answer) and a tier. */
void alloc_case_from_risk(alloc_case *c, const risk_summary *r, const char *tier, const char *office);
/* The rules broken (ALLOC_* bits) when an officer of this grade and office
 * holds the case. An empty office on either side skips the office rule. */
int alloc_check(const alloc_case *c, const char *grade, const char *officer_office);
/* The holder rule alone, the part of alloc_check about who holds a case at
 * all: an unknown grade or one that holds no caseload (an ADMIN: never, with
 * an override or not), and an officer of another office than the case's
 * (ALLOC_OFFICE: only with an override). An empty office on either side skips
 * the office rule. allocate applies it through alloc_check; an import (which
 * has no override to give) and `check` apply it to every case given an
 * officer, through alloc_holder_words. */
int alloc_holder_check(const char *grade, const char *officer_office, const char *case_office);
/* alloc_holder_check for officer s holding crn of case_office, with the
 * breach in alloc_breach_words' words in buf ("" when none): "Z000001
 * cannot go to CDF07: an ADMIN holds no caseload". Returns the ALLOC_* bits. */
int alloc_holder_words(const char *crn, const cl_staff *s, const char *case_office, char *buf, size_t len);
/* For `check`: each active case held against the holder rule (an
 * administrator's, or another office's officer's with no override recorded)
 * reported in words; the number reported, or -1 (err set). */
int alloc_check_holders(cl_store *st, store_report_fn report, void *arg, cl_err *err);
/* A grade the table limits (it may not hold every case): the only grades
 * whose holdings the due list and register judge. */
bool alloc_grade_limited(const alloc_rule *r);
/* The grade rules a case held by grade breaks (ALLOC_GRADE_RULES bits), from
 * its active registrations (as stored) and tier, with the facts looked at in
 * *c (its office left empty); *since is when it began to
 * break them: the earliest start of a registration that alone breaks one
 * (CL_DATE_NONE when the tier breaks one: it has no date, so the holding's
 * start counts). Pure: no database. */
int alloc_held_breaches(const char *grade, const char *tier, const risk_reg_row *rows, size_t n, cl_date today,
                        alloc_case *c, cl_date *since);
/* The due list's and register's words for a case held against the grade
 * rules: "reallocation needed: a PSO may not hold VERY HIGH ROSH". */
char *alloc_reallocation_words(int breaches, const char *grade, const alloc_case *c, char *buf, size_t len);
/* After a risk change: whether crn's holder may hold it by the grade rules.
 * 0 (buf "") when they may, when nobody holds it, or when an override is
 * recorded for the holding (the due list's rule); else the ALLOC_* bits
 * and, in buf, "X100003 is held by CDF06 (PSO) against the allocation rules:
 * a PSO may not hold VERY HIGH ROSH; reallocate it, or record an override:
 * caseload allocate X100003 CDF06 --override REASON". -1 on error. */
int alloc_holding_words(cl_app *app, const char *crn, char *buf, size_t len, cl_err *err);
/* The same for staff member s holding crn of tier and office (an import's
 * row, before it is written): the risk and the override from the database
 * when stored, else (a first load: nothing stored yet) the tier alone. */
int alloc_held_words(cl_store *st, const cl_staff *s, const char *crn, const char *tier, const char *office,
                     cl_date today, bool stored, char *buf, size_t len, cl_err *err);

/* One sentence per broken rule, "; "-joined: "a PSO may not hold High RoSH". */
char *alloc_explain(int breaches, const char *grade, const alloc_case *c, char *buf, size_t len);

/* One case against the rules, in the words every front end gives: "H675140
 * cannot go to CDF06 (PSO) without an override: a PSO may not hold HIGH ROSH;
 * a PSO may not hold tier B cases" (alloc_explain for the rules). */
char *alloc_breach_words(const char *crn, const cl_staff *s, int breaches, const alloc_case *c, char *buf,
                         size_t len);
/* Before asking for an override: which of the cases break which rule if
 * officer holds them, one alloc_breach_words line per case that does, "\n"
 * between them ("..." when cut). office_rule: an allocation (the officer must
 * work in the case's office); a transfer takes the office with the case.
 * *n is how many cases break the rules (0: buf is ""). */
int alloc_rules_words(cl_app *app, const char *const *crns, size_t ncrns, const char *officer,
                      bool office_rule, char *buf, size_t len, size_t *n, cl_err *err);

/* Loads a case's facts from the database (risk via risk_summary_load). */
int alloc_case_load(cl_app *app, const char *crn, alloc_case *out, cl_err *err);

/* One staff member by code (store_get_staff); CL_EUSAGE saying the code
 * is not a staff code when there is none. */
int alloc_staff_get(cl_app *app, const char *code, cl_staff *out, cl_err *err);

/* Allocates crn to officer. When the rules are broken, override must hold a
 * reason (else CL_EDATA, nothing changed, err says which rules); the override
 * is recorded with who and when. reason is a ALLOC_REASONS code or NULL. Runs
 * in its own transaction unless one is open. Completes a pending transfer. */
int alloc_allocate(cl_app *app, const char *crn, const char *officer, const char *reason,
                   const char *override, cl_err *err);

/* Transfers. */
typedef enum { ALLOC_APPTS_MOVE = 0, ALLOC_APPTS_CANCEL } alloc_appts;
typedef struct alloc_transfer_req {
    const char *const *crns;
    size_t n;
    const char *to_officer;   /* NULL: to an office, pending allocation there */
    const char *to_office;    /* NULL with to_officer: the officer's office */
    alloc_appts appts;
    const char *reason;       /* ALLOC_REASONS code or NULL */
    const char *override;     /* reason for breaking the rules, or NULL */
    bool double_book;         /* move clashing appointments too (else they stay) */
} alloc_transfer_req;
typedef struct alloc_transfer_result {
    size_t cases, appts_moved, appts_cancelled;
    size_t appts_kept;  /* stay as booked: no officer yet, or already with the new one */
    char kept[1024];    /* which and why, "; " between them ("..." when cut) */
    bool kept_waiting;  /* some are kept as the case waits for an officer at the new office */
    bool override_recorded; /* allocate: an override was needed, and recorded */
    size_t appts_held;  /* left alone: an outcome is logged for them */
    char held[1024];    /* which and why, "; " between them ("..." when cut) */
    size_t appts_clash; /* left with the old officer: the new one is booked then */
    char clash[2048];   /* which and the booking check's clash, "; " between them */
} alloc_transfer_result;
/* All the cases in one transaction: every one moves, or none (err names the
 * first CRN that could not). Open appointments (booked, today or later) move
 * to the new officer and office, or are cancelled with the reason recorded; on
 * a transfer to an office they stay as booked until the case is allocated
 * (res->kept names them, with why). A case already waiting for an officer at
 * the office it is sent to is refused (CL_EDATA): its pending transfer, and
 * where the case came from, stay as they are.
 * One with an outcome logged is neither moved nor cancelled (the diary's rule):
 * it stays as it is and res->held says which and why. One that would clash
 * with the new officer's diary (the booking check, alloc_appt_clash) stays
 * with the old officer unless req->double_book: res->clash names each. */
int alloc_transfer(cl_app *app, const alloc_transfer_req *req, alloc_transfer_result *res,
                   cl_err *err);

/* Upcoming appointments (booked, not yet begun) of crn that are not with
 * officer at the officer's office: after a transfer to an office they are
 * still with the old officer. In words, "; " between them ("..." when cut):
 * "Mon 14 Dec 2026 10:00 Office visit with CDF05 at CDF". *n is how many.
 * Those that would clash with officer's diary, in the booking check's words,
 * go to clashes ("; " between them); *nclash is how many. */
int alloc_appts_elsewhere(cl_app *app, const char *crn, const char *officer, char *buf, size_t len,
                          size_t *n, char *clashes, size_t clash_len, size_t *nclash, cl_err *err);
/* Whether moving appointment a to officer at office would double-book the
 * officer: the booking form's clash check (sched_check_reschedule) at the
 * same date and time; why gets its words ("clash: Fri 11 Dec 2026 officer
 * CDF06 already has ..."). */
int alloc_appt_clash(cl_app *app, const cl_appointment *a, const char *officer, const char *office, char *why,
                     size_t len, bool *clash, cl_err *err);
/* alloc_allocate, and with move_appts the case's upcoming appointments move to
 * the officer and their office in the same transaction (one with an outcome
 * logged stays as it is: res->held says which and why; one that clashes with
 * the officer's diary stays unless double_book: res->clash). res may be NULL
 * when move_appts is false; res->override_recorded says whether the rules
 * needed the override (one given when none was needed is not recorded). */
int alloc_allocate_appts(cl_app *app, const char *crn, const char *officer, const char *reason,
                         const char *override, bool move_appts, bool double_book,
                         alloc_transfer_result *res, cl_err *err);
/* Moves the upcoming appointments of crn to the officer now holding it and
 * their office (the screen's answer to "move them?" after an allocation);
 * clashing ones stay unless double_book, as in alloc_transfer. */
int alloc_appts_to_holder(cl_app *app, const char *crn, bool double_book, alloc_transfer_result *res,
                          cl_err *err);
/* A closed case takes no appointments: those of crn still booked from its
 * closure (closed_at) on are cancelled with the reason ALLOC_CASE_CLOSED, in
 * the caller's transaction, through the path a transfer cancels by (one with
 * an outcome logged stays). *cancelled counts them; nothing when crn is not
 * closed. */
int alloc_appts_case_closed(cl_store *st, const char *crn, size_t *cancelled, cl_err *err);
#define ALLOC_CASE_CLOSED "case closed"


/* Lists. */
typedef struct alloc_waiting {
    char crn[CL_CODE_LEN], name[CL_NAME_LEN * 2], office[CL_CODE_LEN];
    char holder[CL_CODE_LEN]; /* the senior holding it in name only, or "" */
    cl_date since;            /* waiting since */
    int days;                 /* calendar days waited, to today */
    risk_rosh rosh;
    char flags[96];           /* risk_flags_short: "MAPPA 2/2; SFO; STAFF" */
} alloc_waiting;
typedef struct alloc_waiting_list {
    alloc_waiting *items;
    size_t n, cap;
} alloc_waiting_list;
/* Active cases with no officer, or held by a senior in name only, oldest first.
 * office NULL or "" means every office. Waiting since the later of the newest
 * current order's sentence (or release) date and the last allocation change
 * (a transfer in); only with neither, since the record was made. A senior's
 * case: the later of the sentence and the last time it left a non-senior (an
 * import's allocated_at never counts while either exists). RoSH and flags
 * come from the one risk summary. */
int alloc_unallocated(cl_app *app, const char *office, alloc_waiting_list *out, cl_err *err);
void alloc_waiting_list_free(alloc_waiting_list *l);

typedef struct alloc_pending {
    long long id;
    char crn[CL_CODE_LEN], name[CL_NAME_LEN * 2];
    char from_officer[CL_CODE_LEN], from_office[CL_CODE_LEN], to_office[CL_CODE_LEN];
    char by[64], at[20], reason[CL_TEXT_LEN];
    int days;
    risk_rosh rosh;
    char flags[96];           /* risk_flags_short, as alloc_waiting */
} alloc_pending;
typedef struct alloc_pending_list {
    alloc_pending *items;
    size_t n, cap;
} alloc_pending_list;
/* Transfers to an office not yet allocated to an officer there, oldest first;
 * no filter is required (office NULL: all). */
int alloc_pending_transfers(cl_app *app, const char *office, alloc_pending_list *out, cl_err *err);
void alloc_pending_list_free(alloc_pending_list *l);

/* Proposes an officer for a case: in the office, allowed by the rules, not
 * holding in name only, lowest workload percentage (then fewest cases, then
 * code). CL_ENOINPUT when nobody in the office may hold it. */
int alloc_propose(cl_app *app, const alloc_case *c, const char *office, char *officer,
                  size_t len, cl_err *err);

#endif
