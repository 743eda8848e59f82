/* `caseload show CRN`: the record as text, risk banner first, then the next
 * appointment line, then every section (the same lines as the screen). */
#include <getopt.h>
#include <stdio.h>

#include "caseload/record.h"
#include "cli/cli.h"

int cmd_show(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (cli_no_options(cmd, argc, argv) != CL_OK)
        return CL_EUSAGE;
    if (argc - optind != 1)
        return cli_usage_error(cmd, argc - optind < 1 ? "a CRN is needed" : "unexpected argument '%s'",
                               argc - optind < 1 ? "" : argv[optind + 1]);
    char *crn = argv[optind];
    int rc = cli_crn(ctx, crn);
    if (rc != CL_OK)
        return rc;
    cl_record r;
    cl_err err = {0};
    rc = record_load(&ctx->app, crn, &r, &err);
    if (rc != CL_OK)
        return cli_fail(&err);
    for (record_section s = REC_BANNER; s < REC_SECTIONS_N; s++) {
        if (s > REC_NEXT)
            printf("\n%s\n", record_section_title(s));
        record_lines(&r, s, cli_record_line, NULL);
    }
    record_free(&r);
    return CL_OK;
}
