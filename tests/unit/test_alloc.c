/* Allocation rules (each grade against each RoSH level, MAPPA level, sex
 * offender registration and tier edge), overrides and their record, transfers
 * of many cases, the unallocated and pending lists, and proposing an officer. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/due.h"
#include "court_app.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_app app;

static const char SEED[] =
    "INSERT INTO office(code, name, address) VALUES ('WAK','Wakefield','1 Court St'),('LDS','Leeds','2 Park Sq');"
    "INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES"
    " ('PO1','Ann Po','PO','WAK',37,0),('PO2','Bob Po','PO','WAK',37,0),"
    " ('PSO1','Cat Pso','PSO','WAK',37,0),('SPO1','Dee Spo','SPO','WAK',37,0),"
    " ('ADM1','Eve Admin','ADMIN','WAK',37,0),('LPO1','Fay Leeds','PO','LDS',37,0);";

static void setup(void)
{
    dir = tu_tmpdir();
    ca_open(&app, dir, "a.db", "2026-11-24", "10:00");
    seed_exec(dir, "a.db", SEED);
}
static void teardown(void)
{
    ca_close(&app);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(alloc, .init = setup, .fini = teardown);

static void person(const char *crn, const char *officer, const char *office, const char *tier,
                   const char *allocated_at)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier, allocated_at)"
             " VALUES ('%s','Smith','John','1990-01-01','%s',%s%s%s,%s%s%s,%s%s%s)",
             crn, office, officer ? "'" : "", officer ? officer : "NULL", officer ? "'" : "",
             tier ? "'" : "", tier ? tier : "NULL", tier ? "'" : "", allocated_at ? "'" : "",
             allocated_at ? allocated_at : "NULL", allocated_at ? "'" : "");
    seed_exec(dir, "a.db", sql);
}

static void reg(const char *crn, const char *type, const char *category, const char *level)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO registration(crn, type, category, level, start_date) VALUES ('%s','%s',%s%s%s,%s%s%s,'2026-01-01')",
             crn, type, category ? "'" : "", category ? category : "NULL", category ? "'" : "",
             level ? "'" : "", level ? level : "NULL", level ? "'" : "");
    seed_exec(dir, "a.db", sql);
}

static alloc_case mk(risk_rosh rosh, int mappa, bool rso, const char *tier)
{
    alloc_case c = {.rosh = rosh, .mappa_level = mappa, .sex_offender = rso};
    snprintf(c.tier, sizeof c.tier, "%s", tier);
    return c;
}

/* Expected answers written out by hand from DOMAIN.md section 6. */
Test(alloc, rules_rosh_levels_by_grade)
{
    const char *restricted[] = {"PSO", "PQiP"};
    const char *full[] = {"PO", "NQO", "SPO"};
    for (size_t g = 0; g < 2; g++) {
        cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_UNKNOWN}, restricted[g], NULL), ALLOC_OK);
        cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_LOW}, restricted[g], NULL), ALLOC_OK);
        cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_MEDIUM}, restricted[g], NULL), ALLOC_OK);
        cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_HIGH}, restricted[g], NULL), ALLOC_ROSH);
        cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_VERY_HIGH}, restricted[g], NULL), ALLOC_ROSH);
    }
    for (size_t g = 0; g < 3; g++)
        for (int r = ROSH_UNKNOWN; r <= ROSH_VERY_HIGH; r++)
            cr_expect_eq(alloc_check(&(alloc_case){.rosh = (risk_rosh)r}, full[g], NULL), ALLOC_OK,
                         "%s rosh %d", full[g], r);
    cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_LOW}, "ADMIN", NULL), ALLOC_NO_CASELOAD);
    cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_LOW}, "CHIEF", NULL), ALLOC_UNKNOWN_GRADE);
    cr_expect_eq(alloc_check(&(alloc_case){.rosh = ROSH_LOW}, "pso", NULL), ALLOC_OK, "grades match in any case");
}

