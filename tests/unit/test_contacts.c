/* Contact logging: defaults from a diary row, corrections (append-only, both
 * visible), reasons for acceptable absences, the outcome-needed list and the
 * enforcement loader over real rows (drafts: test_contact_drafts.c; orders,
 * RAR and unpaid work: test_contact_orders.c). */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caseload/contacts.h"
#include "caseload/draft_editor.h"
#include "caseload/enforce.h"
#include "caseload/orders.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "caseload/timescale.h"
#include "fixture_contacts.h"
#include "fixture_diary.h"
#include "testutil.h"

TestSuite(contacts, .init = fxc_setup, .fini = fxc_teardown);

Test(contacts, logging_from_a_diary_row_fills_person_time_type_and_link)
{
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_str_eq(c.crn, "X100002");
    cr_assert_str_eq(c.type, "COAP");
    cr_assert_str_eq(c.appointment_id, "A1");
    cr_assert_str_eq(c.order_id, "O1");
    cr_assert_eq(c.date, tu_date("2026-11-23"));
    cr_assert_eq(c.time, 600);
    snprintf(c.outcome, sizeof c.outcome, "afta"); /* any case */
    c.notes = strdup("No show; phoned, no answer.");
    fxc_log_ok(&c, NULL);
    cr_assert_str_eq(c.outcome, "AFTA");
    cr_assert_str_eq(c.created_by, "AB1");
    cr_assert_str_eq(c.created_at, "2026-11-24T10:00");
    cl_contact back;
    cr_assert_eq(store_get_contact(fxc_app.store, c.id, &back, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_str_eq(back.notes, "No show; phoned, no answer.");
    cr_assert_str_eq(back.appointment_id, "A1");
    cl_contact_clear(&back);
    cl_contact_clear(&c);
    cr_assert_eq(fxc_count("SELECT count(*) FROM audit WHERE entity='contact' AND action='insert'"), 1);
}

Test(contacts, unknown_codes_and_people_are_refused_naming_the_field)
{
    cl_contact c = fxc_new_contact("XXXX", NULL, NULL);
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "type:"), "%s", fxc_err.msg);
    c = fxc_new_contact("COAP", "NOPE", NULL);
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "outcome:"), "%s", fxc_err.msg);
    c = fxc_new_contact("COAP", NULL, NULL);
    snprintf(c.crn, sizeof c.crn, "Z999999");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_ENOINPUT);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
}

Test(contacts, acceptable_absence_needs_a_reason)
{
    cl_contact c = fxc_new_contact("COAP", "AAME", "  ");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "reason"), "%s", fxc_err.msg);
    cl_contact_clear(&c);
    c = fxc_new_contact("COAP", "AAME", "GP letter seen");
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
}

/* A phone call or letter records no failure to attend: that would raise a
 * warning for an appointment that never was. What happened in a call may. */
Test(contacts, an_absence_outcome_is_only_for_an_appointment)
{
    cl_contact c = fxc_new_contact("CTOB", "UAAB", "no answer");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert_str_eq(fxc_err.msg, "outcome: Unacceptable absence is for an appointment the person was due to attend,"
                                  " not a phone call to the person");
    cl_contact_clear(&c);
    c = fxc_new_contact("CLOB", "AAME", "GP letter");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "not a letter to the person"), "%s", fxc_err.msg);
    cl_contact_clear(&c);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    c = fxc_new_contact("CTOB", "ATTC", "spoke to him");
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
}

Test(contacts, an_appointment_takes_one_outcome_then_corrections)
{
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "ATTC");
    fxc_log_ok(&c, NULL);
    cl_contact d;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &d, &fxc_err), CL_OK);
    snprintf(d.outcome, sizeof d.outcome, "UAAB");
    cr_assert_eq(contact_log(&fxc_app, &d, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, c.id), "the message names the contact to correct: %s", fxc_err.msg);
    cl_contact e;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A2", &e, &fxc_err), CL_OK);
    cr_assert_eq(contact_log(&fxc_app, &e, NULL, &fxc_err), CL_EDATA, "an appointment's contact needs its outcome");
    cr_assert(strstr(fxc_err.msg, "outcome:"), "%s", fxc_err.msg);
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &e, &fxc_err), CL_OK);
    snprintf(e.outcome, sizeof e.outcome, "ATTC");
    snprintf(e.type, sizeof e.type, "CTOA");
    cr_assert_eq(contact_log(&fxc_app, &e, NULL, &fxc_err), CL_EDATA, "an outcome has the appointment's type");
}

