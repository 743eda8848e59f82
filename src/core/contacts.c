/* Logging contacts: checks, defaults and the single write transaction. */
#include "caseload/contacts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/appt_outcome.h"
#include "caseload/case_open.h"
#include "caseload/enforce.h"
#include "caseload/orders.h"
#include "caseload/ref.h"
#include "caseload/store_write.h"
#include "caseload/timescale.h"

/* A record a contact names that is not there, by the field that names it. */
static int no_such(int rc, cl_err *err, const char *field, const char *what, const char *id)
{
    return rc == CL_ENOINPUT ? cl_err_set(err, CL_ENOINPUT, "%s: no %s with id %s", field, what, id) : rc;
}

int contact_from_appointment(cl_app *app, const char *appointment_id, cl_contact *c, cl_err *err)
{
    cl_appointment a;
    int rc = store_get_appointment(app->store, appointment_id, &a, err);
    if (rc != CL_OK)
        return no_such(rc, err, "appointment", "appointment", appointment_id);
    memset(c, 0, sizeof *c);
    snprintf(c->crn, sizeof c->crn, "%s", a.crn);
    snprintf(c->order_id, sizeof c->order_id, "%s", a.order_id);
    snprintf(c->officer, sizeof c->officer, "%s", a.officer);
    snprintf(c->type, sizeof c->type, "%s", a.type);
    snprintf(c->appointment_id, sizeof c->appointment_id, "%s", a.id);
    c->date = a.date;
    c->time = a.start;
    c->end = a.end;
    c->respond_by = CL_DATE_NONE;
    cl_appointment_clear(&a);
    return CL_OK;
}

int contact_correction_of(cl_app *app, const char *id, cl_contact *c, cl_err *err)
{
    char by[CL_ID_LEN];
    int rc = store_get_contact(app->store, id, c, err);
    if (rc != CL_OK)
        return no_such(rc, err, "corrects", "contact", id);
    if ((rc = store_contact_corrected_by(app->store, id, by, sizeof by, err)) != CL_OK) {
        cl_contact_clear(c);
        return rc;
    }
    if (by[0]) {
        cl_contact_clear(c);
        return cl_err_set(err, CL_EDATA, "contact %s was already corrected by %s: correct %s instead", id, by, by);
    }
    cl_contact_clear(c); /* the correction's note is its own */
    snprintf(c->corrects, sizeof c->corrects, "%s", id);
    c->id[0] = '\0';
    c->created_by[0] = c->created_at[0] = '\0';
    return CL_OK;
}

/* Replaces a code-or-name with the code; false when unknown. */
static bool canon(const ref_set *set, char *field, size_t len)
{
    if (!field[0])
        return true;
    const char *code = ref_lookup(set, field);
    if (!code)
        return false;
    snprintf(field, len, "%s", code);
    return true;
}

static bool has_text(const char *s) { return s && s[strspn(s, " \t\r\n")]; }

/* The fields a correction can change, compared after canon() (codes). The
 * date and time compare as given: an unset one is the original's. */
static bool contact_same_fields(const cl_contact *a, const cl_contact *b)
{
    return !strcmp(a->type, b->type) && !strcmp(a->outcome, b->outcome) && !strcmp(a->enforcement, b->enforcement) &&
           (b->date == CL_DATE_NONE || a->date == b->date) && (b->time < 0 || a->time == b->time) &&
           a->end == b->end && !strcmp(a->order_id, b->order_id) && a->rar == b->rar &&
           a->sensitive == b->sensitive && a->respond_by == b->respond_by;
}

/* RAR days count what the person did (CONVENTIONS.md: RAR days used), on an
 * order that has a RAR requirement: a contact marked RAR needs an attended
 * and complied outcome (the outcome table's flags), or no outcome on a
 * contact that is not an appointment (a phone or letter activity). */
