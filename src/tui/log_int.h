/* The log-contact form's private parts, shared by the view (view_log.c: the
 * screen, the keys, the draft) and its fields (log_fields.c: what each field
 * shows and how it is changed). */
#ifndef CASELOAD_TUI_LOG_INT_H
#define CASELOAD_TUI_LOG_INT_H

#include <time.h>

#include "caseload/contacts.h"
#include "caseload/ref.h"
#include "caseload/risk.h"
#include "tui/tui_int.h"

/* The fields in screen order; F_RESPOND shows only for an action that waits
 * for the person's response (EA12), F_END only for an appointment type. */
enum { F_TYPE, F_OUTCOME, F_ACTION, F_RESPOND, F_ORDER, F_DATE, F_TIME, F_END, F_RAR, F_SENSITIVE, F_NOTE, F_N };
#define MAX_ORDERS 32

typedef struct log_view {
    tui_view view;
    tui_ctx *c;
    cl_contact k;            /* the contact being written (k.notes unused: the editor holds it) */
    char name[CL_NAME_LEN * 2];
    risk_summary risk;
    const char *enforcement; /* enf_person.words as the form opened (static) */
    char context[200];
    int focus;
    bool editing;            /* keys go to the note */
    tui_editor ed;
    tui_text typed;          /* the frame types printable keys here; moved into ed at once */
    char who[64], crn[CL_CODE_LEN], ref[CL_ID_LEN];
    store_draft_key key;
    bool dirty;              /* changed since the draft was last saved */
    bool has_draft;          /* a draft row exists */
    bool draft_locked;       /* the last draft write found the database locked (said once) */
    bool close_refused;      /* a close was refused for it: the next one asks y/N */
    struct timespec saved_at;
    char draft_note[48];     /* "draft saved 10:02" */
    char editor_file[4096];  /* the $EDITOR's file while it is open, named in the draft */
    cl_date started;         /* when the form opened: "today, now" in a draft */
    int started_min;
    char opened[512];        /* the fields as the form opened (contact_draft_fields): any change is typed text */
    bool order_chosen;       /* the officer chose the order: a new date keeps it */
    cl_order *orders;        /* the person's orders, newest first */
    size_t norders;
    char order_words[MAX_ORDERS][112];
} log_view;

/* The words said once, and kept beside the note, while another program holds
 * the lock and the draft waits in the form. */
#define LOG_DRAFT_LOCKED "draft not saved yet: database in use"

/* The field's label, whether it is shown for this contact, and the next
 * shown field after (dir 1) or before (dir -1) f, wrapping. */
const char *log_field_label(int f);
bool log_field_shown(const log_view *v, int f);
int log_field_step(const log_view *v, int f, int dir);
/* A code's name in set ("" for none): the words beside a code. */
const char *log_code_name(const ref_set *set, const char *code);
/* What field f shows, in words. */
void log_field_value(const log_view *v, int f, char *buf, size_t len);
/* Enter on the focused field: a picker, a prompt, or a toggle said aloud. */
tui_result log_field_enter(log_view *v);
/* A field changed: the draft is written (now, or within a second). */
void log_changed(log_view *v, bool now);

#endif
