/* The log-contact form's fields: what each shows (the order with its state,
 * "now" only for today), which show for this contact (respond-by for EA12,
 * end for an appointment type), and how Enter changes each: a picker of
 * codes or orders, a date or time prompt, or a toggle said aloud. */
#include <stdio.h>
#include <string.h>

#include "caseload/enforce.h"
#include "caseload/orders.h"
#include "caseload/ref.h"
#include "tui/log_int.h"

static const char *const LABELS[F_N] = {"Type", "Outcome", "Action", "Respond by", "Order", "Date",
                                        "Time", "End", "RAR", "Sensitive", "Note"};

const char *log_field_label(int f) { return f >= 0 && f < F_N ? LABELS[f] : ""; }

bool log_field_shown(const log_view *v, int f)
{
    if (f == F_RESPOND)
        return enf_is_pending_action(v->k.enforcement) || v->k.respond_by != CL_DATE_NONE;
    if (f == F_END) {
        const ref_contact_type *t = ref_find_contact_type(v->k.type);
        return (t && t->appointment) || v->k.end >= 0;
    }
    return true;
}

int log_field_step(const log_view *v, int f, int dir)
{
    for (int i = 0; i < F_N; i++) {
        f = (f + dir + F_N) % F_N;
        if (log_field_shown(v, f))
            break;
    }
    return f;
}

const char *log_code_name(const ref_set *set, const char *code)
{
    const char *n = code[0] ? ref_name(set, code) : NULL;
    return n ? n : "";
}

/* "O1  CO community order, sentenced 2026-01-10, running" */
static void order_words(const log_view *v, const cl_order *o, char *buf, size_t len)
{
    char s[CL_DATE_LEN], e[CL_DATE_LEN];
    const char *name = ref_name(&REF_ORDER_TYPES, o->type);
    cl_date day = v->k.date != CL_DATE_NONE ? v->k.date : v->c->app->clock.today;
    static const char *const WORDS[] = {[ORDER_PENDING] = "not running", [ORDER_RUNNING] = "running",
                                        [ORDER_ENDED] = "ended ", [ORDER_TERMINATED] = "terminated "};
    order_state st = order_state_on(o, day);
    snprintf(buf, len, "%s %s, sentenced %s, %s%s", o->type, name ? name : "", date_format(o->sentence_date, s),
             WORDS[st], st == ORDER_TERMINATED ? date_format(o->terminated, e)
                        : st == ORDER_ENDED    ? date_format(o->end_date, e)
                                               : "");
}

static size_t running_orders(const log_view *v)
{
    size_t n = 0;
    cl_date day = v->k.date != CL_DATE_NONE ? v->k.date : v->c->app->clock.today;
    for (size_t i = 0; i < v->norders; i++)
        n += order_running(&v->orders[i], day);
    return n;
}

