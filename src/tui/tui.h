/* The ncurses front end. The only layer that includes curses. */
#ifndef CASELOAD_TUI_H
#define CASELOAD_TUI_H

#include <stdio.h>

#include "caseload/app.h"

/* Runs the screens until the user quits; returns an exit status. */
int tui_run(cl_app *app);

/* Every key binding, one per line: KEYMAP TITLE<TAB>KEY<TAB>DESCRIPTION (the hidden
 * `caseload --keys`, read by the man page test). */
void tui_print_keys(FILE *f);

#endif
