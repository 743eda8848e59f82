/* Court intake (`n`): a short form, then the duplicate check (the existing
 * person is shown instead), then the proposal (officer and first appointment,
 * worked out by a dry run of the very save that follows), then one save that
 * books the appointment and prints the slip. One view whose ops switch with
 * the stage: while the form is up it is the form (its keys, its hints). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/alloc.h"
#include "caseload/intake.h"
#include "caseload/pnc.h"
#include "caseload/slip.h"
#include "caseload/store_staff.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "caseload/workload.h"
#include "tui/tui_int.h"

enum {
    F_SURNAME, F_FORENAMES, F_DOB, F_CRN, F_PNC, F_ADDRESS, F_PHONE, F_COURT, F_SENTENCE,
    F_ORDER, F_UPW, F_RAR, F_PROGRAMME, F_CURFEW, F_ROSH, F_FLAGS, F_N
};

typedef enum { ST_FORM, ST_DUPS, ST_CONFIRM, ST_DONE } stage;

typedef struct intake_view {
    tui_view view;
    tui_view *form;       /* the form view, kept while the intake is open */
    stage st;
    bool advanced;        /* the form's save moved us on: do not close */
    intake_form f;
    intake_result r;
    char override[CL_TEXT_LEN];
    char officer_line[256], slip_path[4096], done_msg[512];
    bool slip_sent;
    size_t dup_sel; /* the possible duplicate Enter opens */
} intake_view;

static const tui_view_ops form_ops, stage_ops;

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
static bool v_number(const char *v, char *msg, size_t len, void *arg)
{
    (void)arg;
    if (!v[0])
        return true;
    char *end;
    double d = strtod(v, &end);
    if (*end || d < 0) {
        snprintf(msg, len, "a number, or empty");
        return false;
    }
    return true;
}
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
    r->length = length[0] ? strtod(length, NULL) : -1;
    snprintf(r->subtype, sizeof r->subtype, "%s", subtype);
}

/* The form into iv->f; -1 when fine, else the field to fix with msg. */
static int read_form(tui_ctx *c, tui_form *fm, intake_view *iv, char *msg, size_t len)
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
    if (!date_parse_past(tui_form_value(fm, F_DOB), c->app->clock.today, &p->date_of_birth)) {
        snprintf(msg, len, "date of birth: not a date (11/06/1982, 11/6/82 or 1982-06-11)");
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
static int field_of(const char *msg)
{
    static const struct {
        const char *prefix;
        int field;
    } map[] = {{"surname", F_SURNAME}, {"forenames", F_FORENAMES}, {"date of birth", F_DOB},
               {"CRN", F_CRN}, {"sentence date", F_SENTENCE}, {"order type", F_ORDER},
               {"flags", F_FLAGS}, {"type", F_FLAGS}, {"requirement", F_UPW}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(msg, map[i].prefix, strlen(map[i].prefix)))
            return map[i].field;
    return F_SURNAME;
}

/* The dry run: what saving would do. Moves to the duplicates or the proposal. */
static int propose(tui_ctx *c, intake_view *iv, char *msg, size_t len)
{
    cl_err err = {0};
    intake_form f = iv->f;
    f.override = iv->override[0] ? iv->override : NULL;
    int rc = intake_save(c->app, &f, true, &iv->r, &err);
    if (rc == CL_EDATA && iv->r.dups.n && !iv->f.not_duplicate) {
        iv->st = ST_DUPS;
        iv->dup_sel = 0;
        return -1;
    }
    if (rc != CL_OK) {
        snprintf(msg, len, "%s", err.msg);
        return field_of(err.msg);
    }
    /* Keep the reference and the officer the dry run chose: the save uses the same. */
    snprintf(iv->f.person.crn, sizeof iv->f.person.crn, "%s", iv->r.crn);
    iv->st = ST_CONFIRM;
    return -1;
}

static int form_saved(tui_ctx *c, tui_form *fm, void *arg, char *msg, size_t len)
{
    intake_view *iv = arg;
    int bad = read_form(c, fm, iv, msg, len);
    if (bad >= 0)
        return bad;
    bad = propose(c, iv, msg, len);
    if (bad < 0)
        iv->advanced = true;
    return bad;
}

/* ---- the form stage: the form's own behaviour ---- */

static void form_title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    intake_view *iv = (intake_view *)v;
    iv->form->ops->title(iv->form, c, buf, len);
}
static void form_draw(tui_view *v, tui_ctx *c, tui_rect r)
{
    intake_view *iv = (intake_view *)v;
    iv->form->ops->draw(iv->form, c, r);
}
static tui_result form_action(tui_view *v, tui_ctx *c, tui_action a)
{
    intake_view *iv = (intake_view *)v;
    iv->advanced = false;
    tui_result r = iv->form->ops->action(iv->form, c, a);
    if (r == TR_BACK && iv->advanced) {
        iv->view.ops = &stage_ops;
        c->msg[0] = '\0';
        return TR_NONE;
    }
    return r;
}
static tui_text *form_text(tui_view *v)
{
    intake_view *iv = (intake_view *)v;
    return iv->form->ops->text ? iv->form->ops->text(iv->form) : NULL;
}
static void form_changed(tui_view *v, tui_ctx *c)
{
    intake_view *iv = (intake_view *)v;
    if (iv->form->ops->text_changed)
        iv->form->ops->text_changed(iv->form, c);
}
static void destroy(tui_view *v)
{
    intake_view *iv = (intake_view *)v;
    if (iv->form)
        iv->form->ops->destroy(iv->form);
    free(iv);
}

