/* The hint bar: the keys of the screen in front, in words, from the keymap. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "caseload/textwidth.h"
#include "tui/loop_int.h"

/* A binding's hint word. On the first screen going back leaves caseload:
 * its key says so with the quit key's own word. */
static const char *word_of(const tui_ctx *c, const tui_binding *b)
{
    if (c->depth == 1 && b->action == TA_BACK)
        for (size_t i = 0; i < TUI_KEYMAP_N; i++)
            if (TUI_KEYMAP[i].action == TA_QUIT && TUI_KEYMAP[i].hint)
                return TUI_KEYMAP[i].hint;
    return b->hint;
}

/* One hint, "  KEY word" (one blank before the first): its width, and
 * added to line (returns the width added). */
static int hint_width(const tui_ctx *c, const tui_binding *b, bool after)
{
    return (after ? 2 : 1) + tw_width(b->key_name) + 1 + tw_width(word_of(c, b));
}

static int add_hint(const tui_ctx *c, char *line, size_t len, const tui_binding *b, bool after)
{
    size_t used = strlen(line);
    snprintf(line + used, len - used, "%s%s %s", after ? "  " : " ", b->key_name, word_of(c, b));
    return hint_width(c, b, after);
}

/* The hint bar: hint rows of the keymaps in lookup order, first come first,
 * whole: when they do not all fit, the first ones that do and then "? help"
 * (which lists them all), never a hint cut in two. */
void loop_draw_hints(tui_ctx *c, tui_view *v, int y)
{
    const char *maps[12];
    size_t nm = 0;
    bool typing = c->prompt.active || (v->ops->text && v->ops->text(v));
    bool text_only = typing || loop_letters_are_text(v); /* q and Q are not keys there */
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
            if (!c->prompt.active && loop_withheld(v, b->action))
                continue;
            if (!c->prompt.active && !typing && loop_lookup(v, b->key, true) != b)
                continue; /* its key does something else here (the view's own Enter) */
            if (b->action == TA_HELP && help < 0)
                help = (int)nh;
            hints[nh++] = b;
        }
    int all = 0;
    for (size_t i = 0; i < nh; i++)
        all += hint_width(c, hints[i], i > 0);
    char line[1024] = "";
    int width = 0;
    bool help_in = false;
    for (size_t i = 0; i < nh; i++) {
        /* when they do not all fit, room is kept for "? help" until it is in */
        int keep = all > COLS && help >= 0 && !help_in && (int)i != help ? hint_width(c, hints[help], true) : 0;
        if (width + hint_width(c, hints[i], i > 0) + keep > COLS)
            break;
        width += add_hint(c, line, sizeof line, hints[i], i > 0);
        help_in |= (int)i == help;
    }
    if (help >= 0 && !help_in)
        add_hint(c, line, sizeof line, hints[help], true);
    tui_put(y, 0, COLS, tui_attr(c, TC_HINT), line);
}

