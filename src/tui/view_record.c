/* The offender record: the risk banner above everything (RoSH in words and
 * colour, RISK TO STAFF on its own reversed line, every active registration in
 * full words with its review date, overdue reviews marked), the next
 * appointment, then one section at a time, chosen by key. The text comes from
 * the core (record.h), the same lines `caseload show` prints. A closed case is
 * marked CLOSED and is read-only: the core refuses its writes (case_open.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/record.h"
#include "tui/tui_int.h"

typedef struct record_view {
    tui_view view;
    tui_ctx *c;
    char crn[CL_CODE_LEN];
    cl_record rec;
    bool loaded;
    record_section sec;
    tui_lines banner, body; /* coloured as they are read (tui_record_colour) */
    tui_list list;
    int width;  /* the body was wrapped for this width (0: not yet drawn) */
    bool stale; /* another screen may have changed it: load again before drawing */
} record_view;

static const tui_column COLUMNS[] = {{"", 0, false, 0, false}};

/* A body line wrapped to the screen (a long end reason or note is read
 * whole), each row with the line's colour. */
static void add_wrapped(void *arg, record_role role, const char *text, int hang)
{
    record_view *v = arg;
    tui_lines_add_wrapped(&v->body, tui_record_colour(&v->rec, role), text, v->width, hang);
}

static void build_section(record_view *v)
{
    tui_lines_clear(&v->body);
    if (v->loaded)
        record_lines(&v->rec, v->sec, add_wrapped, v);
    v->list.sel = v->list.top = 0;
    tui_list_set_count(&v->list, v->body.n);
}

static void load(record_view *v)
{
    cl_err err = {0};
    if (v->loaded)
        record_free(&v->rec);
    v->loaded = record_load(v->c->app, v->crn, &v->rec, &err) == CL_OK;
    tui_lines_clear(&v->banner);
    if (!v->loaded) {
        tui_message(v->c, TM_ERROR, "%s", err.msg);
        tui_lines_add(&v->banner, TC_NORMAL, err.msg);
    } else {
        tui_banner_lines(&v->rec, REC_BANNER, &v->banner);
        tui_banner_lines(&v->rec, REC_NEXT, &v->banner);
    }
    build_section(v);
}

static void title(tui_view *view, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    record_view *v = (record_view *)view;
    snprintf(buf, len, "record %s: %s%s", v->crn, record_section_title(v->sec),
             v->loaded && v->rec.closed ? " (CLOSED, read-only)" : "");
}

/* The sections below the banner, in tab order, each with the action that
 * shows it (its key is the keymap's). */
static const struct {
    record_section s;
    tui_action a;
    const char *name;
} TABS[] = {{REC_PERSONAL, TA_SEC_PERSONAL, "Personal"},         {REC_DUE, TA_SEC_DUE, "Due"},
            {REC_ORDERS, TA_SEC_ORDERS, "Orders"},               {REC_APPOINTMENTS, TA_SEC_APPOINTMENTS, "Appointments"},
            {REC_CONTACTS, TA_SEC_CONTACTS, "Contacts"},         {REC_REGISTRATIONS, TA_SEC_REGISTRATIONS, "Registrations"}};

