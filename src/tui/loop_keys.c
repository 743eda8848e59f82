/* The screen loop's keys: which binding a key has on a view (its keymaps in
 * order, then "global", passing over what the view does not offer now), the
 * dispatch of one key (the prompt, a text, the view, then what every screen
 * does), what still types below the minimum size, and quitting (asked first
 * when typed text would go with it). */
#include <curses.h>
#include <wctype.h>

#include "tui/loop_int.h"

/* v does not offer action a in its present state (tui_view.offers): the
 * keys for it are not hinted and do nothing there. */
bool loop_withheld(tui_view *v, tui_action a) { return v->offers && !v->offers(v, a); }

/* The binding of key on v: its own keymap, its others, then "global"; a
 * binding for an action v does not offer now is passed over. */
const tui_binding *loop_lookup(tui_view *v, int key, bool global)
{
    const tui_binding *b = tui_key_find(v->ops->name, key);
    if (b && loop_withheld(v, b->action))
        b = NULL;
    for (const char *const *k = v->ops->keymaps; !b && k && *k; k++)
        if ((b = tui_key_find(*k, key)) && loop_withheld(v, b->action))
            b = NULL;
    if (!b && global && (b = tui_key_find("global", key)) && loop_withheld(v, b->action))
        b = NULL;
    return b;
}

bool tui_key_works(tui_view *v, const tui_binding *b) { return loop_lookup(v, b->key, true) == b; }

/* The view takes letters as text even outside a text field (TUI_KEY_TEXT). */
bool loop_letters_are_text(tui_view *v) { return loop_lookup(v, TUI_KEY_TEXT, false) != NULL; }

bool loop_printable(int key) { return key >= 0x20 && key < 0x110000 && key != 127 && iswprint((wint_t)key); }

/* A view on the stack would lose typed text if the screens closed now (a
 * form beneath a record opened from the intake's duplicate check counts). */
bool loop_unsaved(tui_ctx *c)
{
    if (tui_prompt_unsaved(c))
        return true;
    for (int i = 0; i < c->depth; i++)
        if (c->stack[i]->unsaved && c->stack[i]->unsaved(c->stack[i]))
            return true;
    return false;
}

static void quit_yes(tui_ctx *c, void *arg)
{
    (void)arg;
    c->quit = true;
}

/* Q, Ctrl-C: at once, unless typed text would go with it (the log-contact
 * note is a draft already and says nothing here). */
static void request_quit(tui_ctx *c)
{
    if (loop_unsaved(c))
        tui_confirm(c, TUI_DISCARD_KEYS, TUI_QUIT_QUESTION, quit_yes, NULL);
    else
        c->quit = true;
}

static void apply(tui_ctx *c, tui_result r)
{
    if (r == TR_QUIT)
        request_quit(c);
    else if (r == TR_BACK)
        tui_pop(c);
}

/* A key that would write, on a read-only database: said, and nothing done. */
static bool refused_read_only(tui_ctx *c, tui_action a)
{
    const char *ro = store_readonly(c->app->store);
    if (!ro || !tui_action_writes(a))
        return false;
    tui_message(c, TM_ERROR, STORE_READ_ONLY_REFUSED ": %s", ro);
    return true;
}

void loop_dispatch(tui_ctx *c, int key)
{
    tui_view *v = tui_top(c);
    c->msg[0] = '\0';
    if (c->prompt.active && loop_prompt_key(c, key))
        return;
    tui_text *t = !c->prompt.active && v->ops->text ? v->ops->text(v) : NULL;
    if (t) {
        const tui_binding *b = tui_key_find(v->ops->name, key);
        if (b && !loop_withheld(v, b->action)) {
            if (!refused_read_only(c, b->action))
                apply(c, v->ops->action(v, c, b->action));
            return;
        }
        b = tui_key_find("text", key);
        if ((b && tui_text_action(t, b->action)) || (!b && loop_printable(key) && tui_text_insert(t, key))) {
            if (v->ops->text_changed)
                v->ops->text_changed(v, c);
            return;
        }
        if (!b && loop_printable(key))
            return;
    }
    const tui_binding *b = loop_lookup(v, key, false);
    if (!b && loop_printable(key) && (b = loop_lookup(v, TUI_KEY_TEXT, false)) != NULL) {
        /* A letter outside a text field of a view that takes letters as text
         * (the log-contact form): the view opens its text, then the letter
         * is typed there, never run as a command. */
        tui_result r = v->ops->action(v, c, b->action);
        t = v->ops->text ? v->ops->text(v) : NULL;
        if (t && tui_text_insert(t, key) && v->ops->text_changed)
            v->ops->text_changed(v, c);
        apply(c, r);
        return;
    }
    if (!b)
        b = tui_key_find("global", key);
    if (!b || refused_read_only(c, b->action))
        return;
    tui_result r = v->ops->action(v, c, b->action);
    if (r != TR_UNHANDLED) {
        apply(c, r);
        return;
    }
    switch (b->action) { /* what every screen does unless it says otherwise */
    case TA_QUIT: request_quit(c); break;
    case TA_BACK:
        /* Esc is pressed to back out of a search or a screen, often twice:
         * on the first screen it says how to quit rather than quitting. */
        if (c->depth == 1 && key == TUI_ESC) {
            const char *quit = tui_action_key(v, TA_QUIT);
            tui_message(c, TM_INFO, "this is the first screen: %s quits caseload", quit ? quit : "Q");
        } else {
            tui_pop(c);
        }
        break;
    case TA_HELP: tui_push(c, tui_help_new(c)); break;
    case TA_DIARY_OPEN: tui_push(c, tui_diary_new(c, -1, NULL, c->app->clock.today)); break;
    case TA_DUE_LIST: tui_push(c, tui_due_new(c)); break;
    case TA_REDRAW: clearok(curscr, TRUE); break;
    case TA_NEW_CASE: tui_push(c, tui_intake_new(c)); break;
    case TA_UNALLOCATED: tui_push(c, tui_unallocated_new(c)); break;
    case TA_WORKLOAD: tui_push(c, tui_workload_new(c)); break;
    case TA_TRANSFERS: tui_push(c, tui_transfers_new(c)); break;
    default: break;
    }
}

/* Editing and moving in a text: safe to do unseen (nothing is cleared,
 * saved or left). */
static bool typing_action(tui_action a)
{
    return (a >= TA_TEXT_LEFT && a <= TA_TEXT_DELETE) || (a >= TA_NOTE_UP && a <= TA_NOTE_ENTER);
}

/* Below the minimum size the screen cannot show what a key does: a key that
 * types into the active text (a prompt, a form field, the note) still goes
 * there, so nothing typed is lost; every other key is refused (and counted
 * on the screen), never run unseen. */
bool loop_types_while_small(tui_ctx *c, int key)
{
    tui_view *v = tui_top(c);
    const tui_binding *b;
    if (c->prompt.active) {
        if (c->prompt.one_key) /* a y/N question is never answered unseen */
            return false;
        b = tui_key_find("text", key);
        return b ? typing_action(b->action) : loop_printable(key);
    }
    if (!v)
        return false;
    if (v->ops->text && v->ops->text(v)) {
        b = tui_key_find(v->ops->name, key);
        if (!b)
            b = tui_key_find("text", key);
        return b ? typing_action(b->action) : loop_printable(key);
    }
    return loop_printable(key) && !loop_lookup(v, key, false) && loop_letters_are_text(v);
}

