/* The contacts tests' office: fx_office with orders O1 (X100002, community
 * order) and L1 (X100001, licence), and X100002's appointments A1 (yesterday),
 * A2 and A3 (today 09:00 and 11:00), A4 (cancelled), and A5 of X100004; the
 * clock at 2026-11-24T10:00. Shared by test_contacts.c and
 * test_contact_drafts.c, each its own suite over it. */
#ifndef CASELOAD_FIXTURE_CONTACTS_H
#define CASELOAD_FIXTURE_CONTACTS_H

#include "caseload/app.h"
#include "caseload/contacts.h"

extern char *fxc_dir;
extern cl_app fxc_app;
extern cl_err fxc_err;

void fxc_setup(void);
void fxc_teardown(void);
/* An integer read from the test database by a second connection. */
int fxc_count(const char *sql);
/* A contact for X100002 now, of type, with outcome and note (copied). */
cl_contact fxc_new_contact(const char *type, const char *outcome, const char *note);
/* contact_log, asserted to succeed. */
void fxc_log_ok(cl_contact *c, const store_draft_key *k);

#endif
