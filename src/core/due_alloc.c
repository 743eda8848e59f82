/* The allocation due item (CONVENTIONS.md: a newly sentenced case is due to
 * be allocated within 1 business day, TS_ALLOCATION, an office figure): every
 * case on the unallocated list (no officer, or a senior's in name only) is due
 * that long after it began waiting, the list's own "since" (the newest current
 * order's sentence or release date, or the transfer in, whichever is later). */
#include <stdio.h>
#include <stdlib.h>
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
    int rc = CL_OK;
    if (q->scope == STORE_DUE_OFFICE || q->scope == STORE_DUE_ALL) {
        /* A whole office (or everyone): the unallocated list's own queries. */
        const char *office = q->scope == STORE_DUE_OFFICE ? q->key : NULL;
        rc = store_alloc_waiting_each(e->st, NULL, office, on_waiting, e, e->err);
        for (size_t i = 0; rc == CL_OK && i < ALLOC_RULES_N; i++)
            if (ALLOC_RULES[i].name_only)
                rc = store_alloc_waiting_each(e->st, ALLOC_RULES[i].grade, office, on_waiting, e, e->err);
        return rc != CL_OK ? rc : e->rc;
    }
    /* A few people (a screenful of the caseload list, an officer's cases):
     * each looked up by key. Reading every waiting case in the country for a
     * page of 20 made each key press of the search take seconds; one
     * statement a rule for them all, not one a person (a page: 19 -> 1). */
    char *crns = due_people_json(e);
    if (!crns)
        return e->rc = cl_err_set(e->err, CL_ESOFTWARE, "out of memory");
    rc = store_alloc_waiting_crns(e->st, NULL, crns, on_waiting, e, e->err);
    for (size_t k = 0; rc == CL_OK && e->rc == CL_OK && k < ALLOC_RULES_N; k++)
        if (ALLOC_RULES[k].name_only)
            rc = store_alloc_waiting_crns(e->st, ALLOC_RULES[k].grade, crns, on_waiting, e, e->err);
    free(crns);
    return rc != CL_OK ? rc : e->rc;
}

/* ---- reallocation: a case held against the grade rules ------------------ */

static void on_holding(void *arg, const store_due_holding *h)
{
    due_engine *e = arg;
    due_person *p = e->rc == CL_OK ? due_find_person(e, h->crn) : NULL;
    if (!p)
        return;
    p->hold.limited = true;
    p->hold.override = h->override;
    due_copy(p->hold.grade, sizeof p->hold.grade, h->grade);
    due_copy(p->hold.tier, sizeof p->hold.tier, h->tier);
    p->hold.from = h->from;
}

int due_holdings(due_engine *e, const store_due_q *q)
{
    return store_due_holdings(e->st, q, on_holding, e, e->err);
}

void due_holding_judge(due_engine *e, due_person *p, const risk_reg_row *rows, size_t n)
{
    if (!p->hold.limited)
        return;
    p->hold.breaches =
        alloc_held_breaches(p->hold.grade, p->hold.tier, rows, n, e->from, &p->hold.facts, &p->hold.since);
    p->hold.judged = true;
}

/* Due from when the case began to break the rules while so held: the later
 * of the holding's start and the first registration that breaks one. The
 * holder acts (their manager sees it in the office's list). */
int due_reallocation(due_engine *e)
{
    for (size_t i = 0; i < e->np && e->rc == CL_OK; i++) {
        due_person *p = &e->p[i];
        if (!p->hold.limited || p->hold.override)
            continue;
        if (!p->hold.judged)
            due_holding_judge(e, p, NULL, 0); /* no registration: the tier alone */
        if (!p->hold.breaches)
            continue;
        cl_date due = p->hold.from;
        if (due == CL_DATE_NONE || (p->hold.since != CL_DATE_NONE && p->hold.since > due))
            due = p->hold.since != CL_DATE_NONE ? p->hold.since : e->from;
        if (!due_wanted(e, due))
            continue;
        char words[CL_TEXT_LEN];
        alloc_reallocation_words(p->hold.breaches, p->hold.grade, &p->hold.facts, words, sizeof words);
        due_add(e, due, "reallocation", p->crn, NULL, NULL, "%s", words);
    }
    return e->rc;
}
