#include <stdio.h>

#include "cli/cli.h"

static void print_problem(void *arg, const char *problem)
{
    (void)arg;
    printf("problem: %s\n", problem);
}

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    if (argc > 1)
        return cli_usage_error(cli_find(argv[0]), "unexpected argument '%s'", argv[1]);
    cl_err err = {0};
    int n = store_check(ctx->app.store, print_problem, NULL, &err);
    if (n < 0)
        return cli_fail(&err);
    if (n == 0) {
        printf("%s: ok (schema %d)\n", ctx->app.db_path, store_schema_version(ctx->app.store));
        return CL_OK;
    }
    printf("%s: %d problem%s found\n", ctx->app.db_path, n, n == 1 ? "" : "s");
    return CL_EPROBLEMS;
}
