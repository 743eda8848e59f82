# A weekly booking shows, before it books, each warning once with its date
# (outside office hours once for all of them) and each appointment moved off
# a bank holiday with the holiday and the new date, in the words `caseload
# book` prints; at 80x24 the list pages (PgDn/PgUp) so nothing is cut, at
# 120x40 it all shows. After booking the message names the moves again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
# AB1 is busy at 08:00 on six of the Fridays.
for d in 2026-12-11 2026-12-18 2027-01-08 2027-01-15 2027-01-22 2027-01-29; do
  cl book X100002 $d 08:00 --officer AB1 --force >/dev/null 2>&1 || fail "booking the clash on $d"
done

# The command line: one line for the office hours, the clashes by date, the moves.
cl book X100001 2026-12-11 08:00 --repeat weekly --count 12 >/dev/null 2>"$T/err"; [ $? -eq 65 ] || fail "warnings stop it"
[ "$(grep -c "outside office hours" "$T/err")" -eq 1 ] || fail "office hours once: $(cat "$T/err")"
grep -q "warning: outside office hours: 08:00-08:30 is outside N1's hours 09:00-17:00 (all 12 appointments)" "$T/err" ||
  fail "office hours for all: $(cat "$T/err")"
[ "$(grep -c "warning: clash: " "$T/err")" -eq 6 ] || fail "six clashes: $(cat "$T/err")"
grep -q "moved: Fri 25 Dec 2026 is Christmas Day, Mon 28 Dec 2026 is Boxing Day (substitute day); booked on Tue 29 Dec 2026 instead" "$T/err" ||
  fail "Christmas named: $(cat "$T/err")"
grep -q "moved: Fri 01 Jan 2027 is New Year's Day; booked on Mon 04 Jan 2027 instead" "$T/err" || fail "New Year named"

# The form at 80x24: the same lines, paged.
open_booking X100001
keys Tab C-u
type_text "2026-12-11"
keys Tab
type_text "08:00"
keys Tab Tab Tab Tab Tab Tab
type_text "weekly"
keys Tab
type_text "12"
keys C-s
wait_for "7 warnings and 2 appointments moved: save again to book anyway."
wait_for "PgDn/PgUp to scroll --"
# Page through, keeping every screen, each as one line (a page on shows
# the last line read again, so a sentence wrapped over two lines is whole on
# one of them); the last page ends the list.
: >"$T/seen"
pages=0 # (settled has its own n)
while :; do
  settled | tr -s ' \n' '  ' >>"$T/seen"
  echo >>"$T/seen"
  grep -q "^ -- lines [0-9]*-\([0-9]*\) of \1: PgDn" "$T/screen" && break
  pages=$((pages + 1)); [ $pages -lt 10 ] || fail "the last page never came"
  keys NPage
done
[ $pages -ge 1 ] || fail "the list needed paging at 80x24"
grep -q "~" "$T/seen" && fail "a warning is cut with ~"
for want in "(all 12 appointments)" "clash: Fri 11 Dec 2026" "clash: Fri 18 Dec 2026" "clash: Fri 08 Jan 2027" \
  "clash: Fri 15 Jan 2027" "clash: Fri 22 Jan 2027" "clash: Fri 29 Jan 2027" \
  "moved: Fri 25 Dec 2026 is Christmas Day, Mon 28 Dec 2026 is Boxing Day (substitute day); booked on Tue 29 Dec 2026 instead" \
  "moved: Fri 01 Jan 2027 is New Year's Day; booked on Mon 04 Jan 2027 instead"; do
  grep -qF -- "$want" "$T/seen" || fail "not shown whole while paging: $want"
done
# PgUp goes back to the start.
keys PPage PPage PPage PPage PPage PPage PPage PPage PPage PPage
wait_for "-- lines 1-"
[ "$(q "SELECT count(*) FROM appointment WHERE crn='X100001'")" = 0 ] || fail "booked before the second save"
keys C-s
wait_for "booked 12 appointments for X100001 from Fri 11 Dec 2026 at 08:00; 2 moved:"
settled | tr -s ' \n' '  ' | grep -qF "Fri 25 Dec 2026 (Christmas Day) to Tue 29 Dec 2026, Fri 01 Jan 2027 (New Year's Day) to Mon 04 Jan 2027" ||
  fail "the moves named after booking"
[ "$(q "SELECT count(*) FROM appointment WHERE crn='X100001'")" = 12 ] || fail "twelve booked"
[ "$(q "SELECT count(*) FROM appointment WHERE crn='X100001' AND date='2026-12-29'")" = 1 ] || fail "Christmas on the 29th"
keys Q
expect_exit_ok

# At 120x40 it all shows at once; moves alone also wait for a second save.
stop
open_booking X100001 120x40
keys Tab C-u
type_text "2026-12-18"
keys Tab
type_text "10:00"
keys Tab Tab Tab Tab Tab Tab
type_text "weekly"
keys Tab
type_text "3"
keys C-s
wait_for "2 appointments moved off a weekend or bank holiday: save again to book."
expect_screen "moved: Fri 25 Dec 2026 is Christmas Day"
expect_not_screen "PgDn/PgUp to scroll"
keys C-s
wait_for "booked 3 appointments for X100001"
keys Q
expect_exit_ok
exit 0
