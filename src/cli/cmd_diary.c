/* caseload diary: the day list of an office or officer as text (print-ready),
 * CSV or iCalendar; --print saves it and sends it to lpr. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/diary_out.h"
#include "caseload/print.h"
#include "cli/cli.h"

int cmd_diary(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"date", required_argument, NULL, 'd'},   {"office", required_argument, NULL, 'O'},
        {"officer", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"names", no_argument, NULL, 'n'},         {"print", no_argument, NULL, 'p'},
        {NULL, 0, NULL, 0},
    };
    const char *date_text = NULL, *office = NULL, *officer = NULL, *format = "text";
    bool names = false, print = false;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'd': date_text = optarg; break;
        case 'O': office = cli_code_case(optarg); break;
        case 'o': officer = cli_code_case(optarg); break;
        case 'f': format = optarg; break;
        case 'n': names = true; break;
        case 'p': print = true; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    if (office && officer)
        return cli_usage_error(cmd, "give --office or --officer, not both");
    if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "ics"))
        return cli_usage_error(cmd, "--format: '%s' is not text, csv or ics", format);
    if (print && strcmp(format, "text"))
        return cli_usage_error(cmd, "--print prints the text day list: leave out --format");
    cl_date date;
    int rc = cli_parse_date(ctx, cmd, "--date", date_text, &date);
    if (rc == CL_OK)
        rc = cli_check_office(ctx, cmd, office);
    if (rc == CL_OK)
        rc = cli_check_officer(ctx, cmd, officer);
    if (rc != CL_OK)
        return rc;
    store_diary_scope scope = office ? STORE_DIARY_OFFICE : STORE_DIARY_OFFICER;
    const char *code = office ? office : officer ? officer : ctx->app.officer;
    if (!code || !*code)
        return cli_usage_error(cmd, "whose diary? give --office CODE or --officer CODE (or set CASELOAD_OFFICER)");

    cl_err err = {0};
    sched_day day;
    if ((rc = sched_day_load(&ctx->app, scope, code, date, date, &day, &err)) != CL_OK) {
        if (rc == CL_ENOINPUT)
            return cli_usage_error(cmd, "%s", err.msg);
        return cli_fail(&err);
    }
    if (print) {
        size_t len;
        char *text = diary_text_string(&day, &ctx->app.clock, &len, &err);
        char name[128], path[4096], iso[CL_DATE_LEN];
        snprintf(name, sizeof name, "diary-%s-%s.txt", code, date_format(date, iso));
        bool sent = false;
        rc = text ? print_save(name, text, len, path, sizeof path, &err) : err.code;
        if (rc == CL_OK)
            rc = print_send(path, &sent, &err);
        free(text);
        sched_day_free(&day);
        if (rc != CL_OK)
            return cli_fail(&err);
        fprintf(stderr, "caseload: day list saved to %s%s\n", path,
                sent ? " and sent to the printer" : " (no lpr: not printed)");
        return CL_OK;
    }
    if (!strcmp(format, "csv"))
        rc = diary_write_csv(stdout, &day, &err);
    else if (!strcmp(format, "ics"))
        rc = diary_write_ics(stdout, &day, &ctx->app.clock, names, &err);
    else
        rc = diary_write_text(stdout, &day, &ctx->app.clock, &err);
    sched_day_free(&day);
    if (rc == CL_OK && fflush(stdout) != 0)
        rc = cl_err_set(&err, CL_EIO, "cannot write the output");
    return rc == CL_OK ? CL_OK : cli_fail(&err);
}
