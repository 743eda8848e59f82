#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "caseload/calendar.h"
#include "caseload/store_staff.h"
#include "caseload/case_open.h"
#include "caseload/csv_format.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "cli/cli.h"

void cli_print_usage(FILE *f)
{
    fprintf(f, "usage: caseload [--db FILE] [--officer CODE] [COMMAND [ARG...]]\n"
               "       caseload --help | --version | help COMMAND\n"
               "Without a command, caseload opens the caseload screen.\n\ncommands:\n");
    int w = 0;
    for (size_t i = 0; i < CLI_COMMANDS_N; i++)
        if ((int)strlen(CLI_COMMANDS[i].name) > w)
            w = (int)strlen(CLI_COMMANDS[i].name);
    for (size_t i = 0; i < CLI_COMMANDS_N; i++)
        fprintf(f, "  %-*s  %s\n", w, CLI_COMMANDS[i].name, CLI_COMMANDS[i].summary);
}

char *cli_kinds(char *buf, size_t len)
{
    size_t n = 0;
    if (len)
        buf[0] = '\0';
    for (size_t i = 0; i < CSV_FORMATS_N && n < len; i++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? " " : "", CSV_FORMATS[i].kind);
    return buf;
}

/* The message after `prefix`, then the command's usage (all of them when
 * there is no command). */
static int usage_error(const cli_command *cmd, const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    if (cmd)
        fprintf(stderr, "usage: caseload %s %s\n", cmd->name, cmd->usage);
    else
        cli_print_usage(stderr);
    return CL_EUSAGE;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = usage_error(cmd, "caseload: ", fmt, ap);
    va_end(ap);
    return rc;
}

int cli_option_error(const cli_command *cmd, const char *fmt, ...)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "caseload %s: ", cmd->name);
    va_list ap;
    va_start(ap, fmt);
    int rc = usage_error(cmd, prefix, fmt, ap);
    va_end(ap);
    return rc;
}

int cli_fail(const cl_err *err)
{
    fprintf(stderr, "caseload: %s\n", err->msg[0] ? err->msg : "failed");
    return err->code ? err->code : CL_ESOFTWARE;
}

int cli_open(cli_ctx *ctx, int mode)
{
    if (ctx->opened || mode == CLI_DB_NONE)
        return CL_OK;
    static const int flags[] = {
        [CLI_DB_READ] = STORE_READ_ANY,
        [CLI_DB_WRITE] = STORE_CREATE,
        [CLI_DB_SCREEN] = STORE_CREATE | STORE_READ_ANY,
        [CLI_DB_IMPORT] = STORE_CREATE | STORE_EMPTY_OK,
    };
    cl_err err = {0};
    if (cli_open_store(ctx, flags[mode], &err) != CL_OK)
        return cli_fail(&err);
    return CL_OK;
}

int cli_open_store(cli_ctx *ctx, int store_flags, cl_err *err)
{
    int rc = app_open(&ctx->app, ctx->db_flag, ctx->officer_flag, store_flags, err);
    if (rc != CL_OK)
        return rc;
    ctx->opened = true;
    const char *warn = store_warning(ctx->app.store);
    if (warn)
        fprintf(stderr, "caseload: warning: %s\n", warn);
    if (ctx->app.warning[0])
        fprintf(stderr, "caseload: warning: %s\n", ctx->app.warning);
    return CL_OK;
}

static int parse_date(cli_ctx *ctx, const cli_command *cmd, const char *what, const char *text, bool past, cl_date *out)
{
    if (!text) {
        *out = ctx->app.clock.today;
        return CL_OK;
    }
    if ((past ? cal_parse_typed_past : cal_parse_typed)(&ctx->app.cal, text, ctx->app.clock.today, out))
        return CL_OK;
    /* A date that does not exist says what is wrong with it (31 February),
     * in the words the screens use too. */
    char msg[300];
    return cli_usage_error(cmd, "%s: %s", what, cal_typed_problem(text, msg, sizeof msg));
}

int cli_parse_date(cli_ctx *ctx, const cli_command *cmd, const char *what, const char *text, cl_date *out)
{
    return parse_date(ctx, cmd, what, text, false, out);
}

int cli_parse_past_date(cli_ctx *ctx, const cli_command *cmd, const char *what, const char *text, cl_date *out)
{
    return parse_date(ctx, cmd, what, text, true, out);
}

int cli_check_office(cli_ctx *ctx, const cli_command *cmd, const char *office)
{
    if (office && !store_exists(ctx->app.store, STORE_OFFICE, office))
        return cli_usage_error(cmd, "--office: no office '%s'", office);
    return CL_OK;
}

int cli_check_officer(cli_ctx *ctx, const cli_command *cmd, const char *officer)
{
    cl_err err = {0};
    if (officer && case_check_staff(ctx->app.store, officer, &err) != CL_OK)
        return cli_usage_error(cmd, "%s", err.msg);
    return CL_OK;
}

char *cli_crn_case(char *crn) { return case_crn_normalise(crn); }

int cli_crn_form(char *crn)
{
    char typed[64]; /* said as typed: 'x12', not 'X12' */
    snprintf(typed, sizeof typed, "%s", crn ? crn : "");
    if (!ref_valid_crn(case_crn_normalise(crn))) {
        fprintf(stderr, "caseload: '%s' is not a CRN (one letter and six digits)\n", typed);
        return CL_EUSAGE;
    }
    return CL_OK;
}

char *cli_code_case(char *code) { return case_code_normalise(code); }

void cli_print_left(const alloc_transfer_result *res)
{
    if (res->appts_kept)
        fprintf(stderr, "caseload: %zu appointment%s kept as booked: %s%s\n", res->appts_kept,
                res->appts_kept == 1 ? "" : "s", res->kept,
                res->kept_waiting ? " (allocate the case with --appointments move to move them to its officer, or"
                                    " transfer it with --appointments cancel)" : "");
    if (res->appts_held)
        fprintf(stderr, "caseload: %zu appointment%s with an outcome left as %s (correct the contact first to"
                        " change %s): %s\n",
                res->appts_held, res->appts_held == 1 ? "" : "s", res->appts_held == 1 ? "it was" : "they were",
                res->appts_held == 1 ? "it" : "them", res->held);
    if (res->appts_clash)
        fprintf(stderr, "caseload: %zu appointment%s left with the old officer, as %s would double-book the new one"
                        " (rebook %s, or give --appointments move-all): %s\n",
                res->appts_clash, res->appts_clash == 1 ? "" : "s", res->appts_clash == 1 ? "it" : "they",
                res->appts_clash == 1 ? "it" : "them", res->clash);
}

int cli_crn(cli_ctx *ctx, char *crn)
{
    int rc = cli_crn_form(crn);
    if (rc != CL_OK)
        return rc;
    cl_err err = {0};
    if (case_check_exists(ctx->app.store, case_crn_normalise(crn), &err) != CL_OK)
        return cli_fail(&err);
    return CL_OK;
}
