/* The offender record (record.h): reading and the text every view prints. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/caseload.h"
#include "caseload/record.h"
#include "caseload/reg_history.h"
#include "caseload/contact_words.h"
#include "caseload/grow.h"
#include "caseload/numtext.h"
#include "caseload/ref.h"
#include "caseload/registration.h"
#include "caseload/textwidth.h"
#include "caseload/sched.h"
#include "caseload/store_case.h"
#include "caseload/store_write.h"

typedef struct grow {
    void **items;
    size_t *n;
    size_t cap, size;
    size_t notes_off; /* 0: no notes */
    bool oom;
} grow;

static int collect(void *arg, const void *rec)
{
    grow *g = arg;
    if (*g->n == g->cap) {
        void *p = cl_grow(*g->items, &g->cap, g->size);
        if (!p) {
            g->oom = true;
            return 1;
        }
        *g->items = p;
    }
    char *dst = (char *)*g->items + *g->n * g->size;
    memcpy(dst, rec, g->size);
    if (g->notes_off) {
        char **notes = (char **)(dst + g->notes_off);
        if (*notes && !(*notes = strdup(*notes))) {
            g->oom = true;
            return 1;
        }
    }
    (*g->n)++;
    return 0;
}

static int load_kind(cl_app *app, store_kind kind, const char *crn, void **items, size_t *n, size_t size,
                     size_t notes_off, cl_err *err)
{
    grow g = {items, n, 0, size, notes_off, false};
    int rc = store_each_of_person(app->store, kind, crn, collect, &g, err);
    if (g.oom)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    return rc;
}

int record_load_banner(cl_app *app, const char *crn, cl_record *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = store_get_offender(app->store, crn, &out->person, err);
    if (rc == CL_ENOINPUT)
        return cl_err_set(err, CL_ENOINPUT, "no person with CRN %s", crn);
    if (rc != CL_OK)
        return rc;
    cl_date today = app->clock.today;
    out->today = today;
    out->now = app->clock.minutes;
    out->age = out->person.date_of_birth != CL_DATE_NONE ? date_years_between(out->person.date_of_birth, today) : -1;
    out->closed = !strcmp(out->person.status, "closed");
    store_staff_name(app->store, out->person.officer, out->officer_name, sizeof out->officer_name);
    if ((rc = risk_summary_load(app->store, crn, today, &out->risk, err)) != CL_OK)
        goto fail;
    if ((rc = enf_load(app->store, &app->cal, crn, today, &out->enf, err)) != CL_OK)
        goto fail;
    return CL_OK;
fail:
    record_free(out);
    return rc;
}

int record_load(cl_app *app, const char *crn, cl_record *out, cl_err *err)
{
    int rc = record_load_banner(app, crn, out, err);
    if (rc != CL_OK)
        return rc;
    cl_date today = out->today;
    if ((rc = caseload_next_appointment(app, crn, out->closed, &out->next, &out->has_next, err)) != CL_OK)
        goto fail;
    /* A closed case is read-only: nothing is due on it (the due list's rules
     * read active people; the section says so). */
    due_query dq = {DUE_PERSON, crn, today, app->clock.minutes};
    if (!out->closed && (rc = due_list_load(app->store, &app->cal, &dq, &out->due, err)) != CL_OK)
        goto fail;
    /* Requirements are collected as plain rows first, then widened. */
    cl_requirement *reqs = NULL;
    size_t nreq = 0;
    if ((rc = load_kind(app, STORE_ORDER, crn, (void **)&out->orders, &out->norders, sizeof(cl_order), 0, err)) ||
        (rc = load_kind(app, STORE_REQUIREMENT, crn, (void **)&reqs, &nreq, sizeof(cl_requirement), 0, err)) ||
        (rc = load_kind(app, STORE_APPOINTMENT, crn, (void **)&out->appts, &out->nappts, sizeof(cl_appointment),
                        offsetof(cl_appointment, notes), err)) ||
        (rc = load_kind(app, STORE_CONTACT, crn, (void **)&out->contacts, &out->ncontacts, sizeof(cl_contact),
                        offsetof(cl_contact, notes), err)) ||
        (rc = load_kind(app, STORE_REGISTRATION, crn, (void **)&out->regs, &out->nregs, sizeof(cl_registration),
                        offsetof(cl_registration, notes), err))) {
        free(reqs);
        goto fail;
    }
    if (out->nregs && !(out->reviews = calloc(out->nregs, sizeof *out->reviews))) {
        free(reqs);
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < out->nregs; i++)
        if ((rc = reg_reviews_load(app->store, out->regs[i].id, &out->reviews[i], err)) != CL_OK) {
            free(reqs);
            goto fail;
        }
    if (nreq) {
        out->reqs = calloc(nreq, sizeof *out->reqs);
        if (!out->reqs) {
            free(reqs);
            rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
            goto fail;
        }
        for (size_t i = 0; i < nreq; i++) {
            out->reqs[i].r = reqs[i];
            if ((rc = store_order_progress(app->store, reqs[i].order_id, &out->reqs[i].upw_minutes,
                                           &out->reqs[i].rar_days, err)) != CL_OK) {
                free(reqs);
                out->nreqs = i + 1;
                goto fail;
            }
        }
        out->nreqs = nreq;
    }
    free(reqs);
    /* Shown, never written back: where each appointment is held, in words
     * (an empty location reads as its office, or "(no location)"). */
    for (size_t i = 0; i < out->nappts; i++)
        sched_where(app, &out->appts[i], out->appts[i].location, sizeof out->appts[i].location);
    if (out->has_next)
        sched_where(app, &out->next, out->next.location, sizeof out->next.location);
    return CL_OK;
fail:
    record_free(out);
    return rc;
}

