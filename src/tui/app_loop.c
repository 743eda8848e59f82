/* Placeholder screen loop until the UI issue lands: opens and quits on q. */
#include <curses.h>
#include <locale.h>

#include "tui/tui.h"

int tui_run(cl_app *app)
{
    (void)app;
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    mvprintw(0, 0, "caseload %s", CASELOAD_VERSION);
    refresh();
    while (getch() != 'q')
        ;
    endwin();
    return 0;
}
