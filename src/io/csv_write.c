/* Writing CSV: RFC 4180 quoting only where a value needs it, LF line ends. */
#include <string.h>

#include "caseload/csv.h"

void csv_out_init(csv_out *w, FILE *f)
{
    w->f = f;
    w->nfields = 0;
    w->last_empty = false;
}

void csv_put_field(csv_out *w, const char *s)
{
    if (!s)
        s = "";
    if (w->nfields++)
        putc(',', w->f);
    w->last_empty = w->nfields == 1 && !*s;
    if (!s[strcspn(s, ",\"\r\n")]) {
        fputs(s, w->f);
        return;
    }
    putc('"', w->f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            putc('"', w->f);
        putc(*p, w->f);
    }
    putc('"', w->f);
}

void csv_end_row(csv_out *w)
{
    /* A row of one empty field would read back as a blank line, which is skipped. */
    if (w->nfields == 1 && w->last_empty)
        fputs("\"\"", w->f);
    putc('\n', w->f);
    w->nfields = 0;
    w->last_empty = false;
}
