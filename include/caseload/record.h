/* The offender record: everything one person's page shows, read once, and the
 * same record as lines of text (risk banner first) for the screen and for
 * `caseload show`. */
#ifndef CASELOAD_RECORD_H
#define CASELOAD_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/app.h"
#include "caseload/due.h"
#include "caseload/enforce.h"
#include "caseload/model.h"
#include "caseload/risk.h"

typedef struct record_req {
    cl_requirement r;
    int upw_minutes; /* unpaid work (W): minutes done on the order */
    int rar_days;    /* RAR (F): days used on the order */
} record_req;

typedef struct cl_record {
    cl_offender person;
    cl_date today; /* the clock the record was read at */
    int now;
    int age;
    bool closed;
    char officer_name[CL_NAME_LEN];
    risk_summary risk;
    enf_person enf;               /* enforcement state (enf_load): WARNING DUE / BREACH DUE */
    bool has_next;
    cl_appointment next;          /* store_next_appointment */
    cl_order *orders; size_t norders;
    record_req *reqs; size_t nreqs;
    cl_appointment *appts; size_t nappts;      /* by date; notes owned; location and
                                                * next.location as shown (sched_where) */
    cl_contact *contacts; size_t ncontacts;    /* newest first; notes owned */
    cl_registration *regs; size_t nregs;       /* active first, then newest; notes owned */
    struct reg_reviews *reviews;               /* nregs: each registration's review history */
    due_list due;                              /* what is overdue or due soon (the due list's rules) */
} cl_record;

/* Reads the record of crn as on the app's clock. CL_ENOINPUT when no such CRN. */
int record_load(cl_app *app, const char *crn, cl_record *out, cl_err *err);
/* Reads only what the banner (REC_BANNER) needs: the person, the risk and
 * the enforcement state, for a screen about one person that shows the banner
 * above its own lines. record_free frees it. */
int record_load_banner(cl_app *app, const char *crn, cl_record *out, cl_err *err);
void record_free(cl_record *r);

typedef enum {
    REC_BANNER = 0, REC_NEXT, REC_PERSONAL, REC_DUE, REC_ORDERS, REC_APPOINTMENTS, REC_CONTACTS,
    REC_REGISTRATIONS, REC_SECTIONS_N
} record_section;

/* What a line means, so a screen can colour it (the words say it too). */
typedef enum {
    RL_TEXT = 0, RL_HEADING, RL_NAME, RL_ROSH, RL_STAFF, RL_FLAG, RL_OVERDUE, RL_CLOSED, RL_MUTED
} record_role;

/* hang: where a screen that wraps the line puts the rows after the first
 * (tw_wrap_rows_under); -1 is the text's own rule (tw_wrap_rows). Only typed
 * text (record_note_lines) gives one: its rows line up under its label, never
 * under a colon somebody typed. */
typedef void (*record_line_fn)(void *arg, record_role role, const char *text, int hang);

/* Calls fn with one line formatted as printf does (up to 2047 bytes): how the
 * record's and a registration's lines (reg_history.h) are written. */
void record_linef(record_line_fn fn, void *arg, record_role role, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Every line of a multi-line text (a note), the first after label, the rest
 * under it (indented by the label's length), so no line of it reads as an
 * entry of its own. Each line hangs by the label's rule (tw_row_indent of the
 * label), so every wrapped row of a note lines up the same way. */
void record_note_lines(const char *text, const char *label, record_role role, record_line_fn fn, void *arg);

const char *record_section_title(record_section s);
/* The lines of one section (no heading line: callers add record_section_title). */
void record_lines(const cl_record *r, record_section s, record_line_fn fn, void *arg);
/* "Next appointment: YYYY-MM-DD HH:MM TYPE LOCATION" or "Next appointment: none". */
char *record_next_line(const cl_record *r, char *buf, size_t len);

#endif
