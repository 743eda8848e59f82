/* caseload contacts: a person's contact history, newest first, or one contact
 * with its whole note and its corrections; as text, below the person's risk
 * banner (the CSV is the export's columns alone). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "caseload/contacts.h"
#include "caseload/contact_words.h"
#include "caseload/csv.h"
#include "caseload/csv_format.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "cli/cli.h"

/* Prints text with every line indented, so a note never looks like a row. */
static void print_indented(const char *text, const char *indent)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        printf("%s%.*s\n", indent, n, p);
        p += n + (nl != NULL);
    }
}

static void print_head(const cl_contact *c, const char *corrected_by)
{
    char d[CL_DATE_LEN], t[CL_TIME_LEN];
    const char *type = ref_name(&REF_CONTACT_TYPE_SET, c->type);
    printf("%s %s  %s  %s %s", date_format(c->date, d), time_format(c->time, t), c->id, c->type,
           type ? type : "");
    if (c->outcome[0]) {
        const char *o = ref_name(&REF_OUTCOME_SET, c->outcome);
        printf("  %s %s", c->outcome, o ? o : "");
    }
    if (c->enforcement[0]) {
        char a[128];
        printf("  %s", contact_action_words(c, a, sizeof a));
    }
    if (c->respond_by != CL_DATE_NONE)
        printf("  respond by %s", date_format(c->respond_by, d));
    printf("\n    officer %s; logged by %s at %s", c->officer[0] ? c->officer : "-", c->created_by,
           c->created_at);
    if (c->order_id[0])
        printf("; order %s", c->order_id);
    if (c->appointment_id[0])
        printf("; appointment %s", c->appointment_id);
    if (c->sensitive)
        printf("; SENSITIVE");
    if (c->rar)
        printf("; RAR");
    printf("\n");
    if (c->corrects[0])
        printf("    corrects %s\n", c->corrects);
    if (corrected_by && corrected_by[0])
        printf("    CORRECTED by %s\n", corrected_by);
}

static bool print_row(void *arg, const cl_contact *c, const char *corrected_by)
{
    (void)arg;
    print_head(c, corrected_by);
    if (c->notes && *c->notes)
        print_indented(c->notes, "    | ");
    return true;
}

/* CSV: the columns of `caseload export contacts` (one table: csv_format.c), in
 * history order. */
static bool csv_row(void *arg, const cl_contact *c, const char *corrected_by)
{
    (void)corrected_by;
    csv_out *w = arg;
    const csv_format *fmt = csv_format_find("contacts");
    for (size_t i = 0; i < fmt->ncols; i++) {
        char buf[64];
        csv_put_field(w, cf_format(&fmt->cols[i], c, buf, sizeof buf));
    }
    csv_end_row(w);
    return !ferror(stdout);
}

static int print_csv(cli_ctx *ctx, const char *crn, const char *type, const char *outcome)
{
    const csv_format *fmt = csv_format_find("contacts");
    csv_out w;
    csv_out_init(&w, stdout);
    for (size_t i = 0; i < fmt->ncols; i++)
        csv_put_field(&w, fmt->cols[i].name);
    csv_end_row(&w);
    cl_err err = {0};
    if (store_contact_each(ctx->app.store, crn, type, outcome, 0, csv_row, &w, &err) != CL_OK)
        return cli_fail(&err);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cli_fail(&(cl_err){CL_EIO, "writing the contacts: output error"});
    return CL_OK;
}

/* One contact: its whole correction chain, oldest first, each note in full. */
static int show_one(cli_ctx *ctx, const char *crn, const char *id)
{
    cl_contact *chain;
    size_t n;
    cl_err err = {0};
    int rc = contact_chain(&ctx->app, id, &chain, &n, &err);
    if (rc == CL_ENOINPUT || (rc == CL_OK && (n == 0 || strcmp(chain[0].crn, crn)))) {
        contact_chain_free(chain, n);
        cl_err_set(&err, CL_ENOINPUT, "--id: %s has no contact with id %s", crn, id);
    }
    if (err.code)
        return cli_fail(&err);
    if ((rc = cli_print_banner(ctx, crn)) != CL_OK) {
        contact_chain_free(chain, n);
        return rc;
    }
    for (size_t i = 0; i < n; i++) {
        printf("\n");
        print_row(NULL, &chain[i], i + 1 < n ? chain[i + 1].id : "");
    }
    contact_chain_free(chain, n);
    return CL_OK;
}

int cmd_contacts(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"type", required_argument, NULL, 't'},   {"outcome", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'}, {"id", required_argument, NULL, 'i'},
        {NULL, 0, NULL, 0},
    };
    const char *type = NULL, *outcome = NULL, *format = "text", *id = NULL;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 't': type = optarg; break;
        case 'o': outcome = optarg; break;
        case 'f': format = optarg; break;
        case 'i': id = optarg; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cmd, argc - optind ? "unexpected argument '%s'" : "give the person's CRN%s",
                               argc - optind ? argv[optind + 1] : "");
    if (strcmp(format, "text") && strcmp(format, "csv"))
        return cli_usage_error(cmd, "--format: '%s' is not a format (text or csv)", format);
    char *crn = argv[optind];
    const char *tcode = type ? ref_lookup(&REF_CONTACT_TYPE_SET, type) : NULL;
    const char *ocode = outcome ? ref_lookup(&REF_OUTCOME_SET, outcome) : NULL;
    if (type && !tcode)
        return cli_usage_error(cmd, "--type: '%s' is not a contact type", type);
    if (outcome && !ocode)
        return cli_usage_error(cmd, "--outcome: '%s' is not an outcome", outcome);
    int rc = cli_crn(ctx, crn);
    if (rc != CL_OK)
        return rc;
    if (id)
        return show_one(ctx, crn, id);
    if (!strcmp(format, "csv"))
        return print_csv(ctx, crn, tcode, ocode);
    /* The person's risk first, as `show` prints it. */
    if ((rc = cli_print_banner(ctx, crn)) != CL_OK)
        return rc;
    printf("\n%s\n", record_section_title(REC_CONTACTS));
    cl_err err = {0};
    if (store_contact_each(ctx->app.store, crn, tcode, ocode, 0, print_row, NULL, &err) != CL_OK)
        return cli_fail(&err);
    return CL_OK;
}
