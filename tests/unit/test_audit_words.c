/* The audit trail in words: each action an officer takes leaves one line
 * that names it, the record as the officer knows it, the new value and the
 * reason (audit_words.h), as `caseload audit` prints it. Rows written before
 * schema 8 keep their old values and still read as a change. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/audit_trail.h"
#include "caseload/audit_words.h"
#include "caseload/contacts.h"
#include "caseload/csv_format.h"
#include "caseload/import.h"
#include "caseload/intake.h"
#include "caseload/ref.h"
#include "caseload/reg_history.h"
#include "caseload/registration.h"
#include "caseload/sched.h"
#include "caseload/store_audit.h"
#include "caseload/store_write.h"
#include "court_app.h"
#include "fixture_diary.h"
#include "testutil.h"

static char *dir;
static cl_app app;
static cl_err err;

static void setup(void)
{
    dir = fx_diary_setup(&app, "w.db", NULL, "2026-11-24T10:00"); /* a Tuesday */
    memset(&err, 0, sizeof err);
}
static void teardown(void) { fx_diary_teardown(&app, dir); }
TestSuite(audit_words, .init = setup, .fini = teardown);

/* The person's trail as `caseload audit` prints it, one line a change. */
typedef struct trail {
    char text[16384];
    int n;
} trail;

static int add_line(void *arg, const char *line, int head)
{
    (void)head;
    trail *t = arg;
    size_t at = strlen(t->text);
    snprintf(t->text + at, sizeof t->text - at, "%s\n", line);
    t->n++;
    return 0;
}

