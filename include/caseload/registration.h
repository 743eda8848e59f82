/* Registrations (risk flags): add, review and end, for every type in
 * RISK_TYPES. Only one RoSH level is active at a time: adding a new level
 * ends the old one in the same transaction, keeping the old row with who,
 * when and why. Each write is one transaction with its audit rows. Adding,
 * reviewing and ending are refused for a closed case (case_check_open). */
#ifndef CASELOAD_REGISTRATION_H
#define CASELOAD_REGISTRATION_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/calendar.h"
#include "caseload/err.h"
#include "caseload/model.h"
#include "caseload/store.h"

/* Why a review is not dated after today, in every refusal of one. */
#define REG_REVIEWED_WHEN_DONE "a review is recorded once it has been done"

typedef struct reg_new {
    const char *crn;
    const char *type;     /* code (MAPP) or words (MAPPA) */
    const char *category; /* MAPPA M1-M4 (or 1-4); else NULL */
    const char *level;    /* L/M/H/V (or Low..Very High) for types with a level; MAPPA M1-M3 */
    const char *notes;
    cl_date start;        /* CL_DATE_NONE: today */
} reg_new;

typedef struct reg_result {
    long long id;
    cl_date review;       /* the new row's (or reviewed row's) next review */
    long long ended_id;   /* the RoSH row this one replaced, 0 when none */
    char ended_type[8];
} reg_result;

/* Checks and normalises a new registration without writing: canonical type,
 * category and level codes into the out buffers (8 bytes each). CL_EDATA
 * with a message naming the field when something is wrong. */
int reg_check(const reg_new *r, char *type, char *category, char *level, cl_err *err);

/* The single-RoSH rule (reg_rosh.c), shared by reg_add and the import. The
 * active registration a new one of `type` meets, into *out (notes NULL):
 * for a RoSH level the person's active RoSH level (the latest, should older
 * data hold two), else the active one of the same type; the row of `type`
 * from `skip` is not its own rival (CL_DATE_NONE: none skipped). */
int reg_rival(cl_store *st, const char *crn, const char *type, cl_date skip, cl_registration *out, bool *found,
              cl_err *err);
/* Whether an active RoSH level stays against a new one from `start`: the
 * later start wins, and on the same day the new one. */
bool reg_rosh_rival_stays(const cl_registration *rival, cl_date start);
/* Why a level ended: "replaced by HIGH ROSH" for new_type RHRH. Returns buf. */
char *reg_rosh_reason(const char *new_type, char *buf, size_t len);
/* Ends active level id on `on` (the new level's start), replaced by new_type,
 * stamped with the store's actor and time; kept in history. */
int reg_rosh_end(cl_store *st, long long id, const char *new_type, cl_date on, cl_err *err);

/* Adds a registration (CL_ENOINPUT when the CRN is unknown). */
int reg_add(cl_store *st, const cl_calendar *cal, cl_date today, const reg_new *r, reg_result *out,
            cl_err *err);
/* Records a review on `on`: the next review is `on` plus the type's period.
 * CL_EDATA when `on` is after today (a review is recorded once done). */
int reg_review(cl_store *st, const cl_calendar *cal, cl_date today, long long id, cl_date on, reg_result *out,
               cl_err *err);
/* Ends a registration on `on`; reason is required. CL_EDATA when `on` is
 * after today: a flag stays in force until the day it is ended. */
int reg_end(cl_store *st, cl_date today, long long id, cl_date on, const char *reason, cl_err *err);

/* Who ended a registration, when and why, as every screen and printout
 * says it: "by AB1 at 2026-11-25T09:30: risk reduced" (without " at ..."
 * when !at, for a narrow column); what was not recorded (records from an
 * import) is said so, never left blank. Returns buf. */
char *reg_ended_by(const cl_registration *g, bool at, char *buf, size_t len);

/* One registration by id (CL_ENOINPUT when none); free with cl_registration_clear. */
int reg_get(cl_store *st, long long id, cl_registration *out, cl_err *err);

/* A person's registrations, active first then ended (history). */
typedef struct reg_list {
    cl_registration *rows;
    size_t n, cap;
} reg_list;
int reg_list_load(cl_store *st, const char *crn, bool active_only, reg_list *out, cl_err *err);
void reg_list_free(reg_list *l);

#endif