Test(contacts, a_correction_is_a_new_linked_row_and_both_stay_visible)
{
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    c.notes = strdup("Did not come.");
    fxc_log_ok(&c, NULL);

    store_set_actor(fxc_app.store, "CD2", "2026-11-25T14:30");
    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &k, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_str_eq(k.corrects, c.id);
    cr_assert_str_eq(k.appointment_id, "A1");
    cr_assert_null(k.notes);
    snprintf(k.outcome, sizeof k.outcome, "AAME");
    k.notes = strdup("Medical certificate received.");
    fxc_log_ok(&k, NULL);
    cr_assert_str_neq(k.id, c.id);

    /* The original is untouched; it cannot be updated in place. */
    cl_contact orig;
    cr_assert_eq(store_get_contact(fxc_app.store, c.id, &orig, &fxc_err), CL_OK);
    cr_assert_str_eq(orig.outcome, "UAAB");
    cr_assert_str_eq(orig.created_by, "AB1");
    cl_contact_clear(&orig);
    cl_contact same = c;
    same.notes = "changed";
    cr_assert_eq(store_begin(fxc_app.store, &fxc_err), CL_OK);
    cr_assert_eq(store_put_contact(fxc_app.store, &same, NULL, &fxc_err), CL_EDATA);
    store_rollback(fxc_app.store);

    /* Both rows, with who and when, in the chain, oldest first. */
    cl_contact *chain;
    size_t n;
    cr_assert_eq(contact_chain(&fxc_app, k.id, &chain, &n, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(chain[0].id, c.id);
    cr_assert_str_eq(chain[1].id, k.id);
    cr_assert_str_eq(chain[1].created_by, "CD2");
    cr_assert_str_eq(chain[1].created_at, "2026-11-25T14:30");
    cr_assert_str_eq(chain[1].notes, "Medical certificate received.");
    contact_chain_free(chain, n);
    cr_assert_eq(contact_chain(&fxc_app, c.id, &chain, &n, &fxc_err), CL_OK);
    cr_assert_eq(n, 2, "the chain is the same from either end");
    contact_chain_free(chain, n);

    /* A second correction of the original is refused: correct the newest. */
    cl_contact k2;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &k2, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, k.id), "%s", fxc_err.msg);

    /* The appointment's outcome is the correction's. */
    cl_contact out;
    bool found;
    cr_assert_eq(store_appt_outcome_contact(fxc_app.store, "A1", &out, &found, &fxc_err), CL_OK);
    cr_assert(found);
    cr_assert_str_eq(out.outcome, "AAME");
    cl_contact_clear(&out);
    cl_contact_clear(&c);
    cl_contact_clear(&k);
}

typedef struct seen {
    int n;
    char ids[8][CL_ID_LEN], by[8][CL_ID_LEN];
} seen;
static bool collect(void *arg, const cl_contact *c, const char *by)
{
    seen *s = arg;
    if (s->n < 8) {
        snprintf(s->ids[s->n], CL_ID_LEN, "%s", c->id);
        snprintf(s->by[s->n], CL_ID_LEN, "%s", by);
    }
    s->n++;
    return true;
}

