/* The booking form (from the diary or a record) and the move form. Both go
 * through the booking rules: a refusal stops the save with its reason; the
 * first save with warnings or with repeats moved off a weekend or bank
 * holiday shows them all, in the words `caseload book` prints (a weekend or
 * bank holiday date is changed to the next business day on offer), and
 * saving the same values again books. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/enforce.h"
#include "caseload/ref.h"
#include "caseload/sched.h"
#include "caseload/store_write.h"
#include "tui/tui_int.h"

enum { F_CRN, F_DATE, F_TIME, F_LENGTH, F_TYPE, F_OFFICER, F_LOCATION, F_NOTES, F_REPEAT, F_TIMES, F_N };
enum { M_DATE, M_TIME, M_REASON, M_N };

/* The person a form writes to, shown with their risk above its fields: read
 * again when the CRN typed or the data changes. */
typedef struct book_person {
    char crn[CL_CODE_LEN]; /* as read for: "" before the first read */
    unsigned long gen;     /* store_generation when read */
    bool read, found;
    char name[CL_NAME_LEN * 2];
    risk_summary risk;
    const char *enforcement; /* enf_person.words (static) */
} book_person;

typedef struct book_state {
    bool *dirty;
    book_person who;
    char id[CL_ID_LEN];   /* the appointment being moved; "" when booking */
    char confirmed[2048]; /* the values whose warnings were shown */
    char seen[16384];     /* the warnings and moves shown for them */
    char type_hint[512];  /* the Type field's: every type's word (sched_type_words) */
} book_state;

static bool v_date(const char *value, char *msg, size_t len, void *arg)
{
    (void)arg;
    /* Checked fully at save (it needs the calendar); here only not empty. */
    if (!*value)
        snprintf(msg, len, "date: type 2026-12-03, 03/12, tue, +3 or t");
    return *value != 0;
}

static bool v_time(const char *value, char *msg, size_t len, void *arg)
{
    (void)arg;
    int m;
    if (time_parse(value, &m))
        return true;
    snprintf(msg, len, "time: HH:MM, e.g. 09:30");
    return false;
}

static bool v_length(const char *value, char *msg, size_t len, void *arg)
{
    (void)arg;
    for (const char *p = value; *p; p++)
        if (!isdigit((unsigned char)*p)) {
            snprintf(msg, len, "length: minutes, e.g. 45 (empty: the type's usual length)");
            return false;
        }
    return true;
}

static bool v_type(const char *value, char *msg, size_t len, void *arg)
{
    (void)arg;
    const char *code;
    cl_err why = {0};
    if (!*value || sched_type_resolve(value, &code, &why) == CL_OK)
        return true;
    snprintf(msg, len, "type: %s", why.msg);
    return false;
}

static bool v_repeat(const char *value, char *msg, size_t len, void *arg)
{
    (void)arg;
    if (!*value || !strcmp(value, "none") || !strcmp(value, "weekly") || !strcmp(value, "fortnightly"))
        return true;
    snprintf(msg, len, "repeat: weekly, fortnightly or empty");
    return false;
}

static void fingerprint(tui_form *f, size_t n, char *out, size_t len)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && o < len; i++) {
        int k = snprintf(out + o, len - o, "%s\x1f", tui_form_value(f, i));
        if (k < 0)
            break;
        o += (size_t)k;
    }
}

/* The findings shown before a booking: warnings and moves, in the core's
 * words (sched_plan_lines, as `caseload book` prints them), one to a line. */
typedef struct shown {
    char *text;
    size_t len, o;
    size_t warnings, moved;
    const sched_finding *skip; /* said in the first line already */
} shown;

static void on_line(void *arg, const sched_finding *f, const char *line)
{
    shown *w = arg;
    if ((f && f->level == SCHED_REFUSE) || (f && f == w->skip))
        return;
    if (!f || f->level == SCHED_WARN)
        w->warnings++;
    else
        w->moved++;
    if (w->o < w->len)
        w->o += (size_t)snprintf(w->text + w->o, w->len - w->o, "\n%s", line);
}

