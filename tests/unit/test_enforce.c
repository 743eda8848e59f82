/* The enforcement rules (CONVENTIONS.md "Enforcement"), on rows built by hand.
 * Expected due dates are written out from the published calendar. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/enforce.h"
#include "testutil.h"

static cl_calendar cal;
static void setup(void)
{
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
}
static void teardown(void) { cal_free(&cal); }
TestSuite(enforce, .init = setup, .fini = teardown);

#define MAXR 16
static enf_row rows[MAXR];
static size_t nrows;

static void reset(void) { nrows = 0; }
/* A row on order `order` at date (time 10:00), with outcome and action. */
static void row(const char *order, const char *date, const char *outcome, const char *action)
{
    cr_assert_lt(nrows, MAXR);
    rows[nrows] = (enf_row){"", order, tu_date(date), 600, (long long)nrows + 1, outcome, action, CL_DATE_NONE};
    static char ids[MAXR][8];
    snprintf(ids[nrows], sizeof ids[nrows], "K%zu", nrows + 1);
    rows[nrows].id = ids[nrows];
    nrows++;
}

static enf_person run_on(cl_date today, const enf_order_type *types, size_t ntypes)
{
    enf_person p;
    enf_compute(&p, rows, nrows, types, ntypes, &cal, today);
    return p;
}
static enf_person run(void) { return run_on(tu_date("2027-12-31"), NULL, 0); }

Test(enforce, no_rows_no_state)
{
    reset();
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_NONE);
    cr_assert_str_empty(p.words);
    cr_assert_eq(p.due, CL_DATE_NONE);
}

Test(enforce, first_failure_means_warning_due_in_5_business_days)
{
    reset();
    row("O1", "2026-03-02", "ATTC", NULL);
    row("O1", "2026-03-04", "UAAB", NULL); /* Wednesday */
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_str_eq(p.words, "WARNING DUE");
    cr_assert_eq(p.due, tu_date("2026-03-11"));
    cr_assert_str_eq(p.orders[0].failure_id, "K2");
    cr_assert_str_eq(enf_due_kind(p.level), "warning-due");
}

Test(enforce, every_enforceable_outcome_is_a_failure)
{
    const char *codes[] = {"AFTC", "ATSH", "UAAB"};
    for (size_t i = 0; i < 3; i++) {
        reset();
        row("O1", "2026-03-04", codes[i], NULL);
        cr_assert_eq(run().level, ENF_LEVEL_WARNING, "%s", codes[i]);
    }
}

Test(enforce, acceptable_absences_never_count)
{
    const char *codes[] = {"AACL", "AAEM", "AAFC", "AAHO", "AAME", "AARE", "AAAA", "RSOF", "RSSR", "ATSS", "ATTC", "APPK"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        reset();
        row("O1", "2026-01-05", NULL, "EA02");
        row("O1", "2026-03-04", codes[i], NULL);
        row("O1", "2026-03-05", codes[i], NULL);
        cr_assert_eq(run().level, ENF_LEVEL_NONE, "%s", codes[i]);
    }
}

Test(enforce, failed_to_attend_evidence_awaited_is_not_yet_a_failure)
{
    reset();
    row("O1", "2026-03-04", "AFTA", NULL);
    cr_assert_eq(run().level, ENF_LEVEL_NONE);
    cr_assert(enf_is_pending("AFTA"));
    cr_assert_not(enf_is_failure("AFTA"));
}

Test(enforce, warning_letter_clears_warning_due)
{
    reset();
    row("O1", "2026-03-04", "UAAB", NULL);
    row("O1", "2026-03-06", NULL, "EA02");
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_NONE);
    cr_assert_eq(p.orders[0].last_warning, tu_date("2026-03-06"));
}

Test(enforce, warning_on_the_failure_contact_itself_clears_it)
{
    reset();
    row("O1", "2026-03-04", "UAAB", "EA02");
    cr_assert_eq(run().level, ENF_LEVEL_NONE);
}

Test(enforce, second_warning_code_and_breach_codes_from_the_table)
{
    cr_assert(enf_is_warning("EA02"));
    cr_assert(enf_is_warning("EA03"));
    cr_assert(enf_is_breach_action("EA08"));
    cr_assert(enf_is_breach_action("BRE01"));
    cr_assert(enf_is_breach_action("IBR"));
    cr_assert(enf_is_nfa("NFA"));
    cr_assert_not(enf_is_warning("EA12"));
    cr_assert_not(enf_is_breach_action("EA12"));
}

Test(enforce, failure_within_12_months_after_warning_means_breach_due)
{
    reset();
    row("O1", "2026-03-04", "UAAB", NULL);
    row("O1", "2026-03-05", NULL, "EA02");
    row("O1", "2026-09-01", "AFTC", NULL); /* Tuesday */
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_BREACH);
    cr_assert_str_eq(p.words, "BREACH DUE");
    cr_assert_eq(p.due, tu_date("2026-09-15")); /* 10 business days */
    cr_assert_str_eq(enf_due_kind(p.level), "breach-due");
}

