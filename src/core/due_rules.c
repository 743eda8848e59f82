/* Each kind of due item: when it falls due (the timescale table) and what
 * makes it done. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "caseload/enforce.h"
#include "caseload/numtext.h"
#include "caseload/ref.h"
#include "core/due_int.h"

/* ---- registrations: reviews, the home visit after a new concern, risk ---- */

static void flush_person_risk(due_engine *e)
{
    if (!e->reg_crn[0])
        return;
    due_person *p = due_find_person(e, e->reg_crn);
    if (p) {
        risk_summary s;
        risk_summary_build(&s, e->regs, e->nregs, e->from);
        p->rosh = s.rosh;
        risk_flags_short(&s, p->flags, sizeof p->flags);
        p->staff_banner = s.staff_banner;
        p->high_type = false;
        for (size_t i = 0; i < e->nregs; i++)
            if (ts_type_in(TS_HOME_VISIT_HIGH_TYPES, e->regs[i].type))
                p->high_type = true;
        due_holding_judge(e, p, e->regs, e->nregs);
    }
    e->reg_crn[0] = '\0';
    e->nregs = 0;
}

static void on_reg(void *arg, const store_due_reg *r)
{
    due_engine *e = arg;
    if (e->rc != CL_OK || !r->crn)
        return;
    if (strcmp(e->reg_crn, r->crn)) {
        flush_person_risk(e);
        due_copy(e->reg_crn, sizeof e->reg_crn, r->crn);
    }
    if (e->nregs < DUE_MAX_REGS) {
        size_t i = e->nregs++;
        due_copy(e->reg_text[i][0], 8, r->type);
        due_copy(e->reg_text[i][1], 8, r->category);
        due_copy(e->reg_text[i][2], 8, r->level);
        e->regs[i] = (risk_reg_row){e->reg_text[i][0], e->reg_text[i][1], e->reg_text[i][2], r->start, r->review};
    }
    const risk_regtype *t = risk_type(r->type);
    char ref[24];
    snprintf(ref, sizeof ref, "%lld", r->id);
    /* A registration with no review date recorded (older data) is due one
     * review period after its start. */
    cl_date review = r->review != CL_DATE_NONE ? r->review : ts_registration_review(e->cal, r->type, r->start);
    if (t && review != CL_DATE_NONE)
        due_add(e, review, "registration-review", r->crn, ref, NULL, "%s review", t->words);
    const due_person *p = due_find_person(e, r->crn);
    if (p && t && ts_type_in(TS_HOME_VISIT_CONCERN_TYPES, t->code) &&
        (p->last_home_visit == CL_DATE_NONE || p->last_home_visit < r->start))
        due_add(e, due_rule_date(e, p->office, TS_HOME_VISIT_CONCERN, r->start), "home-visit", r->crn, ref,
                NULL, "home visit after new %s registration", t->words);
}

int due_registrations(due_engine *e, const store_due_q *q)
{
    int rc = store_due_registrations(e->st, q, on_reg, e, e->err);
    flush_person_risk(e);
    return rc;
}

/* ---- orders: first appointment, unpaid work ---------------------------- */

