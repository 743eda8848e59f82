/* The marks and action words of a contact (contact_words.h). */
#include "caseload/contact_words.h"

#include <stdio.h>

#include "caseload/ref.h"

char *contact_marks(const cl_contact *c, const char *corrected_by, bool ids, char *buf, size_t len)
{
    bool corrected = corrected_by && corrected_by[0], correction = c->corrects[0] != '\0';
    snprintf(buf, len, "%s%s%s%s%s%s%s", corrected ? (ids ? "[CORRECTED by " : "[CORRECTED] ") : "",
             corrected && ids ? corrected_by : "", corrected && ids ? "] " : "",
             correction ? (ids ? "[correction of " : "[correction] ") : "", correction && ids ? c->corrects : "",
             correction && ids ? "] " : "", c->sensitive ? "[SENSITIVE] " : "");
    return buf;
}

char *contact_action_words(const cl_contact *c, char *buf, size_t len)
{
    const char *name = c->enforcement[0] ? ref_name(&REF_ACTION_SET, c->enforcement) : NULL;
    snprintf(buf, len, "%s%s%s", c->enforcement, name ? " " : "", name ? name : "");
    return buf;
}
