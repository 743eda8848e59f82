/* The keymap: the single source for key handling, the `?` help screen, the
 * hint bar, `caseload --keys` and the man page check (tests/ui/test_keys.sh).
 * Order matters: help and the hint bar list rows in this order. */
#include <string.h>

#include "tui/tui_int.h"

#define F(k) TUI_FN(k)
#define C(ch) TUI_CTRL(ch)

const tui_binding TUI_KEYMAP[] = {
    /* everywhere */
    {'?', "?", "global", TA_HELP, "show the keys of this screen and all others", "help"},
    {'q', "q", "global", TA_BACK, "go back to the previous screen; on the first screen, quit caseload", "back"},
    {TUI_ESC, "Esc", "global", TA_BACK, "go back to the previous screen (or cancel); never quits caseload", NULL},
    {'Q', "Q", "global", TA_QUIT, "quit caseload from any screen (a form with typed text asks first)", "quit"},
    {C('c'), "Ctrl-C", "global", TA_QUIT, "quit caseload, also in a text field (a form with typed text asks first)", NULL},
    {C('l'), "Ctrl-L", "global", TA_REDRAW, "redraw the screen", NULL},
    {'n', "n", "global", TA_NEW_CASE, "new case: court intake form", "new case"},
    {'U', "U", "global", TA_UNALLOCATED, "unallocated cases, oldest first", NULL},
    {'W', "W", "global", TA_WORKLOAD, "team workload, highest first", NULL},
    {'T', "T", "global", TA_TRANSFERS, "transfer cases (mark many) and pending transfers", NULL},
    {'D', "D", "global", TA_DIARY_OPEN, "open my diary at today", "diary"},
    {'O', "O", "global", TA_DUE_LIST, "open the due list: overdue first, then due this week, then later", "due"},

    /* every list */
    {F(KEY_DOWN), "Down", "list", TA_DOWN, "move down one row", NULL},
    {'j', "j", "list", TA_DOWN, "move down one row", NULL},
    {F(KEY_UP), "Up", "list", TA_UP, "move up one row", NULL},
    {'k', "k", "list", TA_UP, "move up one row", NULL},
    {'g', "g", "list", TA_TOP, "go to the first row", NULL},
    {F(KEY_HOME), "Home", "list", TA_TOP, "go to the first row", NULL},
    {'G', "G", "list", TA_BOTTOM, "go to the last row", NULL},
    {F(KEY_END), "End", "list", TA_BOTTOM, "go to the last row", NULL},
    {C('d'), "Ctrl-D", "list", TA_HALF_DOWN, "move down half a page", NULL},
    {C('u'), "Ctrl-U", "list", TA_HALF_UP, "move up half a page", NULL},
    {F(KEY_NPAGE), "PgDn", "list", TA_PAGE_DOWN, "move down one page", NULL},
    {F(KEY_PPAGE), "PgUp", "list", TA_PAGE_UP, "move up one page", NULL},
    {'\n', "Enter", "list", TA_OPEN, "open the selected row", "open"},
    {'\r', "Return", "list", TA_OPEN, "open the selected row", NULL},
    {F(KEY_ENTER), "KpEnter", "list", TA_OPEN, "open the selected row", NULL},

    /* text fields: the search prompt, questions and form fields */
    {F(KEY_LEFT), "Left", "text", TA_TEXT_LEFT, "move the cursor one character left", NULL},
    {F(KEY_RIGHT), "Right", "text", TA_TEXT_RIGHT, "move the cursor one character right", NULL},
    {F(KEY_HOME), "Home", "text", TA_TEXT_HOME, "move the cursor to the start", NULL},
    {F(KEY_END), "End", "text", TA_TEXT_END, "move the cursor to the end", NULL},
    {C('a'), "Ctrl-A", "text", TA_TEXT_HOME, "move the cursor to the start", NULL},
    {C('e'), "Ctrl-E", "text", TA_TEXT_END, "move the cursor to the end", NULL},
    {F(KEY_BACKSPACE), "Backspace", "text", TA_TEXT_BACKSPACE, "delete the character before the cursor", NULL},
    {127, "Del(127)", "text", TA_TEXT_BACKSPACE, "delete the character before the cursor", NULL},
    {C('h'), "Ctrl-H", "text", TA_TEXT_BACKSPACE, "delete the character before the cursor", NULL},
    {F(KEY_DC), "Delete", "text", TA_TEXT_DELETE, "delete the character under the cursor", NULL},
    {C('u'), "Ctrl-U", "text", TA_TEXT_CLEAR, "clear the field", NULL},

    /* the one-line prompt */
    {'\n', "Enter", "prompt", TA_PROMPT_ACCEPT, "accept (in a search: open the highlighted person)", "accept"},
    {'\r', "Return", "prompt", TA_PROMPT_ACCEPT, "accept", NULL},
    {F(KEY_ENTER), "KpEnter", "prompt", TA_PROMPT_ACCEPT, "accept", NULL},
    {TUI_ESC, "Esc", "prompt", TA_PROMPT_CANCEL, "cancel (in a search: back to the whole list)", "cancel"},

    /* a y/N question before typed text is thrown away (Esc, d, or a quit): only y says yes */
    {'y', "y", "confirm", TA_CONFIRM_YES, "yes: discard the typed text", "discard"},
    {'n', "n", "confirm", TA_CONFIRM_NO, "no: keep the text (any key but y says no)", "keep"},
    {TUI_ESC, "Esc", "confirm", TA_CONFIRM_NO, "no: keep the text", NULL},
    /* every other y/N question has its own rows, saying what y and n do there */
    {'y', "y", "confirm_move", TA_CONFIRM_YES, "yes: move them to the new officer (any that would double-book them stay)", "move"},
    {'n', "n", "confirm_move", TA_CONFIRM_NO, "no: leave them as booked (any key but y says no)", "leave them"},
    {TUI_ESC, "Esc", "confirm_move", TA_CONFIRM_NO, "no: leave them as booked", NULL},
    {'y', "y", "confirm_end", TA_CONFIRM_YES, "yes: go on to the reason for ending it", "end it"},
    {'n', "n", "confirm_end", TA_CONFIRM_NO, "no: keep the registration (any key but y says no)", "keep it"},
    {TUI_ESC, "Esc", "confirm_end", TA_CONFIRM_NO, "no: keep the registration", NULL},
    /* the draft offer at start (tui_ask): only these keys answer it, others do nothing */
    {'\n', "Enter", "confirm_draft", TA_CONFIRM_YES, "recover: open the unsaved note in its form, to finish and save it", "recover"},
    {'\r', "Return", "confirm_draft", TA_CONFIRM_YES, "recover the note", NULL},
    {F(KEY_ENTER), "KpEnter", "confirm_draft", TA_CONFIRM_YES, "recover the note", NULL},
    {TUI_ESC, "Esc", "confirm_draft", TA_CONFIRM_NO, "later: keep the draft (it comes back when you log a contact for the person)", "later"},
    /* the unsaved note of a case closed since, shown read-only at start (view_draft_closed.c) */
    {'d', "d", "draft_closed", TA_DRAFT_DISCARD, "discard the unsaved note, which a closed case cannot take (asks first: y discards)", "discard"},

    /* forms */
    {'\t', "Tab", "form", TA_FORM_NEXT, "next field", "next"},
    {F(KEY_DOWN), "Down", "form", TA_FORM_NEXT, "next field", NULL},
    {F(KEY_BTAB), "Shift-Tab", "form", TA_FORM_PREV, "previous field", "previous"},
    {F(KEY_UP), "Up", "form", TA_FORM_PREV, "previous field", NULL},
    {'\n', "Enter", "form", TA_FORM_ENTER, "next field; on the last field, save", "next/save"},
    {'\r', "Return", "form", TA_FORM_ENTER, "next field; on the last field, save", NULL},
    {C('s'), "Ctrl-S", "form", TA_FORM_SAVE, "save the form from any field", "save"},
    {TUI_ESC, "Esc", "form", TA_FORM_CANCEL, "cancel the form without saving (asks first when anything was typed)", "cancel"},
    {F(KEY_NPAGE), "PgDn", "form", TA_FORM_MSG_DOWN, "scroll the form's messages on (a repeat's warnings that do not fit)", NULL},
    {F(KEY_PPAGE), "PgUp", "form", TA_FORM_MSG_UP, "scroll the form's messages back", NULL},

    /* the caseload list */
    {'/', "/", "caseload", TA_SEARCH, "search by name, CRN, PNC or date of birth", "search"},
    {'c', "c", "caseload", TA_SCOPE, "switch my caseload / my office / everyone", "caseload/office/all"},
    {'s', "s", "caseload", TA_SORT, "sort by name, RoSH, next appointment, last contact", "sort"},
    {'h', "h", "caseload", TA_FILTER_HIGH, "show only High and Very High RoSH (again: all)", "High only"},
    {'N', "N", "caseload", TA_FILTER_NO_CONTACT, "show only cases with no contact for N days", "no contact"},
    {'a', "a", "caseload", TA_FILTER_CLEAR, "clear the search and filters: all cases again", NULL},
    {'r', "r", "caseload", TA_RELOAD, "reload from the database", NULL},

    /* court intake: after the form is checked */
    {'y', "y", "intake", TA_INTAKE_SAVE, "save the case, book the first appointment and print the slip", "save+print"},
    {'o', "o", "intake", TA_INTAKE_OFFICER, "allocate to another officer (give the staff code)", "officer"},
    {'e', "e", "intake", TA_INTAKE_EDIT, "back to the form to change it", "edit"},
    {'c', "c", "intake", TA_INTAKE_NOT_DUP, "not the same person: go on with a new case", "not same"},

    /* unallocated cases */
    {'a', "a", "unallocated", TA_ALLOCATE, "allocate the selected case (the proposed officer is filled in)", "allocate"},

    /* team workload */
    {'\n', "Enter", "workload", TA_OPEN, "open the selected officer's diary at today", "diary"},
    {'\r', "Return", "workload", TA_OPEN, "open the selected officer's diary at today", NULL},
    {F(KEY_ENTER), "KpEnter", "workload", TA_OPEN, "open the selected officer's diary at today", NULL},

    /* transfers */
    {' ', "Space", "transfers", TA_MARK, "mark or unmark the selected case", "mark"},
    {'*', "*", "transfers", TA_MARK_ALL, "mark every case (again: none)", "all"},
    {'t', "t", "transfers", TA_TRANSFER_DO, "transfer the marked cases to an officer or office", "transfer"},
    {'m', "m", "transfers", TA_TRANSFER_APPTS, "their appointments: move or cancel", "move/cancel"},
    {'p', "p", "transfers", TA_TRANSFER_PENDING, "show pending transfers (again: the cases)", "pending"},

    /* the offender record: what an officer does most first (the hint bar
     * offers rows in this order, as room allows), then the sections */
    {'l', "l", "record", TA_RECORD_LOG, "log a contact (a note, an outcome, a warning letter)", "log contact"},
    {'b', "b", "record", TA_REC_BOOK, "book an appointment for this person", "book"},
    {'F', "F", "record", TA_REGISTRATIONS, "registrations (risk flags): add, review or end", "flags"},
    {'H', "H", "record", TA_RECORD_HISTORY, "the contact history: filter, read whole notes, correct (also Enter in C)", "history"},
    {'p', "p", "record", TA_SEC_PERSONAL, "personal details", "personal"},
    {'d', "d", "record", TA_SEC_DUE, "what is due: each overdue item, then what falls due in the days ahead", "due"},
    {'o', "o", "record", TA_SEC_ORDERS, "orders and requirements with progress", "orders"},
    {'A', "A", "record", TA_SEC_APPOINTMENTS, "appointments, upcoming and past", "appointments"},
    {'C', "C", "record", TA_SEC_CONTACTS, "contact history, newest first", "contacts"},
    {'R', "R", "record", TA_SEC_REGISTRATIONS, "registration history, ended ones included", "registrations"},
    {'a', "a", "record", TA_RECORD_AUDIT, "the audit trail: who changed this person's records, when and why", "audit trail"},
    {'\t', "Tab", "record", TA_SEC_NEXT, "next section", NULL},
    {F(KEY_BTAB), "Shift-Tab", "record", TA_SEC_PREV, "previous section", NULL},

    /* the diary (day and week views): its own actions first (the hint bar
     * offers rows in this order, as room allows) */
    {'b', "b", "diary", TA_DIARY_BOOK, "book an appointment", "book"},
    {'m', "m", "diary", TA_DIARY_MOVE, "move (reschedule) the selected appointment", "move"},
    {'x', "x", "diary", TA_DIARY_CANCEL, "cancel the selected appointment (a reason is asked)", "cancel"},
    {'l', "l", "diary", TA_DIARY_LOG, "log the outcome of the selected appointment (or correct it)", "log outcome"},
    {'w', "w", "diary", TA_DIARY_WEEK, "switch between the day and the week view", "week"},
    {'o', "o", "diary", TA_DIARY_SCOPE, "switch between my diary and my office's diary", "office"},
    {'g', "g", "diary", TA_DIARY_GOTO, "go to a date (2026-12-03, 03/12, tue, +3)", "go to"},
    {'t', "t", "diary", TA_DIARY_TODAY, "go to today", "today"},
    {'p', "p", "diary", TA_DIARY_PRINT, "print the day list (saved to a file, sent to lpr)", "print"},
    {F(KEY_LEFT), "Left", "diary", TA_DIARY_PREV_DAY, "previous day (in the week view: previous week)", NULL},
    {F(KEY_RIGHT), "Right", "diary", TA_DIARY_NEXT_DAY, "next day (in the week view: next week)", NULL},
    {'[', "[", "diary", TA_DIARY_PREV_WEEK, "a week back", NULL},
    {']', "]", "diary", TA_DIARY_NEXT_WEEK, "a week on", NULL},
    {'r', "r", "diary", TA_DIARY_RELOAD, "reload from the database", NULL},
    /* Log-contact form and note */
    {F(KEY_UP), "Up", "note", TA_NOTE_UP, "in the note: up one row; in the form: previous field", NULL},
    {F(KEY_DOWN), "Down", "note", TA_NOTE_DOWN, "in the note: down one row; in the form: next field", NULL},
    {F(KEY_LEFT), "Left", "note", TA_NOTE_LEFT, "in the note: one character left", NULL},
    {F(KEY_RIGHT), "Right", "note", TA_NOTE_RIGHT, "in the note: one character right", NULL},
    {F(KEY_HOME), "Home", "note", TA_NOTE_HOME, "in the note: start of the row", NULL},
    {F(KEY_END), "End", "note", TA_NOTE_END, "in the note: end of the row", NULL},
    {F(KEY_PPAGE), "PgUp", "note", TA_NOTE_PGUP, "in the note: up one page", NULL},
    {F(KEY_NPAGE), "PgDn", "note", TA_NOTE_PGDN, "in the note: down one page", NULL},
    {F(KEY_BACKSPACE), "Backspace", "note", TA_NOTE_BACKSPACE, "in the note: delete the character before the cursor", NULL},
    {127, "Del(127)", "note", TA_NOTE_BACKSPACE, "in the note: delete the character before the cursor", NULL},
    {C('h'), "Ctrl-H", "note", TA_NOTE_BACKSPACE, "in the note: delete the character before the cursor", NULL},
    {F(KEY_DC), "Delete", "note", TA_NOTE_DELETE, "in the note: delete the character under the cursor", NULL},
    {'\n', "Enter", "note", TA_NOTE_ENTER, "in the note: a new line; in the form: change the field, or start typing the note", "change/type"},
    {'\r', "Return", "note", TA_NOTE_ENTER, "in the note: a new line; in the form: change the field, or start typing the note", NULL},
    {F(KEY_ENTER), "KpEnter", "note", TA_NOTE_ENTER, "in the note: a new line; in the form: change the field, or start typing the note", NULL},
    {'\t', "Tab", "note", TA_NOTE_NEXT, "next field (leaves the note)", "next"},
    {F(KEY_BTAB), "Shift-Tab", "note", TA_NOTE_PREV, "previous field (leaves the note)", NULL},
    {TUI_ESC, "Esc", "note", TA_NOTE_ESC, "leave the note; in the form: close, keeping what was typed as a draft", "leave"},
    {C('s'), "Ctrl-S", "note", TA_NOTE_SAVE, "save the contact and remove its draft, in one step", "save"},
    /* Control keys only: a stray letter must never open the editor or discard. */
    {C('e'), "Ctrl-E", "note", TA_LOG_EDITOR, "write the note in $VISUAL or $EDITOR", "editor"},
    {C('d'), "Ctrl-D", "note", TA_LOG_DISCARD, "discard the draft and close without logging (asks first: y discards)", NULL},
    /* Log-contact form, not typing: letters are never commands (not even the
     * global ones): a field changes only with Enter on it, and typed text
     * goes into the note. */
    {TUI_KEY_TEXT, "letters", "log", TA_LOG_TYPE, "any letter, digit or sign starts typing the note with it", NULL},
    /* Code pickers: typing goes to the type-ahead (TUI_KEY_TEXT rows are
     * for help only), so letters never run screen commands there. */
    {'\n', "Enter", "pick", TA_OPEN, "choose the selected code and go back", "choose"},
    {'\r', "Return", "pick", TA_OPEN, "choose the selected code and go back", NULL},
    {F(KEY_ENTER), "KpEnter", "pick", TA_OPEN, "choose the selected code and go back", NULL},
    {TUI_KEY_TEXT, "letters", "pick", TA_NONE, "type the code (or its meaning): the list jumps to it", "type the code"},
    {TUI_ESC, "Esc", "pick", TA_BACK, "go back without choosing", "back"},
    /* Contact history */
    {'t', "t", "contacts", TA_CONTACTS_TYPE, "show only contacts of one type (or all again)", "type"},
    {'o', "o", "contacts", TA_CONTACTS_OUTCOME, "show only contacts with one outcome (or all again)", "outcome"},
    {'l', "l", "contacts", TA_CONTACTS_LOG, "log a new contact", "log"},
    /* One contact */
    {'c', "c", "contact", TA_CONTACT_CORRECT, "log a correction of this contact (the original stays)", "correct"},

    /* the due list */
    {'c', "c", "due", TA_DUE_SCOPE, "switch my caseload / my office / everyone", "caseload/office/all"},
    {'r', "r", "due", TA_DUE_RELOAD, "reload from the database", NULL},

    /* a person's registrations */
    {'a', "a", "registrations", TA_REG_ADD, "add a registration (a new RoSH level ends the old one)", "add"},
    {'v', "v", "registrations", TA_REG_REVIEW, "record a review of the selected registration", "review"},
    {'x', "x", "registrations", TA_REG_END, "end the selected registration (it is named and asked y/N first, then a reason is required)", "end"},
};
const size_t TUI_KEYMAP_N = sizeof TUI_KEYMAP / sizeof TUI_KEYMAP[0];

