/* The contacts tests' office (fixture_contacts.h). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/contacts.h"
#include "fixture_contacts.h"
#include "fixture_diary.h"
#include "testutil.h"

char *fxc_dir;
cl_app fxc_app;
cl_err fxc_err;

void fxc_setup(void)
{
    fxc_dir = fx_diary_setup(&fxc_app, "c.db",
                         "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100002','CO','2026-01-10');"
                         "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('L1','X100001','LIC','2026-02-01');"
                         "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
                         " VALUES ('A1','X100002','O1','AB1','N1','2026-11-23','10:00','10:30','COAP');"
                         "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
                         " VALUES ('A2','X100002','O1','AB1','N1','2026-11-24','09:00','09:30','COAP');"
                         "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
                         " VALUES ('A3','X100002','O1','AB1','N1','2026-11-24','11:00','11:30','COAP');"
                         "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type,status)"
                         " VALUES ('A4','X100002','O1','AB1','N1','2026-11-20','11:00','11:30','COAP','cancelled');"
                         "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
                         " VALUES ('A5','X100004',NULL,'EF3','S2','2026-11-20','11:00','11:30','COAP');",
                         "2026-11-24T10:00");
    memset(&fxc_err, 0, sizeof fxc_err);
}
void fxc_teardown(void)
{
    fx_diary_teardown(&fxc_app, fxc_dir);
}

int fxc_count(const char *sql)
{
    return (int)tu_query_int(fxc_dir, "c.db", sql);
}

/* A contact for X100002 now, of type, with outcome and note. */
cl_contact fxc_new_contact(const char *type, const char *outcome, const char *note)
{
    cl_contact c;
    memset(&c, 0, sizeof c);
    snprintf(c.crn, sizeof c.crn, "X100002");
    snprintf(c.type, sizeof c.type, "%s", type);
    snprintf(c.outcome, sizeof c.outcome, "%s", outcome ? outcome : "");
    c.date = CL_DATE_NONE;
    c.time = c.end = -1;
    c.respond_by = CL_DATE_NONE;
    c.notes = note ? strdup(note) : NULL;
    return c;
}

void fxc_log_ok(cl_contact *c, const store_draft_key *k)
{
    cr_assert_eq(contact_log(&fxc_app, c, k, &fxc_err), CL_OK, "%s", fxc_err.msg);
}

