/* The one table of who may hold what, and checking a case against it. */
#include "caseload/alloc.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "caseload/store_alloc.h"

/* DOMAIN.md section 6: a PSO or PQiP does not hold High or Very High RoSH,
 * MAPPA level 2 or 3, registered sex offender or Tier A/B cases. An SPO may
 * hold anything but holds it in name only. Administrators hold no cases. */
const alloc_rule ALLOC_RULES[] = {
    /* grade  holds  name_only  max RoSH        MAPPA  ARSO   tier */
    {"PO",    true,  false, ROSH_VERY_HIGH, 3, true,  'A'},
    {"NQO",   true,  false, ROSH_VERY_HIGH, 3, true,  'A'},
    {"PQiP",  true,  false, ROSH_MEDIUM,    1, false, 'C'},
    {"PSO",   true,  false, ROSH_MEDIUM,    1, false, 'C'},
    {"SPO",   true,  true,  ROSH_VERY_HIGH, 3, true,  'A'},
    {"ADMIN", false, false, ROSH_UNKNOWN,   0, false, 'D'},
};
const size_t ALLOC_RULES_N = sizeof ALLOC_RULES / sizeof ALLOC_RULES[0];

static const ref_code reasons[] = {
    {"caseload", "Caseload adjustment"}, {"risk", "Change in tier or risk"},
    {"address", "Change of address"},    {"left", "Officer left"},
    {"staff", "Risk to staff"},          {"transfer-in", "Transfer in"},
    {"other", "Other"},
};
const ref_set ALLOC_REASONS = {"reallocation reason", reasons, sizeof reasons / sizeof reasons[0]};

const alloc_rule *alloc_rule_for(const char *grade)
{
    for (size_t i = 0; grade && i < ALLOC_RULES_N; i++)
        if (!strcasecmp(grade, ALLOC_RULES[i].grade))
            return &ALLOC_RULES[i];
    return NULL;
}

void alloc_case_from_risk(alloc_case *c, const risk_summary *r, const char *tier, const char *office)
{
    memset(c, 0, sizeof *c);
    c->rosh = r->rosh;
    for (size_t i = 0; i < r->nflags; i++) {
        const risk_flag *f = &r->flags[i];
        if (!strcmp(f->type->code, "MAPP")) {
            int lvl = f->level[0] == 'M' && f->level[1] >= '1' && f->level[1] <= '3' ? f->level[1] - '0' : 1;
            if (lvl > c->mappa_level)
                c->mappa_level = lvl;
        } else if (!strcmp(f->type->code, "ARSO"))
            c->sex_offender = true;
    }
    snprintf(c->tier, sizeof c->tier, "%s", tier ? tier : "");
    snprintf(c->office, sizeof c->office, "%s", office ? office : "");
}

int alloc_holder_check(const char *grade, const char *officer_office, const char *case_office)
{
    const alloc_rule *r = alloc_rule_for(grade);
    if (!r)
        return ALLOC_UNKNOWN_GRADE;
    if (!r->holds_cases)
        return ALLOC_NO_CASELOAD;
    if (case_office && case_office[0] && officer_office && officer_office[0] && strcmp(case_office, officer_office))
        return ALLOC_OFFICE;
    return ALLOC_OK;
}

int alloc_check(const alloc_case *c, const char *grade, const char *officer_office)
{
    int b = alloc_holder_check(grade, officer_office, c->office);
    if (b & (ALLOC_UNKNOWN_GRADE | ALLOC_NO_CASELOAD))
        return b;
    const alloc_rule *r = alloc_rule_for(grade);
    if (c->rosh > r->max_rosh)
        b |= ALLOC_ROSH;
    if (c->mappa_level > r->max_mappa_level)
        b |= ALLOC_MAPPA;
    if (c->sex_offender && !r->sex_offender)
        b |= ALLOC_SEX_OFFENDER;
    if (c->tier[0] >= 'A' && c->tier[0] <= 'D' && c->tier[0] < r->best_tier)
        b |= ALLOC_TIER;
    return b;
}

char *alloc_explain(int b, const char *grade, const alloc_case *c, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
#define ADD(...)                                                                               \
    do {                                                                                       \
        if (used < len) {                                                                      \
            int w_ = snprintf(buf + used, len - used, "%s", used ? "; " : "");               \
            if (w_ > 0)                                                                        \
                used += (size_t)w_;                                                            \
        }                                                                                      \
        if (used < len) {                                                                      \
            int w_ = snprintf(buf + used, len - used, __VA_ARGS__);                            \
            if (w_ > 0)                                                                        \
                used += (size_t)w_;                                                            \
        }                                                                                      \
    } while (0)
    const char *g = grade && *grade ? grade : "?";
    if (b & ALLOC_UNKNOWN_GRADE)
        ADD("grade '%s' is not a known grade", g);
    if (b & ALLOC_NO_CASELOAD)
        ADD("an %s holds no caseload", g);
    if (b & ALLOC_ROSH)
        ADD("a %s may not hold %s", g, risk_rosh_banner(c->rosh));
    if (b & ALLOC_MAPPA)
        ADD("a %s may not hold MAPPA level %d", g, c->mappa_level);
    if (b & ALLOC_SEX_OFFENDER)
        ADD("a %s may not hold a REGISTERED SEX OFFENDER", g);
    if (b & ALLOC_TIER)
        ADD("a %s may not hold tier %c cases", g, c->tier[0]);
    if (b & ALLOC_OFFICE)
        ADD("the officer works in another office than the case (%s): transfer it instead", c->office);
#undef ADD
    if (used >= len && len > 4)
        memcpy(buf + len - 4, "...", 4);
    return buf;
}

