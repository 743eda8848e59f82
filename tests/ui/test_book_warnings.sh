# The booking form shows every warning before the second save, as
# `caseload book` prints them: 08:00 today (now 10:00) is both in the past and
# outside office hours (09:00-17:00), at 80x24; a clash's long sentence wraps
# over the lines below the fields instead of being cut with ~, as does a
# long hint (the Type field's).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl book X100002 2026-11-25 11:00 --location "Interview room 2 on the first floor, Northtown" >/dev/null ||
  fail "booking the clash"

open_booking X100002
# A long hint wraps below the fields too: the Type field's list of types, whole.
keys Tab Tab
type_text "08:00"
keys Tab Tab
wait_for "office visit (default), first appointment, home visit, telephone, video,"
expect_screen " report interview"
keys BTab BTab
keys C-s
wait_for "2 warnings: save again to book anyway."
expect_screen "in the past: Tue 24 Nov 2026 08:00 has already gone"
expect_screen "outside office hours: 08:00-08:30 is outside"
[ "$(q "SELECT count(*) FROM appointment WHERE crn='X100002' AND date='2026-11-24'")" = 0 ] || fail "booked before the second save"
keys C-s
wait_for "booked: X100002"
[ "$(q "SELECT count(*) FROM appointment WHERE crn='X100002' AND date='2026-11-24'")" = 1 ] || fail "the second save books"

# A clash: the whole sentence, wrapped, at 120 columns too.
stop
open_booking X100002 120x40
keys Tab C-u
type_text "2026-11-25"
keys Tab
type_text "11:00"
keys C-s
wait_for "clash:"
settled >/dev/null
grep -q "clash:.*~" "$T/screen" && fail "the clash is cut with ~"
grep -q "Northtown" "$T/screen" || fail "the clash's end (the location) is not shown"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "diary Tue 24 Nov 2026"
keys Q
expect_exit_ok
exit 0
