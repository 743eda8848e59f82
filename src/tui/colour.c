/* Colour with meaning: each role is a colour pair, or attributes when the
 * terminal has no colour or NO_COLOR is set (any value). Meaning never rests
 * on colour alone: callers always draw the words too. */
#include <stdlib.h>

#include "tui/tui_int.h"

typedef struct role_style {
    short fg, bg;
    int colour_attr; /* added to the pair */
    int mono_attr;   /* used instead when there is no colour */
} role_style;

static const role_style STYLES[TC__N] = {
    [TC_NORMAL] = {-1, -1, 0, 0},
    [TC_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
    [TC_HINT] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [TC_HEADER] = {-1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [TC_SELECTED] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
    [TC_INFO] = {COLOR_GREEN, -1, 0, 0},
    [TC_WARN] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [TC_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TC_ROSH_UNKNOWN] = {-1, -1, 0, 0},
    [TC_ROSH_LOW] = {COLOR_GREEN, -1, 0, 0},
    [TC_ROSH_MEDIUM] = {COLOR_YELLOW, -1, 0, 0},
    [TC_ROSH_HIGH] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TC_ROSH_VERY_HIGH] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
    [TC_STAFF] = {COLOR_YELLOW, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
    [TC_FLAG] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [TC_CLOSED] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
    [TC_OVERDUE] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [TC_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
};

void tui_colour_init(tui_ctx *c)
{
    c->colour = getenv("NO_COLOR") == NULL && has_colors();
    if (!c->colour)
        return;
    start_color();
    use_default_colors();
    for (int r = 1; r < TC__N; r++)
        init_pair((short)r, STYLES[r].fg, STYLES[r].bg);
}

int tui_attr(const tui_ctx *c, tui_colour role)
{
    if (role <= TC_NORMAL || role >= TC__N)
        return A_NORMAL;
    if (!c->colour)
        return STYLES[role].mono_attr;
    return (int)COLOR_PAIR(role) | STYLES[role].colour_attr;
}

tui_colour tui_rosh_colour(risk_rosh r)
{
    switch (r) {
    case ROSH_LOW: return TC_ROSH_LOW;
    case ROSH_MEDIUM: return TC_ROSH_MEDIUM;
    case ROSH_HIGH: return TC_ROSH_HIGH;
    case ROSH_VERY_HIGH: return TC_ROSH_VERY_HIGH;
    default: return TC_ROSH_UNKNOWN;
    }
}
