/* Duplicate detection: accents and case, forename/surname swaps, small
 * spelling differences, PNC spellings, and the search in the database. */
#include <criterion/criterion.h>
#include <string.h>

#include "caseload/dup.h"
#include "caseload/pnc.h"
#include "court_app.h"
#include "seed.h"
#include "testutil.h"

Test(dup, fold_removes_accents_case_and_punctuation)
{
    char b[64];
    cr_expect_str_eq(dup_fold("Siân Llŷr", b, sizeof b), "sianllyr");
    cr_expect_str_eq(dup_fold("Zoë Ó Ceallaigh", b, sizeof b), "zoeoceallaigh");
    cr_expect_str_eq(dup_fold("O'Brien-SMITH", b, sizeof b), "obriensmith");
    cr_expect_str_eq(dup_fold("Łukasz Żółć", b, sizeof b), "lukaszzolc");
    cr_expect_str_eq(dup_fold("Søren Ærø", b, sizeof b), "soren" "aero");
    cr_expect_str_eq(dup_fold("Straße", b, sizeof b), "strasse");
    cr_expect_str_eq(dup_fold("", b, sizeof b), "");
    cr_expect_str_eq(dup_fold_first("  Mary Ann", b, sizeof b), "mary");
}

Test(dup, edit_distance_and_tolerance)
{
    cr_expect_eq(dup_distance("smith", "smith", 2), 0);
    cr_expect_eq(dup_distance("smith", "smyth", 2), 1);
    cr_expect_eq(dup_distance("jonathan", "johnathan", 2), 1);
    cr_expect_eq(dup_distance("thompson", "tompson", 2), 1);
    cr_expect_eq(dup_distance("abcd", "bacd", 2), 1, "a swap of neighbours is one edit");
    cr_expect_eq(dup_distance("williams", "wilson", 2), 3, "beyond the limit stops at limit + 1");
    cr_expect_eq(dup_tolerance(3), 0);
    cr_expect_eq(dup_tolerance(4), 1);
    cr_expect_eq(dup_tolerance(6), 1);
    cr_expect_eq(dup_tolerance(7), 2);
}

Test(dup, similar_names)
{
    cr_expect(dup_names_similar("Llŷr", "Siân", "LLYR", "sian"), "accents and case");
    cr_expect(dup_names_similar("Smith", "John", "John", "Smith"), "forename and surname swapped");
    cr_expect(dup_names_similar("Smyth", "Jon Paul", "Smith", "John"), "small differences, first forename");
    cr_expect(dup_names_similar("Ó Ceallaigh", "Zoë", "O'Ceallaigh", "Zoe"), "punctuation");
    cr_expect(dup_names_similar("Jones", "Mary Ann", "Jones", "Maryann"), "forenames run together");
    cr_expect_not(dup_names_similar("Smith", "Jo", "Smith", "Al"), "short names must match exactly");
    cr_expect_not(dup_names_similar("Smith", "John", "Jones", "John"), "different surname");
    cr_expect_not(dup_names_similar("Williams", "Peter", "Wilson", "Peter"));
    cr_expect_not(dup_names_similar("", "", "Smith", "John"));
}

Test(dup, pnc_spellings)
{
    char b[32];
    cl_date today = tu_date("2026-11-24");
    cr_expect(pnc_normalise("2001/0123456A", today, b, sizeof b));
    cr_expect_str_eq(b, "2001/0123456A");
    cr_expect(pnc_normalise(" 2001/123456a ", today, b, sizeof b));
    cr_expect_str_eq(b, "2001/0123456A");
    cr_expect(pnc_normalise("01/ 123 A", today, b, sizeof b));
    cr_expect_str_eq(b, "2001/0000123A");
    cr_expect(pnc_normalise("00/491869d", today, b, sizeof b));
    cr_expect_str_eq(b, "2000/0491869D");
    /* Two-digit years: up to this year's two digits is 20xx, the rest 19xx. */
    cr_expect(pnc_normalise("26/1A", today, b, sizeof b));
    cr_expect_str_eq(b, "2026/0000001A");
    cr_expect(pnc_normalise("27/1A", today, b, sizeof b));
    cr_expect_str_eq(b, "1927/0000001A");
    cr_expect(pnc_normalise("99/0123456Z", today, b, sizeof b));
    cr_expect_str_eq(b, "1999/0123456Z");
    cr_expect_not(pnc_normalise("", today, b, sizeof b));
    cr_expect_str_eq(b, "");
    cr_expect_not(pnc_normalise("rubbish", today, b, sizeof b));
    cr_expect_str_eq(b, "RUBBISH");
    cr_expect_not(pnc_normalise("2001/12345678A", today, b, sizeof b)); /* eight serial digits */
    cr_expect_not(pnc_normalise("201/123A", today, b, sizeof b));
    cr_expect_not(pnc_normalise("2001/123", today, b, sizeof b)); /* no check letter */
    cr_expect_not(pnc_normalise("2001/123AB", today, b, sizeof b));
    /* A PNC year is when the record was made: never after this year. */
    cr_expect(pnc_normalise("2026/1A", today, b, sizeof b));
    cr_expect_not(pnc_normalise("2027/0123456A", today, b, sizeof b));
    cr_expect_str_eq(b, "2027/0123456A");
    cr_expect(strstr(pnc_problem("2027/0123456A", today), "after this year"));
    cr_expect_not(pnc_normalise("1899/0123456A", today, b, sizeof b));
    cr_expect(strstr(pnc_problem("1899/0123456A", today), "before 1900"));
    cr_expect(strstr(pnc_problem("rubbish", today), "YYYY/NNNNNNNL"));
    cr_expect_null(pnc_problem("00/491869d", today));
    strcpy(b, "00/491869D"); /* in place */
    cr_expect(pnc_normalise(b, today, b, sizeof b));
    cr_expect_str_eq(b, "2000/0491869D");
}