Test(enforce, window_edge_exactly_12_months_is_inside)
{
    reset();
    row("O1", "2026-03-05", NULL, "EA02");
    row("O1", "2027-03-05", "UAAB", NULL);
    cr_assert_eq(run().level, ENF_LEVEL_BREACH);
}

Test(enforce, window_edge_one_day_after_12_months_is_outside)
{
    reset();
    row("O1", "2026-03-05", NULL, "EA02");
    row("O1", "2027-03-06", "UAAB", NULL);
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_eq(p.due, tu_date("2027-03-12")); /* Saturday 6 March + 5 business days */
}

Test(enforce, window_from_29_february_clamps_to_28_february)
{
    reset();
    row("O1", "2028-02-29", NULL, "EA02");
    row("O1", "2029-02-28", "UAAB", NULL);
    cr_assert_eq(run_on(tu_date("2029-12-31"), NULL, 0).level, ENF_LEVEL_BREACH);
    reset();
    row("O1", "2028-02-29", NULL, "EA02");
    row("O1", "2029-03-01", "UAAB", NULL);
    cr_assert_eq(run_on(tu_date("2029-12-31"), NULL, 0).level, ENF_LEVEL_WARNING);
}

Test(enforce, warning_after_a_breach_level_failure_does_not_clear_it)
{
    reset();
    row("O1", "2026-03-05", NULL, "EA02");
    row("O1", "2026-06-01", "UAAB", NULL);
    row("O1", "2026-06-03", NULL, "EA03");
    cr_assert_eq(run().level, ENF_LEVEL_BREACH);
}

Test(enforce, breach_action_clears_and_counting_restarts)
{
    const char *codes[] = {"BRE01", "IBR", "EA08"};
    for (size_t i = 0; i < 3; i++) {
        reset();
        row("O1", "2026-03-05", NULL, "EA02");
        row("O1", "2026-06-01", "UAAB", NULL);
        row("O1", "2026-06-02", NULL, codes[i]);
        cr_assert_eq(run().level, ENF_LEVEL_NONE, "%s clears", codes[i]);
        /* The earlier warning no longer counts: a new failure needs a warning. */
        row("O1", "2026-07-01", "AFTC", NULL);
        cr_assert_eq(run().level, ENF_LEVEL_WARNING, "%s restarts", codes[i]);
    }
}

Test(enforce, nfa_closes_a_failure_but_keeps_the_warning_window)
{
    reset();
    row("O1", "2026-03-04", "UAAB", NULL);
    row("O1", "2026-03-05", NULL, "NFA");
    cr_assert_eq(run().level, ENF_LEVEL_NONE);
    reset();
    row("O1", "2026-03-05", NULL, "EA02");
    row("O1", "2026-04-01", "UAAB", NULL);
    row("O1", "2026-04-02", NULL, "NFA");
    cr_assert_eq(run().level, ENF_LEVEL_NONE);
    row("O1", "2026-05-01", "UAAB", NULL);
    cr_assert_eq(run().level, ENF_LEVEL_BREACH);
}

Test(enforce, action_before_failure_on_same_day_orders_by_time)
{
    reset();
    row("O1", "2026-03-04", "UAAB", NULL);
    row("O1", "2026-03-04", NULL, "EA02");
    rows[0].time = 900; /* the failure came later in the day than a warning letter */
    rows[1].time = 600;
    cr_assert_eq(run().level, ENF_LEVEL_BREACH);
    rows[0].time = 600; /* the letter came after the failure: it is the warning for it */
    rows[1].time = 900;
    cr_assert_eq(run().level, ENF_LEVEL_NONE);
}

Test(enforce, counted_per_order)
{
    reset();
    row("O1", "2026-03-05", NULL, "EA02");
    row("O2", "2026-04-01", "UAAB", NULL);
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_WARNING, "a warning on another order does not count");
    cr_assert_str_eq(p.orders[0].order_id, "O2");
    row("O1", "2026-04-02", "UAAB", NULL);
    p = run();
    cr_assert_eq(p.level, ENF_LEVEL_BREACH);
    cr_assert_str_eq(p.orders[0].order_id, "O1");
    cr_assert_eq(p.orders[1].level, ENF_LEVEL_WARNING);
}

Test(enforce, licence_says_recall_review_due_and_lists_as_breach_due)
{
    reset();
    row("L1", "2026-03-05", NULL, "EA02");
    row("L1", "2026-04-01", "UAAB", NULL);
    enf_order_type types[] = {{"L1", "LIC"}};
    enf_person p = run_on(tu_date("2026-04-02"), types, 1);
    cr_assert_eq(p.level, ENF_LEVEL_BREACH);
    cr_assert_str_eq(p.words, "RECALL REVIEW DUE");
    cr_assert_str_eq(p.orders[0].order_type, "LIC");
    cr_assert_str_eq(enf_due_kind(p.level), "breach-due");
    cr_assert_str_eq(enf_words(ENF_LEVEL_BREACH, "CO"), "BREACH DUE");
}