static const tui_view_ops form_ops = {"form", NULL, form_title, form_draw, form_action, destroy,
                                      form_text, form_changed};

/* ---- the later stages ---- */

/* What each stage's keys do: the line under the stage, and the keys it
 * offers (the bottom line's too: a key of another stage is neither hinted
 * nor taken). The key names come from the keymap. */
static const tui_key_line DUP_KEYS[] = {{TA_OPEN, "open the record"},
                                        {TA_INTAKE_NOT_DUP, "not the same person, a new case"},
                                        {TA_INTAKE_EDIT, "edit"}, {TA_BACK, "cancel"}};
static const tui_key_line CONFIRM_KEYS[] = {{TA_INTAKE_SAVE, "save, book and print the slip"},
                                            {TA_INTAKE_OFFICER, "another officer"}, {TA_INTAKE_EDIT, "edit"},
                                            {TA_BACK, "cancel"}};
static const tui_key_line DONE_KEYS[] = {{TA_OPEN, "open the new record"}, {TA_BACK, "back"},
                                         {TA_NEW_CASE, "another new case"}};
static const struct {
    const tui_key_line *keys;
    size_t n;
} STAGE_KEYS[] = {[ST_FORM] = {NULL, 0},
                  [ST_DUPS] = {DUP_KEYS, sizeof DUP_KEYS / sizeof *DUP_KEYS},
                  [ST_CONFIRM] = {CONFIRM_KEYS, sizeof CONFIRM_KEYS / sizeof *CONFIRM_KEYS},
                  [ST_DONE] = {DONE_KEYS, sizeof DONE_KEYS / sizeof *DONE_KEYS}};

/* The actions only some stages take; the others (help, the diary) work in every one. */
static bool staged(tui_action a)
{
    return a == TA_OPEN || a == TA_NEW_CASE || a == TA_INTAKE_SAVE || a == TA_INTAKE_OFFICER ||
           a == TA_INTAKE_EDIT || a == TA_INTAKE_NOT_DUP;
}

static bool intake_offers(tui_view *v, tui_action a)
{
    intake_view *iv = (intake_view *)v;
    if (iv->st == ST_FORM || !staged(a))
        return true;
    for (size_t i = 0; i < STAGE_KEYS[iv->st].n; i++)
        if (STAGE_KEYS[iv->st].keys[i].action == a)
            return true;
    return false;
}

