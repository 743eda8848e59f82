/* The screens' shared frame: private to src/tui. Only src/tui includes curses.
 *
 * HOW TO ADD A SCREEN (e.g. the diary)
 * 1. Write src/tui/view_diary.c. Embed `tui_view` as the FIRST member of your
 *    state struct and fill a static `tui_view_ops`:
 *        static const char *const keymaps[] = {"list", NULL};  // consulted after "diary"
 *        static const tui_view_ops ops = {"diary", keymaps, title, draw, action, destroy};
 *    `draw` paints only inside the rectangle it is given (rows 1..LINES-3: the
 *    frame owns the title line, the message line and the hint bar) and must
 *    cope with any size >= 80x24 (the frame shows "terminal too small" below).
 *    `action` reacts to a tui_action and returns what happens next (TR_NONE,
 *    TR_BACK, TR_QUIT, TR_UNHANDLED); it never calls refresh(): only the loop
 *    draws, once after every key, so a resize (KEY_RESIZE) redraws at once
 *    whatever is open, forms and prompts included.
 * 2. Export a constructor `tui_view *tui_diary_new(tui_ctx *c, ...)` declared
 *    below, and open it from an action with tui_push(c, tui_diary_new(c)).
 * 3. Key bindings: add a `tui_action` to the enum below (one line, in your
 *    group) and rows to TUI_KEYMAP in keymap.c: {key, "key name", "view",
 *    action, "one-line description", "hint" or NULL}. That one table drives the key
 *    handling, the `?` help screen, the bottom hint bar (rows with a hint word)
 *    and `caseload --keys`; tests/ui/test_keys.sh fails until every row is
 *    documented in the KEYS section of man/caseload.1 (`.It Ic KEY` followed
 *    by the description line, under a `.Ss` named for the view).
 *    Lookup order for a key: the view's own keymap (ops->name), then each of
 *    ops->keymaps, then "global". While a prompt or form field is active,
 *    "text" (and "prompt" or "form") come first and printable characters are
 *    typed, so `q` and `Q` are letters there; other keys fall through.
 *    While a y/N question (tui_confirm) is up, its keymap takes every key.
 *    A view whose keys depend on its state (the court intake's stages) sets
 *    view.offers: a key it does not offer now is neither hinted nor taken.
 *    Screen text that names a key asks tui_action_key, never writes it.
 * 4. Lists: embed a tui_list, give it columns and a cell callback; pass
 *    TA_UP..TA_PAGE_DOWN to tui_list_action (true when it moved).
 * 5. Forms (booking, court intake): tui_form_new with a tui_field array, a
 *    validate-and-save callback; the form is a view pushed on the stack.
 *    One-line questions: tui_prompt_start (drawn on the message line);
 *    free text the officer types (a reason): tui_prompt_text, which asks
 *    before Esc or a quit throws the typed text away.
 *    Never throw typed text away on one key: ask with tui_confirm first. A
 *    view holding typed text sets view.unsaved, so a quit (Q, Ctrl-C) asks
 *    too. A field's pre-filled value is selected when the cursor enters it.
 * 6. Colour: tui_attr(c, TC_...) only; every coloured thing also carries its
 *    words (RoSH "HIGH", flags "STAFF"), so monochrome reads the same.
 * 7. Messages: tui_message(c, TM_INFO/TM_WARN/TM_ERROR, fmt, ...); shown on
 *    the message line until the next key.
 */
#ifndef CASELOAD_TUI_INT_H
#define CASELOAD_TUI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "caseload/app.h"
#include "caseload/record.h"
#include "caseload/ref.h"
#include "caseload/risk.h"
#include "caseload/textedit.h"

/* Keys: a character is its Unicode code point; a function key is TUI_FN(KEY_x)
 * (curses codes overlap real letters such as U+0102, hence the offset). */
#define TUI_FN(k) ((k) + 0x200000)
#define TUI_CTRL(ch) ((ch) & 0x1f)
#define TUI_ESC 27
/* In a keymap: any printable character that no other row of the view binds
 * (the global keys included): the view takes it as text. */
#define TUI_KEY_TEXT TUI_FN(0x7fff)

#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24