/* Every action that writes (or opens the form, prompt or question that
 * writes): on a read-only database these keys say so and do nothing. */
static const tui_action WRITING[] = {
    TA_NEW_CASE, TA_INTAKE_SAVE, TA_ALLOCATE, TA_TRANSFER_DO, TA_REC_BOOK, TA_RECORD_LOG,
    TA_DIARY_BOOK, TA_DIARY_MOVE, TA_DIARY_CANCEL, TA_DIARY_LOG, TA_CONTACTS_LOG, TA_CONTACT_CORRECT,
    TA_REG_ADD, TA_REG_REVIEW, TA_REG_END, TA_NOTE_SAVE, TA_FORM_SAVE,
};

bool tui_action_writes(tui_action a)
{
    for (size_t i = 0; i < sizeof WRITING / sizeof WRITING[0]; i++)
        if (WRITING[i] == a)
            return true;
    return false;
}

const tui_binding *tui_key_find(const char *view, int key)
{
    for (size_t i = 0; i < TUI_KEYMAP_N; i++)
        if (TUI_KEYMAP[i].key == key && !strcmp(TUI_KEYMAP[i].view, view))
            return &TUI_KEYMAP[i];
    return NULL;
}

const char *tui_action_key(tui_view *v, tui_action a)
{
    if (v->offers && !v->offers(v, a))
        return NULL;
    const char *maps[12];
    size_t nm = 0;
    maps[nm++] = v->ops->name;
    for (const char *const *k = v->ops->keymaps; k && *k && nm < 11; k++)
        maps[nm++] = *k;
    maps[nm++] = "global";
    for (size_t m = 0; m < nm; m++)
        for (size_t i = 0; i < TUI_KEYMAP_N; i++)
            if (TUI_KEYMAP[i].action == a && !strcmp(TUI_KEYMAP[i].view, maps[m]))
                return TUI_KEYMAP[i].key_name;
    return NULL;
}

