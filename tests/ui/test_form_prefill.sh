# A form field that comes filled in shows its value selected (reversed) when
# the cursor enters it and the officer has not edited it: the first typed
# character replaces it (the booking date 2026-11-24, typed over with
# 03/12/2026, gives 03/12/2026, never 2026-11-2403/12/2026); Backspace and the
# arrows edit it instead; a field the officer edited is not selected again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary

open_booking X100002
keys Tab
# The date on offer is drawn reversed (selected).
n=50
until tmux -L "$SOCK" capture-pane -e -p -t t | grep -q "7m2026-11-24"; do
  n=$((n - 1)); [ $n -gt 0 ] || { screen >/dev/null; fail "the offered date is not shown selected"; }
  sleep 0.1
done
type_text "03/12/2026"
wait_for "03/12/2026"
expect_not_screen "2026-11-24"
keys Tab
type_text "10:30"
keys C-s
wait_for "booked: X100002"
[ "$(q "SELECT date || ' ' || start FROM appointment WHERE crn='X100002'")" = "2026-12-03 10:30" ] ||
  fail "booked on the typed date: $(q "SELECT date, start FROM appointment WHERE crn='X100002'")"

# Backspace edits the offered value instead (2026-11-2 then 5: the 25th).
keys b
wait_for "book an appointment"
type_text "X100001"
keys Tab BSpace
type_text "5"
wait_for "2026-11-25"
expect_not_screen "2026-11-245"
# Typed by the officer now: back on the field, typing goes on at the cursor.
keys Tab BTab
type_text "x"
wait_for "2026-11-25x"
keys BSpace Tab
type_text "14:00"
keys C-s
wait_for "booked: X100001"
[ "$(q "SELECT date || ' ' || start FROM appointment WHERE crn='X100001'")" = "2026-11-25 14:00" ] ||
  fail "booked on the edited date: $(q "SELECT date, start FROM appointment WHERE crn='X100001'")"

# Home moves into the value: typing inserts there (9 before 2026-11-24).
keys b
wait_for "book an appointment"
type_text "X100002"
keys Tab Home
type_text "9"
wait_for "92026-11-24"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not saved: the typed text is discarded"

# The court intake's "today" and "CO" are offered the same way.
keys n
wait_for "new case: court intake"
type_text "Jones"
keys Tab
type_text "Sam"
keys Tab
type_text "01/02/1991"
keys Tab Tab Tab Tab Tab Tab
wait_for "Sentence date"
type_text "23/11/2026"
wait_for "23/11/2026"
expect_not_screen "today23"
keys Tab
type_text "SSO"
wait_for "SSO"
expect_not_screen "COSSO"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not saved: the typed text is discarded"
keys Q
expect_exit_ok
exit 0