typedef enum tui_action {
    TA_NONE = 0,
    /* global */
    TA_QUIT, TA_BACK, TA_HELP, TA_REDRAW,
    /* list */
    TA_UP, TA_DOWN, TA_TOP, TA_BOTTOM, TA_HALF_DOWN, TA_HALF_UP, TA_PAGE_DOWN, TA_PAGE_UP, TA_OPEN,
    /* text fields (prompt and form) */
    TA_TEXT_LEFT, TA_TEXT_RIGHT, TA_TEXT_HOME, TA_TEXT_END, TA_TEXT_BACKSPACE, TA_TEXT_DELETE,
    TA_TEXT_CLEAR,
    /* prompt, and a y/N question (tui_confirm) */
    TA_PROMPT_ACCEPT, TA_PROMPT_CANCEL, TA_CONFIRM_YES, TA_CONFIRM_NO,
    /* form */
    TA_FORM_NEXT, TA_FORM_PREV, TA_FORM_ENTER, TA_FORM_SAVE, TA_FORM_CANCEL, TA_FORM_MSG_DOWN, TA_FORM_MSG_UP,
    /* caseload */
    TA_SEARCH, TA_SCOPE, TA_SORT, TA_FILTER_HIGH, TA_FILTER_NO_CONTACT, TA_FILTER_CLEAR, TA_RELOAD,
    /* record */
    TA_SEC_PERSONAL, TA_SEC_DUE, TA_SEC_ORDERS, TA_SEC_APPOINTMENTS, TA_SEC_CONTACTS, TA_SEC_REGISTRATIONS,
    TA_SEC_NEXT, TA_SEC_PREV, TA_REC_BOOK, TA_RECORD_LOG, TA_RECORD_HISTORY, TA_RECORD_AUDIT,
    /* court intake, allocation and workload (global keys open them) */
    TA_NEW_CASE, TA_UNALLOCATED, TA_WORKLOAD, TA_TRANSFERS,
    TA_INTAKE_SAVE, TA_INTAKE_OFFICER, TA_INTAKE_EDIT, TA_INTAKE_NOT_DUP,
    TA_ALLOCATE, TA_MARK, TA_MARK_ALL, TA_TRANSFER_DO, TA_TRANSFER_APPTS, TA_TRANSFER_PENDING,
    /* diary */
    TA_DIARY_OPEN, TA_DIARY_PREV_DAY, TA_DIARY_NEXT_DAY, TA_DIARY_PREV_WEEK, TA_DIARY_NEXT_WEEK,
    TA_DIARY_TODAY, TA_DIARY_GOTO, TA_DIARY_WEEK, TA_DIARY_SCOPE, TA_DIARY_BOOK, TA_DIARY_CANCEL,
    TA_DIARY_MOVE, TA_DIARY_PRINT, TA_DIARY_RELOAD, TA_DIARY_LOG,
    /* note editor and log-contact form (contacts) */
    TA_NOTE_UP, TA_NOTE_DOWN, TA_NOTE_LEFT, TA_NOTE_RIGHT, TA_NOTE_HOME, TA_NOTE_END,
    TA_NOTE_PGUP, TA_NOTE_PGDN, TA_NOTE_BACKSPACE, TA_NOTE_DELETE, TA_NOTE_ENTER,
    TA_NOTE_NEXT, TA_NOTE_PREV, TA_NOTE_ESC, TA_NOTE_SAVE,
    TA_LOG_EDITOR, TA_LOG_DISCARD, TA_LOG_TYPE,
    /* contact history and one contact (contacts) */
    TA_CONTACTS_TYPE, TA_CONTACTS_OUTCOME, TA_CONTACTS_LOG, TA_CONTACT_CORRECT,
    /* the due list (TA_DUE_LIST is global: opens it from anywhere) */
    TA_DUE_LIST, TA_DUE_SCOPE, TA_DUE_RELOAD,
    /* a person's registrations (opened from the record) */
    TA_REGISTRATIONS, TA_REG_ADD, TA_REG_REVIEW, TA_REG_END,
    /* the unsaved note of a closed case (view_draft_closed.c) */
    TA_DRAFT_DISCARD,
    /* other helpers: add yours here, one group per view */
    TA__COUNT
} tui_action;

