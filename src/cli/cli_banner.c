/* A person's risk banner as text, first in every command that prints about
 * one person (`show`, `contacts`, `audit`): the record's own banner lines
 * (record_lines, REC_BANNER), so the words are the screen's. */
#include <stdio.h>

#include "cli/cli.h"

void cli_record_line(void *arg, record_role role, const char *text, int hang)
{
    (void)arg;
    (void)role;
    (void)hang; /* a terminal wraps the line itself */
    printf("%s\n", text);
}

int cli_print_banner(cli_ctx *ctx, const char *crn)
{
    cl_record r;
    cl_err err = {0};
    if (record_load_banner(&ctx->app, crn, &r, &err) != CL_OK)
        return cli_fail(&err);
    record_lines(&r, REC_BANNER, cli_record_line, NULL);
    record_free(&r);
    return CL_OK;
}
