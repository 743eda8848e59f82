/* Shared helpers for the Criterion unit tests: real SQLite files in a fresh
 * temporary folder, removed afterwards. */
#ifndef CASELOAD_TESTUTIL_H
#define CASELOAD_TESTUTIL_H

#include <stddef.h>

#include "caseload/app.h"
#include "caseload/dates.h"
#include "caseload/store.h"

/* A new temporary folder (mode 0700); the returned string is static per call site use. */
char *tu_tmpdir(void);
/* Removes a folder made by tu_tmpdir and everything in it. */
void tu_rmtree(const char *dir);
/* Opens (creating) dir/name as a store with actor "TEST" at a fixed stamp. */
cl_store *tu_open(const char *dir, const char *name);
/* Writes text to dir/name and returns the full path (malloc'd). */
char *tu_write_file(const char *dir, const char *name, const char *text);
/* Reads a whole file (malloc'd, NUL-terminated); NULL when missing. */
char *tu_read_file(const char *path);
/* A date from "YYYY-MM-DD", failing the test when malformed. */
cl_date tu_date(const char *iso);
/* The one integer a query gives on dir/name, read through a connection of its
 * own (as another program sees the file); fails the test when there is none. */
long long tu_query_int(const char *dir, const char *name, const char *sql);
/* Every record of a CSV kind as `caseload export` writes it (malloc'd). */
char *tu_export(cl_store *st, const char *kind);

/* A store_report_fn: the problem and a line break onto arg, a char[1024]. */
void tu_report_into(void *arg, const char *problem);

#endif
