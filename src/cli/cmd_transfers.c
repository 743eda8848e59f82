/* caseload transfers [--office CODE]: every pending transfer, no filter
 * required, with RoSH and flags; names whole, padded by display width (tw_fit). */
#include <stdio.h>

#include "caseload/alloc.h"
#include "caseload/textwidth.h"
#include "cli/cli.h"

int cmd_transfers(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    const char *office;
    int rc = cli_office_option(ctx, cmd, argc, argv, &office);
    if (rc != CL_OK)
        return rc;
    alloc_pending_list l;
    cl_err err = {0};
    if (alloc_pending_transfers(&ctx->app, office, &l, &err) != CL_OK)
        return cli_fail(&err);
    /* The name column as wide as the widest name listed: no name is cut. */
    int nw = tw_width("NAME");
    for (size_t i = 0; i < l.n; i++)
        if (tw_width(l.items[i].name) > nw)
            nw = tw_width(l.items[i].name);
    char name[sizeof l.items[0].name + 64];
    printf("%-10s %s %-10s %-8s %-6s %-6s %4s %-16s %-8s %s\n", "CRN", tw_fit("NAME", nw, name, sizeof name), "ROSH",
           "FROM", "OFFICE", "TO", "DAYS", "REQUESTED", "BY", "FLAGS");
    for (size_t i = 0; i < l.n; i++) {
        const alloc_pending *p = &l.items[i];
        printf("%-10s %s %-10s %-8s %-6s %-6s %4d %-16s %-8s %s\n", p->crn, tw_fit(p->name, nw, name, sizeof name),
               risk_rosh_word(p->rosh), p->from_officer[0] ? p->from_officer : "-", p->from_office, p->to_office,
               p->days, p->at, p->by, p->flags[0] ? p->flags : "-");
    }
    fprintf(stderr, "caseload: %zu pending transfer%s\n", l.n, l.n == 1 ? "" : "s");
    alloc_pending_list_free(&l);
    return CL_OK;
}
