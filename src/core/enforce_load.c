/* The one loader of a person's enforcement state: effective contacts and
 * orders from the store, then the pure rule (enforce.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/enforce.h"
#include "caseload/store_contact.h"

/* ---- enf_rows: rows and order types with their strings in one buffer ---- */

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t cap2 = *cap ? *cap : 32;
    while (cap2 < need)
        cap2 *= 2;
    void *n = realloc(*p, cap2 * size);
    if (!n)
        return false;
    *p = n;
    *cap = cap2;
    return true;
}

/* Copies s (NULL as "") into the buffer; its offset. */
static size_t keep(enf_rows *rs, const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    if (!grow((void **)&rs->buf, &rs->bcap, rs->len + n, 1)) {
        rs->oom = true;
        return 0;
    }
    memcpy(rs->buf + rs->len, s ? s : "", n);
    rs->len += n;
    return rs->len - n;
}

void enf_rows_add(enf_rows *rs, const enf_row *row)
{
    if (rs->oom)
        return;
    if (rs->n == rs->cap) { /* r and off grow together */
        size_t cap = rs->cap ? rs->cap * 2 : 32;
        enf_row *r = realloc(rs->r, cap * sizeof *r);
        if (r)
            rs->r = r;
        size_t(*off)[4] = r ? realloc(rs->off, cap * sizeof *off) : NULL;
        if (off)
            rs->off = off;
        if (!r || !off) {
            rs->oom = true;
            return;
        }
        rs->cap = cap;
    }
    size_t i = rs->n++;
    rs->r[i] = *row;
    rs->off[i][0] = keep(rs, row->id);
    rs->off[i][1] = keep(rs, row->order_id);
    rs->off[i][2] = keep(rs, row->outcome);
    rs->off[i][3] = keep(rs, row->action);
}

void enf_rows_type(enf_rows *rs, const char *order_id, const char *type)
{
    if (rs->oom)
        return;
    for (size_t i = 0; i < rs->nt; i++)
        if (!strcmp(rs->buf + rs->toff[i][0], order_id ? order_id : ""))
            return;
    if (!grow((void **)&rs->toff, &rs->capt, rs->nt + 1, sizeof *rs->toff)) {
        rs->oom = true;
        return;
    }
    size_t i = rs->nt++;
    rs->toff[i][0] = keep(rs, order_id);
    rs->toff[i][1] = keep(rs, type);
}

int enf_rows_compute(enf_rows *rs, const cl_calendar *cal, cl_date today, enf_person *out, cl_err *err)
{
    enf_order_type *t = rs->nt ? malloc(rs->nt * sizeof *t) : NULL;
    if (rs->oom || (rs->nt && !t)) {
        free(t);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    /* The buffer may have moved while it grew: point the strings at it now. */
    for (size_t i = 0; i < rs->n; i++) {
        rs->r[i].id = rs->buf + rs->off[i][0];
        rs->r[i].order_id = rs->buf + rs->off[i][1];
        rs->r[i].outcome = rs->buf + rs->off[i][2];
        rs->r[i].action = rs->buf + rs->off[i][3];
    }
    for (size_t i = 0; i < rs->nt; i++)
        t[i] = (enf_order_type){rs->buf + rs->toff[i][0], rs->buf + rs->toff[i][1]};
    enf_compute(out, rs->r, rs->n, t, rs->nt, cal, today);
    free(t);
    return CL_OK;
}

void enf_rows_reset(enf_rows *rs) { rs->n = rs->nt = rs->len = 0; }

void enf_rows_free(enf_rows *rs)
{
    free(rs->r);
    free(rs->off);
    free(rs->toff);
    free(rs->buf);
    memset(rs, 0, sizeof *rs);
}

/* ---- enf_load ------------------------------------------------------------ */

static void add_row(void *arg, const enf_row *row) { enf_rows_add(arg, row); }
static void add_type(void *arg, const char *id, const char *type) { enf_rows_type(arg, id, type); }

int enf_load(cl_store *st, const cl_calendar *cal, const char *crn, cl_date today,
             enf_person *out, cl_err *err)
{
    enf_rows rs = {0};
    int rc = store_contact_each_enf(st, crn, add_row, &rs, err);
    if (rc == CL_OK && rs.n > 0)
        rc = store_order_types_each(st, crn, add_type, &rs, err);
    if (rc == CL_OK)
        rc = enf_rows_compute(&rs, cal, today, out, err);
    enf_rows_free(&rs);
    return rc;
}
