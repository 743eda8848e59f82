/* Numbers as text (hours, lengths): plain decimals a person or a spreadsheet
 * reads, never 6e+01, and the export of them reads back to the same values. */
#include <criterion/criterion.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/numtext.h"
#include "caseload/store.h"
#include "fixture_import.h"
#include "testutil.h"

static const struct { double v; const char *text; } CASES[] = {
    {60, "60"},           {260, "260"}, {30, "30"},   {7.5, "7.5"},     {0.25, "0.25"},
    {1234567, "1234567"}, {0, "0"},     {0.1, "0.1"}, {100, "100"},     {37.5, "37.5"},
    {1e20, "100000000000000000000"},    {1e-7, "0.0000001"},            {0.3, "0.3"},
    {-2.5, "-2.5"},       {1e21, "1e+21"}, {1.5e-8, "1.5e-8"},
};

Test(numtext, plain_shortest_decimals)
{
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char buf[NUM_TEXT_LEN];
        cr_expect_str_eq(num_format(CASES[i].v, buf, sizeof buf), CASES[i].text, "%.17g", CASES[i].v);
        cr_expect_eq(strtod(buf, NULL), CASES[i].v, "%s reads back as another number", buf);
    }
}

Test(numtext, every_double_reads_back_and_fits)
{
    const double hard[] = {0.1 + 0.2, 1.0 / 3, 2.0 / 3 * 1e6, DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 123456789012345678.0,
                           9.999999999999999e20, 1e-7 * 0.9999999999999999, 4503599627370497.5};
    for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++) {
        char buf[NUM_TEXT_LEN];
        num_format(hard[i], buf, sizeof buf);
        cr_expect(buf[0] && strlen(buf) < NUM_TEXT_LEN, "%.17g", hard[i]);
        cr_expect_eq(strtod(buf, NULL), hard[i], "%.17g written as %s", hard[i], buf);
    }
    char small[8] = "x";
    cr_expect_str_eq(num_format(60, small, sizeof small), "", "a buffer too short for every number gets nothing");
}

static void setup(void) { fi_open("n.db"); }
TestSuite(numtext_csv, .init = setup, .fini = fi_close);

Test(numtext_csv, requirement_lengths_export_plain_and_round_trip)
{
    static const char *const kinds[] = {"offices", "staff", "offenders", "orders"};
    fi_load_fixtures(kinds, sizeof kinds / sizeof kinds[0]);
    const char *rows = "R1,O1,W,60,hours,2026-06-01,\n"
                       "R2,O1,W,260,hours,2026-06-01,\n"
                       "R3,O1,F,30,days,2026-06-01,\n"
                       "R4,O1,W,62.5,hours,2026-06-01,\n"
                       "R5,O1,W,40.25,hours,2026-06-01,\n"
                       "R6,O1,F,1095,days,2026-06-01,\n"
                       "R7,O1,P,36,months,2026-06-01,\n"
                       "R8,O1,W,100.1,hours,2026-06-01,\n";
    char file[1024];
    snprintf(file, sizeof file, "id,order_id,type,length,unit,start_date,subtype\n%s", rows);
    cr_assert_eq(fi_load_text("requirements", "r.csv", file, NULL, false), CL_OK, "%s", fi_errors);
    char *first = fi_export(fi_st, "requirements");
    cr_expect(strstr(first, rows), "the lengths are not written as typed:\n%s", first);
    cr_expect_null(strstr(first, "e+"), "an exponent:\n%s", first);
    char *staff = fi_export(fi_st, "staff");
    cr_expect(strstr(staff, "AB1,Ann Bell,PO,N01,Team A,37,"), "%s", staff);
    cr_expect(strstr(staff, "CD2,Ciarán Dunne,PSO,N01,Team A,30.5,"), "%s", staff);

    /* The export, imported into another database, is the same values. */
    char *path = tu_write_file(fi_dir, "export.csv", first);
    cl_store *keep = fi_st;
    fi_st = tu_open(fi_dir, "two.db");
    fi_load_fixtures(kinds, sizeof kinds / sizeof kinds[0]);
    cr_assert_eq(fi_load("requirements", path, NULL, false), CL_OK, "%s", fi_errors);
    char *second = fi_export(fi_st, "requirements");
    cr_expect_str_eq(second, first);
    char db[4096];
    snprintf(db, sizeof db, "%s/two.db", fi_dir);
    char *len = fi_q_text_in(db, "SELECT group_concat(length, ' ') FROM (SELECT length FROM requirement ORDER BY id)");
    cr_expect_str_eq(len, "60.0 260.0 30.0 62.5 40.25 1095.0 36.0 100.1");
    store_close(fi_st);
    fi_st = keep;
    free(len);
    free(second);
    free(path);
    free(staff);
    free(first);
}

/* The one reader of typed and imported numbers: plain decimals only. */
Test(numtext, only_plain_decimals_are_read)
{
    static const struct { const char *text; double v; } good[] = {
        {"30", 30}, {"7.5", 7.5}, {"0", 0}, {"037", 37}, {"22.50", 22.5}, {"0.000001", 0.000001},
        {"999999999999999", 999999999999999.0}, {"18.75", 18.75},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        double v = -1;
        cr_expect(num_parse(good[i].text, &v), "%s", good[i].text);
        cr_expect_eq(v, good[i].v, "%s", good[i].text);
    }
    static const char *const bad[] = {
        "", "0x10", "1e9", "6e+01", "inf", "nan", "INF", "-3", "+3", " 37", "37 ", "37h", "7,5",
        ".5", "5.", "1.2.3", "0.0000001", "1000000000000000", "١٢", "3\t",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = -1;
        cr_expect_not(num_parse(bad[i], &v), "'%s' was read as %g", bad[i], v);
        cr_expect_eq(v, -1, "'%s' changed the value", bad[i]);
    }
    cr_expect_not(num_parse(NULL, &(double){0}));
}

/* What is read is written back as the same text (the fuzz target's round trip). */
Test(numtext, what_is_read_is_written_back_plain)
{
    static const char *const texts[] = {"0.000001", "999999999999999", "123456789012345.5", "300", "7.25"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        double v, again;
        char buf[NUM_TEXT_LEN];
        cr_assert(num_parse(texts[i], &v), "%s", texts[i]);
        cr_expect(num_parse(num_format(v, buf, sizeof buf), &again), "%s came back as %s", texts[i], buf);
        cr_expect_eq(again, v, "%s", texts[i]);
    }
}
