/* The schema and its migrations. Each migration is applied once, in order, in
 * one transaction with the user_version bump. Never edit a migration that has
 * shipped: add a new one at the end. */
#include <string.h>

#include "store/store_int.h"

/* Version 1: every entity, the audit trail and drafts. Nothing is hard-deleted:
 * DELETE is refused on every record table; contacts and audit rows are also
 * never updated. Audit rows come from triggers so that no write can skip them;
 * cl_who()/cl_now()/cl_bulk() are functions of the connection (db.c). */
static const char *const m1[] = {
    "CREATE TABLE office("
    " code TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT, phone TEXT,"
    " hours_start TEXT NOT NULL DEFAULT '09:00', hours_end TEXT NOT NULL DEFAULT '17:00');"

    ,
    "CREATE TABLE staff("
    " code TEXT PRIMARY KEY, name TEXT NOT NULL, grade TEXT NOT NULL,"
    " office TEXT NOT NULL REFERENCES office(code) ON UPDATE CASCADE,"
    " team TEXT, hours REAL, reduction_hours REAL NOT NULL DEFAULT 0);"
    "CREATE INDEX staff_office ON staff(office, code);"

    ,
    "CREATE TABLE offender("
    " crn TEXT PRIMARY KEY, surname TEXT NOT NULL, forenames TEXT NOT NULL,"
    " date_of_birth TEXT NOT NULL, gender TEXT, pnc TEXT, address TEXT, postcode TEXT,"
    " phone TEXT, tier TEXT,"
    " officer TEXT REFERENCES staff(code) ON UPDATE CASCADE,"
    " office TEXT NOT NULL REFERENCES office(code) ON UPDATE CASCADE,"
    " status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),"
    " aliases TEXT, created_at TEXT, allocated_at TEXT, closed_at TEXT, closed_by TEXT);"
    "CREATE INDEX offender_officer ON offender(officer, surname COLLATE NOCASE);"
    "CREATE INDEX offender_office ON offender(office, surname COLLATE NOCASE);"
    "CREATE INDEX offender_surname ON offender(surname COLLATE NOCASE, forenames COLLATE NOCASE);"
    "CREATE INDEX offender_pnc ON offender(pnc) WHERE pnc IS NOT NULL;"
    "CREATE INDEX offender_dob ON offender(date_of_birth);"

    /* Name search: accent-insensitive prefix search, kept in step by triggers. */
    ,
    "CREATE VIRTUAL TABLE offender_fts USING fts5(surname, forenames, aliases,"
    " content='offender', content_rowid='rowid',"
    " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4');"
    "CREATE TRIGGER offender_fts_ai AFTER INSERT ON offender BEGIN"
    " INSERT INTO offender_fts(rowid, surname, forenames, aliases)"
    " VALUES (NEW.rowid, NEW.surname, NEW.forenames, NEW.aliases); END;"
    "CREATE TRIGGER offender_fts_au AFTER UPDATE OF surname, forenames, aliases ON offender BEGIN"
    " INSERT INTO offender_fts(offender_fts, rowid, surname, forenames, aliases)"
    " VALUES ('delete', OLD.rowid, OLD.surname, OLD.forenames, OLD.aliases);"
    " INSERT INTO offender_fts(rowid, surname, forenames, aliases)"
    " VALUES (NEW.rowid, NEW.surname, NEW.forenames, NEW.aliases); END;"

    ,
    "CREATE TABLE orders("
    " id TEXT PRIMARY KEY, crn TEXT NOT NULL REFERENCES offender(crn) ON UPDATE CASCADE,"
    " type TEXT NOT NULL, sentence_date TEXT NOT NULL, end_date TEXT, court TEXT,"
    " terminated_at TEXT, terminated_by TEXT, termination_reason TEXT);"
    "CREATE INDEX orders_crn ON orders(crn, sentence_date);"

    ,
    "CREATE TABLE requirement("
    " id TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES orders(id) ON UPDATE CASCADE,"
    " type TEXT NOT NULL, subtype TEXT, length REAL, unit TEXT, start_date TEXT,"
    " terminated_at TEXT);"
    "CREATE INDEX requirement_order ON requirement(order_id);"

    ,
    "CREATE TABLE registration("
    " id INTEGER PRIMARY KEY, crn TEXT NOT NULL REFERENCES offender(crn) ON UPDATE CASCADE,"
    " type TEXT NOT NULL, category TEXT, level TEXT, start_date TEXT NOT NULL,"
    " review_date TEXT, end_date TEXT, notes TEXT, registered_by TEXT,"
    " reason TEXT, changed_by TEXT, changed_at TEXT,"
    " UNIQUE (crn, type, start_date));"
    "CREATE INDEX registration_active ON registration(crn) WHERE end_date IS NULL;"
    "CREATE INDEX registration_review ON registration(review_date) WHERE end_date IS NULL;"

    ,
    "CREATE TABLE appointment("
    " id TEXT PRIMARY KEY, crn TEXT NOT NULL REFERENCES offender(crn) ON UPDATE CASCADE,"
    " order_id TEXT REFERENCES orders(id) ON UPDATE CASCADE,"
    " officer TEXT NOT NULL REFERENCES staff(code) ON UPDATE CASCADE,"
    " office TEXT REFERENCES office(code) ON UPDATE CASCADE,"
    " date TEXT NOT NULL, start TEXT NOT NULL, end TEXT, type TEXT NOT NULL, location TEXT,"
    " status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','cancelled','rescheduled')),"
    " notes TEXT, reason TEXT, changed_by TEXT, changed_at TEXT, replaced_by TEXT,"
    " created_by TEXT, created_at TEXT);"
    "CREATE INDEX appointment_office ON appointment(office, date, start);"
    "CREATE INDEX appointment_officer ON appointment(officer, date, start);"
    "CREATE INDEX appointment_crn ON appointment(crn, date, start);"

    ,
    "CREATE TABLE contact("
    " id TEXT PRIMARY KEY, crn TEXT NOT NULL REFERENCES offender(crn) ON UPDATE CASCADE,"
    " order_id TEXT REFERENCES orders(id) ON UPDATE CASCADE, officer TEXT,"
    " date TEXT NOT NULL, time TEXT NOT NULL, end TEXT, type TEXT NOT NULL,"
    " outcome TEXT, enforcement TEXT,"
    " appointment_id TEXT REFERENCES appointment(id) ON UPDATE CASCADE,"
    " notes TEXT, sensitive INTEGER NOT NULL DEFAULT 0,"
    " corrects TEXT REFERENCES contact(id), rar INTEGER NOT NULL DEFAULT 0, respond_by TEXT,"
    " created_by TEXT, created_at TEXT);"
    "CREATE INDEX contact_crn ON contact(crn, date, time);"
    "CREATE INDEX contact_appointment ON contact(appointment_id) WHERE appointment_id IS NOT NULL;"
    "CREATE INDEX contact_order ON contact(order_id, date) WHERE order_id IS NOT NULL;"
    "CREATE INDEX contact_corrects ON contact(corrects) WHERE corrects IS NOT NULL;"

    ,
    "CREATE TABLE report("
    " id TEXT PRIMARY KEY, crn TEXT NOT NULL REFERENCES offender(crn) ON UPDATE CASCADE,"
    " type TEXT NOT NULL, requested TEXT, due TEXT, court TEXT,"
    " officer TEXT REFERENCES staff(code) ON UPDATE CASCADE,"
    " status TEXT NOT NULL DEFAULT 'requested');"
    "CREATE INDEX report_crn ON report(crn);"
    "CREATE INDEX report_due ON report(due) WHERE status = 'requested';"

    ,
    "CREATE TABLE holiday(date TEXT PRIMARY KEY, name TEXT NOT NULL);"

    /* Typed text, saved as it is typed; removed in the same transaction that
     * saves what it was typed for. */
    ,
    "CREATE TABLE draft("
    " id INTEGER PRIMARY KEY, officer TEXT NOT NULL, crn TEXT, kind TEXT NOT NULL,"
    " ref TEXT NOT NULL DEFAULT '', fields TEXT, body TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL, UNIQUE (officer, crn, kind, ref));"

    /* Settings: office defaults for timescales and hours (one table, changeable). */
    ,
    "CREATE TABLE setting(scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT,"
    " PRIMARY KEY (scope, key));"

    ,
    "CREATE TABLE audit("
    " id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,"
    " entity TEXT NOT NULL, key TEXT, crn TEXT, detail TEXT);"
    "CREATE INDEX audit_crn ON audit(crn, id) WHERE crn IS NOT NULL;"
    ,
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"

    ,
    "CREATE TRIGGER contact_no_update BEFORE UPDATE ON contact BEGIN"
    " SELECT RAISE(ABORT, 'contacts cannot be changed: add a correction'); END;"
#define NO_DELETE(t)                                                                           \
    "CREATE TRIGGER " t "_no_delete BEFORE DELETE ON " t " BEGIN"                              \
    " SELECT RAISE(ABORT, 'records are never deleted: close, cancel or end them instead'); END;"
    ,
    NO_DELETE("office") NO_DELETE("staff") NO_DELETE("offender") NO_DELETE("orders")
    ,
    NO_DELETE("requirement") NO_DELETE("registration") NO_DELETE("appointment")
    ,
    NO_DELETE("contact") NO_DELETE("report")

#define AUDIT(t, key, crn, cols)                                                               \
    "CREATE TRIGGER " t "_audit_ins AFTER INSERT ON " t " WHEN cl_bulk() = 0 BEGIN"            \
    " INSERT INTO audit(at, who, action, entity, key, crn, detail)"                            \
    " VALUES (cl_now(), cl_who(), 'insert', '" t "', NEW." key ", " crn ", NULL); END;"        \
    "CREATE TRIGGER " t "_audit_upd AFTER UPDATE ON " t " BEGIN"                               \
    " INSERT INTO audit(at, who, action, entity, key, crn, detail)"                            \
    " VALUES (cl_now(), cl_who(), 'update', '" t "', NEW." key ", " crn ", json_object(" cols ")); END;"
    ,
    AUDIT("office", "code", "NULL",
          "'code',OLD.code,'name',OLD.name,'address',OLD.address,'phone',OLD.phone,"
          "'hours_start',OLD.hours_start,'hours_end',OLD.hours_end")
    ,
    AUDIT("staff", "code", "NULL",
          "'code',OLD.code,'name',OLD.name,'grade',OLD.grade,'office',OLD.office,'team',OLD.team,"
          "'hours',OLD.hours,'reduction_hours',OLD.reduction_hours")
    ,
    AUDIT("offender", "crn", "NEW.crn",
          "'crn',OLD.crn,'surname',OLD.surname,'forenames',OLD.forenames,"
          "'date_of_birth',OLD.date_of_birth,'gender',OLD.gender,'pnc',OLD.pnc,"
          "'address',OLD.address,'postcode',OLD.postcode,'phone',OLD.phone,'tier',OLD.tier,"
          "'officer',OLD.officer,'office',OLD.office,'status',OLD.status,'aliases',OLD.aliases")
    ,
    AUDIT("orders", "id", "NEW.crn",
          "'id',OLD.id,'crn',OLD.crn,'type',OLD.type,'sentence_date',OLD.sentence_date,"
          "'end_date',OLD.end_date,'court',OLD.court,'terminated_at',OLD.terminated_at")
    ,
    AUDIT("requirement", "id", "(SELECT crn FROM orders WHERE id = NEW.order_id)",
          "'id',OLD.id,'order_id',OLD.order_id,'type',OLD.type,'subtype',OLD.subtype,"
          "'length',OLD.length,'unit',OLD.unit,'start_date',OLD.start_date")
    ,
    AUDIT("registration", "id", "NEW.crn",
          "'type',OLD.type,'category',OLD.category,'level',OLD.level,'start_date',OLD.start_date,"
          "'review_date',OLD.review_date,'end_date',OLD.end_date,'notes',OLD.notes,"
          "'reason',OLD.reason")
    ,
    AUDIT("appointment", "id", "NEW.crn",
          "'crn',OLD.crn,'officer',OLD.officer,'office',OLD.office,'date',OLD.date,"
          "'start',OLD.start,'end',OLD.end,'type',OLD.type,'location',OLD.location,"
          "'status',OLD.status,'notes',OLD.notes,'reason',OLD.reason")
    ,
    AUDIT("contact", "id", "NEW.crn", "'id',OLD.id")
    ,
    AUDIT("report", "id", "NEW.crn",
          "'type',OLD.type,'requested',OLD.requested,'due',OLD.due,'court',OLD.court,"
          "'officer',OLD.officer,'status',OLD.status")
    ,
    AUDIT("holiday", "date", "NULL", "'date',OLD.date,'name',OLD.name")
    , NULL};