Test(contacts, history_is_newest_first_with_filters_and_corrections_marked)
{
    const char *types[] = {"CTOA", "COAP", "CLOB"};
    const char *outs[] = {"", "ATTC", ""};
    char ids[3][CL_ID_LEN];
    for (int i = 0; i < 3; i++) {
        cl_contact c = fxc_new_contact(types[i], outs[i], "x");
        c.date = tu_date("2026-11-01") + i;
        c.time = 600;
        fxc_log_ok(&c, NULL);
        snprintf(ids[i], CL_ID_LEN, "%s", c.id);
        cl_contact_clear(&c);
    }
    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, ids[0], &k, &fxc_err), CL_OK);
    k.notes = strdup("fixed");
    fxc_log_ok(&k, NULL);

    seen s = {0};
    cr_assert_eq(store_contact_each(fxc_app.store, "X100002", NULL, NULL, 0, collect, &s, &fxc_err), CL_OK);
    cr_assert_eq(s.n, 4);
    cr_assert_str_eq(s.ids[0], ids[2]);
    cr_assert_str_eq(s.ids[1], ids[1]);
    /* the correction keeps the original's date and time; written later, it comes first */
    cr_assert_str_eq(s.ids[2], k.id);
    cr_assert_str_eq(s.ids[3], ids[0]);
    cr_assert_str_eq(s.by[3], k.id);
    cr_assert_str_empty(s.by[2]);

    memset(&s, 0, sizeof s);
    cr_assert_eq(store_contact_each(fxc_app.store, "X100002", "COAP", NULL, 0, collect, &s, &fxc_err), CL_OK);
    cr_assert_eq(s.n, 1);
    memset(&s, 0, sizeof s);
    cr_assert_eq(store_contact_each(fxc_app.store, "X100002", NULL, "ATTC", 0, collect, &s, &fxc_err), CL_OK);
    cr_assert_eq(s.n, 1);
    cr_assert_str_eq(s.ids[0], ids[1]);
    cl_contact_clear(&k);
}

typedef struct needed {
    int n;
    char ids[8][CL_ID_LEN];
    char pending[8][8];
} needed;
static bool on_needed(void *arg, const store_outcome_needed_row *r)
{
    needed *nd = arg;
    if (nd->n < 8) {
        snprintf(nd->ids[nd->n], CL_ID_LEN, "%s", r->appt->id);
        snprintf(nd->pending[nd->n], 8, "%s", r->pending_outcome);
    }
    nd->n++;
    return true;
}

Test(contacts, outcome_needed_lists_passed_appointments_without_a_decided_outcome)
{
    needed nd = {0};
    cr_assert_eq(contact_outcome_needed_each(&fxc_app, "AB1", on_needed, &nd, &fxc_err), CL_OK, "%s", fxc_err.msg);
    /* A1 yesterday, A2 09:00-09:30 today (now 10:00); not A3 (11:00), not A4 (cancelled), not EF3's A5. */
    cr_assert_eq(nd.n, 2);
    cr_assert_str_eq(nd.ids[0], "A1");
    cr_assert_str_eq(nd.ids[1], "A2");

    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "AFTA");
    fxc_log_ok(&c, NULL);
    memset(&nd, 0, sizeof nd);
    cr_assert_eq(contact_outcome_needed_each(&fxc_app, "AB1", on_needed, &nd, &fxc_err), CL_OK);
    cr_assert_eq(nd.n, 2, "evidence awaited still needs an outcome");
    cr_assert_str_eq(nd.pending[0], "AFTA");

    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &k, &fxc_err), CL_OK);
    snprintf(k.outcome, sizeof k.outcome, "UAAB");
    fxc_log_ok(&k, NULL);
    memset(&nd, 0, sizeof nd);
    cr_assert_eq(contact_outcome_needed_each(&fxc_app, "AB1", on_needed, &nd, &fxc_err), CL_OK);
    cr_assert_eq(nd.n, 1);
    cr_assert_str_eq(nd.ids[0], "A2");

    memset(&nd, 0, sizeof nd);
    cr_assert_eq(contact_outcome_needed_each(&fxc_app, NULL, on_needed, &nd, &fxc_err), CL_OK);
    cr_assert_eq(nd.n, 2, "everyone: A2 and EF3's A5");
    cl_contact_clear(&c);
}

static enf_person load(const char *crn)
{
    enf_person p;
    cr_assert_eq(enf_load(fxc_app.store, &fxc_app.cal, crn, fxc_app.clock.today, &p, &fxc_err), CL_OK, "%s", fxc_err.msg);
    return p;
}

