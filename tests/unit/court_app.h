/* A cl_app over a test database at a fixed moment, for core calls that take one. */
#ifndef CASELOAD_COURT_APP_H
#define CASELOAD_COURT_APP_H

#include "caseload/app.h"

/* Opens dir/name (created, migrated) with actor TEST at iso date and time. */
void ca_open(cl_app *app, const char *dir, const char *name, const char *date, const char *time);
void ca_close(cl_app *app);

#endif