/* Version 2: allocation history (allocations, transfers, overrides, with who
 * and when; a transfer to an office stays pending until someone there is
 * allocated), and contacts may follow a person's CRN when a provisional
 * reference is replaced by the real one (ON UPDATE CASCADE); every other
 * column of a contact stays unchangeable. */
static const char *const m2[] = {
    "CREATE TABLE allocation("
    " id INTEGER PRIMARY KEY, crn TEXT NOT NULL REFERENCES offender(crn) ON UPDATE CASCADE,"
    " kind TEXT NOT NULL CHECK (kind IN ('allocate','transfer')),"
    " from_officer TEXT, from_office TEXT,"
    " to_officer TEXT REFERENCES staff(code) ON UPDATE CASCADE,"
    " to_office TEXT NOT NULL REFERENCES office(code) ON UPDATE CASCADE,"
    " reason TEXT, override TEXT, appointments TEXT,"
    " status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('pending','done')),"
    " created_by TEXT NOT NULL, created_at TEXT NOT NULL, done_by TEXT, done_at TEXT);"
    "CREATE INDEX allocation_crn ON allocation(crn, id);"
    "CREATE INDEX allocation_pending ON allocation(created_at, id) WHERE status = 'pending';"
    ,
    NO_DELETE("allocation")
    ,
    AUDIT("allocation", "id", "NEW.crn", "'status',OLD.status,'done_by',OLD.done_by,'done_at',OLD.done_at")
    ,
    "DROP TRIGGER contact_no_update;"
    "CREATE TRIGGER contact_no_update BEFORE UPDATE OF id, order_id, officer, date, time, end,"
    " type, outcome, enforcement, appointment_id, notes, sensitive, corrects, rar, respond_by,"
    " created_by, created_at ON contact BEGIN"
    " SELECT RAISE(ABORT, 'contacts cannot be changed: add a correction'); END;"
    , NULL};

