/* The command table: the single source for dispatch, `--help`, `help COMMAND`
 * and the man page check (tests/ui/test_man.sh). Keep names in order. */
#include <string.h>

#include "cli/cli.h"

const cli_command CLI_COMMANDS[] = {
    {"allocate", "CRN OFFICER [--reason CODE] [--override REASON] [--appointments " CLI_ALLOCATE_APPTS "]",
     "allocate a case to an officer (against the rules only with an override)", cmd_allocate, CLI_DB_WRITE},
    {"audit", "CRN", "print a person's audit trail below their risk banner: who changed what, and when", cmd_audit, CLI_DB_READ},
    {"book", "CRN DATE TIME [--length MINUTES] [--type TYPE] [--officer CODE] [--office CODE] [--location TEXT] [--notes TEXT] [--order ID] [--repeat weekly|fortnightly --count N | --until DATE] [--force]",
     "book an appointment (or a weekly or fortnightly series) through the booking rules", cmd_book, CLI_DB_WRITE},
    {"check", "", "check the database: integrity and caseload's own rules", cmd_check, CLI_DB_NONE},
    {"contacts", "CRN [--type TYPE] [--outcome OUTCOME] [--format text|csv] [--id ID]",
     "a person's contact history below their risk banner, newest first, or one contact with its corrections", cmd_contacts, CLI_DB_READ},
    {"diary", "[--date DATE] [--office CODE | --officer CODE] [--format text|csv|ics] [--names] [--print]",
     "the day list of an office or officer: print-ready text, CSV or iCalendar", cmd_diary, CLI_DB_READ},
    {"due", "[--date DATE] [--officer CODE | --office CODE | --all] [--format text|csv]",
     "list what is overdue and due in the next 14 days", cmd_due, CLI_DB_READ},
    {"export", "KIND", "write every record of a kind as CSV to standard output", cmd_export, CLI_DB_READ},
    {"help", "[COMMAND]", "show the usage of caseload or of one command", cmd_help, CLI_DB_NONE},
    {"import", "[--dry-run] [--shift-from DATE] KIND FILE",
     "import a CSV file of one kind of record (all or nothing)",
     cmd_import, CLI_DB_NONE},
    {"log",
     "CRN TYPE [--outcome OUTCOME] [--action ACTION] [--date DATE] [--time TIME] [--end TIME] [--order ID]\n"
     "       [--note TEXT | --note-file FILE] [--sensitive] [--rar] [--respond-by DATE]\n"
     "       caseload log CRN [TYPE] --appointment ID [--outcome OUTCOME] ...\n"
     "       caseload log CRN [TYPE] --corrects ID [--outcome OUTCOME|none] [--action ACTION|none] ...",
     "log a contact, the outcome of an appointment, or a correction", cmd_log, CLI_DB_WRITE},
    {"register",
     "CRN TYPE [--level LEVEL] [--category CATEGORY] [--date DATE] [--notes TEXT]\n"
     "       caseload register --review ID [--date DATE]\n"
     "       caseload register --end ID --reason TEXT [--date DATE]\n"
     "       caseload register --list CRN | --types",
     "add, review, end or list a person's registrations (risk flags)", cmd_register, CLI_DB_WRITE},
    {"set-crn", "PROVISIONAL CRN", "replace a provisional court reference (LOC...) by the real CRN", cmd_set_crn, CLI_DB_WRITE},
    {"show", "CRN", "print a person's record: risk banner first, then the next appointment", cmd_show, CLI_DB_READ},
    {"transfer", "CRN... --to OFFICER|--office CODE [--appointments " CLI_TRANSFER_APPTS "] [--reason CODE] [--override REASON]",
     "move any number of cases to an officer or office in one go", cmd_transfer, CLI_DB_WRITE},
    {"transfers", "[--office CODE]", "list transfers waiting for allocation, oldest first", cmd_transfers, CLI_DB_READ},
    {"unallocated", "[--office CODE]", "list cases with no officer (or a senior in name only), oldest first", cmd_unallocated, CLI_DB_READ},
    {"workload", "[--office CODE] [--format text|csv]", "each officer's workload against capacity", cmd_workload, CLI_DB_READ},
};
const size_t CLI_COMMANDS_N = sizeof CLI_COMMANDS / sizeof CLI_COMMANDS[0];

const cli_command *cli_find(const char *name)
{
    for (size_t i = 0; name && i < CLI_COMMANDS_N; i++)
        if (!strcmp(name, CLI_COMMANDS[i].name))
            return &CLI_COMMANDS[i];
    return NULL;
}
