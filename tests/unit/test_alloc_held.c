/* A case held against the grade rules (DOMAIN.md section 6: a PSO or PQiP
 * with High or Very High RoSH, MAPPA level 2/3, a registered sex offender or
 * tier A/B) with no override recorded for the holding: the due list's
 * reallocation item, register's warning, and allocate to the holder (refused,
 * unless it records the override for the holding). Also where a pending case
 * sent on came from, and check's words for a missing staff code. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/due.h"
#include "caseload/registration.h"
#include "court_app.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_app app;

static const char SEED[] =
    "INSERT INTO office(code, name, address) VALUES ('WAK','Wakefield','1 Court St'),('LDS','Leeds','2 Park Sq'),"
    " ('BRD','Bradford','3 Hall Ings');"
    "INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES"
    " ('PO1','Ann Po','PO','WAK',37,0),('PSO1','Cat Pso','PSO','WAK',37,0),('PQ1','Tom Trainee','PQiP','WAK',37,0);"
    "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier, allocated_at) VALUES"
    " ('X000001','Held','Since','1990-01-01','WAK','PSO1','C1','2026-10-01T09:00'),"
    " ('X000002','Given','Later','1990-01-01','WAK','PSO1','C1','2026-11-20T09:00'),"
    " ('X000003','Tier','Bee','1990-01-01','WAK','PQ1','B2','2026-11-02T09:00'),"
    " ('X000004','Qualified','Holder','1990-01-01','WAK','PO1','A1','2026-10-01T09:00'),"
    " ('X000005','Fine','Case','1990-01-01','WAK','PSO1','C1','2026-10-01T09:00');"
    "INSERT INTO registration(crn, type, category, level, start_date) VALUES"
    " ('X000001','RVHR',NULL,NULL,'2026-11-02'),('X000002','RHRH',NULL,NULL,'2026-09-01'),"
    " ('X000004','RVHR',NULL,NULL,'2026-11-02'),('X000005','RMRH',NULL,NULL,'2026-09-01'),"
    " ('X000005','MAPP','M1','M1','2026-09-01');";

static void setup(void)
{
    dir = tu_tmpdir();
    ca_open(&app, dir, "h.db", "2026-11-24", "10:00");
    seed_exec(dir, "h.db", SEED);
}
static void teardown(void)
{
    ca_close(&app);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(alloc_held, .init = setup, .fini = teardown);

Test(alloc_held, the_rule_and_since_when_from_the_registrations)
{
    risk_reg_row rows[] = {
        {"RHRH", NULL, NULL, tu_date("2026-03-01"), CL_DATE_NONE},
        {"MAPP", "M2", "M3", tu_date("2026-05-01"), CL_DATE_NONE},
        {"ADVP", NULL, NULL, tu_date("2026-01-01"), CL_DATE_NONE},
    };
    alloc_case c;
    cl_date since;
    cl_date today = tu_date("2026-11-24");
    cr_expect_eq(alloc_held_breaches("PSO", "C1", rows, 3, today, &c, &since), ALLOC_ROSH | ALLOC_MAPPA);
    cr_expect_eq(since, tu_date("2026-03-01"), "the first registration that breaks a rule");
    cr_expect_eq(c.mappa_level, 3);
    cr_expect_eq(alloc_held_breaches("PSO", "C1", rows + 1, 2, today, &c, &since), ALLOC_MAPPA);
    cr_expect_eq(since, tu_date("2026-05-01"));
    cr_expect_eq(alloc_held_breaches("PQiP", "B1", rows + 2, 1, today, &c, &since), ALLOC_TIER);
    cr_expect_eq(since, CL_DATE_NONE, "the tier has no date: from the holding");
    cr_expect_eq(alloc_held_breaches("PO", "A1", rows, 3, today, &c, &since), 0);
    cr_expect_eq(alloc_held_breaches("PSO", "C1", rows + 2, 1, today, &c, &since), 0);
    cr_expect(alloc_grade_limited(alloc_rule_for("PSO")));
    cr_expect(alloc_grade_limited(alloc_rule_for("PQiP")));
    cr_expect(!alloc_grade_limited(alloc_rule_for("PO")));
    cr_expect(!alloc_grade_limited(alloc_rule_for("SPO")), "in name only: the unallocated list's");
    cr_expect(!alloc_grade_limited(alloc_rule_for("ADMIN")));
}

static const due_item *find(const due_list *l, const char *crn, const char *item)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->items[i].crn, crn) && !strcmp(l->items[i].item, item))
            return &l->items[i];
    return NULL;
}

static void load(due_scope scope, const char *code, due_list *l)
{
    cl_err err = {0};
    due_query q = {.scope = scope, .code = code, .from = tu_date("2026-11-24"), .now_minutes = 600};
    cr_assert_eq(due_list_load(app.store, &app.cal, &q, l, &err), CL_OK, "%s", err.msg);
}

Test(alloc_held, a_case_held_against_the_rules_is_due_for_reallocation)
{
    due_list l;
    load(DUE_OFFICE, "WAK", &l);
    /* From the registration, after the holding began. */
    const due_item *it = find(&l, "X000001", "reallocation");
    cr_assert(it);
    cr_expect_eq(it->due, tu_date("2026-11-02"));
    cr_expect(it->overdue);
    cr_expect_str_eq(it->detail, "reallocation needed: a PSO may not hold VERY HIGH ROSH");
    cr_expect_str_eq(it->officer, "PSO1");
    /* From the allocation, after the registration. */
    cr_assert((it = find(&l, "X000002", "reallocation")));
    cr_expect_eq(it->due, tu_date("2026-11-20"));
    cr_expect_str_eq(it->detail, "reallocation needed: a PSO may not hold HIGH ROSH");
    /* The tier alone: from the allocation. */
    cr_assert((it = find(&l, "X000003", "reallocation")));
    cr_expect_eq(it->due, tu_date("2026-11-02"));
    cr_expect_str_eq(it->detail, "reallocation needed: a PQiP may not hold tier B cases");
    cr_expect_null(find(&l, "X000004", "reallocation"), "a PO may hold it");
    cr_expect_null(find(&l, "X000005", "reallocation"), "Medium RoSH, MAPPA 1: a PSO may hold it");
    due_list_free(&l);

    /* The same in the officer's list and the person's own. */
    load(DUE_OFFICER, "PSO1", &l);
    cr_expect(find(&l, "X000001", "reallocation"));
    cr_expect_null(find(&l, "X000003", "reallocation"), "not PSO1's");
    due_list_free(&l);
    load(DUE_PERSON, "X000003", &l);
    cr_expect(find(&l, "X000003", "reallocation"));
    due_list_free(&l);

    /* An override recorded for the holding: no item, the holding kept as it was. */
    cl_err err = {0};
    cr_expect_eq(alloc_allocate(&app, "X000001", "PSO1", NULL, NULL, &err), CL_EDATA);
    cr_expect(strstr(err.msg, "give --override REASON"), "%s", err.msg);
    cr_assert_eq(alloc_allocate(&app, "X000001", "PSO1", NULL, "manager agrees", &err), CL_OK, "%s", err.msg);
    char at[32];
    cr_expect_str_eq(seed_text(dir, "h.db", "SELECT allocated_at FROM offender WHERE crn = 'X000001'", at, sizeof at),
                     "2026-10-01T09:00");
    load(DUE_OFFICE, "WAK", &l);
    cr_expect_null(find(&l, "X000001", "reallocation"));
    cr_expect(find(&l, "X000002", "reallocation"));
    due_list_free(&l);
    /* Reallocated to an officer who may hold it: gone too. */
    cr_assert_eq(alloc_allocate(&app, "X000002", "PO1", "risk", NULL, &err), CL_OK, "%s", err.msg);
    load(DUE_PERSON, "X000002", &l);
    cr_expect_null(find(&l, "X000002", "reallocation"));
    due_list_free(&l);
}