/* Version 3: the office day view reads every column of the day's rows from
 * the index alone, in (date, start, id) order, so opening an office's diary
 * does not visit one table page per appointment (national scale, warm: median
 * 600 us -> 160 us for about 70 rows). It replaces the narrower index. */
static const char *const m3[] = {
    "CREATE INDEX appointment_office_day ON appointment(office, date, start, id, crn, officer, end,"
    " type, location, status, order_id, reason, changed_by, changed_at, replaced_by);"
    "DROP INDEX appointment_office;"
    , NULL};

/* Version 4: covering indexes for the questions asked on every key press and
 * by the due list (measured at national scale: 250,000 people, 5,000,000
 * contacts). A person's contacts lie scattered over the contact table (one
 * page read each); these indexes carry the few short columns the rules read,
 * so a person's contacts, an order's sessions, an appointment's outcome and a
 * person's active registrations are each one short run of index pages. Each
 * replaces the narrower index it extends (same leading columns, same order).
 * An office's appointments are already covered by appointment_office_day (v3). */
static const char *const m4[] = {
    "DROP INDEX contact_crn;"
    "CREATE INDEX contact_person ON contact(crn, date, time, type, outcome, enforcement, order_id, id);"
    "DROP INDEX contact_order;"
    "CREATE INDEX contact_order_facts ON contact(order_id, date, type, outcome, time, end, id)"
    " WHERE order_id IS NOT NULL;"
    "DROP INDEX contact_appointment;"
    "CREATE INDEX contact_appointment_outcome ON contact(appointment_id, outcome, id)"
    " WHERE appointment_id IS NOT NULL;"
    ,
    "DROP INDEX appointment_crn;"
    "CREATE INDEX appointment_person ON appointment(crn, date, start, status, end, id, type, officer);"
    ,
    "DROP INDEX registration_active;"
    "CREATE INDEX registration_current ON registration(crn, type, category, level, start_date, review_date)"
    " WHERE end_date IS NULL;"
    , NULL};

