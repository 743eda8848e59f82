/* The log-contact form: type, outcome, action (with its respond-by date for
 * EA12), order, date, time, end (appointment types), RAR, sensitive, and the
 * note (the multi-line editor, or $VISUAL/$EDITOR with Ctrl-E). Letters never
 * act as commands here: typed when not in the note, they start the note
 * (keymap "log", TA_LOG_TYPE), so stray text is never lost nor run. Every change is
 * kept as a draft in the database at most a second behind the key stroke
 * (at once when typing has gone on for a second, else when typing pauses);
 * saving writes the contact and removes the draft in one transaction. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "caseload/contacts.h"
#include "caseload/draft_editor.h"
#include "caseload/enforce.h"
#include "caseload/orders.h"
#include "caseload/ref.h"
#include "caseload/risk.h"
#include "caseload/textwidth.h"
#include "caseload/store_write.h"
#include "tui/log_int.h"

static double since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* The note holds typed text (not only blanks), or a field differs from how
 * the form opened (a type or outcome chosen, a date typed): what a draft
 * keeps and Ctrl-D asks about. A form left as it opened keeps nothing. */
static bool form_typed(const log_view *v)
{
    const char *t = te_text(&v->ed.buf);
    if (t[strspn(t, " \t\r\n")] != '\0')
        return true;
    char fields[sizeof v->opened];
    contact_draft_fields(&v->k, v->started, v->started_min, fields, sizeof fields);
    return strcmp(fields, v->opened) != 0;
}

/* Said when the form closes with nothing typed (Esc, Ctrl-D): nothing kept. */
static const char NOTHING_TYPED[] = "contact not logged: nothing was typed, so nothing is kept";

/* How a draft write goes: as typing goes on, when the last write is a
 * second old (SOON) or at once (NOW), never waiting for a lock another
 * program holds; or waiting out the busy timeout, as the form closes (WAIT). */
enum { DRAFT_SOON, DRAFT_NOW, DRAFT_WAIT };

/* The draft could not be written because another program holds the lock:
 * said once, the text stays in the form, and the next key or idle tick
 * tries again (no waiting: typing stays instant). */
static void draft_locked(log_view *v)
{
    if (!v->draft_locked)
        tui_message(v->c, TM_WARN, "%s: the text is kept here and saved as a draft as soon as it is free",
                    LOG_DRAFT_LOCKED);
    v->draft_locked = true;
    snprintf(v->draft_note, sizeof v->draft_note, "%s", LOG_DRAFT_LOCKED);
}

/* Writes the draft (see DRAFT_*). False when it is not written and the
 * form holds text the database does not. */
static bool save_draft(log_view *v, int how)
{
    if (!v->dirty)
        return true;
    if (how == DRAFT_SOON && since(&v->saved_at) < 1.0)
        return false;
    if (!form_typed(v) && !v->editor_file[0]) {
        /* Nothing typed (and no $EDITOR open on the note): no draft to
         * offer (one left from earlier text that was deleted goes). */
        cl_err err = {0};
        if (v->has_draft && store_draft_clear(v->c->app->store, &v->key, &err) != CL_OK) {
            tui_message(v->c, TM_ERROR, "draft not removed: %s", err.msg);
            return true; /* nothing typed is lost: the old draft is offered again */
        }
        v->dirty = v->has_draft = v->draft_locked = false;
        v->draft_note[0] = '\0';
        return true;
    }
    char fields[512 + sizeof v->editor_file];
    contact_draft_fields(&v->k, v->started, v->started_min, fields, sizeof fields);
    if (v->editor_file[0])
        draft_editor_mark(fields, sizeof fields, v->editor_file, (long)getpid());
    cl_err err = {0};
    cl_store *st = v->c->app->store;
    int rc = how == DRAFT_WAIT ? store_draft_save(st, &v->key, fields, te_text(&v->ed.buf), &err)
                               : store_draft_try_save(st, &v->key, fields, te_text(&v->ed.buf), &err);
    if (rc == CL_EBUSY) {
        draft_locked(v);
        return false;
    }
    if (rc != CL_OK) {
        tui_message(v->c, TM_ERROR, "draft not saved: %s", err.msg);
        return false;
    }
    if (v->draft_locked)
        tui_message(v->c, TM_INFO, "the database is free again: the draft is saved");
    v->dirty = v->draft_locked = v->close_refused = false;
    v->has_draft = true;
    clock_gettime(CLOCK_MONOTONIC, &v->saved_at);
    snprintf(v->draft_note, sizeof v->draft_note, "draft kept %s", store_now(st) + 11);
    return true;
}