void record_free(cl_record *r)
{
    for (size_t i = 0; i < r->nappts; i++)
        cl_appointment_clear(&r->appts[i]);
    for (size_t i = 0; i < r->ncontacts; i++)
        cl_contact_clear(&r->contacts[i]);
    for (size_t i = 0; i < r->nregs; i++) {
        cl_registration_clear(&r->regs[i]);
        if (r->reviews)
            reg_reviews_free(&r->reviews[i]);
    }
    free(r->reviews);
    free(r->orders);
    free(r->reqs);
    free(r->appts);
    free(r->contacts);
    free(r->regs);
    due_list_free(&r->due);
    memset(r, 0, sizeof *r);
}

const char *record_section_title(record_section s)
{
    static const char *const t[] = {"Risk", "Next appointment", "Personal details", "What is due",
                                    "Orders and requirements", "Appointments", "Contact history",
                                    "Registration history"};
    return (unsigned)s < REC_SECTIONS_N ? t[s] : "?";
}

void record_linef(record_line_fn fn, void *arg, record_role role, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fn(arg, role, buf, -1);
}

static const char *type_name(const char *code)
{
    const ref_contact_type *t = ref_find_contact_type(code);
    return t ? t->name : code;
}

static const char *d(cl_date x, char *buf) { return x == CL_DATE_NONE ? "-" : date_format(x, buf); }

char *record_next_line(const cl_record *r, char *buf, size_t len)
{
    if (!r->has_next) {
        snprintf(buf, len, "Next appointment: none");
        return buf;
    }
    char day[CL_DATE_LEN], t[CL_TIME_LEN];
    snprintf(buf, len, "Next appointment: %s %s %s, %s", date_format(r->next.date, day),
             time_format(r->next.start, t), type_name(r->next.type), r->next.location);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ')
        buf[--n] = '\0';
    return buf;
}

static void banner(const cl_record *r, record_line_fn fn, void *arg)
{
    char b1[CL_DATE_LEN];
    const risk_summary *rs = &r->risk;
    record_linef(fn, arg, RL_NAME, "%s %s  %s%s", r->person.forenames, r->person.surname, r->person.crn,
         r->closed ? "  CLOSED (read-only)" : "");
    if (r->closed)
        record_linef(fn, arg, RL_CLOSED, "CLOSED CASE: this record is read-only");
    if (rs->rosh_review != CL_DATE_NONE)
        record_linef(fn, arg, rs->rosh_review_overdue ? RL_OVERDUE : RL_ROSH, "%s  (review %s%s)",
             risk_rosh_banner(rs->rosh), date_format(rs->rosh_review, b1),
             rs->rosh_review_overdue ? ": REVIEW OVERDUE" : "");
    else
        record_linef(fn, arg, RL_ROSH, "%s", risk_rosh_banner(rs->rosh));
    if (rs->staff_banner)
        record_linef(fn, arg, RL_STAFF, "!!! RISK TO STAFF: take care before any visit or interview !!!");
    /* Enforcement (the one rule table), high in the banner so it is never cut off. */
    for (size_t i = 0; i < r->enf.n && r->enf.orders[i].level != ENF_LEVEL_NONE; i++) {
        const enf_order_state *o = &r->enf.orders[i];
        char b2[CL_DATE_LEN], b3[CL_DATE_LEN];
        record_linef(fn, arg, RL_OVERDUE, "%s by %s%s%s%s%s%s  (failure %s on %s)", enf_words(o->level, o->order_type),
             date_format(o->due, b1), o->due < r->today ? ": OVERDUE" : "", o->order_id[0] ? ", order " : "",
             o->order_id, o->respond_by != CL_DATE_NONE ? "; " ENF_RESPONSE_WORDS " " : "",
             date_format(o->respond_by, b3), o->failure_id, date_format(o->failure_date, b2));
    }
    for (size_t i = 0; i < rs->nflags; i++) {
        const risk_flag *f = &rs->flags[i];
        char words[128];
        risk_flag_words(f, words, sizeof words);
        record_role role = f->type->group == RG_STAFF ? RL_STAFF : RL_FLAG;
        if (f->review == CL_DATE_NONE)
            record_linef(fn, arg, role, "%s", words);
        else
            record_linef(fn, arg, f->review_overdue ? RL_OVERDUE : role, "%s  (review %s%s)", words,
                 date_format(f->review, b1), f->review_overdue ? ": REVIEW OVERDUE" : "");
    }
    if (rs->nflags == 0)
        record_linef(fn, arg, RL_MUTED, "No active risk registrations");
}