char *tui_answer_words(const char *view, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < TUI_KEYMAP_N && used < len; i++) {
        const tui_binding *b = &TUI_KEYMAP[i];
        if (b->hint && !strcmp(b->view, view))
            used += (size_t)snprintf(buf + used, len - used, "%s%s: %s", used ? ", " : "", b->key_name, b->hint);
    }
    return buf;
}

static const struct {
    const char *view, *title;
} TITLES[] = {
    {"global", "Everywhere"},
    {"list", "Every list"},
    {"text", "Text fields"},
    {"prompt", "Prompts and search"},
    {"confirm", "Questions (y/N)"},
    {"confirm_move", "Move appointments (y/N)"},
    {"confirm_end", "End a registration (y/N)"},
    {"confirm_draft", "Recover a note"},
    {"draft_closed", "Unsaved note of a closed case"},
    {"form", "Forms"},
    {"caseload", "Caseload list"},
    {"record", "Offender record"},
    {"intake", "Court intake"},
    {"unallocated", "Unallocated cases"},
    {"workload", "Team workload"},
    {"transfers", "Transfers"},
    {"diary", "Diary"},
    {"due", "Due list"},
    {"registrations", "Registrations"},
    {"help", "Help"},
    {"note", "Log-contact form and note"},
    {"log", "Log-contact form, not typing"},
    {"pick", "Code pickers (type, outcome, action, order)"},
    {"contacts", "Contact history"},
    {"contact", "One contact"},
};

const char *tui_keymap_title(const char *view)
{
    for (size_t i = 0; i < sizeof TITLES / sizeof TITLES[0]; i++)
        if (!strcmp(TITLES[i].view, view))
            return TITLES[i].title;
    return view;
}

void tui_print_keys(FILE *f)
{
    for (size_t i = 0; i < TUI_KEYMAP_N; i++)
        fprintf(f, "%s\t%s\t%s\n", tui_keymap_title(TUI_KEYMAP[i].view), TUI_KEYMAP[i].key_name,
                TUI_KEYMAP[i].help);
}