/* The stage's keys in words, from row y, wrapped to fit. */
static void stage_keys(intake_view *iv, int y, tui_rect r)
{
    tui_put_keys(&iv->view, y, r.y + r.h - 1, r.x + 1, r.w - 2, A_NORMAL, STAGE_KEYS[iv->st].keys,
                 STAGE_KEYS[iv->st].n);
}

static void stage_title(tui_view *v, tui_ctx *c, char *buf, size_t len)
{
    (void)c;
    intake_view *iv = (intake_view *)v;
    static const char *const t[] = {"new case", "new case: possible duplicate", "new case: check and save",
                                    "new case: saved"};
    snprintf(buf, len, "%s", t[iv->st]);
}

/* One line of the stage, wrapped at a blank onto the rows below (indented
 * under the first) when wider than the screen: nothing cut at 80 columns. */
static int line(int y, tui_rect r, int attr, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int line(int y, tui_rect r, int attr, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    const char *p = buf;
    int w = r.w - 2, indent = 0;
    while (y < r.y + r.h) {
        size_t fit = tw_prefix_bytes(p, w - indent);
        if (p[fit] && y + 1 < r.y + r.h) { /* break after the last blank that fits */
            size_t sp = fit;
            while (sp > 0 && p[sp] != ' ')
                sp--;
            fit = sp > 0 ? sp : fit;
        } else {
            fit = strlen(p); /* the last row: tui_put cuts what is left, with '~' */
        }
        char row[1024];
        snprintf(row, sizeof row, "%.*s", (int)fit, p);
        tui_put(y++, r.x + 1 + indent, w - indent, attr, row);
        p += fit;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        indent = 4;
    }
    return y;
}

static void draw_dups(intake_view *iv, tui_ctx *c, tui_rect r)
{
    int y = r.y + 1;
    y = line(y, r, tui_attr(c, TC_WARN) | A_BOLD, "This person may already be held: open the existing record instead.");
    y++;
    for (size_t i = 0; i < iv->r.dups.n; i++) {
        const dup_match *m = &iv->r.dups.items[i];
        bool sel = i == iv->dup_sel;
        char dob[CL_DATE_LEN];
        risk_summary rs;
        cl_err err = {0};
        bool have = risk_summary_load(c->app->store, m->crn, c->app->clock.today, &rs, &err) == CL_OK;
        char flags[160] = "";
        if (have)
            risk_flags_short(&rs, flags, sizeof flags);
        y = line(y, r, sel ? tui_attr(c, TC_SELECTED) : (int)A_BOLD, "%s %s  %s %s  born %s%s%s", sel ? ">" : " ", m->crn, m->forenames, m->surname,
                 date_format(m->date_of_birth, dob), m->pnc[0] ? "  PNC " : "", m->pnc);
        if (have)
            y = line(y, r, tui_attr(c, tui_rosh_colour(rs.rosh)), "    %s%s%s", risk_rosh_banner(rs.rosh),
                     flags[0] ? "  " : "", flags);
        y = line(y, r, A_NORMAL, "    %s, officer %s, office %s; matched by %s", m->status,
                 m->officer[0] ? m->officer : "none", m->office,
                 m->why == (DUP_BY_NAME | DUP_BY_PNC) ? "PNC, name and date of birth"
                 : m->why & DUP_BY_PNC             ? "PNC"
                                                   : "name and date of birth");
    }
    stage_keys(iv, y + 1, r);
}

static void draw_confirm(intake_view *iv, tui_ctx *c, tui_rect r)
{
    const intake_form *f = &iv->f;
    const intake_result *res = &iv->r;
    int y = r.y + 1;
    char dob[16], sent[16], name[2 * CL_NAME_LEN];
    y = line(y, r, A_BOLD, "%s %s  born %s", res->crn, cl_offender_name(&f->person, name, sizeof name),
             date_format_long(f->person.date_of_birth, dob));
    if (res->provisional)
        y = line(y, r, A_NORMAL, "  provisional reference: replace it with the CRN when known (caseload set-crn)");
    /* The PNC as it will be stored, so a short year is seen as it was read. */
    char pnc[32];
    if (!pnc_normalise(f->person.pnc, c->app->clock.today, pnc, sizeof pnc))
        y = line(y, r, A_NORMAL, "  PNC: none");
    else if (strcmp(pnc, f->person.pnc))
        y = line(y, r, A_NORMAL, "  PNC %s (typed %s)", pnc, f->person.pnc);
    else
        y = line(y, r, A_NORMAL, "  PNC %s", pnc);
    y = line(y, r, A_NORMAL, "%s, sentenced %s%s%s", ref_name(&REF_ORDER_TYPES, f->order_type),
             date_format_long(f->sentence_date, sent), f->court[0] ? " at " : "", f->court);
    for (size_t i = 0; i < f->nreqs; i++) {
        const intake_req *q = &f->reqs[i];
        if (q->length > 0)
            y = line(y, r, A_NORMAL, "  %s: %g %s", ref_name(&REF_REQUIREMENT_TYPES, q->type), q->length,
                     intake_req_unit(q->type));
        else
            y = line(y, r, A_NORMAL, "  %s: %s", ref_name(&REF_REQUIREMENT_TYPES, q->type), q->subtype);
    }
    /* In the words the saved registration will have (MAPPA with its category and level). */
    char flags[512] = "";
    for (size_t i = 0; i < f->nflags; i++) {
        const risk_regtype *t = risk_type(f->flags[i].type);
        risk_flag rf = {.type = t};
        snprintf(rf.category, sizeof rf.category, "%s", f->flags[i].category);
        snprintf(rf.level, sizeof rf.level, "%s", f->flags[i].level);
        char words[96];
        size_t u = strlen(flags);
        snprintf(flags + u, sizeof flags - u, "%s%s", u ? "; " : "",
                 t ? risk_flag_words(&rf, words, sizeof words) : f->flags[i].type);
    }
    y = line(y, r, tui_attr(c, tui_rosh_colour(f->rosh)) | A_BOLD, "%s%s%s", risk_rosh_banner(f->rosh),
             flags[0] ? "  " : "", flags);
    y++;
    cl_staff s;
    cl_err err = {0};
    wl_officer w;
    bool have = store_get_staff(c->app->store, res->officer, &s, &err) == CL_OK;
    bool wl = have && wl_officer_load(c->app, res->officer, &w, &err) == CL_OK;
    y = line(y, r, A_BOLD, "Officer: %s %s (%s)%s", res->officer, have ? s.name : "", have ? s.grade : "",
             res->proposed ? ", proposed: allowed by the rules, lowest workload" : "");
    if (wl)
        y = line(y, r, A_NORMAL, "  workload now %d%%%s%s", w.percent, w.band ? " " : "", wl_band_word(w.band));
    if (res->breaches) {
        char why[512];
        alloc_case ac = {.rosh = f->rosh};
        alloc_explain(res->breaches, have ? s.grade : "", &ac, why, sizeof why);
        const char *save = tui_action_key(&iv->view, TA_INTAKE_SAVE);
        y = line(y, r, tui_attr(c, TC_WARN) | A_BOLD, "  AGAINST THE RULES (%s): %s asks for the reason", why,
                 save ? save : "saving");
    }
    cl_office o;
    memset(&o, 0, sizeof o);
    store_get_office(c->app->store, res->appt_office, &o, &err);
    char day[16], t1[CL_TIME_LEN], t2[CL_TIME_LEN];
    y = line(y, r, A_BOLD, "First appointment: %s %s-%s at %s", date_format_long(res->appt_date, day),
             time_format(res->appt_start, t1), time_format(res->appt_end, t2), o.name[0] ? o.name : res->appt_office);
    if (res->warnings[0])
        y = line(y, r, tui_attr(c, TC_WARN), "  %s", res->warnings);
    stage_keys(iv, y + 1, r);
}

static void draw_done(intake_view *iv, tui_ctx *c, tui_rect r)
{
    int y = r.y + 1;
    y = line(y, r, tui_attr(c, TC_INFO) | A_BOLD, "%s", iv->done_msg);
    y++;
    if (iv->slip_path[0]) {
        y = line(y, r, A_NORMAL, "Appointment slip %s:", iv->slip_sent ? "sent to the printer and saved" : "saved (no printer found)");
        y = line(y, r, A_BOLD, "  %s", iv->slip_path);
    }
    stage_keys(iv, y + 1, r);
}

static void stage_draw(tui_view *v, tui_ctx *c, tui_rect r)
{
    intake_view *iv = (intake_view *)v;
    if (iv->st == ST_DUPS)
        draw_dups(iv, c, r);
    else if (iv->st == ST_CONFIRM)
        draw_confirm(iv, c, r);
    else
        draw_done(iv, c, r);
}

static void to_form(intake_view *iv)
{
    iv->st = ST_FORM;
    iv->view.ops = &form_ops;
}

static void do_save(tui_ctx *c, intake_view *iv)
{
    cl_err err = {0};
    intake_form f = iv->f;
    snprintf(f.officer, sizeof f.officer, "%s", iv->r.officer);
    f.override = iv->override[0] ? iv->override : NULL;
    intake_result res;
    if (intake_save(c->app, &f, false, &res, &err) != CL_OK) {
        tui_message(c, TM_ERROR, "not saved: %s", err.msg);
        return;
    }
    iv->r = res;
    char day[16], t1[CL_TIME_LEN];
    snprintf(iv->done_msg, sizeof iv->done_msg, "Saved %s, allocated to %s; first appointment %s %s.", res.crn,
             res.officer, date_format_long(res.appt_date, day), time_format(res.appt_start, t1));
    iv->st = ST_DONE;
    if (slip_print(c->app, res.appt_id, iv->slip_path, sizeof iv->slip_path, &iv->slip_sent, &err) != CL_OK)
        tui_message(c, TM_ERROR, "saved, but the slip was not printed: %s", err.msg);
}

static void override_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    intake_view *iv = arg;
    if (!ok || !text[0]) {
        tui_message(c, TM_WARN, "not saved: allocating against the rules needs a reason");
        return;
    }
    snprintf(iv->override, sizeof iv->override, "%s", text);
    do_save(c, iv);
}

