/* The generator's output: CSV files with RFC 4180 quoting only where needed and
 * LF endings, one row counted per file, and the one-line error that stops it. */
#ifndef GEN_OUT_H
#define GEN_OUT_H

#include <stdio.h>

#include "caseload/dates.h"

typedef struct gen_out {
    FILE *f;
    int col;
    long rows;
    char *buf;
} gen_out;

/* "gen: " and the message on stderr, then exit 1. */
_Noreturn void gen_die(const char *fmt, ...);

/* DIR/NAME, truncated, with its header row written. */
gen_out gen_out_open(const char *dir, const char *name, const char *header);
/* Closes it and says how many rows it holds. */
void gen_out_close(gen_out *w, const char *name);
/* One field each; NULL and "" write an empty field. */
void gen_put(gen_out *w, const char *s);
void gen_putd(gen_out *w, cl_date d);   /* CL_DATE_NONE: empty */
void gen_putt(gen_out *w, int minutes); /* below 0: empty */
void gen_endrow(gen_out *w);

#endif
