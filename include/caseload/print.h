/* Printing: text is saved to a file in the print folder (the path is shown to
 * the officer) and sent to the default printer with `lpr` when there is one.
 * Used by the diary's day list and the court slips. */
#ifndef CASELOAD_PRINT_H
#define CASELOAD_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/err.h"

/* The print folder: $XDG_STATE_HOME/caseload/print, else
 * ~/.local/state/caseload/print (created 0700). */
int print_dir(char *out, size_t len, cl_err *err);
/* Writes text to PRINT_DIR/name (0600, replacing an older print of the same
 * name); the full path goes to path. */
int print_save(const char *name, const char *text, size_t textlen, char *path, size_t pathlen,
               cl_err *err);
/* Sends the file to `lpr` when one is on PATH (*sent true), else does nothing
 * (*sent false). CL_EIO when lpr fails. */
int print_send(const char *path, bool *sent, cl_err *err);

#endif
