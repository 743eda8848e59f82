/* Importing and exporting a kind of record as CSV (the formats of
 * csv_format.h). Import is all-or-nothing in one transaction and an upsert by
 * natural key; every bad field is reported as "FILE:LINE: column: message"
 * (the physical line where the record starts). The core never prints: lines
 * come back through the report function. */
#ifndef CASELOAD_IMPORT_H
#define CASELOAD_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "caseload/calendar.h"
#include "caseload/csv.h"
#include "caseload/csv_format.h"
#include "caseload/store.h"

#define IMP_MAX_REPORTED 50

typedef struct imp_opts {
    bool dry_run;              /* validate only: nothing is written */
    int shift;                 /* days added to dates (not birth dates or holidays) */
    /* An appointment (and a contact logged against one) that the shift puts
     * on a weekend or bank holiday of this calendar moves to the next
     * business day (`import --shift-from` sets it). NULL: dates move by the
     * shift only. */
    const cl_calendar *cal;
    long long bulk_bytes;      /* files at least this big load under a rollback journal; 0: never */
    /* Each error line, up to IMP_MAX_REPORTED, then "FILE: N more errors not shown";
     * and each warning line ("FILE:LINE: officer: warning: ..."), up to
     * IMP_MAX_REPORTED of them. */
    void (*report)(void *arg, const char *line);
    csv_progress_fn progress;  /* may be NULL */
    void *arg;
} imp_opts;

typedef struct imp_counts {
    long long inserted, updated, unchanged;
    long long errors;          /* error lines found (all, not only those reported) */
    long long rosh_ended;      /* registrations: RoSH levels ended by later ones (kept in history) */
    long long appts_cancelled; /* offenders: appointments after a closure, cancelled ("case closed") */
    long long held_against;    /* offenders: taken, held against the grade rules (a warning each) */
} imp_counts;

/* CL_OK (committed, or validated when dry_run); CL_EDATA when any row is bad
 * (nothing written; err says how many); CL_ENOINPUT when the file cannot be
 * read; CL_EBUSY, CL_EIO from the store. */
int imp_file(cl_store *st, const csv_format *fmt, const char *path, const imp_opts *o,
             imp_counts *out, cl_err *err);
/* The same over CSV text in memory (name in messages), for tests and fuzzing. */
int imp_buffer(cl_store *st, const csv_format *fmt, const char *name, const char *data, size_t len,
               const imp_opts *o, imp_counts *out, cl_err *err);

/* Writes every record of the kind as CSV: the header, then rows in key order.
 * CL_EIO when the output cannot be written. */
int exp_write(cl_store *st, const csv_format *fmt, FILE *out, cl_err *err);

#endif
