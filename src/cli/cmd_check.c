#include <getopt.h>
#include <stdio.h>

#include "caseload/alloc.h"

#include "cli/cli.h"

static void print_problem(void *arg, const char *problem)
{
    (void)arg;
    printf("problem: %s\n", problem);
}

/* check opens what it can: a new database is made, a read-only one is read,
 * and a file too damaged to open is still looked at (store_diagnose). */
int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (cli_no_options(cmd, argc, argv) != CL_OK)
        return CL_EUSAGE;
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    cl_err err = {0};
    if (cli_open_store(ctx, STORE_CREATE | STORE_READ_ANY | STORE_CHECKING, &err) != CL_OK) {
        if (err.code == CL_EIO && ctx->app.db_path[0])
            store_diagnose(ctx->app.db_path, print_problem, NULL);
        return cli_fail(&err);
    }
    cl_store *st = ctx->app.store;
    int n = store_check(st, print_problem, NULL, &err);
    int held = n < 0 ? 0 : alloc_check_holders(st, print_problem, NULL, &err);
    if (n < 0 || held < 0)
        return cli_fail(&err);
    n += held;
    const char *ro = store_readonly(st);
    if (n == 0) {
        printf("%s: ok (schema %d)%s\n", ctx->app.db_path, store_schema_version(st),
               ro ? "; the search index was not checked (it needs a database that can be written)" : "");
        if (ro)
            fprintf(stderr, "caseload: note: %s\n", ro);
        return CL_OK;
    }
    printf("%s: %d problem%s found\n", ctx->app.db_path, n, n == 1 ? "" : "s");
    return CL_EPROBLEMS;
}
