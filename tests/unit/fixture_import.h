/* What the import tests share: a fresh folder and database for each test,
 * the error lines an import reports, importing files and the fixtures of
 * tests/data/csv, and reading the database back on a connection of its own. */
#ifndef CASELOAD_FIXTURE_IMPORT_H
#define CASELOAD_FIXTURE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/import.h"

extern char *fi_dir;
extern cl_store *fi_st;
extern char fi_errors[1 << 14]; /* each line an import reported, since fi_open */

/* A suite's .init and .fini: a new folder with the database NAME as fi_st. */
void fi_open(const char *name);
void fi_close(void);
/* An imp_opts report function: the line into fi_errors. */
void fi_collect(void *arg, const char *line);
/* Imports path (or text written to a file called name) as kind into fi_st;
 * n may be NULL. */
int fi_load(const char *kind, const char *path, imp_counts *n, bool dry);
int fi_load_text(const char *kind, const char *name, const char *text, imp_counts *n, bool dry);
/* tests/data/csv/KIND.csv for each kind in order, failing the test on an error. */
void fi_load_fixtures(const char *const *kinds, size_t n);
/* The first column of the first row of sql, from a connection of its own
 * (malloc'd; "" for NULL). */
char *fi_q_text(const char *sql);
/* Every record of kind in st as CSV, as exported (malloc'd). */
char *fi_export(cl_store *st, const char *kind);
/* The same from the database file at path. */
char *fi_q_text_in(const char *path, const char *sql);

#endif
