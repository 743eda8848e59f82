/* A person's contact history: newest first, every entry including corrected
 * ones (marked), filtered by type and by outcome; Enter opens one with its
 * whole note and corrections, l logs a new contact. */
#include <stdlib.h>
#include <string.h>

#include "caseload/contacts.h"
#include "caseload/contact_words.h"
#include "caseload/grow.h"
#include "caseload/enforce.h"
#include "caseload/ref.h"
#include "caseload/risk.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

enum { COL_OUTCOME = 3, NCOLS = 7, OUTCOME_WIDE = 22, WIDE_SCREEN = 110 };

typedef struct hrow {
    char id[CL_ID_LEN], type[8], outcome[8], action[8], officer[CL_CODE_LEN], by[CL_ID_LEN];
    cl_date date;
    int time;
    char marks[48]; /* contact_marks: [CORRECTED] [correction] [SENSITIVE] */
    char note[160]; /* the first line */
} hrow;

typedef struct contacts_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    char crn[CL_CODE_LEN], name[CL_NAME_LEN * 2];
    char type[8], outcome[8]; /* filters; "" for all */
    risk_summary risk;
    enf_person enf;
    hrow *rows;
    size_t n, cap;
    bool stale;
    tui_column cols[NCOLS]; /* COLUMNS, the outcome narrowed to its short words below WIDE_SCREEN */
} contacts_view;

static const tui_column COLUMNS[NCOLS] = {
    {"Date", 10, false, 0, false}, {"Time", 5, false, 0, false}, {"Type", 14, false, 0, false}, {"Outcome", OUTCOME_WIDE, false, 0, false},
    {"Action", 6, false, 0, false}, {"By", 6, false, 0, false}, {"Note", 0, false, 0, false},
};

static bool add(void *arg, const cl_contact *k, const char *by)
{
    contacts_view *v = arg;
    if (v->n == v->cap) {
        hrow *r = cl_grow(v->rows, &v->cap, sizeof *r);
        if (!r)
            return false;
        v->rows = r;
    }
    hrow *r = &v->rows[v->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->id, sizeof r->id, "%s", k->id);
    snprintf(r->type, sizeof r->type, "%s", k->type);
    snprintf(r->outcome, sizeof r->outcome, "%s", k->outcome);
    snprintf(r->action, sizeof r->action, "%s", k->enforcement);
    snprintf(r->officer, sizeof r->officer, "%s", k->officer);
    snprintf(r->by, sizeof r->by, "%s", by);
    r->date = k->date;
    r->time = k->time;
    contact_marks(k, by, false, r->marks, sizeof r->marks);
    const char *note = k->notes ? k->notes : "";
    size_t nl = strcspn(note, "\n");
    snprintf(r->note, sizeof r->note, "%.*s%s", (int)(nl < 150 ? nl : 150), note, note[nl] ? " ..." : "");
    return true;
}

static void reload(contacts_view *v)
{
    cl_app *app = v->c->app;
    cl_err err = {0};
    v->n = 0;
    if (store_contact_each(app->store, v->crn, v->type, v->outcome, 0, add, v, &err) != CL_OK)
        tui_message(v->c, TM_ERROR, "%s", err.msg);
    enf_load(app->store, &app->cal, v->crn, app->clock.today, &v->enf, &err);
    risk_summary_load(app->store, v->crn, app->clock.today, &v->risk, &err);
    tui_list_set_count(&v->list, v->n);
    v->stale = false;
}

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    contacts_view *v = arg;
    const hrow *r = &v->rows[row];
    char d[CL_DATE_LEN];
    const ref_contact_type *t = ref_find_contact_type(r->type);
    const char *o = r->outcome[0] ? ref_name(&REF_OUTCOME_SET, r->outcome) : "";
    switch (col) {
    case 0: snprintf(buf, len, "%s", date_format(r->date, d)); break;
    case 1: time_format(r->time, buf); break;
    case 2: snprintf(buf, len, "%s", t ? t->short_name : r->type); break;
    case COL_OUTCOME: {
        const ref_outcome *ro = ref_find_outcome(r->outcome);
        bool narrow = ro && o && tw_width(o) > v->list.widths[COL_OUTCOME]; /* the note keeps its room */
        snprintf(buf, len, "%s", narrow ? ro->short_name : o ? o : r->outcome);
        break;
    }
    case 4: snprintf(buf, len, "%s", r->action); break;
    case 5: snprintf(buf, len, "%s", r->officer); break;
    default:
        snprintf(buf, len, "%s%s", r->marks, r->note);
        break;
    }
    if (r->by[0])
        *role = TC_CLOSED;
    else if (enf_is_failure(r->outcome))
        *role = TC_WARN;
}

