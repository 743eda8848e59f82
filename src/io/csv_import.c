/* Import: header-driven, validated against the column table, written through
 * the store's upserts in one transaction. Valid rows are written as they come
 * (so a later row may refer to an earlier one) even after an error, to find
 * every error in one pass; any error rolls the whole transaction back. The
 * row path allocates nothing: fields stay in the reader's buffer, the record
 * is one reused struct, statements are cached by the store. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload/import.h"
#include "caseload/model.h"
#include "io/keyset.h"

#define MAX_COLS 64
#define REF_CACHE 64

typedef union any_rec {
    cl_office a; cl_staff b; cl_offender c; cl_order d; cl_requirement e;
    cl_registration f; cl_appointment g; cl_contact h; cl_report i; cl_holiday j;
} any_rec;

typedef struct deferred {
    long line;
    const csv_column *col;
    char key[CL_ID_LEN];
} deferred;

typedef struct imp {
    cl_store *st;
    const csv_format *fmt;
    const char *name;
    const imp_opts *o;
    imp_counts *c;
    bool header_done;
    const csv_column *map[MAX_COLS]; /* per header field */
    size_t nmap;
    keyset keys;
    any_rec rec;
    char cache[MAX_COLS][REF_CACHE]; /* last reference found per column */
    deferred *later;                 /* references to this same kind, checked at the end */
    size_t nlater, caplater;
    int fatal;
    cl_err *err;
} imp;

enum { STOP_HEADER = -2 };

static const char *const nouns[STORE_KINDS_N] = {
    "office", "staff member", "offender", "order", "requirement",
    "registration", "appointment", "contact", "report", "holiday",
};

static void report(imp *im, const char *line)
{
    if (im->o && im->o->report)
        im->o->report(im->o ? im->o->arg : NULL, line);
}

