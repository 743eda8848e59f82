/* `caseload workload` output: CSV columns from one table, and a text table. */
#include "caseload/wl_out.h"

#include <string.h>

#include "caseload/csv.h"
#include "caseload/numtext.h"
#include "caseload/textwidth.h"

typedef struct wl_col {
    const char *name;
    void (*put)(char *buf, size_t len, const wl_officer *o);
} wl_col;

static double hours_used(const wl_officer *o)
{
    return wl_hours(&o->staff);
}

#define PUT(fn, fmt, expr)                                                                     \
    static void fn(char *buf, size_t len, const wl_officer *o) { snprintf(buf, len, fmt, expr); }
#define PUT_NUM(fn, expr)                                                                      \
    static void fn(char *buf, size_t len, const wl_officer *o) { num_format(expr, buf, len); }
PUT(put_officer, "%s", o->staff.code)
PUT(put_grade, "%s", o->staff.grade)
PUT_NUM(put_hours, hours_used(o))
PUT(put_cases, "%d", o->cases)
PUT(put_points, "%d", o->points)
PUT(put_percent, "%d", o->percent)
PUT(put_name, "%s", o->staff.name)
PUT(put_office, "%s", o->staff.office)
PUT(put_team, "%s", o->staff.team)
PUT_NUM(put_reduction, o->staff.reduction_hours)
PUT(put_available, "%.0f", o->available)
PUT(put_band, "%s", wl_band_word(o->band))
PUT(put_vh, "%d", o->by_rosh[ROSH_VERY_HIGH])
PUT(put_high, "%d", o->by_rosh[ROSH_HIGH])
PUT(put_medium, "%d", o->by_rosh[ROSH_MEDIUM])
PUT(put_low, "%d", o->by_rosh[ROSH_LOW])
PUT(put_unknown, "%d", o->by_rosh[ROSH_UNKNOWN])
PUT(put_reports, "%d", o->reports)
#undef PUT

static const wl_col columns[] = {
    {"officer", put_officer},       {"grade", put_grade},
    {"hours", put_hours},           {"cases", put_cases},
    {"points", put_points},         {"capacity_percent", put_percent},
    {"name", put_name},             {"office", put_office},
    {"team", put_team},             {"reduction_hours", put_reduction},
    {"available_points", put_available}, {"band", put_band},
    {"rosh_very_high", put_vh},     {"rosh_high", put_high},
    {"rosh_medium", put_medium},    {"rosh_low", put_low},
    {"rosh_unknown", put_unknown},  {"reports", put_reports},
};
#define NCOLS (sizeof columns / sizeof columns[0])

int wl_write_csv(FILE *f, const wl_list *l)
{
    csv_out w;
    csv_out_init(&w, f);
    for (size_t c = 0; c < NCOLS; c++)
        csv_put_field(&w, columns[c].name);
    csv_end_row(&w);
    for (size_t i = 0; i < l->n; i++) {
        for (size_t c = 0; c < NCOLS; c++) {
            char buf[256];
            columns[c].put(buf, sizeof buf, &l->items[i]);
            csv_put_field(&w, buf);
        }
        csv_end_row(&w);
    }
    return ferror(f) ? -1 : 0;
}

int wl_write_text(FILE *f, wl_list *l)
{
    wl_sort_by_load(l);
    fprintf(f, "%-8s %-22s %-5s %5s %5s %3s %3s %3s %3s %3s %4s %6s %9s\n", "OFFICER", "NAME",
            "GRADE", "HOURS", "CASES", "VH", "H", "M", "L", "?", "REPS", "POINTS", "CAPACITY");
    for (size_t i = 0; i < l->n; i++) {
        const wl_officer *o = &l->items[i];
        char name[128], hours[NUM_TEXT_LEN]; /* name padded by display width: Siân lines up with Sian */
        fprintf(f, "%-8s %s %-5s %5s %5d %3d %3d %3d %3d %3d %4d %6d %4d%%%s%s\n", o->staff.code,
                tw_fit(o->staff.name, 22, name, sizeof name), o->staff.grade, num_format(hours_used(o), hours, sizeof hours), o->cases, o->by_rosh[ROSH_VERY_HIGH],
                o->by_rosh[ROSH_HIGH], o->by_rosh[ROSH_MEDIUM], o->by_rosh[ROSH_LOW],
                o->by_rosh[ROSH_UNKNOWN], o->reports, o->points, o->percent, o->band ? " " : "", wl_band_word(o->band));
    }
    return ferror(f) ? -1 : 0;
}
