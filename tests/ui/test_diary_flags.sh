# The diary's Flags column at 80x24 shortens by whole labels (the risk
# module's short flags), never mid-label: `MAPPA 2/2` keeps its category and
# level, then `+N` counts the rest, in the day and week views of an officer's
# and of an office's diary, and in the printed day list.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
seed "INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)
        VALUES ('X100004','Jones','Al','1980-01-01','AB1','N1');
      INSERT INTO registration(crn,type,category,level,start_date,review_date)
        VALUES ('X100004','MAPP','M2','M2','2026-01-01','2027-01-01');
      INSERT INTO registration(crn,type,start_date,review_date)
        VALUES ('X100004','ADVP','2026-01-01','2027-01-01');"
cl book X100004 2026-11-24 14:00 --location "Interview room 6" >/dev/null || fail "booking"

# flags_whole VIEW: the row's flags hold MAPPA 2/2 whole and the count.
flags_whole() {
  wait_for "X100004"
  settled >/dev/null
  grep -q "X100004 Unknown   MAPPA 2/2 +1 " "$T/screen" || fail "$1: MAPPA 2/2 whole, then +1"
  if grep -q "MAPP~\|MAPPA ~" "$T/screen"; then fail "$1: a label cut mid-label"; fi
}
# The printed day list the same way (it showed `MAPPA 2/2 +`, the count cut off).
for scope in "--officer AB1" "--office N1"; do
  cl diary $scope --date 2026-11-24 >"$T/day.txt" || fail "diary $scope"
  grep -q "X100004 Unknown   MAPPA 2/2 +1 " "$T/day.txt" || fail "printed ($scope): MAPPA 2/2 whole, then +1: $(cat "$T/day.txt")"
done
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
flags_whole "officer's day"
keys w
wait_for "diary week of Mon 23 Nov 2026: Alex Brown (AB1)"
flags_whole "officer's week"
keys o
wait_for "caseload: diary week of Mon 23 Nov 2026: N1, 0 unallocated (U)"
flags_whole "office's week"
keys w
wait_for "caseload: diary Tue 24 Nov 2026: Northtown (N1), 0 unallocated (U)"
flags_whole "office's day"
keys Q
expect_exit_ok
exit 0
