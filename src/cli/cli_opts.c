/* The commands' one option parser: getopt_long, with every option error said
 * alike, in one line naming the command and the option, then the usage (64).
 * The words of a value (DATE, "text or csv") are read from the command's
 * usage in the command table, so the message and `help` never disagree. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

/* "keep|move|move-all" said as "keep, move or move-all". */
static char *said(const char *choices, size_t n, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const char *p = choices, *end = choices + n; p < end && used < len;) {
        size_t w = strcspn(p, "|");
        if (w > (size_t)(end - p))
            w = (size_t)(end - p);
        bool last = p + w >= end;
        used += (size_t)snprintf(buf + used, len - used, "%s%.*s", p == choices ? "" : last ? " or " : ", ", (int)w, p);
        p += w + 1;
    }
    return buf;
}

/* The value the command's usage gives --name: "--date DATE" is DATE, "--format
 * text|csv" is "text or csv", "--to OFFICER|--office CODE" is OFFICER. */
static char *value_words(const cli_command *cmd, const char *name, char *buf, size_t len)
{
    char key[64];
    snprintf(key, sizeof key, "--%s ", name);
    const char *p = strstr(cmd->usage, key);
    buf[0] = '\0';
    if (!p)
        return buf;
    p += strlen(key);
    size_t n = 0;
    while (p[n] && !strchr(" ]\n", p[n]) && !(p[n] == '|' && p[n + 1] == '-'))
        n++;
    return said(p, n, buf, len);
}

static const struct option *by_val(const struct option *opts, int val, int has_arg)
{
    for (; opts->name; opts++)
        if (opts->val == val && opts->has_arg == has_arg)
            return opts;
    return NULL;
}

/* An argument that is one of the command's options (--office or --office=X). */
static bool is_option(const struct option *opts, const char *arg)
{
    if (strncmp(arg, "--", 2))
        return false;
    size_t n = strcspn(arg + 2, "=");
    for (; opts->name; opts++)
        if (strlen(opts->name) == n && !strncmp(opts->name, arg + 2, n))
            return true;
    return false;
}

static int needs_value(const cli_command *cmd, const char *name)
{
    char words[160];
    value_words(cmd, name, words, sizeof words);
    return cli_option_error(cmd, "--%s needs a value%s%s%s", name, words[0] ? " (" : "", words, words[0] ? ")" : "");
}

/* '?' from getopt_long: an unknown or ambiguous option, or a value given to an
 * option that takes none. */
static int bad_option(const cli_command *cmd, const struct option *opts, char **argv)
{
    const char *arg = argv[optind - 1];
    const struct option *flag = optopt ? by_val(opts, optopt, no_argument) : NULL;
    if (flag && !strncmp(arg, "--", 2) && strchr(arg, '='))
        return cli_option_error(cmd, "--%s takes no value", flag->name);
    if (optopt) /* a short option: caseload has none */
        return cli_option_error(cmd, "unknown option '-%c'", optopt);
    size_t n = strcspn(arg, "=");
    char names[256] = "";
    size_t used = 0, found = 0;
    for (const struct option *o = opts; o->name && n > 2; o++)
        if (!strncmp(o->name, arg + 2, n - 2) && used < sizeof names) {
            used += (size_t)snprintf(names + used, sizeof names - used, "%s--%s", found ? "|" : "", o->name);
            found++;
        }
    if (found > 1) {
        char words[300];
        return cli_option_error(cmd, "ambiguous option '%.*s' (%s)", (int)n, arg, said(names, used, words, sizeof words));
    }
    return cli_option_error(cmd, "unknown option '%.*s'", (int)n, arg);
}

int cli_getopt(const cli_command *cmd, int argc, char **argv, const struct option *opts)
{
    int idx = -1;
    opterr = 0; /* said here, once, in caseload's words */
    int c = getopt_long(argc, argv, ":", opts, &idx);
    if (c == -1)
        return -1;
    if (c == ':') {
        const struct option *o = by_val(opts, optopt, required_argument);
        needs_value(cmd, o ? o->name : "?");
        return CLI_OPT_ERROR;
    }
    if (c == '?') {
        bad_option(cmd, opts, argv);
        return CLI_OPT_ERROR;
    }
    /* `due --date --officer X`: the next option is not the date. */
    if (idx >= 0 && opts[idx].has_arg == required_argument && optarg == argv[optind - 1] && is_option(opts, optarg)) {
        needs_value(cmd, opts[idx].name);
        return CLI_OPT_ERROR;
    }
    return c;
}

int cli_no_options(const cli_command *cmd, int argc, char **argv)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    return cli_getopt(cmd, argc, argv, none) == -1 ? CL_OK : CL_EUSAGE;
}

int cli_choice(const cli_command *cmd, const char *option, const char *choices, const char *value, int *index)
{
    size_t n = strlen(value);
    int i = 0;
    for (const char *p = choices;; i++) {
        size_t w = strcspn(p, "|");
        if (w == n && !strncmp(p, value, n)) {
            *index = i;
            return CL_OK;
        }
        if (!p[w])
            break;
        p += w + 1;
    }
    char words[128];
    return cli_usage_error(cmd, "%s: '%s' is not %s", option, value, said(choices, strlen(choices), words, sizeof words));
}

int cli_office_option(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv, const char **office)
{
    static const struct option opts[] = {{"office", required_argument, NULL, 'o'}, {NULL, 0, NULL, 0}};
    *office = NULL;
    int c;
    while ((c = cli_getopt(cmd, argc, argv, opts)) != -1) {
        if (c != 'o')
            return CL_EUSAGE;
        *office = cli_code_case(optarg);
    }
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    return cli_check_office(ctx, cmd, *office);
}
