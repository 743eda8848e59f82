/* The ranges of the numbers people give caseload, in one table: a
 * requirement's length by type and unit (DOMAIN.md section 2), contracted and
 * reduction hours of staff. The court intake form, the import and `check`
 * read them from here, with the same words. */
#ifndef CASELOAD_LIMITS_H
#define CASELOAD_LIMITS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct limit_range {
    const char *type; /* requirement type code; NULL: any type without a row of its own */
    const char *unit; /* hours days months sessions */
    double min, max;  /* both included */
    const char *name; /* "unpaid work", for messages; NULL: the type's own name */
} limit_range;

/* The range of a requirement of type counted in unit; NULL when the type has
 * its own unit and unit is not it (unit_msg then says which). */
const limit_range *limit_req_range(const char *type, const char *unit);
/* The unit a requirement type is counted in (W hours, F days, RM38 sessions,
 * otherwise months): what the court intake stores. */
const char *limit_req_unit(const char *type);
/* Whether length fits; if not, msg (no field name) is "5000 hours is outside
 * 40-300 for unpaid work" or "unpaid work is counted in hours, not days". */
bool limit_req_length_ok(const char *type, const char *unit, double length, char *msg, size_t len);

/* Staff: contracted hours a week (0 < hours <= LIMIT_STAFF_MAX_HOURS) and the
 * hours taken off caseload capacity (0 <= reduction <= hours). A negative
 * value is "not given" (hours: full time; reduction: 0). On a refusal *field
 * is "hours" or "reduction_hours" and msg says the range. */
#define LIMIT_STAFF_MAX_HOURS 48.0 /* the Working Time Regulations' weekly limit */
bool limit_staff_hours_ok(double hours, double reduction, const char **field, char *msg, size_t len);

#endif
