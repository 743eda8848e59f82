/* caseload export KIND: CSV on standard output. */
#include <getopt.h>
#include <stdio.h>

#include "caseload/import.h"
#include "cli/cli.h"

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (cli_no_options(cmd, argc, argv) != CL_OK)
        return CL_EUSAGE;
    if (argc - optind != 1)
        return cli_usage_error(cmd, "give one KIND");
    const csv_format *fmt = csv_format_find(argv[optind]);
    if (!fmt) {
        char kinds[256];
        return cli_usage_error(cmd, "unknown kind '%s' (one of: %s)", argv[optind], cli_kinds(kinds, sizeof kinds));
    }
    cl_err err = {0};
    if (exp_write(ctx->app.store, fmt, stdout, &err) != CL_OK)
        return cli_fail(&err);
    return CL_OK;
}
