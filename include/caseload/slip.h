/* The appointment slip handed to a person at court: date, time, where (the
 * office's name, address and phone), the officer, and what to bring. It never
 * carries risk information. Printed through print.h (a file, and lpr). */
#ifndef CASELOAD_SLIP_H
#define CASELOAD_SLIP_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"

/* What to bring to a first appointment (one table). */
extern const char *const SLIP_BRING[];
extern const size_t SLIP_BRING_N;

/* The slip's text for a booked appointment (malloc'd, free it). */
int slip_text(cl_app *app, const char *appt_id, char **text, size_t *len, cl_err *err);
/* Saves the slip as slip-REF-DATE.txt in the print folder (path filled) and
 * sends it to lpr when there is one (*sent). */
int slip_print(cl_app *app, const char *appt_id, char *path, size_t pathlen, bool *sent, cl_err *err);

#endif
