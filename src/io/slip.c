/* The appointment slip: no risk information on it, ever (it goes home with
 * the person). */
#include "caseload/slip.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/print.h"
#include "caseload/store_write.h"

const char *const SLIP_BRING[] = {
    "this slip",
    "photo identification (passport, driving licence or a bank card)",
    "proof of your address (a recent letter or bill)",
    "your doctor's name and any medication you take",
    "details of your work, training or benefits",
    "any court papers you were given",
};
const size_t SLIP_BRING_N = sizeof SLIP_BRING / sizeof SLIP_BRING[0];

typedef struct buf {
    char *s;
    size_t n, cap;
    bool oom;
} buf;

static void add(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0 || b->oom)
        return;
    if (b->n + (size_t)need + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 1024) + (size_t)need;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    b->n += (size_t)need;
}

/* The office address, one line per comma-separated part. */
static void add_address(buf *b, const char *label, const char *address)
{
    const char *p = address;
    bool first = true;
    while (p && *p) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, ",");
        add(b, "%-11s %.*s\n", first ? label : "", (int)n, p);
        first = false;
        p += n;
        if (*p == ',')
            p++;
    }
}

int slip_text(cl_app *app, const char *appt_id, char **text, size_t *len, cl_err *err)
{
    *text = NULL;
    *len = 0;
    cl_appointment a;
    int rc = store_get_appointment(app->store, appt_id, &a, err);
    if (rc != CL_OK)
        return rc;
    cl_offender p;
    cl_office o;
    cl_staff s;
    memset(&o, 0, sizeof o);
    if ((rc = store_get_offender(app->store, a.crn, &p, err)) == CL_OK &&
        (rc = store_get_staff(app->store, a.officer, &s, err)) == CL_OK)
        rc = store_get_office(app->store, a.office[0] ? a.office : s.office, &o, err);
    if (rc != CL_OK) {
        cl_appointment_clear(&a);
        return rc;
    }
    buf b = {0};
    char day[16], start[CL_TIME_LEN], name[2 * CL_NAME_LEN];
    add(&b, "PROBATION SERVICE: YOUR APPOINTMENT\n");
    add(&b, "===================================\n\n");
    add(&b, "%-11s %s\n", "Name:", cl_offender_name(&p, name, sizeof name));
    add(&b, "%-11s %s\n\n", "Reference:", p.crn);
    add(&b, "%-11s %s\n", "Date:", date_format_long(a.date, day));
    add(&b, "%-11s %s (please arrive 10 minutes early)\n", "Time:", time_format(a.start, start));
    add(&b, "%-11s %s\n", "Place:", o.name);
    add_address(&b, "", o.address);
    if (o.phone[0])
        add(&b, "%-11s %s\n", "Phone:", o.phone);
    add(&b, "%-11s %s\n\n", "Officer:", s.name);
    add(&b, "Please bring:\n");
    for (size_t i = 0; i < SLIP_BRING_N; i++)
        add(&b, "  - %s\n", SLIP_BRING[i]);
    add(&b, "\nIf you cannot come, phone the office before the appointment.\n"
            "Missing it without a good reason can mean going back to court.\n");
    cl_appointment_clear(&a);
    if (b.oom) {
        free(b.s);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    *text = b.s;
    *len = b.n;
    return CL_OK;
}

int slip_print(cl_app *app, const char *appt_id, char *path, size_t pathlen, bool *sent, cl_err *err)
{
    *sent = false;
    char *text;
    size_t len;
    int rc = slip_text(app, appt_id, &text, &len, err);
    if (rc != CL_OK)
        return rc;
    cl_appointment a;
    if ((rc = store_get_appointment(app->store, appt_id, &a, err)) != CL_OK) {
        free(text);
        return rc;
    }
    char name[96], d[CL_DATE_LEN];
    snprintf(name, sizeof name, "slip-%s-%s.txt", a.crn, date_format(a.date, d));
    cl_appointment_clear(&a);
    rc = print_save(name, text, len, path, pathlen, err);
    free(text);
    if (rc == CL_OK)
        rc = print_send(path, sent, err);
    return rc;
}
