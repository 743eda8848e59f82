/* CSV output for the generator, and its fatal error line. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "gen_out.h"

void gen_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

gen_out gen_out_open(const char *dir, const char *name, const char *header)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    /* A large buffer: the national files run to millions of rows. */
    gen_out w = {fopen(path, "w"), 0, 0, malloc(1 << 20)};
    if (!w.f || !w.buf)
        gen_die("%s: %s", path, strerror(errno));
    setvbuf(w.f, w.buf, _IOFBF, 1 << 20);
    fputs(header, w.f);
    fputc('\n', w.f);
    return w;
}

void gen_out_close(gen_out *w, const char *name)
{
    if (fclose(w->f) != 0)
        gen_die("%s: %s", name, strerror(errno));
    free(w->buf);
    fprintf(stderr, "gen: %-18s %ld rows\n", name, w->rows);
}

void gen_put(gen_out *w, const char *s)
{
    if (w->col++)
        fputc(',', w->f);
    if (!s || !*s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, w->f);
        return;
    }
    fputc('"', w->f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', w->f);
        fputc(*s, w->f);
    }
    fputc('"', w->f);
}

void gen_putd(gen_out *w, cl_date d)
{
    char b[CL_DATE_LEN];
    gen_put(w, d == CL_DATE_NONE ? "" : date_format(d, b));
}

void gen_putt(gen_out *w, int minutes)
{
    char b[CL_TIME_LEN];
    gen_put(w, minutes < 0 ? "" : time_format(minutes, b));
}

void gen_endrow(gen_out *w)
{
    fputc('\n', w->f);
    w->col = 0;
    w->rows++;
}
