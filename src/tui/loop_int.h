/* The screen loop's private parts, shared by the loop (app_loop.c: the
 * screen stack, the frame, the main loop), its keys (loop_keys.c: which
 * binding a key has, dispatch, quitting), the hint bar (loop_hints.c) and
 * the prompt on the message line (loop_prompt.c: its drawing and keys). */
#ifndef CASELOAD_TUI_LOOP_INT_H
#define CASELOAD_TUI_LOOP_INT_H

#include "tui/tui_int.h"

/* v does not offer action a in its present state (tui_view.offers). */
bool loop_withheld(tui_view *v, tui_action a);
/* The binding of key on v: its own keymap, its others, then "global" (when
 * global); a binding for an action v does not offer now is passed over. */
const tui_binding *loop_lookup(tui_view *v, int key, bool global);
/* v takes letters as text even outside a text field (TUI_KEY_TEXT). */
bool loop_letters_are_text(tui_view *v);
/* A key that types a character. */
bool loop_printable(int key);
/* A view on the stack, or the prompt, would lose typed text if the screens closed now. */
bool loop_unsaved(tui_ctx *c);
/* One key to the prompt, else the top view, else the global keys. */
void loop_dispatch(tui_ctx *c, int key);
/* Below the minimum size: key only types into the active text (then it is
 * dispatched; every other key is refused). */
bool loop_types_while_small(tui_ctx *c, int key);

/* The hint bar of v on row y. */
void loop_draw_hints(tui_ctx *c, tui_view *v, int y);

/* The active prompt on row y, and its note on the rows above. */
void loop_draw_prompt(tui_ctx *c, int y);
void loop_draw_prompt_note(tui_ctx *c, int y);
/* key to the active prompt; false when it is not the prompt's (it falls
 * through to the screen beneath). */
bool loop_prompt_key(tui_ctx *c, int key);

#endif
