/* The diary: an officer's or an office's day, or week. Rows come from
 * sched_day_load (the same rows the printed list and the CSV use); risk words
 * and flags from the risk summary. The view reloads when it is marked dirty
 * (moved to another day, or after a booking, cancellation or move). */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/diary_out.h"
#include "caseload/print.h"
#include "caseload/ref.h"
#include "caseload/sched.h"
#include "caseload/textwidth.h"
#include "caseload/store_contact.h"
#include "caseload/alloc.h"
#include "tui/tui_int.h"

/* The diary's columns (DIARY_COLS below). */
enum { DC_TIME, DC_PERSON, DC_CRN, DC_ROSH, DC_FLAGS, DC_TYPE, DC_OFFICER, DC_WHERE, DC_STATUS, DC_N };

typedef struct diary_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    store_diary_scope scope;
    char code[32]; /* as cl_app.officer */
    cl_date date; /* the day shown, or a day of the week shown */
    bool week;
    bool dirty;
    sched_day day;
    char error[1024];
    size_t unallocated; /* office diary: the office's unallocated cases (issue 8) */
    tui_column cols[DC_N]; /* the columns of this view (DIARY_COLS) */
    int ids[DC_N];         /* what each shows (DC_*) */
    /* The appointment the reason is asked for: the arrows move the list
     * beneath the prompt, so the selection at Enter may be another one. */
    char cancel_id[CL_ID_LEN], cancel_crn[CL_CODE_LEN];
} diary_view;

/* The columns, written once: what each shows, and its width in the day and
 * the week view of an officer's and of an office's diary (-1: not shown; 0:
 * the flexible one). The officer has a column of its own in an office's
 * diary only; Where is always the location. Past the person's 26 columns
 * the width left goes to the flags and the location in turn, so a room name
 * shows whole on a wide terminal; the line below the list shows the selected
 * row's full flags, location and history. Flags are never narrower than the
 * widest short label and its "+N" (RISK_LABELS_MIN_COLS): the person's name
 * gives way first, as `MAPPA 2/2` cut to `MAPPA ~` would hide the level. */
typedef struct diary_col {
    const char *title, *week_title;
    int width[2][2]; /* [week][office] */
    int max;
    bool spare;
} diary_col;
static const diary_col DIARY_COLS[DC_N] = {
    [DC_TIME] = {"Time", "Day  Time", {{5, 5}, {9, 9}}, 0, false},
    [DC_PERSON] = {"Person", NULL, {{0, 0}, {0, 0}}, 26, false},
    [DC_CRN] = {"CRN", NULL, {{7, 7}, {7, 7}}, 0, false},
    [DC_ROSH] = {"RoSH", NULL, {{9, 9}, {9, 9}}, 0, false},
    [DC_FLAGS] = {"Flags", NULL, {{RISK_LABELS_MIN_COLS, RISK_LABELS_MIN_COLS}, {RISK_LABELS_MIN_COLS, RISK_LABELS_MIN_COLS}}, 48, true},
    [DC_TYPE] = {"Type", NULL, {{11, 11}, {11, 11}}, 0, false},
    [DC_OFFICER] = {"Staff", NULL, {{-1, 5}, {-1, 5}}, 0, false},
    [DC_WHERE] = {"Where", NULL, {{7, 6}, {5, 5}}, 40, true},
    [DC_STATUS] = {"Status", NULL, {{REF_OUTCOME_SHORT_MAX, REF_OUTCOME_SHORT_MAX}, {REF_OUTCOME_SHORT_MAX, REF_OUTCOME_SHORT_MAX}}, 0, false},
};

/* Narrower than this the person's name gives way no further: Where goes
 * instead (a location cut to "Inte~" says nothing, and the line below the
 * list shows the selected row's in full). At 80 columns the office's week
 * keeps 11 for the name, the other views 18 or more. */
#define DIARY_PERSON_MIN 14

/* The columns of the view as it is now (day or week, officer or office) in
 * `width` columns (0: not known yet, every column). */
