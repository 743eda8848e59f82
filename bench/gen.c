/* A seeded generator of a fictional caseload in caseload's CSV formats, at any
 * scale: the committed sample (make sample-data) and the national data set
 * that `make bench` imports. Same seed and options, same bytes.
 *
 * Usage: gen [--scale sample|national] [--seed N] [--base YYYY-MM-DD]
 *            [--offices N] [--staff N] [--offenders N] [--appointments N]
 *            [--contacts N] [--past-days N] [--future-days N]
 *            [--history-days N] [--holidays] [--named] OUTDIR
 *
 * Dates are laid around --base: appointments from base - past-days to
 * base + future-days on business days, contact histories back to
 * base - history-days. Codes come from the core's reference tables and are
 * checked against them at start, so a renamed code cannot slip through.
 *
 * This file holds the options and the order of the steps; the rest is in
 * gen_rand (the seeded draws), gen_mix.h (how often each code turns up),
 * gen_world and gen_people (the world in memory), gen_out (CSV output), and
 * gen_write, gen_reg and gen_diary (one writer for each kind). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_out.h"
#include "gen_write.h"

static long num(const char *s, const char *opt)
{
    char *end;
    errno = 0;
    long v = strtol(s ? s : "", &end, 10);
    if (!s || errno || *end || v < 0)
        gen_die("%s needs a whole number", opt);
    return v;
}

static void usage(void)
{
    fputs("usage: gen [--scale sample|national] [--seed N] [--base YYYY-MM-DD] [--offices N]\n"
          "           [--staff N] [--offenders N] [--appointments N] [--contacts N]\n"
          "           [--past-days N] [--future-days N] [--history-days N] [--holidays]\n"
          "           [--named] OUTDIR\n",
          stderr);
    exit(64);
}

static void scale(gen_opts *o, const char *s)
{
    if (!strcmp(s, "sample")) {
        o->offices = 3, o->staff = 20, o->offenders = 300;
        o->appointments = 1500, o->contacts = 6000;
        o->past_days = 28, o->future_days = 28, o->history_days = 365;
        o->named = true;
    } else if (!strcmp(s, "national")) {
        o->offices = 200, o->staff = 7000, o->offenders = 250000;
        o->appointments = 2000000, o->contacts = 5000000;
        o->past_days = 720, o->future_days = 28, o->history_days = 720;
        o->named = false;
    } else {
        gen_die("unknown scale %s (sample or national)", s);
    }
}

int main(int argc, char **argv)
{
    gen_opts o = {0};
    o.seed = 20261123;
    date_parse_iso("2026-11-23", &o.base);
    scale(&o, "sample");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
#define OPT(name) (!strcmp(a, name) && (i++, 1))
        if (OPT("--scale"))
            scale(&o, v ? v : "");
        else if (OPT("--seed"))
            o.seed = (uint64_t)num(v, a);
        else if (OPT("--base")) {
            if (!v || !date_parse_iso(v, &o.base))
                gen_die("--base needs YYYY-MM-DD");
        } else if (OPT("--offices"))
            o.offices = (int)num(v, a);
        else if (OPT("--staff"))
            o.staff = (int)num(v, a);
        else if (OPT("--offenders"))
            o.offenders = (int)num(v, a);
        else if (OPT("--appointments"))
            o.appointments = num(v, a);
        else if (OPT("--contacts"))
            o.contacts = num(v, a);
        else if (OPT("--past-days"))
            o.past_days = (int)num(v, a);
        else if (OPT("--future-days"))
            o.future_days = (int)num(v, a);
        else if (OPT("--history-days"))
            o.history_days = (int)num(v, a);
        else if (!strcmp(a, "--holidays"))
            o.holidays = true;
        else if (!strcmp(a, "--named"))
            o.named = true;
        else if (a[0] == '-')
            usage();
        else if (!o.out)
            o.out = a;
        else
            usage();
#undef OPT
    }
    if (!o.out)
        usage();
    if (o.offices < 1 || o.staff < 3 * o.offices || o.offenders < 1 || o.offenders > 800000)
        gen_die("need at least one office, three staff per office, and 1 to 800000 offenders");
    if (mkdir(o.out, 0755) != 0 && errno != EEXIST)
        gen_die("%s: %s", o.out, strerror(errno));
    gen_check_codes();

    gen_world w;
    gen_world_build(&w, &o);
    /* In this order: each writer draws from the one seeded stream. */
    gen_write_offices(&w);
    gen_write_staff(&w);
    gen_write_offenders(&w);
    gen_write_orders(&w);
    gen_write_registrations(&w);
    gen_write_diary(&w);
    gen_write_reports(&w);
    if (o.holidays)
        gen_write_holidays(&w);
    char path[4096], b[CL_DATE_LEN];
    snprintf(path, sizeof path, "%s/BASE", o.out);
    FILE *f = fopen(path, "w");
    if (!f || fprintf(f, "%s\n", date_format(o.base, b)) < 0 || fclose(f) != 0)
        gen_die("%s: %s", path, strerror(errno));
    gen_world_free(&w);
    return 0;
}
