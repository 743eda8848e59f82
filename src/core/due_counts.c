/* The facts of a screenful of the caseload list: the due list's rules over
 * just those people (their CRNs as one JSON array, due_crns_json), overdue
 * items only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/due_int.h"

/* A JSON string literal of s (CRNs are plain, but escape anyway). */
static size_t json_str(char *out, const char *s)
{
    size_t n = 0;
    out[n++] = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c < 0x20) {
            n += (size_t)sprintf(out + n, "\\u%04x", c);
        } else
            out[n++] = (char)c;
    }
    out[n++] = '"';
    return n;
}

char *due_crns_json(const char *const *crns, size_t n)
{
    size_t len = 3;
    for (size_t i = 0; i < n; i++)
        len += strlen(crns[i]) * 6 + 3;
    char *json = malloc(len);
    if (!json)
        return NULL;
    size_t w = 0;
    json[w++] = '[';
    for (size_t i = 0; i < n; i++) {
        if (i)
            json[w++] = ',';
        w += json_str(json + w, crns[i]);
    }
    json[w++] = ']';
    json[w] = '\0';
    return json;
}

char *due_people_json(const due_engine *e)
{
    const char **v = malloc((e->np ? e->np : 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < e->np; i++)
        v[i] = e->p[i].crn;
    char *json = due_crns_json(v, e->np);
    free(v);
    return json;
}

int due_page_facts(cl_store *st, const cl_calendar *cal, cl_date today, int now_minutes,
                   const char *const *crns, size_t n, due_facts *out, cl_err *err)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (due_facts){false, 0, CL_DATE_NONE, ""};
    if (!n)
        return CL_OK;
    char *json = due_crns_json(crns, n);
    if (!json)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");

    due_list l;
    due_engine e;
    due_engine_init(&e, st, cal, today, now_minutes, &l, err);
    e.overdue_only = true;
    int rc = due_run(&e, STORE_DUE_CRNS, json);
    free(json);
    for (size_t i = 0; rc == CL_OK && i < n; i++) {
        const due_person *p = due_find_person(&e, crns[i]);
        if (p) {
            out[i].active = true;
            out[i].last_contact = p->last_contact;
            out[i].enforcement = p->enf_words ? p->enf_words : "";
        }
    }
    due_engine_free(&e);
    if (rc != CL_OK) {
        due_list_free(&l);
        return rc;
    }
    for (size_t k = 0; k < l.n; k++)
        for (size_t i = 0; i < n; i++)
            if (!strcmp(l.items[k].crn, crns[i]))
                out[i].overdue++;
    due_list_free(&l);
    return CL_OK;
}

int due_page_read(cl_store *st, const cl_calendar *cal, cl_date today, int now_minutes,
                  const char *(*crn_of)(void *arg, size_t row), void *arg, size_t total, size_t from, size_t n,
                  due_page *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    if (from >= total)
        return CL_OK;
    if (n > total - from)
        n = total - from;
    out->crns = malloc(n * sizeof *out->crns);
    out->row = malloc(n * sizeof *out->row);
    out->facts = malloc(n * sizeof *out->facts);
    if (!out->crns || !out->row || !out->facts) {
        due_page_free(out);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    for (size_t i = from; i < from + n; i++) {
        const char *crn = crn_of(arg, i);
        size_t j = 0; /* each person once: a diary's week shows some several times */
        while (crn && j < out->n && strcmp(out->crns[j], crn))
            j++;
        if (crn && j == out->n) {
            out->crns[out->n] = crn;
            out->row[out->n++] = i;
        }
    }
    int rc = out->n ? due_page_facts(st, cal, today, now_minutes, out->crns, out->n, out->facts, err) : CL_OK;
    if (rc != CL_OK)
        due_page_free(out);
    return rc;
}

void due_page_free(due_page *p)
{
    free(p->crns);
    free(p->row);
    free(p->facts);
    memset(p, 0, sizeof *p);
}
