/* A cl_app over a test database at a fixed moment, for core calls that take one. */
#ifndef CASELOAD_COURT_APP_H
#define CASELOAD_COURT_APP_H

#include "caseload/app.h"
#include "caseload/intake.h"

/* Opens dir/name (created, migrated) with actor TEST at iso date and time. */
void ca_open(cl_app *app, const char *dir, const char *name, const char *date, const char *time);
void ca_close(cl_app *app);
/* A court's form: Siân Llŷr, born 11 June 1982, at office, sentenced by court
 * on sentence_date to a community order with unpaid work (120 hours) and a
 * curfew (20 days); medium RoSH; no address, phone or flags. */
intake_form ca_form(const char *office, const char *court, cl_date sentence_date);

#endif
