# A prompt for a reason never throws its typed text away on one key, as a
# form does not: Esc with a reason typed asks "Discard the typed text? y/N"
# (n or Esc brings the prompt back with the text, y closes it), Ctrl-C asks
# "Quit and discard the typed text? y/N"; an empty prompt closes at once.
# The diary's cancel reason and the registration's end reason (every reason
# prompt shares tui_prompt_text). The arrows under the prompt move the list,
# but the appointment cancelled is the one the prompt named.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl book X100001 2026-11-25 11:00 --location "Room 2" >/dev/null || fail "booking"
cl book X100001 2026-11-25 14:00 --location "Room 3" >/dev/null || fail "booking"

start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
keys Right
wait_for "diary Wed 25 Nov 2026"
wait_for "14:00 Siân Llŷr"
# Empty: Esc closes at once.
keys x
wait_for "Cancel X100001 11:00: reason:"
keys Escape
wait_for "not cancelled"
expect_not_screen "Discard the typed text?"
# Typed: Esc asks; n and Esc bring the prompt back with the text.
keys x
wait_for "Cancel X100001 11:00: reason:"
type_text "person in hospital"
keys Escape
wait_for "Discard the typed text? y/N"
keys n
wait_for "Cancel X100001 11:00: reason: person in hospital"
keys Escape
wait_for "Discard the typed text? y/N"
keys Escape
wait_for "Cancel X100001 11:00: reason: person in hospital"
# A quit asks too; n keeps it.
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys n
wait_for "Cancel X100001 11:00: reason: person in hospital"
# y discards: nothing is cancelled.
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not cancelled"
expect_not_screen "reason: person in hospital"
[ "$(q "SELECT count(*) FROM appointment WHERE status='cancelled'")" = 0 ] || fail "nothing cancelled"
# The list moved under the prompt: the 11:00 named is the one cancelled.
keys x
wait_for "Cancel X100001 11:00: reason:"
keys Down
type_text "person in hospital"
keys Enter
wait_for "cancelled: X100001"
[ "$(q "SELECT start FROM appointment WHERE status='cancelled'")" = "11:00" ] || fail "the 11:00 is cancelled"
[ "$(q "SELECT reason FROM appointment WHERE status='cancelled'")" = "person in hospital" ] || fail "with the reason"

# The registration's end reason asks the same.
keys q
wait_for "caseload: my caseload"
open_record "X100001"
keys F
wait_for "registrations of X100001"
keys x
wait_for "End registration"
keys y
wait_for "Reason for ending it:"
type_text "level reduced at panel"
keys Escape
wait_for "Discard the typed text? y/N"
settled >/dev/null
grep -q "^ y discard  n keep" "$T/screen" || fail "the discard question's own hints"
keys n
wait_for "Reason for ending it: level reduced at panel"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not saved: the typed text is discarded"
[ "$(q "SELECT count(*) FROM registration WHERE end_date IS NOT NULL")" = 0 ] || fail "nothing ended"
keys x
wait_for "End registration"
keys y
wait_for "Reason for ending it:"
keys Escape
wait_for "registrations of X100001"
expect_not_screen "Discard the typed text?"
keys Q
expect_exit_ok
exit 0
