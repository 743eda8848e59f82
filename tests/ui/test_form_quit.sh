# A quit never loses a form's typed text silently: Ctrl-C (or Q where it is a
# key) in the booking form, the court intake form and the add-registration
# form with anything typed asks "Quit and discard the typed text? y/N"; n (or
# any key but y) keeps the form and its text, y quits. An untouched form and a
# list quit at once. SIGTERM with a note typed writes the whole note as a
# draft first; SIGHUP with a booking typed says on stderr that it is lost.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary

# The booking form with a CRN typed.
open_booking X100002
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys n
wait_for "kept: nothing was discarded"
expect_screen "book an appointment"
expect_screen "X100002"
# Any key but y says no, Esc too.
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys Escape
wait_for "kept: nothing was discarded"
expect_screen "X100002"
# The text can still be edited and saved after a no.
keys Tab Tab
type_text "11:30"
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys y
expect_exit_ok
[ "$(q "SELECT count(*) FROM appointment WHERE crn='X100002'")" = 0 ] || fail "nothing was booked"

# An untouched booking form quits at once.
stop
open_booking ""
keys C-c
expect_exit_ok
expect_not_screen "Quit and discard"

# The court intake form: typed, then Ctrl-C asks; on from the form to the
# duplicate check (the typed case is still unsaved there): Q asks too.
stop
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys n
wait_for "new case: court intake"
type_text "Llŷr"
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys n
wait_for "kept: nothing was discarded"
expect_screen "Llŷr"
keys Tab
type_text "Siân"
keys Tab
type_text "07/03/1990"
keys C-s
wait_for "This person may already be held"
keys Q
wait_for "Quit and discard the typed text? y/N"
keys n
wait_for "kept: nothing was discarded"
# A record opened from the duplicate check: the intake beneath still holds the case.
keys Enter
wait_for "record X100001"
keys Q
wait_for "Quit and discard the typed text? y/N"
keys y
expect_exit_ok

# The add-registration form.
stop
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
open_record "X100002"
keys F
wait_for "registrations"
keys a
wait_for "add a registration for X100002"
type_text "RCCO"
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys x
wait_for "kept: nothing was discarded"
expect_screen "add a registration for X100002"
expect_screen "RCCO"
# A list quits at once, as ever.
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not saved: the typed text is discarded"
keys C-c
expect_exit_ok

# SIGTERM while a note is being typed: every character is in the draft
# (the timed draft write is up to a second behind).
stop
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
open_record "X100001"
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Up Enter
wait_for "(typing: Esc or Tab leaves the note"
type_text "First line typed."
sleep 1.5
type_text " Then more, just before the kill."
wait_for "just before the kill."
kill_caseload TERM 143
[ "$(q "SELECT body FROM draft")" = "First line typed. Then more, just before the kill." ] ||
  fail "the draft holds the whole note: $(q "SELECT body FROM draft")"

# SIGHUP (the terminal closed) with a booking typed: said on stderr.
stop
start 80x24 -- --officer AB1
wait_for "Recover unsaved note for X100001"
keys Escape
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
keys b
wait_for "book an appointment"
type_text "X100002"
kill_caseload HUP 129
wait_for "caseload: stopped by SIGHUP (terminal closed): the typed text of an open"
exit 0
