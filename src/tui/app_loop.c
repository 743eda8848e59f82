/* The screen loop: curses set-up, the screen stack, key dispatch through the
 * keymap, and the frame (title line, message line, hint bar). Only this loop
 * draws: once after every key, so a resize redraws at once wherever the user
 * is (a form, a prompt, a search). Below 80x24 it shows
 * "terminal too small (need 80x24)", and recovers when the terminal grows;
 * meanwhile typing still goes into the active text and other keys are
 * refused visibly (types_while_small). */
#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "caseload/textedit.h"
#include "caseload/textwidth.h"
#include "tui/tui.h"
#include "tui/tui_int.h"

void tui_push(tui_ctx *c, tui_view *v)
{
    if (!v)
        return;
    if (c->depth == TUI_MAX_STACK) {
        v->ops->destroy(v);
        tui_message(c, TM_ERROR, "too many screens open: go back first");
        return;
    }
    c->stack[c->depth++] = v;
}

void tui_pop(tui_ctx *c)
{
    if (c->depth == 0)
        return;
    tui_view *v = c->stack[--c->depth];
    v->ops->destroy(v);
}

tui_view *tui_top(tui_ctx *c) { return c->depth ? c->stack[c->depth - 1] : NULL; }

static bool too_small(void) { return COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS; }

/* v does not offer action a in its present state (tui_view.offers): the
 * keys for it are not hinted and do nothing there. */
static bool withheld(tui_view *v, tui_action a) { return v->offers && !v->offers(v, a); }

/* The binding of key on v: its own keymap, its others, then "global"; a
 * binding for an action v does not offer now is passed over. */
static const tui_binding *lookup(tui_view *v, int key, bool global)
{
    const tui_binding *b = tui_key_find(v->ops->name, key);
    if (b && withheld(v, b->action))
        b = NULL;
    for (const char *const *k = v->ops->keymaps; !b && k && *k; k++)
        if ((b = tui_key_find(*k, key)) && withheld(v, b->action))
            b = NULL;
    if (!b && global && (b = tui_key_find("global", key)) && withheld(v, b->action))
        b = NULL;
    return b;
}

/* The view takes letters as text even outside a text field (TUI_KEY_TEXT). */
static bool letters_are_text(tui_view *v) { return lookup(v, TUI_KEY_TEXT, false) != NULL; }

/* One hint, "  KEY word" (one blank before the first): its width, and
 * added to line (returns the width added). */
static int hint_width(const tui_binding *b, bool after)
{
    return (after ? 2 : 1) + tw_width(b->key_name) + 1 + tw_width(b->hint);
}

static int add_hint(char *line, size_t len, const tui_binding *b, bool after)
{
    size_t used = strlen(line);
    snprintf(line + used, len - used, "%s%s %s", after ? "  " : " ", b->key_name, b->hint);
    return hint_width(b, after);
}

/* The hint bar: hint rows of the keymaps in lookup order, first come first,
 * whole: when they do not all fit, the first ones that do and then "? help"
 * (which lists them all), never a hint cut in two. */
