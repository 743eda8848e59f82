/* caseload register: add, review, end and list registrations (risk flags). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/case_open.h"
#include "caseload/reg_history.h"
#include "caseload/registration.h"
#include "caseload/risk.h"
#include "cli/cli.h"

static bool parse_id(const char *s, long long *id)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return false;
    *id = v;
    return true;
}

static void print_row(const cl_registration *r)
{
    char s[CL_DATE_LEN], rv[CL_DATE_LEN], e[CL_DATE_LEN], words[96];
    reg_words(r, words, sizeof words);
    printf("%lld\t%s\t%s\tfrom %s", r->id, r->type, words, date_format(r->start_date, s));
    if (r->end_date == CL_DATE_NONE)
        printf("\treview %s", r->review_date == CL_DATE_NONE ? "none" : date_format(r->review_date, rv));
    else {
        char by[400];
        printf("\tended %s %s", date_format(r->end_date, e), reg_ended_by(r, true, by, sizeof by));
    }
    printf("\n");
}

/* The registration types table, for choosing TYPE. */
static int print_types(void)
{
    for (size_t i = 0; i < RISK_TYPES_N; i++) {
        const risk_regtype *t = &RISK_TYPES[i];
        printf("%-6s %-38s review %2d months%s\n", t->code, t->words, t->review_months,
               t->has_category ? "  --category M1-M4 --level M1-M3"
               : t->has_level  ? "  [--level L|M|H|V]"
                               : "");
    }
    return CL_OK;
}

static void print_more(void *arg, record_role role, const char *text, int hang)
{
    (void)arg;
    (void)role;
    (void)hang;
    printf("%s\n", text);
}

/* Each row, then its notes and reviews indented under it (reg_more_lines). */
static int list(cli_ctx *ctx, const char *crn)
{
    reg_list l;
    cl_err err = {0};
    if (reg_list_load(ctx->app.store, crn, false, &l, &err) != CL_OK)
        return cli_fail(&err);
    int rc = CL_OK;
    for (size_t i = 0; i < l.n && rc == CL_OK; i++) {
        reg_reviews rv;
        if ((rc = reg_reviews_load(ctx->app.store, l.rows[i].id, &rv, &err)) != CL_OK)
            break;
        print_row(&l.rows[i]);
        reg_more_lines(&l.rows[i], &rv, print_more, NULL);
        reg_reviews_free(&rv);
    }
    reg_list_free(&l);
    return rc == CL_OK ? CL_OK : cli_fail(&err);
}

int cmd_register(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"level", required_argument, NULL, 'l'},  {"category", required_argument, NULL, 'c'},
        {"date", required_argument, NULL, 'd'},   {"notes", required_argument, NULL, 'n'},
        {"review", required_argument, NULL, 'R'}, {"end", required_argument, NULL, 'E'},
        {"reason", required_argument, NULL, 'r'}, {"list", required_argument, NULL, 'L'},
        {"types", no_argument, NULL, 'T'},
        {NULL, 0, NULL, 0},
    };
    const char *level = NULL, *category = NULL, *date = NULL, *notes = NULL, *reason = NULL;
    const char *review = NULL, *end = NULL;
    char *list_crn = NULL;
    bool types = false;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'l': level = optarg; break;
        case 'c': category = optarg; break;
        case 'd': date = optarg; break;
        case 'n': notes = optarg; break;
        case 'R': review = optarg; break;
        case 'E': end = optarg; break;
        case 'r': reason = optarg; break;
        case 'L': list_crn = optarg; break;
        case 'T': types = true; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    int modes = (review != NULL) + (end != NULL) + (list_crn != NULL) + types;
    int npos = argc - optind;
    if (modes > 1)
        return cli_usage_error(cmd, "give one of --review, --end, --list and --types");
    if (modes == 1 && npos)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    if (modes == 1 && (level || category || notes))
        return cli_usage_error(cmd, "--level, --category and --notes are for a new registration");
    if (reason && !end)
        return cli_usage_error(cmd, "--reason goes with --end");
    if (list_crn) {
        int rc = cli_crn(ctx, list_crn);
        return rc != CL_OK ? rc : list(ctx, list_crn);
    }
    if (types)
        return print_types();

    cl_date on;
    /* A start, a review or an end is recorded once it has happened: its date
     * reads backwards (07/12, mon). */
    int rc = cli_parse_past_date(ctx, cmd, "--date", date, &on);
    if (rc != CL_OK)
        return rc;
    cl_err err = {0};
    reg_result res;
    char d1[CL_DATE_LEN], d2[CL_DATE_LEN];
    cl_app *app = &ctx->app;
    if (review || end) {
        long long id;
        if (!parse_id(review ? review : end, &id))
            return cli_usage_error(cmd, "'%s' is not a registration number", review ? review : end);
        if (end) {
            if (!reason)
                return cli_usage_error(cmd, "--end needs --reason");
            if (reg_end(app->store, app->clock.today, id, on, reason, &err) != CL_OK)
                return cli_fail(&err);
            printf("registration %lld ended %s\n", id, date_format(on, d1));
            return CL_OK;
        }
        if (reg_review(app->store, &app->cal, app->clock.today, id, on, &res, &err) != CL_OK)
            return cli_fail(&err);
        printf("registration %lld reviewed %s, next review %s\n", id, date_format(on, d1),
               date_format(res.review, d2));
        return CL_OK;
    }
    if (npos != 2)
        return cli_usage_error(cmd, npos < 2 ? "give a CRN and a registration type" : "unexpected argument '%s'",
                               argv[optind + 2 < argc ? optind + 2 : optind]);
    if (cli_crn_form(argv[optind]) != CL_OK)
        return CL_EUSAGE;
    reg_new r = {.crn = argv[optind], .type = argv[optind + 1], .category = category, .level = level,
                 .notes = notes, .start = date ? on : CL_DATE_NONE};
    char type[8], cat[8], lvl[8];
    if (reg_check(&r, type, cat, lvl, &err) != CL_OK)
        return cli_usage_error(cmd, "%s", err.msg);
    if (reg_add(app->store, &app->cal, app->clock.today, &r, &res, &err) != CL_OK)
        return cli_fail(&err);
    cl_registration row;
    if (reg_get(app->store, res.id, &row, &err) != CL_OK)
        return cli_fail(&err);
    if (res.ended_id) {
        const risk_regtype *old = risk_type(res.ended_type);
        fprintf(stderr, "caseload: %s (registration %lld) ended: replaced\n", old ? old->words : res.ended_type,
                res.ended_id);
    }
    print_row(&row);
    cl_registration_clear(&row);
    /* Risk is never refused: recorded, and the holder's grade rule said. */
    char held[1024];
    if (alloc_holding_words(app, r.crn, held, sizeof held, &err) < 0)
        fprintf(stderr, "caseload: warning: who may hold %s was not checked: %s\n", r.crn, err.msg);
    else if (held[0])
        fprintf(stderr, "caseload: warning: %s\n", held);
    return CL_OK;
}
