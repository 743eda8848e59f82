/* SQL fragments about contacts that other store files (the diary, the due
 * list, export) share, so that "effective" and "an appointment's outcome" are
 * written once. Private to src/store. */
#ifndef CASELOAD_CONTACT_SQL_H
#define CASELOAD_CONTACT_SQL_H

/* True for a contact row (alias a) that no other contact corrects. */
#define ST_SQL_EFFECTIVE(a) "NOT EXISTS (SELECT 1 FROM contact k WHERE k.corrects = " a ".id)"

/* The outcome code of an appointment (alias a): that of its latest effective
 * linked contact, NULL when none has been logged. A scalar subquery for a
 * diary SELECT list. */
#define ST_SQL_APPT_OUTCOME(a)                                                                 \
    "(SELECT c2.outcome FROM contact c2 WHERE c2.appointment_id = " a ".id AND"                \
    " NOT EXISTS (SELECT 1 FROM contact k WHERE k.corrects = c2.id)"                           \
    " ORDER BY c2.rowid DESC LIMIT 1)"

#endif
