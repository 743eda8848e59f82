/* `caseload audit CRN`: a person's audit trail, oldest first: when, who, what
 * was done to which record, and the old values of what changed. */
#include <stdio.h>

#include "caseload/model.h"
#include "caseload/store_audit.h"
#include "caseload/store_write.h"
#include "cli/cli.h"

static int print_row(void *arg, const store_audit_row *r)
{
    int *n = arg;
    (*n)++;
    printf("%-16s  %-12s  %-7s  %-12s  %s%s%s\n", r->at, r->who, r->action, r->entity, r->key,
           *r->detail ? "  was " : "", r->detail);
    return 0;
}

int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (argc != 2)
        return cli_usage_error(cmd, argc < 2 ? "a CRN is needed" : "unexpected argument '%s'",
                               argc < 2 ? "" : argv[2]);
    int rc = cli_crn(ctx, argv[1]);
    if (rc != CL_OK)
        return rc;
    cl_err err = {0};
    cl_offender o;
    if ((rc = store_get_offender(ctx->app.store, argv[1], &o, &err)) != CL_OK)
        return cli_fail(&err);
    char name[2 * CL_NAME_LEN + 2];
    printf("Audit trail of %s %s\n", o.crn, cl_offender_name(&o, name, sizeof name));
    int n = 0;
    rc = store_audit_each(ctx->app.store, o.crn, print_row, &n, &err);
    if (rc != CL_OK)
        return cli_fail(&err);
    if (n == 0)
        printf("no changes recorded (records loaded by a bulk import are summarised without a person)\n");
    return CL_OK;
}
