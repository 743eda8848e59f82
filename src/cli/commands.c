/* The command table: the single source for dispatch, `--help`, `help COMMAND`
 * and the man page check (tests/ui/test_man.sh). Keep names in order. */
#include <string.h>

#include "cli/cli.h"

const cli_command CLI_COMMANDS[] = {
    {"check", "", "check the database: integrity and caseload's own rules", cmd_check, CLI_DB_WRITE},
    {"export", "KIND", "write every record of a kind as CSV to standard output", cmd_export, CLI_DB_READ},
    {"help", "[COMMAND]", "show the usage of caseload or of one command", cmd_help, CLI_DB_NONE},
    {"import", "[--dry-run] [--shift-from DATE] KIND FILE",
     "import a CSV file of one kind of record (all or nothing)",
     cmd_import, CLI_DB_NONE},
};
const size_t CLI_COMMANDS_N = sizeof CLI_COMMANDS / sizeof CLI_COMMANDS[0];

const cli_command *cli_find(const char *name)
{
    for (size_t i = 0; name && i < CLI_COMMANDS_N; i++)
        if (!strcmp(name, CLI_COMMANDS[i].name))
            return &CLI_COMMANDS[i];
    return NULL;
}
