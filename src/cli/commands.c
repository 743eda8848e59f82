/* The command table: the single source for dispatch, `--help`, `help COMMAND`
 * and the man page check (tests/ui/test_man.sh). Keep names in order. */
#include <string.h>

#include "cli/cli.h"

const cli_command CLI_COMMANDS[] = {
    {"check", "", "check the database: integrity and caseload's own rules", cmd_check, CLI_DB_WRITE},
    {"due", "[--date D] [--officer CODE | --office CODE | --all] [--format text|csv]",
     "list what is overdue and due in the next 14 days", cmd_due, CLI_DB_READ},
    {"help", "[COMMAND]", "show the usage of caseload or of one command", cmd_help, CLI_DB_NONE},
    {"register",
     "CRN TYPE [--level L] [--category C] [--date D] [--notes TEXT]\n"
     "       caseload register --review ID [--date D]\n"
     "       caseload register --end ID --reason TEXT [--date D]\n"
     "       caseload register --list CRN | --types",
     "add, review, end or list a person's registrations (risk flags)", cmd_register, CLI_DB_WRITE},
};
const size_t CLI_COMMANDS_N = sizeof CLI_COMMANDS / sizeof CLI_COMMANDS[0];

const cli_command *cli_find(const char *name)
{
    for (size_t i = 0; name && i < CLI_COMMANDS_N; i++)
        if (!strcmp(name, CLI_COMMANDS[i].name))
            return &CLI_COMMANDS[i];
    return NULL;
}