int alloc_case_load(cl_app *app, const char *crn, alloc_case *out, cl_err *err)
{
    store_alloc_offender o;
    int rc = store_alloc_offender_get(app->store, crn, &o, err);
    if (rc != CL_OK)
        return rc;
    risk_summary r;
    if ((rc = risk_summary_load(app->store, crn, app->clock.today, &r, err)) != CL_OK)
        return rc;
    alloc_case_from_risk(out, &r, o.tier, o.office);
    return CL_OK;
}

char *alloc_breach_words(const char *crn, const cl_staff *s, int breaches, const alloc_case *c, char *buf,
                         size_t len)
{
    char why[512];
    alloc_explain(breaches, s->grade, c, why, sizeof why);
    if (breaches & (ALLOC_NO_CASELOAD | ALLOC_UNKNOWN_GRADE))
        snprintf(buf, len, "%s cannot go to %s: %s", crn, s->code, why);
    else
        snprintf(buf, len, "%s cannot go to %s (%s) without an override: %s", crn, s->code, s->grade, why);
    return buf;
}

int alloc_holder_words(const char *crn, const cl_staff *s, const char *case_office, char *buf, size_t len)
{
    buf[0] = '\0';
    int b = alloc_holder_check(s->grade, s->office, case_office);
    if (b == ALLOC_OK)
        return b;
    alloc_case c;
    memset(&c, 0, sizeof c);
    snprintf(c.office, sizeof c.office, "%s", case_office ? case_office : "");
    alloc_breach_words(crn, s, b, &c, buf, len);
    return b;
}

int alloc_rules_words(cl_app *app, const char *const *crns, size_t ncrns, const char *officer,
                      bool office_rule, char *buf, size_t len, size_t *n, cl_err *err)
{
    *n = 0;
    buf[0] = '\0';
    cl_staff s;
    int rc = alloc_staff_get(app, officer, &s, err);
    if (rc != CL_OK)
        return rc;
    size_t used = 0;
    for (size_t i = 0; i < ncrns; i++) {
        alloc_case c;
        if ((rc = alloc_case_load(app, crns[i], &c, err)) != CL_OK)
            return rc;
        int b = alloc_check(&c, s.grade, office_rule ? s.office : NULL);
        if (b == ALLOC_OK)
            continue;
        char line[768];
        alloc_breach_words(crns[i], &s, b, &c, line, sizeof line);
        (*n)++;
        /* Room for "\n..." is kept, so a cut list says so. */
        if (used + strlen(line) + 6 < len)
            used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? "\n" : "", line);
        else if (used + 5 <= len && (used < 3 || strcmp(buf + used - 3, "...")))
            used += (size_t)snprintf(buf + used, len - used, "%s...", used ? "\n" : "");
    }
    return CL_OK;
}

typedef struct holders_ctx {
    store_report_fn report;
    void *arg;
    int problems;
} holders_ctx;

static void on_holder(void *arg, const char *crn, const char *office, const cl_staff *s, bool override)
{
    holders_ctx *h = arg;
    int b = alloc_holder_check(s->grade, s->office, office);
    if (override)
        b &= ~ALLOC_OFFICE; /* allowed, and recorded, by allocate */
    if (b == ALLOC_OK)
        return;
    alloc_case c;
    memset(&c, 0, sizeof c);
    snprintf(c.office, sizeof c.office, "%s", office);
    char why[512], line[768];
    alloc_explain(b, s->grade, &c, why, sizeof why);
    snprintf(line, sizeof line, "offender %s: held by %s (%s, office %s)%s against the allocation rules: %s", crn,
             s->code, s->grade, s->office, b & ALLOC_OFFICE ? " with no override recorded," : "", why);
    h->report(h->arg, line);
    h->problems++;
}

int alloc_check_holders(cl_store *st, store_report_fn report, void *arg, cl_err *err)
{
    /* The grades that hold cases, from the one table. */
    char grades[256] = "[";
    for (size_t i = 0; i < ALLOC_RULES_N; i++)
        if (ALLOC_RULES[i].holds_cases) {
            size_t used = strlen(grades);
            snprintf(grades + used, sizeof grades - used, "%s\"%s\"", used > 1 ? "," : "", ALLOC_RULES[i].grade);
        }
    strncat(grades, "]", sizeof grades - strlen(grades) - 1);
    holders_ctx h = {report, arg, 0};
    int rc = store_alloc_holders_each(st, grades, on_holder, &h, err);
    return rc == CL_OK ? h.problems : -1;
}
