/* The screen loop: curses set-up, the screen stack, key dispatch through the
 * keymap, and the frame (title line, message line, hint bar). Only this loop
 * draws: once after every key, so a resize redraws at once wherever the user
 * is (a form, a prompt, a search). Below 80x24 it shows one line,
 * "terminal too small (need 80x24)", and recovers when the terminal grows. */
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

/* The hint bar: hint rows of the keymaps in lookup order, first come first. */
static void draw_hints(tui_ctx *c, tui_view *v, int y)
{
    const char *maps[12];
    size_t nm = 0;
    if (c->prompt.active) {
        maps[nm++] = c->prompt.one_key ? "confirm" : "prompt";
    } else if (v->ops->text && v->ops->text(v)) {
        maps[nm++] = v->ops->name;
    } else {
        maps[nm++] = v->ops->name;
        for (const char *const *k = v->ops->keymaps; k && *k && nm < 10; k++)
            maps[nm++] = *k;
    }
    maps[nm++] = "global";
    char line[1024] = "";
    size_t used = 0;
    for (size_t m = 0; m < nm; m++)
        for (size_t i = 0; i < TUI_KEYMAP_N; i++) {
            const tui_binding *b = &TUI_KEYMAP[i];
            if (!b->hint || strcmp(b->view, maps[m]))
                continue;
            if ((c->prompt.active || (v->ops->text && v->ops->text(v))) && m == nm - 1)
                continue; /* in a text field letters are typed: q and Q are not keys there */
            int n = snprintf(line + used, sizeof line - used, "%s%s %s", used ? "  " : " ", b->key_name, b->hint);
            if (n > 0 && used + (size_t)n < sizeof line)
                used += (size_t)n;
        }
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
    for (int i = 0; i < c->depth; i++)
        if (c->stack[i]->unsaved && c->stack[i]->unsaved(c->stack[i]))
            return true;
    return false;
}

static void draw(tui_ctx *c)
{
    erase();
    curs_set(0);
    if (too_small()) {
        tui_put(0, 0, COLS, A_BOLD, "terminal too small (need 80x24)");
        if (unsaved(c)) /* no room for the question: Q and Ctrl-C wait */
            tui_put(1, 0, COLS, A_NORMAL, "a form holds typed text: enlarge to save it or quit");
        refresh();
        return;
    }
    tui_view *v = tui_top(c);
    char title[256] = "", left[384], right[128];
    v->ops->title(v, c, title, sizeof title);
    snprintf(left, sizeof left, " caseload: %s", title);
    char day[16];
    date_format_long(c->app->clock.today, day);
    /* Who and when, kept short: the title on the left is what matters. */
    snprintf(right, sizeof right, "%s%s%s ", c->app->officer, c->app->officer[0] ? " " : "", day);
    int rw = tw_width(right);
    /* One blank before the officer: a long title is cut, never run into it. */
    tui_put(0, 0, COLS - rw, tui_attr(c, TC_TITLE), "");
    tui_put(0, 0, COLS - rw - 1, tui_attr(c, TC_TITLE), left);
    tui_put(0, COLS - rw, rw, tui_attr(c, TC_TITLE), right);
    tui_rect body = {1, 0, LINES - 3, COLS};
    v->ops->draw(v, c, body);
    int my = LINES - 2;
    if (c->prompt.active) {
        draw_prompt_note(c, my);
        draw_prompt(c, my);
        curs_set(1);
    } else if (c->msg[0]) {
        tui_colour role = c->msg_kind == TM_ERROR ? TC_ERROR : c->msg_kind == TM_WARN ? TC_WARN : TC_INFO;
        tui_put(my, 0, COLS, tui_attr(c, role), c->msg);
    }
    draw_hints(c, v, LINES - 1);
    if (c->prompt.active) { /* the cursor belongs in the prompt */
        draw_prompt(c, my);
    } else if (v->ops->text && v->ops->text(v)) {
        v->ops->draw(v, c, body); /* lets a form put the cursor in its field */
    }
    refresh();
}

static const tui_binding *lookup(tui_view *v, int key, bool global)
{
    const tui_binding *b = tui_key_find(v->ops->name, key);
    for (const char *const *k = v->ops->keymaps; !b && k && *k; k++)
        b = tui_key_find(*k, key);
    if (!b && global)
        b = tui_key_find("global", key);
    return b;
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
        tui_confirm(c, TUI_QUIT_QUESTION, quit_yes, NULL);
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

/* Keys to the active prompt: its own keymap, text editing, typing; other keys
 * (arrows, PgDn) fall through to the screen beneath. */
static bool prompt_key(tui_ctx *c, int key)
{
    tui_prompt *p = &c->prompt;
    if (p->one_key) { /* a y/N question takes every key: only y says yes */
        const tui_binding *b = tui_key_find("confirm", key);
        p->active = false;
        if (b && b->action == TA_CONFIRM_YES && p->yes)
            p->yes(c, p->arg);
        else if (p->no_words[0])
            tui_message(c, TM_INFO, "%s", p->no_words);
        else
            tui_message(c, TM_INFO, "kept: nothing was discarded");
        return true;
    }
    const tui_binding *b = tui_key_find("prompt", key);
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

static void dispatch(tui_ctx *c, int key)
{
    tui_view *v = tui_top(c);
    c->msg[0] = '\0';
    if (c->prompt.active && prompt_key(c, key))
        return;
    tui_text *t = !c->prompt.active && v->ops->text ? v->ops->text(v) : NULL;
    if (t) {
        const tui_binding *b = tui_key_find(v->ops->name, key);
        if (b) {
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
    const tui_binding *b = lookup(v, key, true);
    if (!b)
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
                if ((key == 'Q' || key == TUI_CTRL('c')) && !unsaved(&c))
                    c.quit = true;
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
            fprintf(stderr, "caseload: stopped by %s: the typed text of an open form was not saved\n",
                    stop_signal == SIGHUP ? "SIGHUP (terminal closed)" : "SIGTERM");
        return 128 + stop_signal; /* as a shell reports a process stopped by the signal */
    }
    return CL_OK;
}