static int check_rar(cl_app *app, const cl_contact *c, const ref_outcome *o, cl_err *err)
{
    if (!c->rar)
        return CL_OK;
    const ref_contact_type *t = ref_find_contact_type(c->type);
    if (o && !(o->attended && o->acceptable))
        return cl_err_set(err, CL_EDATA, "rar: '%s' is not a RAR day: only an attended and complied contact counts", o->name);
    if (!o && t && t->appointment)
        return cl_err_set(err, CL_EDATA, "rar: a RAR day needs the outcome (attended and complied)");
    if (!c->order_id[0])
        return cl_err_set(err, CL_EDATA, "rar: a RAR day counts on an order with a rehabilitation activity requirement: choose the order");
    bool has = false;
    int rc = store_order_has_requirement(app->store, c->order_id, TS_RAR_REQUIREMENT, c->date, &has, err);
    if (rc != CL_OK)
        return rc;
    if (!has)
        return cl_err_set(err, CL_EDATA, "rar: order %s has no rehabilitation activity requirement (RAR) in force on %s",
                          c->order_id, date_format(c->date, (char[CL_DATE_LEN]){0}));
    return CL_OK;
}

/* Unpaid work hours are credited for a session once it has ended, and no
 * session is longer than TS_UPW_SESSION_MAX_HOURS (a typed 00:00-23:59). */
static int check_upw_session(const cl_app *app, const cl_contact *c, const ref_outcome *o, cl_err *err)
{
    if (strcmp(c->type, TS_UPW_SESSION_TYPE) || c->end < 0)
        return CL_OK;
    char t[CL_TIME_LEN];
    if (c->end - c->time > TS_UPW_SESSION_MAX_HOURS * 60)
        return cl_err_set(err, CL_EDATA, "end: a session of more than %d hours (%s to %s): check the times",
                          TS_UPW_SESSION_MAX_HOURS, time_format(c->time, t), time_format(c->end, (char[CL_TIME_LEN]){0}));
    if (o && o->attended && c->date == app->clock.today && c->end > app->clock.minutes)
        return cl_err_set(err, CL_EDATA, "end: the session ends at %s, after now: its hours are credited once it has ended",
                          time_format(c->end, t));
    return CL_OK;
}

