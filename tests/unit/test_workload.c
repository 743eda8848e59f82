/* Workload arithmetic: the weighting table, capacity for part-time hours and
 * reductions, rounding, and the 100% / 120% bands. Expected figures are worked
 * out by hand from DOMAIN.md section 6. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/workload.h"
#include "court_app.h"
#include "seed.h"
#include "testutil.h"

Test(workload, case_points_by_tier_rosh_and_requirements)
{
    wl_case c = {.tier = "B2"};
    cr_expect_eq(wl_case_points(&c), 115);
    snprintf(c.tier, sizeof c.tier, "B2S");
    cr_expect_eq(wl_case_points(&c), 115, "the S suffix weighs as its tier");
    snprintf(c.tier, sizeof c.tier, "A3");
    cr_expect_eq(wl_case_points(&c), 206);
    snprintf(c.tier, sizeof c.tier, "D0");
    cr_expect_eq(wl_case_points(&c), 29);
    c = (wl_case){.tier = "", .rosh = ROSH_VERY_HIGH};
    cr_expect_eq(wl_case_points(&c), 110, "untiered Very High weighs as A0");
    c.rosh = ROSH_HIGH;
    cr_expect_eq(wl_case_points(&c), 72);
    c.rosh = ROSH_UNKNOWN;
    cr_expect_eq(wl_case_points(&c), 29);
    c = (wl_case){.tier = "C1", .req_types = "W,F,RM38"};
    cr_expect_eq(wl_case_points(&c), 50 + 10 + 15);
    cr_expect_eq(wl_points(WL_REPORT, "CJS"), 138);
    cr_expect_eq(wl_points(WL_REPORT, "CJF"), 65);
    cr_expect_eq(wl_points(WL_TIER, "Z9"), 0);
}

Test(workload, capacity_is_part_time_and_reduction_aware)
{
    cr_expect_float_eq(wl_available(37, 0), 2176.0, 1e-9);
    cr_expect_float_eq(wl_available(18.5, 0), 1088.0, 1e-9);
    cr_expect_float_eq(wl_available(37, 7.4), 1740.8, 1e-9);
    cr_expect_float_eq(wl_available(22.2, 3.7), 1088.0, 1e-9);
    cr_expect_float_eq(wl_available(10, 10), 0.0, 1e-9);
    cr_expect_float_eq(wl_available(10, 12), 0.0, 1e-9);
}

Test(workload, percent_rounds_and_bands_at_100_and_120)
{
    cr_expect_eq(wl_percent(2176, 2176), 100);
    cr_expect_eq(wl_percent(1088, 2176), 50);
    cr_expect_eq(wl_percent(2186.88, 2176), 101); /* 100.5 rounds up */
    cr_expect_eq(wl_percent(2186.0, 2176), 100);  /* 100.46 */
    cr_expect_eq(wl_percent(0, 0), 0);
    cr_expect_eq(wl_percent(5, 0), WL_NO_CAPACITY_PERCENT);
    cr_expect_eq(wl_band_of(0), WL_BAND_OK);
    cr_expect_eq(wl_band_of(100), WL_BAND_OK);
    cr_expect_eq(wl_band_of(101), WL_BAND_AMBER);
    cr_expect_eq(wl_band_of(120), WL_BAND_AMBER);
    cr_expect_eq(wl_band_of(121), WL_BAND_RED);
    cr_expect_str_eq(wl_band_word(WL_BAND_OK), "");
    cr_expect_str_eq(wl_band_word(WL_BAND_AMBER), "OVER");
    cr_expect_str_eq(wl_band_word(WL_BAND_RED), "HIGH");
}

static char *dir;
static cl_app app;
static void setup(void)
{
    dir = tu_tmpdir();
    ca_open(&app, dir, "w.db", "2026-11-24", "10:00");
}
static void teardown(void)
{
    ca_close(&app);
    tu_rmtree(dir);
    free(dir);
}