void log_changed(log_view *v, bool now)
{
    v->dirty = true;
    save_draft(v, now ? DRAFT_NOW : DRAFT_SOON);
}

/* The editor is about to open its file: the draft names it first, so a
 * kill meanwhile leaves a file the next start finds (draft_editor.h). */
static void editor_opened(void *arg, const char *path)
{
    log_view *v = arg;
    snprintf(v->editor_file, sizeof v->editor_file, "%s", path);
    v->dirty = true;
    save_draft(v, DRAFT_WAIT);
}

static void on_idle(tui_ctx *c, void *arg)
{
    (void)c;
    save_draft(arg, DRAFT_NOW);
}

static void title(tui_view *vv, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    log_view *v = (log_view *)vv;
    snprintf(buf, len, "%s: %s %s", v->k.corrects[0] ? "Correct contact" : "Log contact", v->name, v->crn);
}

static void draw(tui_view *vv, tui_ctx *c, tui_rect r)
{
    log_view *v = (log_view *)vv;
    int y = r.y;
    char buf[512];
    /* The person and their risk first, as everywhere a person appears. */
    tui_person_line(c, y++, r.x, r.w, v->name, v->crn, &v->risk, v->enforcement);
    y = tui_put_rows(y, r.y + r.h - 1, r.x, r.w, A_NORMAL, v->context);
    y++;
    for (int f = 0; f < F_NOTE && y < r.y + r.h; f++) {
        if (!log_field_shown(v, f))
            continue;
        y++;
        bool sel = !v->editing && v->focus == f;
        int attr = sel ? tui_attr(c, TC_SELECTED) : (int)A_NORMAL;
        tui_fill(y - 1, r.x, r.w, attr);
        snprintf(buf, sizeof buf, "%-10s", log_field_label(f));
        tui_put(y - 1, r.x, 11, attr | A_BOLD, buf);
        log_field_value(v, f, buf, sizeof buf);
        tui_put(y - 1, r.x + 11, r.w - 11, attr, buf);
    }
    if (y >= r.y + r.h)
        return;
    bool sel = !v->editing && v->focus == F_NOTE;
    int attr = sel ? tui_attr(c, TC_SELECTED) : tui_attr(c, TC_HEADER);
    const char *how = v->editing ? "(typing: Esc or Tab leaves the note, Ctrl-S saves)"
                                 : "(Enter or any letter: type it here; Ctrl-E: your editor)";
    snprintf(buf, sizeof buf, "Note  %s%s%s", how, v->draft_note[0] ? "  " : "", v->draft_note);
    if (tw_width(buf) > r.w) { /* the draft's words on a row of their own */
        snprintf(buf, sizeof buf, "Note  %s", how);
        tui_put(y++, r.x, r.w, attr, buf);
        snprintf(buf, sizeof buf, "      %s", v->draft_note);
    }
    tui_put(y++, r.x, r.w, attr, buf);
    tui_rect er = {y, r.x, r.y + r.h - y, r.w};
    if (er.h > 0)
        tui_editor_draw(&v->ed, c, er, v->editing);
}

static tui_result save(log_view *v)
{
    tui_ctx *c = v->c;
    cl_contact k = v->k;
    k.notes = strdup(te_text(&v->ed.buf));
    cl_err err = {0};
    int rc = contact_log(c->app, &k, &v->key, &err);
    if (rc != CL_OK) {
        cl_contact_clear(&k);
        save_draft(v, DRAFT_NOW); /* Ctrl-S waited already: the draft does not wait again */
        tui_message(c, TM_ERROR, "not saved: %s", err.msg);
        return TR_NONE;
    }
    v->dirty = false; /* the draft went with the contact */
    v->has_draft = false;
    enf_person p;
    char d[CL_DATE_LEN];
    if (enf_load(c->app->store, &c->app->cal, k.crn, c->app->clock.today, &p, &err) == CL_OK &&
        p.level != ENF_LEVEL_NONE)
        tui_message(c, TM_WARN, "saved contact %s; %s: %s by %s", k.id, k.crn, p.words, date_format(p.due, d));
    else
        tui_message(c, TM_INFO, "saved contact %s", k.id);
    cl_contact_clear(&k);
    return TR_BACK;
}

