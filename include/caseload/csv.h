/* CSV (RFC 4180) reading over libcsv and writing. Reading is push-style: the
 * caller's function gets one record at a time, with the physical line where
 * the record starts (a quoted field may span lines). Quoted fields with commas,
 * quotes and line breaks, CRLF or LF, a UTF-8 byte order mark and blank lines
 * are handled; spaces are part of a field. No allocation per record: the
 * record's buffers are reused. (libcsv owns the names csv_init, csv_parse,
 * csv_write...: ours are csv_read_*, csv_put_*, csv_utf8_valid.) */
#ifndef CASELOAD_CSV_H
#define CASELOAD_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "caseload/err.h"

typedef struct csv_record {
    size_t n;                 /* fields */
    char **field;             /* NUL-terminated; writable, valid during the call */
    const size_t *len;        /* byte lengths (a field may hold a NUL byte) */
    long line;                /* physical line (from 1) where the record starts */
} csv_record;

/* Returns 0 to go on; any other value stops reading and is returned. */
typedef int (*csv_record_fn)(void *arg, const csv_record *rec);
/* Bytes read so far of total (total 0 when unknown). */
typedef void (*csv_progress_fn)(void *arg, long long done, long long total);

/* Reads the file at path (name in messages). CL_OK; CL_ENOINPUT when it cannot be
 * opened; CL_EIO on a read error; CL_EDATA "FILE:LINE: COLUMN: malformed CSV:
 * ..." for broken quoting (COLUMN: the first record's name for the field, as
 * the first record is the header; "header" in the header itself); or what fn
 * returned. progress may be NULL. */
int csv_read_file(const char *path, csv_record_fn fn, csv_progress_fn progress, void *arg,
                  cl_err *err);
/* The same over a buffer in memory (tests, fuzzing). */
int csv_read_buffer(const char *name, const char *data, size_t len, csv_record_fn fn, void *arg,
                    cl_err *err);

/* True when s[0..len) is well-formed UTF-8 without NUL bytes, overlongs or surrogates. */
bool csv_utf8_valid(const char *s, size_t len);

/* Writing: LF line ends, quotes only where needed (a comma, quote, CR or LF),
 * UTF-8 as given, no byte order mark. */
typedef struct csv_out {
    FILE *f;
    size_t nfields;  /* in the current row */
    bool last_empty; /* the row so far is one empty field */
} csv_out;

void csv_out_init(csv_out *w, FILE *f);
void csv_put_field(csv_out *w, const char *s);
void csv_end_row(csv_out *w);

#endif
