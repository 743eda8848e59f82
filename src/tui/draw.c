/* Drawing helpers: every string goes through tw_fit, so columns line up
 * whatever the characters' display widths. */
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

void tui_put(int y, int x, int w, int attr, const char *s)
{
    if (w <= 0)
        return;
    char buf[1024];
    tw_fit(s, w, buf, sizeof buf);
    attrset(attr);
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
}

void tui_put_right(int y, int x, int w, int attr, const char *s)
{
    if (w <= 0)
        return;
    char buf[1024];
    tw_fit_right(s, w, buf, sizeof buf);
    attrset(attr);
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
}

void tui_fill(int y, int x, int w, int attr)
{
    tui_put(y, x, w, attr, "");
}