Test(alloc, rules_mappa_sex_offender_and_tier_edges)
{
    const char *restricted[] = {"PSO", "PQiP"};
    for (size_t g = 0; g < 2; g++) {
        const char *gr = restricted[g];
        alloc_case c = mk(ROSH_LOW, 1, false, "");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_OK, "MAPPA level 1 is allowed");
        c = mk(ROSH_LOW, 2, false, "");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_MAPPA);
        c = mk(ROSH_LOW, 3, false, "");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_MAPPA);
        c = mk(ROSH_LOW, 0, true, "");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_SEX_OFFENDER);
        c = mk(ROSH_LOW, 0, false, "D0");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_OK);
        c = mk(ROSH_LOW, 0, false, "C3");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_OK, "tier C is the highest allowed");
        c = mk(ROSH_LOW, 0, false, "B0");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_TIER);
        c = mk(ROSH_LOW, 0, false, "A3S");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_TIER);
        c = mk(ROSH_VERY_HIGH, 3, true, "A3");
        cr_expect_eq(alloc_check(&c, gr, NULL), ALLOC_ROSH | ALLOC_MAPPA | ALLOC_SEX_OFFENDER | ALLOC_TIER);
    }
    alloc_case worst = mk(ROSH_VERY_HIGH, 3, true, "A3");
    cr_expect_eq(alloc_check(&worst, "PO", NULL), ALLOC_OK);
    cr_expect_eq(alloc_check(&worst, "NQO", NULL), ALLOC_OK);
    cr_expect_eq(alloc_check(&worst, "SPO", NULL), ALLOC_OK);
    /* The office rule. */
    alloc_case c = mk(ROSH_LOW, 0, false, "");
    snprintf(c.office, sizeof c.office, "WAK");
    cr_expect_eq(alloc_check(&c, "PO", "WAK"), ALLOC_OK);
    cr_expect_eq(alloc_check(&c, "PO", "LDS"), ALLOC_OFFICE);
    char why[512];
    alloc_explain(ALLOC_ROSH | ALLOC_TIER, "PSO", &worst, why, sizeof why);
    cr_expect(strstr(why, "VERY HIGH ROSH") && strstr(why, "tier A"), "%s", why);
}

Test(alloc, case_facts_come_from_the_risk_summary)
{
    person("X000001", NULL, "WAK", "B2", NULL);
    reg("X000001", "RHRH", NULL, NULL);
    reg("X000001", "MAPP", "M2", "M2");
    reg("X000001", "ARSO", NULL, NULL);
    alloc_case c;
    cl_err err = {0};
    cr_assert_eq(alloc_case_load(&app, "X000001", &c, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(c.rosh, ROSH_HIGH);
    cr_expect_eq(c.mappa_level, 2);
    cr_expect(c.sex_offender);
    cr_expect_str_eq(c.tier, "B2");
    cr_expect_str_eq(c.office, "WAK");
    cr_expect_eq(alloc_case_load(&app, "X999999", &c, &err), CL_ENOINPUT);
}

Test(alloc, against_the_rules_needs_an_override_which_is_recorded)
{
    person("X000002", NULL, "WAK", NULL, NULL);
    reg("X000002", "RHRH", NULL, NULL);
    cl_err err = {0};
    cr_assert_eq(alloc_allocate(&app, "X000002", "PSO1", NULL, NULL, &err), CL_EDATA);
    cr_expect(strstr(err.msg, "HIGH ROSH") && strstr(err.msg, "--override"), "%s", err.msg);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT officer IS NULL FROM offender WHERE crn='X000002'"), 1,
                 "nothing changed");
    cr_expect_eq(alloc_allocate(&app, "X000002", "PSO1", NULL, "   ", &err), CL_EDATA, "a blank reason is no reason");
    cr_expect_eq(alloc_allocate(&app, "X000002", "ADM1", NULL, "needed", &err), CL_EDATA,
                 "administrators hold no cases, override or not");

    cr_assert_eq(alloc_allocate(&app, "X000002", "PSO1", "caseload", "only officer at court today", &err),
                 CL_OK, "%s", err.msg);
    char buf[512];
    cr_expect_str_eq(seed_text(dir, "a.db", "SELECT officer FROM offender WHERE crn='X000002'", buf, sizeof buf), "PSO1");
    cr_expect_str_eq(seed_text(dir, "a.db", "SELECT allocated_at FROM offender WHERE crn='X000002'", buf, sizeof buf),
                     "2026-11-24T10:00");
    cr_expect_str_eq(seed_text(dir, "a.db",
                             "SELECT override || '|' || created_by || '|' || created_at || '|' || reason"
                             " FROM allocation WHERE crn='X000002'", buf, sizeof buf),
                     "only officer at court today|TEST|2026-11-24T10:00|caseload");
    seed_text(dir, "a.db", "SELECT who || '|' || at || '|' || detail FROM audit WHERE action='override' AND crn='X000002'",
            buf, sizeof buf);
    cr_expect(strstr(buf, "TEST|2026-11-24T10:00|") == buf, "%s", buf);
    cr_expect(strstr(buf, "only officer at court today") && strstr(buf, "PSO1") && strstr(buf, "HIGH ROSH"), "%s", buf);

    /* Within the rules: no override is stored even when one is given. */
    person("X000003", NULL, "WAK", NULL, NULL);
    cr_assert_eq(alloc_allocate(&app, "X000003", "PO1", NULL, "not needed", &err), CL_OK, "%s", err.msg);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT override IS NULL FROM allocation WHERE crn='X000003'"), 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM audit WHERE action='override' AND crn='X000003'"), 0);

    cr_expect_eq(alloc_allocate(&app, "X000003", "NOBODY", NULL, NULL, &err), CL_EUSAGE, "a mistyped officer code: 64");
    cr_expect_eq(alloc_allocate(&app, "X999999", "PO1", NULL, NULL, &err), CL_ENOINPUT);
    cr_expect_eq(alloc_allocate(&app, "X000003", "LPO1", NULL, NULL, &err), CL_EDATA, "another office");
    cr_expect_eq(alloc_allocate(&app, "X000003", "PO1", "bogus", NULL, &err), CL_EUSAGE);
}