/* Closing anyway, after y to the discard question: what was typed since the
 * last draft goes (an earlier draft stays and is offered again). */
static void lose_and_close(tui_ctx *c, void *arg)
{
    log_view *v = arg;
    v->dirty = false;
    tui_pop(c);
    tui_message(c, TM_INFO, "contact not logged: the text not yet kept as a draft was discarded");
}

static void lose_and_quit(tui_ctx *c, void *arg)
{
    ((log_view *)arg)->dirty = false;
    c->quit = true;
}

/* The form closes (or caseload quits) while another program holds the lock
 * and the text is not yet kept as a draft: the form stays open with it. A
 * second try while still locked asks y/N to close anyway, so a lock held
 * for good cannot keep the form open for ever. */
static tui_result kept_open(log_view *v, bool quit)
{
    if (v->close_refused) {
        tui_confirm(v->c, TUI_DISCARD_KEYS, quit ? TUI_QUIT_QUESTION : TUI_DISCARD_QUESTION,
                    quit ? lose_and_quit : lose_and_close, v);
        return TR_NONE;
    }
    v->close_refused = true;
    tui_message(v->c, TM_ERROR, "not closed: the database is still in use by another program, so the note is not"
                                " kept as a draft yet; Ctrl-S saves it, or close again to discard it");
    return TR_NONE;
}

static tui_result leave(log_view *v)
{
    if (!save_draft(v, DRAFT_WAIT) && v->draft_locked)
        return kept_open(v, false);
    if (v->has_draft)
        tui_message(v->c, TM_INFO, "not saved: what was typed is kept as a draft and offered when you log a contact for %s again",
                    v->crn);
    else
        tui_message(v->c, TM_INFO, "%s", NOTHING_TYPED);
    return TR_BACK;
}

/* The draft goes and the form closes: after y to "Discard the typed text?"
 * (the form is on top: the question took the key). */
