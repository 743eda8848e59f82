/* The court intake form's fields: the table (labels, widths, hints, the
 * check of each), the checks, reading what was typed into an intake_form
 * (a birth date as the search reads one, the sentence date as the diary
 * does), and which field an error from the core names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/limits.h"
#include "caseload/numtext.h"
#include "caseload/store_write.h"
#include "tui/intake_int.h"

/* ---- field checks ---- */

static bool date_ok(const char *v, char *msg, size_t len, void *arg, bool required)
{
    intake_view *iv = arg;
    (void)iv;
    if (!v[0]) {
        if (required)
            snprintf(msg, len, "a date is needed (2026-12-03, 03/12/2026, today)");
        return !required;
    }
    return true;
}
static bool v_required(const char *v, char *msg, size_t len, void *arg)
{
    (void)arg;
    for (const char *p = v; *p; p++)
        if (*p != ' ')
            return true;
    snprintf(msg, len, "this field is needed");
    return false;
}
static bool v_date(const char *v, char *msg, size_t len, void *arg) { return date_ok(v, msg, len, arg, true); }
/* A requirement's length: empty (none), or a plain number in the type's
 * range from the one table (limits.h). */
static bool v_length(const char *type, const char *v, char *msg, size_t len)
{
    if (!v[0])
        return true;
    const limit_range *r = limit_req_range(type, limit_req_unit(type));
    double d;
    if (!num_parse(v, &d)) {
        char a[NUM_TEXT_LEN], b[NUM_TEXT_LEN];
        snprintf(msg, len, "'%s' is not %s: %s-%s %s, or empty", v, NUM_PLAIN_WORDS, num_format(r->min, a, sizeof a),
                 num_format(r->max, b, sizeof b), r->unit);
        return false;
    }
    return limit_req_length_ok(type, r->unit, d, msg, len);
}
static bool v_upw(const char *v, char *msg, size_t len, void *arg) { return (void)arg, v_length("W", v, msg, len); }
static bool v_rar(const char *v, char *msg, size_t len, void *arg) { return (void)arg, v_length("F", v, msg, len); }
static bool v_curfew(const char *v, char *msg, size_t len, void *arg) { return (void)arg, v_length("M", v, msg, len); }
static bool v_rosh(const char *v, char *msg, size_t len, void *arg)
{
    (void)arg;
    risk_rosh r;
    if (intake_parse_rosh(v, &r))
        return true;
    snprintf(msg, len, "L, M, H or VH (or empty when not screened)");
    return false;
}
static bool v_order(const char *v, char *msg, size_t len, void *arg)
{
    (void)arg;
    if (ref_lookup(&REF_ORDER_TYPES, v))
        return true;
    snprintf(msg, len, "CO, SSO, LIC or PSS");
    return false;
}

/* ---- reading the form ---- */

static bool typed_date(tui_ctx *c, const char *v, cl_date *out)
{
    return cal_parse_typed(&c->app->cal, v, c->app->clock.today, out);
}

static void add_req(intake_form *f, const char *type, const char *length, const char *subtype)
{
    if (f->nreqs == INTAKE_MAX_REQS || (!length[0] && !subtype[0]))
        return;
    intake_req *r = &f->reqs[f->nreqs++];
    memset(r, 0, sizeof *r);
    snprintf(r->type, sizeof r->type, "%s", type);
    if (!length[0] || !num_parse(length, &r->length)) /* a typed fault is the field's check's */
        r->length = -1;
    snprintf(r->subtype, sizeof r->subtype, "%s", subtype);
}

