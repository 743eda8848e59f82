/* The screen loop: curses set-up, the screen stack, key dispatch through the
 * keymap, and the frame (title line, message line, hint bar). Only this loop
 * draws: once after every key, so a resize redraws at once wherever the user
 * is (a form, a prompt, a search). Below 80x24 it shows
 * "terminal too small (need 80x24)", and recovers when the terminal grows;
 * meanwhile typing still goes into the active text and other keys are
 * refused visibly (loop_types_while_small). Its keys are in loop_keys.c,
 * the hint bar in loop_hints.c, the prompt in loop_prompt.c. */
#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "caseload/textwidth.h"
#include "tui/loop_int.h"
#include "tui/tui.h"

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

typedef struct small_rows {
    int y;
    attr_t attr;
} small_rows;

static void small_row(void *arg, const char *row)
{
    small_rows *r = arg;
    if (r->y < LINES)
        tui_put(r->y++, 0, COLS, r->attr, row);
}

static void draw(tui_ctx *c)
{
    erase();
    curs_set(0);
    if (too_small()) {
        /* Wrapped, never cut: the size needed must be read at any size. */
        small_rows rows = {0, A_BOLD};
        tw_wrap_rows_under("terminal too small (need 80x24)", COLS, 0, small_row, &rows);
        int y = rows.y;
        if (loop_unsaved(c)) /* no room for the question: Q and Ctrl-C wait, as every key */
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
    char title[256] = "", left[384], right[2][128];
    char day[16];
    date_format_long(c->app->clock.today, day);
    /* Who and when, kept short: the title on the left is what matters. The
     * weekday and year give way to a long title ("Tue 24 Nov 2026", "24 Nov"). */
    const char *sp = c->app->officer[0] ? " " : "";
    const char *ro = store_readonly(c->app->store) ? TUI_READ_ONLY_TITLE "  " : "";
    snprintf(right[0], sizeof right[0], "%s%s%s%s ", ro, c->app->officer, sp, day);
    snprintf(right[1], sizeof right[1], "%s%s%s%.6s ", ro, c->app->officer, sp, day + 4);
    /* The program's name always shows; a long title is cut at its tail. The
     * views that can say it shorter (the caseload list, a search, the diary)
     * are given the room after the name and the short date. One blank before
     * the officer: a long title is cut, never run into it. */
    static const char name[] = " caseload: ";
    int nw = tw_width(name);
    c->title_w = COLS - tw_width(right[1]) - 1 - nw;
    v->ops->title(v, c, title, sizeof title);
    bool whole_date = tw_width(title) <= COLS - tw_width(right[0]) - 1 - nw;
    const char *who = right[whole_date ? 0 : 1];
    int rw = tw_width(who);
    int room = COLS - rw - 1;
    snprintf(left, sizeof left, "%s%s", name, title);
    tui_put(0, 0, COLS - rw, tui_attr(c, TC_TITLE), "");
    tui_put(0, 0, room, tui_attr(c, TC_TITLE), left);
    tui_put(0, COLS - rw, rw, tui_attr(c, TC_TITLE), who);
    tui_rect body = {1, 0, LINES - 3, COLS};
    v->ops->draw(v, c, body);
    int my = LINES - 2;
    if (c->prompt.active) {
        loop_draw_prompt_note(c, my);
        loop_draw_prompt(c, my);
        curs_set(1);
    } else {
        draw_message(c, my);
    }
    loop_draw_hints(c, v, LINES - 1);
    if (c->prompt.active) { /* the cursor belongs in the prompt */
        loop_draw_prompt(c, my);
    } else if (v->ops->text && v->ops->text(v)) {
        v->ops->draw(v, c, body); /* lets a form put the cursor in its field */
        int cy, cx;
        getyx(stdscr, cy, cx);
        draw_message(c, my); /* still over the form, the cursor back in its field */
        move(cy, cx);
    }
    refresh();
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
                /* Q and Ctrl-C too: quitting is not done unseen either. */
                if (loop_types_while_small(&c, key)) {
                    loop_dispatch(&c, key);
                    c.small_typed = true;
                } else {
                    c.small_refused++;
                    beep();
                }
            } else {
                loop_dispatch(&c, key);
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
    bool lost = stop_signal && loop_unsaved(&c);
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