static trail *trail_of(const char *crn)
{
    static trail t;
    memset(&t, 0, sizeof t);
    size_t n = 0;
    cr_assert_eq(audit_trail_each(app.store, crn, add_line, &t, &n, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(n, (size_t)t.n, "the count is of the lines given");
    return &t;
}

/* The line, whole, is in the trail of crn. */
static void has_line(const char *crn, const char *line)
{
    trail *t = trail_of(crn);
    char want[2100];
    snprintf(want, sizeof want, "%s\n", line);
    cr_assert(strstr(t->text, want), "no line\n%s\nin the trail:\n%s", line, t->text);
}

static int lines_with(const char *crn, const char *words)
{
    trail *t = trail_of(crn);
    int n = 0;
    for (const char *p = t->text; (p = strstr(p, words)); p++)
        n++;
    return n;
}

static cl_contact contact(const char *crn, const char *type, const char *outcome)
{
    cl_contact c;
    memset(&c, 0, sizeof c);
    snprintf(c.crn, sizeof c.crn, "%s", crn);
    snprintf(c.type, sizeof c.type, "%s", type);
    snprintf(c.outcome, sizeof c.outcome, "%s", outcome ? outcome : "");
    c.date = CL_DATE_NONE;
    c.time = c.end = -1;
    c.respond_by = CL_DATE_NONE;
    c.notes = strdup("rang in");
    return c;
}

Test(audit_words, log_and_correct_name_the_contact)
{
    cl_contact c = contact("X100001", "CTOA", NULL);
    cr_assert_eq(contact_log(&app, &c, NULL, &err), CL_OK, "%s", err.msg);
    const char *type = ref_find_contact_type("CTOA")->name;
    char line[512];
    snprintf(line, sizeof line, "2026-11-24 10:00 AB1 logged contact %s %s Tue 24 Nov 2026 10:00", c.id, type);
    has_line("X100001", line);

    cl_contact fix;
    cr_assert_eq(contact_correction_of(&app, c.id, &fix, &err), CL_OK, "%s", err.msg);
    fix.notes = strdup("rang in about his hostel");
    cr_assert_eq(contact_log(&app, &fix, NULL, &err), CL_OK, "%s", err.msg);
    snprintf(line, sizeof line, "2026-11-24 10:00 AB1 corrected contact %s with contact %s %s Tue 24 Nov 2026 10:00",
             c.id, fix.id, type);
    has_line("X100001", line);
    cl_contact_clear(&c);
    cl_contact_clear(&fix);
}

Test(audit_words, registrations_added_reviewed_ended_and_rosh_replaced)
{
    reg_result r;
    reg_new add = {.crn = "X100002", .type = "ADVP", .start = CL_DATE_NONE};
    cr_assert_eq(reg_add(app.store, &app.cal, app.clock.today, &add, &r, &err), CL_OK, "%s", err.msg);
    char line[512];
    snprintf(line, sizeof line,
             "2026-11-24 10:00 AB1 added registration %lld DOMESTIC ABUSE PERPETRATOR, review by Wed 24 Feb 2027", r.id);
    has_line("X100002", line);

    /* X100001's DA registration (3) is reviewed, then ended. */
    cr_assert_eq(reg_review(app.store, &app.cal, app.clock.today, 3, app.clock.today, &r, &err), CL_OK, "%s", err.msg);
    has_line("X100001", "2026-11-24 10:00 AB1 reviewed registration 3 DOMESTIC ABUSE PERPETRATOR: next review by Wed 24 Feb 2027");
    cr_assert_eq(reg_end(app.store, app.clock.today, 3, app.clock.today, "victim moved away", &err), CL_OK, "%s", err.msg);
    has_line("X100001", "2026-11-24 10:00 AB1 ended registration 3 DOMESTIC ABUSE PERPETRATOR: victim moved away");

    /* A new RoSH level ends the old one (registration 1, HIGH ROSH). */
    reg_new rosh = {.crn = "X100001", .type = "RVHR", .start = CL_DATE_NONE};
    cr_assert_eq(reg_add(app.store, &app.cal, app.clock.today, &rosh, &r, &err), CL_OK, "%s", err.msg);
    has_line("X100001", "2026-11-24 10:00 AB1 ended registration 1 HIGH ROSH: replaced by VERY HIGH ROSH");
    snprintf(line, sizeof line,
             "2026-11-24 10:00 AB1 set the RoSH level: registration %lld VERY HIGH ROSH, review by Mon 24 May 2027", r.id);
    has_line("X100001", line);
}

Test(audit_words, book_move_and_cancel_name_the_slot_and_the_reason)
{
    sched_plan *plan = calloc(1, sizeof *plan);
    sched_request q = fx_request("X100001", "2026-11-26", "14:00");
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_OK, "%s", err.msg);
    char ids[SCHED_MAX_OCCURRENCES][CL_ID_LEN];
    cr_assert_eq(sched_book(&app, plan, false, ids, &err), CL_OK, "%s", err.msg);
    char line[512];
    snprintf(line, sizeof line, "2026-11-24 10:00 AB1 booked appointment Thu 26 Nov 2026 14:00, %s, with AB1",
             ref_find_contact_type(plan->req.type)->name);
    has_line("X100001", line);

    q = fx_request("X100001", "2026-11-27", "14:00");
    cr_assert_eq(sched_check_reschedule(&app, ids[0], &q, plan, &err), CL_OK, "%s", err.msg);
    char moved[CL_ID_LEN];
    cr_assert_eq(sched_reschedule(&app, ids[0], plan, "person asked", false, moved, &err), CL_OK, "%s", err.msg);
    has_line("X100001", "2026-11-24 10:00 AB1 moved appointment Thu 26 Nov 2026 14:00 to Fri 27 Nov 2026 14:00: person asked");
    cr_expect_eq(lines_with("X100001", "booked appointment"), 1, "a move is one line: %s", trail_of("X100001")->text);

    cr_assert_eq(sched_cancel(&app, moved, "double booked", &err), CL_OK, "%s", err.msg);
    has_line("X100001", "2026-11-24 10:00 AB1 cancelled appointment Fri 27 Nov 2026 14:00: double booked");
    free(plan);
}

/* The rows one by one in words (store_audit_each, audit_line), as the
 * trail walk's lines are checked against. */
static int row_line(void *arg, const store_audit_row *r)
{
    trail *t = arg;
    char line[2048];
    if (audit_line(r, line, sizeof line)) {
        size_t at = strlen(t->text);
        snprintf(t->text + at, sizeof t->text - at, "%s\n", line);
        t->n++;
    }
    return 0;
}

static int first_only(void *arg, const char *line, int head)
{
    int *heads = arg;
    static const char first[] = "2026-11-01 09:00 FIXTURE "; /* the fixture's insert */
    cr_expect_eq(head, (int)strlen(first), "head %d in %s", head, line);
    cr_expect(!strncmp(line, first, strlen(first)), "%s", line);
    (*heads)++;
    return 7;
}

/* `caseload audit` and the record's audit trail screen both walk the trail
 * with audit_trail_each: the shown lines of audit_line, oldest first, the
 * rows another row says in full (a move's new appointment) left out. */
Test(audit_words, the_trail_walk_gives_the_shown_lines_in_order)
{
    /* A transfer writes the person's row and an allocation history row,
     * which the person's line says (not shown). */
    alloc_transfer_req req = {.crns = (const char *[]){"X100002"}, .n = 1, .to_officer = "CD2", .reason = "caseload"};
    alloc_transfer_result res;
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);

    static trail rows;
    memset(&rows, 0, sizeof rows);
    cr_assert_eq(store_audit_each(app.store, "X100002", row_line, &rows, &err), CL_OK, "%s", err.msg);
    trail *walked = trail_of("X100002");
    cr_expect_str_eq(walked->text, rows.text);
    cr_expect(strstr(walked->text, "transferred the case"), "%s", walked->text);
    cr_expect_eq(lines_with("X100002", "allocation"), 0, "%s", walked->text);

    /* Every line starts with when and who; fn's non-zero stops the walk. */
    int heads = 0;
    size_t n = 99;
    cr_expect_eq(audit_trail_each(app.store, "X100002", first_only, &heads, &n, &err), 7);
    cr_expect_eq(heads, 1);
    cr_expect_eq(n, 1);

    /* Nobody's rows: no line, and the words for it are one constant. */
    n = 99;
    cr_expect_eq(audit_trail_each(app.store, "X999999", first_only, &heads, &n, &err), CL_OK);
    cr_expect_eq(n, 0);
    cr_expect_eq(heads, 1);
    cr_expect(strstr(AUDIT_TRAIL_NONE, "no changes recorded"));
}

