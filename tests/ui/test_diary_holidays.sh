# A bank holiday or weekend named in every day view (the text day list, the
# screen's day, office and week views), an appointment booked on one named in
# the due list, the move form naming every day it passes over, and the
# printed day list saying where a moved appointment went (not its id).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl book X100001 2026-12-25 10:00 --force >/dev/null 2>&1 || fail "booking Christmas Day with --force"
cl book X100001 2026-11-27 14:00 --location "Room 2" >/dev/null || fail "booking Friday"
mkdir "$T/bin"
printf '#!/bin/sh\necho "$@" >> "%s/lpr.log"\n' "$T" > "$T/bin/lpr"
chmod +x "$T/bin/lpr"

# The text day list.
cl diary --officer AB1 --date 2026-12-25 >"$T/day.txt" || fail "diary text"
sed -n 2p "$T/day.txt" | grep -q "^Fri 25 Dec 2026 (Christmas Day, bank holiday) .*Printed Tue 24 Nov 2026 10:00$" ||
  fail "heading: $(sed -n 2p "$T/day.txt")"
cl diary --office N1 --date 2026-12-28 | sed -n 2p | grep -q "^Mon 28 Dec 2026 (Boxing Day (substitute day), bank holiday)$" ||
  fail "office heading"
cl diary --officer AB1 --date 2026-12-29 | sed -n 2p | grep -q "^Tue 29 Dec 2026  " || fail "a business day says nothing more"
# The due list names it, due the business day before.
CASELOAD_NOW=2026-12-14T10:00 cl due --officer AB1 >"$T/due.txt" 2>&1 || fail "due"
grep "not-business-day" "$T/due.txt" | grep -q "Office visit at 10:00 on Fri 25 Dec 2026: Christmas Day" ||
  fail "due item: $(cat "$T/due.txt")"

start 120x40 "PATH=$T/bin:$PATH" "XDG_STATE_HOME=$T/state" -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
keys g
wait_for "Go to date:"
type_text "25/12"
keys Enter
wait_for "diary Fri 25 Dec 2026 (Christmas Day, bank holiday): Alex Brown"
keys o
wait_for "diary Fri 25 Dec 2026 (Christmas Day, bank holiday): Northtown"
keys o w
wait_for "diary week of Mon 21 Dec 2026"
expect_screen "Fri 25 Dec 2026 (Christmas Day, bank holiday): 10:00-10:30"
keys w

# The move form names the weekend and the Boxing Day substitute it passed over.
keys g
wait_for "Go to date:"
type_text "27/11"
keys Enter
wait_for "diary Fri 27 Nov 2026: Alex Brown"
keys m
wait_for "move appointment"
keys C-u
type_text "26/12"
keys Tab Tab
type_text "person asked"
keys C-s
wait_for "Not a business day: date moved to Tue 29 Dec 2026; save to book (Sat 26 Dec 2026 is a weekend,"
screen | tr -d '\n' | tr -s ' ' | grep -qF "Sat 26 Dec 2026 is a weekend, Mon 28 Dec 2026 is Boxing Day (substitute day))" ||
  fail "the Boxing Day substitute passed over, named"
keys C-s
wait_for "moved to Tue 29 Dec 2026 14:00 (the old appointment stays, marked moved)"
# The old row stays selected; the line under the list says where it went,
# in the printed list's words.
settled | tr '\n' ' ' | tr -s ' ' | grep -qF "rescheduled: person asked (by AB1, 2026-11-24T10:00); moved to Tue 29 Dec 2026 14:00" ||
  fail "the diary's line names where the appointment moved to"
keys p
wait_for "day list sent to the printer; saved to"
f="$T/state/caseload/print/diary-AB1-2026-11-27.txt"
[ -f "$f" ] || fail "print file"
grep -q "RESCHEDULED: person asked (by AB1, 2026-11-24T10:00);" "$f" || fail "moved row: $(cat "$f")"
grep -q "^      moved to Tue 29 Dec 2026 14:00$" "$f" || fail "where it went: $(cat "$f")"
if grep -q "new appointment B" "$f"; then fail "the new appointment's id printed"; fi
keys Q
expect_exit_ok
exit 0