static char *dir;
static cl_app app;
static void setup(void)
{
    dir = tu_tmpdir();
    ca_open(&app, dir, "d.db", "2026-11-24", "10:00");
    seed_exec(dir, "d.db",
              "INSERT INTO office(code, name) VALUES ('WAK','Wakefield');"
              "INSERT INTO offender(crn, surname, forenames, date_of_birth, pnc, office, status) VALUES"
              " ('X100001','Llŷr','Siân','1982-06-11','2000/0491869D','WAK','active'),"
              " ('X100002','Smith','John','1990-01-01',NULL,'WAK','closed'),"
              " ('X100003','Smith','Joan','1990-01-01',NULL,'WAK','active'),"
              " ('X100004','Brown','Alan','1975-05-05','1999/0000042B','WAK','active');");
}
static void teardown(void)
{
    ca_close(&app);
    tu_rmtree(dir);
    free(dir);
}

Test(dup, finds_by_date_of_birth_and_name_or_by_pnc, .init = setup, .fini = teardown)
{
    dup_list l;
    cl_err err = {0};
    cr_assert_eq(dup_find(&app, "LLYR", "sian", tu_date("1982-06-11"), "", &l, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(l.n, 1);
    cr_expect_str_eq(l.items[0].crn, "X100001");
    cr_expect_eq(l.items[0].why, DUP_BY_NAME);
    cr_assert_eq(dup_find(&app, "Llyr", "Sian", tu_date("1982-06-12"), "", &l, &err), CL_OK);
    cr_expect_eq(l.n, 0, "another date of birth is another person");
    cr_assert_eq(dup_find(&app, "John", "Smith", tu_date("1990-01-01"), NULL, &l, &err), CL_OK);
    /* Swapped; Joan is one letter from John on the same date of birth, so she
     * is shown too: the officer decides. */
    cr_assert_eq(l.n, 2);
    cr_expect_str_eq(l.items[0].crn, "X100002");
    cr_expect_str_eq(l.items[0].status, "closed", "closed cases are found too");
    cr_expect_str_eq(l.items[1].crn, "X100003");
    cr_assert_eq(dup_find(&app, "Smith", "Jim", tu_date("1990-01-01"), NULL, &l, &err), CL_OK);
    cr_expect_eq(l.n, 0, "Jim is neither");
    cr_assert_eq(dup_find(&app, "Someone", "Else", tu_date("2000-01-01"), "1999/42b", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1, "same PNC, any name");
    cr_expect_str_eq(l.items[0].crn, "X100004");
    cr_expect_eq(l.items[0].why, DUP_BY_PNC);
    cr_assert_eq(dup_find(&app, "Someone", "Else", tu_date("2000-01-01"), "99/42b", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1, "a two-digit year is the stored four-digit one");
    cr_expect_str_eq(l.items[0].crn, "X100004");
    cr_assert_eq(dup_find(&app, "Brown", "Alan", tu_date("1975-05-05"), "1999/0000042B", &l, &err), CL_OK);
    cr_assert_eq(l.n, 1, "one person, found both ways");
    cr_expect_eq(l.items[0].why, DUP_BY_PNC | DUP_BY_NAME);
}
