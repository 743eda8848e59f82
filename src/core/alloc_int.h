/* Private to allocation: what a transfer does with a case's open appointments. */
#ifndef CASELOAD_ALLOC_INT_H
#define CASELOAD_ALLOC_INT_H

#include "caseload/alloc.h"

typedef struct alloc_follow {
    bool cancel;         /* cancel them with reason; else move them */
    const char *reason;  /* the cancellation's reason */
    const char *officer; /* moved to; NULL: kept as booked (a transfer to an office) */
    const char *office;
    bool double_book;    /* move one even when the new officer is booked then */
    const char *from;    /* "YYYY-MM-DDTHH:MM": those from then on (a closure); NULL: from now */
} alloc_follow;

/* Cancels or moves crn's open appointments in the caller's transaction,
 * counting them in res; one with an outcome logged is left and noted in res,
 * and so is one that would clash with the new officer's diary (unless
 * double_book); one already with the officer and office is counted kept. */
int alloc_appts_follow(cl_app *app, const char *crn, const alloc_follow *f, alloc_transfer_result *res,
                       cl_err *err);

#endif