static void officer_done(tui_ctx *c, void *arg, const char *text, bool ok)
{
    intake_view *iv = arg;
    if (!ok || !text[0])
        return;
    char was[CL_CODE_LEN];
    snprintf(was, sizeof was, "%s", iv->f.officer);
    snprintf(iv->f.officer, sizeof iv->f.officer, "%s", text);
    case_code_normalise(iv->f.officer); /* po1 is PO1, as on the command line */
    iv->override[0] = '\0';
    char msg[512];
    if (propose(c, iv, msg, sizeof msg) >= 0) {
        snprintf(iv->f.officer, sizeof iv->f.officer, "%s", was);
        tui_message(c, TM_ERROR, "%s", msg);
    }
}

/* y to "Discard the typed text?" from the duplicate check or the proposal:
 * the intake is on top (the question took the key). */
static void discard_yes(tui_ctx *c, void *arg)
{
    (void)arg;
    tui_pop(c);
    tui_message(c, TM_INFO, "not saved: the typed text is discarded");
}

static tui_result stage_action(tui_view *v, tui_ctx *c, tui_action a)
{
    intake_view *iv = (intake_view *)v;
    switch (a) {
    case TA_OPEN:
        if (iv->st == ST_DUPS && iv->r.dups.n)
            tui_push(c, tui_record_new(c, iv->r.dups.items[iv->dup_sel].crn));
        else if (iv->st == ST_DONE)
            tui_push(c, tui_record_new(c, iv->r.crn));
        return TR_NONE;
    case TA_DOWN:
        if (iv->st == ST_DUPS && iv->dup_sel + 1 < iv->r.dups.n)
            iv->dup_sel++;
        return TR_NONE;
    case TA_UP:
        if (iv->st == ST_DUPS && iv->dup_sel > 0)
            iv->dup_sel--;
        return TR_NONE;
    case TA_INTAKE_EDIT:
        if (iv->st == ST_DONE)
            return TR_UNHANDLED;
        to_form(iv);
        return TR_NONE;
    case TA_INTAKE_NOT_DUP:
        if (iv->st != ST_DUPS)
            return TR_NONE;
        iv->f.not_duplicate = true;
        char msg[512];
        if (propose(c, iv, msg, sizeof msg) >= 0) {
            tui_message(c, TM_ERROR, "%s", msg);
            to_form(iv);
        }
        return TR_NONE;
    case TA_INTAKE_OFFICER:
        if (iv->st == ST_CONFIRM)
            tui_prompt_start(c, "Officer (staff code): ", iv->r.officer, NULL, officer_done, iv);
        return TR_NONE;
    case TA_INTAKE_SAVE:
        if (iv->st != ST_CONFIRM)
            return TR_NONE;
        if (iv->r.breaches && !iv->override[0])
            tui_prompt_text(c, "Against the allocation rules. Reason: ", override_done, iv);
        else
            do_save(c, iv);
        return TR_NONE;
    case TA_NEW_CASE:
        return iv->st == ST_DONE ? TR_UNHANDLED : TR_NONE;
    case TA_BACK:
        if (iv->st == ST_DONE)
            return TR_UNHANDLED;
        /* Not saved yet: going back would throw the typed form away. */
        tui_confirm(c, TUI_DISCARD_KEYS, TUI_DISCARD_QUESTION, discard_yes, iv);
        return TR_NONE;
    default: return TR_UNHANDLED;
    }
}

