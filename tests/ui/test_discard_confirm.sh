# One key never throws typed text away: in the log-contact form, a note typed,
# Esc (leaving the note) and then Ctrl-D asks "Discard the typed text? y/N"; n or
# Esc keeps the form and the note (and its draft), only y discards. A form
# with something typed asks the same on Esc. A log form left as it opened
# keeps no draft (Esc) and Ctrl-D there just leaves; a field chosen (no note)
# is typed text: Esc keeps it as a draft and Ctrl-D asks.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary

open_log_form X100001 "Siân Llŷr"
keys Up Enter
wait_for "(typing: Esc or Tab leaves the note"
type_text "Home visit: not in; the neighbour says he moved last week."
keys Escape
wait_for "(Enter or any letter: type it here"
# Ctrl-D asks (a letter is never a command in this form); i answers no.
keys C-d
wait_for "Discard the typed text? y/N"
expect_screen "Home visit: not in; the neighbour says he moved last week."
keys n
wait_for "kept: nothing was discarded"
expect_screen "Log contact: Siân Llŷr X100001"
expect_screen "Home visit: not in; the neighbour says he moved last week."
keys C-d
wait_for "Discard the typed text? y/N"
keys Escape
wait_for "kept: nothing was discarded"
expect_screen "Log contact: Siân Llŷr X100001"
expect_screen "Home visit: not in; the neighbour says he moved last week."
keys C-d
wait_for "Discard the typed text? y/N"
keys i
wait_for "kept: nothing was discarded"
expect_screen "Home visit: not in; the neighbour says he moved last week."
sleep 1.5 # the draft is written within a second
[ "$(q "SELECT body FROM draft")" = "Home visit: not in; the neighbour says he moved last week." ] ||
  fail "the draft is kept after no: $(q "SELECT body FROM draft")"
# y discards: the form closes and the draft goes.
keys C-d
wait_for "Discard the typed text? y/N"
keys y
wait_for "contact not logged; draft discarded"
wait_for "caseload: record X100001"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "y leaves no draft"
[ "$(q "SELECT count(*) FROM contact")" = 0 ] || fail "nothing was logged"

# A form (the booking) with something typed: Esc asks; n keeps the text.
keys b
wait_for "book an appointment"
keys Tab Tab
type_text "11:15"
keys Escape
wait_for "Discard the typed text? y/N"
keys n
wait_for "kept: nothing was discarded"
expect_screen "book an appointment"
expect_screen "11:15"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not saved: the typed text is discarded"
wait_for "caseload: record X100001"
# Nothing typed: Esc closes at once.
keys b
wait_for "book an appointment"
keys Escape
wait_for "caseload: record X100001"
expect_not_screen "Discard the typed text?"

# The log form left as it opened: Esc keeps nothing, Ctrl-D asks nothing.
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Escape
wait_for "contact not logged: nothing was typed, so nothing is kept"
wait_for "caseload: record X100001"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "an untouched form left a draft"
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys C-d
wait_for "contact not logged: nothing was typed, so nothing is kept"
wait_for "caseload: record X100001"
expect_not_screen "Discard the typed text?"
# A type chosen, no note: typed text, kept as a draft and asked about.
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Enter
wait_for "Contact type"
keys Enter
wait_for "Type       COAI"
keys Escape
wait_for "not saved: what was typed is kept as a draft"
wait_for "caseload: record X100001"
q "SELECT fields FROM draft WHERE crn = 'X100001'" | grep -qx "type=COAI" || fail "the chosen type is not in the draft: $(q "SELECT fields FROM draft")"
keys l
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "Type       COAI"
keys C-d
wait_for "Discard the typed text? y/N"
keys y
wait_for "contact not logged; draft discarded"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "y leaves no draft"
keys Q
expect_exit_ok
exit 0
