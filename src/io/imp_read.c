/* The importer's reader thread: the header against the column table, then
 * each row on its own (UTF-8, codes, dates, numbers, the row's own rules, keys
 * repeated in the file), into blocks for the writer (imp_int.h). It never
 * touches the database and never reports: each row carries its errors, and
 * the writer reports them in file order. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "caseload/case_open.h"
#include "caseload/pnc.h"
#include "io/imp_int.h"

#define NO_TEXT TEXT_ARENA_FULL /* out of memory; in notes_at, no text */

const char *const imp_nouns[STORE_KINDS_N] = {
    "office", "staff member", "offender", "order", "requirement",
    "registration", "appointment", "contact", "report", "holiday", "setting",
};

void imp_reader_init(imp_reader *r, const csv_format *fmt, const char *name, const imp_source *src,
                     int shift, const cl_calendar *cal, imp_queue *q, atomic_bool *stop)
{
    *r = (imp_reader){.fmt = fmt, .name = name, .src = src, .shift = shift, .cal = cal, .q = q, .stop = stop};
    keyset_init(&r->keys);
    keyset_init(&r->uniq_keys);
    keyset_init(&r->pncs);
    for (size_t i = 0; i < fmt->ncols && r->nnotes < IMP_MAX_NOTES; i++)
        if (fmt->cols[i].type == CF_NOTES)
            r->notes[r->nnotes++] = &fmt->cols[i];
    for (size_t i = 0; i < fmt->ncols && !r->uniq; i++)
        if (fmt->cols[i].flags & CF_UNIQUE)
            r->uniq = &fmt->cols[i], r->uniq_k = i;
}

void imp_reader_free(imp_reader *r)
{
    keyset_free(&r->keys);
    keyset_free(&r->uniq_keys);
    keyset_free(&r->pncs);
}

static int out_of_memory(imp_reader *r)
{
    return cl_err_set(&r->err, CL_ESOFTWARE, "out of memory");
}


/* A shifted appointment, and the contact logged against one, that lands on a
 * weekend or bank holiday moves to the next business day (the core's one
 * rule): a sample moved by whole weeks fills no Christmas Day. */
static void off_closed_days(const imp_reader *r, void *rec)
{
    cl_date *d = NULL;
    if (r->fmt->store == STORE_APPOINTMENT)
        d = &((cl_appointment *)rec)->date;
    else if (r->fmt->store == STORE_CONTACT && ((cl_contact *)rec)->appointment_id[0])
        d = &((cl_contact *)rec)->date;
    if (d && *d != CL_DATE_NONE)
        *d = cal_next_business_day_from(r->cal, *d);
}

