/* The form widget: labelled one-line fields, Tab/arrows between them, a
 * validation message line, Enter on the last field or Ctrl-S to save. A form
 * is a view on the stack, so it redraws on resize like any other. */
#include <stdlib.h>
#include <string.h>

#include "caseload/textwidth.h"
#include "tui/tui_int.h"

#define FORM_MAX 16
#define FORM_MSG 16384 /* every booking warning, each a sentence */

struct tui_form {
    tui_view view;
    char title[128];
    tui_field fields[FORM_MAX];
    size_t n, focus;
    tui_form_save_fn save;
    void *arg;
    char initial[FORM_MAX][sizeof((tui_text *)0)->buf]; /* as opened: Esc asks only when they differ */
    char filled[FORM_MAX][sizeof((tui_text *)0)->buf];  /* as the program last set them: not yet edited */
    char error[FORM_MSG];
    size_t msg_top, msg_page; /* the first line of error shown, and a page of it */
    void (*free_arg)(void *);
    tui_form_head_fn head;
};

static void f_title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    snprintf(buf, len, "%s", ((tui_form *)v)->title);
}

/* Draws s word-wrapped in w columns on rows from..to, bottom-aligned (the
 * last row stays the message row); a '\n' starts a new line. When it has
 * more lines than rows (a repeat's warnings at 80x24), the rows show a page
 * of it from line *top and the last row says which lines these are and that
 * PgDn/PgUp scroll, so nothing is cut. *page is the scroll step: a page
 * less the line read last, which shows again at the top. */
static void put_wrapped(int from, int to, int x, int w, int attr, const char *s, size_t *top, size_t *page)
{
    enum { MAXL = 512 };
    tw_span l[MAXL];
    size_t n = tw_wrap(s, w, l, MAXL);
    if (n > MAXL)
        n = MAXL;
    int rows = to - from + 1;
    size_t window = rows > 1 ? (size_t)rows - 1 : 1;
    *page = window > 1 ? window - 1 : 1; /* a page on keeps the last line read */
    size_t first = 0, shown = n;
    if (n > (size_t)rows && rows > 1) {
        if (*top > n - window)
            *top = n - window;
        first = *top;
        shown = window;
    } else {
        *top = 0;
        if (n > (size_t)rows)
            shown = (size_t)rows;
    }
    int y = to - (int)shown + 1 - (shown < n && rows > 1 ? 1 : 0);
    for (size_t i = first; i < first + shown; i++, y++) {
        char buf[2048];
        snprintf(buf, sizeof buf, "%.*s", (int)l[i].len, s + l[i].off);
        tui_put(y, x, w, attr, buf);
    }
    if (shown < n && rows > 1) {
        char more[128];
        snprintf(more, sizeof more, "-- lines %zu-%zu of %zu: PgDn/PgUp to scroll --", first + 1, first + shown, n);
        tui_put(to, x, w, attr | A_BOLD, more);
    }
}