/* Version 5: the caseload lists (an officer's, an office's, everyone's by
 * name) read from their index alone. Each row was a page of the offender
 * table, scattered: an office of 1,200 people took 4.4 ms cold, 1.5 ms from
 * the index (national scale). A person's orders and their requirements, read
 * by the due rules for every screenful of the list, likewise (pages read for
 * 20 people: 90 -> 60). Same names and leading columns as before. */
static const char *const m5[] = {
    "DROP INDEX offender_officer;"
    "CREATE INDEX offender_officer ON offender(officer, surname COLLATE NOCASE, forenames, crn,"
    " date_of_birth, pnc, tier, office, status);"
    "DROP INDEX offender_office;"
    "CREATE INDEX offender_office ON offender(office, surname COLLATE NOCASE, forenames, crn,"
    " date_of_birth, pnc, tier, officer, status);"
    "DROP INDEX offender_surname;"
    "CREATE INDEX offender_surname ON offender(surname COLLATE NOCASE, forenames COLLATE NOCASE, crn,"
    " date_of_birth, pnc, tier, officer, office, status);"
    ,
    "DROP INDEX orders_crn;"
    "CREATE INDEX orders_crn ON orders(crn, sentence_date, id, type, terminated_at, end_date);"
    "DROP INDEX requirement_order;"
    "CREATE INDEX requirement_order ON requirement(order_id, type, terminated_at, id, length, start_date);"
    , NULL};