/* Until saved, the typed case is lost if the screens close: on the form
 * when anything was typed (as Esc asks), always at the duplicate check and
 * the proposal (the form was filled in to get there). */
static bool intake_unsaved(tui_view *v)
{
    intake_view *iv = (intake_view *)v;
    if (iv->st == ST_FORM)
        return tui_form_unsaved(iv->form);
    return iv->st != ST_DONE;
}

static const char *const stage_keymaps[] = {"list", NULL};
static const tui_view_ops stage_ops = {"intake", stage_keymaps, stage_title, stage_draw, stage_action, destroy, NULL, NULL};

tui_view *tui_intake_new(tui_ctx *c)
{
    (void)c;
    intake_view *iv = calloc(1, sizeof *iv);
    if (!iv)
        return NULL;
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
        [F_UPW] = {"Unpaid work hours", 6, {"", 0, false}, "40 to 300, or empty", v_number},
        [F_RAR] = {"RAR days", 6, {"", 0, false}, "maximum days, or empty", v_number},
        [F_PROGRAMME] = {"Programme", 30, {"", 0, false}, "e.g. Building Better Relationships, or empty", NULL},
        [F_CURFEW] = {"Curfew months", 6, {"", 0, false}, "or empty", v_number},
        [F_ROSH] = {"RoSH screening", 10, {"", 0, false}, "L, M, H or VH; empty when not screened", v_rosh},
        [F_FLAGS] = {"Flags", 0, {"", 0, false}, "e.g. DA CC CP STAFF RSO NRSO MAPPA 2/2 (codes or labels)", NULL},
    };
    tui_text_set(&fields[F_SENTENCE].text, "today");
    tui_text_set(&fields[F_ORDER].text, "CO");
    iv->form = tui_form_new("new case: court intake", fields, F_N, form_saved, iv);
    if (!iv->form) {
        free(iv);
        return NULL;
    }
    iv->view.unsaved = intake_unsaved;
    iv->view.offers = intake_offers;
    to_form(iv);
    return &iv->view;
}
