# The diary's columns: Where is the location, in an officer's and in an
# office's diary, and widens on a wide terminal (a room name whole at 120
# columns); the office's diary has the officer in a column of its own. At 80
# columns Where gives way to the person's name (the selected row's location is
# on the line below the list). The
# line under the list takes two rows for a long location, and the path of a
# printed day list shows whole at 80 columns (the message wraps). A booking
# with no location is at its office when it is an office visit (as its slip
# says), and says "(no location)" when it is a home visit: on the screen, the
# printed list and the record.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl book X100001 2026-11-24 11:00 --location "Interview room 3" >/dev/null || fail "booking"
cl book X100002 2026-11-24 14:00 --location "Interview room 6" >/dev/null || fail "booking"
cl book X100001 2026-11-24 15:00 --location "Community payback: allotments, Pengam" >/dev/null || fail "booking"
cl book X100002 2026-11-24 16:00 >/dev/null || fail "booking with no location"
cl book X100002 2026-11-25 10:00 --type "home visit" >/dev/null || fail "a home visit with no location"
cl show X100002 | grep -q "^2026-11-24 16:00-16:30  Office visit  Northtown  CD2$" || fail "show: at the office"
cl diary --office N1 --date 2026-11-24 | grep -q "^16:00 Zoë .* CD2 Northtown$" || fail "printed: at the office"
cl diary --officer CD2 --date 2026-11-25 | grep -q "^10:00 Zoë .*Home visit  *(no location)$" || fail "printed: (no location)"

start 120x40 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
wait_for "15:00 Siân Llŷr"
settled >/dev/null
grep -q "^11:00 Siân Llŷr .* Office  *Interview room 3  *booked" "$T/screen" || fail "the room whole at 120 columns"
grep -q "^Time .* Type  *Where  *Status" "$T/screen" || fail "Where header"
keys o
wait_for "diary Tue 24 Nov 2026: Northtown (N1)"
wait_for "14:00 Zoë Ó Ceallaigh"
settled >/dev/null
grep -q "^Time .* Type  *Staff Where  *Status" "$T/screen" || fail "the office's diary: Staff then Where"
grep -q "^14:00 Zoë Ó Ceallaigh .* Office  *CD2   Interview room 6  *booked" "$T/screen" || fail "officer and room in their columns"
grep -q "^11:00 Siân Llŷr .* AB1   Interview room 3" "$T/screen" || fail "AB1's row"
grep -q "^16:00 Zoë Ó Ceallaigh .* Office  *CD2   Northtown  *booked" "$T/screen" || fail "no location: the office"
keys G
wait_for "MEDIUM ROSH; flags: none. 16:00-16:30; officer CD2; at Northtown"
keys Right
wait_for "diary Wed 25 Nov 2026: Northtown (N1)"
wait_for "MEDIUM ROSH; flags: none. 10:00-11:00; officer CD2; (no location)"
grep -q "^10:00 Zoë Ó Ceallaigh .* Home visit  *CD2   (no location)  *booked" "$T/screen" || fail "a home visit: (no location)"
keys Q
expect_exit_ok

stop
start 80x24 "XDG_STATE_HOME=$T/state" "PATH=/usr/bin:/bin" -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
keys o
wait_for "diary Tue 24 Nov 2026: Northtown (N1)"
wait_for "14:00 Zoë Ó C"
settled >/dev/null
# At 80 columns the name comes before the location (it would be cut to
# "Inter~", with the name to 9 columns): the room is on the line below.
for want in "^14:00 Zoë Ó Ceallaigh .* CD2   booked" "^Time .* Type  *Staff Status"; do
  grep -q "$want" "$T/screen" || fail "80 columns: the whole name, the officer, no Where ($want)"
done
keys w
wait_for "caseload: diary week of Mon 23 Nov 2026: N1, "
wait_for "Tue 14:00 Zoë"
settled >/dev/null
# The office's week: 11 columns for the name (it had 5, with Where 5).
grep -q "^Tue 14:00 Zoë Ó Ceal~ X100002 .* CD2   booked" "$T/screen" || fail "80 columns: the office's week names"
keys w
wait_for "caseload: diary Tue 24 Nov 2026: Northtown (N1), "
keys Home
n=0; until screen | grep -q "^MEDIUM ROSH; flags: none\. 14:00-"; do n=$((n + 1)); [ $n -lt 20 ] || fail "no 14:00 row"; keys j; sleep 0.2; done
expect_screen "officer CD2; at Interview room 6"
# The long location: the line under the list takes two rows.
keys G k
wait_for "15:00-15:30"
settled | tr -s ' \n' '  ' | grep -qF "officer AB1; at Community payback: allotments, Pengam" || fail "the whole location below the list"
# The printed list's path, whole.
keys p
wait_for "saved to"
path="$T/state/caseload/print/diary-N1-2026-11-24.txt"
[ -f "$path" ] || fail "print file"
settled | tr -s ' \n' '  ' | grep -qF "day list not printed (no lpr); saved to $path" || fail "the whole path on screen"
keys Q
expect_exit_ok
exit 0
