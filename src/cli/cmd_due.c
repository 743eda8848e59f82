/* caseload due: the due list (overdue first) as text or CSV. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "caseload/csv.h"
#include "caseload/due.h"
#include "caseload/store_staff.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "cli/cli.h"

/* CSV columns: the documented ones first, in order, then the further ones. */
static const char *const CSV_COLS[] = {"due_date", "state", "crn",  "name",   "rosh", "item",
                                       "officer",  "flags", "office", "detail", "ref"};

static void print_csv(const due_list *l)
{
    size_t nc = sizeof CSV_COLS / sizeof CSV_COLS[0];
    csv_out w;
    csv_out_init(&w, stdout);
    for (size_t i = 0; i < nc; i++)
        csv_put_field(&w, CSV_COLS[i]);
    csv_end_row(&w);
    for (size_t i = 0; i < l->n; i++) {
        const due_item *it = &l->items[i];
        char d[CL_DATE_LEN];
        const char *v[] = {date_format(it->due, d), due_state(it), it->crn,    it->name,
                           risk_rosh_word(it->rosh), it->item, it->officer, it->flags,
                           it->office, it->detail, it->ref};
        for (size_t k = 0; k < nc; k++)
            csv_put_field(&w, v[k]);
        csv_end_row(&w);
    }
}

static void print_text(const due_list *l, cl_date from)
{
    int group = -1;
    for (size_t i = 0; i < l->n; i++) {
        const due_item *it = &l->items[i];
        due_group g = due_group_of(it, from);
        if ((int)g != group) {
            printf("%s%s\n", group < 0 ? "" : "\n", due_group_words(g));
            group = (int)g;
        }
        char d[CL_DATE_LEN], name[CL_NAME_LEN * 2], rosh[32];
        /* The rosh column's words, as every other text and CSV output has them. */
        printf("%s  %-7s  %-7s  %s  %s  %-19s  %-6s  %s", date_format(it->due, d), it->overdue ? "OVERDUE" : "due",
               it->crn, tw_fit(it->name, 22, name, sizeof name), tw_fit(risk_rosh_word(it->rosh), 9, rosh, sizeof rosh),
               it->item, it->officer, it->detail);
        char flags[256]; /* the risk flags, then the enforcement words, as every list shows them */
        if (risk_flags_join(it->flags, it->enforcement, flags, sizeof flags)[0])
            printf("  [%s]", flags);
        printf("\n");
    }
    if (!l->n)
        printf("nothing overdue or due in the next %d days\n", DUE_AHEAD_DAYS);
}

int cmd_due(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"date", required_argument, NULL, 'd'},   {"officer", required_argument, NULL, 'o'},
        {"office", required_argument, NULL, 'O'}, {"all", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0},
    };
    const char *date = NULL, *officer = NULL, *office = NULL, *format = "text";
    bool all = false;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'd': date = optarg; break;
        case 'o': officer = cli_code_case(optarg); break;
        case 'O': office = cli_code_case(optarg); break;
        case 'a': all = true; break;
        case 'f': format = optarg; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    if ((officer != NULL) + (office != NULL) + all > 1)
        return cli_usage_error(cmd, "give one of --officer, --office and --all");
    bool csv = !strcmp(format, "csv");
    if (!csv && strcmp(format, "text"))
        return cli_usage_error(cmd, "--format: '%s' is not text or csv", format);
    cl_app *app = &ctx->app;
    due_query q = {.scope = DUE_EVERYONE};
    int rc = cli_parse_date(ctx, cmd, "--date", date, &q.from);
    if (rc != CL_OK)
        return rc;
    /* Appointments earlier today need an outcome by now; on another day, all of it. */
    q.now_minutes = q.from == app->clock.today ? app->clock.minutes : 24 * 60;
    if (officer) {
        if ((rc = cli_check_officer(ctx, cmd, officer)) != CL_OK)
            return rc;
        q.scope = DUE_OFFICER;
        q.code = officer;
    } else if (office) {
        if ((rc = cli_check_office(ctx, cmd, office)) != CL_OK)
            return rc;
        q.scope = DUE_OFFICE;
        q.code = office;
    } else if (!all && app->officer[0]) {
        q.scope = DUE_OFFICER; /* the officer's own list by default */
        q.code = app->officer;
    }
    due_list l;
    cl_err err = {0};
    if (due_list_load(app->store, &app->cal, &q, &l, &err) != CL_OK)
        return cli_fail(&err);
    if (csv)
        print_csv(&l);
    else
        print_text(&l, q.from);
    due_list_free(&l);
    if (fflush(stdout) != 0 || ferror(stdout))
        return cl_err_set(&err, CL_EIO, "writing the due list failed"), cli_fail(&err);
    return CL_OK;
}