Test(contacts, enforcement_from_stored_rows_follows_corrections)
{
    cr_assert_eq(load("X100002").level, ENF_LEVEL_NONE);
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    fxc_log_ok(&c, NULL);
    enf_person p = load("X100002");
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_str_eq(p.words, "WARNING DUE");
    cr_assert_eq(p.due, tu_date("2026-11-30")); /* Monday 23 + 5 business days */
    cr_assert_str_eq(p.orders[0].order_id, "O1");

    /* Corrected to an acceptable absence: it no longer counts. */
    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &k, &fxc_err), CL_OK);
    snprintf(k.outcome, sizeof k.outcome, "AAME");
    k.notes = strdup("GP letter");
    fxc_log_ok(&k, NULL);
    cr_assert_eq(load("X100002").level, ENF_LEVEL_NONE);
    cl_contact_clear(&k);

    /* A warning letter logged as its own contact clears a new failure. */
    cl_contact f;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A2", &f, &fxc_err), CL_OK);
    snprintf(f.outcome, sizeof f.outcome, "AFTC");
    fxc_log_ok(&f, NULL);
    cr_assert_eq(load("X100002").level, ENF_LEVEL_WARNING);
    cl_contact w = fxc_new_contact("CLOB", NULL, "First warning letter");
    snprintf(w.enforcement, sizeof w.enforcement, "EA02");
    fxc_log_ok(&w, NULL);
    cr_assert_eq(load("X100002").level, ENF_LEVEL_NONE);
    cl_contact_clear(&w);
}

Test(contacts, licence_failure_after_warning_reads_recall_review_due)
{
    cl_contact w = fxc_new_contact("CLOB", NULL, "warning");
    snprintf(w.crn, sizeof w.crn, "X100001");
    snprintf(w.order_id, sizeof w.order_id, "L1");
    snprintf(w.enforcement, sizeof w.enforcement, "EA02");
    w.date = tu_date("2026-10-01");
    w.time = 600;
    fxc_log_ok(&w, NULL);
    cl_contact f = fxc_new_contact("CTOA", "ATSH", NULL);
    snprintf(f.crn, sizeof f.crn, "X100001");
    fxc_log_ok(&f, NULL);
    cr_assert_str_eq(f.order_id, "L1");
    enf_person p = load("X100001");
    cr_assert_eq(p.level, ENF_LEVEL_BREACH);
    cr_assert_str_eq(p.words, "RECALL REVIEW DUE");
    cl_contact_clear(&w);
}

/* A contact records what happened: a later date is refused, naming the field;
 * later today is allowed (logged just after, or a slow clock). */
Test(contacts, a_contact_dated_after_today_is_refused)
{
    cl_contact c = fxc_new_contact("COAP", "ATTC", NULL);
    c.date = tu_date("2027-06-01");
    c.time = 10 * 60;
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "date: 2027-06-01 is after today"), "%s", fxc_err.msg);
    c.date = tu_date("2026-11-25");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA, "tomorrow is after today too");
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    c.date = tu_date("2026-11-24");
    c.time = 16 * 60; /* later today than the clock's 10:00 */
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    /* An outcome of tomorrow's appointment cannot be logged yet. */
    fx_sql(fxc_dir, "c.db", "INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)"
                        " VALUES ('A6','X100002','O1','AB1','N1','2026-11-25','10:00','10:30','COAP');");
    cl_contact d;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A6", &d, &fxc_err), CL_OK);
    snprintf(d.outcome, sizeof d.outcome, "UAAB");
    cr_assert_eq(contact_log(&fxc_app, &d, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "outcome: appointment A6 starts Wed 25 Nov 2026 at 10:00:"), "%s", fxc_err.msg);
    /* An absence agreed in advance is still a contact dated tomorrow: not yet. */
    snprintf(d.outcome, sizeof d.outcome, "AAME");
    d.notes = strdup("hospital appointment");
    cr_assert_eq(contact_log(&fxc_app, &d, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "date:"), "%s", fxc_err.msg);
    cl_contact_clear(&d);
}

