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

/* True for an appointment (alias a) that still needs an outcome: booked, its
 * time (end, else start) passed by (today, now), and no effective contact
 * linked to it carries a decided outcome (none, or only `pending`, AFTA).
 * today, now and pending are SQL expressions (parameters). */
#define ST_SQL_NEEDS_OUTCOME(a, today, now, pending)                                           \
    a ".status = 'booked' AND (" a ".date < " today " OR (" a ".date = " today                \
    " AND coalesce(" a ".end, " a ".start) <= " now "))"                                      \
    " AND NOT EXISTS (SELECT 1 FROM contact c3 WHERE c3.appointment_id = " a ".id"             \
    " AND c3.outcome IS NOT NULL AND c3.outcome IS NOT " pending " AND " ST_SQL_EFFECTIVE("c3") ")"

#endif
