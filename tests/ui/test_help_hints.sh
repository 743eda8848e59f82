# Help lists exactly the keys that work on the screen it was opened from (the
# diary's own g hides the lists' "g go to the first row"; the team workload
# lists Enter under its own heading), and each hint bar offers the screen's
# own keys first, in the keymap's order, then the global ones as room allows.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary

hint_line() { settled | sed -n '$p'; }
has_hints() {
  h=$(hint_line)
  case "$h" in *"$2"*) ;; *) fail "$1: the hint bar lacks '$2': $h";; esac
}

start 120x30 -- --officer AB1
wait_for "caseload: my caseload"
# On the first screen q leaves caseload: its hint says quit (back elsewhere).
has_hints "the first screen" "? help  q quit"
resize 80 24
wait_for "caseload: my caseload"
# At 80 columns a long description wraps under itself, never cut with ~;
# q says what it does on this, the first screen.
keys '?'
wait_for "Help: keys"
if settled | grep -q '~ *$'; then fail "help cuts a description at 80 columns"; fi
settled | grep -qE '^ *q +go back to the previous screen; on the first screen, quit caseload' || fail "q's help"
settled | grep -A1 -E '^ *Ctrl-C +quit caseload, also in a text field' | sed -n 2p | grep -qE '^ {12,}[a-z(]' ||
  fail "Ctrl-C's description goes on, under itself, on the next line"
keys q
wait_for "caseload: my caseload"
open_record X100001
has_hints "the record at 80 columns" " l log contact  b book  F flags  H history  p personal"
has_hints "the record at 80 columns" "? help"
keys q D
wait_for "diary Tue 24 Nov 2026"
has_hints "the diary at 80 columns" " b book  m move  x cancel  l log outcome  w week  o office"
resize 120 40
wait_for "diary Tue 24 Nov 2026"
has_hints "the diary at 120 columns" " b book  m move  x cancel  l log outcome  w week  o office  g go to  t today  p print"
has_hints "the diary at 120 columns" "Enter open  ? help  q back"

# The diary's help: its g goes to a date; Home (not g) goes to the first row.
keys '?'
wait_for "Help: keys"
settled | grep -qE '^ *g +go to a date' || fail "the diary's g is listed"
settled | grep -qE '^ *Home +go to the first row' || fail "Home is listed"
if settled | grep -qE '^ *g +go to the first row'; then fail "help lists 'g go to the first row', which the diary's g hides"; fi
keys q
wait_for "diary Tue 24 Nov 2026"

# Team workload: Enter, under its own heading, opens the officer's diary.
keys q W
wait_for "team workload"
has_hints "the team workload" " Enter diary  ? help"
keys '?'
wait_for "Help: keys"
settled | grep -A1 'Team workload' | grep -qE "^ *Enter +open the selected officer's diary at today" ||
  fail "Enter is listed under Team workload"
keys q
wait_for "Officer"
keys Enter
wait_for "diary Tue 24 Nov 2026"
keys Q
expect_exit_ok
exit 0
