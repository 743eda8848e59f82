/* `caseload show CRN`: the record as text, risk banner first, then the next
 * appointment line, then every section (the same lines as the screen). */
#include <stdio.h>

#include "caseload/record.h"
#include "cli/cli.h"

int cmd_show(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (argc != 2)
        return cli_usage_error(cmd, argc < 2 ? "a CRN is needed" : "unexpected argument '%s'", argv[2]);
    int rc = cli_crn(ctx, argv[1]);
    if (rc != CL_OK)
        return rc;
    cl_record r;
    cl_err err = {0};
    rc = record_load(&ctx->app, argv[1], &r, &err);
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
