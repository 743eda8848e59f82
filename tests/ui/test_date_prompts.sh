# The screens' date prompts give the command line's words for a date that
# is not one: what is wrong with a day that does not exist (31 February),
# the accepted forms otherwise. The diary's `g`, a registration's review
# date, the log form's date, the booking form.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl --officer AB1 due --date 31/02 >/dev/null 2>"$T/err"
grep -qxF "caseload: --date: 31/02: 31 February is not a date" "$T/err" || { cat "$T/err"; fail "the command line's words"; }

start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
keys g
type_text "31/02/2027"
keys Enter
wait_for "31/02/2027: 31 February is not a date"
keys g
type_text "soon"
keys Enter
wait_for "'soon' is not a date (YYYY-MM-DD, DD/MM/YYYY, DD/MM, tue, +3, today)"
keys b
wait_for "book an appointment"
type_text "X100001"
keys Tab
type_text "30/02"
keys Tab
type_text "10:00"
keys C-s
wait_for "date: 30/02: 30 February is not a date"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "diary Tue 24 Nov 2026"
keys q

keys /
type_text "X100001"
keys Enter
wait_for "record X100001"
keys F
wait_for "registrations of X100001"
keys g v
wait_for "Reviewed on (date): today"
type_text "2026-02-30"
keys Enter
wait_for "2026-02-30: 30 February is not a date"
keys q
wait_for "record X100001"
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Down Down Down Down Enter   # Type -> Outcome -> Action -> Order -> Date
wait_for "Date"
type_text "29/02/2027"
keys Enter
wait_for "29/02/2027: 29 February 2027 is not a date (2027 is not a leap year)"
keys C-c
expect_exit_ok
exit 0