/* What happened at an appointment is logged once it has started: later
 * today (A3 at 11:00, now 10:00) an attended, failed or unacceptable outcome
 * is refused, by `caseload log` and the form alike (both go through here),
 * and a correction to one too; an acceptable absence or a rescheduling the
 * person asked for may be recorded in advance. From 11:00 it may be logged. */
Test(contacts, an_outcome_of_what_happened_waits_for_the_start)
{
    const char *early[] = {"ATTC", "AFTC", "ATSH", "ATSS", "AFTA", "UAAB", "APPK"};
    for (size_t i = 0; i < sizeof early / sizeof early[0]; i++) {
        cl_contact c;
        cr_assert_eq(contact_from_appointment(&fxc_app, "A3", &c, &fxc_err), CL_OK);
        snprintf(c.outcome, sizeof c.outcome, "%s", early[i]);
        cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA, "%s", early[i]);
        char want[256];
        snprintf(want, sizeof want,
                 "outcome: appointment A3 starts today at 11:00: '%s' can be logged once it has started"
                 " (an acceptable absence or a rescheduling can be recorded before)",
                 ref_find_outcome(early[i])->name);
        cr_assert_str_eq(fxc_err.msg, want);
        cl_contact_clear(&c);
    }
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A3", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "AAME");
    c.notes = strdup("rang at 09:50: in hospital");
    fxc_log_ok(&c, NULL);
    cl_contact fix;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &fix, &fxc_err), CL_OK, "%s", fxc_err.msg);
    snprintf(fix.outcome, sizeof fix.outcome, "UAAB");
    cr_assert_eq(contact_log(&fxc_app, &fix, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "can be logged once it has started"), "%s", fxc_err.msg);
    snprintf(fix.outcome, sizeof fix.outcome, "RSOF");
    fxc_log_ok(&fix, NULL);
    /* At 11:00 it has started. */
    fxc_app.clock.minutes = 11 * 60;
    cl_contact late;
    cr_assert_eq(contact_correction_of(&fxc_app, fix.id, &late, &fxc_err), CL_OK, "%s", fxc_err.msg);
    snprintf(late.outcome, sizeof late.outcome, "ATTC");
    fxc_log_ok(&late, NULL);
    cl_contact_clear(&c);
    cl_contact_clear(&fix);
    cl_contact_clear(&late);
}

/* A closed case is read-only: no contact, outcome or correction is logged. */
Test(contacts, a_closed_case_takes_no_contacts)
{
    cl_contact c = fxc_new_contact("COAP", "ATTC", NULL);
    snprintf(c.crn, sizeof c.crn, "X100003");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "the case of Case Shut (X100003) is closed: read-only"), "%s", fxc_err.msg);
    cl_contact_clear(&c);
    /* A correction of a contact logged before the case closed is refused too. */
    cl_contact k = fxc_new_contact("COAP", "ATTC", NULL);
    fxc_log_ok(&k, NULL);
    fx_sql(fxc_dir, "c.db", "UPDATE offender SET status = 'closed' WHERE crn = 'X100002';");
    cl_contact fix;
    cr_assert_eq(contact_correction_of(&fxc_app, k.id, &fix, &fxc_err), CL_OK, "%s", fxc_err.msg);
    snprintf(fix.outcome, sizeof fix.outcome, "AFTC");
    cr_assert_eq(contact_log(&fxc_app, &fix, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "is closed: read-only"), "%s", fxc_err.msg);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 1);
    cl_contact_clear(&k);
    cl_contact_clear(&fix);
}

/* A correction may withdraw an appointment's outcome entered in error. */
Test(contacts, a_correction_can_withdraw_an_appointments_outcome)
{
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    fxc_log_ok(&c, NULL);
    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &k, &fxc_err), CL_OK, "%s", fxc_err.msg);
    k.outcome[0] = '\0';
    k.notes = strdup("Outcome entered in error.");
    fxc_log_ok(&k, NULL);
    cl_contact out;
    bool found;
    cr_assert_eq(store_appt_outcome_contact(fxc_app.store, "A1", &out, &found, &fxc_err), CL_OK);
    cr_assert_not(found, "the appointment has no outcome any more");
    enf_person p;
    cr_assert_eq(enf_load(fxc_app.store, &fxc_app.cal, "X100002", fxc_app.clock.today, &p, &fxc_err), CL_OK);
    cr_assert_eq(p.level, ENF_LEVEL_NONE, "the withdrawn failure is not counted");
    cl_contact_clear(&c);
    cl_contact_clear(&k);
}

