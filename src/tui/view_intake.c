/* Court intake (`n`): a short form, then the duplicate check (the existing
 * person is shown instead), then the proposal (officer and first appointment,
 * worked out by a dry run of the very save that follows), then one save that
 * books the appointment and prints the slip. One view whose ops switch with
 * the stage: while the form is up it is the form (its keys, its hints).
 * Here the stages and their keys; the form's fields are in intake_fields.c,
 * what the later stages show in intake_stages.c. */
#include <stdio.h>
#include <stdlib.h>

#include "caseload/case_open.h"
#include "caseload/slip.h"
#include "tui/intake_int.h"

static const tui_view_ops form_ops, stage_ops;

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
        return intake_field_of(err.msg);
    }
    /* Keep the reference and the officer the dry run chose: the save uses the same. */
    snprintf(iv->f.person.crn, sizeof iv->f.person.crn, "%s", iv->r.crn);
    iv->st = ST_CONFIRM;
    return -1;
}

static int form_saved(tui_ctx *c, tui_form *fm, void *arg, char *msg, size_t len)
{
    intake_view *iv = arg;
    int bad = intake_fields_read(c, fm, iv, msg, len);
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

/* ---- the later stages: their keys (intake_stages.c draws them) ---- */

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
        int bad = propose(c, iv, msg, sizeof msg);
        if (bad >= 0) { /* back to the field to fix (a PNC another person holds) */
            to_form(iv);
            tui_form_refuse((tui_form *)iv->form, (size_t)bad, msg);
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
        tui_confirm(c, TUI_DISCARD_KEYS, TUI_DISCARD_QUESTION, tui_discard_top, iv);
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
static const tui_view_ops stage_ops = {"intake", stage_keymaps, intake_stage_title, intake_stage_draw, stage_action,
                                       destroy, NULL, NULL};

tui_view *tui_intake_new(tui_ctx *c)
{
    (void)c;
    intake_view *iv = calloc(1, sizeof *iv);
    if (!iv)
        return NULL;
    iv->form = intake_fields_new(iv, form_saved);
    if (!iv->form) {
        free(iv);
        return NULL;
    }
    iv->view.unsaved = intake_unsaved;
    iv->view.offers = intake_stage_offers;
    to_form(iv);
    return &iv->view;
}
