/* caseload book: one appointment, or a weekly or fortnightly series, through
 * the booking rules. Warnings stop the booking unless --force; refusals
 * always do. Moved repeats are told, in sched_plan_lines' words. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/ref.h"
#include "caseload/sched.h"
#include "cli/cli.h"

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

/* One finding, in the words the booking form shows too. */
static void say(void *arg, const sched_finding *f, const char *line)
{
    (void)arg;
    fprintf(stderr, "caseload: %s%s\n", !f || f->level == SCHED_WARN ? "warning: " : "", line);
}

int cmd_book(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"length", required_argument, NULL, 'l'},  {"type", required_argument, NULL, 't'},
        {"officer", required_argument, NULL, 'o'}, {"office", required_argument, NULL, 'O'},
        {"location", required_argument, NULL, 'L'}, {"notes", required_argument, NULL, 'N'},
        {"order", required_argument, NULL, 'r'},   {"repeat", required_argument, NULL, 'R'},
        {"count", required_argument, NULL, 'c'},   {"until", required_argument, NULL, 'u'},
        {"force", no_argument, NULL, 'f'},         {NULL, 0, NULL, 0},
    };
    sched_request q;
    memset(&q, 0, sizeof q);
    q.until = CL_DATE_NONE;
    const char *until = NULL;
    bool force = false;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'l':
            if (parse_int(optarg, 1, 24 * 60, &q.minutes))
                return cli_usage_error(cmd, "--length: '%s' is not a number of minutes", optarg);
            break;
        case 't': {
            const char *code;
            cl_err why = {0};
            if (sched_type_resolve(optarg, &code, &why) != CL_OK)
                return cli_usage_error(cmd, "--type: %s", why.msg);
            snprintf(q.type, sizeof q.type, "%s", code);
            break;
        }
        case 'o': snprintf(q.officer, sizeof q.officer, "%s", cli_code_case(optarg)); break;
        case 'O': snprintf(q.office, sizeof q.office, "%s", cli_code_case(optarg)); break;
        case 'L': snprintf(q.location, sizeof q.location, "%s", optarg); break;
        case 'N': q.notes = optarg; break;
        case 'r': snprintf(q.order_id, sizeof q.order_id, "%s", optarg); break;
        case 'R':
            if (!strcmp(optarg, "weekly"))
                q.repeat = SCHED_WEEKLY;
            else if (!strcmp(optarg, "fortnightly"))
                q.repeat = SCHED_FORTNIGHTLY;
            else
                return cli_usage_error(cmd, "--repeat: '%s' is not weekly or fortnightly", optarg);
            break;
        case 'c':
            if (parse_int(optarg, 1, SCHED_MAX_OCCURRENCES, &q.count))
                return cli_usage_error(cmd, "--count: '%s' is not a number from 1 to %d", optarg, SCHED_MAX_OCCURRENCES);
            break;
        case 'u': until = optarg; break;
        case 'f': force = true; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (argc - optind != 3)
        return cli_usage_error(cmd, "give CRN, DATE and TIME");
    int rc = cli_crn_form(argv[optind]);
    if (rc != CL_OK)
        return rc;
    snprintf(q.crn, sizeof q.crn, "%s", argv[optind]);
    rc = cli_parse_date(ctx, cmd, "DATE", argv[optind + 1], &q.date);
    if (rc != CL_OK)
        return rc;
    if (!time_parse(argv[optind + 2], &q.start))
        return cli_usage_error(cmd, "TIME: '%s' is not a time (HH:MM)", argv[optind + 2]);
    if (until && (rc = cli_parse_date(ctx, cmd, "--until", until, &q.until)) != CL_OK)
        return rc;
    if ((q.count || until) && q.repeat == SCHED_ONCE)
        return cli_usage_error(cmd, "--count and --until go with --repeat weekly|fortnightly");
    /* A mistyped code is a usage error naming its option, as in every command. */
    if ((rc = cli_check_officer(ctx, cmd, q.officer[0] ? q.officer : NULL)) != CL_OK ||
        (rc = cli_check_office(ctx, cmd, q.office[0] ? q.office : NULL)) != CL_OK)
        return rc;

    cl_err err = {0};
    sched_plan *plan = calloc(1, sizeof *plan);
    char (*ids)[CL_ID_LEN] = calloc(SCHED_MAX_OCCURRENCES, CL_ID_LEN);
    rc = plan && ids ? sched_check(&ctx->app, &q, plan, &err) : cl_err_set(&err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK) {
        free(plan);
        free(ids);
        return rc == CL_EUSAGE ? cli_usage_error(cmd, "%s", err.msg) : cli_fail(&err);
    }
    sched_plan_lines(plan, say, NULL);
    rc = sched_book(&ctx->app, plan, force, ids, &err);
    if (rc == CL_OK) {
        const ref_contact_type *t = ref_find_contact_type(plan->req.type);
        for (size_t i = 0; i < plan->n; i++) {
            char d[16], s[CL_TIME_LEN], e[CL_TIME_LEN];
            printf("booked %s %s %s-%s %s %s officer %s office %s\n", ids[i], date_format_long(plan->occ[i].date, d),
                   time_format(plan->req.start, s), time_format(plan->req.start + plan->req.minutes, e),
                   t ? t->name : plan->req.type, plan->req.crn, plan->req.officer, plan->req.office);
        }
    } else if (!plan->refused && plan->warned && !force) {
        fprintf(stderr, "caseload: not booked: check the warnings above, then book again with --force to book anyway\n");
    } else if (!plan->refused) {
        cli_fail(&err); /* a refusal was said above, with its reason */
    }
    free(plan);
    free(ids);
    return rc;
}