static void draw_hints(tui_ctx *c, tui_view *v, int y)
{
    const char *maps[12];
    size_t nm = 0;
    bool typing = c->prompt.active || (v->ops->text && v->ops->text(v));
    bool text_only = typing || letters_are_text(v); /* q and Q are not keys there */
    if (c->prompt.active) {
        maps[nm++] = c->prompt.one_key ? c->prompt.keys : "prompt";
    } else if (typing) {
        maps[nm++] = v->ops->name;
    } else {
        maps[nm++] = v->ops->name;
        for (const char *const *k = v->ops->keymaps; k && *k && nm < 10; k++)
            maps[nm++] = *k;
    }
    maps[nm++] = "global";
    const tui_binding *hints[64];
    size_t nh = 0;
    int help = -1;
    for (size_t m = 0; m < nm; m++)
        for (size_t i = 0; i < TUI_KEYMAP_N && nh < 64; i++) {
            const tui_binding *b = &TUI_KEYMAP[i];
            if (!b->hint || strcmp(b->view, maps[m]))
                continue;
            if (text_only && m == nm - 1)
                continue; /* in a text field letters are typed: q and Q are not keys there */
            if (!c->prompt.active && withheld(v, b->action))
                continue;
            if (b->action == TA_HELP && help < 0)
                help = (int)nh;
            hints[nh++] = b;
        }
    int all = 0;
    for (size_t i = 0; i < nh; i++)
        all += hint_width(hints[i], i > 0);
    char line[1024] = "";
    int width = 0;
    bool help_in = false;
    for (size_t i = 0; i < nh; i++) {
        /* when they do not all fit, room is kept for "? help" until it is in */
        int keep = all > COLS && help >= 0 && !help_in && (int)i != help ? hint_width(hints[help], true) : 0;
        if (width + hint_width(hints[i], i > 0) + keep > COLS)
            break;
        width += add_hint(line, sizeof line, hints[i], i > 0);
        help_in |= (int)i == help;
    }
    if (help >= 0 && !help_in)
        add_hint(line, sizeof line, hints[help], true);
    tui_put(y, 0, COLS, tui_attr(c, TC_HINT), line);
}

/* The prompt on row y: its label, then the text (a selected default shows
 * reversed, so it is plain that typing replaces it). */
static void draw_prompt(tui_ctx *c, int y)
{
    tui_prompt *p = &c->prompt;
    int lw = tw_width(p->label);
    tui_put(y, 0, lw, A_BOLD, p->label);
    tui_text_draw(&p->text, y, lw, COLS - lw, A_NORMAL, true);
}

/* The prompt's note on the rows above row y, wrapped at the screen's width;
 * at most half the body, the last row saying "..." when it is cut. */