int contact_check(cl_app *app, cl_contact *c, cl_err *err)
{
    cl_store *st = app->store;
    if (!ref_valid_crn(c->crn))
        return cl_err_set(err, CL_EDATA, "crn: '%s' is not a CRN (one letter and six digits)", c->crn);
    if (!store_exists(st, STORE_OFFENDER, c->crn))
        return cl_err_set(err, CL_ENOINPUT, "crn: no person with CRN %s", c->crn);
    int open_rc = case_check_open(st, c->crn, err);
    if (open_rc != CL_OK)
        return open_rc;
    if (!c->type[0])
        return cl_err_set(err, CL_EDATA, "type: a contact type is required");
    if (!canon(&REF_CONTACT_TYPE_SET, c->type, sizeof c->type))
        return cl_err_set(err, CL_EDATA, "type: '%s' is not a contact type", c->type);
    if (!canon(&REF_OUTCOME_SET, c->outcome, sizeof c->outcome))
        return cl_err_set(err, CL_EDATA, "outcome: '%s' is not an outcome", c->outcome);
    if (!canon(&REF_ACTION_SET, c->enforcement, sizeof c->enforcement))
        return cl_err_set(err, CL_EDATA, "action: '%s' is not an enforcement action", c->enforcement);
    char why[160];
    if (!ref_outcome_fits_type(c->type, c->outcome, why, sizeof why))
        return cl_err_set(err, CL_EDATA, "outcome: %s", why);
    const ref_outcome *o = ref_find_outcome(c->outcome);
    if (o && o->needs_reason && (!c->notes || !c->notes[strspn(c->notes, " \t\r\n")]))
        return cl_err_set(err, CL_EDATA, "note: %s needs the reason in the note", o->name);

    if (c->corrects[0]) {
        cl_contact orig;
        char by[CL_ID_LEN];
        int rc = store_get_contact(st, c->corrects, &orig, err);
        if (rc != CL_OK)
            return no_such(rc, err, "corrects", "contact", c->corrects);
        bool same = !strcmp(orig.crn, c->crn);
        bool unchanged = same && contact_same_fields(&orig, c) && !has_text(c->notes);
        cl_contact_clear(&orig);
        if (!same)
            return cl_err_set(err, CL_EDATA, "corrects: contact %s belongs to another person", c->corrects);
        /* A correction that changes nothing would only hide the original. */
        if (unchanged)
            return cl_err_set(err, CL_EDATA, "corrects: nothing is changed from contact %s: change a field, or give the reason in the note",
                              c->corrects);
        if ((rc = store_contact_corrected_by(st, c->corrects, by, sizeof by, err)) != CL_OK)
            return rc;
        if (by[0])
            return cl_err_set(err, CL_EDATA, "corrects: contact %s was already corrected by %s: correct %s instead", c->corrects, by, by);
    }

    if (c->appointment_id[0]) {
        cl_appointment a;
        int rc = store_get_appointment(st, c->appointment_id, &a, err);
        if (rc != CL_OK)
            return no_such(rc, err, "appointment", "appointment", c->appointment_id);
        cl_contact prev;
        bool found = false;
        if ((rc = store_appt_outcome_contact(st, c->appointment_id, &prev, &found, err)) != CL_OK) {
            cl_appointment_clear(&a);
            return rc;
        }
        char by[CL_ID_LEN] = "";
        if (found) {
            snprintf(by, sizeof by, "%s", prev.id);
            cl_contact_clear(&prev);
        }
        if (!c->order_id[0])
            snprintf(c->order_id, sizeof c->order_id, "%s", a.order_id);
        if (c->date == CL_DATE_NONE)
            c->date = a.date, c->time = a.start, c->end = a.end;
        cl_err why = {0};
        if (case_record_of("appointment", c->crn, c->appointment_id, a.crn, &why) != CL_OK)
            rc = cl_err_set(err, CL_EDATA, "appointment: %s", why.msg);
        else
            rc = appt_outcome_check(&(appt_outcome_facts){a.id, a.date, a.start, a.type, a.status, by}, c, &app->clock, NULL, err);
        if (rc == CL_OK && !c->officer[0])
            snprintf(c->officer, sizeof c->officer, "%s", a.officer);
        cl_appointment_clear(&a);
        if (rc != CL_OK)
            return rc;
    }

    if (c->date == CL_DATE_NONE)
        c->date = app->clock.today;
    /* A contact records what happened: a later date would clear overdue items
     * that are still owed. Later today is allowed (logged just after, or a
     * clock a few minutes slow). */
    if (c->date > app->clock.today) {
        char d[CL_DATE_LEN];
        return cl_err_set(err, CL_EDATA, "date: %s is after today: a contact is logged once it has happened",
                          date_format(c->date, d));
    }
    /* Today without a time is now; another day has no "now": midnight
     * would be a guess that reads as a real time (and orders the history). */
    if (c->time < 0 && c->date == app->clock.today)
        c->time = app->clock.minutes;
    if (c->time < 0)
        return cl_err_set(err, CL_EDATA, "time: give the time of the contact");
    if (c->end >= 0 && c->end < c->time)
        return cl_err_set(err, CL_EDATA, "end: %02d:%02d is before the start", c->end / 60, c->end % 60);
    /* Unpaid work hours done are the sessions' durations (CONVENTIONS.md):
     * a session credited without an end would count for nothing. */
    if (c->end < 0 && o && o->attended && o->acceptable && !strcmp(c->type, TS_UPW_SESSION_TYPE))
        return cl_err_set(err, CL_EDATA, "end: an attended unpaid work session needs its end time");
    if (!c->officer[0])
        snprintf(c->officer, sizeof c->officer, "%.15s", app->officer);
    int rc = c->order_id[0] ? case_check_order(st, c->crn, c->order_id, err)
                            : order_default(st, c->crn, c->date, c->order_id, sizeof c->order_id, err);
    if (rc != CL_OK)
        return rc;
    if ((rc = check_upw_session(app, c, o, err)) != CL_OK || (rc = check_rar(app, c, o, err)) != CL_OK)
        return rc;
    return contact_check_respond_by(&app->cal, c, err);
}