typedef struct tui_binding {
    int key;              /* code point or TUI_FN(KEY_x) */
    const char *key_name; /* as shown in help, hint bar and man page */
    const char *view;     /* "global", "list", "text", "prompt", "form", or a view name */
    tui_action action;
    const char *help;     /* one line */
    const char *hint;     /* a word or two for the bottom hint bar; NULL: not shown */
} tui_binding;

extern const tui_binding TUI_KEYMAP[];
extern const size_t TUI_KEYMAP_N;
/* The binding of key in keymap `view`, or NULL. */
const tui_binding *tui_key_find(const char *view, int key);
/* Readable name of a view's keymap, for help and the man page ("Caseload list"). */
const char *tui_keymap_title(const char *view);
/* The action writes to the database, or opens a form or question that does:
 * on a read-only database its key is refused (STORE_READ_ONLY_REFUSED). */
bool tui_action_writes(tui_action a);
#define TUI_READ_ONLY_TITLE "READ-ONLY"

/* Colour roles: each maps to a colour pair, or to attributes in monochrome. */
typedef enum tui_colour {
    TC_NORMAL, TC_TITLE, TC_HINT, TC_HEADER, TC_SELECTED, TC_INFO, TC_WARN, TC_ERROR,
    TC_ROSH_UNKNOWN, TC_ROSH_LOW, TC_ROSH_MEDIUM, TC_ROSH_HIGH, TC_ROSH_VERY_HIGH,
    TC_STAFF, TC_FLAG, TC_CLOSED, TC_OVERDUE, TC_FIELD, TC__N
} tui_colour;

typedef enum { TR_NONE = 0, TR_BACK, TR_QUIT, TR_UNHANDLED } tui_result;
typedef enum { TM_INFO, TM_WARN, TM_ERROR } tui_msg_kind;

typedef struct tui_rect {
    int y, x, h, w;
} tui_rect;

typedef struct tui_ctx tui_ctx;
typedef struct tui_view tui_view;

typedef struct tui_view_ops {
    const char *name;            /* its own keymap, e.g. "caseload" */
    const char *const *keymaps;  /* then these (NULL-terminated, may be NULL), then "global" */
    void (*title)(tui_view *v, tui_ctx *c, char *buf, size_t len);
    void (*draw)(tui_view *v, tui_ctx *c, tui_rect r);
    tui_result (*action)(tui_view *v, tui_ctx *c, tui_action a);
    void (*destroy)(tui_view *v);
    /* Optional: typed input goes here first while this returns a field. */
    struct tui_text *(*text)(tui_view *v);
    /* Optional: called after the active text changed (typing). */
    void (*text_changed)(tui_view *v, tui_ctx *c);
} tui_view_ops;

struct tui_view {
    const tui_view_ops *ops;
    /* Optional: true while closing would lose typed text (a quit asks then).
     * Here, not in ops, so views with nothing to lose need no change. */
    bool (*unsaved)(tui_view *v);
    /* Optional: false for an action the view does not offer in its present
     * state (a stage of the court intake): its keys are left out of the hint
     * bar and do nothing, so the bottom line offers only keys that work. */
    bool (*offers)(tui_view *v, tui_action a);
};

/* The name of the first key that does action a on v ("Enter", "c"), looked
 * up in the order keys are (v's keymap, its others, "global"); NULL when no
 * key does or v does not offer a now. Screen text naming a key asks here. */
const char *tui_action_key(tui_view *v, tui_action a);
/* Whether b is what its key does on v now (not shadowed by a binding of v's
 * own or an earlier keymap, not an action v withholds): help lists a
 * screen's keys by it. */
bool tui_key_works(tui_view *v, const tui_binding *b);

/* A one-line editable text: UTF-8, whole characters only. */
typedef struct tui_text {
    char buf[256];
    size_t cur;    /* byte offset of the cursor */
    bool selected; /* a value offered, not typed: the first typed character replaces it */
} tui_text;

/* Sets the value (not selected). */
void tui_text_set(tui_text *t, const char *s);
/* Applies a text action; true when it was one. Any action ends a selection,
 * so the arrows, Home/End and Backspace edit an offered value. */
