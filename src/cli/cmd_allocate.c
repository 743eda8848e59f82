/* caseload allocate CRN OFFICER [--override REASON] [--reason CODE]
 *                   [--appointments keep|move|move-all]
 * The result on standard output; appointments left behind on standard error. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "cli/cli.h"

int cmd_allocate(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"override", required_argument, NULL, 'o'},
        {"reason", required_argument, NULL, 'r'},
        {"appointments", required_argument, NULL, 'a'},
        {NULL, 0, NULL, 0},
    };
    const char *override = NULL, *reason = NULL, *appts = "keep";
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'o': override = optarg; break;
        case 'r': reason = optarg; break;
        case 'a': appts = optarg; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (argc - optind != 2)
        return cli_usage_error(cmd, "give one CRN and one officer");
    enum { KEEP, MOVE, MOVE_ALL }; /* the order of CLI_ALLOCATE_APPTS */
    int how;
    if (cli_choice(cmd, "--appointments", CLI_ALLOCATE_APPTS, appts, &how) != CL_OK)
        return CL_EUSAGE;
    bool move = how != KEEP, all = how == MOVE_ALL;
    char *crn = argv[optind];
    const char *officer = cli_code_case(argv[optind + 1]);
    int rc = cli_crn(ctx, crn);
    if (rc != CL_OK)
        return rc;
    cl_err err = {0};
    alloc_transfer_result res;
    if (alloc_allocate_appts(&ctx->app, crn, officer, reason, override, move, all, &res, &err) != CL_OK)
        return cli_fail(&err);
    printf("%s allocated to %s%s\n", crn, officer,
           res.override_recorded ? " (override recorded)" : override ? " (no rule broken: the override was not needed"
                                                                       " and is not recorded)" : "");
    if (move) {
        printf("%zu appointment%s moved to %s\n", res.appts_moved, res.appts_moved == 1 ? "" : "s", officer);
        cli_print_left(&res);
        return CL_OK;
    }
    /* Never silently: upcoming appointments still with someone else are named. */
    char list[1024], clashes[2048];
    size_t n, nclash;
    if (alloc_appts_elsewhere(&ctx->app, crn, officer, list, sizeof list, &n, clashes, sizeof clashes, &nclash,
                              &err) != CL_OK)
        return cli_fail(&err);
    if (n)
        fprintf(stderr, "caseload: %zu upcoming appointment%s still with another officer or office: %s;"
                        " give --appointments move to move %s to %s\n",
                n, n == 1 ? " is" : "s are", list, n == 1 ? "it" : "them", officer);
    if (nclash)
        fprintf(stderr, "caseload: %zu of them would double-book %s and would stay (move-all moves them too): %s\n",
                nclash, officer, clashes);
    return CL_OK;
}
