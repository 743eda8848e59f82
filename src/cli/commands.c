/* The command table: the single source for dispatch, `--help`, `help COMMAND`
 * and the man page check (tests/ui/test_man.sh). Keep names in order. */
#include <string.h>

#include "cli/cli.h"

const cli_command CLI_COMMANDS[] = {
    {"check", "", "check the database: integrity and caseload's own rules", cmd_check, CLI_DB_WRITE},
    {"help", "[COMMAND]", "show the usage of caseload or of one command", cmd_help, CLI_DB_NONE},
    {"show", "CRN", "print a person's record: risk banner first, then the next appointment", cmd_show, CLI_DB_READ},
};
const size_t CLI_COMMANDS_N = sizeof CLI_COMMANDS / sizeof CLI_COMMANDS[0];

const cli_command *cli_find(const char *name)
{
    for (size_t i = 0; name && i < CLI_COMMANDS_N; i++)
        if (!strcmp(name, CLI_COMMANDS[i].name))
            return &CLI_COMMANDS[i];
    return NULL;
}