bool tui_text_action(tui_text *t, tui_action a);
/* Inserts one character (code point), replacing a selected value; false
 * when it does not fit. */
bool tui_text_insert(tui_text *t, int ch);
/* Draws t at (y, x) in w columns, scrolled so the cursor shows, a selected
 * value reversed; places the cursor when focus. */
void tui_text_draw(tui_text *t, int y, int x, int w, int attr, bool focus);

/* The one-line prompt on the message line (search, a reason, a date). */
typedef struct tui_prompt {
    bool active;
    bool one_key;  /* a y/N question: the next key answers (only y in its keymap says yes) */
    bool only_keys; /* one_key (tui_ask): a key not in its keymap is no answer: ignored, with a hint */
    const char *keys; /* one_key: the question's keymap ("confirm", "confirm_move"...) */
    bool keeps_typed; /* free text (a reason): Esc or a quit asks before it is thrown away */
    char label[128];
    char note[2048]; /* shown wrapped above the prompt line: what is being asked about */
    char no_words[160]; /* one_key: the message on No ("" : the discard question's) */
    tui_text text;
    void *arg;
    void (*changed)(tui_ctx *c, void *arg, const char *text);  /* may be NULL */
    void (*done)(tui_ctx *c, void *arg, const char *text, bool accepted);
    void (*yes)(tui_ctx *c, void *arg); /* one_key: called on y only */
} tui_prompt;

#define TUI_MAX_STACK 16

struct tui_ctx {
    cl_app *app;
    tui_view *stack[TUI_MAX_STACK];
    int depth;
    bool colour;
    bool quit;
    char msg[1024];
    tui_msg_kind msg_kind;
    /* Display columns the view's title may take, set by the frame before it
     * asks for the title (a long title fits itself: the count stays whole). */
    int title_w;
    tui_prompt prompt;
    /* The prompt a y/N question was asked over: n brings it back as it was. */
    tui_prompt held;
    /* Called when no key came for TUI_IDLE_MS while set (the note editor
     * saves its draft); the loop waits for keys without a timeout otherwise. */
    void (*idle_fn)(tui_ctx *c, void *arg);
    void *idle_arg;
    /* While the terminal is too small: keys typed into the active text, and
     * keys refused (shown on the small screen; reset when it grows). */
    bool small_typed;
    int small_refused;
};
#define TUI_IDLE_MS 250

/* The screen stack. tui_push takes ownership (NULL is ignored; a full stack
 * destroys v and says so). */
void tui_push(tui_ctx *c, tui_view *v);
void tui_pop(tui_ctx *c);
tui_view *tui_top(tui_ctx *c);

void tui_message(tui_ctx *c, tui_msg_kind kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Asked before a form that writes to a person's case opens: true when the
 * case is open, else the core's words on the message line (the core refuses
 * the write itself too). */
bool tui_case_writable(tui_ctx *c, const char *crn);
/* A pre-filled initial value starts selected (tui_text.selected): typing
 * replaces it, the arrows, Home/End and Backspace edit it instead. */
void tui_prompt_start(tui_ctx *c, const char *label, const char *initial,
                      void (*changed)(tui_ctx *, void *, const char *),
                      void (*done)(tui_ctx *, void *, const char *, bool), void *arg);
/* A prompt for free text the officer types (a reason): as tui_prompt_start
 * with nothing filled in, but Esc with anything typed asks "Discard the typed
 * text? y/N" first (n brings the prompt back with the text), as Q or Ctrl-C
 * do; an empty one closes at once. Every prompt for a reason uses it. */
void tui_prompt_text(tui_ctx *c, const char *label, void (*done)(tui_ctx *, void *, const char *, bool),
                     void *arg);
/* A staff or office code given at a prompt, into buf as the command line
 * takes it (cdf06 is CDF06); false when the prompt was left or left empty. */
bool tui_prompt_code(const char *text, bool ok, char *buf, size_t len);
/* The active prompt holds typed free text (tui_prompt_text, not blank). */
bool tui_prompt_unsaved(const tui_ctx *c);

