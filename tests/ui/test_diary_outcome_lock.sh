# An appointment with an outcome logged is neither cancelled nor moved, and
# the diary says so at once: x and m refuse before any reason is asked or the
# move form opens, in the core's words (the contact to correct named), shown
# whole at 80 columns. An appointment without an outcome still asks.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl book X100001 2026-11-23 15:00 --officer AB1 --force >"$T/out" 2>/dev/null || fail "booking yesterday"
id=$(sed -n 's/^booked \(B[0-9A-F]*\) .*/\1/p' "$T/out")
cl log X100001 --appointment "$id" --outcome ATTC >"$T/log" || fail "logging the outcome"
cid=$(sed -n 's/^logged contact \([^:]*\):.*/\1/p' "$T/log")
[ -n "$cid" ] || fail "no contact id: $(cat "$T/log")"
cl book X100001 2026-11-23 16:00 --officer AB1 --force >/dev/null 2>&1 || fail "booking a second one"

start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
keys Left
wait_for "diary Mon 23 Nov 2026"
wait_for "15:00 Siân Llŷr"
# The whole message, wrapped over the last rows: read it as one line.
whole() { settled | tr -s ' \n' '  '; }
keys x
wait_for "correct that contact first"
whole | grep -qF "appointment $id has an outcome (Attended - complied, 23/11/2026, contact $cid): correct that contact first" ||
  fail "the core's words, whole"
expect_not_screen "reason:"
keys C-l
wait_gone "correct that contact first"
keys m
wait_for "correct that contact first"
whole | grep -qF "appointment $id has an outcome (Attended - complied, 23/11/2026, contact $cid): correct that contact first" ||
  fail "the core's words, whole, for a move"
expect_not_screen "move appointment"
expect_screen "diary Mon 23 Nov 2026"
[ "$(q "SELECT status FROM appointment WHERE id='$id'")" = booked ] || fail "still booked"
# The one without an outcome: x asks for the reason, m opens the form.
keys j
wait_for "16:00-16:30 OUTCOME NEEDED"
keys x
wait_for "Cancel X100001 16:00: reason:"
keys Escape
wait_for "not cancelled"
keys m
wait_for "move appointment"
keys Escape
wait_for "diary Mon 23 Nov 2026"
keys Q
expect_exit_ok
exit 0
