/* Reading CSV over libcsv. libcsv does not count lines, so the input is fed
 * one physical line at a time: the line being fed when a record's first byte
 * goes in is where the record starts, even when a quoted field runs on over
 * several lines. Field bytes go into one reused buffer (no allocation per
 * record once the buffers have grown to the widest record). */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload/csv.h"
#include "caseload/paths.h"
#include "io/textarena.h"

typedef struct reader {
    struct csv_parser p;
    const char *name;
    text_arena buf;            /* the record's field bytes */
    size_t *off, *lens;        /* per field: offset in buf, length */
    char **ptr;
    size_t nf, fcap;
    long line;                 /* physical line being fed */
    long start;                /* where the current record started */
    bool in_record;
    bool oom;
    csv_record_fn fn;
    void *arg;
    int stop;                  /* what fn returned, when it stopped us */
    char **header;             /* the first record's fields: the column names in messages */
    size_t nheader;
    bool header_seen;
} reader;

/* The three per-field arrays share one capacity. */
static bool grow_fields(reader *r, size_t need)
{
    if (need <= r->fcap)
        return true;
    size_t n = r->fcap ? r->fcap * 2 : 32;
    while (n < need)
        n *= 2;
    size_t *off = realloc(r->off, n * sizeof *off);
    if (off)
        r->off = off;
    size_t *lens = realloc(r->lens, n * sizeof *lens);
    if (lens)
        r->lens = lens;
    char **ptr = realloc(r->ptr, n * sizeof *ptr);
    if (ptr)
        r->ptr = ptr;
    if (!off || !lens || !ptr)
        return false;
    r->fcap = n;
    return true;
}

/* A line break inside a quoted field is stored as LF, whatever the file's
 * line ends: CRLF (and a lone CR, old Mac files) become LF, so a note from a
 * CRLF file exports and shows as one typed in the screens. Returns the
 * field's new length. */
static size_t lf_breaks(char *f, size_t len)
{
    char *cr = memchr(f, '\r', len);
    if (!cr)
        return len;
    size_t out = (size_t)(cr - f);
    for (size_t i = out; i < len; i++) {
        if (f[i] == '\r') {
            f[out++] = '\n';
            if (i + 1 < len && f[i + 1] == '\n')
                i++;
        } else {
            f[out++] = f[i];
        }
    }
    f[out] = '\0';
    return out;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->stop || r->oom)
        return;
    if (!r->in_record) {
        r->in_record = true;
        r->start = r->line;
    }
    size_t at;
    if (!grow_fields(r, r->nf + 1) || (at = text_arena_add(&r->buf, s, len)) == TEXT_ARENA_FULL) {
        r->oom = true;
        return;
    }
    r->off[r->nf] = at;
    r->lens[r->nf] = lf_breaks(r->buf.text + at, len);
    r->nf++;
}

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    if (r->stop || r->oom) {
        r->nf = 0;
        text_arena_clear(&r->buf);
        r->in_record = false;
        return;
    }
    if (r->nf) {
        for (size_t i = 0; i < r->nf; i++)
            r->ptr[i] = r->buf.text + r->off[i];
        if (!r->header_seen) {
            r->header_seen = true;
            if ((r->header = calloc(r->nf, sizeof *r->header)) != NULL)
                for (size_t i = 0; i < r->nf; i++)
                    if ((r->header[i] = strdup(r->ptr[i])) != NULL)
                        r->nheader = i + 1;
        }
        csv_record rec = {r->nf, r->ptr, r->lens, r->start};
        r->stop = r->fn(r->arg, &rec);
    }
    r->nf = 0;
    text_arena_clear(&r->buf);
    r->in_record = false;
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0; /* RFC 4180: spaces are part of the field */
}

static int setup(reader *r, const char *name, csv_record_fn fn, void *arg, cl_err *err)
{
    memset(r, 0, sizeof *r);
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    csv_set_space_func(&r->p, no_space);
    r->name = name;
    r->fn = fn;
    r->arg = arg;
    r->line = 1;
    return CL_OK;
}

static void teardown(reader *r)
{
    for (size_t i = 0; i < r->nheader; i++)
        free(r->header[i]);
    free(r->header);
    csv_free(&r->p);
    text_arena_free(&r->buf);
    free(r->off);
    free(r->lens);
    free(r->ptr);
}

