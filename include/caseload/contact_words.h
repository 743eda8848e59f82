/* How a contact is marked wherever a list of contacts is shown (the contacts
 * screen, the record's contact section, `caseload show`): one set of words,
 * so a corrected contact, a correction, a sensitive one and an enforcement
 * action read the same everywhere. */
#ifndef CASELOAD_CONTACT_WORDS_H
#define CASELOAD_CONTACT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "caseload/model.h"

/* The marks before a contact's note: "[CORRECTED] " when corrected_by is
 * not empty, "[correction] " when c corrects another contact, "[SENSITIVE] ".
 * With ids each names the other contact, for text read away from the screen:
 * "[CORRECTED by C2] [correction of C1] ". "" when none. Returns buf. */
char *contact_marks(const cl_contact *c, const char *corrected_by, bool ids, char *buf, size_t len);

/* The enforcement action as code and words, "EA02 First warning letter sent"
 * ("" when none; the code alone when unknown). Returns buf. */
char *contact_action_words(const cl_contact *c, char *buf, size_t len);

#endif