static void pick_columns(diary_view *v, int width)
{
    size_t n = 0, person = 0, where = DC_N;
    int office = v->scope == STORE_DIARY_OFFICE;
    for (int i = 0; i < DC_N; i++) {
        const diary_col *d = &DIARY_COLS[i];
        int w = d->width[v->week][office];
        if (w < 0)
            continue;
        if (i == DC_PERSON)
            person = n;
        if (i == DC_WHERE)
            where = n;
        v->cols[n] = (tui_column){v->week && d->week_title ? d->week_title : d->title, w, false, d->max, d->spare};
        v->ids[n++] = i;
    }
    int w[DC_N];
    tui_columns_layout(v->cols, n, width, w);
    if (width > 0 && where < n && w[person] < DIARY_PERSON_MIN) {
        memmove(&v->cols[where], &v->cols[where + 1], (n - where - 1) * sizeof v->cols[0]);
        memmove(&v->ids[where], &v->ids[where + 1], (n - where - 1) * sizeof v->ids[0]);
        n--;
    }
    v->list.cols = v->cols;
    v->list.ncols = n;
}

static cl_date first_day(const diary_view *v) { return v->week ? sched_week_start(v->date) : v->date; }
static cl_date last_day(const diary_view *v) { return v->week ? sched_week_start(v->date) + 6 : v->date; }

/* Read again after a booking, move, cancellation or outcome (here or in
 * another program): the same appointment stays selected wherever it now
 * sits, so the next key acts on the one the officer was looking at. */
static void reload(diary_view *v, tui_ctx *c)
{
    char was[CL_ID_LEN] = "";
    if (v->list.sel < v->day.n)
        snprintf(was, sizeof was, "%s", v->day.rows[v->list.sel].r.a.id);
    sched_day_free(&v->day);
    v->error[0] = '\0';
    cl_err err = {0};
    if (sched_day_load(c->app, v->scope, v->code, first_day(v), last_day(v), &v->day, &err) != CL_OK) {
        snprintf(v->error, sizeof v->error, "%s", err.msg);
        memset(&v->day, 0, sizeof v->day);
    }
    size_t now = SIZE_MAX;
    for (size_t i = 0; was[0] && i < v->day.n && now == SIZE_MAX; i++)
        if (!strcmp(v->day.rows[i].r.a.id, was))
            now = i;
    tui_list_reselect(&v->list, v->day.n, v->list.sel, v->list.top, now);
    v->unallocated = 0;
    alloc_waiting_list u;
    if (v->scope == STORE_DIARY_OFFICE && alloc_unallocated(c->app, v->code, &u, &err) == CL_OK) {
        v->unallocated = u.n;
        alloc_waiting_list_free(&u);
    }
    v->dirty = false;
}

static const char *status_word(const sched_row *r)
{
    if (!strcmp(r->r.a.status, "cancelled"))
        return "cancelled";
    if (!strcmp(r->r.a.status, "rescheduled"))
        return "moved";
    if (r->outcome_needed)
        return "OUTCOME?";
    if (r->r.closed && !r->r.outcome[0])
        return SCHED_CLOSED_WORD;
    const ref_outcome *o = r->r.outcome[0] ? ref_find_outcome(r->r.outcome) : NULL;
    if (o)
        return o->short_name;
    return r->r.outcome[0] ? r->r.outcome : "booked";
}

/* The person's enforcement words (as the caseload list's Flags cell has
 * them), read for the whole screenful at once when the row has none yet. */
static const char *row_enforcement(diary_view *v, size_t row)
{
    if (!v->day.rows[row].enforcement) {
        cl_err err = {0};
        size_t page = v->list.page > 0 ? (size_t)v->list.page : 60;
        if (sched_day_enforcement(v->c->app, &v->day, row, page, &err) != CL_OK)
            tui_message(v->c, TM_ERROR, "%s", err.msg);
    }
    return v->day.rows[row].enforcement;
}

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    diary_view *v = arg;
    const sched_row *r = &v->day.rows[row];
    const cl_appointment *a = &r->r.a;
    bool live = !strcmp(a->status, "booked");
    char t[CL_TIME_LEN];
    switch (v->ids[col]) {
    case DC_TIME:
        if (v->week) {
            char d[16];
            date_format_long(a->date, d);
            snprintf(buf, len, "%.3s %s", d, time_format(a->start, t));
        } else {
            snprintf(buf, len, "%s", time_format(a->start, t));
        }
        break;
    case DC_PERSON: snprintf(buf, len, "%s %s", r->r.forenames, r->r.surname); break;
    case DC_CRN: snprintf(buf, len, "%s", a->crn); break;
    case DC_ROSH:
        snprintf(buf, len, "%s", risk_rosh_word(r->risk.rosh));
        *role = tui_rosh_colour(r->risk.rosh);
        break;
    case DC_FLAGS: /* never cut silently: whole labels, then "+N"; risk before enforcement */
        tui_flags_cell(r->flags, row_enforcement(v, row), r->risk.staff_banner, v->list.widths[col], buf, len, role);
        break;
    case DC_TYPE: {
        const ref_contact_type *ty = ref_find_contact_type(a->type);
        snprintf(buf, len, "%s", ty ? ty->short_name : a->type);
        break;
    }
    case DC_OFFICER: snprintf(buf, len, "%s", a->officer); break;
    case DC_WHERE: snprintf(buf, len, "%s", r->where); break;
    case DC_STATUS:
        snprintf(buf, len, "%s", status_word(r));
        if (r->outcome_needed)
            *role = TC_OVERDUE;
        break;
    default: buf[0] = '\0';
    }
    if (!live && v->ids[col] != DC_ROSH && v->ids[col] != DC_FLAGS)
        *role = TC_CLOSED;
}