/* Lines shown above the active prompt, wrapped to the screen's width (the
 * rules an override is asked for), so the label stays short enough for 80
 * columns. Set after tui_prompt_start; cleared by the next prompt. */
void tui_prompt_note(tui_ctx *c, const char *note);
/* What a y/N question (tui_confirm) says on No, when it is not a question
 * about discarding typed text. Set after tui_confirm. */
void tui_confirm_no_words(tui_ctx *c, const char *words);
/* A y/N question on the message line ("Discard the typed text? y/N"): the
 * next key answers; only y (in keys, the question's keymap: its hint bar and
 * help say what y and n do there) calls yes, any other key is no and changes
 * nothing (a prompt it was asked over comes back as it was). TUI_DISCARD_KEYS
 * before anything typed is thrown away. */
void tui_confirm(tui_ctx *c, const char *keys, const char *question, void (*yes)(tui_ctx *c, void *arg),
                 void *arg);
/* A question that answers to its keymap's keys only (the draft offer at
 * start: Enter recovers, Esc is later), asked as tui_confirm asks: a key of
 * TA_CONFIRM_YES calls yes, one of TA_CONFIRM_NO says the no words
 * (tui_confirm_no_words); any other key is ignored, the note above the
 * question naming the keys that answer. The question is followed by those
 * keys and their words, from the keymap ("Enter: recover, Esc: later"). */
void tui_ask(tui_ctx *c, const char *keys, const char *question, void (*yes)(tui_ctx *c, void *arg), void *arg);
/* "Enter: recover, Esc: later": the keys of keymap view with a hint word. */
char *tui_answer_words(const char *view, char *buf, size_t len);
#define TUI_DRAFT_KEYS "confirm_draft"
#define TUI_DISCARD_KEYS "confirm"
#define TUI_MOVE_KEYS "confirm_move"
#define TUI_END_KEYS "confirm_end"
#define TUI_OVERRIDE_LABEL "Against the rules above. Reason for the override: "
#define TUI_DISCARD_QUESTION "Discard the typed text? y/N "
#define TUI_QUIT_QUESTION "Quit and discard the typed text? y/N "
#define TUI_DISCARDED "not saved: the typed text is discarded"
/* y to TUI_DISCARD_QUESTION over a form, or a view that wraps one (the court
 * intake), on top (the question took the key): closes it, saying TUI_DISCARDED. */
void tui_discard_top(tui_ctx *c, void *arg);

/* Colour. */
void tui_colour_init(tui_ctx *c);
int tui_attr(const tui_ctx *c, tui_colour role);
/* The colour of a RoSH level: the one mapping every screen uses. */
tui_colour tui_rosh_colour(risk_rosh r);

/* Drawing helpers: text fitted to exactly w display columns (wcwidth aware). */
void tui_put(int y, int x, int w, int attr, const char *s);
void tui_put_right(int y, int x, int w, int attr, const char *s);
/* Fills a row segment with spaces in attr. */
void tui_fill(int y, int x, int w, int attr);
/* s wrapped at w columns (tw_wrap_rows) on rows y to last, so a long line of
 * a form is read whole. Returns the row after the last it took. */
int tui_put_rows(int y, int last, int x, int w, int attr, const char *s);
/* What the keys of a screen do, in its own words: "Enter: open the record". */
typedef struct tui_key_line {
    tui_action action;
    const char *words;
} tui_key_line;
/* Draws "KEY: words" for each item v has a key for (tui_action_key), three
 * blanks apart, whole items wrapped onto the next rows (at most to row
 * last) so nothing is cut at 80 columns. Returns the row after the last. */
int tui_put_keys(tui_view *v, int y, int last, int x, int w, int attr, const tui_key_line *items, size_t n);

/* The list widget: rows drawn by a callback, scrolled and selected by keys. */
typedef struct tui_column {
    const char *title;
    int width;   /* columns; 0: takes what is left (one flexible column) */
    bool right;  /* right-aligned */
    int max;     /* the flexible column grows up to max (0: no limit), a spare column up to max */
    bool spare;  /* takes the width the flexible column leaves beyond its max (risk flags) */
} tui_column;

/* Fills buf with row's cell text and may set *attr (a TC_ role, default TC_NORMAL). */
typedef void (*tui_cell_fn)(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role);

