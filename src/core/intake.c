/* Court intake: checking the form, then one transaction for the person, the
 * order, its requirements, the risk screening, the allocation and the first
 * appointment. */
#include "caseload/intake.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "caseload/alloc.h"
#include "caseload/limits.h"
#include "caseload/pnc.h"
#include "caseload/ref.h"
#include "caseload/registration.h"
#include "caseload/sched.h"
#include "caseload/store_intake.h"
#include "caseload/store_write.h"

static bool blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

static int check_form(cl_app *app, const intake_form *f, cl_err *err)
{
    const cl_offender *p = &f->person;
    if (blank(p->surname))
        return cl_err_set(err, CL_EDATA, "surname: give the person's surname");
    if (blank(p->forenames))
        return cl_err_set(err, CL_EDATA, "forenames: give the person's forenames");
    if (p->date_of_birth == CL_DATE_NONE)
        return cl_err_set(err, CL_EDATA, "date of birth: give the date of birth");
    if (p->date_of_birth >= app->clock.today)
        return cl_err_set(err, CL_EDATA, "date of birth: it is not in the past");
    char pnc[32], why[160];
    if (!blank(p->pnc) && !pnc_check(p->pnc, app->clock.today, p->date_of_birth, pnc, sizeof pnc, why, sizeof why))
        return cl_err_set(err, CL_EDATA, "PNC: '%s' is not a PNC number: %s", p->pnc, why);
    if (p->crn[0] && !ref_valid_crn(p->crn))
        return cl_err_set(err, CL_EDATA, "CRN: '%s' is not one letter and six digits (leave it empty for a provisional reference)", p->crn);
    if (blank(p->office))
        return cl_err_set(err, CL_EDATA, "office: which office takes the case?");
    if (!store_exists(app->store, STORE_OFFICE, p->office))
        return cl_err_set(err, CL_EDATA, "office: '%s' is not an office code", p->office);
    if (!ref_lookup(&REF_ORDER_TYPES, f->order_type))
        return cl_err_set(err, CL_EDATA, "order type: '%s' is not CO, SSO, LIC or PSS", f->order_type);
    if (f->sentence_date == CL_DATE_NONE)
        return cl_err_set(err, CL_EDATA, "sentence date: give the date of sentence");
    if (f->sentence_date > app->clock.today)
        return cl_err_set(err, CL_EDATA, "sentence date: it is after today");
    if (f->nreqs > INTAKE_MAX_REQS || f->nflags > INTAKE_MAX_FLAGS)
        return cl_err_set(err, CL_EDATA, "too many requirements or flags");
    for (size_t i = 0; i < f->nreqs; i++) {
        const char *type = ref_lookup(&REF_REQUIREMENT_TYPES, f->reqs[i].type);
        if (!type)
            return cl_err_set(err, CL_EDATA, "requirement %zu: '%s' is not a requirement type", i + 1, f->reqs[i].type);
        char why[160];
        /* A length of 0 is refused with the range, not stored as "no length". */
        if (f->reqs[i].length >= 0 && !limit_req_length_ok(type, limit_req_unit(type), f->reqs[i].length, why, sizeof why))
            return cl_err_set(err, CL_EDATA, "requirement %s: %s", type, why);
    }
    for (size_t i = 0; i < f->nflags; i++) {
        reg_new r = {.crn = "X000000", .type = f->flags[i].type,
                     .category = f->flags[i].category[0] ? f->flags[i].category : NULL,
                     .level = f->flags[i].level[0] ? f->flags[i].level : NULL};
        char t[8], c[8], l[8];
        int rc = reg_check(&r, t, c, l, err);
        if (rc != CL_OK)
            return rc;
        if (risk_type_is_rosh(t))
            return cl_err_set(err, CL_EDATA, "flags: give the RoSH level as the screening's level, not as a flag");
    }
    if (f->officer[0] && !store_exists(app->store, STORE_STAFF, f->officer))
        return cl_err_set(err, CL_EDATA, "officer: '%s' is not a staff code", f->officer);
    return CL_OK;
}

