/* caseload export KIND: CSV on standard output. */
#include <stdio.h>

#include "caseload/import.h"
#include "cli/cli.h"

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (argc != 2)
        return cli_usage_error(cmd, "give one KIND");
    const csv_format *fmt = csv_format_find(argv[1]);
    if (!fmt) {
        char kinds[256];
        return cli_usage_error(cmd, "unknown kind '%s' (one of: %s)", argv[1], cli_kinds(kinds, sizeof kinds));
    }
    cl_err err = {0};
    if (exp_write(ctx->app.store, fmt, stdout, &err) != CL_OK)
        return cli_fail(&err);
    return CL_OK;
}
