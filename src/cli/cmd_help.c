#include <stdio.h>
#include <string.h>

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
    if (strstr(c->usage, "KIND")) {
        char kinds[256];
        printf("KIND is one of: %s (columns: caseload-csv(5))\n", cli_kinds(kinds, sizeof kinds));
    }
    return CL_OK;
}