static void title(tui_view *tv, tui_ctx *c, char *buf, size_t len)
{
    diary_view *v = (diary_view *)tv;
    if (v->dirty) /* the title is drawn first: load before naming the owner */
        reload(v, c);
    char a[160], whose[160], more[64] = "";
    /* The owner's name, then only the code when the title line is short:
     * the day and the unallocated count stay. */
    for (int brief = 0; brief < 2; brief++) {
        if (brief || !v->day.owner[0])
            snprintf(whose, sizeof whose, "%s", v->code);
        else
            snprintf(whose, sizeof whose, "%s (%s)", v->day.owner, v->code);
        if (v->scope == STORE_DIARY_OFFICE)
            snprintf(more, sizeof more, ", %zu unallocated (U)", v->unallocated);
        if (v->week)
            snprintf(buf, len, "diary week of %s: %s%s", date_format_long(first_day(v), a), whose, more);
        else
            /* a bank holiday or weekend says so, before the owner, so it shows at 80 columns */
            snprintf(buf, len, "diary %s: %s%s", cal_day_heading(&c->app->cal, v->date, a, sizeof a), whose, more);
        if (tw_width(buf) <= c->title_w)
            break;
    }
}

/* The line (or two) under the list: what the columns had to cut, for the
 * selected row, the person's risk first (RoSH and every flag, as everywhere
 * a person appears); in the week view, whose rows show only the weekday, the
 * day as its heading names it (a bank holiday or weekend says so). */
static void detail(diary_view *v, const cl_calendar *cal, char *buf, size_t len)
{
    buf[0] = '\0';
    if (v->list.sel >= v->day.n)
        return;
    const sched_row *r = &v->day.rows[v->list.sel];
    const cl_appointment *a = &r->r.a;
    char s[CL_TIME_LEN], e[CL_TIME_LEN], state[512], what[480];
    if (strcmp(a->status, "booked")) /* the printed list's words: where a moved one went */
        snprintf(state, sizeof state, " %s%s", a->status, sched_change_words(r, what, sizeof what));
    else if (r->outcome_needed)
        snprintf(state, sizeof state, " OUTCOME NEEDED");
    else if (r->r.outcome[0]) {
        const ref_outcome *o = ref_find_outcome(r->r.outcome);
        snprintf(state, sizeof state, " outcome: %s", o ? o->name : r->r.outcome);
    } else if (r->r.closed)
        snprintf(state, sizeof state, " %s", SCHED_CLOSED_WORDS);
    else
        state[0] = '\0';
    char day[160] = "", heading[150], flags[256];
    if (v->week)
        snprintf(day, sizeof day, "%s: ", cal_day_heading(cal, a->date, heading, sizeof heading));
    risk_flags_join(r->flags, row_enforcement(v, v->list.sel), flags, sizeof flags);
    snprintf(buf, len, "%s; flags: %s. %s%s-%s%s; officer %s; %s%s", risk_rosh_banner(r->risk.rosh),
             flags[0] ? flags : "none", day, time_format(a->start, s), a->end >= 0 ? time_format(a->end, e) : "?",
             state, a->officer, strcmp(r->where, SCHED_NO_LOCATION) ? "at " : "", r->where);
}