static void f_draw(tui_view *v, tui_ctx *c, tui_rect r)
{
    tui_form *f = (tui_form *)v;
    int labw = 0;
    for (size_t i = 0; i < f->n; i++) {
        int w = tw_width(f->fields[i].label);
        if (w > labw)
            labw = w;
    }
    if (labw > r.w / 2)
        labw = r.w / 2;
    int y = r.y + 1;
    if (f->head) { /* the person and their risk, above everything else */
        f->head(c, f, f->arg, r.y, r.x + 1, r.w - 2);
        y++;
    }
    int cy = -1, cx = 0;
    for (size_t i = 0; i < f->n && y < r.y + r.h - 2; i++, y++) {
        tui_field *fd = &f->fields[i];
        bool focus = i == f->focus;
        tui_put(y, r.x + 1, labw, focus ? A_BOLD : A_NORMAL, fd->label);
        int x = r.x + 1 + labw + 2;
        int w = fd->width > 0 ? fd->width : r.w - (x - r.x) - 1;
        if (x + w > r.x + r.w - 1)
            w = r.x + r.w - 1 - x;
        tui_text_draw(&fd->text, y, x, w, tui_attr(c, TC_FIELD) | (focus ? A_BOLD : 0), false);
        if (focus) {
            cy = y;
            cx = x;
        }
    }
    /* Messages and hints wrap over the rows below the fields (at least the
     * last row), so every warning of a booking and a long hint (the types
     * one may book) show whole, even at 80x24. */
    int top = y + 1 < r.y + r.h - 1 ? y + 1 : r.y + r.h - 1;
    size_t top0 = 0, page;
    if (f->error[0])
        put_wrapped(top, r.y + r.h - 1, r.x + 1, r.w - 2, tui_attr(c, TC_ERROR), f->error, &f->msg_top,
                    &f->msg_page);
    else if (f->fields[f->focus].hint)
        put_wrapped(top, r.y + r.h - 1, r.x + 1, r.w - 2, A_NORMAL, f->fields[f->focus].hint, &top0, &page);
    if (cy >= 0) { /* draw the focused field last so the cursor sits in it */
        tui_field *fd = &f->fields[f->focus];
        int w = fd->width > 0 ? fd->width : r.w - (cx - r.x) - 1;
        if (cx + w > r.x + r.w - 1)
            w = r.x + r.w - 1 - cx;
        tui_text_draw(&fd->text, cy, cx, w, tui_attr(c, TC_FIELD) | A_BOLD, true);
        curs_set(1);
    }
}

/* Moves the cursor to field i. A value the officer has not edited (a date,
 * "today", "CO") is offered selected, as a prompt's is: typing replaces it,
 * the arrows, Home/End and Backspace edit it. */
static void focus_on(tui_form *f, size_t i)
{
    f->fields[f->focus].text.selected = false;
    f->focus = i;
    tui_text *t = &f->fields[i].text;
    if (t->buf[0] && !strcmp(t->buf, f->filled[i])) {
        t->cur = strlen(t->buf);
        t->selected = true;
    }
}

/* Validates one field; false (and error set) when it is wrong. */
static bool check(tui_form *f, size_t i)
{
    tui_field *fd = &f->fields[i];
    f->error[0] = '\0';
    f->msg_top = 0;
    if (fd->validate && !fd->validate(fd->text.buf, f->error, sizeof f->error, f->arg)) {
        if (!f->error[0])
            snprintf(f->error, sizeof f->error, "%s: not valid", fd->label);
        return false;
    }
    return true;
}

static tui_result save(tui_form *f, tui_ctx *c)
{
    for (size_t i = 0; i < f->n; i++)
        if (!check(f, i)) {
            focus_on(f, i);
            return TR_NONE;
        }
    char msg[FORM_MSG] = "";
    int bad = f->save ? f->save(c, f, f->arg, msg, sizeof msg) : -1;
    if (bad >= 0) {
        tui_form_refuse(f, (size_t)bad, msg[0] ? msg : "could not save");
        return TR_NONE;
    }
    if (msg[0])
        tui_message(c, TM_INFO, "%s", msg);
    return TR_BACK;
}

/* Anything differs from the form as it opened. */
static bool typed(const tui_form *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->fields[i].text.buf, f->initial[i]))
            return true;
    return false;
}

bool tui_form_unsaved(tui_view *form) { return form && typed((tui_form *)form); }

void tui_discard_top(tui_ctx *c, void *arg)
{
    (void)arg;
    tui_pop(c);
    tui_message(c, TM_INFO, "%s", TUI_DISCARDED);
}