Test(alloc, transfer_of_many_cases_is_one_transaction)
{
    const char *crns[14];
    char names[14][16];
    for (int i = 0; i < 14; i++) {
        snprintf(names[i], sizeof names[i], "Y%06d", i + 1);
        crns[i] = names[i];
        person(names[i], "PO1", "WAK", "C1", NULL);
        /* Half-hour slots one after another: none clashes with another. */
        char sql[512];
        int a = 8 * 60 + i * 30, c = 11 * 60 + i * 30;
        snprintf(sql, sizeof sql,
                 "INSERT INTO appointment(id, crn, officer, office, date, start, end, type) VALUES"
                 " ('a%d','%s','PO1','WAK','2026-11-25','%02d:%02d','%02d:%02d','COAP'),"
                 " ('b%d','%s','PO1','WAK','2026-11-24','09:00','09:30','COAP'),"
                 " ('c%d','%s','PO1','WAK','2026-11-24','%02d:%02d','%02d:%02d','COAP')",
                 i, names[i], a / 60, a % 60, (a + 30) / 60, (a + 30) % 60, i, names[i], i, names[i], c / 60, c % 60,
                 (c + 30) / 60, (c + 30) % 60);
        seed_exec(dir, "a.db", sql);
    }
    /* One unknown CRN at the end: nothing moves. */
    const char *bad[15];
    memcpy(bad, crns, sizeof crns);
    bad[14] = "Z999999";
    alloc_transfer_req req = {.crns = bad, .n = 15, .to_officer = "PO2"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_ENOINPUT);
    cr_expect(strstr(err.msg, "Z999999"), "%s", err.msg);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM offender WHERE officer='PO1'"), 14);

    req = (alloc_transfer_req){.crns = crns, .n = 14, .to_officer = "PO2", .reason = "left"};
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.cases, 14);
    /* Open = later today (11:00) and tomorrow; 09:00 today is past and stays. */
    cr_expect_eq(res.appts_moved, 28);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM offender WHERE officer='PO2'"), 14);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE officer='PO2'"), 28);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE officer='PO1' AND start='09:00'"), 14);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM allocation WHERE kind='transfer' AND to_officer='PO2'"
                                     " AND from_officer='PO1' AND reason='left' AND appointments='moved'"), 14);

    /* Cancel, to another office's officer: the case's office follows. */
    req = (alloc_transfer_req){.crns = crns, .n = 12, .to_officer = "LPO1", .appts = ALLOC_APPTS_CANCEL};
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.cases, 12);
    cr_expect_eq(res.appts_cancelled, 24);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM offender WHERE officer='LPO1' AND office='LDS'"), 12);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE status='cancelled'"
                                     " AND reason='case transferred to LPO1' AND changed_by='TEST'"), 24);
    cr_expect_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_office = "NOPE"},
                                &res, &err), CL_EDATA);
    const char *twice[] = {"Y000001", "Y000001"};
    cr_expect_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = twice, .n = 2, .to_officer = "PO1"},
                                &res, &err), CL_EUSAGE);
}

