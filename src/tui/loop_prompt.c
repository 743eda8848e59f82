/* The one-line prompt on the message line: its label and text, its note
 * above, and its keys (its own keymap, a y/N question's, text editing). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "caseload/textedit.h"
#include "caseload/textwidth.h"
#include "tui/loop_int.h"

/* The prompt on row y: its label, then the text (a selected default shows
 * reversed, so it is plain that typing replaces it). */
void loop_draw_prompt(tui_ctx *c, int y)
{
    tui_prompt *p = &c->prompt;
    int lw = tw_width(p->label);
    tui_put(y, 0, lw, A_BOLD, p->label);
    tui_text_draw(&p->text, y, lw, COLS - lw, A_NORMAL, true);
}

/* The prompt's note on the rows above row y, wrapped at the screen's width;
 * at most half the body, the last row saying "..." when it is cut. */
void loop_draw_prompt_note(tui_ctx *c, int y)
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
        tui_message(c, TM_INFO, "%s", TUI_DISCARDED);
}

/* Keys to the active prompt: its own keymap, text editing, typing; other keys
 * (arrows, PgDn) fall through to the screen beneath. */
bool loop_prompt_key(tui_ctx *c, int key)
{
    tui_prompt *p = &c->prompt;
    if (p->one_key) { /* a y/N question takes every key: only y says yes */
        const tui_binding *b = tui_key_find(p->keys, key);
        if (!b && p->only_keys) { /* not an answer (tui_ask): the question stays, saying which are */
            char words[96];
            snprintf(p->note, sizeof p->note, "%s; other keys do nothing here",
                     tui_answer_words(p->keys, words, sizeof words));
            return true;
        }
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
    else if (loop_printable(key))
        changed = tui_text_insert(&p->text, key);
    else
        return false;
    if (changed && p->changed)
        p->changed(c, p->arg, p->text.buf);
    return true;
}