/* Version 6: settings are written by `caseload import settings`, so their
 * changes are audited like every other kind's (the old value kept); the key
 * is the scope and the setting's name. */
static const char *const m6[] = {
    AUDIT("setting", "scope || ' ' || NEW.key", "NULL", "'scope',OLD.scope,'key',OLD.key,'value',OLD.value")
    , NULL};

/* Version 7: a registration keeps the date its last review was done, as
 * typed (2026-12-01), beside the next review date it set; the audit trail
 * keeps the earlier ones, so each review in the history shows the date it was
 * done as well as when it was recorded. Reviews recorded before this version
 * kept only the time they were recorded. */
static const char *const m7[] = {
    "ALTER TABLE registration ADD COLUMN reviewed_on TEXT;"
    ,
    "DROP TRIGGER registration_audit_upd;"
    "CREATE TRIGGER registration_audit_upd AFTER UPDATE ON registration BEGIN"
    " INSERT INTO audit(at, who, action, entity, key, crn, detail)"
    " VALUES (cl_now(), cl_who(), 'update', 'registration', NEW.id, NEW.crn, json_object("
    "'type',OLD.type,'category',OLD.category,'level',OLD.level,'start_date',OLD.start_date,"
    "'review_date',OLD.review_date,'end_date',OLD.end_date,'notes',OLD.notes,"
    "'reason',OLD.reason,'reviewed_on',OLD.reviewed_on)); END;"
    , NULL};
