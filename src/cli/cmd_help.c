#include <stdio.h>

#include "cli/cli.h"

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    if (argc < 2) {
        cli_print_usage(stdout);
        return CL_OK;
    }
    const cli_command *c = cli_find(argv[1]);
    if (!c)
        return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
    printf("usage: caseload %s %s\n%s\n", c->name, c->usage, c->summary);
    return CL_OK;
}
