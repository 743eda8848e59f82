/* The court intake's later stages on the screen: the possible duplicates,
 * the proposal (officer, first appointment, anything against the rules),
 * the saved case with its slip; and the keys each stage offers, in words
 * under it and on the bottom line. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/limits.h"
#include "caseload/numtext.h"
#include "caseload/pnc.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"
#include "caseload/workload.h"
#include "tui/intake_int.h"

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

bool intake_stage_offers(tui_view *v, tui_action a)
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

void intake_stage_title(tui_view *v, tui_ctx *c, char *buf, size_t len)
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
        char len[NUM_TEXT_LEN];
        if (q->length > 0)
            y = line(y, r, A_NORMAL, "  %s: %s %s", ref_name(&REF_REQUIREMENT_TYPES, q->type),
                     num_format(q->length, len, sizeof len), limit_req_unit(q->type));
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

void intake_stage_draw(tui_view *v, tui_ctx *c, tui_rect r)
{
    intake_view *iv = (intake_view *)v;
    if (iv->st == ST_DUPS)
        draw_dups(iv, c, r);
    else if (iv->st == ST_CONFIRM)
        draw_confirm(iv, c, r);
    else
        draw_done(iv, c, r);
}