/* The records a contact names are checked by the field that names them, before
 * the database's own reference check (which names no field). */
Test(contacts, an_order_or_record_that_is_not_there_is_named_by_its_field)
{
    cl_contact c = fxc_new_contact("COAP", "ATTC", "x");
    snprintf(c.order_id, sizeof c.order_id, "L1"); /* Siân Llŷr's licence */
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_expect_str_eq(fxc_err.msg, "order: order L1 is X100001's, not X100002's");
    snprintf(c.order_id, sizeof c.order_id, "NOPE");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_expect_str_eq(fxc_err.msg, "order: X100002 has no order NOPE");
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    snprintf(c.order_id, sizeof c.order_id, "O1");
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);

    cl_contact k;
    cr_assert_eq(contact_from_appointment(&fxc_app, "NOPE", &k, &fxc_err), CL_ENOINPUT);
    cr_expect_str_eq(fxc_err.msg, "appointment: no appointment with id NOPE");
    cr_assert_eq(contact_correction_of(&fxc_app, "NOPE", &k, &fxc_err), CL_ENOINPUT);
    cr_expect_str_eq(fxc_err.msg, "corrects: no contact with id NOPE");
    cl_contact *chain;
    size_t n;
    cr_assert_eq(contact_chain(&fxc_app, "NOPE", &chain, &n, &fxc_err), CL_ENOINPUT);
    cr_expect_str_eq(fxc_err.msg, "id: no contact with id NOPE");
}

/* EA12 needs its respond-by date (on or after the contact's date); no other
 * action takes one; the enforcement state then follows it. */
Test(contacts, ea12_needs_a_respond_by_date_and_the_state_follows_it)
{
    cl_contact c = fxc_new_contact("COAP", "UAAB", NULL);
    c.date = tu_date("2026-11-13"); /* Friday: warning due Fri 20 Nov */
    c.time = 600;
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    c = fxc_new_contact("CLOB", NULL, "asked for an explanation");
    snprintf(c.enforcement, sizeof c.enforcement, "EA12");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "respond-by:"), "%s", fxc_err.msg);
    c.respond_by = tu_date("2026-11-23");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "2026-11-23 is before the contact's date 2026-11-24"), "%s", fxc_err.msg);
    c.respond_by = tu_date("2026-12-01");
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
    enf_person p;
    cr_assert_eq(enf_load(fxc_app.store, &fxc_app.cal, "X100002", fxc_app.clock.today, &p, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_eq(p.due, tu_date("2026-11-20"), "logged after the decision was overdue: it stays overdue");
    cr_assert_eq(p.orders[0].respond_by, tu_date("2026-12-01"));
    c = fxc_new_contact("CLOB", NULL, "warning");
    snprintf(c.enforcement, sizeof c.enforcement, "EA02");
    c.respond_by = tu_date("2026-12-01");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "respond-by: only"), "%s", fxc_err.msg);
    cl_contact_clear(&c);
}

/* A cancelled or moved appointment did not happen: no outcome is logged on it
 * (by the command line, the form or a recovered draft: all go through
 * contact_check), and an outcome is dated on its appointment's day. */
Test(contacts, a_cancelled_or_moved_appointment_takes_no_outcome)
{
    cl_contact c;
    cr_assert_eq(contact_from_appointment(&fxc_app, "A4", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "UAAB");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "appointment: A4 was cancelled: it takes no outcome"), "%s", fxc_err.msg);
    fx_sql(fxc_dir, "c.db", "UPDATE appointment SET status = 'rescheduled' WHERE id = 'A4';");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "A4 was rescheduled"), "%s", fxc_err.msg);
    cl_contact_clear(&c);
    cr_assert_eq(contact_from_appointment(&fxc_app, "A1", &c, &fxc_err), CL_OK);
    snprintf(c.outcome, sizeof c.outcome, "ATTC");
    c.date = tu_date("2026-11-22");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert(strstr(fxc_err.msg, "date: 2026-11-22 is not the day of appointment A1 (2026-11-23)"), "%s", fxc_err.msg);
    cr_assert_eq(fxc_count("SELECT count(*) FROM contact"), 0);
    c.date = tu_date("2026-11-23");
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
}

