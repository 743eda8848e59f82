/* The court intake's private parts, shared by the view (view_intake.c: the
 * stages, their keys, the dry run and the save), its form's fields
 * (intake_fields.c: the table, the checks, reading what was typed) and the
 * later stages' screens (intake_stages.c: what each shows, which keys it
 * offers). */
#ifndef CASELOAD_TUI_INTAKE_INT_H
#define CASELOAD_TUI_INTAKE_INT_H

#include "caseload/intake.h"
#include "tui/tui_int.h"

/* The form's fields in screen order. */
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

/* The form of the first stage (each field with its check); save is called
 * with iv when the officer saves it. NULL when out of memory. */
tui_view *intake_fields_new(intake_view *iv, tui_form_save_fn save);
/* The typed form into iv->f: -1 when fine, else the field to fix with msg. */
int intake_fields_read(tui_ctx *c, tui_form *fm, intake_view *iv, char *msg, size_t len);
/* Which field an error message from the core is about. */
int intake_field_of(const char *msg);

/* The later stages (duplicates, proposal, saved): the title, the screen,
 * and whether the stage offers action a (tui_view.offers). */
void intake_stage_title(tui_view *v, tui_ctx *c, char *buf, size_t len);
void intake_stage_draw(tui_view *v, tui_ctx *c, tui_rect r);
bool intake_stage_offers(tui_view *v, tui_action a);

#endif
