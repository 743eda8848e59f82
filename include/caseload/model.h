/* The records, as the core hands them between store, rules, screens and
 * printouts. Short fields are fixed arrays (no ownership questions); notes,
 * which may be long, are heap strings owned by the record: free them with the
 * matching *_clear function. Dates are cl_date (CL_DATE_NONE when empty);
 * times are minutes since midnight (-1 when empty). */
#ifndef CASELOAD_MODEL_H
#define CASELOAD_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/dates.h"

#define CL_CODE_LEN 16   /* codes: CRN, staff, office, types, outcomes */
#define CL_ID_LEN 40     /* record ids: orders, appointments, contacts, reports */
#define CL_NAME_LEN 96   /* names: UTF-8 bytes */
#define CL_TEXT_LEN 256  /* addresses, courts, locations */

typedef struct cl_office {
    char code[CL_CODE_LEN], name[CL_NAME_LEN], address[CL_TEXT_LEN], phone[40];
    int hours_start, hours_end; /* office hours, minutes since midnight */
} cl_office;

typedef struct cl_staff {
    char code[CL_CODE_LEN], name[CL_NAME_LEN], grade[8], office[CL_CODE_LEN], team[CL_NAME_LEN];
    double hours, reduction_hours;
} cl_staff;

typedef struct cl_offender {
    char crn[CL_CODE_LEN], surname[CL_NAME_LEN], forenames[CL_NAME_LEN];
    cl_date date_of_birth;
    char gender[4], pnc[24], address[CL_TEXT_LEN], postcode[16], phone[40], tier[4];
    char officer[CL_CODE_LEN], office[CL_CODE_LEN], status[8]; /* active|closed */
    char aliases[CL_TEXT_LEN];
    char closed_by[64], closed_at[20]; /* who closed the case and when (a closed case only) */
    char allocated_at[20];             /* when the officer was given (a case with an officer only) */
} cl_offender;

typedef struct cl_order {
    char id[CL_ID_LEN], crn[CL_CODE_LEN], type[8]; /* CO SSO LIC PSS */
    cl_date sentence_date, end_date;
    char court[CL_TEXT_LEN];
    cl_date terminated;
} cl_order;

typedef struct cl_requirement {
    char id[CL_ID_LEN], order_id[CL_ID_LEN], type[8], subtype[CL_NAME_LEN];
    double length;
    char unit[12]; /* hours days months sessions */
    cl_date start_date;
} cl_requirement;

typedef struct cl_registration {
    long long id;
    char crn[CL_CODE_LEN], type[8], category[4], level[4];
    cl_date start_date, review_date, end_date;
    char *notes;
    char registered_by[CL_CODE_LEN], reason[CL_TEXT_LEN], changed_by[64], changed_at[20];
    cl_date reviewed_on; /* the day the last review was done, as typed; NONE: never (or not kept) */
} cl_registration;

typedef struct cl_appointment {
    char id[CL_ID_LEN], crn[CL_CODE_LEN], order_id[CL_ID_LEN], officer[CL_CODE_LEN], office[CL_CODE_LEN];
    cl_date date;
    int start, end;
    char type[8], location[CL_TEXT_LEN], status[12]; /* booked cancelled rescheduled */
    char *notes;
    char reason[CL_TEXT_LEN], changed_by[64], changed_at[20], replaced_by[CL_ID_LEN];
} cl_appointment;

typedef struct cl_contact {
    char id[CL_ID_LEN], crn[CL_CODE_LEN], order_id[CL_ID_LEN], officer[CL_CODE_LEN];
    cl_date date;
    int time, end;
    char type[8], outcome[8], enforcement[8], appointment_id[CL_ID_LEN];
    char *notes;
    bool sensitive, rar;
    char corrects[CL_ID_LEN];
    cl_date respond_by;
    char created_by[64], created_at[20];
} cl_contact;

typedef struct cl_report {
    char id[CL_ID_LEN], crn[CL_CODE_LEN], type[8];
    cl_date requested, due;
    char court[CL_TEXT_LEN], officer[CL_CODE_LEN], status[12];
} cl_report;

/* One row of the setting table (store_setting.h, timescale.h): an office's own
 * figure, or with scope "*" every office's. */
typedef struct cl_setting {
    char scope[32], key[64], value[64];
} cl_setting;

void cl_registration_clear(cl_registration *r);
void cl_appointment_clear(cl_appointment *a);
void cl_contact_clear(cl_contact *c);

/* "Siân Llŷr" style display name: forenames then surname, into buf. */
char *cl_offender_name(const cl_offender *o, char *buf, size_t len);

#endif