/* `caseload check` names an outcome stored on a cancelled appointment (logged
 * before the refusal existed), until a correction withdraws it. */
Test(contacts, check_reports_an_outcome_on_a_cancelled_appointment)
{
    fx_sql(fxc_dir, "c.db", "INSERT INTO contact(id,crn,order_id,date,time,type,outcome,appointment_id)"
                        " VALUES ('K9','X100002','O1','2026-11-20','11:00','COAP','UAAB','A4');");
    char seen[1024] = "";
    int n = store_check(fxc_app.store, tu_report_into, seen, &fxc_err);
    cr_assert_eq(n, 1, "%s", seen);
    cr_assert(strstr(seen, "contact K9: outcome UAAB of appointment A4, which was cancelled"), "%s", seen);
    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, "K9", &k, &fxc_err), CL_OK, "%s", fxc_err.msg);
    k.outcome[0] = '\0';
    k.notes = strdup("appointment was cancelled");
    fxc_log_ok(&k, NULL);
    cl_contact_clear(&k);
    seen[0] = '\0';
    cr_assert_eq(store_check(fxc_app.store, tu_report_into, seen, &fxc_err), 0, "%s", seen);
}

/* EA12's respond-by is at most ENF_RESPOND_BY_MAX_WORKING_DAYS working days
 * after the contact: from Tue 24 Nov 2026, 10 working days is Tue 8 Dec. */
Test(contacts, ea12_respond_by_is_at_most_ten_working_days_ahead)
{
    cl_contact c = fxc_new_contact("CLOB", NULL, "asked for an explanation");
    snprintf(c.enforcement, sizeof c.enforcement, "EA12");
    c.respond_by = tu_date("2026-12-09");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert_str_eq(fxc_err.msg, "respond-by: 2026-12-09 is more than 10 working days after the contact's date 2026-11-24"
                              " (latest 2026-12-08)");
    c.respond_by = tu_date("2036-01-01");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    c.respond_by = tu_date("2026-12-08");
    fxc_log_ok(&c, NULL);
    cl_contact_clear(&c);
}

/* A day other than today needs its time: midnight would be a guess. Today
 * without a time is now. */
Test(contacts, another_day_needs_the_time_today_defaults_to_now)
{
    cl_contact c = fxc_new_contact("CTOB", NULL, "rang");
    c.date = tu_date("2026-11-23");
    cr_assert_eq(contact_log(&fxc_app, &c, NULL, &fxc_err), CL_EDATA);
    cr_assert_str_eq(fxc_err.msg, "time: give the time of the contact");
    c.date = tu_date("2026-11-24");
    fxc_log_ok(&c, NULL);
    cr_assert_eq(c.time, 600);
    cl_contact_clear(&c);
}

/* A correction that changes nothing (same fields, no note) is refused. */
Test(contacts, a_correction_identical_to_the_original_is_refused)
{
    cl_contact c = fxc_new_contact("COAP", "ATTC", NULL);
    fxc_log_ok(&c, NULL);
    cl_contact k;
    cr_assert_eq(contact_correction_of(&fxc_app, c.id, &k, &fxc_err), CL_OK, "%s", fxc_err.msg);
    cr_assert_eq(contact_log(&fxc_app, &k, NULL, &fxc_err), CL_EDATA);
    char want[200];
    snprintf(want, sizeof want, "corrects: nothing is changed from contact %s: change a field, or give the reason in the note", c.id);
    cr_assert_str_eq(fxc_err.msg, want);
    k.notes = strdup("time was 09:30, see note");
    fxc_log_ok(&k, NULL);
    cl_contact_clear(&k);
    cl_contact_clear(&c);
}