int contact_check_respond_by(const cl_calendar *cal, const cl_contact *c, cl_err *err)
{
    const ref_action *a = ref_find_action(c->enforcement);
    bool pending = a && a->kind == ACT_PENDING;
    char d[CL_DATE_LEN], r[CL_DATE_LEN];
    if (pending && c->respond_by == CL_DATE_NONE)
        return cl_err_set(err, CL_EDATA, "respond-by: %s (%s) needs the date the person must respond by",
                          a->code, a->name);
    if (!pending && c->respond_by != CL_DATE_NONE)
        return cl_err_set(err, CL_EDATA, "respond-by: only an action that waits for the person's response has a respond-by date");
    if (pending && c->date != CL_DATE_NONE && c->respond_by < c->date)
        return cl_err_set(err, CL_EDATA, "respond-by: %s is before the contact's date %s", date_format(c->respond_by, r),
                          date_format(c->date, d));
    /* A decision waits days, not months: a far date (a DD/MM read into next
     * year, a typo) would take the warning or breach off every list. */
    if (pending && c->date != CL_DATE_NONE) {
        cl_date last = cal_add_business_days(cal, c->date, ENF_RESPOND_BY_MAX_WORKING_DAYS);
        if (c->respond_by > last)
            return cl_err_set(err, CL_EDATA, "respond-by: %s is more than %d working days after the contact's date %s (latest %s)",
                              date_format(c->respond_by, r), ENF_RESPOND_BY_MAX_WORKING_DAYS, date_format(c->date, d),
                              date_format(last, (char[CL_DATE_LEN]){0}));
    }
    return CL_OK;
}

int contact_log(cl_app *app, cl_contact *c, const store_draft_key *draft, cl_err *err)
{
    int rc = contact_check(app, c, err);
    if (rc != CL_OK)
        return rc;
    if ((rc = store_begin(app->store, err)) != CL_OK)
        return rc;
    store_action(app->store, c->corrects[0] ? "correct" : "log", NULL, NULL);
    rc = store_contact_insert(app->store, c, err);
    if (rc == CL_OK && draft)
        rc = store_draft_clear(app->store, draft, err);
    if (rc != CL_OK) {
        store_rollback(app->store);
        return rc;
    }
    return store_commit(app->store, err);
}

int contact_chain(cl_app *app, const char *id, cl_contact **out, size_t *n, cl_err *err)
{
    *out = NULL;
    *n = 0;
    char root[CL_ID_LEN];
    snprintf(root, sizeof root, "%s", id);
    /* Back to the first entry... */
    for (int guard = 0; guard < 1000; guard++) {
        cl_contact c;
        int rc = store_get_contact(app->store, root, &c, err);
        if (rc != CL_OK)
            return no_such(rc, err, "id", "contact", root);
        bool more = c.corrects[0] != '\0';
        if (more)
            snprintf(root, sizeof root, "%s", c.corrects);
        cl_contact_clear(&c);
        if (!more)
            break;
    }
    /* ...then forward through its corrections. */
    size_t cap = 0;
    char next[CL_ID_LEN];
    snprintf(next, sizeof next, "%s", root);
    while (next[0] && *n < 1000) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 4;
            cl_contact *p = realloc(*out, cap * sizeof *p);
            if (!p) {
                contact_chain_free(*out, *n);
                *out = NULL, *n = 0;
                return cl_err_set(err, CL_ESOFTWARE, "out of memory");
            }
            *out = p;
        }
        int rc = store_get_contact(app->store, next, &(*out)[*n], err);
        if (rc == CL_OK) {
            (*n)++;
            rc = store_contact_corrected_by(app->store, next, next, sizeof next, err);
        }
        if (rc != CL_OK) {
            contact_chain_free(*out, *n);
            *out = NULL, *n = 0;
            return rc;
        }
    }
    return CL_OK;
}

void contact_chain_free(cl_contact *chain, size_t n)
{
    for (size_t i = 0; chain && i < n; i++)
        cl_contact_clear(&chain[i]);
    free(chain);
}