Test(audit_words, transfer_and_allocate_say_who_from_and_to_and_why)
{
    alloc_transfer_req req = {.crns = (const char *[]){"X100002"}, .n = 1, .to_officer = "CD2", .reason = "staff"};
    alloc_transfer_result res;
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    has_line("X100002", "2026-11-24 10:00 AB1 transferred the case (officer AB1 -> CD2): Risk to staff");
    cr_assert_eq(alloc_allocate(&app, "X100002", "AB1", "caseload", NULL, &err), CL_OK, "%s", err.msg);
    has_line("X100002", "2026-11-24 10:00 AB1 allocated the case (officer CD2 -> AB1): Caseload adjustment");
    /* The history rows each wrote are said by the person's line: the fixture's insert and two lines. */
    cr_expect_eq(trail_of("X100002")->n, 3, "%s", trail_of("X100002")->text);
}

/* A transfer that cancels the case's appointments says so for each one, with
 * the reason the appointment was given; one that moves them says they followed. */
Test(audit_words, a_transfer_cancelling_appointments_says_cancelled)
{
    sched_plan *plan = calloc(1, sizeof *plan);
    char ids[SCHED_MAX_OCCURRENCES][CL_ID_LEN];
    sched_request q = fx_request("X100002", "2026-11-26", "14:00");
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_book(&app, plan, false, ids, &err), CL_OK, "%s", err.msg);
    alloc_transfer_req req = {.crns = (const char *[]){"X100002"}, .n = 1, .to_officer = "CD2", .reason = "staff",
                              .appts = ALLOC_APPTS_CANCEL};
    alloc_transfer_result res;
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(res.appts_cancelled, 1);
    has_line("X100002", "2026-11-24 10:00 AB1 cancelled appointment Thu 26 Nov 2026 14:00: case transferred to CD2");
    cr_expect_eq(lines_with("X100002", "followed the case"), 0, "%s", trail_of("X100002")->text);

    q = fx_request("X100002", "2026-11-27", "14:00");
    cr_assert_eq(sched_check(&app, &q, plan, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(sched_book(&app, plan, false, ids, &err), CL_OK, "%s", err.msg);
    req.to_officer = "AB1";
    req.appts = ALLOC_APPTS_MOVE;
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(lines_with("X100002", "followed the case (officer CD2 -> AB1)"), 1, "%s", trail_of("X100002")->text);
    free(plan);
}

Test(audit_words, set_crn_is_one_line_and_the_old_reference_leads_to_the_new)
{
    fx_sql(dir, "w.db",
           "INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)"
           " VALUES ('LOC000001','Court','New','1991-01-01','AB1','N1');"
           "INSERT INTO contact(id,crn,date,time,type) VALUES ('K1','LOC000001','2026-11-24','09:00','CTOA');");
    cr_assert_eq(intake_replace_crn(&app, "LOC000001", "X200001", &err), CL_OK, "%s", err.msg);
    has_line("X200001", "2026-11-24 10:00 AB1 replaced reference LOC000001 with CRN X200001");
    cr_expect_eq(lines_with("X200001", "contact K1"), 1, "only the contact's own insert: %s", trail_of("X200001")->text);
    char now[16];
    cr_assert_eq(store_audit_replaced_by(app.store, "LOC000001", now, sizeof now, &err), CL_OK);
    cr_expect_str_eq(now, "X200001");
    cr_expect_eq(store_audit_replaced_by(app.store, "LOC999999", now, sizeof now, &err), CL_ENOINPUT);
}

Test(audit_words, an_import_update_says_old_to_new_and_names_the_file)
{
    const char *csv = "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"
                      "X100001,Llŷr,Siân,1990-03-07,,,,,07700 900999,,AB1,N1,active\n";
    imp_opts o = {0};
    imp_counts n;
    cr_assert_eq(imp_buffer(app.store, csv_format_find("offenders"), "up.csv", csv, strlen(csv), &o, &n, &err), CL_OK,
                 "%s", err.msg);
    cr_assert_eq(n.updated, 1);
    has_line("X100001", "2026-11-24 10:00 AB1 changed phone none -> 07700 900999 (import up.csv)");
}

Test(audit_words, a_long_line_is_cut_with_dots)
{
    store_audit_row r = {.at = "2026-11-24T10:00", .who = "AB1", .action = "update", .entity = "registration",
                         .key = "3", .detail = "", .act = "end", .reason = "a very long reason indeed", .via = "",
                         .subject = "ADVP"};
    char buf[40];
    cr_assert(audit_line(&r, buf, sizeof buf));
    cr_expect_str_eq(buf, "2026-11-24 10:00 AB1 ended registrat...");
}

/* A database at schema 5 (before the trail in words) with office CDF, officer
 * CDF02 and the person X100001 (*p), written by CDF02 on 20 November. */
static cl_store *old_db(char path[4096], cl_offender *p)
{
    snprintf(path, 4096, "%s/old.db", dir); /* beside the suite's database */
    cl_err e = {0};
    cl_store *st = store_open_at_version(path, 7, &e); /* the last before the words */
    cr_assert(st, "%s", e.msg);
    store_set_actor(st, "CDF02", "2026-11-20T09:00");
    cl_office of = {.code = "CDF", .name = "Cardiff"};
    cl_staff sf = {.code = "CDF02", .name = "Rhiannon Evans", .grade = "PO", .office = "CDF", .hours = 37};
    *p = (cl_offender){.crn = "X100001", .surname = "Llŷr", .forenames = "Siân",
                       .date_of_birth = tu_date("1982-06-11"), .office = "CDF", .status = "active"};
    cr_assert_eq(store_begin(st, &e), CL_OK);
    cr_assert_eq(store_put_office(st, &of, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_put_staff(st, &sf, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_put_offender(st, p, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_commit(st, &e), CL_OK);
    return st;
}

/* Migration: rows written under schema 5 stay as they were and read as a
 * change with the values before it; new rows have the new form. */
Test(audit_words, old_rows_are_kept_and_read_sensibly)
{
    char path[4096];
    cl_offender p;
    cl_store *st = old_db(path, &p);
    cl_err e = {0};
    strcpy(p.phone, "07700 900118");
    cr_assert_eq(store_begin(st, &e), CL_OK);
    cr_assert_eq(store_put_offender(st, &p, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_commit(st, &e), CL_OK);
    /* A court case with a contact, given its CRN under schema 5: the contact's
     * row then said {"id":...}, as if an append-only contact had changed. */
    cl_offender court = {.crn = "LOC000001", .surname = "Court", .forenames = "New",
                         .date_of_birth = tu_date("1991-01-01"), .office = "CDF", .status = "active"};
    cl_contact k = {.id = "K1", .crn = "LOC000001", .date = tu_date("2026-11-20"), .time = 540, .end = -1,
                    .type = "CTOA", .respond_by = CL_DATE_NONE};
    cr_assert_eq(store_begin(st, &e), CL_OK);
    cr_assert_eq(store_put_offender(st, &court, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_put_contact(st, &k, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_commit(st, &e), CL_OK);
    cl_app old = {.store = st};
    cr_assert_eq(intake_replace_crn(&old, "LOC000001", "X200001", &e), CL_OK, "%s", e.msg);
    store_close(st);

    st = store_open(path, 0, &e);
    cr_assert(st, "%s", e.msg);
    cr_assert_eq(store_schema_version(st), store_schema_latest());
    store_set_actor(st, "CDF02", "2026-11-21T09:00");
    strcpy(p.phone, "07700 900999");
    cr_assert_eq(store_begin(st, &e), CL_OK);
    cr_assert_eq(store_put_offender(st, &p, NULL, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(store_commit(st, &e), CL_OK);
    cl_store *keep = app.store;
    app.store = st;
    trail *t = trail_of("X100001");
    cr_expect(strstr(t->text, "2026-11-20 09:00 CDF02 added the person\n"), "%s", t->text);
    cr_expect(strstr(t->text, "2026-11-20 09:00 CDF02 changed person X100001; before the change: CRN X100001,"
                              " surname Llŷr, forenames Siân, date of birth Fri 11 Jun 1982,"),
              "%s", t->text);
    cr_expect(strstr(t->text, ", phone none,"), "%s", t->text);
    cr_expect(strstr(t->text, "2026-11-21 09:00 CDF02 changed phone 07700 900118 -> 07700 900999\n"), "%s", t->text);
    t = trail_of("X200001");
    cr_expect(strstr(t->text, "2026-11-20 09:00 CDF02 replaced reference LOC000001 with CRN X200001\n"), "%s", t->text);
    cr_expect(!strstr(t->text, "changed contact"), "the carried contact is no line of its own: %s", t->text);
    app.store = keep;
    /* The old row is as it was written, and the trail is still append-only. */
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE action = 'update' AND changes IS NULL"
                                        " AND key = 'X100001' AND json_extract(detail, '$.phone') IS NULL AND act IS NULL", -1, &s, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    cr_expect_eq(sqlite3_column_int(s, 0), 1);
    sqlite3_finalize(s);
    cr_expect_neq(sqlite3_exec(db, "UPDATE audit SET act = 'x'", NULL, NULL, NULL), SQLITE_OK);
    cr_expect_neq(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    store_close(st);
}

/* A registration's reviews are read from the trail: one made before the
 * upgrade (old rows) and one after (new rows) are both found, with the dates
 * before and after each; the end is not a review. */
Test(audit_words, reviews_across_the_upgrade)
{
    char path[4096];
    cl_offender p;
    cl_store *st = old_db(path, &p);
    cl_err e = {0};
    reg_new add = {.crn = "X100001", .type = "ADVP", .start = tu_date("2026-06-01")};
    reg_result r1, r2;
    cr_assert_eq(reg_add(st, &app.cal, app.clock.today, &add, &r1, &e), CL_OK, "%s", e.msg);
    long long id = r1.id;
    cr_assert_eq(reg_review(st, &app.cal, app.clock.today, id, tu_date("2026-09-25"), &r1, &e), CL_OK, "%s", e.msg);
    store_close(st);

    st = store_open(path, 0, &e);
    cr_assert(st, "%s", e.msg);
    cr_assert_eq(reg_review(st, &app.cal, app.clock.today, id, app.clock.today, &r2, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(reg_end(st, app.clock.today, id, app.clock.today, "risk reduced", &e), CL_OK, "%s", e.msg);
    reg_reviews rv;
    cr_assert_eq(reg_reviews_load(st, id, &rv, &e), CL_OK, "%s", e.msg);
    cr_assert_eq(rv.n, 2, "one review each side of the upgrade; the end is not one");
    cr_expect_eq(rv.v[0].was, tu_date("2026-09-01"));
    cr_expect_eq(rv.v[0].next, r1.review);
    cr_expect_eq(rv.v[1].was, r1.review);
    cr_expect_eq(rv.v[1].next, r2.review);
    reg_reviews_free(&rv);
    store_close(st);
}

Test(audit_words, an_override_names_the_officer_the_rules_and_the_reason)
{
    cr_assert_eq(alloc_allocate(&app, "X100001", "CD2", "caseload", "cover while AB1 is on leave", &err), CL_OK, "%s",
                 err.msg);
    trail *t = trail_of("X100001");
    cr_expect(strstr(t->text, "2026-11-24 10:00 AB1 allocation rules overridden for CD2 ("), "%s", t->text);
    cr_expect(strstr(t->text, "): cover while AB1 is on leave\n"), "%s", t->text);
    has_line("X100001", "2026-11-24 10:00 AB1 allocated the case (officer AB1 -> CD2): Caseload adjustment");
}

Test(audit_words, court_intake_names_the_new_case_and_its_records)
{
    intake_form f = ca_form("N1", "Northtown Magistrates' Court", app.clock.today);
    snprintf(f.person.surname, sizeof f.person.surname, "Newman"); /* not X100001's double */
    intake_result r;
    cr_assert_eq(intake_save(&app, &f, false, &r, &err), CL_OK, "%s", err.msg);
    trail *t = trail_of(r.crn);
    cr_expect(strstr(t->text, "2026-11-24 10:00 AB1 new case from court, office N1\n"), "%s", t->text);
    cr_expect(strstr(t->text, "2026-11-24 10:00 AB1 added order O"), "%s", t->text);
    cr_expect(strstr(t->text, " Community order\n"), "the order type in words: %s", t->text);
    cr_expect(strstr(t->text, " Unpaid work\n"), "the requirement type in words: %s", t->text);
    cr_expect(strstr(t->text, "2026-11-24 10:00 AB1 set the RoSH level: registration "), "%s", t->text);
    cr_expect(strstr(t->text, " MEDIUM ROSH, review by "), "%s", t->text);
    cr_expect(strstr(t->text, "2026-11-24 10:00 AB1 booked appointment "), "%s", t->text);
    cr_expect(!strstr(t->text, "{\""), "no raw JSON: %s", t->text);
}