Test(alloc, transfer_against_the_rules_needs_an_override)
{
    person("X000010", "PO1", "WAK", "A1", NULL);
    const char *crns[] = {"X000010"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_expect_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_officer = "PSO1"},
                                &res, &err), CL_EDATA);
    cr_expect(strstr(err.msg, "tier A"), "%s", err.msg);
    cr_expect_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_officer = "PSO1",
                                                            .override = "cover for a month"},
                                &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM allocation WHERE override='cover for a month'"), 1);
}

Test(alloc, transfer_to_an_office_is_pending_until_allocated)
{
    person("X000020", "PO1", "WAK", NULL, NULL);
    person("X000021", "PO1", "WAK", NULL, NULL);
    seed_exec(dir, "a.db", "INSERT INTO appointment(id, crn, officer, office, date, start, type) VALUES"
                         " ('p1','X000020','PO1','WAK','2026-11-30','10:00','COAP')");
    const char *crns[] = {"X000020", "X000021"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 2, .to_office = "LDS"},
                                &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_kept, 1);
    /* Named, with why. */
    cr_expect_str_eq(res.kept, "X000020 Mon 30 Nov 2026 10:00 with PO1 at WAK: no officer at LDS yet");
    cr_expect(res.kept_waiting);
    /* Sent again where it waits: refused, the first transfer (and where the
     * case came from) left as it was. */
    cr_expect_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_office = "LDS",
                                                            .appts = ALLOC_APPTS_CANCEL}, &res, &err), CL_EDATA);
    cr_expect_str_eq(err.msg, "X000020 is already waiting for an officer at LDS: allocate it there, or transfer it to"
                              " another office");
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE status = 'booked'"), 1, "none cancelled");
    alloc_pending_list p;
    cr_assert_eq(alloc_pending_transfers(&app, NULL, &p, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(p.n, 2, "no filter needed");
    cr_expect_str_eq(p.items[0].crn, "X000020");
    cr_expect_str_eq(p.items[0].from_officer, "PO1");
    cr_expect_str_eq(p.items[0].from_office, "WAK");
    cr_expect_str_eq(p.items[0].to_office, "LDS");
    cr_expect_str_eq(p.items[0].by, "TEST");
    alloc_pending_list_free(&p);
    cr_assert_eq(alloc_allocate(&app, "X000020", "LPO1", NULL, NULL, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(alloc_pending_transfers(&app, "LDS", &p, &err), CL_OK);
    cr_expect_eq(p.n, 1);
    cr_expect_str_eq(p.items[0].crn, "X000021");
    alloc_pending_list_free(&p);
    cr_assert_eq(alloc_pending_transfers(&app, "WAK", &p, &err), CL_OK);
    cr_expect_eq(p.n, 1, "the sending office sees it too");
    alloc_pending_list_free(&p);
}

Test(alloc, unallocated_lists_no_officer_and_senior_in_name_only_oldest_first)
{
    person("X000030", NULL, "WAK", NULL, "2026-11-20T09:00");
    person("X000031", "SPO1", "WAK", NULL, "2026-11-02T09:00");
    person("X000032", "PO1", "WAK", NULL, "2026-10-01T09:00");
    person("X000033", NULL, "LDS", NULL, "2026-11-23T09:00");
    seed_exec(dir, "a.db", "UPDATE offender SET status='closed' WHERE crn='X000033'");
    person("X000034", NULL, "LDS", NULL, NULL);
    seed_exec(dir, "a.db", "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('o1','X000034','CO','2026-11-10')");
    reg("X000031", "RVHR", NULL, NULL);
    alloc_waiting_list l;
    cl_err err = {0};
    cr_assert_eq(alloc_unallocated(&app, NULL, &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 3);
    cr_expect_str_eq(l.items[0].crn, "X000031");
    cr_expect_str_eq(l.items[0].holder, "SPO1");
    cr_expect_eq(l.items[0].days, 22);
    cr_expect_eq(l.items[0].rosh, ROSH_VERY_HIGH);
    cr_expect_str_eq(l.items[1].crn, "X000034");
    cr_expect_eq(l.items[1].days, 14, "from the sentence date when never allocated");
    cr_expect_str_eq(l.items[2].crn, "X000030");
    cr_expect_eq(l.items[2].days, 4);
    alloc_waiting_list_free(&l);
    cr_assert_eq(alloc_unallocated(&app, "WAK", &l, &err), CL_OK);
    cr_expect_eq(l.n, 2);
    alloc_waiting_list_free(&l);
}

Test(alloc, propose_picks_an_allowed_officer_with_the_lowest_workload)
{
    /* PO1 holds two cases, PO2 one, PSO1 none: a Low case goes to PSO1, a
     * High one to PO2 (PSO1 may not hold it; SPO1 holds in name only). */
    person("X000040", "PO1", "WAK", "D0", NULL);
    person("X000041", "PO1", "WAK", "D0", NULL);
    person("X000042", "PO2", "WAK", "D0", NULL);
    char who[16];
    cl_err err = {0};
    alloc_case low = mk(ROSH_LOW, 0, false, "");
    snprintf(low.office, sizeof low.office, "WAK");
    cr_assert_eq(alloc_propose(&app, &low, NULL, who, sizeof who, &err), CL_OK, "%s", err.msg);
    cr_expect_str_eq(who, "PSO1");
    alloc_case high = mk(ROSH_HIGH, 0, false, "");
    cr_assert_eq(alloc_propose(&app, &high, "WAK", who, sizeof who, &err), CL_OK, "%s", err.msg);
    cr_expect_str_eq(who, "PO2");
    cr_assert_eq(alloc_propose(&app, &high, "LDS", who, sizeof who, &err), CL_OK);
    cr_expect_str_eq(who, "LPO1");
    seed_exec(dir, "a.db", "INSERT INTO office(code, name) VALUES ('EMP','Empty')");
    cr_expect_eq(alloc_propose(&app, &high, "EMP", who, sizeof who, &err), CL_ENOINPUT);
}

/* The diary's rule holds in a transfer: an appointment with an outcome logged
 * is neither cancelled nor moved, and the result says which and why. */
static void with_outcome_logged(void)
{
    person("X000030", "PO1", "WAK", "C1", NULL);
    seed_exec(dir, "a.db",
              "INSERT INTO appointment(id, crn, officer, office, date, start, end, type) VALUES"
              " ('o1','X000030','PO1','WAK','2026-11-24','11:00','11:30','COAP'),"
              " ('o2','X000030','PO1','WAK','2026-11-25','10:00','10:30','COAP');"
              "INSERT INTO contact(id, crn, officer, date, time, type, outcome, appointment_id) VALUES"
              " ('k1','X000030','PO1','2026-11-24','09:45','CTOA','AAME','o1');");
}

Test(alloc, transfer_cancel_leaves_an_appointment_with_an_outcome)
{
    with_outcome_logged();
    const char *crns[] = {"X000030"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_officer = "PO2",
                                                            .appts = ALLOC_APPTS_CANCEL},
                                &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_cancelled, 1);
    cr_expect_eq(res.appts_held, 1);
    cr_expect_str_eq(res.held, "X000030 Tue 24 Nov 2026 11:00: appointment o1 has an outcome"
                               " (Acceptable absence - medical, 24/11/2026, contact k1)");
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='o1' AND status='booked'"
                                     " AND officer='PO1' AND changed_by IS NULL"), 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='o2' AND status='cancelled'"), 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM offender WHERE officer='PO2'"), 1);
}