static void draw(tui_view *tv, tui_ctx *c, tui_rect r)
{
    diary_view *v = (diary_view *)tv;
    if (v->dirty)
        reload(v, c);
    pick_columns(v, r.w);
    /* The selected row in full under the list, on as many rows as it needs
     * (a cancellation's reason, who and when, and a long location at 80
     * columns take three), at least two: the list keeps its height as the
     * selection moves over short rows. */
    char buf[1536];
    if (v->error[0])
        snprintf(buf, sizeof buf, "%s", v->error);
    else
        detail(v, &c->app->cal, buf, sizeof buf);
    tui_list_draw_detail(&v->list, c, r, buf, tui_attr(c, v->error[0] ? TC_ERROR : TC_INFO), 2, 4);
}

static void goto_done(tui_ctx *c, void *arg, const char *text, bool accepted)
{
    diary_view *v = arg;
    if (!accepted)
        return;
    cl_date d;
    if (!cal_parse_typed(&c->app->cal, text, c->app->clock.today, &d)) {
        char why[300];
        tui_message(c, TM_ERROR, "%s", cal_typed_problem(text, why, sizeof why));
        return;
    }
    v->date = d;
    v->dirty = true;
    v->list.sel = v->list.top = 0;
}

static const sched_row *selected(diary_view *v, tui_ctx *c, bool booked_only)
{
    if (v->list.sel >= v->day.n) {
        tui_message(c, TM_WARN, "no appointment selected");
        return NULL;
    }
    const sched_row *r = &v->day.rows[v->list.sel];
    if (booked_only && strcmp(r->r.a.status, "booked")) {
        tui_message(c, TM_WARN, "this appointment is already %s", r->r.a.status);
        return NULL;
    }
    return r;
}

/* Asked before the reason or the move form: an appointment with an outcome
 * logged (or of a closed case) is refused at once, in the core's words,
 * before the officer types anything. */
static bool changeable(tui_ctx *c, const sched_row *r)
{
    cl_err err = {0};
    if (sched_appt_check_changeable(c->app, r->r.a.id, &err) == CL_OK)
        return true;
    tui_message(c, TM_WARN, "%s", err.msg);
    return false;
}

static void cancel_done(tui_ctx *c, void *arg, const char *text, bool accepted)
{
    diary_view *v = arg;
    if (!accepted) {
        tui_message(c, TM_INFO, "not cancelled");
        return;
    }
    cl_err err = {0};
    if (sched_cancel(c->app, v->cancel_id, text, &err) != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    else
        tui_message(c, TM_INFO, "cancelled: %s %s (kept in the diary with the reason)", v->cancel_crn, v->cancel_id);
    v->dirty = true;
}

static void print_day(diary_view *v, tui_ctx *c)
{
    cl_err err = {0};
    size_t len;
    char *text = diary_text_string(&v->day, &c->app->clock, &len, &err);
    if (!text) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        return;
    }
    char name[128], path[4096], iso[CL_DATE_LEN];
    snprintf(name, sizeof name, "diary-%s-%s%s.txt", v->code, date_format(first_day(v), iso), v->week ? "-week" : "");
    bool sent = false;
    int rc = print_save(name, text, len, path, sizeof path, &err);
    if (rc == CL_OK)
        rc = print_send(path, &sent, &err);
    free(text);
    if (rc != CL_OK)
        tui_message(c, TM_ERROR, "%s", err.msg);
    else
        tui_message(c, TM_INFO, "day list %s; saved to %s", sent ? "sent to the printer" : "not printed (no lpr)", path);
}

