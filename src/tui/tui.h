/* The ncurses front end. The only layer that includes curses. */
#ifndef CASELOAD_TUI_H
#define CASELOAD_TUI_H

#include "caseload/app.h"

/* Runs the screens until the user quits; returns an exit status. */
int tui_run(cl_app *app);

#endif
