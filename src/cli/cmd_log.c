/* caseload log: log a contact (or its correction), from the command line. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/contacts.h"
#include "caseload/enforce.h"
#include "caseload/paths.h"
#include "caseload/ref.h"
#include "cli/cli.h"

/* Reads a whole file ("-" is standard input) into a malloc'd string. */
static char *read_all(const char *path, cl_err *err)
{
    FILE *f = strcmp(path, "-") ? path_open_input(path, "note", err) : stdin;
    if (!f)
        return NULL;
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len - 1 == 0) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p, cap *= 2;
        }
    }
    bool bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || bad) {
        free(buf);
        cl_err_set(err, bad ? CL_EIO : CL_ESOFTWARE, "%s: cannot read the note", path);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

/* A code (or readable name) from a table into field; "none" empties it. */
static bool set_code(const ref_set *set, const char *text, char *field, size_t len)
{
    if (!strcmp(text, "none")) {
        field[0] = '\0';
        return true;
    }
    const char *code = ref_lookup(set, text);
    if (!code)
        return false;
    snprintf(field, len, "%s", code);
    return true;
}

/* The enforcement state after a write, so the officer sees what is now due. */
static void print_state(cl_app *app, const char *crn)
{
    enf_person p;
    cl_err err = {0};
    if (enf_load(app->store, &app->cal, crn, app->clock.today, &p, &err) != CL_OK)
        return;
    if (p.level == ENF_LEVEL_NONE)
        return;
    char d[CL_DATE_LEN];
    printf("%s: %s by %s", crn, p.words, date_format(p.due, d));
    if (p.orders[0].order_id[0])
        printf(" (order %s)", p.orders[0].order_id);
    printf("\n");
}

int cmd_log(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = cli_find(argv[0]);
    static const struct option opts[] = {
        {"outcome", required_argument, NULL, 'o'},    {"action", required_argument, NULL, 'a'},
        {"date", required_argument, NULL, 'd'},       {"time", required_argument, NULL, 't'},
        {"end", required_argument, NULL, 'e'},        {"appointment", required_argument, NULL, 'A'},
        {"order", required_argument, NULL, 'O'},      {"note", required_argument, NULL, 'n'},
        {"note-file", required_argument, NULL, 'N'},  {"sensitive", no_argument, NULL, 's'},
        {"rar", no_argument, NULL, 'r'},              {"respond-by", required_argument, NULL, 'R'},
        {"corrects", required_argument, NULL, 'C'},   {NULL, 0, NULL, 0},
    };
    const char *outcome = NULL, *action = NULL, *date = NULL, *time = NULL, *end = NULL;
    const char *appt = NULL, *order = NULL, *note = NULL, *note_file = NULL, *respond = NULL;
    const char *corrects = NULL;
    bool sensitive = false, rar = false;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        switch (c) {
        case 'o': outcome = optarg; break;
        case 'a': action = optarg; break;
        case 'd': date = optarg; break;
        case 't': time = optarg; break;
        case 'e': end = optarg; break;
        case 'A': appt = optarg; break;
        case 'O': order = optarg; break;
        case 'n': note = optarg; break;
        case 'N': note_file = optarg; break;
        case 's': sensitive = true; break;
        case 'r': rar = true; break;
        case 'R': respond = optarg; break;
        case 'C': corrects = optarg; break;
        default: return CL_EUSAGE; /* said by cli_getopt */
        }
    }
    int npos = argc - optind;
    if (npos < 1)
        return cli_usage_error(cmd, "give the person's CRN");
    if (npos > 2)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind + 2]);
    if (npos == 1 && !appt && !corrects)
        return cli_usage_error(cmd, "give the contact type (or --appointment ID, or --corrects ID)");
    if (note && note_file)
        return cli_usage_error(cmd, "give --note or --note-file, not both");
    if (cli_crn_form(argv[optind]) != CL_OK)
        return CL_EUSAGE;
    const char *crn = argv[optind], *type = npos == 2 ? argv[optind + 1] : NULL;

    cl_app *app = &ctx->app;
    cl_err err = {0};
    cl_contact k;
    int rc;
    if (corrects)
        rc = contact_correction_of(app, corrects, &k, &err);
    else if (appt)
        rc = contact_from_appointment(app, appt, &k, &err);
    else {
        memset(&k, 0, sizeof k);
        k.date = k.respond_by = CL_DATE_NONE;
        k.time = k.end = -1;
        rc = CL_OK;
    }
    if (rc != CL_OK)
        return cli_fail(&err);
    if (corrects && appt && strcmp(appt, k.appointment_id))
        return cli_usage_error(cmd, "--appointment: contact %s is the outcome of '%s'", corrects, k.appointment_id);
    if (strcmp(k.crn[0] ? k.crn : crn, crn))
        return cli_usage_error(cmd, "%s %s belongs to %s, not %s", corrects ? "contact" : "appointment",
                               corrects ? corrects : appt, k.crn, crn);
    snprintf(k.crn, sizeof k.crn, "%s", crn);
    if (type && !set_code(&REF_CONTACT_TYPE_SET, type, k.type, sizeof k.type))
        return cli_usage_error(cmd, "'%s' is not a contact type", type);
    if (outcome && !set_code(&REF_OUTCOME_SET, outcome, k.outcome, sizeof k.outcome))
        return cli_usage_error(cmd, "--outcome: '%s' is not an outcome", outcome);
    if (action && !set_code(&REF_ACTION_SET, action, k.enforcement, sizeof k.enforcement))
        return cli_usage_error(cmd, "--action: '%s' is not an enforcement action", action);
    if (date && (rc = cli_parse_past_date(ctx, cmd, "--date", date, &k.date)) != CL_OK)
        return rc;
    if (time && !time_parse(time, &k.time))
        return cli_usage_error(cmd, "--time: '%s' is not a time (HH:MM)", time);
    if (end && !time_parse(end, &k.end))
        return cli_usage_error(cmd, "--end: '%s' is not a time (HH:MM)", end);
    if (respond && (rc = cli_parse_date(ctx, cmd, "--respond-by", respond, &k.respond_by)) != CL_OK)
        return rc;
    if (action && !respond && !enf_is_pending_action(k.enforcement))
        k.respond_by = CL_DATE_NONE; /* a correction away from EA12 drops its date */
    if (order)
        snprintf(k.order_id, sizeof k.order_id, "%s", order);
    if (sensitive)
        k.sensitive = true;
    if (rar)
        k.rar = true;
    if (note_file) {
        if (!(k.notes = read_all(note_file, &err)))
            return cli_fail(&err);
    } else if (note && !(k.notes = strdup(note))) {
        return cli_fail(&(cl_err){CL_ESOFTWARE, "out of memory"});
    }
    rc = contact_log(app, &k, NULL, &err);
    if (rc != CL_OK) {
        cl_contact_clear(&k);
        return cli_fail(&err);
    }
    char d[CL_DATE_LEN], t[CL_TIME_LEN];
    printf("logged contact %s: %s %s %s %s%s%s%s%s\n", k.id, k.crn, date_format(k.date, d),
           time_format(k.time, t), k.type, k.outcome[0] ? " " : "", k.outcome,
           k.enforcement[0] ? " " : "", k.enforcement);
    if (k.corrects[0])
        printf("corrects contact %s\n", k.corrects);
    cl_contact_clear(&k);
    print_state(app, crn);
    return CL_OK;
}