static tui_result action(tui_view *tv, tui_ctx *c, tui_action a)
{
    diary_view *v = (diary_view *)tv;
    int step = v->week ? 7 : 1;
    switch (a) {
    case TA_DIARY_PREV_DAY: v->date -= step; break;
    case TA_DIARY_NEXT_DAY: v->date += step; break;
    case TA_DIARY_PREV_WEEK: v->date -= 7; break;
    case TA_DIARY_NEXT_WEEK: v->date += 7; break;
    case TA_DIARY_TODAY: v->date = c->app->clock.today; break;
    case TA_DIARY_GOTO:
        tui_prompt_start(c, "Go to date: ", "", NULL, goto_done, v);
        return TR_NONE;
    case TA_DIARY_WEEK: v->week = !v->week; break;
    case TA_DIARY_SCOPE:
        if (v->scope == STORE_DIARY_OFFICER) {
            cl_err err = {0};
            char office[CL_CODE_LEN];
            if (sched_officer_office(c->app, v->code, office, sizeof office, &err) != CL_OK) {
                tui_message(c, TM_ERROR, "%s", err.msg);
                return TR_NONE;
            }
            v->scope = STORE_DIARY_OFFICE;
            snprintf(v->code, sizeof v->code, "%s", office);
        } else if (c->app->officer[0]) {
            v->scope = STORE_DIARY_OFFICER;
            snprintf(v->code, sizeof v->code, "%s", c->app->officer);
        } else {
            tui_message(c, TM_WARN, "no officer: start caseload with --officer CODE");
            return TR_NONE;
        }
        v->list.sel = v->list.top = 0;
        break;
    case TA_DIARY_BOOK:
        tui_push(c, tui_book_new(c, "", v->date, &v->dirty));
        return TR_NONE;
    case TA_DIARY_CANCEL: {
        const sched_row *r = selected(v, c, true);
        if (r && changeable(c, r)) {
            char label[128], t[CL_TIME_LEN];
            snprintf(v->cancel_id, sizeof v->cancel_id, "%s", r->r.a.id);
            snprintf(v->cancel_crn, sizeof v->cancel_crn, "%s", r->r.a.crn);
            snprintf(label, sizeof label, "Cancel %s %s: reason: ", r->r.a.crn, time_format(r->r.a.start, t));
            tui_prompt_text(c, label, cancel_done, v);
        }
        return TR_NONE;
    }
    case TA_DIARY_MOVE: {
        const sched_row *r = selected(v, c, true);
        if (r && changeable(c, r))
            tui_push(c, tui_move_new(c, r->r.a.id, &v->dirty));
        return TR_NONE;
    }
    case TA_DIARY_PRINT: print_day(v, c); return TR_NONE;
    case TA_DIARY_LOG: {
        /* The outcome of the selected appointment; once it has one, a correction
         * of it (a withdrawn outcome is none: a new one is logged). */
        const sched_row *r = selected(v, c, true);
        if (!r)
            return TR_NONE;
        cl_contact prev;
        bool found = false;
        cl_err err = {0};
        if (store_appt_outcome_contact(c->app->store, r->r.a.id, &prev, &found, &err) != CL_OK) {
            tui_message(c, TM_ERROR, "%s", err.msg);
            return TR_NONE;
        }
        v->dirty = true;
        if (found) {
            tui_push(c, tui_log_new(c, r->r.a.crn, NULL, prev.id));
            cl_contact_clear(&prev);
        } else {
            tui_push(c, tui_log_new(c, r->r.a.crn, r->r.a.id, NULL));
        }
        return TR_NONE;
    }
    case TA_DIARY_RELOAD: break;
    case TA_OPEN: {
        const sched_row *r = selected(v, c, false);
        if (!r)
            return TR_NONE;
        tui_push(c, tui_record_new(c, r->r.a.crn));
        return TR_NONE;
    }
    default:
        if (tui_list_action(&v->list, a))
            return TR_NONE;
        return TR_UNHANDLED;
    }
    v->dirty = true;
    return TR_NONE;
}

static void destroy(tui_view *tv)
{
    diary_view *v = (diary_view *)tv;
    sched_day_free(&v->day);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"diary", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_diary_new(tui_ctx *c, int scope, const char *code, cl_date date)
{
    char office[CL_CODE_LEN] = "";
    if (scope < 0) { /* the current officer's own diary */
        if (!c->app->officer[0]) {
            tui_message(c, TM_WARN, "no officer: start caseload with --officer CODE to open your diary");
            return NULL;
        }
        scope = STORE_DIARY_OFFICER;
        code = c->app->officer;
    } else if (scope == STORE_DIARY_OFFICE && !code) { /* the current officer's office */
        cl_err err = {0};
        if (sched_officer_office(c->app, c->app->officer, office, sizeof office, &err) != CL_OK) {
            tui_message(c, TM_ERROR, "%s", err.msg);
            return NULL;
        }
        code = office;
    }
    diary_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->c = c;
    v->scope = (store_diary_scope)scope;
    snprintf(v->code, sizeof v->code, "%s", code);
    v->date = date;
    v->dirty = true;
    v->list = (tui_list){.cell = cell, .arg = v, .empty = "(no appointments)"};
    pick_columns(v, 0);
    return &v->view;
}