/* A row's error: "column\0message\0" after its earlier ones. */
static bool note(imp_block *b, imp_row *row, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool note(imp_block *b, imp_row *row, const char *col, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t at = text_arena_add(&b->text, col, strlen(col));
    if (at == NO_TEXT || text_arena_add(&b->text, msg, strlen(msg)) == NO_TEXT)
        return false;
    if (row->nerr++ == 0)
        row->err_at = at;
    row->valid = false;
    return true;
}

/* The next row of the current block, handing the block over when full. */
static imp_row *new_row(imp_reader *r, long line)
{
    if (r->cur && r->cur->n == IMP_BLOCK_ROWS) {
        r->cur->done = r->done, r->cur->total = r->total, r->cur->progress = r->progress;
        imp_queue_put(r->q, r->cur);
        r->cur = NULL;
    }
    if (!r->cur && !(r->cur = imp_queue_empty(r->q)))
        return NULL;
    imp_row *row = &r->cur->rows[r->cur->n++];
    row->line = line;
    row->record = false;
    row->valid = true;
    row->nerr = 0;
    row->dup = false;
    return row;
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

static int header(imp_reader *r, const csv_record *rec)
{
    r->header_done = true;
    imp_row *row = new_row(r, rec->line);
    if (!row)
        return out_of_memory(r);
    imp_block *b = r->cur;
    bool ok = true;
    if (rec->n > IMP_MAX_COLS) {
        ok &= note(b, row, "header", "%zu columns; a %s file has at most %zu", rec->n, r->fmt->kind, r->fmt->ncols);
        return ok ? IMP_STOP_HEADER : out_of_memory(r);
    }
    r->nmap = rec->n;
    for (size_t i = 0; i < rec->n; i++) {
        r->map[i] = NULL;
        if (!csv_utf8_valid(rec->field[i], rec->len[i])) {
            ok &= note(b, row, "header", "column %zu: invalid UTF-8", i + 1);
            continue;
        }
        const csv_column *c = find_col(r->fmt, rec->field[i]);
        r->map[i] = c;
        if (!c) {
            ok &= note(b, row, rec->field[i][0] ? rec->field[i] : "header",
                       "unknown column for %s (see caseload-csv(5))", r->fmt->kind);
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (r->map[k] == c)
                ok &= note(b, row, c->name, "column appears twice");
    }
    for (size_t k = 0; k < r->fmt->ncols; k++) {
        const csv_column *c = &r->fmt->cols[k];
        bool found = false;
        for (size_t i = 0; i < rec->n && !found; i++)
            found = r->map[i] == c;
        r->named[k] = found;
        if (!found && (c->flags & CF_REQ_COL))
            ok &= note(b, row, c->name, "missing column");
    }
    if (!ok)
        return out_of_memory(r);
    return row->nerr ? IMP_STOP_HEADER : 0;
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

/* A CF_UNIQUE value repeated in the file is an error. Rows with and without
 * one are not mixed: a new number would be given before a later row asks for
 * the same one. */
static bool check_unique(imp_reader *r, imp_block *b, imp_row *row)
{
    if (!r->uniq || !r->named[r->uniq_k] || row->nerr)
        return true;
    char tmp[64];
    const char *v = cf_format(r->uniq, &row->rec, tmp, sizeof tmp);
    int has = *v ? 1 : -1;
    if (!r->uniq_rows)
        r->uniq_rows = has, r->uniq_line = row->line;
    const char *name = r->uniq->name;
    if (has != r->uniq_rows)
        return note(b, row, name, "%s here but %s on line %ld: give every row a %s, or leave the column out",
                    has > 0 ? "given" : "empty", has > 0 ? "empty" : "given", r->uniq_line, name);
    if (has < 0)
        return true;
    long first = keyset_add(&r->uniq_keys, v, row->line);
    if (first < 0)
        return false;
    return first == 0 || note(b, row, name, "duplicate %s %s '%s' in the file (also on line %ld)",
                              imp_nouns[r->fmt->store], name, v, first);
}

/* A PNC given to two people of the file (the writer checks the stored ones). */
static bool check_pnc(imp_reader *r, imp_block *b, imp_row *row)
{
    const cl_offender *o = &row->rec.c;
    if (r->fmt->store != STORE_OFFENDER || row->nerr || !o->pnc[0])
        return true;
    long first = keyset_add(&r->pncs, o->pnc, row->line);
    if (first < 0)
        return false;
    return first == 0 || note(b, row, "pnc", "%s is also given on line %ld: %s", o->pnc, first, PNC_ONE_PERSON);
}

const char *imp_key_text(const csv_format *fmt, const void *rec, char *buf, size_t len,
                         const csv_column **first)
{
    size_t n = 0;
    buf[0] = '\0';
    *first = NULL;
    for (size_t k = 0; k < fmt->ncols; k++) {
        const csv_column *c = &fmt->cols[k];
        if (!(c->flags & CF_KEY))
            continue;
        if (!*first)
            *first = c;
        char tmp[64];
        const char *v = cf_format(c, rec, tmp, sizeof tmp);
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

/* One row: its fields into row->rec, its errors noted. */
static bool parse_row(imp_reader *r, const csv_record *rec, imp_row *row)
{
    imp_block *b = r->cur;
    if (rec->n != r->nmap) {
        if (rec->n < r->nmap)
            return note(b, row, r->map[rec->n] ? r->map[rec->n]->name : "row",
                        "missing: the row has %zu fields and the header %zu", rec->n, r->nmap);
        return note(b, row, "row", "field %zu is one too many: the header has %zu columns", r->nmap + 1, r->nmap);
    }
    row->record = true;
    cf_blank(r->fmt, &row->rec);
    for (size_t i = 0; i < rec->n; i++) {
        const csv_column *c = r->map[i];
        if (!c)
            continue;
        size_t len = rec->len[i];
        if (!csv_utf8_valid(rec->field[i], len)) {
            if (!note(b, row, c->name, "invalid UTF-8 (save the file as UTF-8)"))
                return false;
            continue;
        }
        char *v = rec->field[i];
        if (c->type != CF_TEXT && c->type != CF_NOTES)
            v = trim(v, &len);
        else if (cf_is_code(r->fmt, c))
            case_code_normalise(v); /* cdf02 is CDF02, as on the command line */
        if (!*v) {
            if ((c->flags & CF_REQ_VAL) && !note(b, row, c->name, "missing value"))
                return false;
            continue;
        }
        char msg[600];
        if (!cf_parse(c, v, &row->rec, r->shift, msg, sizeof msg) && !note(b, row, c->name, "%s", msg))
            return false;
    }
    if (!row->nerr && r->cal)
        off_closed_days(r, &row->rec);
    if (!row->nerr) {
        const char *col;
        char msg[300];
        if (!cf_check_row(r->fmt, &row->rec, &col, msg, sizeof msg) && !note(b, row, col, "%s", msg))
            return false;
    }
    if (!check_unique(r, b, row) || !check_pnc(r, b, row))
        return false;
    const csv_column *kc;
    char key[512];
    imp_key_text(r->fmt, &row->rec, key, sizeof key, &kc);
    if (kc && key[0]) {
        long first = keyset_add(&r->keys, key, row->line);
        if (first < 0)
            return false;
        if (first > 0) {
            char msg[700];
            snprintf(msg, sizeof msg, "duplicate %s '%s' in the file (also on line %ld)",
                     imp_nouns[r->fmt->store], key, first);
            size_t at = text_arena_add(&b->text, kc->name, strlen(kc->name));
            if (at == NO_TEXT || text_arena_add(&b->text, msg, strlen(msg)) == NO_TEXT)
                return false;
            row->dup = true;
            row->dup_at = at;
        }
    }
    /* Long texts point into the reader's buffer, reused for the next row. */
    for (int k = 0; k < r->nnotes; k++) {
        char **p = (char **)(void *)((char *)&row->rec + r->notes[k]->offset);
        row->notes_at[k] = NO_TEXT;
        if (*p && (row->notes_at[k] = text_arena_add(&b->text, *p, strlen(*p))) == NO_TEXT)
            return false;
    }
    return true;
}

static int on_record(void *arg, const csv_record *rec)
{
    imp_reader *r = arg;
    if (atomic_load_explicit(r->stop, memory_order_relaxed))
        return IMP_STOPPED;
    if (!r->header_done)
        return header(r, rec);
    if (blank_row(rec))
        return 0;
    imp_row *row = new_row(r, rec->line);
    if (!row || !parse_row(r, rec, row))
        return out_of_memory(r);
    return 0;
}

static void on_progress(void *arg, long long done, long long total)
{
    imp_reader *r = arg;
    r->done = done;
    r->total = total;
    r->progress = true;
}

void *imp_reader_main(void *arg)
{
    imp_reader *r = arg;
    const imp_source *src = r->src;
    int rc = src->path ? csv_read_file(src->path, on_record, on_progress, r, &r->err)
                       : csv_read_buffer(r->name, src->data, src->len, on_record, r, &r->err);
    if (!r->cur && r->progress)
        r->cur = imp_queue_empty(r->q);
    if (r->cur) {
        r->cur->done = r->done, r->cur->total = r->total, r->cur->progress = r->progress;
        imp_queue_put(r->q, r->cur);
        r->cur = NULL;
    }
    r->rc = rc;
    imp_queue_finish(r->q);
    return NULL;
}