/* The lines of p that need a look before booking ("" when none). */
static void plan_lines(const sched_plan *p, const sched_finding *skip, shown *w, char *text, size_t len)
{
    *w = (shown){text, len, 0, 0, 0, skip};
    text[0] = '\0';
    sched_plan_lines(p, on_line, w);
}

/* Every warning and every move, one to a line (the form wraps them over the
 * rows below its fields and pages them when they do not fit), with the date
 * on offer first when the day is not a business day. Returns the field to
 * focus; lines (the text shown, without the offer) is kept to know, at the
 * next save, whether the officer has seen it all. */
static int explain(const sched_plan *p, const cl_calendar *cal, tui_form *f, int date_field, char *msg,
                   size_t len, char *lines, size_t lines_len)
{
    const sched_finding *first = NULL;
    for (size_t i = 0; i < p->nfindings && !first; i++)
        if (p->findings[i].level == SCHED_WARN)
            first = &p->findings[i];
    int focus = first && (first->rule == SR_OUTSIDE_HOURS || first->rule == SR_PAST) ? date_field + 1 : date_field;
    const sched_finding *skip = NULL;
    size_t o = 0;
    if (first && first->rule == SR_NOT_BUSINESS_DAY && first->date == p->req.date && first->suggest != CL_DATE_NONE)
        skip = first;
    shown w;
    plan_lines(p, skip, &w, lines, lines_len);
    if (skip) {
        /* The offer first, so that it is the first line read. */
        char iso[CL_DATE_LEN], to[16], why[400];
        tui_form_set(f, (size_t)date_field, date_format(skip->suggest, iso));
        o = (size_t)snprintf(msg, len, "Not a business day: date moved to %s; save to book (%s)",
                             date_format_long(skip->suggest, to),
                             cal_passed_over_words(cal, skip->date, skip->suggest, why, sizeof why));
        if (w.warnings + w.moved > 0 && o < len)
            o += (size_t)snprintf(msg + o, len - o, "; other warnings:");
        focus = date_field;
    } else if (w.warnings > 0 && w.moved > 0) {
        o = (size_t)snprintf(msg, len, "%zu warning%s and %zu appointment%s moved: save again to book anyway.",
                             w.warnings, w.warnings == 1 ? "" : "s", w.moved, w.moved == 1 ? "" : "s");
    } else if (w.warnings > 1) {
        o = (size_t)snprintf(msg, len, "%zu warnings: save again to book anyway.", w.warnings);
    } else if (w.warnings == 1) {
        o = (size_t)snprintf(msg, len, "Save again to book anyway.");
    } else {
        o = (size_t)snprintf(msg, len, "%zu appointment%s moved off a weekend or bank holiday: save again to book.",
                             w.moved, w.moved == 1 ? "" : "s");
    }
    if (o < len)
        snprintf(msg + o, len - o, "%s", lines);
    return focus;
}

/* Whether the officer has seen every warning and move of p for these
 * values: the same values saved again after the same lines were shown (a
 * date changed on offer shows the new date's lines first). */
static bool seen_all(const sched_plan *p, const book_state *st, const char *fp)
{
    char now[sizeof st->seen];
    shown w;
    plan_lines(p, NULL, &w, now, sizeof now);
    if (!now[0])
        return true;
    return !strcmp(fp, st->confirmed) && !strcmp(now, st->seen);
}