/* The outcome code whose decision is still awaited (AFTA), from the table. */
static const char *pending_outcome(void)
{
    for (size_t i = 0; i < REF_OUTCOMES_N; i++)
        if (REF_OUTCOMES[i].enforceable == ENF_PENDING)
            return REF_OUTCOMES[i].code;
    return NULL;
}

int contact_outcome_needed_each(cl_app *app, const char *officer, store_outcome_needed_fn fn,
                                void *arg, cl_err *err)
{
    return store_outcome_needed_each(app->store, officer, app->clock.today, app->clock.minutes,
                                     pending_outcome(), fn, arg, err);
}

store_draft_key contact_draft_key(const cl_app *app, const char *crn, const char *appointment_id)
{
    return (store_draft_key){app->who, crn, DRAFT_KIND_CONTACT, appointment_id ? appointment_id : ""};
}

char *contact_draft_fields(const cl_contact *c, cl_date started, int started_min, char *buf, size_t len)
{
    char d[CL_DATE_LEN], t[CL_TIME_LEN], e[CL_TIME_LEN], r[CL_DATE_LEN];
    /* "today, now" means when it was typed: a draft recovered on another day
     * must not move the contact to that day. */
    cl_date date = c->date != CL_DATE_NONE ? c->date : started;
    int time = c->time >= 0 ? c->time : date == started ? started_min : -1;
    snprintf(buf, len,
             "type=%s\noutcome=%s\naction=%s\ndate=%s\ntime=%s\nend=%s\norder=%s\n"
             "appointment=%s\nsensitive=%d\nrar=%d\ncorrects=%s\nrespond_by=%s\n",
             c->type, c->outcome, c->enforcement, date_format(date, d),
             time >= 0 ? time_format(time, t) : "", c->end >= 0 ? time_format(c->end, e) : "",
             c->order_id, c->appointment_id, c->sensitive, c->rar, c->corrects, date_format(c->respond_by, r));
    return buf;
}

/* Copies the value of `key` in fields into out; false when the key is absent. */
static bool field_value(const char *fields, const char *key, char *out, size_t len)
{
    size_t kl = strlen(key);
    for (const char *p = fields; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > kl && !strncmp(p, key, kl) && p[kl] == '=') {
            size_t vl = n - kl - 1;
            if (vl >= len)
                vl = len - 1;
            memcpy(out, p + kl + 1, vl);
            out[vl] = '\0';
            return true;
        }
        p = nl ? nl + 1 : NULL;
    }
    return false;
}

void contact_draft_apply(const char *fields, cl_contact *c)
{
    char v[CL_ID_LEN];
    if (field_value(fields, "type", v, sizeof v))
        snprintf(c->type, sizeof c->type, "%.7s", v);
    if (field_value(fields, "outcome", v, sizeof v))
        snprintf(c->outcome, sizeof c->outcome, "%.7s", v);
    if (field_value(fields, "action", v, sizeof v))
        snprintf(c->enforcement, sizeof c->enforcement, "%.7s", v);
    if (field_value(fields, "date", v, sizeof v) && !date_parse_iso(v, &c->date))
        c->date = CL_DATE_NONE;
    if (field_value(fields, "time", v, sizeof v) && !time_parse(v, &c->time))
        c->time = -1;
    if (field_value(fields, "end", v, sizeof v) && !time_parse(v, &c->end))
        c->end = -1;
    if (field_value(fields, "order", v, sizeof v))
        snprintf(c->order_id, sizeof c->order_id, "%s", v);
    if (field_value(fields, "appointment", v, sizeof v))
        snprintf(c->appointment_id, sizeof c->appointment_id, "%s", v);
    if (field_value(fields, "sensitive", v, sizeof v))
        c->sensitive = v[0] == '1';
    if (field_value(fields, "rar", v, sizeof v))
        c->rar = v[0] == '1';
    if (field_value(fields, "corrects", v, sizeof v))
        snprintf(c->corrects, sizeof c->corrects, "%s", v);
    if (field_value(fields, "respond_by", v, sizeof v) && !date_parse_iso(v, &c->respond_by))
        c->respond_by = CL_DATE_NONE;
}
