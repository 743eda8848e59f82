/* Who may hold a case, wherever a case is given an officer: allocate, an
 * import of offenders (the same holder rule, alloc_holder_check, in the
 * import's FILE:LINE: column: message form) and `check` on a database that
 * already holds such a case. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/import.h"
#include "court_app.h"
#include "seed.h"
#include "testutil.h"

static char *dir;
static cl_app app;
static char lines[4096];

static const char SEED[] =
    "INSERT INTO office(code, name, address) VALUES ('CDF','Cardiff','1 Court St'),('BRS','Bristol','2 Park Sq');"
    "INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES"
    " ('CDF02','Ann Po','PO','CDF',37,0),('CDF07','Eve Admin','ADMIN','CDF',37,0),"
    " ('BRS02','Fay Bristol','PO','BRS',37,0);";

static void setup(void)
{
    dir = tu_tmpdir();
    ca_open(&app, dir, "h.db", "2026-12-07", "10:00");
    seed_exec(dir, "h.db", SEED);
    lines[0] = '\0';
}
static void teardown(void)
{
    ca_close(&app);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(alloc_holders, .init = setup, .fini = teardown);

static void collect(void *arg, const char *line)
{
    (void)arg;
    strncat(lines, line, sizeof lines - strlen(lines) - 2);
    strcat(lines, "\n");
}

#define HEAD "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"

static int import(const char *text)
{
    lines[0] = '\0';
    imp_opts o = {.report = collect};
    cl_err err = {0};
    int rc = imp_buffer(app.store, csv_format_find("offenders"), "o.csv", text, strlen(text), &o, NULL, &err);
    if (rc != CL_OK)
        collect(NULL, err.msg);
    return rc;
}

Test(alloc_holders, the_rule_alone)
{
    cr_expect_eq(alloc_holder_check("ADMIN", "CDF", "CDF"), ALLOC_NO_CASELOAD);
    cr_expect_eq(alloc_holder_check("PO", "BRS", "CDF"), ALLOC_OFFICE);
    cr_expect_eq(alloc_holder_check("PO", "CDF", "CDF"), ALLOC_OK);
    cr_expect_eq(alloc_holder_check("SPO", "CDF", "CDF"), ALLOC_OK, "in name only, but may hold it");
    cr_expect_eq(alloc_holder_check("CLERK", "CDF", "CDF"), ALLOC_UNKNOWN_GRADE);
}

Test(alloc_holders, the_import_refuses_what_allocate_refuses)
{
    cr_expect_eq(import(HEAD "Z000001,Admin,Held,1990-01-01,M,,,,,C1,CDF07,CDF,active\n"
                             "Z000002,Other,Office,1990-01-01,M,,,,,C1,BRS02,CDF,active\n"
                             "Z000003,Own,Office,1990-01-01,M,,,,,C1,CDF02,CDF,active\n"),
                 CL_EDATA);
    cr_expect(strstr(lines, "o.csv:2: officer: Z000001 cannot go to CDF07: an ADMIN holds no caseload\n"), "%s", lines);
    cr_expect(strstr(lines, "o.csv:3: officer: Z000002 cannot go to BRS02 (PO) without an override: the officer works"
                            " in another office than the case (CDF)"), "%s", lines);
    cr_expect(strstr(lines, "import the case with office BRS"), "%s", lines);
    cr_expect_not(strstr(lines, "o.csv:4:"), "%s", lines);
    cr_expect_eq(seed_int(dir, "h.db", "SELECT count(*) FROM offender"), 0, "nothing was imported");

    /* allocate gives the same words for the administrator. */
    seed_exec(dir, "h.db", "INSERT INTO offender(crn, surname, forenames, date_of_birth, office)"
                           " VALUES ('Z000009','Smith','John','1990-01-01','CDF')");
    cl_err err = {0};
    cr_expect_eq(alloc_allocate(&app, "Z000009", "CDF07", NULL, "needed", &err), CL_EDATA);
    cr_expect_str_eq(err.msg, "Z000009 cannot go to CDF07: an ADMIN holds no caseload");

    /* The officer's own office, or none, passes; so does a closed case. */
    cr_expect_eq(import(HEAD "Z000002,Other,Office,1990-01-01,M,,,,,C1,BRS02,BRS,active\n"
                             "Z000003,Own,Office,1990-01-01,M,,,,,C1,CDF02,CDF,active\n"
                             "Z000004,No,Officer,1990-01-01,M,,,,,C1,,CDF,active\n"),
                 CL_OK, "%s", lines);
}

Test(alloc_holders, an_override_allows_another_office_and_a_reimport_keeps_it)
{
    cr_assert_eq(import(HEAD "Z000005,Smith,John,1990-01-01,M,,,,,C1,,CDF,active\n"), CL_OK, "%s", lines);
    cl_err err = {0};
    cr_expect_eq(alloc_allocate(&app, "Z000005", "BRS02", NULL, NULL, &err), CL_EDATA);
    cr_assert_eq(alloc_allocate(&app, "Z000005", "BRS02", NULL, "covering Cardiff", &err), CL_OK, "%s", err.msg);
    /* The same holder given again by a file (an export read back) is no new allocation. */
    cr_expect_eq(import(HEAD "Z000005,Smith,John,1990-01-01,M,,,,,C1,BRS02,CDF,active\n"), CL_OK, "%s", lines);
    /* check: the override is recorded, so this is no problem. */
    cr_expect_eq(alloc_check_holders(app.store, collect, NULL, &err), 0, "%s", lines);
}

Test(alloc_holders, check_reports_a_case_already_held_against_the_rule)
{
    /* As an import before the rule left them. */
    seed_exec(dir, "h.db", "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, status) VALUES"
                           " ('Z000001','Admin','Held','1990-01-01','CDF','CDF07','active'),"
                           " ('Z000002','Other','Office','1990-01-01','CDF','BRS02','active'),"
                           " ('Z000003','Own','Office','1990-01-01','CDF','CDF02','active'),"
                           " ('Z000004','Closed','Case','1990-01-01','CDF','CDF07','closed')");
    cl_err err = {0};
    lines[0] = '\0';
    cr_expect_eq(alloc_check_holders(app.store, collect, NULL, &err), 2, "%s", lines);
    cr_expect(strstr(lines, "offender Z000001: held by CDF07 (ADMIN, office CDF) against the allocation rules:"
                            " an ADMIN holds no caseload\n"), "%s", lines);
    cr_expect(strstr(lines, "offender Z000002: held by BRS02 (PO, office BRS) with no override recorded, against the"
                            " allocation rules: the officer works in another office than the case (CDF)"), "%s", lines);
}