#undef NO_DELETE
#undef AUDIT

/* ---- Version 8: the audit trail in words. ----
 * Each audit row also names the action it is part of and its reason and
 * source (cl_act(), cl_reason(), cl_via(): store_action), the record as an
 * officer knows it (subject: a registration's type, an appointment's date and
 * time, a contact's type, date and time) and, for an update, only the columns
 * that changed, each as [old, new] (changes; an insert gives [null, new] of a
 * few columns). Rows written before keep their old form (detail: the old
 * values of every column) and are never rewritten. json_patch('{}', ...)
 * drops the members whose value is null, i.e. the columns that did not change
 * (a registration's review and end dates are always given: a review on the
 * day it falls due changes nothing, and is still a review).
 * The cost a row stays as it was: one json_object of the columns (the import's
 * updates write a row each, as before; its inserts are summarised, as before).
 * The partial index finds where an old reference went (`caseload audit OLDREF`). */
#define AW_CH(c) "'" c "',CASE WHEN OLD." c " IS NOT NEW." c " THEN json_array(OLD." c ",NEW." c ") END"
#define AW_BOTH(c) "'" c "',json_array(OLD." c ",NEW." c ")" /* even unchanged: a review's dates */
#define AW_NEW(c) "'" c "',CASE WHEN NEW." c " IS NOT NULL THEN json_array(NULL,NEW." c ") END"
#define AW_ROW(op, t, key, crn, subject, cols)                                                 \
    " INSERT INTO audit(at, who, action, entity, key, crn, act, reason, via, subject, changes)"  \
    " VALUES (cl_now(), cl_who(), '" op "', '" t "', NEW." key ", " crn ", cl_act(), cl_reason(),"  \
    " cl_via(), " subject ", json_patch('{}', json_object(" cols "))); END;"
#define AW_AUDIT(t, key, crn, subj_new, subj_old, ins_cols, upd_cols)                          \
    "DROP TRIGGER " t "_audit_ins; DROP TRIGGER " t "_audit_upd;"                              \
    "CREATE TRIGGER " t "_audit_ins AFTER INSERT ON " t " WHEN cl_bulk() = 0 BEGIN"            \
    AW_ROW("insert", t, key, crn, subj_new, ins_cols)                                          \
    "CREATE TRIGGER " t "_audit_upd AFTER UPDATE ON " t " BEGIN"                               \
    AW_ROW("update", t, key, crn, subj_old, upd_cols)