typedef struct tui_list {
    const tui_column *cols;
    size_t ncols;
    tui_cell_fn cell;
    void *arg;
    size_t n;    /* rows */
    size_t sel;  /* selected row */
    size_t top;  /* first row shown */
    int page;    /* rows shown at the last draw */
    const char *empty; /* shown when n == 0 */
    int widths[32];    /* each column's width at the last draw (set before cells are asked) */
} tui_list;

/* Lines of text, each with its colour, shown by a one-column list: the
 * detail views (a record's section, one registration, one contact) build
 * them and draw them the same way (lines.c). */
typedef struct tui_line {
    tui_colour role;
    char *text;
} tui_line;
typedef struct tui_lines {
    tui_line *v;
    size_t n, cap;
} tui_lines;
/* Adds a copy of text (nothing when out of memory). */
void tui_lines_add(tui_lines *l, tui_colour role, const char *text);
/* Adds text as rows of at most width columns (tw_wrap_rows_under: rows after
 * the first hang columns in, or, for hang -1, under a short "Label: " or two
 * past the text's own indent), so a long line is read whole; as it is when
 * width <= 0. */
void tui_lines_add_wrapped(tui_lines *l, tui_colour role, const char *text, int width, int hang);
/* tui_lines_add of printf-style text (cut at 1,600 bytes). */
void tui_lines_addf(tui_lines *l, tui_colour role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A note's rows as the note editor lays them out at width (the rows the
 * officer typed them in, their own indents kept); false when it is empty. */
bool tui_lines_add_note(tui_lines *l, tui_colour role, const char *text, int width);
/* A code's name in its reference set, "" for none or an unknown code. */
const char *tui_ref_name(const ref_set *set, const char *code);
/* Empties the lines, keeping the array for reuse; tui_lines_free frees all. */
void tui_lines_clear(tui_lines *l);
void tui_lines_free(tui_lines *l);
/* A view.offers for a view that opens nothing further: Enter is neither
 * hinted nor taken (detail views, help). */
bool tui_offers_no_open(tui_view *v, tui_action a);
/* The list's cell (tui_cell_fn) over the lines: arg is the tui_lines. */
void tui_lines_cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role);

/* A person's risk banner (banner.c): the colour of a record line by what it
 * says; the lines of a record's section s (REC_BANNER, REC_NEXT) added to
 * out, coloured; drawn from r.y, wrapped, in at most half of r (a last row
 * says where the rest is). Returns the row after the banner. */
tui_colour tui_record_colour(const cl_record *rec, record_role role);
void tui_banner_lines(const cl_record *rec, record_section s, tui_lines *out);
int tui_banner_draw(tui_view *v, tui_ctx *c, const tui_lines *banner, tui_rect r);
/* The banner's compact form, one row of w columns, for a screen with no room
 * for the banner (the log, booking and move forms, the contacts list): the
 * name and CRN, then the RoSH level in its colour, then every active flag's
 * short label and the enforcement words (enf_person.words: "WARNING DUE"),
 * as the lists' Flags cell (risk_flags_fit: risk to staff is never among the
 * hidden). */
void tui_person_line(tui_ctx *c, int y, int x, int w, const char *name, const char *crn, const risk_summary *rs,
                     const char *enforcement);

/* Widths of the columns for a total width (the flexible one gets the rest;
 * one space between columns). Pure: out[i] for each column. */
void tui_columns_layout(const tui_column *cols, size_t n, int total, int *out);
void tui_list_draw(tui_list *l, tui_ctx *c, tui_rect r, bool header);
/* The list (with its header) and, under it, the selected row in full: text
 * wrapped on as many rows as it needs, at least min_rows (so the list keeps
 * its height as the selection moves over short rows) and at most max_rows
 * (at most 8), leaving the header and a row of the list; what still does not
 * fit goes on the last row, cut with '~'. Returns the area the list took. */
tui_rect tui_list_draw_detail(tui_list *l, tui_ctx *c, tui_rect r, const char *text, int attr, int min_rows,
                              int max_rows);