Test(alloc, transfer_move_leaves_an_appointment_with_an_outcome)
{
    with_outcome_logged();
    const char *crns[] = {"X000030"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_officer = "PO2"},
                                &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_moved, 1);
    cr_expect_eq(res.appts_held, 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE officer='PO2'"), 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='o1' AND officer='PO1'"), 1);
}

/* An import stamps created_at with the import time: the wait counts from the
 * newest current order's sentence date, or the transfer in when later. */
Test(alloc, unallocated_waits_from_the_sentence_or_transfer_not_the_import)
{
    seed_exec(dir, "a.db",
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, created_at) VALUES"
              " ('X000040','Imported','Ian','1990-01-01','WAK','2026-11-24T09:00'),"
              " ('X000041','Moved','Mo','1990-01-01','WAK','2026-11-24T09:00'),"
              " ('X000043','Bare','Bea','1990-01-01','WAK','2026-11-24T09:00');"
              "UPDATE offender SET allocated_at = '2026-11-23T15:00' WHERE crn = 'X000041';"
              "INSERT INTO orders(id, crn, type, sentence_date, terminated_at) VALUES"
              " ('o40','X000040','CO','2026-11-20',NULL), ('o40b','X000040','CO','2026-11-23','2026-11-23'),"
              " ('o40c','X000040','CO','2025-01-06',NULL), ('o41','X000041','CO','2026-06-01',NULL);");
    reg("X000040", "MAPP", "M2", "M2");
    reg("X000040", "ARSO", NULL, NULL);
    alloc_waiting_list l;
    cl_err err = {0};
    cr_assert_eq(alloc_unallocated(&app, "WAK", &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 3);
    cr_expect_str_eq(l.items[0].crn, "X000040");
    cr_expect_eq(l.items[0].since, tu_date("2026-11-20"), "the current order's sentence, not a terminated one");
    cr_expect_eq(l.items[0].days, 4);
    cr_expect_str_eq(l.items[0].flags, "MAPPA 2/2; RSO", "the one risk summary's flags");
    cr_expect_str_eq(l.items[1].crn, "X000041");
    cr_expect_eq(l.items[1].since, tu_date("2026-11-23"), "transferred in after the sentence");
    cr_expect_str_eq(l.items[2].crn, "X000043");
    cr_expect_eq(l.items[2].days, 0, "no order and never allocated: since the record was made");
    alloc_waiting_list_free(&l);
}