static const char *const m_audit_words[] = {
    "ALTER TABLE audit ADD COLUMN act TEXT;"
    "ALTER TABLE audit ADD COLUMN reason TEXT;"
    "ALTER TABLE audit ADD COLUMN via TEXT;"
    "ALTER TABLE audit ADD COLUMN subject TEXT;"
    "ALTER TABLE audit ADD COLUMN changes TEXT;"
    "CREATE INDEX audit_replaced ON audit(json_extract(detail, '$.from'))"
    " WHERE action = 'crn-replaced';"
    ,
    AW_AUDIT("office", "code", "NULL", "NEW.name", "OLD.name", AW_NEW("name"),
             AW_CH("code") "," AW_CH("name") "," AW_CH("address") "," AW_CH("phone") ","
             AW_CH("hours_start") "," AW_CH("hours_end"))
    ,
    AW_AUDIT("staff", "code", "NULL", "NEW.name", "OLD.name", AW_NEW("grade") "," AW_NEW("office"),
             AW_CH("code") "," AW_CH("name") "," AW_CH("grade") "," AW_CH("office") ","
             AW_CH("team") "," AW_CH("hours") "," AW_CH("reduction_hours"))
    ,
    AW_AUDIT("offender", "crn", "NEW.crn", "NULL", "NULL",
             AW_NEW("officer") "," AW_NEW("office"),
             AW_CH("crn") "," AW_CH("surname") "," AW_CH("forenames") "," AW_CH("date_of_birth") ","
             AW_CH("gender") "," AW_CH("pnc") "," AW_CH("address") "," AW_CH("postcode") ","
             AW_CH("phone") "," AW_CH("tier") "," AW_CH("officer") "," AW_CH("office") ","
             AW_CH("status") "," AW_CH("aliases"))
    ,
    AW_AUDIT("orders", "id", "NEW.crn", "NEW.type", "OLD.type",
             AW_NEW("sentence_date") "," AW_NEW("end_date"),
             AW_CH("crn") "," AW_CH("type") "," AW_CH("sentence_date") "," AW_CH("end_date") ","
             AW_CH("court") "," AW_CH("terminated_at") "," AW_CH("termination_reason"))
    ,
    AW_AUDIT("requirement", "id", "(SELECT crn FROM orders WHERE id = NEW.order_id)", "NEW.type",
             "OLD.type", AW_NEW("length") "," AW_NEW("unit"),
             AW_CH("order_id") "," AW_CH("type") "," AW_CH("subtype") "," AW_CH("length") ","
             AW_CH("unit") "," AW_CH("start_date") "," AW_CH("terminated_at"))
    ,
    AW_AUDIT("registration", "id", "NEW.crn", "NEW.type", "OLD.type",
             AW_NEW("category") "," AW_NEW("level") "," AW_NEW("start_date") "," AW_NEW("review_date"),
             AW_CH("crn") "," AW_CH("type") "," AW_CH("category") "," AW_CH("level") ","
             AW_CH("start_date") "," AW_BOTH("review_date") "," AW_BOTH("end_date") "," AW_CH("notes") ","
             AW_CH("reason") "," AW_CH("reviewed_on"))
    ,
    /* A move names the new slot as well as the new appointment's id. */
    AW_AUDIT("appointment", "id", "NEW.crn", "NEW.date || ' ' || NEW.start", "OLD.date || ' ' || OLD.start",
             AW_NEW("type") "," AW_NEW("officer"),
             AW_CH("crn") "," AW_CH("order_id") "," AW_CH("officer") "," AW_CH("office") ","
             AW_CH("date") "," AW_CH("start") "," AW_CH("end") "," AW_CH("type") ","
             AW_CH("location") "," AW_CH("status") "," AW_CH("notes") "," AW_CH("reason") ","
             AW_CH("replaced_by") ",'moved_to',CASE WHEN NEW.replaced_by IS NOT OLD.replaced_by THEN"
             " json_array(NULL,(SELECT date || ' ' || start FROM appointment WHERE id = NEW.replaced_by)) END")
    ,
    AW_AUDIT("contact", "id", "NEW.crn", "NEW.type || ' ' || NEW.date || ' ' || NEW.time",
             "OLD.type || ' ' || OLD.date || ' ' || OLD.time",
             AW_NEW("outcome") "," AW_NEW("corrects"), AW_CH("crn"))
    ,
    AW_AUDIT("report", "id", "NEW.crn", "NEW.type", "OLD.type", AW_NEW("due"),
             AW_CH("crn") "," AW_CH("type") "," AW_CH("requested") "," AW_CH("due") ","
             AW_CH("court") "," AW_CH("officer") "," AW_CH("status"))
    ,
    AW_AUDIT("holiday", "date", "NULL", "NEW.name", "OLD.name", AW_NEW("name"),
             AW_CH("date") "," AW_CH("name"))
    ,
    AW_AUDIT("allocation", "id", "NEW.crn", "NEW.kind", "OLD.kind",
             AW_NEW("to_officer") "," AW_NEW("to_office"),
             AW_CH("crn") "," AW_CH("status"))
    ,
    AW_AUDIT("setting", "scope || ' ' || NEW.key", "NULL", "NEW.key", "OLD.key", AW_NEW("value"),
             AW_CH("scope") "," AW_CH("key") "," AW_CH("value"))
    , NULL};
