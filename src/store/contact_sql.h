/* SQL fragments about contacts that other store files (the diary, the due
 * list, export) share, so that "effective" and "an appointment's outcome" are
 * written once. Private to src/store. */
#ifndef CASELOAD_CONTACT_SQL_H
#define CASELOAD_CONTACT_SQL_H

/* True for a contact row (alias a) that no other contact corrects. */
#define ST_SQL_EFFECTIVE(a) "NOT EXISTS (SELECT 1 FROM contact k WHERE k.corrects = " a ".id)"

/* A contact row (alias a) the enforcement rule reads (enf_row): effective,
 * with an outcome or an enforcement action. */
#define ST_SQL_ENF_ROW(a)                                                                      \
    "(" a ".outcome IS NOT NULL OR " a ".enforcement IS NOT NULL) AND " ST_SQL_EFFECTIVE(a)

/* The one definition of an appointment's outcome: the latest written
 * effective contact (alias c) linked to the appointment (id expression appt)
 * that carries an outcome. A correction that withdraws the outcome (none) is
 * effective but carries none, so the appointment has no outcome again; one
 * that changes it carries the new outcome. WHERE ... ORDER BY ... LIMIT 1. */
#define ST_SQL_APPT_OUTCOME_ROW(c, appt)                                                       \
    c ".appointment_id = " appt " AND " c ".outcome IS NOT NULL AND " ST_SQL_EFFECTIVE(c)      \
    " ORDER BY " c ".rowid DESC LIMIT 1"

/* The outcome code of an appointment (alias a), NULL when it has none. A
 * scalar subquery for a diary SELECT list. */
#define ST_SQL_APPT_OUTCOME(a) "(SELECT c2.outcome FROM contact c2 WHERE " ST_SQL_APPT_OUTCOME_ROW("c2", a ".id") ")"

/* True for an appointment (alias a) that still needs an outcome: booked, its
 * time (end, else start) passed by (today, now), and no effective contact
 * linked to it carries a decided outcome (none, or only `pending`, AFTA).
 * A closed case takes no outcome: a query not already limited to active
 * people adds ST_SQL_CASE_OPEN (a page's people are active: no lookup a row).
 * today, now and pending are SQL expressions (parameters). */
#define ST_SQL_NEEDS_OUTCOME(a, today, now, pending)                                           \
    a ".status = 'booked' AND (" a ".date < " today " OR (" a ".date = " today                \
    " AND coalesce(" a ".end, " a ".start) <= " now "))"                                      \
    " AND NOT EXISTS (SELECT 1 FROM contact c3 WHERE c3.appointment_id = " a ".id"             \
    " AND c3.outcome IS NOT NULL AND c3.outcome IS NOT " pending " AND " ST_SQL_EFFECTIVE("c3") ")"

/* The case of appointment (alias a) is not closed. */
#define ST_SQL_CASE_OPEN(a) " AND NOT EXISTS (SELECT 1 FROM offender o3 WHERE o3.crn = " a ".crn AND o3.status = 'closed')"

/* Minutes from a contact's (alias a) time to its end, in SQL. */
#define ST_SQL_MINUTES(a)                                                                      \
    "((CAST(substr(" a ".end,1,2) AS INTEGER)*60 + CAST(substr(" a ".end,4,2) AS INTEGER))"    \
    " - (CAST(substr(" a ".time,1,2) AS INTEGER)*60 + CAST(substr(" a ".time,4,2) AS INTEGER)))"

/* An effective contact (alias a) that counts as contact with the person
 * (CONVENTIONS "Last contact"): an attended outcome (outcomes: a JSON array
 * parameter) or a type that counts by itself (types: JSON array parameter). */
#define ST_SQL_IS_CONTACT(a, outcomes, types)                                                  \
    "(" a ".outcome IN (SELECT value FROM json_each(" outcomes ")) OR " a ".type IN"            \
    " (SELECT value FROM json_each(" types "))) AND " ST_SQL_EFFECTIVE(a)

/* An effective unpaid work session (alias a) that credits hours: of the
 * session type (parameter), an outcome in credited (JSON array parameter:
 * attended and acceptable), with an end after its start. */
#define ST_SQL_UPW_CREDITED(a, session_type, credited)                                         \
    a ".type = " session_type " AND " a ".outcome IN (SELECT value FROM json_each(" credited "))" \
    " AND " a ".end > " a ".time AND " ST_SQL_EFFECTIVE(a)

#endif