static tui_result f_action(tui_view *v, tui_ctx *c, tui_action a)
{
    tui_form *f = (tui_form *)v;
    switch (a) {
    case TA_FORM_NEXT:
        if (check(f, f->focus) && f->focus + 1 < f->n)
            focus_on(f, f->focus + 1);
        return TR_NONE;
    case TA_FORM_PREV:
        f->error[0] = '\0';
        if (f->focus > 0)
            focus_on(f, f->focus - 1);
        return TR_NONE;
    case TA_FORM_ENTER:
        if (!check(f, f->focus))
            return TR_NONE;
        if (f->focus + 1 < f->n) {
            focus_on(f, f->focus + 1);
            return TR_NONE;
        }
        return save(f, c);
    case TA_FORM_SAVE: return save(f, c);
    case TA_FORM_MSG_DOWN:
        f->msg_top += f->msg_page; /* kept within the lines at the next draw */
        return TR_NONE;
    case TA_FORM_MSG_UP:
        f->msg_top = f->msg_top > f->msg_page ? f->msg_top - f->msg_page : 0;
        return TR_NONE;
    case TA_FORM_CANCEL:
    case TA_BACK:
        if (typed(f)) { /* one key must not throw typed text away */
            tui_confirm(c, TUI_DISCARD_KEYS, TUI_DISCARD_QUESTION, tui_discard_top, f);
            return TR_NONE;
        }
        tui_message(c, TM_INFO, "not saved");
        return TR_BACK;
    default: return TR_UNHANDLED;
    }
}

static tui_text *f_text(tui_view *v)
{
    tui_form *f = (tui_form *)v;
    return &f->fields[f->focus].text;
}

static void f_changed(tui_view *v, tui_ctx *c)
{
    (void)c;
    ((tui_form *)v)->error[0] = '\0';
    ((tui_form *)v)->msg_top = 0;
}

static void f_destroy(tui_view *v)
{
    tui_form *f = (tui_form *)v;
    if (f->free_arg)
        f->free_arg(f->arg);
    free(v);
}

void tui_form_own_arg(tui_view *form, void (*free_fn)(void *))
{
    if (form)
        ((tui_form *)form)->free_arg = free_fn;
}

static const char *const f_keymaps[] = {NULL};
static const tui_view_ops form_ops = {"form", f_keymaps, f_title, f_draw, f_action, f_destroy, f_text, f_changed};

tui_view *tui_form_new(const char *title, const tui_field *fields, size_t n, tui_form_save_fn save_fn, void *arg)
{
    tui_form *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->view.ops = &form_ops;
    f->view.unsaved = tui_form_unsaved;
    snprintf(f->title, sizeof f->title, "%s", title);
    f->n = n < FORM_MAX ? n : FORM_MAX;
    memcpy(f->fields, fields, f->n * sizeof *fields);
    for (size_t i = 0; i < f->n; i++) {
        f->fields[i].text.cur = strlen(f->fields[i].text.buf);
        f->fields[i].text.selected = false;
        memcpy(f->initial[i], f->fields[i].text.buf, sizeof f->initial[i]);
        memcpy(f->filled[i], f->fields[i].text.buf, sizeof f->filled[i]);
    }
    if (f->n)
        focus_on(f, 0);
    f->save = save_fn;
    f->arg = arg;
    return &f->view;
}

void tui_form_set_head(tui_view *form, tui_form_head_fn fn)
{
    if (form)
        ((tui_form *)form)->head = fn;
}

void tui_form_refuse(tui_form *f, size_t i, const char *error)
{
    focus_on(f, i < f->n ? i : f->focus);
    snprintf(f->error, sizeof f->error, "%s", error);
    f->msg_top = 0;
}

const char *tui_form_value(tui_form *f, size_t i) { return i < f->n ? f->fields[i].text.buf : ""; }

void tui_form_set(tui_form *f, size_t i, const char *value)
{
    if (i >= f->n)
        return;
    tui_text_set(&f->fields[i].text, value);
    /* Set by the program (a date on offer), so still not the officer's. */
    memcpy(f->filled[i], f->fields[i].text.buf, sizeof f->filled[i]);
    if (i == f->focus)
        focus_on(f, i);
}