static void personal(const cl_record *r, record_line_fn fn, void *arg)
{
    const cl_offender *p = &r->person;
    char b[CL_DATE_LEN];
    record_linef(fn, arg, RL_TEXT, "Name:          %s %s", p->forenames, p->surname);
    record_linef(fn, arg, RL_TEXT, "Aliases:       %s", p->aliases[0] ? p->aliases : "none");
    if (r->age >= 0)
        record_linef(fn, arg, RL_TEXT, "Date of birth: %s (age %d)", d(p->date_of_birth, b), r->age);
    else
        record_linef(fn, arg, RL_TEXT, "Date of birth: -");
    const char *g = ref_name(&REF_GENDERS, p->gender);
    record_linef(fn, arg, RL_TEXT, "Gender:        %s", g ? g : (p->gender[0] ? p->gender : "-"));
    record_linef(fn, arg, RL_TEXT, "CRN:           %s", p->crn);
    record_linef(fn, arg, RL_TEXT, "PNC:           %s", p->pnc[0] ? p->pnc : "-");
    record_linef(fn, arg, RL_TEXT, "Address:       %s%s%s", p->address[0] ? p->address : "-",
         p->postcode[0] ? ", " : "", p->postcode);
    record_linef(fn, arg, RL_TEXT, "Phone:         %s", p->phone[0] ? p->phone : "-");
    record_linef(fn, arg, RL_TEXT, "Tier:          %s", p->tier[0] ? p->tier : "-");
    if (p->officer[0])
        record_linef(fn, arg, RL_TEXT, "Officer:       %s (%s)", r->officer_name[0] ? r->officer_name : p->officer,
             p->officer);
    else
        record_linef(fn, arg, RL_TEXT, "Officer:       not allocated");
    record_linef(fn, arg, RL_TEXT, "Office:        %s", p->office);
    record_linef(fn, arg, r->closed ? RL_CLOSED : RL_TEXT, "Status:        %s", r->closed ? "CLOSED" : "active");
}

static void requirement(const record_req *q, record_line_fn fn, void *arg)
{
    const cl_requirement *r = &q->r;
    const char *name = ref_name(&REF_REQUIREMENT_TYPES, r->type);
    char sub[CL_NAME_LEN + 4] = "", len[NUM_TEXT_LEN];
    num_format(r->length, len, sizeof len);
    if (r->subtype[0])
        snprintf(sub, sizeof sub, " (%s)", r->subtype);
    if (!strcmp(r->type, "W")) {
        int h = q->upw_minutes / 60, m = q->upw_minutes % 60;
        if (m)
            record_linef(fn, arg, RL_TEXT, "    %s%s: %d h %02d of %s hours done", name, sub, h, m, len);
        else
            record_linef(fn, arg, RL_TEXT, "    %s%s: %d of %s hours done", name, sub, h, len);
    } else if (!strcmp(r->type, "F")) {
        record_linef(fn, arg, RL_TEXT, "    %s%s: %d of %s days used", name, sub, q->rar_days, len);
    } else if (r->length > 0) {
        record_linef(fn, arg, RL_TEXT, "    %s%s: %s %s", name ? name : r->type, sub, len, r->unit);
    } else {
        record_linef(fn, arg, RL_TEXT, "    %s%s", name ? name : r->type, sub);
    }
}