static void discard_yes(tui_ctx *c, void *arg)
{
    log_view *v = arg;
    cl_err err = {0};
    if (store_draft_clear(c->app->store, &v->key, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        return;
    }
    v->dirty = v->has_draft = false;
    tui_pop(c);
    tui_message(c, TM_INFO, "contact not logged; draft discarded");
}

static tui_result action(tui_view *vv, tui_ctx *c, tui_action a)
{
    log_view *v = (log_view *)vv;
    if (a == TA_NOTE_SAVE)
        return save(v);
    if (a == TA_QUIT) {
        if (!save_draft(v, DRAFT_WAIT) && v->draft_locked)
            return kept_open(v, true);
        return TR_UNHANDLED; /* the frame quits */
    }
    if (v->editing) {
        unsigned long ver = v->ed.buf.version;
        if (tui_editor_action(&v->ed, a)) {
            if (v->ed.buf.version != ver)
                log_changed(v, false);
            return TR_NONE;
        }
        switch (a) {
        case TA_NOTE_ESC: v->editing = false; return TR_NONE;
        case TA_NOTE_NEXT: v->editing = false; v->focus = F_TYPE; return TR_NONE;
        case TA_NOTE_PREV: v->editing = false; v->focus = log_field_step(v, F_NOTE, -1); return TR_NONE;
        case TA_LOG_EDITOR: break; /* below: also while typing */
        case TA_LOG_DISCARD: break;
        default: return TR_UNHANDLED;
        }
    }
    if (!log_field_shown(v, v->focus)) /* the field went (the action or type changed) */
        v->focus = log_field_step(v, v->focus, 1);
    switch (a) {
    case TA_NOTE_UP:
    case TA_NOTE_PREV: v->focus = log_field_step(v, v->focus, -1); return TR_NONE;
    case TA_NOTE_DOWN:
    case TA_NOTE_NEXT: v->focus = log_field_step(v, v->focus, 1); return TR_NONE;
    case TA_NOTE_ENTER: return log_field_enter(v);
    case TA_LOG_TYPE:
        /* A letter typed outside the note starts it: the frame types the
         * letter into the note next (tui_view_ops.text). */
        v->focus = F_NOTE;
        v->editing = true;
        tui_message(c, TM_INFO, "typing the note: letters go into it (Esc leaves it)");
        return TR_NONE;
    case TA_LOG_EDITOR: {
        char msg[256];
        unsigned long ver = v->ed.buf.version;
        bool had = v->has_draft || v->dirty;
        int rc = tui_editor_external(&v->ed, editor_opened, v, msg, sizeof msg);
        v->editor_file[0] = '\0'; /* the file is gone: the draft stops naming it */
        if (rc != CL_OK)
            tui_message(c, TM_ERROR, "%s", msg);
        cl_err err = {0};
        if (!had && v->ed.buf.version == ver && !te_text(&v->ed.buf)[0]) {
            /* Opened and left with nothing typed: no draft, as before. */
            if (store_draft_clear(c->app->store, &v->key, &err) == CL_OK)
                v->has_draft = v->dirty = false;
        } else {
            log_changed(v, true); /* the text back, and the file no longer named */
        }
        v->focus = F_NOTE;
        v->editing = false;
        return TR_NONE;
    }
    case TA_LOG_DISCARD:
        /* Never on one key: ask, when anything was typed. */
        if (form_typed(v)) {
            tui_confirm(c, TUI_DISCARD_KEYS, TUI_DISCARD_QUESTION, discard_yes, v);
        } else {
            discard_yes(c, v);
            tui_message(c, TM_INFO, "%s", NOTHING_TYPED);
        }
        return TR_NONE;
    case TA_NOTE_ESC:
    case TA_BACK: return leave(v);
    default: return TR_UNHANDLED;
    }
}

static tui_text *text(tui_view *vv)
{
    log_view *v = (log_view *)vv;
    return v->editing ? &v->typed : NULL;
}

static void text_changed(tui_view *vv, tui_ctx *c)
{
    (void)c;
    log_view *v = (log_view *)vv;
    if (v->typed.buf[0]) {
        tui_editor_type(&v->ed, v->typed.buf);
        log_changed(v, false);
    }
    tui_text_set(&v->typed, "");
}

static void destroy(tui_view *vv)
{
    log_view *v = (log_view *)vv;
    save_draft(v, DRAFT_WAIT); /* whatever way the screen closes, nothing typed is lost */
    if (v->c->idle_arg == v) {
        v->c->idle_fn = NULL;
        v->c->idle_arg = NULL;
    }
    tui_editor_free(&v->ed);
    free(v->orders);
    free(v);
}

static const char *const keymaps[] = {"log", NULL};
static const tui_view_ops ops = {"note", keymaps, title, draw, action, destroy, text, text_changed};

/* The draft a plain "log a contact" for a person opens: its own (no
 * appointment), else one typed as an appointment's outcome, so the record's
 * `l` offers every note typed for the person, not only the start-up offer. */
typedef struct person_draft {
    const char *crn;
    bool plain;
    char ref[CL_ID_LEN];
} person_draft;

static bool person_draft_each(void *arg, const store_draft_info *d)
{
    person_draft *p = arg;
    if (strcmp(d->kind, DRAFT_KIND_CONTACT) || strcmp(d->crn, p->crn) || !d->body_len)
        return true;
    if (!d->ref[0]) {
        p->plain = true;
        return false;
    }
    if (!p->ref[0])
        snprintf(p->ref, sizeof p->ref, "%s", d->ref);
    return true;
}

/* A recovered outcome whose appointment was cancelled or moved since: the
 * note stays, as a contact of its own (an outcome there would be refused,
 * contact_check), and the officer is told. */
static void unlink_if_not_held(log_view *v)
{
    cl_appointment a;
    cl_err err = {0};
    if (!v->k.appointment_id[0] || store_get_appointment(v->c->app->store, v->k.appointment_id, &a, &err) != CL_OK)
        return;
    if (strcmp(a.status, "booked")) {
        snprintf(v->context, sizeof v->context, "Appointment %s was %s: this note is no longer its outcome (Ctrl-D discards it)",
                 v->k.appointment_id, a.status);
        v->k.appointment_id[0] = '\0';
        v->k.outcome[0] = '\0';
    }
    cl_appointment_clear(&a);
}

tui_view *tui_log_new(tui_ctx *c, const char *crn, const char *appointment_id, const char *corrects)
{
    cl_app *app = c->app;
    cl_err err = {0};
    person_draft pd = {.crn = crn};
    if ((!appointment_id || !*appointment_id) && (!corrects || !*corrects) &&
        store_draft_each(app->store, app->who, person_draft_each, &pd, &err) == CL_OK && !pd.plain && pd.ref[0])
        appointment_id = pd.ref;
    cl_offender who;
    if (store_get_offender(app->store, crn, &who, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        return NULL;
    }
    log_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->c = c;
    tui_editor_init(&v->ed);
    cl_offender_name(&who, v->name, sizeof v->name);
    snprintf(v->crn, sizeof v->crn, "%s", crn);
    risk_summary_load(app->store, crn, app->clock.today, &v->risk, &err);
    enf_person ep; /* what the contact logged here may deal with: a warning due */
    v->enforcement = enf_load(app->store, &app->cal, crn, app->clock.today, &ep, &err) == CL_OK ? ep.words : "";
    int rc = CL_OK;
    char d[16], t[CL_TIME_LEN];
    if (corrects && *corrects) {
        rc = contact_correction_of(app, corrects, &v->k, &err);
        snprintf(v->context, sizeof v->context, "Correction of contact %s: a new entry; the original stays in the history", corrects);
        v->focus = F_OUTCOME;
    } else if (appointment_id && *appointment_id) {
        rc = contact_from_appointment(app, appointment_id, &v->k, &err);
        if (rc == CL_OK)
            snprintf(v->context, sizeof v->context, "Outcome of appointment %s: %s %s %s", appointment_id,
                     date_format_long(v->k.date, d), time_format(v->k.time, t),
                     log_code_name(&REF_CONTACT_TYPE_SET, v->k.type));
        v->focus = F_OUTCOME;
    } else {
        memset(&v->k, 0, sizeof v->k);
        snprintf(v->k.crn, sizeof v->k.crn, "%s", crn);
        v->k.date = v->k.respond_by = CL_DATE_NONE;
        v->k.time = v->k.end = -1;
        snprintf(v->context, sizeof v->context, "New contact (date and time default to now)");
        v->focus = F_TYPE;
    }
    if (rc != CL_OK) {
        tui_message(c, TM_ERROR, "%s", err.msg);
        tui_editor_free(&v->ed);
        free(v);
        return NULL;
    }
    v->started = app->clock.today;
    v->started_min = app->clock.minutes;
    order_list(app->store, crn, &v->orders, &v->norders, &err);
    if (!v->k.order_id[0] && !v->k.corrects[0]) /* the one core rule: the only running order */
        order_default(app->store, crn, v->k.date != CL_DATE_NONE ? v->k.date : app->clock.today, v->k.order_id,
                      sizeof v->k.order_id, &err);
    v->order_chosen = v->k.order_id[0] != '\0' && (v->k.appointment_id[0] || v->k.corrects[0]);
    contact_draft_fields(&v->k, v->started, v->started_min, v->opened, sizeof v->opened);
    snprintf(v->who, sizeof v->who, "%s", app->who);
    snprintf(v->ref, sizeof v->ref, "%s", v->k.appointment_id);
    v->key = (store_draft_key){v->who, v->crn, DRAFT_KIND_CONTACT, v->ref};
    /* The note typed before a crash (or left unsaved) for this person comes back. */
    char *fields = NULL, *body = NULL, at[20] = "";
    bool found = false;
    if (store_draft_load(app->store, &v->key, &fields, &body, at, &found, &err) == CL_OK && found) {
        contact_draft_apply(fields, &v->k);
        v->order_chosen = true; /* as it was typed */
        te_set(&v->ed.buf, body);
        if (v->k.corrects[0])
            snprintf(v->context, sizeof v->context, "Correction of contact %s: a new entry; the original stays in the history",
                     v->k.corrects);
        v->has_draft = true;
        v->focus = F_NOTE;
        unlink_if_not_held(v);
        snprintf(v->draft_note, sizeof v->draft_note, "draft of %s recovered", at);
        tui_message(c, TM_INFO, "recovered the unsaved note from %s", at);
    }
    free(fields);
    free(body);
    clock_gettime(CLOCK_MONOTONIC, &v->saved_at);
    c->idle_fn = on_idle;
    c->idle_arg = v;
    return &v->view;
}