Test(enforce, due_date_skips_christmas_and_new_year)
{
    reset();
    row("O1", "2026-12-24", "UAAB", NULL);
    /* 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan are bank holidays. */
    cr_assert_eq(run().due, tu_date("2027-01-05"));
}

Test(enforce, earliest_open_failure_sets_the_due_date)
{
    reset();
    row("O1", "2026-03-02", "UAAB", NULL);
    row("O1", "2026-03-04", "UAAB", NULL);
    enf_person p = run();
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_eq(p.due, tu_date("2026-03-09"));
    cr_assert_str_eq(p.orders[0].failure_id, "K1");
    cr_assert_eq(run_on(tu_date("2026-03-10"), NULL, 0).orders[0].failures_12m, 2);
}

Test(enforce, rule_table_holds_the_conventions)
{
    cr_assert_eq(ENF_RULES[ENF_LEVEL_WARNING].due_business_days, 5);
    cr_assert_eq(ENF_RULES[ENF_LEVEL_BREACH].due_business_days, 10);
    cr_assert_eq(ENF_WINDOW_MONTHS, 12);
}

/* EA12 (decision pending the person's response): the failures before it wait
 * until its respond-by date instead of going overdue; once that passes they
 * are overdue again; a date earlier than the rule's due date changes nothing;
 * a failure after the EA12 keeps its own date; a warning still clears. */
Test(enforce, ea12_moves_the_decision_to_the_respond_by_date)
{
    reset();
    row("O1", "2026-11-20", "UAAB", NULL); /* Friday: warning due Fri 27 Nov */
    row("O1", "2026-11-25", NULL, "EA12");
    rows[nrows - 1].respond_by = tu_date("2026-12-02");
    enf_person p = run_on(tu_date("2026-11-30"), NULL, 0);
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_eq(p.due, tu_date("2026-12-02"), "due on the respond-by date, not overdue since 27 November");
    cr_assert_eq(p.orders[0].respond_by, tu_date("2026-12-02"));
    /* A later failure is not covered by the EA12 before it. */
    row("O1", "2026-11-30", "UAAB", NULL);
    p = run_on(tu_date("2026-11-30"), NULL, 0);
    cr_assert_eq(p.due, tu_date("2026-12-02"), "the earliest due of the open failures");
    reset();
    row("O1", "2026-12-09", "UAAB", NULL); /* Wednesday: due Wed 16 Dec */
    row("O1", "2026-12-09", NULL, "EA12");
    rows[nrows - 1].respond_by = tu_date("2026-12-10");
    p = run_on(tu_date("2026-12-09"), NULL, 0);
    cr_assert_eq(p.due, tu_date("2026-12-16"), "EA12 never brings a decision forward");
    row("O1", "2026-12-10", NULL, "EA02");
    p = run_on(tu_date("2026-12-10"), NULL, 0);
    cr_assert_eq(p.level, ENF_LEVEL_NONE, "the warning given after the response clears it");
}

/* An EA12 logged after the decision was already overdue moves nothing: the
 * item stays overdue (due 27 November), with the response awaited by its
 * date; so does a second EA12 logged after the first one's date passed. */
Test(enforce, a_late_ea12_leaves_an_overdue_decision_overdue)
{
    reset();
    row("O1", "2026-11-20", "UAAB", NULL); /* Friday: warning due Fri 27 Nov */
    row("O1", "2026-12-08", NULL, "EA12");
    rows[nrows - 1].respond_by = tu_date("2026-12-15");
    enf_person p = run_on(tu_date("2026-12-08"), NULL, 0);
    cr_assert_eq(p.level, ENF_LEVEL_WARNING);
    cr_assert_eq(p.due, tu_date("2026-11-27"), "still overdue since 27 November");
    cr_assert_eq(p.orders[0].respond_by, tu_date("2026-12-15"), "the response is still awaited");
    reset();
    row("O1", "2026-11-20", "UAAB", NULL);
    row("O1", "2026-11-25", NULL, "EA12"); /* in time: due 2 December */
    rows[nrows - 1].respond_by = tu_date("2026-12-02");
    row("O1", "2026-12-04", NULL, "EA12"); /* after 2 December: late */
    rows[nrows - 1].respond_by = tu_date("2026-12-11");
    p = run_on(tu_date("2026-12-04"), NULL, 0);
    cr_assert_eq(p.due, tu_date("2026-12-02"));
    cr_assert_eq(p.orders[0].respond_by, tu_date("2026-12-11"));
}

Test(enforce, respond_by_limit_is_in_the_rule_table)
{
    cr_assert_eq(ENF_RESPOND_BY_MAX_WORKING_DAYS, 10);
}

Test(enforce, ea12_is_the_pending_action_of_the_table)
{
    cr_assert(enf_is_pending_action("EA12"));
    cr_assert_not(enf_is_pending_action("EA02"));
    cr_assert_not(enf_is_warning("EA12"));
    cr_assert_not(enf_is_nfa("EA12"));
}
