/* Where an order stands on a day: the one rule, in C, that the log form and
 * order_default read directly and the store's SQL calls as cl_order_ended()
 * (the due list's orders). Here, below the core, so the store can use it. */
#include "caseload/orders.h"

#include "store/store_int.h"

order_state order_state_on(const cl_order *o, cl_date d)
{
    if (o->terminated != CL_DATE_NONE && o->terminated <= d)
        return ORDER_TERMINATED;
    if (o->end_date != CL_DATE_NONE && o->end_date < d)
        return ORDER_ENDED;
    if (o->sentence_date != CL_DATE_NONE && o->sentence_date > d)
        return ORDER_PENDING;
    return ORDER_RUNNING;
}

bool order_running(const cl_order *o, cl_date d) { return order_state_on(o, d) == ORDER_RUNNING; }

bool order_ended(const cl_order *o, cl_date d) { return order_state_on(o, d) >= ORDER_ENDED; }

/* A stored date as st_col_date reads one: NULL or malformed is none. */
static cl_date value_date(sqlite3_value *v) { return st_text_date((const char *)sqlite3_value_text(v)); }

/* cl_order_ended(sentence_date, end_date, terminated_at, day): order_ended
 * on the row's own columns. A call, not a copy of the rule in SQL: the
 * orders_crn index still finds a person's orders (crn=?) and holds every
 * column it reads, as the comparisons it replaced did. */
static void fn_order_ended(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n;
    cl_order o = {.sentence_date = value_date(v[0]), .end_date = value_date(v[1]),
                  .terminated = value_date(v[2])};
    sqlite3_result_int(c, order_ended(&o, value_date(v[3])));
}

int st_order_functions(sqlite3 *db)
{
    return sqlite3_create_function(db, "cl_order_ended", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, fn_order_ended, NULL, NULL);
}
