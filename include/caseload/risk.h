/* Risk: the registration types (one reference table) and the one function that
 * says a person's RoSH level and flags, used by every view, list and printout. */
#ifndef CASELOAD_RISK_H
#define CASELOAD_RISK_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/dates.h"
#include "caseload/err.h"
#include "caseload/store.h"

typedef enum {
    ROSH_UNKNOWN = 0,
    ROSH_LOW,
    ROSH_MEDIUM,
    ROSH_HIGH,
    ROSH_VERY_HIGH
} risk_rosh;

/* Severity groups, in the order flags are shown where space is short. */
typedef enum {
    RG_ROSH = 0,
    RG_MAPPA,
    RG_STAFF,
    RG_PUBLIC,    /* public protection: sex offences, weapons, terrorism, ... */
    RG_SAFEGUARD, /* safeguarding: domestic abuse, children, adults at risk */
    RG_OTHER
} risk_group;

typedef struct risk_regtype {
    const char *code;        /* national code, e.g. AV2S */
    const char *words;       /* full words on records, e.g. RISK TO STAFF */
    const char *label;       /* short label for lists, e.g. STAFF */
    int review_months;       /* review period */
    bool has_level;          /* takes a level L/M/H/V */
    bool has_category;       /* MAPPA: category and level M1.. */
    bool ends_at_closure;    /* removed when the case terminates */
    risk_group group;
    int rank;                /* order within everything: lower shows first */
} risk_regtype;

extern const risk_regtype RISK_TYPES[];
extern const size_t RISK_TYPES_N;
/* By code (exact) or by words (case-insensitive); NULL when unknown. */
const risk_regtype *risk_type(const char *code_or_words);
bool risk_type_is_rosh(const char *code);
risk_rosh risk_rosh_of_code(const char *code);
const char *risk_rosh_code(risk_rosh r); /* RLRH.. or NULL for unknown */

/* "Low", "Medium", "High", "Very High", "Unknown" (CSV `rosh` column). */
const char *risk_rosh_word(risk_rosh r);
/* "LOW ROSH" .. "VERY HIGH ROSH", "UNKNOWN ROSH" (banners and records). */
const char *risk_rosh_banner(risk_rosh r);
/* "L" "M" "H" "VH" "?" (narrowest columns). */
const char *risk_rosh_short(risk_rosh r);
risk_rosh risk_rosh_of_level(const char *level); /* L/M/H/V */

#define RISK_MAX_FLAGS 32 /* at least the non-RoSH types of RISK_TYPES */

/* One active registration as shown. */
typedef struct risk_flag {
    const risk_regtype *type;
    char category[4]; /* MAPPA M1-M4 */
    char level[4];    /* L/M/H/V, or MAPPA M1-M3 */
    cl_date start;
    cl_date review;   /* CL_DATE_NONE when none */
    bool review_overdue;
} risk_flag;

typedef struct risk_summary {
    risk_rosh rosh;
    cl_date rosh_review;      /* CL_DATE_NONE when unknown */
    bool rosh_review_overdue;
    bool staff_banner;        /* risk to staff at Medium or above (or unlevelled) */
    size_t nflags;
    risk_flag flags[RISK_MAX_FLAGS]; /* non-RoSH, in severity order */
} risk_summary;

/* The one order of registrations, for the flags of a summary and every list
 * of them: by RISK_TYPES rank (RoSH first, then MAPPA, risk to staff and the
 * rest by severity; unknown types last), then by start date. strcmp-like. */
int risk_reg_cmp(const char *type_a, cl_date start_a, const char *type_b, cl_date start_b);

/* Builds a summary from the active registrations (as stored) of one person.
 * Pure: no database. Rows with unknown types are ignored. */
typedef struct risk_reg_row {
    const char *type, *category, *level;
    cl_date start, review;
} risk_reg_row;
void risk_summary_build(risk_summary *out, const risk_reg_row *rows, size_t n, cl_date today);

/* The narrowest a column of short labels may be: the widest label
 * ("MAPPA 2/2") and the " +N" counting the labels after it. Narrower, a
 * label would be cut mid-label ("MAPPA ~ +1"), hiding the category/level. */
#define RISK_LABELS_MIN_COLS 12
/* The narrowest a column may be for risk_flags_fit never to hide a risk to
 * staff: "MAPPA; STAFF +NN". The caseload and due lists' Flags columns. */
#define RISK_FLAGS_STAFF_COLS 16

/* Short labels joined by "; " in severity order (CONVENTIONS.md):
 * "MAPPA 2/2; STAFF; DA; CP". Empty when there are none. Returns buf. */
char *risk_flags_short(const risk_summary *s, char *buf, size_t len);
/* Short labels (as risk_flags_short joins them, perhaps followed by other
 * "; "-joined items) fitted to a column: whole labels, then "+N" for the rest
 * (tw_fit_list). A risk to staff is never among the hidden ones: when it would
 * be, MAPPA's label gives up its category and level ("MAPPA; STAFF +2"),
 * which the record's banner shows in full. Returns buf. */
char *risk_flags_fit(const char *joined, int width, char *buf, size_t len);
/* The flags every list and person line shows: the risk flags (as
 * risk_flags_short joins them) first, then the enforcement words ("WARNING
 * DUE", enf_person.words or the due facts' `enforcement`), "; "-joined; either
 * may be "" or NULL. Risk first, so risk_flags_fit keeps it in a narrow
 * column. Returns buf. */
char *risk_flags_join(const char *flags, const char *enforcement, char *buf, size_t len);
/* Full words of one flag: "MAPPA Category 2, Level 2", "RISK TO STAFF (HIGH)". */
char *risk_flag_words(const risk_flag *f, char *buf, size_t len);
/* Short label of one flag: "MAPPA 2/2", "STAFF". */
char *risk_flag_label(const risk_flag *f, char *buf, size_t len);
/* The one function every view, list and printout uses: a person's RoSH level
 * and active flags, from the database, as on `today`. */
int risk_summary_load(cl_store *st, const char *crn, cl_date today, risk_summary *out, cl_err *err);
#endif
