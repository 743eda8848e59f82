/* The command-line layer: a table of commands over the core. Thin: parses
 * arguments, asks the core, prints. Output asked for goes to stdout; messages,
 * warnings and errors to stderr. */
#ifndef CASELOAD_CLI_H
#define CASELOAD_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "caseload/alloc.h"
#include "caseload/app.h"
#include "caseload/record.h"

/* What a command needs from the database: READ opens read-only when the file
 * cannot be written (a read-only copy still reads); WRITE creates it when
 * missing and refuses a file it cannot write; SCREEN (the screens) creates
 * it, or opens it read-only and refuses each write; IMPORT is WRITE that
 * also makes an empty (0-byte) file a database. */
enum { CLI_DB_NONE, CLI_DB_READ, CLI_DB_WRITE, CLI_DB_SCREEN, CLI_DB_IMPORT };

typedef struct cli_ctx {
    const char *db_flag;      /* --db */
    const char *officer_flag; /* --officer */
    cl_app app;
    bool opened;
} cli_ctx;

/* argv[0] is the command name; getopt state is reset before the call. */
typedef int (*cli_handler)(cli_ctx *ctx, int argc, char **argv);

typedef struct cli_command {
    const char *name;
    const char *usage;   /* arguments after the name */
    const char *summary; /* one line */
    cli_handler run;
    int db;              /* CLI_DB_* : opened before run is called */
} cli_command;

extern const cli_command CLI_COMMANDS[];
extern const size_t CLI_COMMANDS_N;
const cli_command *cli_find(const char *name);

/* The program's usage (all commands) to f. */
void cli_print_usage(FILE *f);
/* One command's usage and summary (`caseload help CMD`, `caseload CMD --help`). */
void cli_print_command_help(const cli_command *c);
/* Whether a command's arguments (argv[0] the command) ask for its help:
 * --help or -h before any "--". */
bool cli_asks_help(int argc, char **argv);
/* "caseload: message" and the command's usage on stderr; returns 64. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same for an option error, naming the command: "caseload due: message". */
int cli_option_error(const cli_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the error on stderr and returns its code. */
int cli_fail(const cl_err *err);
/* Opens the database for the command (a CLI_DB_* mode); prints the error. */
int cli_open(cli_ctx *ctx, int mode);
/* Opens the database with store_open's flags and prints its warnings; on
 * failure returns the code with err set and prints nothing. */
int cli_open_store(cli_ctx *ctx, int store_flags, cl_err *err);
/* Parses a typed date (any typed form) given for `what` (an option such as
 * "--date", or "DATE") into *out; NULL text is today. The usage error names
 * `what` and, for a date that does not exist, what is wrong with it. */
int cli_parse_date(cli_ctx *ctx, const cli_command *cmd, const char *what, const char *text, cl_date *out);
/* The same for a date that can only be past (cal_parse_typed_past): DD/MM
 * and weekday names read backwards. */
int cli_parse_past_date(cli_ctx *ctx, const cli_command *cmd, const char *what, const char *text, cl_date *out);
/* An --office CODE or --officer CODE not in the database: a usage error
 * naming the option (64). NULL passes. */
int cli_check_office(cli_ctx *ctx, const cli_command *cmd, const char *office);
int cli_check_officer(cli_ctx *ctx, const cli_command *cmd, const char *officer);

/* The shared checks of typed CRNs, so every command answers alike:
 * cli_crn_form: the CRN upper-cased in place (case_crn_normalise), then 64
 * "'x12' is not a CRN (one letter and six digits)" when it is not one in
 * form (a provisional LOC reference is one); cli_crn: cli_crn_form, then 66
 * "no person with CRN X" when there is none; cli_crn_case only upper-cases
 * (a new CRN). */
int cli_crn_form(char *crn);
int cli_crn(cli_ctx *ctx, char *crn);
char *cli_crn_case(char *crn);
/* A staff or office code given on the command line, upper-cased in place
 * (case_code_normalise): cdf02 is CDF02. */
char *cli_code_case(char *code);
/* The CSV kinds, space-separated, in load order: what KIND may be
 * (export, import, their usage errors and `help`). */
char *cli_kinds(char *buf, size_t len);
/* After allocating or transferring, on standard error: the appointments
 * left as they were because they have an outcome, and those left with the
 * old officer because they would double-book the new one (each with the
 * booking check's clash). */
void cli_print_left(const alloc_transfer_result *res);

/* The person's risk banner (name, RoSH, risk to staff, enforcement, every
 * flag: the record's REC_BANNER lines), printed first by every command about
 * one person (cli_banner.c); prints the error and returns its code. */
int cli_print_banner(cli_ctx *ctx, const char *crn);
/* A record line as text (record_line_fn): how `show` and the banner print. */
void cli_record_line(void *arg, record_role role, const char *text, int hang);

/* The words an option takes, '|'-separated: the usage text (commands.c), the
 * check and its message all read these, so `help` never leaves one out. */
#define CLI_ALLOCATE_APPTS "keep|move|move-all"
#define CLI_TRANSFER_APPTS "move|move-all|cancel"

/* Option parsing (cli_opts.c), the same for every command. */
struct option;
/* getopt_long over the command's options (none short): the next option's
 * val, -1 after the last one (optind is the first argument), or
 * CLI_OPT_ERROR once an option error is said, in one line naming the
 * command and the option, then the usage: "caseload due: unknown option
 * '--bogus'", "caseload due: --date needs a value (DATE)" (the value's words
 * from the command's usage), "--all takes no value", "ambiguous option"; the
 * caller returns CL_EUSAGE (64). */
#define CLI_OPT_ERROR (-2)
int cli_getopt(const cli_command *cmd, int argc, char **argv, const struct option *opts);
/* For a command without options: CL_OK, or 64 after cli_getopt's error for
 * the first option given (`show --zzz` is an unknown option, not a CRN). */
int cli_no_options(const cli_command *cmd, int argc, char **argv);
/* Parses a command whose only option is --office CODE (and no argument);
 * an office code that is not an office is a usage error (64). */
int cli_office_option(cli_ctx *ctx, const cli_command *cmd, int argc, char **argv, const char **office);
/* Which of choices value is (0 for the first) in *index, else a usage
 * error "OPTION: 'x' is not keep, move or move-all" (64). */
int cli_choice(const cli_command *cmd, const char *option, const char *choices, const char *value, int *index);

/* Handlers, one file each (cmd_NAME.c). */
int cmd_audit(cli_ctx *ctx, int argc, char **argv);
int cmd_help(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_contacts(cli_ctx *ctx, int argc, char **argv);
int cmd_log(cli_ctx *ctx, int argc, char **argv);
int cmd_show(cli_ctx *ctx, int argc, char **argv);
int cmd_book(cli_ctx *ctx, int argc, char **argv);
int cmd_diary(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_allocate(cli_ctx *ctx, int argc, char **argv);
int cmd_transfer(cli_ctx *ctx, int argc, char **argv);
int cmd_transfers(cli_ctx *ctx, int argc, char **argv);
int cmd_unallocated(cli_ctx *ctx, int argc, char **argv);
int cmd_workload(cli_ctx *ctx, int argc, char **argv);
int cmd_set_crn(cli_ctx *ctx, int argc, char **argv);
int cmd_register(cli_ctx *ctx, int argc, char **argv);
int cmd_due(cli_ctx *ctx, int argc, char **argv);

#endif