/* The CRN typed in the booking form, upper-cased. */
static char *typed_crn(tui_form *f, char *buf, size_t len)
{
    snprintf(buf, len, "%s", tui_form_value(f, F_CRN));
    for (char *p = buf; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return buf;
}

static void person_read(tui_ctx *c, book_person *p, const char *crn)
{
    unsigned long gen = store_generation(c->app->store);
    if (p->read && p->gen == gen && !strcmp(p->crn, crn))
        return;
    p->read = true;
    p->gen = gen;
    p->found = false;
    snprintf(p->crn, sizeof p->crn, "%s", crn);
    cl_offender o;
    cl_err err = {0};
    if (!crn[0] || store_get_offender(c->app->store, crn, &o, &err) != CL_OK)
        return;
    cl_offender_name(&o, p->name, sizeof p->name);
    p->found = risk_summary_load(c->app->store, crn, c->app->clock.today, &p->risk, &err) == CL_OK;
    enf_person ep;
    p->enforcement = enf_load(c->app->store, &c->app->cal, crn, c->app->clock.today, &ep, &err) == CL_OK ? ep.words : "";
}

/* The person above the fields, with their risk (the banner's compact form). */
static void person_head(tui_ctx *c, book_person *p, int y, int x, int w)
{
    char msg[96];
    if (p->found) {
        tui_person_line(c, y, x, w, p->name, p->crn, &p->risk, p->enforcement);
        return;
    }
    if (ref_valid_crn(p->crn))
        snprintf(msg, sizeof msg, "no person with CRN %s", p->crn);
    else
        snprintf(msg, sizeof msg, "the person and their risk show here once the CRN is typed");
    tui_put(y, x, w, tui_attr(c, TC_WARN), msg);
}

static void book_head(tui_ctx *c, tui_form *f, void *arg, int y, int x, int w)
{
    book_state *st = arg;
    char crn[CL_CODE_LEN];
    person_read(c, &st->who, typed_crn(f, crn, sizeof crn));
    person_head(c, &st->who, y, x, w);
}

static void move_head(tui_ctx *c, tui_form *f, void *arg, int y, int x, int w)
{
    (void)f;
    book_state *st = arg;
    char crn[CL_CODE_LEN];
    snprintf(crn, sizeof crn, "%s", st->who.crn); /* the appointment's person, read at open */
    person_read(c, &st->who, crn);
    person_head(c, &st->who, y, x, w);
}

static int book_save(tui_ctx *c, tui_form *f, void *arg, char *msg, size_t len)
{
    book_state *st = arg;
    sched_request q;
    memset(&q, 0, sizeof q);
    q.until = CL_DATE_NONE;
    typed_crn(f, q.crn, sizeof q.crn);
    if (!ref_valid_crn(q.crn)) {
        snprintf(msg, len, "CRN: one letter and six digits, e.g. X123456");
        return F_CRN;
    }
    if (!cal_parse_typed(&c->app->cal, tui_form_value(f, F_DATE), c->app->clock.today, &q.date)) {
        char why[300];
        snprintf(msg, len, "date: %s", cal_typed_problem(tui_form_value(f, F_DATE), why, sizeof why));
        return F_DATE;
    }
    time_parse(tui_form_value(f, F_TIME), &q.start);
    q.minutes = atoi(tui_form_value(f, F_LENGTH));
    const char *type = sched_type_lookup(tui_form_value(f, F_TYPE));
    snprintf(q.type, sizeof q.type, "%s", type ? type : "");
    snprintf(q.officer, sizeof q.officer, "%s", tui_form_value(f, F_OFFICER));
    case_code_normalise(q.officer); /* cd2 is CD2, as on the command line */
    snprintf(q.location, sizeof q.location, "%s", tui_form_value(f, F_LOCATION));
    q.notes = tui_form_value(f, F_NOTES);
    const char *rep = tui_form_value(f, F_REPEAT), *times = tui_form_value(f, F_TIMES);
    q.repeat = !strcmp(rep, "weekly") ? SCHED_WEEKLY : !strcmp(rep, "fortnightly") ? SCHED_FORTNIGHTLY : SCHED_ONCE;
    if (q.repeat != SCHED_ONCE) {
        char *end;
        long n = strtol(times, &end, 10);
        if (*times && !*end && n > 0 && n <= SCHED_MAX_OCCURRENCES)
            q.count = (int)n;
        else if (!cal_parse_typed(&c->app->cal, times, c->app->clock.today, &q.until)) {
            char why[300];
            if (strpbrk(times, "/-")) /* meant as a date: say what is wrong with it */
                snprintf(msg, len, "until: %s", cal_typed_problem(times, why, sizeof why));
            else
                snprintf(msg, len, "how many times (e.g. 6), or until which date");
            return F_TIMES;
        }
    }
    sched_plan *p = calloc(1, sizeof *p);
    char (*ids)[CL_ID_LEN] = calloc(SCHED_MAX_OCCURRENCES, CL_ID_LEN);
    if (!p || !ids) {
        free(p);
        free(ids);
        snprintf(msg, len, "out of memory");
        return F_CRN;
    }
    cl_err err = {0};
    int focus = -1;
    char fp[sizeof st->confirmed];
    fingerprint(f, F_N, fp, sizeof fp);
    if (sched_check(c->app, &q, p, &err) != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        focus = strstr(err.msg, "officer") ? F_OFFICER : strstr(err.msg, "repeat") ? F_TIMES : F_CRN;
    } else if (p->refused) {
        for (size_t i = 0; i < p->nfindings; i++)
            if (p->findings[i].level == SCHED_REFUSE) {
                snprintf(msg, len, "%s", p->findings[i].msg);
                break;
            }
        focus = F_CRN;
    } else if (!seen_all(p, st, fp)) {
        focus = explain(p, &c->app->cal, f, F_DATE, msg, len, st->seen, sizeof st->seen);
        fingerprint(f, F_N, st->confirmed, sizeof st->confirmed); /* as now shown */
    } else if (sched_book(c->app, p, true, ids, &err) != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        focus = F_CRN;
    } else {
        char d[16], t[CL_TIME_LEN], moved[1024];
        const ref_contact_type *ty = ref_find_contact_type(p->req.type);
        sched_moves_summary(p, moved, sizeof moved);
        if (p->n == 1)
            snprintf(msg, len, "booked: %s %s %s %s with %s", p->req.crn, date_format_long(p->occ[0].date, d),
                     time_format(p->req.start, t), ty ? ty->name : p->req.type, p->req.officer);
        else
            snprintf(msg, len, "booked %zu appointments for %s from %s at %s%s%s", p->n, p->req.crn,
                     date_format_long(p->occ[0].date, d), time_format(p->req.start, t), moved[0] ? "; " : "",
                     moved);
        if (st->dirty)
            *st->dirty = true;
    }
    free(p);
    free(ids);
    return focus;
}

static void free_state(void *arg) { free(arg); }

static tui_field field(const char *label, int width, const char *value, const char *hint,
                       bool (*validate)(const char *, char *, size_t, void *))
{
    tui_field fd;
    memset(&fd, 0, sizeof fd);
    fd.label = label;
    fd.width = width;
    tui_text_set(&fd.text, value);
    fd.hint = hint;
    fd.validate = validate;
    return fd;
}

tui_view *tui_book_new(tui_ctx *c, const char *crn, cl_date date, bool *dirty)
{
    (void)c;
    book_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->dirty = dirty;
    char iso[CL_DATE_LEN];
    tui_field fields[F_N] = {
        /* the longest reference whole, and a column for the cursor after it */
        field("CRN", REF_KEY_MAX_CHARS + 1, crn, "the person's CRN, e.g. X123456", NULL),
        field("Date", 12, date_format(date, iso), "2026-12-03, 03/12/2026, 03/12, tue, +3 (business days) or t", v_date),
        field("Start time", 6, "", "HH:MM", v_time),
        field("Length (minutes)", 5, "", "empty: the usual length for the type", v_length),
        field("Type", 24, "", sched_type_words(st->type_hint, sizeof st->type_hint, false), v_type),
        field("Officer", 8, "", "empty: the person's officer", NULL),
        field("Location or room", 30, "", "empty: the office for an office visit or first appointment; elsewhere, say where", NULL),
        field("Notes", 0, "", NULL, NULL),
        field("Repeat", 12, "", "empty (once), weekly or fortnightly", v_repeat),
        field("Times, or until", 12, "", "with a repeat: how many (e.g. 6) or the last date", NULL),
    };
    tui_view *f = tui_form_new("book an appointment", fields, F_N, book_save, st);
    if (!f) {
        free(st);
        return NULL;
    }
    tui_form_own_arg(f, free_state);
    tui_form_set_head(f, book_head);
    return f;
}

static int move_save(tui_ctx *c, tui_form *f, void *arg, char *msg, size_t len)
{
    book_state *st = arg;
    sched_request q;
    memset(&q, 0, sizeof q);
    q.until = CL_DATE_NONE;
    if (!cal_parse_typed(&c->app->cal, tui_form_value(f, M_DATE), c->app->clock.today, &q.date)) {
        char why[300];
        snprintf(msg, len, "date: %s", cal_typed_problem(tui_form_value(f, M_DATE), why, sizeof why));
        return M_DATE;
    }
    time_parse(tui_form_value(f, M_TIME), &q.start);
    const char *reason = tui_form_value(f, M_REASON);
    if (!*reason) {
        snprintf(msg, len, "reason: say why the appointment is moved");
        return M_REASON;
    }
    sched_plan *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(msg, len, "out of memory");
        return M_DATE;
    }
    cl_err err = {0};
    int focus = -1;
    char fp[sizeof st->confirmed], new_id[CL_ID_LEN];
    fingerprint(f, M_N, fp, sizeof fp);
    if (sched_check_reschedule(c->app, st->id, &q, p, &err) != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        focus = M_DATE;
    } else if (p->refused) {
        for (size_t i = 0; i < p->nfindings; i++)
            if (p->findings[i].level == SCHED_REFUSE)
                snprintf(msg, len, "%s", p->findings[i].msg);
        focus = M_DATE;
    } else if (!seen_all(p, st, fp)) {
        focus = explain(p, &c->app->cal, f, M_DATE, msg, len, st->seen, sizeof st->seen);
        fingerprint(f, M_N, st->confirmed, sizeof st->confirmed);
    } else if (sched_reschedule(c->app, st->id, p, reason, true, new_id, &err) != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        focus = M_DATE;
    } else {
        char to[64];
        snprintf(msg, len, "%s (the old appointment stays, marked moved)",
                 sched_moved_to_words(p->occ[0].date, p->req.start, to, sizeof to));
        if (st->dirty)
            *st->dirty = true;
    }
    free(p);
    return focus;
}

