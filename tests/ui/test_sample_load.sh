# The sample caseload loads on any day with a full diary for today on a
# working day, and moves by whole weeks so no appointment lands on a weekend;
# one the shift puts on a bank holiday moves to the next business day (on 8
# December 2026 the whole-week shift alone left about 110 on Christmas Day,
# the Boxing Day substitute and New Year's Day).
. "$(dirname "$0")/lib.sh"
for day in 2026-11-26 2026-11-29 2026-12-08 2027-03-02; do
    rm -f "$CASELOAD_DB" "$CASELOAD_DB-wal" "$CASELOAD_DB-shm"
    CASELOAD_NOW="${day}T09:00" load_sample
    weekend=$(sqlite3 "$CASELOAD_DB" "SELECT count(*) FROM appointment WHERE strftime('%w', date) IN ('0', '6')")
    [ "$weekend" -eq 0 ] || fail "$day: $weekend appointments on a weekend"
    holiday=$(sqlite3 "$CASELOAD_DB" "SELECT count(*) FROM appointment WHERE date IN (SELECT date FROM holiday)")
    [ "$holiday" -eq 0 ] || fail "$day: $holiday appointments on a bank holiday"
    n=$(sqlite3 "$CASELOAD_DB" "SELECT count(*) FROM appointment WHERE date = '$day'")
    case $day in
    2026-11-29) [ "$n" -eq 0 ] || fail "$day is a Sunday: $n appointments" ;;
    *) [ "$n" -ge 20 ] || fail "$day: only $n appointments today" ;;
    esac
done
# T295028 is held by MCR01 (an SPO) in name only: it waits from its current
# order's sentence, not from the load that stamped its allocation.
since=$(sqlite3 "$CASELOAD_DB" "SELECT max(sentence_date) FROM orders WHERE crn = 'T295028' AND terminated_at IS NULL")
[ -n "$since" ] && [ "$since" != 2027-03-02 ] || fail "T295028 has no current order before the load day"
CASELOAD_NOW=2027-03-02T09:00 cl unallocated --office MCR >"$T/out" 2>/dev/null || fail "unallocated"
grep -q "^T295028 .* $since MCR01" "$T/out" || { cat "$T/out"; fail "T295028 waits from its sentence $since"; }
CASELOAD_NOW=2027-03-02T09:00 cl due --office MCR >"$T/out" 2>/dev/null || fail "due"
grep -q "OVERDUE  T295028 .*allocation: unallocated since $since, held in name only by MCR01" "$T/out" ||
  { grep T295028 "$T/out"; fail "T295028's allocation item is overdue from the sentence"; }
# `make run` opens the sample as its officer CDF02, who has cases in it.
make -s -n -C "$ROOT" run | grep -q 'CASELOAD_OFFICER=${CASELOAD_OFFICER:-CDF02} .*caseload --db' ||
  fail "make run does not open the sample as CDF02"
n=$(sqlite3 "$CASELOAD_DB" "SELECT count(*) FROM offender WHERE officer = 'CDF02' AND status = 'active'")
[ "$n" -ge 10 ] || fail "CDF02 has only $n cases in the sample"
exit 0
