/* caseload workload [--office CODE] [--format text|csv] */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "caseload/store_write.h"
#include "caseload/wl_out.h"
#include "cli/cli.h"

int cmd_workload(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"office", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0},
    };
    const char *office = NULL, *format = "text";
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'o': office = cli_code_case(optarg); break;
        case 'f': format = optarg; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    if (strcmp(format, "text") && strcmp(format, "csv"))
        return cli_usage_error(cmd, "--format: '%s' is not text or csv", format);
    int rc = cli_check_office(ctx, cmd, office);
    if (rc != CL_OK)
        return rc;
    cl_err err = {0};
    cl_staff me;
    /* Without --office: the current officer's office, else every office. */
    if (!office && ctx->app.officer[0] &&
        store_get_staff(ctx->app.store, ctx->app.officer, &me, &err) == CL_OK)
        office = me.office;
    wl_list l;
    if (wl_office(&ctx->app, office, &l, &err) != CL_OK)
        return cli_fail(&err);
    rc = !strcmp(format, "csv") ? wl_write_csv(stdout, &l) : wl_write_text(stdout, &l);
    if (office && !l.n)
        fprintf(stderr, "caseload: no staff in office '%s'\n", office);
    wl_list_free(&l);
    return rc ? CL_EIO : CL_OK;
}
