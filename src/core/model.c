#include "caseload/model.h"

#include <stdio.h>
#include <stdlib.h>

void cl_registration_clear(cl_registration *r)
{
    free(r->notes);
    r->notes = NULL;
}

void cl_appointment_clear(cl_appointment *a)
{
    free(a->notes);
    a->notes = NULL;
}

void cl_contact_clear(cl_contact *c)
{
    free(c->notes);
    c->notes = NULL;
}

char *cl_offender_name(const cl_offender *o, char *buf, size_t len)
{
    snprintf(buf, len, "%s%s%s", o->forenames, o->forenames[0] ? " " : "", o->surname);
    return buf;
}