void log_field_value(const log_view *v, int f, char *buf, size_t len)
{
    char d[CL_DATE_LEN], l[16], t[CL_TIME_LEN], w[112];
    const cl_contact *k = &v->k;
    switch (f) {
    case F_RESPOND:
        if (k->respond_by == CL_DATE_NONE)
            snprintf(buf, len, "-  (required for %s: the date the person must respond by)", k->enforcement);
        else
            snprintf(buf, len, "%s  (%s)", date_format(k->respond_by, d), date_format_long(k->respond_by, l));
        break;
    case F_ORDER: {
        const cl_order *o = NULL;
        for (size_t i = 0; k->order_id[0] && i < v->norders; i++)
            if (!strcmp(v->orders[i].id, k->order_id))
                o = &v->orders[i];
        if (o) {
            order_words(v, o, w, sizeof w);
            snprintf(buf, len, "%s  %s", o->id, w);
        } else if (k->order_id[0]) {
            snprintf(buf, len, "%s", k->order_id);
        } else {
            size_t n = running_orders(v);
            snprintf(buf, len, "-  %s", n > 1 ? "(none chosen: more than one order is running)"
                                       : v->norders ? "(none: no order is running)" : "(none: no orders)");
        }
        break;
    }
    case F_END: snprintf(buf, len, "%s", k->end >= 0 ? time_format(k->end, t) : "-  (for a session: the hours credited)"); break;
    case F_RAR: snprintf(buf, len, "%s", k->rar ? "yes: a rehabilitation activity (RAR) day" : "no"); break;
    case F_TYPE: snprintf(buf, len, "%-5s %s", k->type[0] ? k->type : "-", log_code_name(&REF_CONTACT_TYPE_SET, k->type)); break;
    case F_OUTCOME: snprintf(buf, len, "%-5s %s", k->outcome[0] ? k->outcome : "-", log_code_name(&REF_OUTCOME_SET, k->outcome)); break;
    case F_ACTION: snprintf(buf, len, "%-5s %s", k->enforcement[0] ? k->enforcement : "-", log_code_name(&REF_ACTION_SET, k->enforcement)); break;
    case F_DATE:
        if (k->date == CL_DATE_NONE)
            snprintf(buf, len, "today");
        else
            snprintf(buf, len, "%s  (%s)", date_format(k->date, d), date_format_long(k->date, l));
        break;
    case F_TIME:
        /* "now" only for today: another day has no now (contact_check). */
        if (k->time >= 0)
            snprintf(buf, len, "%s", time_format(k->time, t));
        else if (k->date == CL_DATE_NONE || k->date == v->c->app->clock.today)
            snprintf(buf, len, "now");
        else
            snprintf(buf, len, "-  (required: the date is not today; Enter to give the time)");
        break;
    case F_SENSITIVE: snprintf(buf, len, "%s", k->sensitive ? "YES: sensitive contact" : "no"); break;
    default: buf[0] = '\0'; break;
    }
}

/* The chosen code comes back into the field the picker was opened for. */
static void picked(tui_ctx *c, void *arg, const char *code)
{
    (void)c;
    log_view *v = arg;
    if (v->focus == F_ORDER) {
        snprintf(v->k.order_id, sizeof v->k.order_id, "%s", code);
        v->order_chosen = true;
    } else {
        char *dst = v->focus == F_TYPE ? v->k.type : v->focus == F_OUTCOME ? v->k.outcome : v->k.enforcement;
        snprintf(dst, sizeof v->k.type, "%s", code);
        if (v->focus == F_ACTION && !enf_is_pending_action(v->k.enforcement))
            v->k.respond_by = CL_DATE_NONE; /* only EA12 has one */
    }
    if (v->focus < F_NOTE)
        v->focus = log_field_step(v, v->focus, 1);
    log_changed(v, true);
}

static void pick_order(log_view *v)
{
    tui_pick_item items[MAX_ORDERS + 1];
    size_t n = 0;
    items[n++] = (tui_pick_item){"", "(no order)"};
    for (size_t i = 0; i < v->norders && i < MAX_ORDERS; i++) {
        order_words(v, &v->orders[i], v->order_words[i], sizeof v->order_words[i]);
        items[n++] = (tui_pick_item){v->orders[i].id, v->order_words[i]};
    }
    tui_push(v->c, tui_pick_new("Order", items, n, v->k.order_id, picked, v));
}

static void pick(log_view *v)
{
    tui_pick_item items[64];
    size_t n = 0;
    const char *title = "", *cur = "";
    if (v->focus == F_TYPE) {
        title = "Contact type";
        cur = v->k.type;
        for (size_t i = 0; i < REF_CONTACT_TYPES_N && n < 64; i++)
            items[n++] = (tui_pick_item){REF_CONTACT_TYPES[i].code, REF_CONTACT_TYPES[i].name};
    } else if (v->focus == F_OUTCOME) {
        title = "Outcome";
        cur = v->k.outcome;
        items[n++] = (tui_pick_item){"", "(no outcome)"};
        for (size_t i = 0; i < REF_OUTCOMES_N && n < 64; i++)
            items[n++] = (tui_pick_item){REF_OUTCOMES[i].code, REF_OUTCOMES[i].name};
    } else {
        title = "Enforcement action";
        cur = v->k.enforcement;
        items[n++] = (tui_pick_item){"", "(no action)"};
        for (size_t i = 0; i < REF_ACTIONS_N && n < 64; i++)
            items[n++] = (tui_pick_item){REF_ACTIONS[i].code, REF_ACTIONS[i].name};
    }
    tui_push(v->c, tui_pick_new(title, items, n, cur, picked, v));
}

