/* A person's audit trail in lines (audit_trail.h): the store's rows, oldest
 * first, each in the words table's line. */
#include "caseload/audit_trail.h"

#include <stdlib.h>

#include "caseload/audit_words.h"
#include "caseload/store_audit.h"
#include "caseload/textwidth.h"

/* A row's words, notes and all; a longer one ends in "..." (audit_words). */
enum { LINE_MAX_BYTES = 65536 };

typedef struct walk {
    audit_trail_fn fn;
    void *arg;
    char *line;
    size_t n;
} walk;

static int one_row(void *arg, const store_audit_row *r)
{
    walk *w = arg;
    if (!audit_line(r, w->line, LINE_MAX_BYTES))
        return 0;
    /* the columns of "when who ", measured in the line itself */
    size_t at = (size_t)audit_head(r, NULL, 0);
    char keep = w->line[at];
    w->line[at] = '\0';
    int head = tw_width(w->line);
    w->line[at] = keep;
    w->n++;
    return w->fn(w->arg, w->line, head);
}

int audit_trail_each(cl_store *st, const char *crn, audit_trail_fn fn, void *arg, size_t *n, cl_err *err)
{
    walk w = {fn, arg, malloc(LINE_MAX_BYTES), 0};
    if (n)
        *n = 0;
    if (!w.line)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    int rc = store_audit_each(st, crn, one_row, &w, err);
    free(w.line);
    if (n)
        *n = w.n;
    return rc;
}
