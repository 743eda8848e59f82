/* caseload unallocated [--office CODE]: oldest first, with days waited, RoSH
 * and flags; columns padded by display width (tw_fit), so Siân lines up. */
#include <stdio.h>

#include "caseload/alloc.h"
#include "caseload/textwidth.h"
#include "cli/cli.h"

int cmd_unallocated(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    const char *office;
    int rc = cli_office_option(ctx, cmd, argc, argv, &office);
    if (rc != CL_OK)
        return rc;
    alloc_waiting_list l;
    cl_err err = {0};
    if (alloc_unallocated(&ctx->app, office, &l, &err) != CL_OK)
        return cli_fail(&err);
    printf("%-10s %-28s %-6s %-10s %4s %-10s %-8s %s\n", "CRN", "NAME", "OFFICE", "ROSH", "DAYS", "SINCE",
           "HELD BY", "FLAGS");
    for (size_t i = 0; i < l.n; i++) {
        const alloc_waiting *w = &l.items[i];
        char since[CL_DATE_LEN], name[160];
        printf("%-10s %s %-6s %-10s %4d %-10s %-8s %s\n", w->crn, tw_fit(w->name, 28, name, sizeof name),
               w->office, risk_rosh_word(w->rosh), w->days, date_format(w->since, since),
               w->holder[0] ? w->holder : "-", w->flags[0] ? w->flags : "-");
    }
    fprintf(stderr, "caseload: %zu unallocated\n", l.n);
    alloc_waiting_list_free(&l);
    return CL_OK;
}