#undef AW_CH
#undef AW_BOTH
#undef AW_NEW
#undef AW_ROW
#undef AW_AUDIT
/* ---- end of the audit-words migration ---- */

/* A migration is SQL, and optionally a step in C that runs after it (for seed
 * data that lives in C tables, such as the shipped bank holidays). */
typedef struct migration {
    const char *const *sql; /* statements, NULL-terminated (C limits one literal's length) */
    int (*seed)(cl_store *st, cl_err *err);
} migration;

static int seed_holidays(cl_store *st, cl_err *err)
{
    static const char sql[] = "INSERT OR IGNORE INTO holiday(date, name) VALUES (?, ?)";
    size_t n;
    const cl_holiday *days = cal_builtin_days(&n);
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *s = st_stmt(st, sql, err);
        if (!s)
            return err ? err->code : CL_ESOFTWARE;
        st_bind_date(s, 1, days[i].date);
        sqlite3_bind_text(s, 2, days[i].name, -1, SQLITE_TRANSIENT);
        if (st_exec_stmt(st, s, err, "seeding bank holidays") != CL_OK)
            return err ? err->code : CL_ESOFTWARE;
    }
    return CL_OK;
}

static const migration migrations[] = {
    {m1, seed_holidays},
    {m2, NULL},
    {m3, NULL},
    {m4, NULL},
    {m5, NULL},
    {m6, NULL},
    {m7, NULL},
    {m_audit_words, NULL}, /* 8 */
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_latest(void) { return NMIGRATIONS; }

int st_migrate(cl_store *st, int target, cl_err *err)
{
    if (target < 0 || target > NMIGRATIONS)
        target = NMIGRATIONS;
    int v = store_schema_version(st);
    if (v < 0)
        return st_fail(st, err, "reading the schema version");
    if (v > NMIGRATIONS)
        return cl_err_set(err, CL_ENEWER,
                          "%s: database is from a newer caseload (schema %d; this program knows up to %d): upgrade caseload",
                          st->path, v, NMIGRATIONS);
    if (v >= target)
        return CL_OK;
    if (store_begin(st, err) != CL_OK)
        return err ? err->code : CL_EIO;
    /* Another process may have migrated while we waited for the lock. */
    v = store_schema_version(st);
    if (v >= target)
        return store_commit(st, err);
    int saved_bulk = st->bulk;
    st->bulk = 1; /* seed rows are not user writes */
    for (int i = v; i < target; i++) {
        int rc = CL_OK;
        for (const char *const *q = migrations[i].sql; *q && rc == CL_OK; q++)
            if (sqlite3_exec(st->db, *q, NULL, NULL, NULL) != SQLITE_OK)
                rc = st_fail(st, err, "upgrading the database");
        if (rc == CL_OK && migrations[i].seed)
            rc = migrations[i].seed(st, err);
        if (rc != CL_OK) {
            st->bulk = saved_bulk;
            store_rollback(st);
            return rc;
        }
    }
    st->bulk = saved_bulk;
    /* user_version cannot be bound; the value is our own integer, not user text. */
    static const char *const set_version[] = {"PRAGMA user_version=0", "PRAGMA user_version=1",
                                              "PRAGMA user_version=2", "PRAGMA user_version=3",
                                              "PRAGMA user_version=4", "PRAGMA user_version=5",
                                              "PRAGMA user_version=6", "PRAGMA user_version=7",
                                              "PRAGMA user_version=8", "PRAGMA user_version=9"};
    _Static_assert(NMIGRATIONS < 10, "extend set_version");
    if (sqlite3_exec(st->db, set_version[target], NULL, NULL, NULL) != SQLITE_OK) {
        st_fail(st, err, "upgrading the database");
        store_rollback(st);
        return err ? err->code : CL_EIO;
    }
    return store_commit(st, err);
}
