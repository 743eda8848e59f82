/* The application context handed to every command and screen: the open
 * store, the clock, the bank-holiday calendar and who is working. No globals. */
#ifndef CASELOAD_APP_H
#define CASELOAD_APP_H

#include <limits.h>

#include "caseload/calendar.h"
#include "caseload/clock.h"
#include "caseload/store.h"

typedef struct cl_app {
    cl_store *store;
    cl_clock clock;
    cl_calendar cal;
    char officer[32]; /* the current officer's staff code; "" when not a staff member */
    char who[64];     /* stamped on writes: the officer code, else the login name */
    char db_path[PATH_MAX];
    char warning[PATH_MAX + 96]; /* a problem worth saying that did not stop the open; "" */
} cl_app;

/* The database path: --db, else $CASELOAD_DB, else $XDG_DATA_HOME/caseload/caseload.db
 * (~/.local/share/caseload/caseload.db; a relative XDG_DATA_HOME is ignored). */
int app_db_path(const char *db_flag, char *out, size_t len, cl_err *err);

/* Reads the clock, opens the store (store_flags as store_open), loads the
 * calendar and works out the officer: officer_flag, else $CASELOAD_OFFICER,
 * else the staff row whose code is the login name. An officer_flag that is
 * not a staff code is a usage error; $CASELOAD_OFFICER that is not (set in a
 * profile, before the staff are imported, or for another database) only
 * leaves the officer empty and says so in app->warning. */
int app_open(cl_app *app, const char *db_flag, const char *officer_flag, int store_flags, cl_err *err);
void app_close(cl_app *app);
/* Reads the clock again (a screen left open past midnight moves to the new
 * day); true when the date changed. The clock's settings were checked by
 * app_open, so a failure keeps the time it had. */
bool app_clock_refresh(cl_app *app);

#endif