static void orders(const cl_record *r, record_line_fn fn, void *arg)
{
    char b1[CL_DATE_LEN], b2[CL_DATE_LEN], b3[CL_DATE_LEN];
    if (!r->norders)
        record_linef(fn, arg, RL_MUTED, "No orders");
    for (size_t i = 0; i < r->norders; i++) {
        const cl_order *o = &r->orders[i];
        const char *name = ref_name(&REF_ORDER_TYPES, o->type);
        /* Parts not known (no court, no end date yet) are left out, not shown empty. */
        char court[CL_TEXT_LEN + 2] = "", ends[40] = "";
        if (o->court[0])
            snprintf(court, sizeof court, ", %s", o->court);
        if (o->terminated != CL_DATE_NONE)
            snprintf(ends, sizeof ends, "; terminated %s", d(o->terminated, b3));
        else if (o->end_date != CL_DATE_NONE)
            snprintf(ends, sizeof ends, "; ends %s", d(o->end_date, b2));
        record_linef(fn, arg, o->terminated != CL_DATE_NONE ? RL_MUTED : RL_HEADING, "%s %s: sentenced %s%s%s", o->id,
                     name ? name : o->type, d(o->sentence_date, b1), court, ends);
        for (size_t j = 0; j < r->nreqs; j++)
            if (!strcmp(r->reqs[j].r.order_id, o->id))
                requirement(&r->reqs[j], fn, arg);
    }
}

static void appt_line(const cl_appointment *a, record_line_fn fn, void *arg)
{
    char b[CL_DATE_LEN], t1[CL_TIME_LEN], t2[CL_TIME_LEN];
    bool booked = !strcmp(a->status, "booked");
    record_linef(fn, arg, booked ? RL_TEXT : RL_MUTED, "%s %s-%s  %s  %s  %s%s%s", d(a->date, b),
         time_format(a->start, t1), a->end >= 0 ? time_format(a->end, t2) : "", type_name(a->type), a->location,
         a->officer, booked ? "" : "  ", booked ? "" : a->status);
}

static void appointments(const cl_record *r, record_line_fn fn, void *arg)
{
    /* Upcoming (from now on) in time order, then past newest first. */
    size_t first = r->nappts;
    for (size_t i = 0; i < r->nappts; i++) {
        const cl_appointment *a = &r->appts[i];
        if (a->date > r->today || (a->date == r->today && a->start >= r->now)) {
            first = i;
            break;
        }
    }
    record_linef(fn, arg, RL_HEADING, "Upcoming");
    if (first == r->nappts)
        record_linef(fn, arg, RL_MUTED, "  none booked");
    for (size_t i = first; i < r->nappts; i++)
        appt_line(&r->appts[i], fn, arg);
    record_linef(fn, arg, RL_HEADING, "Past");
    if (first == 0)
        record_linef(fn, arg, RL_MUTED, "  none");
    for (size_t i = first; i-- > 0;)
        appt_line(&r->appts[i], fn, arg);
}

void record_note_lines(const char *text, const char *label, record_role role, record_line_fn fn, void *arg)
{
    int pad = (int)strlen(label), hang = tw_row_indent(label);
    bool first = true;
    char buf[2048];
    for (const char *p = text; *p; first = false) {
        size_t n = strcspn(p, "\n");
        snprintf(buf, sizeof buf, "%*s%.*s", pad, first ? label : "", (int)n, p);
        fn(arg, role, buf, hang);
        p += n + (p[n] == '\n');
    }
}

/* The contact that corrects c, if one is in the record (all of a person's
 * contacts are), else "". */
static const char *corrected_by(const cl_record *r, const cl_contact *c)
{
    for (size_t i = 0; i < r->ncontacts; i++)
        if (!strcmp(r->contacts[i].corrects, c->id))
            return r->contacts[i].id;
    return "";
}

/* Each contact with its id, its enforcement action and the contacts screen's
 * marks naming the other contact of a correction, so printed text (a court
 * file) shows which entry replaces which. */
