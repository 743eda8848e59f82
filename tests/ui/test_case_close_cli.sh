# Closing a case by import (the only way) on the sample caseload: its booked
# appointments after the closure are cancelled in the same import ("case
# closed", who and when kept), so the day list shows them cancelled, `show`
# gives no next appointment and `check` is clean; an appointment from before
# the closure asks for no outcome; an appointments file cannot book the closed
# case after its closure (FILE:LINE: column: message, exit 65).
. "$(dirname "$0")/lib.sh"
export CASELOAD_NOW=2026-12-08T10:30 CASELOAD_OFFICER=CDF02
load_sample

# Zoë Ó Ceallaigh (X100002) has a telephone appointment tomorrow at 09:00.
cl diary --date 2026-12-09 >"$T/day.txt" 2>/dev/null || fail "diary"
grep -q "^09:00 Zoë Ó Ceallai~ X100002 .*Telephone" "$T/day.txt" || { cat "$T/day.txt"; fail "X100002 booked tomorrow"; }
cl export offenders >"$T/all.csv" || fail "export"
{ head -1 "$T/all.csv"; grep '^X100002,' "$T/all.csv" | sed 's/,active,/,closed,/'; } >"$T/close.csv"
cl import offenders "$T/close.csv" >"$T/out" 2>"$T/err" || fail "closing import: $(cat "$T/err")"
grep -q "^imported offenders: 0 inserted, 1 updated, 0 unchanged; 3 appointments after a closure cancelled (case closed)$" "$T/out" ||
  fail "import line: $(cat "$T/out")"

# The day list shows it cancelled, with who and when; the audit trail has it.
cl diary --date 2026-12-09 >"$T/day.txt" 2>/dev/null || fail "diary after"
grep -A1 "^09:00 Zoë Ó Ceallai~ X100002" "$T/day.txt" | grep -q "CANCELLED: case closed (by CDF02, 2026-12-08T10:30)" ||
  { cat "$T/day.txt"; fail "cancelled in the day list"; }
cl audit X100002 >"$T/audit" 2>/dev/null || fail "audit"
grep -q "CDF02 changed appointment Wed 09 Dec 2026 09:00: status booked -> cancelled, reason none -> case closed (import " "$T/audit" ||
  { tail -5 "$T/audit"; fail "audit of the cancellation"; }
cl show X100002 >"$T/show" 2>/dev/null || fail "show"
grep -q "^Next appointment: none$" "$T/show" || { head -8 "$T/show"; fail "no next appointment"; }
cl check >"$T/out" 2>&1 || fail "check after closing: $(cat "$T/out")"

# Matthew Murphy (R500560) had a home visit yesterday at 12:30 with no outcome:
# closed, it is no longer asked for.
cl due 2>/dev/null | grep -q "R500560 .*outcome-needed" || fail "R500560 needs an outcome before closing"
{ head -1 "$T/all.csv"; grep '^R500560,' "$T/all.csv" | sed 's/,active,/,closed,/'; } >"$T/close2.csv"
cl import offenders "$T/close2.csv" >"$T/out" 2>"$T/err" || fail "closing R500560: $(cat "$T/err")"
cl due 2>/dev/null | grep -q "R500560" && fail "a closed case is not in the due list"
cl show R500560 >"$T/show2.txt" 2>/dev/null || fail "show R500560"
grep -qi "outcome needed" "$T/show2.txt" && fail "the record of a closed case asks for no outcome"
cl diary --date 2026-12-07 >"$T/day.txt" 2>/dev/null || fail "diary of yesterday"
grep -A1 "^12:30 Matthew Murphy R500560" "$T/day.txt" | grep -q "CASE CLOSED: no outcome is taken" ||
  { cat "$T/day.txt"; fail "the closed case's past appointment"; }
grep -A1 "^12:30 Matthew Murphy R500560" "$T/day.txt" | grep -q "OUTCOME NEEDED" && fail "no outcome asked of a closed case"

# The diary screen says the same: "closed", not OUTCOME?, and why on the line below.
start 120x30 -- --officer CDF02
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 08 Dec 2026"
keys Left
wait_for "diary Mon 07 Dec 2026"
wait_for "12:30 Matthew Murphy"
# Rows: 10:00 Siân Llŷr, 11:00 Zoë Ó Ceallaigh (closed too), 12:30 Matthew Murphy.
keys Home j j
screen | grep -q "12:30 Matthew Murphy .* closed *$" || fail "the diary row says closed"
expect_screen "CASE CLOSED: no outcome is taken"
screen | grep "12:30 Matthew Murphy" | grep -q "OUTCOME" && fail "the diary asks a closed case for an outcome"
keys Q
expect_exit_ok
stop

# Booking the closed case after its closure by file is refused, in its words.
cl export appointments >"$T/appts.csv" || fail "export appointments"
{ head -1 "$T/appts.csv"; printf 'B1,X100002,O0000002,CDF02,2026-12-10,10:00,10:30,COAP,,booked,,CDF,,,,\n'; } >"$T/book.csv"
cl import appointments "$T/book.csv" >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "booking a closed case must exit 65"
grep -q "^$T/book.csv:2: date: the case of X100002 was closed at 2026-12-08T10:30: a closed case takes no appointment booked after its closure (give status cancelled)$" "$T/err" ||
  fail "refusal: $(cat "$T/err")"
