/* Test setup rows written straight into a database file, as another
 * program (an import) would leave them. Triggers are off on this connection
 * only: the rows under test are then written through the core. */
#ifndef CASELOAD_TEST_SEED_H
#define CASELOAD_TEST_SEED_H

#include <stddef.h>

/* Runs sql (several statements) on dir/name; fails the test on error. */
void seed_exec(const char *dir, const char *name, const char *sql);
/* The first column of the first row of sql as an int. */
int seed_int(const char *dir, const char *name, const char *sql);
/* The same as text into buf ("" when NULL or no row). */
char *seed_text(const char *dir, const char *name, const char *sql, char *buf, size_t len);

#endif
