/* The one loader of a person's enforcement state: effective contacts and
 * orders from the store, then the pure rule (enforce.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/enforce.h"
#include "caseload/store_contact.h"

typedef struct rows {
    enf_row *r;
    char **text; /* owned copies of the row strings, 4 per row */
    size_t n, cap;
    bool oom;
} rows;

static char *dup(const char *s) { return strdup(s ? s : ""); }

static void add_row(void *arg, const enf_row *row)
{
    rows *c = arg;
    if (c->oom)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        enf_row *r = realloc(c->r, cap * sizeof *r);
        if (r)
            c->r = r;
        char **t = r ? realloc(c->text, cap * 4 * sizeof *t) : NULL;
        if (t)
            c->text = t;
        if (!r || !t) {
            c->oom = true;
            return;
        }
        c->cap = cap;
    }
    char **t = &c->text[c->n * 4];
    t[0] = dup(row->id), t[1] = dup(row->order_id), t[2] = dup(row->outcome), t[3] = dup(row->action);
    enf_row *r = &c->r[c->n++];
    *r = *row;
    r->id = t[0], r->order_id = t[1], r->outcome = t[2], r->action = t[3];
    if (!t[0] || !t[1] || !t[2] || !t[3])
        c->oom = true;
}

#define MAX_TYPES 64
typedef struct types {
    enf_order_type t[MAX_TYPES];
    char id[MAX_TYPES][CL_ID_LEN], type[MAX_TYPES][8];
    size_t n;
} types;

static void add_type(void *arg, const char *id, const char *type)
{
    types *t = arg;
    if (t->n == MAX_TYPES)
        return;
    size_t i = t->n++;
    snprintf(t->id[i], sizeof t->id[i], "%s", id ? id : "");
    snprintf(t->type[i], sizeof t->type[i], "%s", type ? type : "");
    t->t[i] = (enf_order_type){t->id[i], t->type[i]};
}

int enf_load(cl_store *st, const cl_calendar *cal, const char *crn, cl_date today,
             enf_person *out, cl_err *err)
{
    rows c = {0};
    types *t = calloc(1, sizeof *t);
    int rc = t ? store_contact_each_enf(st, crn, add_row, &c, err)
               : cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc == CL_OK && c.oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc == CL_OK && c.n > 0)
        rc = store_order_types_each(st, crn, add_type, t, err);
    if (rc == CL_OK)
        enf_compute(out, c.r, c.n, t->t, t->n, cal, today);
    for (size_t i = 0; i < c.n * 4; i++)
        free(c.text[i]);
    free(c.text);
    free(c.r);
    free(t);
    return rc;
}
