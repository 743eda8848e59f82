/* The diary as CSV: the documented columns first, rows in time order, LF line
 * endings, RFC 4180 quoting only where needed. */
#include <stdio.h>
#include <string.h>

#include "caseload/csv.h"
#include "caseload/diary_out.h"

const char *const DIARY_CSV_COLUMNS[] = {
    "date", "start", "end", "crn", "name", "officer", "type", "location", "rosh", "flags", "status",
    "id", "office", "outcome", "outcome_needed", "reason", "changed_by", "changed_at", "replaced_by",
};
const size_t DIARY_CSV_COLUMNS_N = sizeof DIARY_CSV_COLUMNS / sizeof DIARY_CSV_COLUMNS[0];

int diary_write_csv(FILE *f, const sched_day *d, cl_err *err)
{
    csv_out w;
    csv_out_init(&w, f);
    for (size_t i = 0; i < DIARY_CSV_COLUMNS_N; i++)
        csv_put_field(&w, DIARY_CSV_COLUMNS[i]);
    csv_end_row(&w);
    for (size_t i = 0; i < d->n; i++) {
        const sched_row *r = &d->rows[i];
        const cl_appointment *a = &r->r.a;
        char date[CL_DATE_LEN], s[CL_TIME_LEN], e[CL_TIME_LEN], name[CL_NAME_LEN * 2 + 2];
        snprintf(name, sizeof name, "%s %s", r->r.forenames, r->r.surname);
        if (a->end >= 0)
            time_format(a->end, e);
        else
            e[0] = '\0';
        const char *v[] = {
            date_format(a->date, date), time_format(a->start, s), e, a->crn, name, a->officer, a->type,
            a->location, risk_rosh_word(r->risk.rosh), r->flags, a->status, a->id, a->office,
            r->r.outcome, r->outcome_needed ? "yes" : "no", a->reason, a->changed_by, a->changed_at,
            a->replaced_by,
        };
        _Static_assert(sizeof v / sizeof v[0] == sizeof DIARY_CSV_COLUMNS / sizeof DIARY_CSV_COLUMNS[0],
                       "one value per column");
        for (size_t k = 0; k < DIARY_CSV_COLUMNS_N; k++)
            csv_put_field(&w, v[k]);
        csv_end_row(&w);
    }
    if (ferror(f))
        return cl_err_set(err, CL_EIO, "cannot write the diary");
    return CL_OK;
}