static void draw_prompt_note(tui_ctx *c, int y)
{
    if (!c->prompt.note[0])
        return;
    te_buf b;
    te_init(&b);
    if (!te_set(&b, c->prompt.note)) {
        te_free(&b);
        return;
    }
    size_t n;
    const te_row *rows = te_layout(&b, COLS, &n);
    size_t max = (size_t)(LINES - 3) / 2, shown = n < max ? n : max;
    int attr = tui_attr(c, TC_WARN);
    for (size_t i = 0; i < shown; i++) {
        char line[1024];
        size_t len = rows[i].end - rows[i].start;
        if (len >= sizeof line)
            len = sizeof line - 1;
        memcpy(line, b.s + rows[i].start, len);
        line[len] = '\0';
        if (len && line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (i + 1 == shown && shown < n)
            snprintf(line, sizeof line, "...");
        tui_put(y - (int)shown + (int)i, 0, COLS, attr, line);
    }
    te_free(&b);
}

/* A view on the stack would lose typed text if the screens closed now (a
 * form beneath a record opened from the intake's duplicate check counts). */
static bool unsaved(tui_ctx *c)
{
    if (tui_prompt_unsaved(c))
        return true;
    for (int i = 0; i < c->depth; i++)
        if (c->stack[i]->unsaved && c->stack[i]->unsaved(c->stack[i]))
            return true;
    return false;
}

/* The message on row y, whole: a message wider than the screen (a refusal
 * naming the contact to correct, a printed file's path) wraps upwards over
 * the last rows of the screen beneath until the next key. */
static void draw_message(tui_ctx *c, int y)
{
    if (!c->msg[0])
        return;
    tui_colour role = c->msg_kind == TM_ERROR ? TC_ERROR : c->msg_kind == TM_WARN ? TC_WARN : TC_INFO;
    int attr = tui_attr(c, role);
    if (tw_width(c->msg) <= COLS) {
        tui_put(y, 0, COLS, attr, c->msg);
        return;
    }
    enum { MAXL = 6 };
    tw_span l[MAXL];
    size_t n = tw_wrap(c->msg, COLS, l, MAXL);
    int rows = n < MAXL ? (int)n : MAXL;
    if (rows > y) /* never over the title line */
        rows = y;
    for (int i = 0; i < rows; i++) {
        char buf[sizeof c->msg];
        /* What still does not fit goes on the last row, cut with '~'. */
        bool last = i == rows - 1 && (size_t)rows < n;
        snprintf(buf, sizeof buf, "%.*s", last ? (int)strlen(c->msg + l[i].off) : (int)l[i].len,
                 c->msg + l[i].off);
        tui_put(y - rows + 1 + i, 0, COLS, attr, buf);
    }
}

static void draw(tui_ctx *c)
{
    erase();
    curs_set(0);
    if (too_small()) {
        int y = 0;
        tui_put(y++, 0, COLS, A_BOLD, "terminal too small (need 80x24)");
        if (unsaved(c)) /* no room for the question: Q and Ctrl-C wait */
            tui_put(y++, 0, COLS, A_NORMAL, "a form holds typed text: enlarge to save it or quit");
        if (c->small_typed)
            tui_put(y++, 0, COLS, A_NORMAL, "typing still goes in");
        if (c->small_refused) {
            char line[96];
            snprintf(line, sizeof line, "%d key%s not taken", c->small_refused,
                     c->small_refused == 1 ? "" : "s");
            tui_put(y, 0, COLS, tui_attr(c, TC_ERROR), line);
        }
        refresh();
        return;
    }
    c->small_typed = false;
    c->small_refused = 0;
    tui_view *v = tui_top(c);
    char title[256] = "", left[384], right[128];
    char day[16];
    date_format_long(c->app->clock.today, day);
    /* Who and when, kept short: the title on the left is what matters. */
    snprintf(right, sizeof right, "%s%s%s%s ", store_readonly(c->app->store) ? TUI_READ_ONLY_TITLE "  " : "",
             c->app->officer, c->app->officer[0] ? " " : "", day);
    int rw = tw_width(right);
    int room = COLS - rw - 1; /* one blank before the officer: a long title is cut, never run into it */
    c->title_w = room - 1;    /* after the leading blank */
    v->ops->title(v, c, title, sizeof title);
    /* The program's name gives way first to a long title. */
    snprintf(left, sizeof left, " caseload: %s", title);
    if (tw_width(left) > room)
        snprintf(left, sizeof left, " %s", title);
    tui_put(0, 0, COLS - rw, tui_attr(c, TC_TITLE), "");
    tui_put(0, 0, room, tui_attr(c, TC_TITLE), left);
    tui_put(0, COLS - rw, rw, tui_attr(c, TC_TITLE), right);
    tui_rect body = {1, 0, LINES - 3, COLS};
    v->ops->draw(v, c, body);
    int my = LINES - 2;
    if (c->prompt.active) {
        draw_prompt_note(c, my);
        draw_prompt(c, my);
        curs_set(1);
    } else {
        draw_message(c, my);
    }
    draw_hints(c, v, LINES - 1);
    if (c->prompt.active) { /* the cursor belongs in the prompt */
        draw_prompt(c, my);
    } else if (v->ops->text && v->ops->text(v)) {
        v->ops->draw(v, c, body); /* lets a form put the cursor in its field */
        int cy, cx;
        getyx(stdscr, cy, cx);
        draw_message(c, my); /* still over the form, the cursor back in its field */
        move(cy, cx);
    }
    refresh();
}


static bool printable(int key) { return key >= 0x20 && key < 0x110000 && key != 127 && iswprint((wint_t)key); }

static void quit_yes(tui_ctx *c, void *arg)
{
    (void)arg;
    c->quit = true;
}

/* Q, Ctrl-C: at once, unless typed text would go with it (the log-contact
 * note is a draft already and says nothing here). */
static void request_quit(tui_ctx *c)
{
    if (unsaved(c))
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

/* y to "Discard the typed text?" over a prompt: it closes as Esc closes an
 * empty one (its done callback says what was not done). */
static void prompt_discard_yes(tui_ctx *c, void *arg)
{
    (void)arg;
    tui_prompt h = c->held;
    c->held.active = false;
    c->msg[0] = '\0';
    if (h.done)
        h.done(c, h.arg, h.text.buf, false);
    if (!c->msg[0])
        tui_message(c, TM_INFO, "not saved: the typed text is discarded");
}

/* Keys to the active prompt: its own keymap, text editing, typing; other keys
 * (arrows, PgDn) fall through to the screen beneath. */
static bool prompt_key(tui_ctx *c, int key)
{
    tui_prompt *p = &c->prompt;
    if (p->one_key) { /* a y/N question takes every key: only y says yes */
        const tui_binding *b = tui_key_find(p->keys, key);
        p->active = false;
        if (b && b->action == TA_CONFIRM_YES && p->yes) {
            p->yes(c, p->arg);
        } else {
            if (p->no_words[0])
                tui_message(c, TM_INFO, "%s", p->no_words);
            else
                tui_message(c, TM_INFO, "kept: nothing was discarded");
            if (c->held.active) /* the prompt asked about, with its text */
                c->prompt = c->held;
        }
        c->held.active = false;
        return true;
    }
    const tui_binding *b = tui_key_find("prompt", key);
    if (b && b->action == TA_PROMPT_CANCEL && tui_prompt_unsaved(c)) {
        tui_confirm(c, TUI_DISCARD_KEYS, TUI_DISCARD_QUESTION, prompt_discard_yes, NULL);
        return true;
    }
    if (b) {
        p->active = false;
        if (p->done)
            p->done(c, p->arg, p->text.buf, b->action == TA_PROMPT_ACCEPT);
        return true;
    }
    b = tui_key_find("text", key);
    bool changed = false;
    if (b)
        changed = tui_text_action(&p->text, b->action);
    else if (printable(key))
        changed = tui_text_insert(&p->text, key);
    else
        return false;
    if (changed && p->changed)
        p->changed(c, p->arg, p->text.buf);
    return true;
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

static void dispatch(tui_ctx *c, int key)
{
    tui_view *v = tui_top(c);
    c->msg[0] = '\0';
    if (c->prompt.active && prompt_key(c, key))
        return;
    tui_text *t = !c->prompt.active && v->ops->text ? v->ops->text(v) : NULL;
    if (t) {
        const tui_binding *b = tui_key_find(v->ops->name, key);
        if (b && !withheld(v, b->action)) {
            if (!refused_read_only(c, b->action))
                apply(c, v->ops->action(v, c, b->action));
            return;
        }
        b = tui_key_find("text", key);
        if ((b && tui_text_action(t, b->action)) || (!b && printable(key) && tui_text_insert(t, key))) {
            if (v->ops->text_changed)
                v->ops->text_changed(v, c);
            return;
        }
        if (!b && printable(key))
            return;
    }
    const tui_binding *b = lookup(v, key, false);
    if (!b && printable(key) && (b = lookup(v, TUI_KEY_TEXT, false)) != NULL) {
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
    case TA_BACK: tui_pop(c); break;
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
static bool types_while_small(tui_ctx *c, int key)
{
    tui_view *v = tui_top(c);
    const tui_binding *b;
    if (c->prompt.active) {
        if (c->prompt.one_key) /* a y/N question is never answered unseen */
            return false;
        b = tui_key_find("text", key);
        return b ? typing_action(b->action) : printable(key);
    }
    if (!v)
        return false;
    if (v->ops->text && v->ops->text(v)) {
        b = tui_key_find(v->ops->name, key);
        if (!b)
            b = tui_key_find("text", key);
        return b ? typing_action(b->action) : printable(key);
    }
    return printable(key) && !lookup(v, key, false) && letters_are_text(v);
}

/* Monotonic microseconds, for CASELOAD_KEYTIME only (never for rules). */
static double mono_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* SIGTERM, or SIGHUP when the terminal is closed: noted here and acted on by
 * the loop, which closes every screen (the log-contact form writes its draft
 * as it closes), never in the handler. The other forms are short and are not
 * kept as drafts: what they hold is named on stderr. */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig) { stop_signal = sig; }

static void catch_stop(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop; /* no SA_RESTART: the waiting key read returns */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

/* Reads one key: code points as themselves, function keys as TUI_FN(code). */
static int read_key(void)
{
    wint_t wc;
    int r = get_wch(&wc);
    if (r == ERR)
        return -1;
    if (r == KEY_CODE_YES)
        return TUI_FN((int)wc);
    return (int)wc;
}

int tui_run(cl_app *app)
{
    tui_ctx c;
    memset(&c, 0, sizeof c);
    c.app = app;
    set_escdelay(25);      /* Esc goes back at once */
    catch_stop();          /* before initscr, which then leaves SIGTERM to us */
    if (!initscr())
        return CL_EIO;
    raw(); /* Ctrl-S, Ctrl-C and friends come to us as keys */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    tui_colour_init(&c);
    tui_push(&c, tui_caseload_new(&c));
    if (store_readonly(app->store)) /* said once; the title line keeps saying it */
        tui_message(&c, TM_WARN, "read-only database: you can read, but nothing can be saved (%s)", store_readonly(app->store));
    else
        tui_drafts_offer(&c); /* after a crash: the unsaved note back */
    /* CASELOAD_KEYTIME=FILE appends the microseconds each key took, from the
     * key read to the redraw sent (bench/keypress.sh reads it). */
    const char *kt = getenv("CASELOAD_KEYTIME");
    FILE *ktf = kt && *kt ? fopen(kt, "a") : NULL;
    if (!c.quit && c.depth > 0) {
        store_read_begin(c.app->store);
        draw(&c);
        store_read_end(c.app->store);
    }
    while (!c.quit && c.depth > 0 && !stop_signal) {
        timeout(c.idle_fn ? TUI_IDLE_MS : -1);
        int key = read_key();
        if (stop_signal)
            break;
        double t0 = mono_us();
        if (app_clock_refresh(c.app)) { /* left open past midnight */
            char d[CL_DATE_LEN];
            tui_message(&c, TM_INFO, "it is now %s: screens read again show the new day", date_format(c.app->clock.today, d));
        }
        store_read_begin(c.app->store);
        if (key < 0 && c.idle_fn)
            c.idle_fn(&c, c.idle_arg);
        if (key >= 0 && key != TUI_FN(KEY_RESIZE)) {
            if (too_small()) {
                if (types_while_small(&c, key)) {
                    dispatch(&c, key);
                    c.small_typed = true;
                } else if ((key == 'Q' || key == TUI_CTRL('c')) && !unsaved(&c)) {
                    c.quit = true;
                } else {
                    c.small_refused++;
                    beep();
                }
            } else {
                dispatch(&c, key);
            }
        }
        if (c.quit || c.depth == 0) {
            store_read_end(c.app->store);
            break;
        }
        draw(&c); /* at once, also after a resize */
        store_read_end(c.app->store);
        if (ktf && key >= 0 && key != TUI_FN(KEY_RESIZE)) {
            fprintf(ktf, "%.0f\n", mono_us() - t0);
            fflush(ktf);
        }
    }
    if (ktf)
        fclose(ktf);
    bool lost = stop_signal && unsaved(&c);
    while (c.depth > 0)
        tui_pop(&c);
    endwin();
    if (stop_signal) {
        if (lost)
            fprintf(stderr, "caseload: stopped by %s: the typed text of an open form or prompt was not saved\n",
                    stop_signal == SIGHUP ? "SIGHUP (terminal closed)" : "SIGTERM");
        return 128 + stop_signal; /* as a shell reports a process stopped by the signal */
    }
    return CL_OK;
}