static void title(tui_view *vv, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    contacts_view *v = (contacts_view *)vv;
    snprintf(buf, len, "contacts of %s %s", v->name, v->crn);
}

static void draw(tui_view *vv, tui_ctx *c, tui_rect r)
{
    contacts_view *v = (contacts_view *)vv;
    if (v->stale)
        reload(v);
    char buf[512], d[CL_DATE_LEN];
    tui_person_line(c, r.y, r.x, r.w, v->name, v->crn, &v->risk, v->enf.words);
    if (v->enf.level != ENF_LEVEL_NONE) {
        snprintf(buf, sizeof buf, "%s by %s (order %s)", v->enf.words, date_format(v->enf.due, d),
                 v->enf.orders[0].order_id[0] ? v->enf.orders[0].order_id : "none");
        tui_put(r.y + 1, r.x, r.w, tui_attr(c, TC_OVERDUE), buf);
    } else {
        tui_put(r.y + 1, r.x, r.w, A_NORMAL, "No warning or breach action due");
    }
    snprintf(buf, sizeof buf, "%zu contact%s, newest first; type: %s; outcome: %s", v->n, v->n == 1 ? "" : "s",
             v->type[0] ? v->type : "all", v->outcome[0] ? v->outcome : "all");
    tui_put(r.y + 2, r.x, r.w, A_NORMAL, buf);
    tui_rect lr = {r.y + 3, r.x, r.h - 3, r.w};
    v->cols[COL_OUTCOME].width = r.w >= WIDE_SCREEN ? OUTCOME_WIDE : REF_OUTCOME_SHORT_MAX;
    tui_list_draw(&v->list, c, lr, true);
}

static void type_picked(tui_ctx *c, void *arg, const char *code)
{
    (void)c;
    contacts_view *v = arg;
    snprintf(v->type, sizeof v->type, "%s", code);
    v->list.sel = v->list.top = 0;
    v->stale = true;
}

static void outcome_picked(tui_ctx *c, void *arg, const char *code)
{
    (void)c;
    contacts_view *v = arg;
    snprintf(v->outcome, sizeof v->outcome, "%s", code);
    v->list.sel = v->list.top = 0;
    v->stale = true;
}

static tui_result action(tui_view *vv, tui_ctx *c, tui_action a)
{
    contacts_view *v = (contacts_view *)vv;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    tui_pick_item items[64];
    size_t n = 0;
    switch (a) {
    case TA_OPEN:
        if (v->n) {
            v->stale = true;
            tui_push(c, tui_contact_new(c, v->crn, v->rows[v->list.sel].id));
        }
        return TR_NONE;
    case TA_CONTACTS_LOG:
        v->stale = true;
        tui_push(c, tui_log_new(c, v->crn, NULL, NULL));
        return TR_NONE;
    case TA_CONTACTS_TYPE:
        items[n++] = (tui_pick_item){"", "(all types)"};
        for (size_t i = 0; i < REF_CONTACT_TYPES_N && n < 64; i++)
            items[n++] = (tui_pick_item){REF_CONTACT_TYPES[i].code, REF_CONTACT_TYPES[i].name};
        tui_push(c, tui_pick_new("Show contacts of type", items, n, v->type, type_picked, v));
        return TR_NONE;
    case TA_CONTACTS_OUTCOME:
        items[n++] = (tui_pick_item){"", "(all outcomes)"};
        for (size_t i = 0; i < REF_OUTCOMES_N && n < 64; i++)
            items[n++] = (tui_pick_item){REF_OUTCOMES[i].code, REF_OUTCOMES[i].name};
        tui_push(c, tui_pick_new("Show contacts with outcome", items, n, v->outcome, outcome_picked, v));
        return TR_NONE;
    default: return TR_UNHANDLED;
    }
}

static void destroy(tui_view *vv)
{
    contacts_view *v = (contacts_view *)vv;
    free(v->rows);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"contacts", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_contacts_new(tui_ctx *c, const char *crn)
{
    cl_offender who;
    cl_err err = {0};
    if (store_get_offender(c->app->store, crn, &who, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        return NULL;
    }
    contacts_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->c = c;
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    cl_offender_name(&who, v->name, sizeof v->name);
    memcpy(v->cols, COLUMNS, sizeof v->cols);
    v->list = (tui_list){.cols = v->cols, .ncols = NCOLS, .cell = cell, .arg = v, .empty = "(no contacts)"};
    v->stale = true;
    return &v->view;
}
