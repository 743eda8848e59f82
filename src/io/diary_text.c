/* The print-ready day list: 80 columns, paged, a header on every page. One
 * line per appointment; a short indented line below it only for what must
 * not be cut (flags or a location too long for their column, a
 * cancellation, a missing outcome). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/diary_out.h"
#include "caseload/grow.h"
#include "caseload/ref.h"
#include "caseload/textwidth.h"

/* Column widths: time, person, CRN, RoSH, flags, type, officer or location
 * (wide enough for "Interview room 6"; longer ones follow on their own line,
 * as long flags do). Flags as on the screen: whole labels, then "+N". */
enum { W_TIME = 5, W_NAME = 14, W_CRN = 7, W_ROSH = 9, W_FLAGS = RISK_LABELS_MIN_COLS, W_TYPE = 11, W_LAST = 16 };
_Static_assert(W_TIME + W_NAME + W_CRN + W_ROSH + W_FLAGS + W_TYPE + W_LAST + 6 == DIARY_WIDTH,
               "the day list is exactly 80 columns");
#define HEADER_LINES 4
#define DL_LINE 512

typedef struct lines {
    char **v;
    size_t n, cap;
    bool oom;
} lines;

static void add(lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(lines *l, const char *fmt, ...)
{
    if (l->oom)
        return;
    if (l->n == l->cap) {
        char **p = cl_grow(l->v, &l->cap, sizeof *p);
        if (!p) {
            l->oom = true;
            return;
        }
        l->v = p;
    }
    char buf[DL_LINE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* Trailing spaces from padding help nobody on paper. */
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ')
        buf[--n] = '\0';
    if (!(l->v[l->n] = strdup(buf)))
        l->oom = true;
    else
        l->n++;
}

static void free_lines(lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

/* Long text on indented lines of at most 80 columns, cut at "; " or spaces. */
static void add_wrapped(lines *l, const char *label, const char *text)
{
    char buf[DL_LINE];
    snprintf(buf, sizeof buf, "%s%s", label, text);
    const int indent = W_TIME + 1, room = DIARY_WIDTH - indent;
    const char *p = buf;
    while (*p) {
        if (tw_width(p) <= room) {
            add(l, "%*s%s", indent, "", p);
            return;
        }
        size_t n = tw_prefix_bytes(p, room);
        size_t sp = n, semi = n;
        while (sp > 0 && p[sp] != ' ')
            sp--;
        while (semi > 1 && !(p[semi - 1] == ';' && p[semi] == ' '))
            semi--;
        if (semi > 1)
            n = semi; /* after "; " where there is one: a part kept whole */
        else if (sp > 0)
            n = sp; /* else at a space */
        add(l, "%*s%.*s", indent, "", (int)n, p);
        p += n;
        while (*p == ' ')
            p++;
    }
}

/* As many whole words of a location as fit width, then " +" (the whole
 * text follows on its own line). */
static void first_parts(char *out, size_t len, const char *text, char sep, int width)
{
    snprintf(out, len, "%s", text);
    for (;;) {
        char *cut = strrchr(out, sep);
        if (!cut) {
            snprintf(out, len, "+");
            return;
        }
        *cut = '\0';
        if (tw_width(out) + 2 <= width) {
            strcat(out, " +");
            return;
        }
    }
}

/* The day as every diary heading names it (a bank holiday or weekend says
 * so); a day list built without a calendar names the date only. */
static char *day_heading(const sched_day *d, cl_date day, char *buf, size_t len)
{
    char ds[16];
    if (d->cal)
        return cal_day_heading(d->cal, day, buf, len);
    snprintf(buf, len, "%s", date_format_long(day, ds));
    return buf;
}

static void body(lines *l, const sched_day *d)
{
    bool days = d->to != d->from;
    cl_date cur = CL_DATE_NONE;
    for (size_t i = 0; i < d->n; i++) {
        const sched_row *r = &d->rows[i];
        const cl_appointment *a = &r->r.a;
        if (days && a->date != cur) {
            char ds[160];
            if (cur != CL_DATE_NONE)
                add(l, "%s", "");
            add(l, "%s", day_heading(d, a->date, ds, sizeof ds));
            cur = a->date;
        }
        char name[CL_NAME_LEN * 2 + 2], c_name[DL_LINE], c_rosh[64], c_flags[DL_LINE],
            c_type[64], c_last[DL_LINE], t[CL_TIME_LEN], last[CL_TEXT_LEN + CL_CODE_LEN + 2];
        snprintf(name, sizeof name, "%s %s", r->r.forenames, r->r.surname);
        const ref_contact_type *ty = ref_find_contact_type(a->type);
        if (d->scope == STORE_DIARY_OFFICE)
            snprintf(last, sizeof last, "%s %s", a->officer, r->where);
        else
            snprintf(last, sizeof last, "%s", r->where);
        bool flags_fit = tw_width(r->flags) <= W_FLAGS, last_fit = tw_width(last) <= W_LAST;
        char first[sizeof r->flags], first_last[sizeof last];
        if (!flags_fit)
            risk_flags_fit(r->flags, W_FLAGS, first, sizeof first);
        if (!last_fit && d->scope == STORE_DIARY_OFFICE)
            snprintf(first_last, sizeof first_last, "%s +", a->officer);
        else if (!last_fit)
            first_parts(first_last, sizeof first_last, last, ' ', W_LAST);
        add(l, "%s %s %s %s %s %s %s", time_format(a->start, t), tw_fit(name, W_NAME, c_name, sizeof c_name),
            a->crn, tw_fit(risk_rosh_word(r->risk.rosh), W_ROSH, c_rosh, sizeof c_rosh),
            tw_fit(flags_fit ? r->flags : first, W_FLAGS, c_flags, sizeof c_flags),
            tw_fit(ty ? ty->short_name : a->type, W_TYPE, c_type, sizeof c_type),
            tw_fit(last_fit ? last : first_last, W_LAST, c_last, sizeof c_last));
        if (!flags_fit)
            add_wrapped(l, "Flags: ", r->flags);
        if (!last_fit)
            add_wrapped(l, "Location: ", r->where);
        if (strcmp(a->status, "booked")) {
            char what[DL_LINE];
            sched_change_words(r, what, sizeof what);
            add_wrapped(l, !strcmp(a->status, "cancelled") ? "CANCELLED" : "RESCHEDULED", what);
        } else if (r->outcome_needed) {
            add(l, "%*sOUTCOME NEEDED", W_TIME + 1, "");
        } else if (r->r.outcome[0]) {
            const ref_outcome *o = ref_find_outcome(r->r.outcome);
            add(l, "%*sOutcome: %s", W_TIME + 1, "", o ? o->name : r->r.outcome);
        } else if (r->r.closed) {
            add(l, "%*s%s", W_TIME + 1, "", SCHED_CLOSED_WORDS);
        }
    }
    if (d->n == 0) {
        add(l, "%s", "");
        add(l, "No appointments.");
        return;
    }
    size_t booked = 0, cancelled = 0, moved = 0;
    for (size_t i = 0; i < d->n; i++) {
        const char *s = d->rows[i].r.a.status;
        if (!strcmp(s, "booked"))
            booked++;
        else if (!strcmp(s, "cancelled"))
            cancelled++;
        else
            moved++;
    }
    add(l, "%s", "");
    add(l, "%zu booked, %zu cancelled, %zu rescheduled.", booked, cancelled, moved);
}

/* "left ... right" across the page. */
static void header_line(FILE *f, const char *left, const char *right)
{
    int pad = DIARY_WIDTH - tw_width(left) - tw_width(right);
    fprintf(f, "%s%*s%s\n", left, pad > 1 ? pad : 1, "", right);
}

int diary_write_text(FILE *f, const sched_day *d, const cl_clock *now, cl_err *err)
{
    lines l = {0};
    body(&l, d);
    if (l.oom) {
        free_lines(&l);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    char dates[160], printed[64], a[16], b[16], t[CL_TIME_LEN];
    if (d->from == d->to)
        day_heading(d, d->from, dates, sizeof dates);
    else
        snprintf(dates, sizeof dates, "%s to %s", date_format_long(d->from, a), date_format_long(d->to, b));
    snprintf(printed, sizeof printed, "Printed %s %s", date_format_long(now->today, a), time_format(now->minutes, t));
    /* A long holiday's name leaves no room for the time printed: it goes on
     * a line of its own. */
    bool apart = tw_width(dates) + 1 + tw_width(printed) > DIARY_WIDTH;
    const size_t per_page = DIARY_PAGE_LINES - HEADER_LINES - apart;
    size_t pages = (l.n + per_page - 1) / per_page;
    if (pages == 0)
        pages = 1;
    char title[CL_NAME_LEN + 64], pg[64];
    snprintf(title, sizeof title, "%s diary: %s (%s)", d->scope == STORE_DIARY_OFFICE ? "Office" : "Officer",
             d->owner, d->code);
    char heads[DL_LINE], c1[64], c2[64], c3[64], c4[64], c5[64];
    snprintf(heads, sizeof heads, "%-5s %s %-7s %s %s %s %s", "Time", tw_fit("Person", W_NAME, c1, sizeof c1), "CRN",
             tw_fit("RoSH", W_ROSH, c2, sizeof c2), tw_fit("Flags", W_FLAGS, c3, sizeof c3),
             tw_fit("Type", W_TYPE, c4, sizeof c4),
             tw_fit(d->scope == STORE_DIARY_OFFICE ? "Officer" : "Location", W_LAST, c5, sizeof c5));
    size_t k = strlen(heads);
    while (k && heads[k - 1] == ' ')
        heads[--k] = '\0';
    for (size_t p = 0; p < pages; p++) {
        if (p > 0)
            fputc('\f', f);
        snprintf(pg, sizeof pg, "Page %zu of %zu", p + 1, pages);
        header_line(f, title, pg);
        if (apart) {
            fprintf(f, "%s\n", dates);
            header_line(f, "", printed);
        } else {
            header_line(f, dates, printed);
        }
        fprintf(f, "%s\n", heads);
        for (int i = 0; i < DIARY_WIDTH; i++)
            fputc('-', f);
        fputc('\n', f);
        for (size_t i = p * per_page; i < l.n && i < (p + 1) * per_page; i++)
            fprintf(f, "%s\n", l.v[i]);
    }
    free_lines(&l);
    if (ferror(f))
        return cl_err_set(err, CL_EIO, "cannot write the day list");
    return CL_OK;
}

char *diary_text_string(const sched_day *d, const cl_clock *now, size_t *len, cl_err *err)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f) {
        cl_err_set(err, CL_ESOFTWARE, "out of memory");
        return NULL;
    }
    int rc = diary_write_text(f, d, now, err);
    if (fclose(f) != 0 && rc == CL_OK)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK) {
        free(buf);
        return NULL;
    }
    if (len)
        *len = n;
    return buf;
}
