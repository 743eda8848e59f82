/* The one table of ranges (limits.h): requirement lengths by type and unit,
 * staff hours; the words the intake and the import give. */
#include <criterion/criterion.h>
#include <string.h>

#include "caseload/limits.h"

static void length_refused(const char *type, const char *unit, double v, const char *want)
{
    char msg[200] = "";
    cr_expect_not(limit_req_length_ok(type, unit, v, msg, sizeof msg), "%s %g %s", type, v, unit);
    cr_expect_str_eq(msg, want);
}

Test(limits, unpaid_work_is_40_to_300_hours)
{
    char msg[200];
    cr_expect(limit_req_length_ok("W", "hours", 40, msg, sizeof msg));
    cr_expect(limit_req_length_ok("W", "hours", 300, msg, sizeof msg));
    cr_expect(limit_req_length_ok("W", "hours", 62.5, msg, sizeof msg));
    length_refused("W", "hours", 5000, "5000 hours is outside 40-300 for unpaid work");
    length_refused("W", "hours", 0, "0 hours is outside 40-300 for unpaid work");
    length_refused("W", "hours", 39.5, "39.5 hours is outside 40-300 for unpaid work");
    length_refused("W", "hours", 300.5, "300.5 hours is outside 40-300 for unpaid work");
    length_refused("W", "days", 60, "unpaid work is counted in hours, not days");
}

Test(limits, each_type_has_its_unit_and_range)
{
    char msg[200];
    cr_expect_str_eq(limit_req_unit("W"), "hours");
    cr_expect_str_eq(limit_req_unit("F"), "days");
    cr_expect_str_eq(limit_req_unit("RM38"), "sessions");
    cr_expect_str_eq(limit_req_unit("M"), "months");
    cr_expect_str_eq(limit_req_unit("P"), "months");
    length_refused("F", "days", 0, "0 days is outside 1-1095 for RAR");
    length_refused("T", "days", 121, "121 days is outside 1-120 for alcohol abstinence");
    length_refused("M", "months", 25, "25 months is outside 1-24 for curfew");
    length_refused("N", "hours", 40, "40 hours is outside 12-36 for attendance centre");
    /* A type with no row of its own takes the unit's bounds, with its own name. */
    cr_expect(limit_req_length_ok("P", "months", 12, msg, sizeof msg));
    cr_expect(limit_req_length_ok("P", "days", 90, msg, sizeof msg));
    length_refused("P", "months", 37, "37 months is outside 1-36 for mental health treatment");
    length_refused("H", "months", 0, "0 months is outside 1-36 for alcohol treatment");
    cr_expect_null(limit_req_range("F", "hours"));
    cr_expect_not_null(limit_req_range("3", "days"));
}

Test(limits, staff_hours_are_over_0_and_at_most_48)
{
    const char *field = NULL;
    char msg[200] = "";
    cr_expect(limit_staff_hours_ok(37, 0, &field, msg, sizeof msg));
    cr_expect(limit_staff_hours_ok(48, 48, &field, msg, sizeof msg));
    cr_expect(limit_staff_hours_ok(-1, -1, &field, msg, sizeof msg), "not given: full time");
    cr_expect(limit_staff_hours_ok(22.5, 7.5, &field, msg, sizeof msg));
    cr_expect_not(limit_staff_hours_ok(1e9, 0, &field, msg, sizeof msg));
    cr_expect_str_eq(field, "hours");
    cr_expect_str_eq(msg, "1000000000 hours a week is outside 0-48 (more than 0, at most 48)");
    cr_expect_not(limit_staff_hours_ok(0, 0, &field, msg, sizeof msg));
    cr_expect_not(limit_staff_hours_ok(48.5, 0, &field, msg, sizeof msg));
    cr_expect_not(limit_staff_hours_ok(30, 31, &field, msg, sizeof msg));
    cr_expect_str_eq(field, "reduction_hours");
    cr_expect_str_eq(msg, "31 hours is outside 0-30 (at most the 30 contracted hours)");
    cr_expect_not(limit_staff_hours_ok(-1, 40, &field, msg, sizeof msg), "more than a full time 37");
}
