/* Seeding test databases for the allocation, workload and intake tests: SQL
 * run on a second connection that provides the functions the audit triggers
 * call (cl_who, cl_now, cl_bulk). */
#ifndef CASELOAD_COURT_SEED_H
#define CASELOAD_COURT_SEED_H

/* Runs sql on dir/name; fails the test on error. */
void cs_exec(const char *dir, const char *name, const char *sql);
/* The first column of the first row of sql as an integer (or text into buf). */
long long cs_int(const char *dir, const char *name, const char *sql);
char *cs_text(const char *dir, const char *name, const char *sql, char *buf, size_t len);

#endif
