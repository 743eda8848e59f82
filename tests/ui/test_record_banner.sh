# The record's banner at 80x24: a long enforcement line (a recall review with
# the response awaited and the failure it refers to) wraps instead of being
# cut, and the risk lines below it still show.
. "$(dirname "$0")/lib.sh"
export CASELOAD_NOW=2026-12-08T10:30
cl check >/dev/null || fail "creating the database"
load_sample
export CASELOAD_OFFICER=CDF02
cl log X100003 CLOB --action EA12 --respond-by 2026-12-22 --note "asked why" >/dev/null 2>&1 || fail "EA12"
cl log X100003 COAP --outcome UAAB --date 2026-12-07 --time 09:00 --note "did not come" >/dev/null 2>&1 ||
  fail "the failure"
failure=$(sqlite3 "$CASELOAD_DB" "SELECT id FROM contact WHERE crn = 'X100003' AND outcome = 'UAAB' AND date = '2026-12-07'")
start 80x24 --
wait_for "caseload: my caseload"
keys /
type_text "X100003"
keys Enter
wait_for "record X100003"
settled >/dev/null
tr '\n' ' ' <"$T/screen" | tr -s ' ' >"$T/flat"
grep -q "RECALL REVIEW DUE by 2026-12-22, order O0000005; response awaited by 2026-12-22 (failure $failure on 2026-12-07)" "$T/flat" ||
  fail "the enforcement line is read whole"
head -8 "$T/screen" | grep -q "~" && fail "nothing in the banner is cut"
expect_screen "MAPPA Category 1, Level 3"
expect_screen "REGISTERED SEX OFFENDER"
keys Q
expect_exit_ok
exit 0