/* The form into iv->f; -1 when fine, else the field to fix with msg. */
int intake_fields_read(tui_ctx *c, tui_form *fm, intake_view *iv, char *msg, size_t len)
{
    intake_form *f = &iv->f;
    bool keep_dup = f->not_duplicate;
    char keep_officer[CL_CODE_LEN], keep_crn[CL_CODE_LEN];
    snprintf(keep_officer, sizeof keep_officer, "%s", f->officer);
    snprintf(keep_crn, sizeof keep_crn, "%s", f->person.crn);
    memset(f, 0, sizeof *f);
    f->not_duplicate = keep_dup;
    snprintf(f->officer, sizeof f->officer, "%s", keep_officer);
    cl_offender *p = &f->person;
    snprintf(p->surname, sizeof p->surname, "%s", tui_form_value(fm, F_SURNAME));
    snprintf(p->forenames, sizeof p->forenames, "%s", tui_form_value(fm, F_FORENAMES));
    /* A birth date is read as the search reads one (11/6/82 is 1982), not as a diary date. */
    const char *dob = tui_form_value(fm, F_DOB);
    if (!date_parse_past(dob, c->app->clock.today, &p->date_of_birth)) {
        char why[300]; /* in the words of every date prompt: "31/02/1982: 31 February is not a date" */
        if (cal_date_problem(dob, why, sizeof why))
            snprintf(msg, len, "date of birth: %s", why);
        else
            snprintf(msg, len, "date of birth: '%s' is not a date (11/06/1982, 11/6/82 or 1982-06-11)", dob);
        return F_DOB;
    }
    const char *crn = tui_form_value(fm, F_CRN);
    /* A provisional reference made by an earlier check is kept while the CRN is left empty. */
    snprintf(p->crn, sizeof p->crn, "%s", crn[0] ? crn : (ref_is_provisional(keep_crn) ? keep_crn : ""));
    snprintf(p->pnc, sizeof p->pnc, "%s", tui_form_value(fm, F_PNC));
    snprintf(p->address, sizeof p->address, "%s", tui_form_value(fm, F_ADDRESS));
    snprintf(p->phone, sizeof p->phone, "%s", tui_form_value(fm, F_PHONE));
    snprintf(f->court, sizeof f->court, "%s", tui_form_value(fm, F_COURT));
    if (!typed_date(c, tui_form_value(fm, F_SENTENCE), &f->sentence_date)) {
        char why[300];
        snprintf(msg, len, "sentence date: %s", cal_typed_problem(tui_form_value(fm, F_SENTENCE), why, sizeof why));
        return F_SENTENCE;
    }
    snprintf(f->order_type, sizeof f->order_type, "%s", ref_lookup(&REF_ORDER_TYPES, tui_form_value(fm, F_ORDER)));
    add_req(f, "W", tui_form_value(fm, F_UPW), "");
    add_req(f, "F", tui_form_value(fm, F_RAR), "");
    add_req(f, "RM38", "", tui_form_value(fm, F_PROGRAMME));
    add_req(f, "M", tui_form_value(fm, F_CURFEW), "");
    intake_parse_rosh(tui_form_value(fm, F_ROSH), &f->rosh);
    cl_err err = {0};
    if (intake_parse_flags(tui_form_value(fm, F_FLAGS), f, &err) != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        return F_FLAGS;
    }
    /* The case's office: the court duty officer's own. */
    cl_staff me;
    if (!c->app->officer[0] || store_get_staff(c->app->store, c->app->officer, &me, &err) != CL_OK) {
        snprintf(msg, len, "who is taking the case? start caseload with --officer CODE");
        return F_SURNAME;
    }
    snprintf(p->office, sizeof p->office, "%s", me.office);
    return -1;
}

/* Which field an error message from the core is about. */
int intake_field_of(const char *msg)
{
    static const struct {
        const char *prefix;
        int field;
    } map[] = {{"surname", F_SURNAME}, {"forenames", F_FORENAMES}, {"date of birth", F_DOB},
               {"CRN", F_CRN}, {"PNC", F_PNC}, {"sentence date", F_SENTENCE}, {"order type", F_ORDER},
               {"flags", F_FLAGS}, {"type", F_FLAGS}, {"requirement W", F_UPW}, {"requirement F", F_RAR},
               {"requirement M", F_CURFEW}, {"requirement", F_UPW}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(msg, map[i].prefix, strlen(map[i].prefix)))
            return map[i].field;
    return F_SURNAME;
}

tui_view *intake_fields_new(intake_view *iv, tui_form_save_fn save)
{
    tui_field fields[F_N] = {
        [F_SURNAME] = {"Surname", 30, {"", 0, false}, "family name as given in court", v_required},
        [F_FORENAMES] = {"Forenames", 30, {"", 0, false}, NULL, v_required},
        [F_DOB] = {"Date of birth", 12, {"", 0, false}, "11/06/1982, 11/6/82 or 1982-06-11", v_date},
        [F_CRN] = {"CRN", 10, {"", 0, false}, "leave empty when not known: a provisional reference is given", NULL},
        [F_PNC] = {"PNC", 16, {"", 0, false}, "e.g. 2001/0123456A", NULL},
        [F_ADDRESS] = {"Address", 0, {"", 0, false}, NULL, NULL},
        [F_PHONE] = {"Phone", 16, {"", 0, false}, NULL, NULL},
        [F_COURT] = {"Court", 0, {"", 0, false}, NULL, NULL},
        [F_SENTENCE] = {"Sentence date", 12, {"", 0, false}, "today, 2026-12-03 or 03/12/2026", v_date},
        [F_ORDER] = {"Order type", 6, {"", 0, false}, "CO community order, SSO suspended, LIC licence, PSS", v_order},
        [F_UPW] = {"Unpaid work hours", 6, {"", 0, false}, "40 to 300, or empty", v_upw},
        [F_RAR] = {"RAR days", 6, {"", 0, false}, "maximum days, or empty", v_rar},
        [F_PROGRAMME] = {"Programme", 30, {"", 0, false}, "e.g. Building Better Relationships, or empty", NULL},
        [F_CURFEW] = {"Curfew months", 6, {"", 0, false}, "or empty", v_curfew},
        [F_ROSH] = {"RoSH screening", 10, {"", 0, false}, "L, M, H or VH; empty when not screened", v_rosh},
        [F_FLAGS] = {"Flags", 0, {"", 0, false}, "e.g. DA CC CP STAFF RSO NRSO MAPPA 2/2 (codes or labels)", NULL},
    };
    tui_text_set(&fields[F_SENTENCE].text, "today");
    tui_text_set(&fields[F_ORDER].text, "CO");
    return tui_form_new("new case: court intake", fields, F_N, save, iv);
}