static void contacts(const cl_record *r, record_line_fn fn, void *arg)
{
    char b[CL_DATE_LEN], t[CL_TIME_LEN], act[128], marks[96];
    if (!r->ncontacts)
        record_linef(fn, arg, RL_MUTED, "No contacts recorded");
    for (size_t i = 0; i < r->ncontacts; i++) {
        const cl_contact *c = &r->contacts[i];
        const ref_outcome *o = c->outcome[0] ? ref_find_outcome(c->outcome) : NULL;
        const char *by = corrected_by(r, c);
        contact_action_words(c, act, sizeof act);
        size_t nm = strlen(contact_marks(c, by, true, marks, sizeof marks));
        if (nm)
            marks[nm - 1] = '\0'; /* the marks end in a blank */
        record_linef(fn, arg, by[0] ? RL_MUTED : RL_HEADING, "%s %s  %s  %s%s%s%s%s%s%s%s  %s", d(c->date, b),
             time_format(c->time, t), c->id, type_name(c->type), c->outcome[0] ? ": " : "", o ? o->name : c->outcome,
             act[0] ? "  action " : "", act, c->rar ? "  [RAR]" : "", nm ? "  " : "", marks, c->officer);
        if (c->notes && c->notes[0])
            record_note_lines(c->notes, "    ", c->sensitive ? RL_FLAG : RL_TEXT, fn, arg);
    }
}

static void registrations(const cl_record *r, record_line_fn fn, void *arg)
{
    char b1[CL_DATE_LEN], b2[CL_DATE_LEN], words[128];
    if (!r->nregs)
        record_linef(fn, arg, RL_MUTED, "No registrations");
    for (size_t i = 0; i < r->nregs; i++) {
        const cl_registration *g = &r->regs[i];
        reg_words(g, words, sizeof words);
        if (g->end_date == CL_DATE_NONE)
            record_linef(fn, arg, RL_TEXT, "%s: active from %s, review %s%s%s", words, d(g->start_date, b1),
                 d(g->review_date, b2), g->registered_by[0] ? ", registered by " : "", g->registered_by);
        else {
            char by[400];
            record_linef(fn, arg, RL_MUTED, "%s: %s to %s, ended %s", words, d(g->start_date, b1), d(g->end_date, b2),
                 reg_ended_by(g, true, by, sizeof by));
        }
        reg_more_lines(g, r->reviews ? &r->reviews[i] : NULL, fn, arg);
    }
}

/* Under the next appointment: how much is owed, so a count in the caseload
 * list is never a mystery on the record (the Due section names each). */
static void due_summary(const cl_record *r, record_line_fn fn, void *arg)
{
    size_t overdue = 0;
    for (size_t i = 0; i < r->due.n; i++)
        overdue += r->due.items[i].overdue;
    size_t soon = r->due.n - overdue;
    char more[64] = "";
    if (soon)
        snprintf(more, sizeof more, "%zu %sin the next %d days", soon, overdue ? "more " : "", DUE_AHEAD_DAYS);
    if (overdue)
        record_linef(fn, arg, RL_OVERDUE, "Due: %zu OVERDUE%s%s", overdue, soon ? ", " : "", more);
    else if (soon)
        record_linef(fn, arg, RL_TEXT, "Due: nothing overdue, %s", more);
}

/* Each item of the due list for this person, in its order (overdue first),
 * naming who acts when it is not the case officer (a report writer). */
static void due_items(const cl_record *r, record_line_fn fn, void *arg)
{
    char d[CL_DATE_LEN], line[1024];
    for (size_t i = 0; i < r->due.n; i++) {
        const due_item *it = &r->due.items[i];
        bool other = it->officer[0] && strcmp(it->officer, r->person.officer);
        int head = snprintf(line, sizeof line, "%-7s %s  ", it->overdue ? "OVERDUE" : "due", date_format(it->due, d));
        snprintf(line + head, sizeof line - (size_t)head, "%s%s%s", it->detail, other ? ", for " : "",
                 other ? it->officer : "");
        fn(arg, it->overdue ? RL_OVERDUE : RL_TEXT, line, head); /* a long item wraps under its words */
    }
    if (!r->due.n && r->closed)
        record_linef(fn, arg, RL_MUTED, "Nothing is due on a closed case");
    else if (!r->due.n)
        record_linef(fn, arg, RL_MUTED, "Nothing overdue or due in the next %d days", DUE_AHEAD_DAYS);
}

void record_lines(const cl_record *r, record_section s, record_line_fn fn, void *arg)
{
    char buf[512];
    switch (s) {
    case REC_BANNER: banner(r, fn, arg); break;
    case REC_NEXT:
        fn(arg, RL_TEXT, record_next_line(r, buf, sizeof buf), -1);
        due_summary(r, fn, arg);
        break;
    case REC_PERSONAL: personal(r, fn, arg); break;
    case REC_DUE: due_items(r, fn, arg); break;
    case REC_ORDERS: orders(r, fn, arg); break;
    case REC_APPOINTMENTS: appointments(r, fn, arg); break;
    case REC_CONTACTS: contacts(r, fn, arg); break;
    case REC_REGISTRATIONS: registrations(r, fn, arg); break;
    default: break;
    }
}
