# The terminal resized repeatedly while a list, a record, a form and the help
# are open, through sizes down to 20x5 and up to 200x60: the screen always
# recovers, typing in a form is kept (also what is typed between resizes, at
# any size), the process never crashes (ASan build) and quits cleanly; at
# 20x5, Q and Ctrl-C are refused as any other key, and text typed is kept.
# Each storm ends with `resized`, which waits until tmux has handed the last
# size to the program: a key sent while a late resize to 21x6 was still on
# its way was refused as "not taken" (1 run in 3 failed so).
. "$(dirname "$0")/lib.sh"
cl check >/dev/null || fail "creating the database"
load_sample
start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "caseload: my caseload"
wait_for "Llŷr"
# storm [TEXT]: TEXT's characters typed one after each resize.
storm() {
  st=${1:-}
  for size in 120x40 20x5 81x25 79x23 200x60 20x5 30x10 80x24 100x24 80x50 21x6; do
    resize "${size%x*}" "${size#*x}"
    if [ -n "$st" ]; then type_text "$(printf '%.1s' "$st")"; st=${st#?}; fi
    sleep 0.05
  done
  resized 80 24
}
storm; storm
wait_for "caseload: my caseload"
expect_screen "Llŷr"
# A record.
keys Enter
wait_for "ROSH"
storm
wait_for "ROSH"
keys q
wait_for "caseload: my caseload"
# A form with typing in it.
keys n
wait_for "new case: court intake"
type_text "Siân Ó'"
wait_for "Siân Ó"
storm "Brien-Smyth"
wait_for "new case: court intake"
wait_for "Siân Ó'Brien-Smyth"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "caseload: my caseload"
keys '?'
wait_for "Help: keys"
storm
wait_for "Help: keys"
resize 20 5
wait_for "terminal too"
resize 80 24
wait_for "Help: keys"
keys q
wait_for "caseload: my caseload"
# Q and Ctrl-C at 20x5 are refused as every other key there, on the list and
# in the diary: quitting is not done while nothing can be seen.
resized 20 5
wait_for "terminal too"
expect_screen "(need 80x24)" # the size needed is read whole at 20 columns
keys Q
wait_for "1 key not taken"
keys C-c
wait_for "2 keys not taken"
expect_not_screen "EXITED"
resized 80 24
wait_for "caseload: my caseload"
keys D
wait_for "diary"
resized 20 5
wait_for "terminal too"
keys Q
wait_for "1 key not taken"
resized 80 24
wait_for "diary"
expect_not_screen "EXITED"
keys q
wait_for "caseload: my caseload"
# A form with typed text: Ctrl-C at 20x5 is refused (no room for the question)
# and Q goes into the field being typed, as any letter; nothing is lost.
keys n
wait_for "new case: court intake"
type_text "Zoë"
wait_for "Zoë"
resized 20 5
wait_for "terminal too"
keys C-c
wait_for "1 key not taken"
keys Q
wait_for "typing still goes in"
resized 80 24
wait_for "new case: court intake"
wait_for "ZoëQ"
keys C-c
wait_for "Quit and discard the typed text? y/N"
keys y
expect_exit_ok
exit 0