Test(workload, office_figures_from_the_database, .init = setup, .fini = teardown)
{
    seed_exec(dir, "w.db",
            "INSERT INTO office(code, name) VALUES ('WAK','Wakefield'),('LDS','Leeds');"
            "INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES"
            " ('FT','Full Time','PO','WAK',37,0),('PT','Part Time','PSO','WAK',18.5,0),"
            " ('RD','Reduced','PO','WAK',37,7.4),('NH','No Hours','PO','WAK',NULL,0),"
            " ('AD','Admin','ADMIN','WAK',37,0),('LD','Leeds','PO','LDS',37,0);"
            /* FT: A3 206 + B2 115 with unpaid work (+10) + untiered High 72, one standard report 138 = 541 */
            "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier) VALUES"
            " ('A000001','A','A','1990-01-01','WAK','FT','A3'),"
            " ('A000002','B','B','1990-01-01','WAK','FT','B2'),"
            " ('A000003','C','C','1990-01-01','WAK','FT',NULL),"
            " ('A000004','D','D','1990-01-01','WAK','FT','D0');"
            "UPDATE offender SET status='closed' WHERE crn='A000004';"
            "INSERT INTO registration(crn, type, start_date) VALUES ('A000003','RHRH','2026-01-01');"
            "INSERT INTO orders(id, crn, type, sentence_date) VALUES ('o2','A000002','CO','2026-01-01');"
            "INSERT INTO requirement(id, order_id, type, length, unit) VALUES ('r1','o2','W',100,'hours'),"
            " ('r2','o2','W',20,'hours');"
            /* A's order ended in June (its end date, not terminated): its unpaid work no longer counts. */
            "INSERT INTO orders(id, crn, type, sentence_date, end_date) VALUES ('o1','A000001','CO','2025-07-01','2026-06-30');"
            "INSERT INTO requirement(id, order_id, type, length, unit) VALUES ('r0','o1','W',80,'hours');"
            "INSERT INTO report(id, crn, type, officer, status) VALUES ('rp1','A000001','CJS','FT','requested'),"
            " ('rp2','A000001','CJF','FT','completed');"
            /* PT: 18.5 h = 1088 available; 10 x B1 (102) = 1020 -> 94%. */
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 10)"
            " INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)"
            " SELECT printf('P%06d', i), 'P', 'P', '1990-01-01', 'WAK', 'PT', 'B1' FROM n;"
            /* RD: 1740.8 available; 16 x B2 (115) = 1840 -> 105.7 -> 106% OVER. */
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 16)"
            " INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)"
            " SELECT printf('R%06d', i), 'R', 'R', '1990-01-01', 'WAK', 'RD', 'B2' FROM n;"
            /* NH: hours not recorded = 37; 13 x A3 (206) = 2678 -> 123% HIGH. */
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 13)"
            " INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)"
            " SELECT printf('N%06d', i), 'N', 'N', '1990-01-01', 'WAK', 'NH', 'A3' FROM n;");
    wl_list l;
    cl_err err = {0};
    cr_assert_eq(wl_office(&app, "WAK", &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 4, "administrators and other offices are left out");
    /* By code: FT NH PT RD. */
    cr_expect_str_eq(l.items[0].staff.code, "FT");
    cr_expect_eq(l.items[0].cases, 3);
    cr_expect_eq(l.items[0].reports, 1);
    cr_expect_eq(l.items[0].points, 206 + 125 + 72 + 138);
    cr_expect_eq(l.items[0].percent, 25); /* 541 / 2176 = 24.9 */
    cr_expect_eq(l.items[0].by_rosh[ROSH_HIGH], 1);
    cr_expect_eq(l.items[0].by_rosh[ROSH_UNKNOWN], 2);
    cr_expect_str_eq(l.items[1].staff.code, "NH");
    cr_expect_eq(l.items[1].percent, 123);
    cr_expect_eq(l.items[1].band, WL_BAND_RED);
    cr_expect_str_eq(l.items[2].staff.code, "PT");
    cr_expect_eq(l.items[2].points, 1020);
    cr_expect_eq(l.items[2].percent, 94);
    cr_expect_eq(l.items[2].band, WL_BAND_OK);
    cr_expect_str_eq(l.items[3].staff.code, "RD");
    cr_expect_eq(l.items[3].percent, 106);
    cr_expect_eq(l.items[3].band, WL_BAND_AMBER);
    wl_sort_by_load(&l);
    cr_expect_str_eq(l.items[0].staff.code, "NH");
    cr_expect_str_eq(l.items[1].staff.code, "RD");
    cr_expect_str_eq(l.items[2].staff.code, "PT");
    cr_expect_str_eq(l.items[3].staff.code, "FT");
    wl_list_free(&l);
    cr_assert_eq(wl_office(&app, NULL, &l, &err), CL_OK);
    cr_expect_eq(l.n, 5, "every office");
    cr_expect_eq(l.items[1].cases, 0, "LD holds nothing and is listed at 0%%");
    cr_expect_eq(l.items[1].percent, 0);
    wl_list_free(&l);
    wl_officer one;
    cr_assert_eq(wl_officer_load(&app, "RD", &one, &err), CL_OK);
    cr_expect_eq(one.points, 1840);
}
