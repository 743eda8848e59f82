/* caseload allocate CRN OFFICER [--override REASON] [--reason CODE] */
#include <getopt.h>
#include <stdio.h>

#include "caseload/alloc.h"
#include "cli/cli.h"

int cmd_allocate(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"override", required_argument, NULL, 'o'},
        {"reason", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    const char *override = NULL, *reason = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'o': override = optarg; break;
        case 'r': reason = optarg; break;
        default: return cli_usage_error(cmd, "unknown option");
        }
    }
    if (argc - optind != 2)
        return cli_usage_error(cmd, "give one CRN and one officer");
    char *crn = argv[optind];
    const char *officer = argv[optind + 1];
    int rc = cli_crn(ctx, crn);
    if (rc != CL_OK)
        return rc;
    cl_err err = {0};
    if (alloc_allocate(&ctx->app, crn, officer, reason, override, &err) != CL_OK)
        return cli_fail(&err);
    fprintf(stderr, "caseload: %s allocated to %s%s\n", crn, officer, override ? " (override recorded)" : "");
    return CL_OK;
}
