/* A small office for the diary tests: written with plain SQL on a second
 * connection (the test's own setup, not the code under test). */
#ifndef CASELOAD_FIXTURE_DIARY_H
#define CASELOAD_FIXTURE_DIARY_H

#include "caseload/app.h"
#include "caseload/sched.h"

/* Runs SQL on dir/name through a raw connection with the audit functions. */
void fx_sql(const char *dir, const char *name, const char *sql);
/* Creates dir/name with office N1 (09:00-17:00), officers AB1 and CD2 in N1,
 * people X100001 (AB1, High RoSH, MAPPA 2/2 and DA), X100002 (AB1),
 * X100003 (closed). */
void fx_office(const char *dir, const char *name);
/* An app over dir/name with the clock at now ("YYYY-MM-DDTHH:MM") and the
 * shipped calendar; officer AB1. Close with fx_app_close. */
void fx_app(cl_app *app, const char *dir, const char *name, const char *now);
void fx_app_close(cl_app *app);
/* A diary test's setup: a new temporary folder with the office (fx_office)
 * in name, then sql (NULL: none) run on it, and app over it at now. Returns
 * the folder; fx_diary_teardown closes the app and removes it. */
char *fx_diary_setup(cl_app *app, const char *name, const char *sql, const char *now);
void fx_diary_teardown(cl_app *app, char *dir);
/* A booking request for crn at date ("YYYY-MM-DD") and time ("HH:MM"), no repeat. */
sched_request fx_request(const char *crn, const char *date, const char *time);

#endif
