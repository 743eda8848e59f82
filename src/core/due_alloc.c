/* The allocation due item (CONVENTIONS.md: a newly sentenced case is due to
 * be allocated within 1 business day, TS_ALLOCATION, an office figure): every
 * case on the unallocated list (no officer, or a senior's in name only) is due
 * that long after it began waiting, the list's own "since" (the newest current
 * order's sentence or release date, or the transfer in, whichever is later). */
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/store_alloc.h"
#include "core/due_int.h"

static void on_waiting(void *arg, const char *crn, const char *surname, const char *forenames,
                       const char *office, const char *holder, const char *since)
{
    (void)surname;
    (void)forenames;
    due_engine *e = arg;
    /* Only the people of the list's scope (an office, an officer, a page). */
    if (e->rc != CL_OK || !crn || !since || !due_find_person(e, crn))
        return;
    char d[CL_DATE_LEN];
    due_copy(d, sizeof d, since); /* "2026-11-24T10:00" -> "2026-11-24" */
    cl_date start;
    if (!date_parse_iso(d, &start))
        return;
    cl_date due = due_rule_date(e, office, TS_ALLOCATION, start);
    if (!due_wanted(e, due))
        return;
    due_add(e, due, "allocation", crn, NULL, NULL, "allocation: unallocated since %s%s%s", d,
            holder && *holder ? ", held in name only by " : "", holder && *holder ? holder : "");
}

int due_allocation(due_engine *e, const store_due_q *q)
{
    const char *office = q->scope == STORE_DUE_OFFICE ? q->key : NULL;
    int rc = CL_OK;
    /* Only when the scope has a case with no officer (an officer's own list
     * never has; a page of the caseload list seldom does). */
    bool unheld = false;
    for (size_t i = 0; i < e->np && !unheld; i++)
        unheld = !e->p[i].officer[0];
    if (unheld)
        rc = store_alloc_waiting_each(e->st, NULL, office, on_waiting, e, e->err);
    for (size_t i = 0; rc == CL_OK && i < ALLOC_RULES_N; i++)
        if (ALLOC_RULES[i].name_only)
            rc = store_alloc_waiting_each(e->st, ALLOC_RULES[i].grade, office, on_waiting, e, e->err);
    return rc != CL_OK ? rc : e->rc;
}