tui_view *tui_move_new(tui_ctx *c, const char *id, bool *dirty)
{
    book_state *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->dirty = dirty;
    snprintf(st->id, sizeof st->id, "%s", id);
    char title[96], iso[CL_DATE_LEN], t[CL_TIME_LEN] = "";
    cl_appointment a;
    cl_err err = {0};
    cl_date date = c->app->clock.today;
    if (store_get_appointment(c->app->store, id, &a, &err) == CL_OK) {
        date = a.date;
        time_format(a.start, t);
        snprintf(st->who.crn, sizeof st->who.crn, "%s", a.crn);
        cl_appointment_clear(&a);
    }
    snprintf(title, sizeof title, "move appointment %s", id);
    tui_field fields[M_N] = {
        field("New date", 12, date_format(date, iso), "2026-12-03, 03/12/2026, 03/12, tue, +3 (business days) or t", v_date),
        field("New start time", 6, t, "HH:MM", v_time),
        field("Reason", 0, "", "why it is moved (kept with the old appointment)", NULL),
    };
    tui_view *f = tui_form_new(title, fields, M_N, move_save, st);
    if (!f) {
        free(st);
        return NULL;
    }
    tui_form_own_arg(f, free_state);
    tui_form_set_head(f, move_head);
    return f;
}