Test(alloc_held, register_says_when_the_holder_may_not_hold_the_case)
{
    cl_err err = {0};
    char words[1024];
    cr_expect_eq(alloc_holding_words(&app, "X000005", words, sizeof words, &err), 0, "%s", err.msg);
    cr_expect_str_eq(words, "");
    reg_result res;
    reg_new r = {.crn = "X000005", .type = "RHRH", .start = app.clock.today};
    cr_assert_eq(reg_add(app.store, &app.cal, app.clock.today, &r, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(alloc_holding_words(&app, "X000005", words, sizeof words, &err), ALLOC_ROSH, "%s", err.msg);
    cr_expect_str_eq(words, "X000005 is held by PSO1 (PSO) against the allocation rules: a PSO may not hold HIGH"
                            " ROSH; reallocate it, or record an override: caseload allocate X000005 PSO1"
                            " --override REASON");
    cr_expect_eq(seed_int(dir, "h.db", "SELECT count(*) FROM registration WHERE crn = 'X000005' AND type = 'RHRH'"
                                       " AND end_date IS NULL"), 1, "recorded all the same");
    /* An override recorded for the holding: a manager's decision, nothing more to say. */
    cr_assert_eq(alloc_allocate(&app, "X000005", "PSO1", NULL, "manager agrees", &err), CL_OK, "%s", err.msg);
    cr_expect_eq(alloc_holding_words(&app, "X000005", words, sizeof words, &err), 0);
    cr_expect_str_eq(words, "");
    /* A PO's case: nothing to say. */
    r = (reg_new){.crn = "X000004", .type = "ARSO", .start = app.clock.today};
    cr_assert_eq(reg_add(app.store, &app.cal, app.clock.today, &r, &res, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(alloc_holding_words(&app, "X000004", words, sizeof words, &err), 0);
    cr_expect_str_eq(words, "");
}

Test(alloc_held, allocate_to_the_holder_writes_nothing)
{
    cl_err err = {0};
    int before = seed_int(dir, "h.db", "SELECT (SELECT count(*) FROM allocation) + (SELECT count(*) FROM audit)");
    cr_expect_eq(alloc_allocate(&app, "X000004", "PO1", NULL, NULL, &err), CL_EDATA);
    cr_expect_str_eq(err.msg, "X000004 is already held by PO1: nothing changed");
    cr_expect_eq(alloc_allocate(&app, "X000005", "PSO1", NULL, "no rule broken", &err), CL_EDATA);
    /* Moving its appointments to the holder (after a transfer in) is no new allocation. */
    alloc_transfer_result res;
    cr_expect_eq(alloc_allocate_appts(&app, "X000004", "PO1", NULL, NULL, true, false, &res, &err), CL_OK, "%s",
                 err.msg);
    cr_expect_eq(seed_int(dir, "h.db", "SELECT (SELECT count(*) FROM allocation) + (SELECT count(*) FROM audit)"),
                 before, "nothing written");
    char at[32];
    cr_expect_str_eq(seed_text(dir, "h.db", "SELECT allocated_at FROM offender WHERE crn = 'X000004'", at, sizeof at),
                     "2026-10-01T09:00");
    /* An override for the holding, once. */
    cr_assert_eq(alloc_allocate(&app, "X000001", "PSO1", NULL, "manager agrees", &err), CL_OK, "%s", err.msg);
    cr_expect_eq(alloc_allocate(&app, "X000001", "PSO1", NULL, "again", &err), CL_EDATA);
    cr_expect_str_eq(err.msg, "X000001 is already held by PSO1, with an override recorded: nothing changed");
}

Test(alloc_held, a_pending_case_sent_on_keeps_where_it_came_from)
{
    const char *crn[] = {"X000004"};
    alloc_transfer_result res;
    cl_err err = {0};
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crn, .n = 1, .to_office = "LDS"}, &res, &err),
                 CL_OK, "%s", err.msg);
    cr_assert_eq(alloc_transfer(&app, &(alloc_transfer_req){.crns = crn, .n = 1, .to_office = "BRD"}, &res, &err),
                 CL_OK, "%s", err.msg);
    alloc_pending_list p;
    cr_assert_eq(alloc_pending_transfers(&app, NULL, &p, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(p.n, 1);
    cr_expect_str_eq(p.items[0].from_officer, "PO1");
    cr_expect_str_eq(p.items[0].from_office, "WAK");
    cr_expect_str_eq(p.items[0].to_office, "BRD");
    alloc_pending_list_free(&p);
}

static void collect(void *arg, const char *line)
{
    char *buf = arg;
    strncat(buf, line, 1023 - strlen(buf));
}

Test(alloc_held, check_names_the_row_and_the_missing_code)
{
    seed_exec(dir, "h.db", "UPDATE offender SET officer = 'GONE9' WHERE crn = 'X000005'");
    char lines[1024] = "";
    cl_err err = {0};
    cr_expect_eq(store_check(app.store, collect, lines, &err), 1, "%s", lines);
    cr_expect(strstr(lines, "offender X000005 (row 5): officer GONE9 refers to a missing staff"), "%s", lines);
}
