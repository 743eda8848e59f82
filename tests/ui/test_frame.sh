# The frame: opens at 80x24, `?` help from the keymap, resize below 80x24
# shows "terminal too small" and recovers, q goes back, Q quits from deep in
# the stack, NO_COLOR and TERM=vt100 runs.
. "$(dirname "$0")/lib.sh"
cl check >/dev/null || fail "creating the database"

start 80x24 --
wait_for "caseload: my caseload"
expect_screen "/ search"
keys '?'
wait_for "Help: keys"
expect_screen "quit caseload from any screen"
resize 60 20
wait_for "terminal too small (need 80x24)"
resize 20 5
wait_for "terminal too"
resize 80 24
wait_for "Help: keys"
keys q
wait_for "caseload: my caseload"
# resize inside a form (the court intake form): redrawn at once, typing kept
keys n
wait_for "new case: court intake"
type_text "Zoë"
resize 60 20
wait_for "terminal too small (need 80x24)"
resize 80 24
wait_for "new case: court intake"
expect_screen "Zoë"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "caseload: my caseload"
# Q from two screens deep
keys '?'
wait_for "Help: keys"
keys Q
expect_exit_ok

for env in NO_COLOR=1 NO_COLOR= TERM=vt100; do
  stop
  start 80x24 "$env" --
  wait_for "caseload: my caseload"
  keys '?'
  wait_for "Help: keys"
  keys Q
  expect_exit_ok
done
exit 0
