/* caseload transfer CRN... --to OFFICER | --office CODE [--appointments move|move-all|cancel]
 * The result on standard output; appointments left behind on standard error. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "cli/cli.h"

int cmd_transfer(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"to", required_argument, NULL, 't'},
        {"office", required_argument, NULL, 'f'},
        {"appointments", required_argument, NULL, 'a'},
        {"override", required_argument, NULL, 'o'},
        {"reason", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    alloc_transfer_req req = {0};
    const char *appts = "move";
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 't': req.to_officer = cli_code_case(optarg); break;
        case 'f': req.to_office = cli_code_case(optarg); break;
        case 'a': appts = optarg; break;
        case 'o': req.override = optarg; break;
        case 'r': req.reason = optarg; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (optind >= argc)
        return cli_usage_error(cmd, "give at least one CRN");
    if (!req.to_officer && !req.to_office)
        return cli_usage_error(cmd, "give --to OFFICER or --office CODE");
    enum { MOVE, MOVE_ALL, CANCEL }; /* the order of CLI_TRANSFER_APPTS */
    int how;
    if (cli_choice(cmd, "--appointments", CLI_TRANSFER_APPTS, appts, &how) != CL_OK)
        return CL_EUSAGE;
    req.appts = how == CANCEL ? ALLOC_APPTS_CANCEL : ALLOC_APPTS_MOVE;
    req.double_book = how == MOVE_ALL;
    for (int i = optind; i < argc; i++)
        if (cli_crn_form(argv[i]) != CL_OK)
            return CL_EUSAGE;
    req.crns = (const char *const *)(argv + optind);
    req.n = (size_t)(argc - optind);
    alloc_transfer_result res;
    cl_err err = {0};
    if (alloc_transfer(&ctx->app, &req, &res, &err) != CL_OK) {
        fprintf(stderr, "caseload: %s: nothing was transferred\n", err.msg);
        return err.code;
    }
    printf("transferred %zu case%s to %s%s: appointments %zu moved, %zu cancelled, %zu kept\n",
           res.cases, res.cases == 1 ? "" : "s", req.to_officer ? req.to_officer : req.to_office,
           req.to_officer ? "" : " (pending allocation there)", res.appts_moved,
           res.appts_cancelled, res.appts_kept);
    cli_print_left(&res);
    return CL_OK;
}
