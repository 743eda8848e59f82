/* Parses the global options and hands over to a command or the screens. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "tui/tui.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Numbers are read and written with a point (7.5) whatever the user's
     * locale: a decimal comma would split CSV fields and misread hours. */
    setlocale(LC_NUMERIC, "C");
    /* Every name in the database is UTF-8. Under a locale that is not (LANG
     * unset on a server, or C), names like Siân would print as '?' and break
     * the columns: read and write UTF-8 anyway when the system has C.UTF-8. */
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    umask(077); /* every file caseload creates is the owner's alone */

    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"officer", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    /* Hidden: the keymap table, read by the man page test. */
    if (argc == 2 && !strcmp(argv[1], "--keys")) {
        tui_print_keys(stdout);
        return 0;
    }
    cli_ctx ctx = {0};
    int c;
    opterr = 0;
    /* "+:": stop at the command; ':' for an option given without its value */
    while ((c = getopt_long(argc, argv, "+:", opts, NULL)) != -1) {
        switch (c) {
        case 'd': ctx.db_flag = optarg; break;
        case 'o': ctx.officer_flag = optarg; break; /* upper-cased by app_open */
        case 'h': cli_print_usage(stdout); return 0;
        case 'V': printf("caseload %s\n", CASELOAD_VERSION); return 0;
        case ':': /* the words of the usage line: [--db FILE] [--officer CODE] */
            return cli_usage_error(NULL, "%s needs a %s", optopt == 'd' ? "--db" : "--officer",
                                   optopt == 'd' ? "FILE" : "CODE");
        default:
            return cli_usage_error(NULL, "unknown option '%s'", argv[optind - 1]);
        }
    }
    int rc;
    if (optind >= argc) {
        if ((rc = cli_open(&ctx, CLI_DB_SCREEN)) != 0)
            return rc;
        rc = tui_run(&ctx.app);
    } else {
        const cli_command *cmd = cli_find(argv[optind]);
        if (!cmd)
            return cli_usage_error(NULL, "unknown command '%s'", argv[optind]);
        if (cli_asks_help(argc - optind, argv + optind)) { /* no database needed to say how */
            cli_print_command_help(cmd);
            return 0;
        }
        if ((rc = cli_open(&ctx, cmd->db)) != 0)
            return rc;
        int first = optind;
        optind = 0; /* GNU getopt: start afresh for the command's own options */
        opterr = 1;
        rc = cmd->run(&ctx, argc - first, argv + first);
    }
    if (ctx.opened)
        app_close(&ctx.app);
    return rc;
}
