/* The one clock. CASELOAD_NOW=YYYY-MM-DDTHH:MM, else CASELOAD_TODAY=YYYY-MM-DD at
 * the real time of day, else the local clock. Nothing else reads the time. */
#ifndef CASELOAD_CLOCK_H
#define CASELOAD_CLOCK_H

#include "caseload/dates.h"
#include "caseload/err.h"

typedef struct cl_clock {
    cl_date today;
    int minutes; /* since midnight */
} cl_clock;

/* Reads the environment; CL_EUSAGE with a message when a variable is malformed. */
int clock_read(cl_clock *out, cl_err *err);
/* "YYYY-MM-DDTHH:MM" (17 bytes). */
char *clock_stamp(const cl_clock *c, char *buf);

#endif