static void on_order(void *arg, const store_due_order *o)
{
    due_engine *e = arg;
    due_person *p = due_find_person(e, o->crn);
    if (e->rc != CL_OK || !p || o->sentence == CL_DATE_NONE)
        return;
    if (p->supervision == CL_DATE_NONE || o->sentence < p->supervision)
        p->supervision = o->sentence;
    const char *type = o->order_type ? o->order_type : "";
    ts_id first = ts_first_appointment_rule(type);
    if (p->last_attended == CL_DATE_NONE || p->last_attended < o->sentence)
        due_add(e, due_rule_date(e, p->office, first, o->sentence), "first-appointment", o->crn, o->order_id,
                NULL, "first appointment after %s (%s)", first == TS_FIRST_APPT_LICENCE ? "release" : "sentence",
                type);
    if (!o->req_id)
        return;
    double ordered = o->hours_ordered, done = o->minutes_done / 60.0;
    if (ordered > 0 && done >= ordered)
        return; /* hours complete: nothing more is due on this requirement */
    /* Hours done are shown to the hundredth (25 minutes is 0.42, not 0.4166666666666667). */
    char d[NUM_TEXT_LEN], of[NUM_TEXT_LEN];
    num_format(round(done * 100) / 100, d, sizeof d);
    if (o->first_attended == CL_DATE_NONE)
        due_add(e, due_rule_date(e, p->office, TS_UPW_ASSESSMENT, o->sentence), "upw-assessment", o->crn,
                o->order_id, NULL, "unpaid work assessment");
    if (o->first_session == CL_DATE_NONE)
        due_add(e, due_rule_date(e, p->office, TS_UPW_FIRST_SESSION, o->sentence), "upw-first-session",
                o->crn, o->order_id, NULL, "unpaid work first session");
    cl_date base = o->req_start != CL_DATE_NONE ? o->req_start : o->sentence;
    static const struct { ts_id id; const char *item, *words; } reviews[] = {
        {TS_UPW_REVIEW_6M, "upw-review-6m", "unpaid work review at 6 months"},
        {TS_UPW_REVIEW_9M, "upw-review-9m", "unpaid work review at 9 months"},
    };
    for (size_t i = 0; i < sizeof reviews / sizeof reviews[0]; i++) {
        cl_date due = due_rule_date(e, p->office, reviews[i].id, base);
        /* A review logged in the weeks before its date counts for it. */
        if (o->last_review == CL_DATE_NONE || o->last_review < due - TS_UPW_REVIEW_EARLY_DAYS)
            due_add(e, due, reviews[i].item, o->crn, o->order_id, NULL, "%s (%s of %s hours)", reviews[i].words,
                    d, num_format(ordered, of, sizeof of));
    }
    if (ts_upw_completion_applies(due_office(e, p->office), o->sentence))
        due_add(e, due_rule_date(e, p->office, TS_UPW_COMPLETION, o->sentence), "upw-completion", o->crn,
                o->order_id, NULL, "unpaid work completed: %s of %s hours done", d,
                num_format(ordered, of, sizeof of));
}

int due_orders(due_engine *e, const store_due_q *q)
{
    return store_due_orders(e->st, q, on_order, e, e->err);
}

/* ---- supervision: the first home visit and keeping in contact ----------- */

int due_supervision(due_engine *e)
{
    char d[CL_DATE_LEN], period[32];
    for (size_t i = 0; i < e->np && e->rc == CL_OK; i++) {
        due_person *p = &e->p[i];
        if (p->supervision == CL_DATE_NONE)
            continue; /* no current order: nothing to supervise */
        const ts_office *o = due_office(e, p->office);
        ts_id hv = ts_home_visit_rule(p->rosh, p->high_type);
        cl_date due;
        /* The words only for items that are kept (most are not). */
        if ((p->last_home_visit == CL_DATE_NONE || p->last_home_visit < p->supervision) &&
            due_wanted(e, due = due_rule_date(e, p->office, hv, p->supervision)))
            due_add(e, due, "home-visit", p->crn, NULL, NULL,
                    "home visit within %s of supervision starting (%s RoSH%s)",
                    ts_period_words(o->amount[hv], TS_RULES[hv].unit, period, sizeof period),
                    risk_rosh_word(p->rosh), p->high_type ? ", sex offender" : "");
        ts_id nc = ts_no_contact_rule(p->rosh);
        bool contact = p->last_contact != CL_DATE_NONE && p->last_contact >= p->supervision;
        cl_date base = contact ? p->last_contact : p->supervision;
        if (due_wanted(e, due = due_rule_date(e, p->office, nc, base)))
            due_add(e, due, "no-contact", p->crn, NULL, NULL,
                    contact ? "contact due: last contact %s (limit %s, %s RoSH)"
                            : "contact due: none since supervision started %s (limit %s, %s RoSH)",
                    date_format(base, d), ts_period_words(o->amount[nc], TS_RULES[nc].unit, period, sizeof period),
                    risk_rosh_word(p->rosh));
    }
    return e->rc;
}

/* ---- enforcement: the contacts module's rule over the scope's rows ------ */