static int put_order(cl_app *app, const intake_form *f, const char *crn, intake_result *res, cl_err *err)
{
    cl_order o;
    memset(&o, 0, sizeof o);
    int rc = store_intake_new_id(app->store, 'O', o.id, sizeof o.id, err);
    if (rc != CL_OK)
        return rc;
    snprintf(o.crn, sizeof o.crn, "%s", crn);
    snprintf(o.type, sizeof o.type, "%s", ref_lookup(&REF_ORDER_TYPES, f->order_type));
    o.sentence_date = f->sentence_date;
    o.end_date = CL_DATE_NONE;
    o.terminated = CL_DATE_NONE;
    snprintf(o.court, sizeof o.court, "%s", f->court);
    if ((rc = store_put_order(app->store, &o, NULL, err)) != CL_OK)
        return rc;
    snprintf(res->order_id, sizeof res->order_id, "%s", o.id);
    for (size_t i = 0; i < f->nreqs; i++) {
        cl_requirement r;
        memset(&r, 0, sizeof r);
        if ((rc = store_intake_new_id(app->store, 'R', r.id, sizeof r.id, err)) != CL_OK)
            return rc;
        snprintf(r.order_id, sizeof r.order_id, "%s", o.id);
        snprintf(r.type, sizeof r.type, "%s", ref_lookup(&REF_REQUIREMENT_TYPES, f->reqs[i].type));
        snprintf(r.subtype, sizeof r.subtype, "%s", f->reqs[i].subtype);
        r.length = f->reqs[i].length;
        snprintf(r.unit, sizeof r.unit, "%s", limit_req_unit(r.type));
        r.start_date = f->sentence_date;
        if ((rc = store_put_requirement(app->store, &r, NULL, err)) != CL_OK)
            return rc;
    }
    return CL_OK;
}

static int put_risk(cl_app *app, const intake_form *f, const char *crn, cl_err *err)
{
    reg_result rr;
    int rc = CL_OK;
    if (f->rosh != ROSH_UNKNOWN) {
        reg_new r = {.crn = crn, .type = risk_rosh_code(f->rosh), .start = app->clock.today,
                     .notes = "court screening"};
        rc = reg_add(app->store, &app->cal, app->clock.today, &r, &rr, err);
    }
    for (size_t i = 0; rc == CL_OK && i < f->nflags; i++) {
        reg_new r = {.crn = crn, .type = f->flags[i].type,
                     .category = f->flags[i].category[0] ? f->flags[i].category : NULL,
                     .level = f->flags[i].level[0] ? f->flags[i].level : NULL,
                     .start = app->clock.today, .notes = "court screening"};
        rc = reg_add(app->store, &app->cal, app->clock.today, &r, &rr, err);
    }
    return rc;
}

static int book_first(cl_app *app, const intake_form *f, const char *crn, bool dry_run,
                      intake_result *res, cl_err *err)
{
    sched_request req;
    int rc = sched_suggest_first(app, crn, f->sentence_date, &req, err);
    if (rc != CL_OK)
        return rc;
    snprintf(req.order_id, sizeof req.order_id, "%s", res->order_id);
    static sched_plan plan; /* large; intake is not re-entrant */
    if ((rc = sched_check(app, &req, &plan, err)) != CL_OK)
        return rc;
    if (plan.refused)
        return sched_book(app, &plan, false, NULL, err); /* gives the refusal's words */
    size_t used = 0;
    res->warnings[0] = '\0';
    for (size_t i = 0; i < plan.nfindings && used + 2 < sizeof res->warnings; i++) {
        int w = snprintf(res->warnings + used, sizeof res->warnings - used, "%s%s", used ? " " : "",
                         plan.findings[i].msg);
        if (w > 0)
            used += (size_t)w;
    }
    if (used >= sizeof res->warnings)
        used = sizeof res->warnings - 1;
    res->appt_date = plan.occ[0].date;
    res->appt_start = plan.req.start;
    res->appt_end = plan.req.start + plan.req.minutes;
    snprintf(res->appt_office, sizeof res->appt_office, "%s", plan.req.office);
    if (dry_run)
        return CL_OK;
    char ids[1][CL_ID_LEN];
    /* The slot is the first free one in office hours: its warnings (if any) were shown on the dry run. */
    if ((rc = sched_book(app, &plan, true, ids, err)) != CL_OK)
        return rc;
    snprintf(res->appt_id, sizeof res->appt_id, "%s", ids[0]);
    return CL_OK;
}