static void draw(tui_view *view, tui_ctx *c, tui_rect r)
{
    record_view *v = (record_view *)view;
    if (v->stale) {
        v->stale = false;
        load(v);
    }
    /* The banner: never more than half the body, so a section always shows. */
    int y = tui_banner_draw(view, c, &v->banner, r);
    /* Section tabs: each name with its key from the keymap. */
    int x = r.x;
    tui_fill(y, r.x, r.w, tui_attr(c, TC_HEADER));
    for (size_t i = 0; i < sizeof TABS / sizeof TABS[0]; i++) {
        char t[32];
        bool on = TABS[i].s == v->sec;
        const char *key = tui_action_key(view, TABS[i].a);
        snprintf(t, sizeof t, on ? "[%s %s]" : " %s %s ", key ? key : "", TABS[i].name);
        int w = (int)strlen(t);
        if (x + w > r.x + r.w)
            break;
        tui_put(y, x, w, on ? tui_attr(c, TC_SELECTED) | (int)A_BOLD : tui_attr(c, TC_HEADER), t);
        x += w + 1;
    }
    y++;
    tui_rect body = {y, r.x, r.h - (y - r.y), r.w};
    if (v->width != r.w) { /* wrapped again for the new width, kept in place */
        size_t sel = v->list.sel, top = v->list.top;
        v->width = r.w;
        build_section(v);
        v->list.sel = sel < v->body.n ? sel : (v->body.n ? v->body.n - 1 : 0);
        v->list.top = top <= v->list.sel ? top : v->list.sel;
    }
    if (body.h > 0)
        tui_list_draw(&v->list, c, body, false);
}

static tui_result show_section(record_view *v, record_section s)
{
    if (s != v->sec) {
        v->sec = s;
        build_section(v);
    }
    return TR_NONE;
}

static tui_result action(tui_view *view, tui_ctx *c, tui_action a)
{
    record_view *v = (record_view *)view;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    record_section s = v->sec;
    for (size_t i = 0; i < sizeof TABS / sizeof TABS[0]; i++)
        if (TABS[i].a == a)
            return show_section(v, TABS[i].s);
    switch (a) {
    case TA_SEC_NEXT: s = v->sec + 1 < REC_SECTIONS_N ? v->sec + 1 : REC_PERSONAL; break;
    case TA_SEC_PREV: s = v->sec > REC_PERSONAL ? v->sec - 1 : REC_REGISTRATIONS; break;
    case TA_RELOAD: load(v); return TR_NONE;
    case TA_REC_BOOK:
        if (!tui_case_writable(v->c, v->crn))
            return TR_NONE;
        tui_push(c, tui_book_new(c, v->crn, c->app->clock.today, &v->stale));
        v->stale = true; /* read again on return: the next appointment */
        return TR_NONE;
    case TA_RECORD_LOG:
        if (!tui_case_writable(v->c, v->crn))
            return TR_NONE;
        v->stale = true;
        tui_push(c, tui_log_new(c, v->crn, NULL, NULL));
        return TR_NONE;
    case TA_RECORD_HISTORY:
        v->stale = true;
        tui_push(c, tui_contacts_new(c, v->crn));
        return TR_NONE;
    case TA_RECORD_AUDIT: /* read-only: on a closed case and a read-only database too */
        tui_push(c, tui_history_new(c, v->crn));
        return TR_NONE;
    case TA_OPEN:
        if (v->sec == REC_CONTACTS) { /* the full history: filters, whole notes, corrections */
            v->stale = true;
            tui_push(c, tui_contacts_new(c, v->crn));
        }
        return TR_NONE;
    case TA_REGISTRATIONS:
        /* Add, review or end there; the banner is read again on return. */
        tui_push(c, tui_registrations_new(c, v->crn));
        v->stale = true;
        return TR_NONE;
    default: return TR_UNHANDLED;
    }
    return show_section(v, s);
}

static void destroy(tui_view *view)
{
    record_view *v = (record_view *)view;
    if (v->loaded)
        record_free(&v->rec);
    tui_lines_free(&v->banner);
    tui_lines_free(&v->body);
    free(v);
}

/* Enter opens the contact history from the contacts section only: elsewhere
 * it is neither hinted nor taken. */
static bool offers(tui_view *vv, tui_action a)
{
    return a != TA_OPEN || ((record_view *)vv)->sec == REC_CONTACTS;
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"record", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_record_new(tui_ctx *c, const char *crn)
{
    record_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->view.offers = offers;
    v->c = c;
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    v->sec = REC_PERSONAL;
    v->list = (tui_list){.cols = COLUMNS, .ncols = 1, .cell = tui_lines_cell, .arg = &v->body, .empty = ""};
    load(v);
    return &v->view;
}