/* The column the broken field is in, as every import error names one: the
 * header's name for it ("header" while reading the header itself). */
static const char *column(const reader *r, char *buf, size_t len)
{
    if (!r->header_seen)
        return "header";
    if (r->nf < r->nheader && r->header[r->nf][0])
        return r->header[r->nf];
    snprintf(buf, len, "field %zu", r->nf + 1);
    return buf;
}

static int parse_error(reader *r, cl_err *err, long line)
{
    char buf[32];
    const char *col = column(r, buf, sizeof buf);
    if (r->oom || csv_error(&r->p) == CSV_ENOMEM || csv_error(&r->p) == CSV_ETOOBIG)
        return cl_err_set(err, CL_EDATA, "%s:%ld: %s: record too large to read", r->name, line, col);
    return cl_err_set(err, CL_EDATA,
                      "%s:%ld: %s: malformed CSV: a quote inside an unquoted field, or text after a closing quote",
                      r->name, line, col);
}

/* Feeds a chunk, line by line. Returns CL_OK, or the error/stop code. */
static int feed(reader *r, const char *data, size_t len, cl_err *err)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t seg = nl ? (size_t)(nl - (data + i)) + 1 : len - i;
        if (!r->in_record) {
            for (size_t k = i; k < i + seg; k++)
                if (data[k] != '\r' && data[k] != '\n') {
                    r->in_record = true;
                    r->start = r->line;
                    break;
                }
        }
        if (csv_parse(&r->p, data + i, seg, on_field, on_record, r) != seg || r->oom)
            return parse_error(r, err, r->line);
        if (r->stop)
            return r->stop;
        i += seg;
        if (nl)
            r->line++;
    }
    return CL_OK;
}

static int finish(reader *r, cl_err *err)
{
    long start = r->start;
    if (csv_fini(&r->p, on_field, on_record, r) != 0) {
        if (csv_error(&r->p) == CSV_EPARSE) {
            char buf[32];
            return cl_err_set(err, CL_EDATA, "%s:%ld: %s: malformed CSV: a quoted field is never closed",
                              r->name, start, column(r, buf, sizeof buf));
        }
        return parse_error(r, err, start);
    }
    if (r->oom)
        return parse_error(r, err, start);
    return r->stop;
}

static size_t skip_bom(const char *data, size_t len)
{
    return len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

int csv_read_buffer(const char *name, const char *data, size_t len, csv_record_fn fn, void *arg,
                    cl_err *err)
{
    reader r;
    int rc = setup(&r, name, fn, arg, err);
    if (rc != CL_OK)
        return rc;
    size_t b = skip_bom(data, len);
    rc = feed(&r, data + b, len - b, err);
    if (rc == CL_OK)
        rc = finish(&r, err);
    teardown(&r);
    return rc;
}

int csv_read_file(const char *path, csv_record_fn fn, csv_progress_fn progress, void *arg,
                  cl_err *err)
{
    FILE *f = path_open_input(path, "CSV", err);
    if (!f)
        return CL_ENOINPUT;
    struct stat sb;
    long long total = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) ? (long long)sb.st_size : 0;
    reader r;
    int rc = setup(&r, path, fn, arg, err);
    if (rc != CL_OK) {
        fclose(f);
        return rc;
    }
    enum { CHUNK = 1 << 16 };
    char *chunk = malloc(CHUNK);
    if (!chunk) {
        teardown(&r);
        fclose(f);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    long long done = 0;
    bool first = true;
    size_t n;
    while (rc == CL_OK && (n = fread(chunk, 1, CHUNK, f)) > 0) {
        size_t b = 0;
        if (first) {
            b = skip_bom(chunk, n);
            first = false;
        }
        rc = feed(&r, chunk + b, n - b, err);
        done += (long long)n;
        if (progress)
            progress(arg, done, total);
    }
    if (rc == CL_OK && ferror(f))
        rc = cl_err_set(err, CL_EIO, "%s: read error: %s", path, strerror(errno));
    if (rc == CL_OK)
        rc = finish(&r, err);
    free(chunk);
    teardown(&r);
    fclose(f);
    return rc;
}