static int save_all(cl_app *app, const intake_form *f, bool dry_run, intake_result *res, cl_err *err)
{
    int rc;
    cl_offender p = f->person;
    char pnc[sizeof p.pnc];
    if (pnc_normalise(p.pnc, app->clock.today, pnc, sizeof pnc)) /* stored as the search looks it up */
        snprintf(p.pnc, sizeof p.pnc, "%s", pnc);
    if (!p.crn[0]) {
        if ((rc = store_intake_new_ref(app->store, REF_PROVISIONAL_PREFIX, p.crn, sizeof p.crn, err)) != CL_OK)
            return rc;
    } else if (store_exists(app->store, STORE_OFFENDER, p.crn))
        return cl_err_set(err, CL_EDATA, "CRN: %s is already held: open that record instead", p.crn);
    snprintf(res->crn, sizeof res->crn, "%s", p.crn);
    res->provisional = ref_is_provisional(p.crn);
    p.officer[0] = '\0'; /* allocated below, under the rules */
    snprintf(p.status, sizeof p.status, "active");
    if ((rc = store_put_offender(app->store, &p, NULL, err)) != CL_OK)
        return rc;
    if ((rc = put_order(app, f, p.crn, res, err)) != CL_OK)
        return rc;
    if ((rc = put_risk(app, f, p.crn, err)) != CL_OK)
        return rc;

    alloc_case c;
    if ((rc = alloc_case_load(app, p.crn, &c, err)) != CL_OK)
        return rc;
    if (f->officer[0]) {
        snprintf(res->officer, sizeof res->officer, "%s", f->officer);
    } else {
        if ((rc = alloc_propose(app, &c, p.office, res->officer, sizeof res->officer, err)) != CL_OK)
            return rc;
        res->proposed = true;
    }
    cl_staff s;
    if ((rc = store_get_staff(app->store, res->officer, &s, err)) != CL_OK)
        return rc;
    res->breaches = alloc_check(&c, s.grade, s.office);
    if (dry_run && res->breaches && blank(f->override)) {
        /* The screen asks for the override; work out the rest as if given. */
        if ((rc = alloc_allocate(app, p.crn, res->officer, NULL, "(dry run)", err)) != CL_OK)
            return rc;
    } else if ((rc = alloc_allocate(app, p.crn, res->officer, NULL, f->override, err)) != CL_OK)
        return rc;
    return book_first(app, f, p.crn, dry_run, res, err);
}

int intake_save(cl_app *app, const intake_form *f, bool dry_run, intake_result *res, cl_err *err)
{
    memset(res, 0, sizeof *res);
    int rc = check_form(app, f, err);
    if (rc != CL_OK)
        return rc;
    const cl_offender *p = &f->person;
    if ((rc = dup_find(app, p->surname, p->forenames, p->date_of_birth, p->pnc, &res->dups, err)) != CL_OK)
        return rc;
    if (res->dups.n && !f->not_duplicate) {
        const dup_match *m = &res->dups.items[0];
        char dob[CL_DATE_LEN];
        return cl_err_set(err, CL_EDATA, "possible duplicate: %s %s %s, born %s%s%s: open that record instead",
                          m->crn, m->forenames, m->surname, date_format(m->date_of_birth, dob),
                          m->why & DUP_BY_PNC ? ", same PNC" : "", res->dups.n > 1 ? " (and others)" : "");
    }
    /* "Not the same person" cannot keep another person's PNC. */
    for (size_t i = 0; i < res->dups.n; i++) {
        const dup_match *m = &res->dups.items[i];
        if ((m->why & DUP_BY_PNC) && strcmp(m->crn, p->crn))
            return cl_err_set(err, CL_EDATA, "PNC: %s is held by %s %s %s: %s (correct it, or leave it empty)",
                              m->pnc, m->crn, m->forenames, m->surname, PNC_ONE_PERSON);
    }
    if ((rc = store_begin(app->store, err)) != CL_OK)
        return rc;
    store_action(app->store, "intake", NULL, NULL);
    rc = save_all(app, f, dry_run, res, err);
    if (rc != CL_OK || dry_run) {
        store_rollback(app->store);
        return rc;
    }
    return store_commit(app->store, err);
}

int intake_replace_crn(cl_app *app, const char *provisional, const char *crn, cl_err *err)
{
    if (!ref_is_provisional(provisional))
        return cl_err_set(err, CL_EUSAGE, "'%s' is not a provisional reference (%s...)", provisional ? provisional : "",
                          REF_PROVISIONAL_PREFIX);
    if (!ref_is_national_crn(crn))
        return cl_err_set(err, CL_EUSAGE, "'%s' is not a CRN (one letter and six digits)", crn ? crn : "");
    int rc = store_begin(app->store, err);
    if (rc != CL_OK)
        return rc;
    store_action(app->store, "set-crn", NULL, NULL);
    if (!store_exists(app->store, STORE_OFFENDER, provisional))
        rc = cl_err_set(err, CL_ENOINPUT, "no person with reference '%s'", provisional);
    else if (store_exists(app->store, STORE_OFFENDER, crn))
        rc = cl_err_set(err, CL_EDATA, "%s is already held by another record: nothing was changed", crn);
    if (rc == CL_OK)
        rc = store_intake_rename(app->store, provisional, crn, err);
    if (rc == CL_OK) {
        char detail[96];
        snprintf(detail, sizeof detail, "{\"from\":\"%s\",\"to\":\"%s\"}", provisional, crn);
        rc = store_audit(app->store, "crn-replaced", "offender", crn, crn, detail, err);
    }
    if (rc != CL_OK) {
        store_rollback(app->store);
        return rc;
    }
    return store_commit(app->store, err);
}

