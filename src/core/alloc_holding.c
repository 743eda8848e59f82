/* A case held against the grade rules (a PSO holding a Very High RoSH case
 * after a registration or an import): judged by the one table, for the due
 * list's reallocation item and register's warning. */
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/store_alloc.h"
#include "caseload/store_write.h"

bool alloc_grade_limited(const alloc_rule *r)
{
    return r && r->holds_cases && !r->name_only &&
           (r->max_rosh < ROSH_VERY_HIGH || r->max_mappa_level < 3 || !r->sex_offender || r->best_tier > 'A');
}

static int grade_breaches(const char *grade, const char *tier, const risk_reg_row *rows, size_t n, cl_date today,
                          alloc_case *c)
{
    risk_summary s;
    risk_summary_build(&s, rows, n, today);
    alloc_case_from_risk(c, &s, tier, NULL);
    return alloc_check(c, grade, NULL) & ALLOC_GRADE_RULES;
}

int alloc_held_breaches(const char *grade, const char *tier, const risk_reg_row *rows, size_t n, cl_date today,
                        alloc_case *c, cl_date *since)
{
    *since = CL_DATE_NONE;
    alloc_case one;
    int b = grade_breaches(grade, tier, rows, n, today, c);
    if (!b || grade_breaches(grade, tier, NULL, 0, today, &one))
        return b; /* the tier alone breaks one: from the holding's start */
    for (size_t i = 0; i < n; i++)
        if (grade_breaches(grade, NULL, &rows[i], 1, today, &one) & b &&
            (*since == CL_DATE_NONE || rows[i].start < *since))
            *since = rows[i].start;
    return b;
}

char *alloc_reallocation_words(int breaches, const char *grade, const alloc_case *c, char *buf, size_t len)
{
    char why[512];
    alloc_explain(breaches & ALLOC_GRADE_RULES, grade, c, why, sizeof why);
    snprintf(buf, len, "reallocation needed: %s", why);
    return buf;
}

int alloc_held_words(cl_store *st, const cl_staff *s, const char *crn, const char *tier, const char *office,
                     cl_date today, bool stored, char *buf, size_t len, cl_err *err)
{
    buf[0] = '\0';
    if (!alloc_grade_limited(alloc_rule_for(s->grade)))
        return 0;
    risk_summary r;
    if (!stored)
        risk_summary_build(&r, NULL, 0, today);
    else if (risk_summary_load(st, crn, today, &r, err) != CL_OK)
        return -1;
    alloc_case c;
    alloc_case_from_risk(&c, &r, tier, office);
    int b = alloc_check(&c, s->grade, NULL) & ALLOC_GRADE_RULES;
    bool override = false;
    if (b && stored && store_alloc_holding_override(st, crn, s->code, office, &override, err) != CL_OK)
        return -1;
    if (!b || override)
        return 0; /* a manager's decision, recorded: the due list's rule too */
    char why[512];
    alloc_explain(b, s->grade, &c, why, sizeof why);
    snprintf(buf, len, "%s is held by %s (%s) against the allocation rules: %s; reallocate it, or record an"
                       " override: caseload allocate %s %s --override REASON", crn, s->code, s->grade, why, crn, s->code);
    return b;
}

int alloc_holding_words(cl_app *app, const char *crn, char *buf, size_t len, cl_err *err)
{
    buf[0] = '\0';
    store_alloc_offender o;
    if (store_alloc_offender_get(app->store, crn, &o, err) != CL_OK)
        return -1;
    if (!o.officer[0] || strcmp(o.status, "active"))
        return 0;
    cl_staff s;
    if (store_get_staff(app->store, o.officer, &s, err) != CL_OK)
        return -1;
    return alloc_held_words(app->store, &s, crn, o.tier, o.office, app->clock.today, true, buf, len, err);
}
