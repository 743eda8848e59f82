/* The CSV formats: one column table per kind, the single source for import
 * validation, export column order, `caseload help` text and the man page
 * (man/caseload-csv.5; a test checks that every column and code is there). */
#ifndef CASELOAD_CSV_FORMAT_H
#define CASELOAD_CSV_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/dates.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"

typedef enum {
    CF_TEXT,      /* char[size] */
    CF_NOTES,     /* char * (long text) */
    CF_CODE,      /* char[size]: a code of `codes` (its readable name is accepted too) */
    CF_DATE,      /* cl_date: YYYY-MM-DD or DD/MM/YYYY in, YYYY-MM-DD out */
    CF_TIME,      /* int minutes: HH:MM */
    CF_NUM,       /* double, 0 or more */
    CF_BOOL,      /* bool: yes/no (also y/n, true/false, 1/0; empty is no) */
    CF_CRN,       /* char[size]: one capital letter and six digits */
    CF_TIER,      /* char[size]: A0-D3, optional S suffix */
    CF_REGTYPE,   /* char[size]: a registration type of risk.h (code or full words) */
    CF_REGLEVEL,  /* char[size]: L M H V, or M1-M3 when the type is MAPP */
    CF_APPT_TYPE, /* char[size]: a contact type that is booked in the diary */
    CF_STAMP,     /* char[size]: YYYY-MM-DDTHH:MM */
    CF_PNC,       /* char[size]: a PNC number, short forms stored in full (pnc.h) */
    CF_ID,        /* long long: a record number, 1 or more (0: none) */
    CF_SETTING,   /* char[size]: a setting an office may record (timescale.h) */
    CF_SETTING_VALUE, /* char[size]: its value, checked against the row's setting
                         (cf_check_row) and stored in the form the setting reads */
} cf_type;

enum {
    CF_REQ_COL = 1 << 0, /* the header must have this column */
    CF_REQ_VAL = 1 << 1, /* every row must have a value */
    CF_KEY = 1 << 2,     /* part of the natural key */
    CF_NOSHIFT = 1 << 3, /* not moved by --shift-from (birth dates, bank holidays) */
    CF_UNIQUE = 1 << 4,  /* not a key, but no two records share a value; in a file,
                            every row has one or none does (a number given is kept) */
    CF_ALL = 1 << 5,     /* with ref: TS_SCOPE_ALL ("*") means every record of the
                            referred kind (a setting for every office), not one */
};

/* The largest CF_ID (SQLite's rowid is 64-bit; 2^53 keeps it exact anywhere). */
#define CF_ID_MAX 9007199254740992LL

typedef struct csv_column {
    const char *name;
    cf_type type;
    int flags;
    const ref_set *codes; /* CF_CODE */
    store_kind ref;       /* must name an existing record of this kind; STORE_KINDS_N: none */
    size_t offset, size;  /* the struct field */
    const char *doc;      /* one line for help and the man page */
} csv_column;

typedef struct csv_format {
    const char *kind; /* "offenders" */
    store_kind store;
    const csv_column *cols;
    size_t ncols;
    size_t rec_size;
    const char *doc;
} csv_format;

/* In load order: each kind refers only to kinds before it. */
extern const csv_format CSV_FORMATS[];
extern const size_t CSV_FORMATS_N;
const csv_format *csv_format_find(const char *kind);
const csv_column *csv_column_find(const csv_format *fmt, const char *name);
/* Columns the table's types and references say more about (csv_roles.c):
 * a staff or office code (the key of offices and staff, and every column
 * naming one) is read in upper case, as the command line reads it
 * (case_code_normalise), so cdf02 is CDF02; the column of the row's person
 * (its CF_CRN column, NULL when none); and whether a reference must be one of
 * that person's records (an order an appointment or contact counts for:
 * case_order_of). */
bool cf_is_code(const csv_format *fmt, const csv_column *col);
const csv_column *cf_person_col(const csv_format *fmt);
bool cf_is_persons(const csv_format *fmt, const csv_column *col);
/* A reference to the same kind that only an earlier row of the file (or a
 * stored record) may satisfy: the rule in words ("a correction must come
 * after the contact it corrects"), or NULL when a later row will do (an
 * appointment's replaced_by names the row booked after it). */
const char *cf_earlier_rule(const csv_format *fmt, const csv_column *col);

/* Sets every field of a record to empty (dates none, times and numbers -1). */
void cf_blank(const csv_format *fmt, void *rec);
/* Parses text into the record's field; shift days are added to dates (and
 * stamps) unless CF_NOSHIFT. text must stay valid while rec is used (notes
 * point into it). Returns true, or false with a message in msg. `rec` holds the
 * fields parsed so far (a level is checked against the row's type). */
bool cf_parse(const csv_column *col, char *text, void *rec, int shift, char *msg, size_t msglen);
/* Rules across the fields of one parsed row (a MAPPA level only on MAPPA, an
 * end time after the start, a setting's value...). False with the column and
 * a message; a setting's value is rewritten into the form it is stored in. */
bool cf_check_row(const csv_format *fmt, void *rec, const char **col, char *msg, size_t len);
/* The field as CSV text: into buf, or a pointer into rec for long text. */
const char *cf_format(const csv_column *col, const void *rec, char *buf, size_t len);

#endif