bool intake_parse_rosh(const char *text, risk_rosh *out)
{
    char t[32];
    size_t j = 0;
    for (const char *p = text ? text : ""; *p && j + 1 < sizeof t; p++)
        if (*p != ' ' || (j && t[j - 1] != ' '))
            t[j++] = *p;
    while (j && t[j - 1] == ' ')
        j--;
    t[j] = '\0';
    *out = ROSH_UNKNOWN;
    if (!t[0])
        return true;
    for (int r = ROSH_LOW; r <= ROSH_VERY_HIGH; r++)
        if (!strcasecmp(t, risk_rosh_short((risk_rosh)r)) || !strcasecmp(t, risk_rosh_word((risk_rosh)r)) ||
            !strcasecmp(t, risk_rosh_banner((risk_rosh)r)) || !strcasecmp(t, risk_rosh_code((risk_rosh)r))) {
            *out = (risk_rosh)r;
            return true;
        }
    if (!strcasecmp(t, "V")) {
        *out = ROSH_VERY_HIGH;
        return true;
    }
    return false;
}

/* A registration type by code or short label (DA, CC, STAFF, RSO...). */
static const risk_regtype *flag_type(const char *word)
{
    const risk_regtype *t = risk_type(word);
    if (t)
        return t;
    for (size_t i = 0; i < RISK_TYPES_N; i++)
        if (!strcasecmp(word, RISK_TYPES[i].label) || !strcasecmp(word, RISK_TYPES[i].code))
            return &RISK_TYPES[i];
    return NULL;
}

int intake_parse_flags(const char *text, intake_form *f, cl_err *err)
{
    f->nflags = 0;
    char buf[CL_TEXT_LEN];
    snprintf(buf, sizeof buf, "%s", text ? text : "");
    char *save = NULL;
    for (char *w = strtok_r(buf, " ,;", &save); w; w = strtok_r(NULL, " ,;", &save)) {
        /* "STAFF:H" gives a level; "MAPPA 2/2" or "MAPPA2/2" category and level. */
        char *colon = strchr(w, ':');
        if (colon)
            *colon++ = '\0';
        char *digits = NULL, joined[8];
        if (!strncasecmp(w, "MAPPA", 5) && w[5]) {
            snprintf(joined, sizeof joined, "%.7s", w + 5); /* copied before the word is cut */
            digits = joined;
            w[5] = '\0';
        }
        const risk_regtype *t = flag_type(w);
        if (!t || t->group == RG_ROSH)
            return cl_err_set(err, CL_EDATA, "flags: '%s' is not a flag (codes or labels such as DA CC CP STAFF RSO MAPPA 2/2)", w);
        if (f->nflags == INTAKE_MAX_FLAGS)
            return cl_err_set(err, CL_EDATA, "flags: at most %d", INTAKE_MAX_FLAGS);
        intake_flag *fl = &f->flags[f->nflags++];
        memset(fl, 0, sizeof *fl);
        snprintf(fl->type, sizeof fl->type, "%s", t->code);
        if (t->has_category) {
            if (!digits) {
                char *next = strtok_r(NULL, " ,;", &save);
                digits = next;
            }
            if (!digits || digits[0] < '1' || digits[0] > '4' || digits[1] != '/' || digits[2] < '1' ||
                digits[2] > '3' || digits[3])
                return cl_err_set(err, CL_EDATA, "flags: MAPPA needs category/level, e.g. MAPPA 2/2");
            snprintf(fl->category, sizeof fl->category, "M%c", digits[0]);
            snprintf(fl->level, sizeof fl->level, "M%c", digits[2]);
        } else if (colon && *colon) {
            if (!t->has_level)
                return cl_err_set(err, CL_EDATA, "flags: %s takes no level", t->label);
            snprintf(fl->level, sizeof fl->level, "%.3s", colon);
        }
    }
    return CL_OK;
}