/* A Flags cell, the same in every list: short labels as risk_flags_short
 * joins them, then the enforcement words (risk_flags_join; NULL or "" when
 * none), fitted to width by risk_flags_fit (whole labels, then "+N"; never
 * hiding a risk to staff, and risk before enforcement), coloured as a risk
 * to staff when staff_banner, else as a flag when there is any. */
void tui_flags_cell(const char *flags, const char *enforcement, bool staff_banner, int width, char *buf, size_t len,
                    tui_colour *role);
/* Sets out (l->cols after it) to table with each column but the flexible one
 * as wide as the widest of its title and its cells over l's rows, never wider
 * than in table: the flexible column (a name) gets what short codes leave.
 * Asks every row's cells; call after the count is set. */
void tui_list_fit(tui_list *l, const tui_column *table, tui_column *out);
/* Movement actions; true when the action was one of them. */
bool tui_list_action(tui_list *l, tui_action a);
void tui_list_set_count(tui_list *l, size_t n);
/* The rows read again (n of them) with the one that was selected (sel, top
 * shown first) now at row `at` (SIZE_MAX: it left the list): select it, on
 * the same line of the screen when it lies beyond the first screenful (the
 * list then starts at its first row), so Enter still opens it; else the row
 * where it was. */
void tui_list_reselect(tui_list *l, size_t n, size_t sel, size_t top, size_t at);
/* What identifies a row (a CRN; CRN, item and reference of a due item), into
 * buf; "" for a row that is no record (a heading). */
typedef void (*tui_row_key_fn)(void *arg, size_t row, char *buf, size_t len);
/* The selection of a list by its row's key, kept across a re-read: mark it
 * before reading again, restore it after (tui_list_reselect with the row
 * that has the same key now, if any). */
typedef struct tui_list_place {
    char key[128];
    size_t sel, top;
} tui_list_place;
void tui_list_mark(const tui_list *l, tui_row_key_fn key, void *arg, tui_list_place *at);
void tui_list_restore(tui_list *l, size_t n, tui_row_key_fn key, void *arg, const tui_list_place *at);

/* The form widget: labelled fields, Tab/arrows between them, a validation line. */
typedef struct tui_field {
    const char *label;
    int width;        /* shown width of the value */
    tui_text text;
    const char *hint; /* shown on the message line when focused; may be NULL */
    /* Checks the value; false with msg set when wrong. May be NULL. */
    bool (*validate)(const char *value, char *msg, size_t len, void *arg);
} tui_field;

typedef struct tui_form tui_form;
/* Saves the form. Returns -1 on success (the form closes and msg, when set,
 * shows as info); else the index of the field to focus, with msg saying why. */
typedef int (*tui_form_save_fn)(tui_ctx *c, tui_form *f, void *arg, char *msg, size_t len);

/* A form view over fields (copied; n <= 16). Push it: tui_push(c, tui_form_new(...)). */
tui_view *tui_form_new(const char *title, const tui_field *fields, size_t n, tui_form_save_fn save, void *arg);
/* Anything typed differs from the form as it opened (Esc and a quit ask then). */
bool tui_form_unsaved(tui_view *form);
/* The form frees arg with free_fn when it closes (a per-form state). */
void tui_form_own_arg(tui_view *form, void (*free_fn)(void *));
/* A row above the fields, drawn at every redraw from the form's arg: the
 * person a form writes to, with their risk (tui_person_line). */
typedef void (*tui_form_head_fn)(tui_ctx *c, tui_form *f, void *arg, int y, int x, int w);
void tui_form_set_head(tui_view *form, tui_form_head_fn fn);
/* The value of field i of a form (for the save callback). */
const char *tui_form_value(tui_form *f, size_t i);
/* As a refused save: the cursor to field i (out of range: where it is) and
 * error under the form. */
void tui_form_refuse(tui_form *f, size_t i, const char *error);
/* Sets field i's value (for defaults computed in the save callback or before push). */
void tui_form_set(tui_form *f, size_t i, const char *value);

/* The multi-line note editor (editor.c) over textedit.h: wrap, arrows,
 * Home/End, PgUp/PgDn, UTF-8 with wide and combining characters. */
