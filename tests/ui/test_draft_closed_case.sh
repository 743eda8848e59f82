# A note typed for a case that is closed before it is saved (explore7 item
# 10): it can never be saved, so the next start does not offer it to a form
# (where Ctrl-S would only say "closed: read-only", at every start); it shows
# it read-only, whole, with why, for the officer to copy; q leaves it for the
# next start; d discards it after a y/N question, and then it is gone.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary

open_log_form X100001 "Siân Llŷr"
type_text "Spoke about the move to Leeds; wants the address kept from his ex-partner."
wait_for "wants the address kept"
sleep 2.5 # CONVENTIONS.md: at least 2 seconds after the last key
kill_caseload KILL 137
stop
[ "$(q "SELECT count(*) FROM draft WHERE crn = 'X100001'")" = 1 ] || fail "no draft after the kill"

# The case is closed meanwhile (an import: the only way).
cl export offenders >"$T/all.csv" || fail "export"
{ head -1 "$T/all.csv"; grep '^X100001,' "$T/all.csv" | sed 's/,active,/,closed,/'; } >"$T/close.csv"
cl import offenders "$T/close.csv" >/dev/null 2>"$T/err" || fail "closing: $(cat "$T/err")"

start 80x24 -- --officer AB1
wait_for "unsaved note for X100001: CLOSED case, read-only"
expect_screen "This note was never saved, and cannot be now: the case of Siân Llŷr (X100001)"
expect_screen "is closed: read-only."
expect_screen "Spoke about the move to Leeds; wants the address kept from his ex-partner."
expect_screen "d discards it (asks first); q keeps"
expect_not_screen "Recover unsaved note"
expect_not_screen "Log contact:"
# n (any key but y) keeps it.
keys d
wait_for "Discard the unsaved note for X100001? It cannot be recovered. y/N"
keys n
wait_gone "Discard the unsaved note"
[ "$(q "SELECT count(*) FROM draft WHERE crn = 'X100001'")" = 1 ] || fail "n discarded the draft"
# q leaves it: the caseload list, and the next start shows it again.
keys q
wait_for "caseload: my caseload"
[ "$(q "SELECT count(*) FROM draft WHERE crn = 'X100001'")" = 1 ] || fail "q discarded the draft"
stop
start 80x24 -- --officer AB1
wait_for "unsaved note for X100001: CLOSED case, read-only"
keys d
wait_for "Discard the unsaved note for X100001? It cannot be recovered. y/N"
keys y
wait_for "the unsaved note for X100001 was discarded"
wait_for "caseload: my caseload"
[ "$(q "SELECT count(*) FROM draft WHERE crn = 'X100001'")" = 0 ] || fail "y kept the draft"
stop
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
expect_not_screen "unsaved note"
expect_not_screen "Recover unsaved note"
keys Q
expect_exit_ok
exit 0
