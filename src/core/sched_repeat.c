/* Repeating appointments: weekly or fortnightly, for N occurrences or until a
 * date; an occurrence on a weekend or bank holiday moves to the next
 * business day. */
#include <stdio.h>
#include <string.h>

#include "caseload/sched.h"

int sched_expand(const cl_calendar *cal, cl_date first, sched_repeat repeat, int count, cl_date until,
                 sched_occurrence *occ, size_t max, size_t *n, cl_err *err)
{
    *n = 0;
    if (first == CL_DATE_NONE)
        return cl_err_set(err, CL_EUSAGE, "date: no date given");
    if (repeat == SCHED_ONCE) {
        occ[0] = (sched_occurrence){.date = first, .planned = first};
        *n = 1;
        return CL_OK;
    }
    if (count <= 0 && until == CL_DATE_NONE)
        return cl_err_set(err, CL_EUSAGE, "repeat: give a number of occurrences (--count N) or a last date (--until D)");
    if (count > 0 && until != CL_DATE_NONE)
        return cl_err_set(err, CL_EUSAGE, "repeat: give either --count or --until, not both");
    if (until != CL_DATE_NONE && until < first)
        return cl_err_set(err, CL_EUSAGE, "repeat: the last date is before the first");
    int step = repeat == SCHED_WEEKLY ? 7 : 14;
    size_t want = count > 0 ? (size_t)count : (size_t)((until - first) / step + 1);
    if (want > max)
        return cl_err_set(err, CL_EUSAGE, "repeat: at most %zu occurrences at once (asked for %zu)", max, want);
    for (size_t i = 0; i < want; i++) {
        cl_date planned = first + (cl_date)i * step;
        sched_occurrence *o = &occ[i];
        memset(o, 0, sizeof *o);
        o->planned = o->date = planned;
        /* The first date is the officer's own choice: the rules warn about it
         * instead of moving it silently. */
        if (i > 0 && !cal_is_business_day(cal, planned)) {
            o->date = cal_next_business_day_from(cal, planned);
            snprintf(o->holiday, sizeof o->holiday, "%s", cal_closed_why(cal, planned));
        }
    }
    *n = want;
    return CL_OK;
}

cl_date sched_week_start(cl_date d) { return d - date_weekday(d); }
