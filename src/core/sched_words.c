/* The booking rules' findings in the words the officer reads: one line for
 * each, a warning that is the same on every date of a repeat said once. The
 * command line and the booking form both print these lines. */
#include <stdio.h>
#include <string.h>

#include "caseload/sched.h"

void sched_plan_lines(const sched_plan *p, sched_line_fn fn, void *arg)
{
    for (size_t i = 0; i < p->nfindings; i++) {
        const sched_finding *f = &p->findings[i];
        if (!SCHED_RULES[f->rule].once || p->n < 2) {
            fn(arg, f, f->msg);
            continue;
        }
        char line[sizeof f->msg + 96], d[16];
        if (f->count >= p->n)
            snprintf(line, sizeof line, "%s (all %zu appointments)", f->msg, p->n);
        else
            snprintf(line, sizeof line, "%s (%zu of the %zu appointments, from %s)", f->msg, f->count, p->n,
                     date_format_long(f->date, d));
        fn(arg, f, line);
    }
    if (p->more) {
        char line[64];
        snprintf(line, sizeof line, "%zu more warnings not shown", p->more);
        fn(arg, NULL, line);
    }
}

char *sched_moves_summary(const sched_plan *p, char *buf, size_t len)
{
    size_t moved = 0, n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < p->n; i++)
        moved += p->occ[i].holiday[0] != 0;
    if (!moved)
        return buf;
    n = (size_t)snprintf(buf, len, "%zu moved:", moved);
    const char *sep = " ";
    for (size_t i = 0; i < p->n && n < len; i++) {
        const sched_occurrence *o = &p->occ[i];
        if (!o->holiday[0])
            continue;
        char a[16], b[16];
        n += (size_t)snprintf(buf + n, len - n, "%s%s (%s) to %s", sep, date_format_long(o->planned, a), o->holiday,
                              date_format_long(o->date, b));
        sep = ", ";
    }
    return buf;
}

char *sched_changed_words(const cl_appointment *a, char *buf, size_t len)
{
    const char *by = a->changed_by, *at = a->changed_at;
    if (by[0] && at[0])
        snprintf(buf, len, "by %s, %s", by, at);
    else if (by[0])
        snprintf(buf, len, "by %s, when not recorded", by);
    else if (at[0])
        snprintf(buf, len, "%s, who not recorded", at);
    else
        snprintf(buf, len, "who and when not recorded");
    return buf;
}

char *sched_moved_to_words(cl_date date, int start, char *buf, size_t len)
{
    char d[16], t[CL_TIME_LEN];
    snprintf(buf, len, "moved to %s %s", date_format_long(date, d), time_format(start, t));
    return buf;
}

char *sched_change_words(const sched_row *r, char *buf, size_t len)
{
    const cl_appointment *a = &r->r.a;
    char who[128], to[64] = "";
    if (a->replaced_by[0] && r->moved_date != CL_DATE_NONE)
        sched_moved_to_words(r->moved_date, r->moved_start, to, sizeof to);
    snprintf(buf, len, "%s%s (%s)%s%s", a->reason[0] ? ": " : "", a->reason, sched_changed_words(a, who, sizeof who),
             to[0] ? "; " : "", to);
    return buf;
}
