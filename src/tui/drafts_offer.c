/* At start: the newest unsaved contact note of this officer is offered back
 * (after a crash, a killed terminal or a kill of the editor), before
 * anything else is done; one for a case closed since is shown read-only. */
#include <stdio.h>
#include <string.h>

#include "caseload/case_open.h"
#include "caseload/draft_editor.h"
#include "caseload/model.h"
#include "caseload/store_draft.h"
#include "tui/tui_int.h"

typedef struct offer {
    char crn[CL_CODE_LEN], ref[CL_ID_LEN], at[20];
    bool found;
} offer;

static bool first_draft(void *arg, const store_draft_info *d)
{
    offer *o = arg;
    if (strcmp(d->kind, DRAFT_KIND_CONTACT) || !d->body_len) /* nothing typed: nothing to offer */
        return true;
    snprintf(o->crn, sizeof o->crn, "%s", d->crn);
    snprintf(o->ref, sizeof o->ref, "%s", d->ref);
    snprintf(o->at, sizeof o->at, "%s", d->updated_at);
    o->found = true;
    return false;
}

static offer pending;

static void recover(tui_ctx *c, void *arg)
{
    (void)arg;
    tui_push(c, tui_log_new(c, pending.crn, pending.ref[0] ? pending.ref : NULL, NULL));
}

void tui_drafts_offer(tui_ctx *c)
{
    memset(&pending, 0, sizeof pending);
    cl_err err = {0};
    /* A note left in the editor's file by a killed caseload goes into its
     * draft first, so the offer below brings it back. */
    size_t from_editor = 0;
    if (draft_editor_recover(c->app->store, c->app->who, &from_editor, &err) != CL_OK)
        tui_message(c, TM_ERROR, "a note left in the editor was not recovered: %s", err.msg);
    if (store_draft_each(c->app->store, c->app->who, first_draft, &pending, &err) != CL_OK || !pending.found)
        return;
    /* A case closed since takes no contact: its note cannot be saved, so it
     * is shown to be copied (or discarded), never offered to a form. */
    cl_err closed = {0};
    if (case_check_open(c->app->store, pending.crn, &closed) == CL_EDATA) {
        tui_view *v = tui_draft_closed_new(c, pending.crn, pending.ref, closed.msg);
        if (v)
            tui_push(c, v);
        return;
    }
    /* Its keys only: a letter typed meaning the list beneath is not an answer. */
    char question[32 + CL_CODE_LEN], later[96 + CL_CODE_LEN];
    snprintf(question, sizeof question, "Recover unsaved note for %s?", pending.crn);
    tui_ask(c, TUI_DRAFT_KEYS, question, recover, NULL);
    snprintf(later, sizeof later, "the draft is kept: it comes back when you log a contact for %s", pending.crn);
    tui_confirm_no_words(c, later);
}
