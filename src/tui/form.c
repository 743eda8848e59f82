/* The form widget: labelled one-line fields, Tab/arrows between them, a
 * validation message line, Enter on the last field or Ctrl-S to save. A form
 * is a view on the stack, so it redraws on resize like any other. */
#include <stdlib.h>
#include <string.h>

#include "caseload/textwidth.h"
#include "tui/tui_int.h"

#define FORM_MAX 16

struct tui_form {
    tui_view view;
    char title[128];
    tui_field fields[FORM_MAX];
    size_t n, focus;
    tui_form_save_fn save;
    void *arg;
    char error[256];
    void (*free_arg)(void *);
};

static void f_title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    snprintf(buf, len, "%s", ((tui_form *)v)->title);
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
    if (f->error[0])
        tui_put(r.y + r.h - 1, r.x + 1, r.w - 2, tui_attr(c, TC_ERROR), f->error);
    else if (f->fields[f->focus].hint)
        tui_put(r.y + r.h - 1, r.x + 1, r.w - 2, A_NORMAL, f->fields[f->focus].hint);
    if (cy >= 0) { /* draw the focused field last so the cursor sits in it */
        tui_field *fd = &f->fields[f->focus];
        int w = fd->width > 0 ? fd->width : r.w - (cx - r.x) - 1;
        if (cx + w > r.x + r.w - 1)
            w = r.x + r.w - 1 - cx;
        tui_text_draw(&fd->text, cy, cx, w, tui_attr(c, TC_FIELD) | A_BOLD, true);
        curs_set(1);
    }
}

/* Validates one field; false (and error set) when it is wrong. */
static bool check(tui_form *f, size_t i)
{
    tui_field *fd = &f->fields[i];
    f->error[0] = '\0';
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
            f->focus = i;
            return TR_NONE;
        }
    char msg[256] = "";
    int bad = f->save ? f->save(c, f, f->arg, msg, sizeof msg) : -1;
    if (bad >= 0) {
        f->focus = (size_t)bad < f->n ? (size_t)bad : f->focus;
        snprintf(f->error, sizeof f->error, "%s", msg[0] ? msg : "could not save");
        return TR_NONE;
    }
    if (msg[0])
        tui_message(c, TM_INFO, "%s", msg);
    return TR_BACK;
}

static tui_result f_action(tui_view *v, tui_ctx *c, tui_action a)
{
    tui_form *f = (tui_form *)v;
    switch (a) {
    case TA_FORM_NEXT:
        if (check(f, f->focus) && f->focus + 1 < f->n)
            f->focus++;
        return TR_NONE;
    case TA_FORM_PREV:
        f->error[0] = '\0';
        if (f->focus > 0)
            f->focus--;
        return TR_NONE;
    case TA_FORM_ENTER:
        if (!check(f, f->focus))
            return TR_NONE;
        if (f->focus + 1 < f->n) {
            f->focus++;
            return TR_NONE;
        }
        return save(f, c);
    case TA_FORM_SAVE: return save(f, c);
    case TA_FORM_CANCEL:
    case TA_BACK:
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
    snprintf(f->title, sizeof f->title, "%s", title);
    f->n = n < FORM_MAX ? n : FORM_MAX;
    memcpy(f->fields, fields, f->n * sizeof *fields);
    for (size_t i = 0; i < f->n; i++)
        f->fields[i].text.cur = strlen(f->fields[i].text.buf);
    f->save = save_fn;
    f->arg = arg;
    return &f->view;
}

const char *tui_form_value(tui_form *f, size_t i) { return i < f->n ? f->fields[i].text.buf : ""; }

void tui_form_set(tui_form *f, size_t i, const char *value)
{
    if (i < f->n)
        tui_text_set(&f->fields[i].text, value);
}
