/* The one-line text field and the prompt on the message line. */
#include <stdarg.h>
#include <string.h>
#include <wchar.h>

#include "caseload/textwidth.h"
#include "caseload/case_open.h"
#include "tui/tui_int.h"

void tui_text_set(tui_text *t, const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    if (n >= sizeof t->buf) { /* cut at a character boundary */
        n = sizeof t->buf - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(t->buf, s, n);
    t->buf[n] = '\0';
    t->cur = n;
    t->selected = false;
}

static size_t next_char(const char *s, size_t at)
{
    size_t n = strlen(s);
    if (at >= n)
        return n;
    at++;
    while (at < n && ((unsigned char)s[at] & 0xC0) == 0x80)
        at++;
    /* keep combining marks with their base character */
    while (at < n) {
        mbstate_t ps;
        memset(&ps, 0, sizeof ps);
        wchar_t wc;
        size_t r = mbrtowc(&wc, s + at, n - at, &ps);
        if (r == (size_t)-1 || r == (size_t)-2 || r == 0 || wcwidth(wc) != 0)
            break;
        at += r;
    }
    return at;
}

bool tui_text_action(tui_text *t, tui_action a)
{
    size_t n = strlen(t->buf);
    if (a >= TA_TEXT_LEFT && a <= TA_TEXT_CLEAR)
        t->selected = false; /* the offered value is now being edited */
    switch (a) {
    case TA_TEXT_LEFT: t->cur = tw_prev_char(t->buf, t->cur); return true;
    case TA_TEXT_RIGHT: t->cur = next_char(t->buf, t->cur); return true;
    case TA_TEXT_HOME: t->cur = 0; return true;
    case TA_TEXT_END: t->cur = n; return true;
    case TA_TEXT_CLEAR: t->buf[0] = '\0'; t->cur = 0; return true;
    case TA_TEXT_BACKSPACE: {
        if (t->cur == 0)
            return true;
        size_t p = tw_prev_char(t->buf, t->cur);
        memmove(t->buf + p, t->buf + t->cur, n - t->cur + 1);
        t->cur = p;
        return true;
    }
    case TA_TEXT_DELETE: {
        size_t q = next_char(t->buf, t->cur);
        memmove(t->buf + t->cur, t->buf + q, n - q + 1);
        return true;
    }
    default: return false;
    }
}

bool tui_text_insert(tui_text *t, int ch)
{
    char mb[MB_LEN_MAX];
    mbstate_t ps;
    memset(&ps, 0, sizeof ps);
    size_t k = wcrtomb(mb, (wchar_t)ch, &ps);
    if (k == (size_t)-1)
        return false;
    if (t->selected) { /* typing over an offered value: 03/12 over 25/11 gives 03/12 */
        t->buf[0] = '\0';
        t->cur = 0;
        t->selected = false;
    }
    size_t n = strlen(t->buf);
    if (n + k >= sizeof t->buf)
        return false;
    memmove(t->buf + t->cur + k, t->buf + t->cur, n - t->cur + 1);
    memcpy(t->buf + t->cur, mb, k);
    t->cur += k;
    return true;
}

void tui_text_draw(tui_text *t, int y, int x, int w, int attr, bool focus)
{
    if (w <= 1)
        return;
    /* Scroll so the cursor is visible: drop whole characters from the left. */
    size_t start = 0;
    char head[sizeof t->buf];
    for (;;) {
        size_t len = t->cur - start;
        memcpy(head, t->buf + start, len);
        head[len] = '\0';
        if (tw_width(head) < w)
            break;
        start = next_char(t->buf, start);
    }
    tui_put(y, x, w, attr, t->buf + start);
    if (t->selected) /* reversed: plain that typing replaces it (the cursor stays at its end) */
        tui_put(y, x, tw_width(head), attr | A_REVERSE, t->buf + start);
    if (focus)
        move(y, x + tw_width(head));
}

void tui_message(tui_ctx *c, tui_msg_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, sizeof c->msg, fmt, ap);
    va_end(ap);
    c->msg_kind = kind;
}

void tui_prompt_start(tui_ctx *c, const char *label, const char *initial,
                      void (*changed)(tui_ctx *, void *, const char *),
                      void (*done)(tui_ctx *, void *, const char *, bool), void *arg)
{
    tui_prompt *p = &c->prompt;
    memset(p, 0, sizeof *p);
    p->active = true;
    snprintf(p->label, sizeof p->label, "%s", label);
    tui_text_set(&p->text, initial ? initial : "");
    /* A default is offered, not insisted on: typing 60 over 28 gives 60. */
    p->text.selected = p->text.buf[0] != '\0';
    p->changed = changed;
    p->done = done;
    p->arg = arg;
}

void tui_prompt_text(tui_ctx *c, const char *label, void (*done)(tui_ctx *, void *, const char *, bool),
                     void *arg)
{
    tui_prompt_start(c, label, "", NULL, done, arg);
    c->prompt.keeps_typed = true;
}

bool tui_prompt_code(const char *text, bool ok, char *buf, size_t len)
{
    if (!ok || !text[0])
        return false;
    snprintf(buf, len, "%s", text);
    case_code_normalise(buf);
    return true;
}

bool tui_prompt_unsaved(const tui_ctx *c)
{
    const tui_prompt *p = &c->prompt;
    return p->active && !p->one_key && p->keeps_typed && p->text.buf[strspn(p->text.buf, " ")];
}

void tui_prompt_note(tui_ctx *c, const char *note)
{
    snprintf(c->prompt.note, sizeof c->prompt.note, "%s", note ? note : "");
}

void tui_confirm_no_words(tui_ctx *c, const char *words)
{
    snprintf(c->prompt.no_words, sizeof c->prompt.no_words, "%s", words ? words : "");
}

void tui_confirm(tui_ctx *c, const char *keys, const char *question, void (*yes)(tui_ctx *c, void *arg),
                 void *arg)
{
    /* Asked over a prompt (its typed reason): kept aside, back on no. */
    if (c->prompt.active && !c->prompt.one_key)
        c->held = c->prompt;
    else
        c->held.active = false;
    tui_prompt_start(c, question, "", NULL, NULL, arg);
    c->prompt.one_key = true;
    c->prompt.keys = keys;
    c->prompt.yes = yes;
}

void tui_ask(tui_ctx *c, const char *keys, const char *question, void (*yes)(tui_ctx *c, void *arg), void *arg)
{
    char label[sizeof c->prompt.label], words[96];
    snprintf(label, sizeof label, "%s %s ", question, tui_answer_words(keys, words, sizeof words));
    tui_confirm(c, keys, label, yes, arg);
    c->prompt.only_keys = true;
}

bool tui_case_writable(tui_ctx *c, const char *crn)
{
    cl_err err = {0};
    if (case_check_open(c->app->store, crn, &err) == CL_OK)
        return true;
    tui_message(c, TM_WARN, "%s", err.msg);
    return false;
}
