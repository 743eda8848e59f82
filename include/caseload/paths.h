/* Where caseload keeps files: the XDG base folders, and folders created
 * private to their owner. One place for both, used by the store (the
 * database), the app (its default path) and printing (the print folder).
 * And the one opening of a file the user names to be read. */
#ifndef CASELOAD_PATHS_H
#define CASELOAD_PATHS_H

#include <stddef.h>
#include <stdio.h>

#include "caseload/err.h"

/* "$ENV/caseload/LEAF" when the variable env holds an absolute path, else
 * "$HOME/HOME_SUB/caseload/LEAF" (HOME, or the password file's home when
 * unset). Returns CL_OK, or CL_EUSAGE when there is no home folder or the
 * path does not fit (err says which). */
int path_xdg(const char *env, const char *home_sub, const char *leaf, char *out, size_t len,
             cl_err *err);

/* mkdir -p: dir and every missing folder above it, each new one 0700. */
int path_mkdirs(const char *dir, cl_err *err);

/* Opens a file named to be read (an import's CSV, a note): NULL with 66 and
 * "PATH: cannot open: why" or "PATH: is a folder, not a KIND file". */
FILE *path_open_input(const char *path, const char *kind, cl_err *err);

#endif
