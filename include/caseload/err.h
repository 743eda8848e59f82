/* Error values returned by the core: a sysexits status and a message that names
 * the file, line and field where it applies. The core never prints. */
#ifndef CASELOAD_ERR_H
#define CASELOAD_ERR_H

enum {
    CL_OK = 0,
    CL_EPROBLEMS = 1,   /* `check` found problems */
    CL_EUSAGE = 64,
    CL_EDATA = 65,      /* bad input data, nothing changed */
    CL_ENOINPUT = 66,   /* input file or CRN not found */
    CL_EBUSY = 69,      /* database in use after the busy timeout */
    CL_ESOFTWARE = 70,  /* internal error */
    CL_EIO = 74,        /* read-only, disk full, not a database, corrupt */
    CL_ENEWER = 78      /* database from a newer schema */
};

typedef struct cl_err {
    int code;
    char msg[1024];
} cl_err;

/* Sets err (if not NULL) and returns code, so callers can `return cl_err_set(...)`. */
int cl_err_set(cl_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void cl_err_clear(cl_err *err);

#endif