static void flush_person_enf(due_engine *e)
{
    if (!e->enf_crn[0] || e->rc != CL_OK)
        return;
    const char *crn = e->enf_crn;
    enf_person ep;
    if ((e->rc = enf_rows_compute(&e->enf, e->cal, e->from, &ep, e->err)) != CL_OK)
        return;
    due_person *p = due_find_person(e, crn);
    if (p)
        p->enf_words = ep.words;
    for (size_t k = 0; k < ep.n; k++) {
        const enf_order_state *s = &ep.orders[k];
        const char *kind = enf_due_kind(s->level);
        char rb[CL_DATE_LEN];
        if (kind)
            due_add(e, s->due, kind, crn, s->order_id, NULL, "%s%s%s%s%s", enf_words(s->level, s->order_type),
                    s->order_id[0] ? " on order " : "", s->order_id,
                    s->respond_by != CL_DATE_NONE ? "; " ENF_RESPONSE_WORDS " " : "", date_format(s->respond_by, rb));
    }
    enf_rows_reset(&e->enf);
    e->enf_crn[0] = '\0';
}

static void on_enf_row(void *arg, const char *crn, const enf_row *row, const char *order_type)
{
    due_engine *e = arg;
    if (e->rc != CL_OK || !crn)
        return;
    if (strcmp(e->enf_crn, crn)) {
        flush_person_enf(e);
        due_copy(e->enf_crn, sizeof e->enf_crn, crn);
    }
    enf_rows_add(&e->enf, row);
    if (order_type)
        enf_rows_type(&e->enf, row->order_id, order_type);
}

int due_enforcement(due_engine *e, const store_due_q *q)
{
    int rc = store_due_enf_rows(e->st, q, on_enf_row, e, e->err);
    if (rc == CL_OK)
        flush_person_enf(e);
    return rc != CL_OK ? rc : e->rc;
}

/* ---- court reports ----------------------------------------------------- */

static void on_report(void *arg, const store_due_report *r)
{
    due_engine *e = arg;
    if (e->rc != CL_OK)
        return;
    int rule = ts_report_rule(r->type);
    cl_date due = r->due;
    if (due == CL_DATE_NONE)
        due = rule >= 0 ? ts_due(e->cal, (ts_id)rule, r->requested) : r->requested;
    const char *name = ref_name(&REF_REPORT_TYPES, r->type);
    due_add(e, due, "report", r->crn, r->id, r->officer, "%s%s%s", name ? name : (r->type ? r->type : "report"),
            r->court && r->court[0] ? " for " : "", r->court ? r->court : "");
}

int due_reports(due_engine *e, const store_due_q *q)
{
    return store_due_reports(e->st, q, on_report, e, e->err);
}

/* ---- appointments that need an outcome --------------------------------- */

static void on_appt(void *arg, const store_due_appt *a)
{
    due_engine *e = arg;
    const ref_contact_type *t = ref_find_contact_type(a->type);
    due_add(e, a->date, "outcome-needed", a->crn, a->id, a->officer, "outcome needed: %s at %s",
            t ? t->name : (a->type ? a->type : "appointment"), a->start ? a->start : "");
}

int due_outcomes(due_engine *e, const store_due_q *q)
{
    return store_due_outcomes_needed(e->st, q, on_appt, e, e->err);
}

/* ---- appointments on a weekend or bank holiday -------------------------- */

/* Booked where the booking rule would have warned (an import, or a forced
 * booking): the officer moves it, or tells the person, by the business day
 * before. */
static void on_closed_day(void *arg, const store_due_appt *a)
{
    due_engine *e = arg;
    cl_date due = cal_prev_business_day_before(e->cal, a->date);
    if (!due_wanted(e, due))
        return;
    const ref_contact_type *t = ref_find_contact_type(a->type);
    const char *why = cal_closed_why(e->cal, a->date);
    char d[16];
    due_add(e, due, "not-business-day", a->crn, a->id, a->officer, "%s at %s on %s: %s",
            t ? t->name : (a->type ? a->type : "appointment"), a->start ? a->start : "",
            date_format_long(a->date, d), why ? why : "not a business day");
}

int due_closed_days(due_engine *e, const store_due_q *q)
{
    if (!strcmp(q->closed_days, "[]"))
        return CL_OK; /* no closed day to read (counting overdue items on a business day) */
    return store_due_closed_day_appts(e->st, q, on_closed_day, e, e->err);
}
