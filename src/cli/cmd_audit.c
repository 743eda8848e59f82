/* `caseload audit CRN`: a person's audit trail, oldest first, one line a
 * change in words: when, who, what was done, to what, the new value and the
 * reason; the same lines as the record's audit trail screen (audit_trail.h).
 * A provisional reference that was replaced by a CRN leads to the person's
 * trail under the CRN. The person's risk banner comes first, as in `show`. */
#include <getopt.h>
#include <stdio.h>

#include "caseload/audit_trail.h"
#include "caseload/case_open.h"
#include "caseload/model.h"
#include "caseload/store_audit.h"
#include "caseload/store_write.h"
#include "cli/cli.h"

static int print_line(void *arg, const char *line, int head)
{
    (void)arg;
    (void)head; /* a terminal wraps the line itself */
    puts(line);
    return 0;
}

int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    if (cli_no_options(cmd, argc, argv) != CL_OK)
        return CL_EUSAGE;
    if (argc - optind != 1)
        return cli_usage_error(cmd, argc - optind < 1 ? "a CRN is needed" : "unexpected argument '%s'",
                               argc - optind < 1 ? "" : argv[optind + 1]);
    int rc = cli_crn_form(argv[optind]);
    if (rc != CL_OK)
        return rc;
    const char *typed = case_crn_normalise(argv[optind]), *crn = typed;
    cl_err err = {0};
    char now[CL_CODE_LEN];
    /* An old provisional reference leads to the CRN that replaced it. */
    if (!store_exists(ctx->app.store, STORE_OFFENDER, crn) &&
        store_audit_replaced_by(ctx->app.store, crn, now, sizeof now, &err) == CL_OK)
        crn = now;
    if ((rc = case_check_exists(ctx->app.store, crn, &err)) != CL_OK)
        return cli_fail(&err);
    /* The person's risk first, as `show` prints it. */
    if ((rc = cli_print_banner(ctx, crn)) != CL_OK)
        return rc;
    if (crn != typed)
        printf("%s was replaced by CRN %s\n", typed, crn);
    printf("\nAudit trail\n");
    size_t n = 0;
    rc = audit_trail_each(ctx->app.store, crn, print_line, NULL, &n, &err);
    if (rc != CL_OK)
        return cli_fail(&err);
    if (n == 0)
        puts(AUDIT_TRAIL_NONE);
    return CL_OK;
}
