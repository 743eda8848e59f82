/* Court intake: a newly sentenced person taken on at court in minutes. One
 * transaction creates the person (a provisional reference when the CRN is not
 * known yet), the order and its requirements, the RoSH screening and flags,
 * allocates the case (proposed by the rules and workload unless given) and
 * books the first appointment on the next business day at the officer's
 * office. The same call with dry_run set works all of it out and keeps
 * nothing, so a screen can show the proposal before the officer confirms. */
#ifndef CASELOAD_INTAKE_H
#define CASELOAD_INTAKE_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/dup.h"
#include "caseload/model.h"
#include "caseload/ref.h"
#include "caseload/risk.h"

#define INTAKE_MAX_REQS 8
#define INTAKE_MAX_FLAGS 12

typedef struct intake_req {
    char type[8];              /* REF_REQUIREMENT_TYPES code */
    double length;             /* in the type's unit; negative when not given (0 is refused: see limits.h) */
    char subtype[CL_NAME_LEN]; /* programme name, curfew details, ... */
} intake_req;

typedef struct intake_flag {
    char type[8];     /* registration code or words (ADVP, MAPPA, ...) */
    char category[4]; /* MAPPA M1-M4 */
    char level[4];    /* L/M/H/V, or MAPPA M1-M3 */
} intake_flag;

typedef struct intake_form {
    cl_offender person;      /* crn "" for a provisional reference; office = the case's office */
    char court[CL_TEXT_LEN];
    cl_date sentence_date;
    char order_type[8];      /* REF_ORDER_TYPES code */
    size_t nreqs;
    intake_req reqs[INTAKE_MAX_REQS];
    risk_rosh rosh;          /* the screening's level; ROSH_UNKNOWN when not screened */
    size_t nflags;
    intake_flag flags[INTAKE_MAX_FLAGS];
    char officer[CL_CODE_LEN]; /* "" = propose one */
    const char *override;      /* reason, when the officer breaks the allocation rules */
    bool not_duplicate;        /* the officer saw the possible duplicates: this is someone else */
} intake_form;

typedef struct intake_result {
    char crn[CL_CODE_LEN];
    bool provisional;
    char order_id[CL_ID_LEN];
    char officer[CL_CODE_LEN];
    bool proposed;            /* the officer was proposed, not given */
    int breaches;             /* ALLOC_* rules the officer breaks (needs override) */
    char appt_id[CL_ID_LEN];  /* "" on a dry run */
    cl_date appt_date;
    int appt_start, appt_end;
    char appt_office[CL_CODE_LEN];
    char warnings[640];       /* booking warnings, "" when none */
    dup_list dups;            /* possible duplicates (then nothing is saved) */
} intake_result;

/* The RoSH screening as typed: L, M, H, VH or the words (Low ... Very High);
 * "" is not screened (ROSH_UNKNOWN). False when not a level. */
bool intake_parse_rosh(const char *text, risk_rosh *out);
/* Flags as typed: codes or short labels separated by spaces, commas or
 * semicolons ("DA CC STAFF RSO MAPPA 2/2"); MAPPA takes category/level.
 * Replaces form->flags. CL_EDATA naming the word not understood. */
int intake_parse_flags(const char *text, intake_form *form, cl_err *err);

/* Checks the form (CL_EDATA naming the field), looks for duplicates (when
 * any and not form->not_duplicate: CL_EDATA, res->dups filled, nothing
 * saved), then saves everything in one transaction, or with dry_run works it
 * out and rolls back. A provisional reference made on a dry run is kept in
 * res->crn: pass it back in form->person.crn to keep it. */
int intake_save(cl_app *app, const intake_form *form, bool dry_run, intake_result *res, cl_err *err);

/* Replaces a provisional reference by the real CRN: every record follows,
 * and the audit trail records the change (who, when, from, to). */
int intake_replace_crn(cl_app *app, const char *provisional, const char *crn, cl_err *err);

#endif
