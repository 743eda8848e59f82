/* caseload set-crn PROVISIONAL CRN: the real CRN replaces a court reference. */
#include <stdio.h>

#include "caseload/intake.h"
#include "cli/cli.h"

int cmd_set_crn(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (argc != 3)
        return cli_usage_error(cmd, "give the provisional reference and the CRN");
    cli_crn_case(argv[1]);
    cli_crn_case(argv[2]);
    cl_err err = {0};
    if (intake_replace_crn(&ctx->app, argv[1], argv[2], &err) != CL_OK)
        return err.code == CL_EUSAGE ? cli_usage_error(cmd, "%s", err.msg) : cli_fail(&err);
    printf("%s is now %s\n", argv[1], argv[2]);
    return CL_OK;
}