typedef struct tui_editor {
    te_buf buf;
    size_t top;  /* first screen row shown */
    int width;   /* columns at the last draw (movement uses it) */
    int page;    /* rows at the last draw */
} tui_editor;
void tui_editor_init(tui_editor *e);
void tui_editor_free(tui_editor *e);
/* Applies a TA_NOTE_* editing or movement action; true when it was one. */
bool tui_editor_action(tui_editor *e, tui_action a);
/* Types UTF-8 text at the cursor. */
bool tui_editor_type(tui_editor *e, const char *s);
/* Draws the visible rows in r, scrolled so the cursor shows; puts the cursor
 * there when focus. */
void tui_editor_draw(tui_editor *e, tui_ctx *c, tui_rect r, bool focus);
/* Writes the text to a private temporary file, leaves curses, runs $VISUAL
 * (else $EDITOR, else vi) on it, reads it back and removes it on every path.
 * opened (when not NULL) is told the file's path before the editor starts,
 * so a draft can name it (draft_editor.h). The editor is hung up (SIGHUP,
 * on Linux) if caseload dies while it is open, as when the terminal closes.
 * CL_OK, or an error with msg (the text is then unchanged). */
typedef void (*tui_editor_opened_fn)(void *arg, const char *path);
int tui_editor_external(tui_editor *e, tui_editor_opened_fn opened, void *arg, char *msg, size_t len);

/* A chooser over codes (type, outcome, action): Enter picks and goes back. */
typedef struct tui_pick_item {
    const char *code, *name;
} tui_pick_item;
tui_view *tui_pick_new(const char *title, const tui_pick_item *items, size_t n, const char *current,
                       void (*picked)(tui_ctx *c, void *arg, const char *code), void *arg);

/* Views. */
tui_view *tui_help_new(tui_ctx *c);
tui_view *tui_caseload_new(tui_ctx *c);
tui_view *tui_record_new(tui_ctx *c, const char *crn);
tui_view *tui_intake_new(tui_ctx *c);
tui_view *tui_unallocated_new(tui_ctx *c);
tui_view *tui_workload_new(tui_ctx *c);
tui_view *tui_transfers_new(tui_ctx *c);
/* The diary of an office or officer (view_diary.c), a day or the week of date. */
tui_view *tui_diary_new(tui_ctx *c, int scope, const char *code, cl_date date);
/* The booking form (view_book.c), from the diary or a record: crn may be ""
 * (asked for), date is the one offered. *dirty (may be NULL) is set after a
 * booking so the screen beneath reloads. */
tui_view *tui_book_new(tui_ctx *c, const char *crn, cl_date date, bool *dirty);
/* Moving (rescheduling) one booked appointment: new date, time and a reason. */
tui_view *tui_move_new(tui_ctx *c, const char *id, bool *dirty);
/* Log a contact for crn: from a diary appointment (appointment_id), as a
 * correction of contact `corrects`, or a new one (both NULL). Recovers the
 * draft typed for the same person and appointment, if any. */
tui_view *tui_log_new(tui_ctx *c, const char *crn, const char *appointment_id, const char *corrects);
/* A person's contact history, newest first, filtered by type and outcome. */
tui_view *tui_contacts_new(tui_ctx *c, const char *crn);
/* One contact with its whole note and its corrections. */
tui_view *tui_contact_new(tui_ctx *c, const char *crn, const char *id);
/* At start: offers the newest unsaved note of the officer back (a prompt). */
void tui_drafts_offer(tui_ctx *c);
/* An unsaved contact note (crn, appointment ref) that cannot be saved, why
 * saying so: shown read-only, d discards it. NULL (said) when unreadable. */
tui_view *tui_draft_closed_new(tui_ctx *c, const char *crn, const char *ref, const char *why);
tui_view *tui_due_new(tui_ctx *c);
tui_view *tui_registrations_new(tui_ctx *c, const char *crn);
/* One registration in full: every field, notes, review history, end details. */
tui_view *tui_registration_new(tui_ctx *c, long long id);
/* A person's audit trail (view_history.c): the risk banner, then every
 * change, oldest first, as `caseload audit` prints it. Read-only. */
tui_view *tui_history_new(tui_ctx *c, const char *crn);

#endif
