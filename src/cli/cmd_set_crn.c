/* caseload set-crn PROVISIONAL CRN: the real CRN replaces a court reference. */
#include <getopt.h>
#include <stdio.h>

#include "caseload/intake.h"
#include "cli/cli.h"

int cmd_set_crn(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (cli_no_options(cmd, argc, argv) != CL_OK)
        return CL_EUSAGE;
    if (argc - optind != 2)
        return cli_usage_error(cmd, "give the provisional reference and the CRN");
    char *loc = cli_crn_case(argv[optind]), *crn = cli_crn_case(argv[optind + 1]);
    cl_err err = {0};
    if (intake_replace_crn(&ctx->app, loc, crn, &err) != CL_OK)
        return err.code == CL_EUSAGE ? cli_usage_error(cmd, "%s", err.msg) : cli_fail(&err);
    printf("%s is now %s\n", loc, crn);
    return CL_OK;
}