static void bad(imp *im, long line, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void bad(imp *im, long line, const char *col, const char *fmt, ...)
{
    if (++im->c->errors > IMP_MAX_REPORTED)
        return;
    char msg[1200];
    int n = snprintf(msg, sizeof msg, "%s:%ld: %s: ", im->name, line, col);
    va_list ap;
    va_start(ap, fmt);
    if (n > 0 && (size_t)n < sizeof msg)
        vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    report(im, msg);
}

/* Header names: case and surrounding spaces do not matter. */
static const csv_column *find_col(const csv_format *fmt, const char *name)
{
    while (*name == ' ' || *name == '\t')
        name++;
    size_t len = strlen(name);
    while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    for (size_t i = 0; i < fmt->ncols; i++)
        if (strlen(fmt->cols[i].name) == len && !strncasecmp(fmt->cols[i].name, name, len))
            return &fmt->cols[i];
    return NULL;
}

static int header(imp *im, const csv_record *r)
{
    long before = im->c->errors;
    im->header_done = true;
    if (r->n > MAX_COLS) {
        bad(im, r->line, "header", "%zu columns; a %s file has at most %zu", r->n, im->fmt->kind, im->fmt->ncols);
        return STOP_HEADER;
    }
    im->nmap = r->n;
    for (size_t i = 0; i < r->n; i++) {
        if (!csv_utf8_valid(r->field[i], r->len[i])) {
            bad(im, r->line, "header", "column %zu: invalid UTF-8", i + 1);
            continue;
        }
        const csv_column *c = find_col(im->fmt, r->field[i]);
        im->map[i] = c;
        if (!c) {
            bad(im, r->line, r->field[i][0] ? r->field[i] : "header",
                "unknown column for %s (see caseload-csv(5))", im->fmt->kind);
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (im->map[k] == c)
                bad(im, r->line, c->name, "column appears twice");
    }
    for (size_t k = 0; k < im->fmt->ncols; k++) {
        const csv_column *c = &im->fmt->cols[k];
        bool found = false;
        for (size_t i = 0; i < r->n && !found; i++)
            found = im->map[i] == c;
        if (!found && (c->flags & CF_REQ_COL))
            bad(im, r->line, c->name, "missing column");
    }
    return im->c->errors > before ? STOP_HEADER : 0;
}

static bool blank_row(const csv_record *r)
{
    for (size_t i = 0; i < r->n; i++)
        for (const char *p = r->field[i]; *p; p++)
            if (*p != ' ' && *p != '\t')
                return false;
    return true;
}

/* Codes, dates, numbers and ids are read without surrounding spaces; free
 * text keeps every character (the round trip must be exact). */
static char *trim(char *s, size_t *len)
{
    while (*s == ' ' || *s == '\t')
        s++, (*len)--;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    *len = n;
    return s;
}

static bool add_later(imp *im, long line, const csv_column *col, const char *key)
{
    if (im->nlater == im->caplater) {
        size_t cap = im->caplater ? im->caplater * 2 : 64;
        deferred *d = realloc(im->later, cap * sizeof *d);
        if (!d)
            return false;
        im->later = d;
        im->caplater = cap;
    }
    deferred *d = &im->later[im->nlater++];
    d->line = line;
    d->col = col;
    snprintf(d->key, sizeof d->key, "%s", key);
    return true;
}

static void check_refs(imp *im, long line)
{
    for (size_t k = 0; k < im->fmt->ncols; k++) {
        const csv_column *c = &im->fmt->cols[k];
        if (c->ref == STORE_KINDS_N)
            continue;
        const char *v = (const char *)&im->rec + c->offset;
        if (!*v || !strcmp(im->cache[k], v))
            continue;
        if (store_exists(im->st, c->ref, v)) {
            if (strlen(v) < REF_CACHE)
                memcpy(im->cache[k], v, strlen(v) + 1);
        } else if (c->ref == im->fmt->store) {
            /* May be a later row of this file: checked when all are in. */
            if (!add_later(im, line, c, v))
                im->fatal = cl_err_set(im->err, CL_ESOFTWARE, "out of memory");
        } else {
            bad(im, line, c->name, "no %s '%s' in the database (import %s first)", nouns[c->ref], v,
                CSV_FORMATS[c->ref].kind);
        }
    }
}

/* The natural key as text: key columns as exported, joined by a space. */
static const char *key_text(imp *im, char *buf, size_t len, const csv_column **first)
{
    size_t n = 0;
    buf[0] = '\0';
    *first = NULL;
    for (size_t k = 0; k < im->fmt->ncols; k++) {
        const csv_column *c = &im->fmt->cols[k];
        if (!(c->flags & CF_KEY))
            continue;
        if (!*first)
            *first = c;
        char tmp[64];
        const char *v = cf_format(c, &im->rec, tmp, sizeof tmp);
        size_t vl = strlen(v);
        if (n + (n ? 1 : 0) + vl >= len)
            break;
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, v, vl);
        n += vl;
        buf[n] = '\0';
    }
    return buf;
}

typedef int (*put_fn)(cl_store *st, const void *rec, store_put_res *res, cl_err *err);
#define PUT(name, T)                                                                           \
    static int put_##name(cl_store *st, const void *rec, store_put_res *res, cl_err *err)      \
    {                                                                                          \
        return store_put_##name(st, (const T *)rec, res, err);                                 \
    }
PUT(office, cl_office) PUT(staff, cl_staff) PUT(offender, cl_offender) PUT(order, cl_order)
PUT(requirement, cl_requirement) PUT(registration, cl_registration)
PUT(appointment, cl_appointment) PUT(contact, cl_contact) PUT(report, cl_report)
PUT(holiday, cl_holiday)
static const put_fn puts_by_kind[STORE_KINDS_N] = {
    put_office, put_staff, put_offender, put_order, put_requirement,
    put_registration, put_appointment, put_contact, put_report, put_holiday,
};

static int on_record(void *arg, const csv_record *r)
{
    imp *im = arg;
    if (!im->header_done)
        return header(im, r);
    if (blank_row(r))
        return 0;
    long before = im->c->errors;
    if (r->n < im->nmap) {
        bad(im, r->line, im->map[r->n] ? im->map[r->n]->name : "row",
            "missing: the row has %zu fields and the header %zu", r->n, im->nmap);
        return 0;
    }
    if (r->n > im->nmap) {
        bad(im, r->line, "row", "field %zu is one too many: the header has %zu columns", im->nmap + 1, im->nmap);
        return 0;
    }
    cf_blank(im->fmt, &im->rec);
    for (size_t i = 0; i < r->n; i++) {
        const csv_column *c = im->map[i];
        if (!c)
            continue;
        size_t len = r->len[i];
        if (!csv_utf8_valid(r->field[i], len)) {
            bad(im, r->line, c->name, "invalid UTF-8 (save the file as UTF-8)");
            continue;
        }
        char *v = r->field[i];
        if (c->type != CF_TEXT && c->type != CF_NOTES)
            v = trim(v, &len);
        if (!*v) {
            if (c->flags & CF_REQ_VAL)
                bad(im, r->line, c->name, "missing value");
            continue;
        }
        char msg[600];
        if (!cf_parse(c, v, &im->rec, im->o ? im->o->shift : 0, msg, sizeof msg))
            bad(im, r->line, c->name, "%s", msg);
    }
    if (im->c->errors == before) {
        const char *col;
        char msg[300];
        if (!cf_check_row(im->fmt, &im->rec, &col, msg, sizeof msg))
            bad(im, r->line, col, "%s", msg);
    }
    check_refs(im, r->line); /* fields that failed above are empty and skipped */
    if (im->fatal)
        return im->fatal;
    const csv_column *kc;
    char key[512];
    key_text(im, key, sizeof key, &kc);
    if (kc && key[0]) {
        long first = keyset_add(&im->keys, key, r->line);
        if (first < 0)
            return im->fatal = cl_err_set(im->err, CL_ESOFTWARE, "out of memory");
        if (first > 0) {
            bad(im, r->line, kc->name, "duplicate %s '%s' in the file (also on line %ld)",
                nouns[im->fmt->store], key, first);
            return 0;
        }
    }
    if (im->c->errors != before)
        return 0;
    store_put_res res;
    cl_err e = {0};
    int rc = puts_by_kind[im->fmt->store](im->st, &im->rec, &res, &e);
    if (rc == CL_EDATA) {
        bad(im, r->line, kc ? kc->name : "row", "%s", e.msg);
        return 0;
    }
    if (rc != CL_OK) {
        *im->err = e;
        return im->fatal = rc;
    }
    if (res == STORE_INSERTED)
        im->c->inserted++;
    else if (res == STORE_UPDATED)
        im->c->updated++;
    else
        im->c->unchanged++;
    return 0;
}

static void check_later(imp *im)
{
    for (size_t i = 0; i < im->nlater; i++)
        if (!store_exists(im->st, im->later[i].col->ref, im->later[i].key))
            bad(im, im->later[i].line, im->later[i].col->name, "no %s '%s' in the file or the database",
                nouns[im->later[i].col->ref], im->later[i].key);
}

static void on_progress(void *arg, long long done, long long total)
{
    imp *im = arg;
    if (im->o && im->o->progress)
        im->o->progress(im->o->arg, done, total);
}

typedef struct source {
    const char *path;       /* a file, or */
    const char *data;       /* a buffer */
    size_t len;
} source;

static int run(cl_store *st, const csv_format *fmt, const char *name, const source *src,
               const imp_opts *o, imp_counts *out, cl_err *err)
{
    imp_counts dummy;
    if (!out)
        out = &dummy;
    *out = (imp_counts){0};
    imp *im = calloc(1, sizeof *im);
    if (!im)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    cl_err local = {0};
    if (!err)
        err = &local;
    *im = (imp){.st = st, .fmt = fmt, .name = name, .o = o, .c = out, .err = err};
    keyset_init(&im->keys);

    int rc = store_bulk_begin(st, err);
    if (rc == CL_OK && src->path && o && o->bulk_bytes > 0) {
        struct stat sb;
        if (stat(src->path, &sb) == 0 && (long long)sb.st_size >= o->bulk_bytes)
            rc = store_bulk_journal(st, err);
    }
    if (rc == CL_OK)
        rc = store_begin(st, err);
    if (rc == CL_OK)
        rc = store_defer_references(st, err);
    if (rc == CL_OK)
        rc = store_bulk_first_load(st, fmt->store, NULL, err);
    if (rc == CL_OK) {
        if (src->path)
            rc = csv_read_file(src->path, on_record, on_progress, im, err);
        else
            rc = csv_read_buffer(name, src->data, src->len, on_record, im, err);
        if (rc == STOP_HEADER)
            rc = CL_OK; /* reported; errors > 0 */
        if (rc == CL_OK && !im->header_done)
            bad(im, 1, "header", "empty file: the first line must name the columns");
        if (rc == CL_OK)
            check_later(im);
        if (rc == CL_OK && out->errors) {
            if (out->errors > IMP_MAX_REPORTED) {
                char more[600];
                snprintf(more, sizeof more, "%s: %lld more errors not shown", name,
                         out->errors - IMP_MAX_REPORTED);
                report(im, more);
            }
            rc = cl_err_set(err, CL_EDATA, "%s: %lld error%s: nothing was imported", name,
                            out->errors, out->errors == 1 ? "" : "s");
        }
        if (rc == CL_OK && !(o && o->dry_run)) {
            char detail[200];
            snprintf(detail, sizeof detail, "%lld inserted, %lld updated, %lld unchanged",
                     out->inserted, out->updated, out->unchanged);
            rc = store_bulk_finish(st, err);
            if (rc == CL_OK)
                rc = store_audit(st, "import", fmt->kind, name, NULL, detail, err);
            if (rc == CL_OK)
                rc = store_commit(st, err);
        }
    }
    store_rollback(st); /* nothing when committed; everything on error or dry run */
    store_bulk_end(st);
    keyset_free(&im->keys);
    free(im->later);
    free(im);
    return rc;
}

int imp_file(cl_store *st, const csv_format *fmt, const char *path, const imp_opts *o,
             imp_counts *out, cl_err *err)
{
    source src = {.path = path};
    return run(st, fmt, path, &src, o, out, err);
}

int imp_buffer(cl_store *st, const csv_format *fmt, const char *name, const char *data, size_t len,
               const imp_opts *o, imp_counts *out, cl_err *err)
{
    source src = {.data = data, .len = len};
    return run(st, fmt, name, &src, o, out, err);
}
