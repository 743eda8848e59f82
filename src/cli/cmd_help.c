#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    if (cli_no_options(cli_find(argv[0]), argc, argv) != CL_OK)
        return CL_EUSAGE;
    if (optind >= argc) {
        cli_print_usage(stdout);
        return CL_OK;
    }
    const cli_command *c = cli_find(argv[optind]);
    if (!c)
        return cli_usage_error(NULL, "unknown command '%s'", argv[optind]);
    cli_print_command_help(c);
    return CL_OK;
}

void cli_print_command_help(const cli_command *c)
{
    printf("usage: caseload %s %s\n%s\n", c->name, c->usage, c->summary);
    if (strstr(c->usage, "KIND")) {
        char kinds[256];
        printf("KIND is one of: %s (columns: caseload-csv(5))\n", cli_kinds(kinds, sizeof kinds));
    }
}

bool cli_asks_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return true;
    return false;
}
