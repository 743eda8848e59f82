#include "caseload/err.h"

#include <stdarg.h>
#include <stdio.h>

int cl_err_set(cl_err *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void cl_err_clear(cl_err *err)
{
    if (err) {
        err->code = CL_OK;
        err->msg[0] = '\0';
    }
}