/* CONVENTIONS.md: due to be allocated within 1 business day, in the office's
 * due list (an officer's own list has no unallocated case, but a senior's has
 * the cases held in name only). */
Test(alloc, allocation_is_due_one_business_day_after_the_wait_began)
{
    seed_exec(dir, "a.db",
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, created_at) VALUES"
              " ('X000040','Imported','Ian','1990-01-01','WAK','2026-11-24T09:00'),"
              " ('X000041','Moved','Mo','1990-01-01','WAK','2026-11-24T09:00');"
              "UPDATE offender SET allocated_at = '2026-11-24T08:00' WHERE crn = 'X000041';"
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES"
              " ('o40','X000040','CO','2026-11-20'), ('o41','X000041','CO','2026-06-01');");
    person("X000042", "SPO1", "WAK", NULL, "2026-11-10T09:00");
    person("X000044", "PO1", "WAK", NULL, "2026-11-10T09:00");
    cl_err err = {0};
    due_list l;
    due_query q = {.scope = DUE_OFFICE, .code = "WAK", .from = tu_date("2026-11-24"), .now_minutes = 600};
    cr_assert_eq(due_list_load(app.store, &app.cal, &q, &l, &err), CL_OK, "%s", err.msg);
    const due_item *got[3] = {0};
    size_t n = 0;
    for (size_t i = 0; i < l.n; i++)
        if (!strcmp(l.items[i].item, "allocation")) {
            cr_assert_lt(n, 3, "%s", l.items[i].crn);
            got[n++] = &l.items[i];
        }
    cr_assert_eq(n, 3);
    /* In due date order: Wed 11 Nov, Mon 23 Nov (Fri 20 + 1), Wed 25 Nov (Tue 24 + 1). */
    cr_expect_str_eq(got[0]->crn, "X000042");
    cr_expect_eq(got[0]->due, tu_date("2026-11-11"));
    cr_expect_str_eq(got[0]->detail, "allocation: unallocated since 2026-11-10, held in name only by SPO1");
    cr_expect_str_eq(got[1]->crn, "X000040");
    cr_expect_eq(got[1]->due, tu_date("2026-11-23"));
    cr_expect(got[1]->overdue);
    cr_expect_str_eq(got[1]->detail, "allocation: unallocated since 2026-11-20");
    cr_expect_str_eq(got[2]->crn, "X000041");
    cr_expect_eq(got[2]->due, tu_date("2026-11-25"));
    cr_expect(!got[2]->overdue);
    due_list_free(&l);
    q = (due_query){.scope = DUE_OFFICER, .code = "SPO1", .from = tu_date("2026-11-24"), .now_minutes = 600};
    cr_assert_eq(due_list_load(app.store, &app.cal, &q, &l, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(l.n, 1, "the senior's list: the case held in name only");
    due_list_free(&l);
    q.code = "PO1";
    cr_assert_eq(due_list_load(app.store, &app.cal, &q, &l, &err), CL_OK, "%s", err.msg);
    for (size_t i = 0; i < l.n; i++)
        cr_expect_str_neq(l.items[i].item, "allocation");
    due_list_free(&l);
}

/* A screenful of the caseload list counts the allocation items of its
 * people (one statement for them all): the case with no officer and the one
 * held in name only by a senior, not the officer's own case. */
Test(alloc, a_pages_facts_count_the_allocation_due)
{
    seed_exec(dir, "a.db",
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, created_at) VALUES"
              " ('X000040','Imported','Ian','1990-01-01','WAK','2026-11-24T09:00');"
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('o40','X000040','CO','2026-11-20');");
    person("X000042", "SPO1", "WAK", NULL, "2026-11-10T09:00");
    person("X000044", "PO1", "WAK", NULL, "2026-11-10T09:00");
    const char *crns[] = {"X000044", "X000042", "X000040"};
    due_facts f[3];
    cl_err err = {0};
    cr_assert_eq(due_page_facts(app.store, &app.cal, tu_date("2026-11-24"), 600, crns, 3, f, &err), CL_OK, "%s",
                 err.msg);
    due_list l;
    due_query q = {.scope = DUE_OFFICE, .code = "WAK", .from = tu_date("2026-11-24"), .now_minutes = 600};
    cr_assert_eq(due_list_load(app.store, &app.cal, &q, &l, &err), CL_OK, "%s", err.msg);
    for (size_t k = 0; k < 3; k++) {
        int alloc = 0, all = 0;
        for (size_t i = 0; i < l.n; i++)
            if (l.items[i].overdue && !strcmp(l.items[i].crn, crns[k])) {
                all++;
                alloc += !strcmp(l.items[i].item, "allocation");
            }
        cr_expect_eq(alloc, k > 0, "%s", crns[k]);
        cr_expect_eq(f[k].overdue, all, "%s", crns[k]);
    }
    due_list_free(&l);
}

/* Completing a transfer to an office: the appointments still with the old
 * officer are named, and move with the allocation only when asked; one with
 * an outcome logged stays. */
Test(alloc, allocation_names_and_moves_the_old_officers_appointments)
{
    with_outcome_logged();
    const char *crns[] = {"X000030"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crns, .n = 1, .to_office = "LDS"}, &res, &err),
                 CL_OK, "%s", err.msg);
    cr_assert_eq(alloc_allocate(&app, "X000030", "LPO1", "transfer-in", NULL, &err), CL_OK, "%s", err.msg);
    char words[512], clashes[512];
    size_t n, nclash;
    cr_assert_eq(alloc_appts_elsewhere(&app, "X000030", "LPO1", words, sizeof words, &n, clashes, sizeof clashes,
                                       &nclash, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(nclash, 0);
    cr_expect_eq(n, 2);
    cr_expect_str_eq(words, "Tue 24 Nov 2026 11:00 Office visit with PO1 at WAK;"
                            " Wed 25 Nov 2026 10:00 Office visit with PO1 at WAK");
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE officer='PO1' AND office='WAK'"), 2,
                 "a plain allocation keeps them as booked");
    cr_assert_eq(alloc_allocate_appts(&app, "X000030", "LPO1", NULL, NULL, true, false, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_moved, 1);
    cr_expect_eq(res.appts_held, 1, "the one with an outcome stays");
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='o2' AND officer='LPO1' AND office='LDS'"), 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='o1' AND officer='PO1'"), 1);
    cr_assert_eq(alloc_appts_elsewhere(&app, "X000030", "LPO1", words, sizeof words, &n, clashes, sizeof clashes,
                                       &nclash, &err), CL_OK);
    cr_expect_eq(n, 1, "only the one with an outcome is left: %s", words);
}