static void date_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    log_view *v = arg;
    if (!ok)
        return;
    cl_date d;
    if (!cal_parse_typed_past(&c->app->cal, text, c->app->clock.today, &d)) { /* a contact has happened */
        char why[300];
        tui_message(c, TM_ERROR, "%s", cal_typed_problem(text, why, sizeof why));
        return;
    }
    v->k.date = d;
    if (!v->order_chosen) { /* the order running on the new date */
        cl_err err = {0};
        order_default(c->app->store, v->k.crn, d, v->k.order_id, sizeof v->k.order_id, &err);
    }
    log_changed(v, true);
}

static void respond_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    log_view *v = arg;
    if (!ok)
        return;
    cl_date d;
    if (!text[0]) {
        v->k.respond_by = CL_DATE_NONE;
    } else if (!cal_parse_typed(&c->app->cal, text, c->app->clock.today, &d)) {
        char why[300];
        tui_message(c, TM_ERROR, "%s", cal_typed_problem(text, why, sizeof why));
        return;
    } else {
        v->k.respond_by = d;
    }
    log_changed(v, true);
}

/* A typed time of day into *m (empty: -1 when allowed); false, said, when
 * it is not one. */
static bool typed_time(tui_ctx *c, const char *text, bool empty_ok, int *m)
{
    *m = -1;
    if ((empty_ok && !text[0]) || time_parse(text, m))
        return true;
    tui_message(c, TM_ERROR, "'%s' is not a time (HH:MM)", text);
    return false;
}

static void end_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    log_view *v = arg;
    int m;
    if (!ok || !typed_time(c, text, true, &m))
        return;
    v->k.end = m;
    log_changed(v, true);
}

static void time_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    log_view *v = arg;
    int m;
    if (!ok || !typed_time(c, text, false, &m))
        return;
    v->k.time = m;
    log_changed(v, true);
}

tui_result log_field_enter(log_view *v)
{
    tui_ctx *c = v->c;
    char buf[CL_DATE_LEN];
    switch (v->focus) {
    case F_TYPE:
    case F_OUTCOME:
    case F_ACTION: pick(v); break;
    case F_DATE:
        tui_prompt_start(c, "Date, on or before today (2026-12-03, 03/12, mon, t): ",
                         v->k.date == CL_DATE_NONE ? "" : date_format(v->k.date, buf), NULL, date_done, v);
        break;
    case F_TIME:
        tui_prompt_start(c, "Time (HH:MM): ", v->k.time >= 0 ? time_format(v->k.time, buf) : "", NULL, time_done, v);
        break;
    case F_ORDER: pick_order(v); break;
    case F_RESPOND: {
        /* The limit is said before it is typed, not only in the refusal. */
        char label[80];
        snprintf(label, sizeof label, "Respond by, within %d working days (03/12, tue, +3): ",
                 ENF_RESPOND_BY_MAX_WORKING_DAYS);
        tui_prompt_start(c, label, v->k.respond_by == CL_DATE_NONE ? "" : date_format(v->k.respond_by, buf), NULL,
                         respond_done, v);
        break;
    }
    case F_END:
        tui_prompt_start(c, "End time (HH:MM, empty: none): ", v->k.end >= 0 ? time_format(v->k.end, buf) : "", NULL,
                         end_done, v);
        break;
    case F_RAR:
        v->k.rar = !v->k.rar;
        tui_message(c, TM_INFO, "RAR: %s", v->k.rar ? "yes, this contact is a RAR activity day" : "no");
        log_changed(v, true);
        break;
    case F_SENSITIVE:
        /* Said aloud: a contact never becomes sensitive unnoticed. */
        v->k.sensitive = !v->k.sensitive;
        tui_message(c, v->k.sensitive ? TM_WARN : TM_INFO, "Sensitive: %s", v->k.sensitive ? "YES, this contact is marked sensitive" : "no");
        log_changed(v, true);
        break;
    case F_NOTE: v->editing = true; break;
    default: break;
    }
    return TR_NONE;
}
