/* The ranges of lengths and hours (include/caseload/limits.h). */
#include "caseload/limits.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "caseload/numtext.h"
#include "caseload/ref.h"
#include "caseload/workload.h"

/* A type with rows is counted only in their units; the rows with no type are
 * the bounds for any other type: an order runs at most 3 years. */
static const limit_range ranges[] = {
    {"W", "hours", 40, 300, "unpaid work"},       /* DOMAIN.md 2; Sentencing Code Sch 9 para 2 */
    {"N", "hours", 12, 36, "attendance centre"},  /* Sentencing Code Sch 9 para 21 */
    {"F", "days", 1, 1095, "RAR"},                /* no statutory maximum: the order's 3 years */
    {"T", "days", 1, 120, "alcohol abstinence"},  /* Sentencing Code Sch 9 para 25: 120 days */
    {"M", "months", 1, 24, "curfew"},             /* Sentencing Code Sch 9 para 9: 2 years */
    {"RM49", "months", 1, 24, "curfew"},          /* the same curfew, with a tag */
    {"X", "months", 1, 24, "exclusion"},          /* Sentencing Code Sch 9 para 11: 2 years */
    {"RM38", "sessions", 1, 156, "programme"},    /* a weekly session for 3 years */
    {NULL, "hours", 1, 300, NULL},
    {NULL, "days", 1, 1095, NULL},
    {NULL, "months", 1, 36, NULL},
    {NULL, "sessions", 1, 156, NULL},
};
enum { NRANGES = sizeof ranges / sizeof ranges[0] };

static bool has_rows(const char *type)
{
    for (size_t i = 0; type && i < NRANGES; i++)
        if (ranges[i].type && !strcmp(ranges[i].type, type))
            return true;
    return false;
}

const limit_range *limit_req_range(const char *type, const char *unit)
{
    bool own = has_rows(type);
    for (size_t i = 0; unit && i < NRANGES; i++)
        if ((own ? ranges[i].type && !strcmp(ranges[i].type, type) : !ranges[i].type) &&
            !strcmp(ranges[i].unit, unit))
            return &ranges[i];
    return NULL;
}

const char *limit_req_unit(const char *type)
{
    for (size_t i = 0; type && i < NRANGES; i++)
        if (ranges[i].type && !strcmp(ranges[i].type, type))
            return ranges[i].unit;
    return "months";
}

/* "unpaid work", or the type's own name with a small first letter. */
static const char *req_name(const limit_range *r, const char *type, char *buf, size_t len)
{
    if (r && r->name)
        return r->name;
    const char *name = ref_name(&REF_REQUIREMENT_TYPES, type);
    snprintf(buf, len, "%s", name ? name : type ? type : "the requirement");
    if (name && buf[0] && isupper((unsigned char)buf[0]) && !(buf[1] && isupper((unsigned char)buf[1])))
        buf[0] = (char)tolower((unsigned char)buf[0]);
    return buf;
}

bool limit_req_length_ok(const char *type, const char *unit, double length, char *msg, size_t len)
{
    const limit_range *r = limit_req_range(type, unit);
    char name[64], a[NUM_TEXT_LEN], b[NUM_TEXT_LEN], v[NUM_TEXT_LEN];
    if (!r) {
        const limit_range *own = limit_req_range(type, limit_req_unit(type));
        snprintf(msg, len, "%s is counted in %s, not %s", req_name(own, type, name, sizeof name),
                 limit_req_unit(type), unit && unit[0] ? unit : "no unit");
        return false;
    }
    if (length >= r->min && length <= r->max)
        return true;
    snprintf(msg, len, "%s %s is outside %s-%s for %s", num_format(length, v, sizeof v), r->unit,
             num_format(r->min, a, sizeof a), num_format(r->max, b, sizeof b), req_name(r, type, name, sizeof name));
    return false;
}

bool limit_staff_hours_ok(double hours, double reduction, const char **field, char *msg, size_t len)
{
    char a[NUM_TEXT_LEN], b[NUM_TEXT_LEN];
    if (hours >= 0 && (hours == 0 || hours > LIMIT_STAFF_MAX_HOURS)) {
        *field = "hours";
        num_format(LIMIT_STAFF_MAX_HOURS, b, sizeof b);
        snprintf(msg, len, "%s hours a week is outside 0-%s (more than 0, at most %s)", num_format(hours, a, sizeof a), b, b);
        return false;
    }
    double full = hours >= 0 ? hours : WL_FULL_TIME_HOURS;
    if (reduction > full) {
        *field = "reduction_hours";
        num_format(full, b, sizeof b);
        snprintf(msg, len, "%s hours is outside 0-%s (at most the %s contracted hours)",
                 num_format(reduction, a, sizeof a), b, b);
        return false;
    }
    return true;
}