/* Moving appointments never double-books the new officer without saying so:
 * the booking's clash check names each, the clashing one stays with the old
 * officer unless double_book, and a transfer given twice moves nothing. */
Test(alloc, moving_appointments_leaves_and_names_clashes_with_the_new_officer)
{
    person("X000050", "PO1", "WAK", "C1", NULL);
    person("X000051", "PO2", "WAK", "C1", NULL);
    seed_exec(dir, "a.db",
              "INSERT INTO appointment(id, crn, officer, office, date, start, end, type) VALUES"
              " ('m1','X000050','PO1','WAK','2026-11-25','10:00','10:30','COAP'),"
              " ('m2','X000050','PO1','WAK','2026-11-26','10:00','10:30','COAP'),"
              " ('b1','X000051','PO2','WAK','2026-11-25','10:15','11:00','COAP');");
    const char *crns[] = {"X000050"};
    alloc_transfer_result res;
    cl_err err = {0};
    char words[512], clashes[1024];
    size_t n, nclash;
    /* Before the question: which would clash, in the booking's words. */
    cr_assert_eq(alloc_appts_elsewhere(&app, "X000050", "PO2", words, sizeof words, &n, clashes, sizeof clashes,
                                       &nclash, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(n, 2);
    cr_expect_eq(nclash, 1);
    cr_expect(strstr(clashes, "clash: Wed 25 Nov 2026 officer PO2 already has Office visit 10:15-11:00 with John Smith (X000051)"),
              "%s", clashes);
    alloc_transfer_req req = {.crns = crns, .n = 1, .to_officer = "PO2"};
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_moved, 1);
    cr_expect_eq(res.appts_clash, 1);
    cr_expect(strstr(res.clash, "X000050 Wed 25 Nov 2026 10:00 stays with PO1: clash: "), "%s", res.clash);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='m1' AND officer='PO1'"), 1);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE id='m2' AND officer='PO2'"), 1);
    /* The same transfer again: nothing moves, and it does not say it did. */
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_moved, 0);
    cr_expect_eq(res.appts_kept, 1, "already with PO2");
    cr_expect_eq(res.appts_clash, 1);
    /* Told otherwise, the clashing one moves too. */
    req.double_book = true;
    cr_assert_eq(alloc_transfer(&app, &req, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(res.appts_moved, 1);
    cr_expect_eq(res.appts_clash, 0);
    cr_expect_eq(seed_int(dir, "a.db", "SELECT count(*) FROM appointment WHERE crn='X000050' AND officer='PO2'"), 2);
}

/* A case held by a senior in name only waits from the sentence when it has
 * only been with seniors, whatever allocated_at an import stamped; from the
 * last time it left a non-senior when that is later. */
Test(alloc, senior_held_case_waits_from_the_sentence_not_the_import)
{
    person("X000060", "SPO1", "WAK", NULL, "2026-11-24T09:00"); /* stamped by an import today */
    person("X000061", "PO1", "WAK", NULL, "2026-11-01T09:00");
    seed_exec(dir, "a.db",
              "INSERT INTO orders(id, crn, type, sentence_date) VALUES"
              " ('o60','X000060','CO','2026-11-10'), ('o61','X000061','CO','2026-06-01');");
    cl_err err = {0};
    cr_assert_eq(alloc_allocate(&app, "X000061", "SPO1", "staff", NULL, &err), CL_OK, "%s", err.msg);
    seed_exec(dir, "a.db", "UPDATE allocation SET created_at = '2026-11-16T10:00' WHERE crn = 'X000061'");
    alloc_waiting_list l;
    cr_assert_eq(alloc_unallocated(&app, "WAK", &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 2);
    cr_expect_str_eq(l.items[0].crn, "X000060");
    cr_expect_eq(l.items[0].since, tu_date("2026-11-10"), "the sentence, not the import's stamp");
    cr_expect_eq(l.items[0].days, 14);
    cr_expect_str_eq(l.items[1].crn, "X000061");
    cr_expect_eq(l.items[1].since, tu_date("2026-11-16"), "when it left PO1 for the senior");
    alloc_waiting_list_free(&l);
    /* The allocation due item counts from the same date: overdue since 11 Nov. */
    due_list dl;
    due_query q = {.scope = DUE_OFFICE, .code = "WAK", .from = tu_date("2026-11-24"), .now_minutes = 600};
    cr_assert_eq(due_list_load(app.store, &app.cal, &q, &dl, &err), CL_OK, "%s", err.msg);
    bool seen = false;
    for (size_t i = 0; i < dl.n; i++)
        if (!strcmp(dl.items[i].item, "allocation") && !strcmp(dl.items[i].crn, "X000060")) {
            seen = true;
            cr_expect_eq(dl.items[i].due, tu_date("2026-11-11"));
            cr_expect(dl.items[i].overdue);
        }
    cr_expect(seen);
    due_list_free(&dl);
}
