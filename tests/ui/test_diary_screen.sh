# The diary screens: open with D, move between days and weeks, go to a date,
# book an appointment through the keys (a weekend date is moved to the next
# business day on offer) and see it in the office diary, cancel with a
# reason (shown whole under the list), print the day list with a stand-in lpr.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
cl book X100001 2026-11-24 11:00 --location "Room 2" >/dev/null || fail "booking today"
# Yesterday's appointment with an outcome: the status column says it in words.
cl book X100002 2026-11-23 15:00 --officer AB1 --force >"$T/out" 2>/dev/null || fail "booking yesterday"
id=$(sed -n 's/^booked \(B[0-9A-F]*\) .*/\1/p' "$T/out")
cl log X100002 --appointment "$id" --outcome AAME --note "doctor's note" >/dev/null || fail "logging the outcome"
mkdir "$T/bin"
printf '#!/bin/sh\necho "$@" >> "%s/lpr.log"\n' "$T" > "$T/bin/lpr"
chmod +x "$T/bin/lpr"

start 80x24 "PATH=$T/bin:$PATH" "XDG_STATE_HOME=$T/state" -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"
expect_screen "11:00 Siân Llŷr"
expect_screen "X100001 High"
expect_screen "Room 2"
expect_screen "flags: MAPPA 2/2; STAFF; DA; CP"
# Enter opens the person's record; q comes back to the diary.
keys Enter
wait_for "caseload: record X100001"
keys q
wait_for "diary Tue 24 Nov 2026: Alex Brown (AB1)"

# Moving between days and weeks.
keys Right
wait_for "diary Wed 25 Nov 2026"
expect_screen "(no appointments)"
keys Left
wait_for "diary Tue 24 Nov 2026"
keys ']'
wait_for "diary Tue 01 Dec 2026"
keys t
wait_for "diary Tue 24 Nov 2026"
keys Left
wait_for "diary Mon 23 Nov 2026"
expect_screen "Acc medic"
expect_not_screen "AAME"
expect_screen "outcome: Acceptable absence - medical"
keys t
wait_for "diary Tue 24 Nov 2026"
keys g
wait_for "Go to date:"
type_text "03/12"
keys Enter
wait_for "diary Thu 03 Dec 2026"
keys w
wait_for "diary week of Mon 30 Nov 2026"
keys Left
wait_for "diary week of Mon 23 Nov 2026"
expect_screen "Tue 11:00 Siân Llŷr"
keys w t
wait_for "diary Tue 24 Nov 2026"

# Book through the keys for another officer's case, on a Saturday: the form
# offers the next business day; saving again books it.
keys b
wait_for "book an appointment"
type_text "X100002"
keys Tab C-u
type_text "sat"
keys Tab
type_text "14:30"
keys C-s
wait_for "Not a business day: date moved to Mon 30 Nov 2026; save to book"
expect_screen "2026-11-30"
keys C-s
wait_for "booked: X100002 Mon 30 Nov 2026 14:30 Office visit with CD2"
# Not in my diary (the case is CD2's), but in the office diary.
keys g
type_text "30/11"
keys Enter
wait_for "diary Mon 30 Nov 2026: Alex Brown (AB1)"
expect_screen "(no appointments)"
keys o
wait_for "diary Mon 30 Nov 2026: Northtown (N1)"
expect_screen "14:30 Zoë Ó C"
expect_screen "CD2"

# A refusal stops the form: a closed case.
keys b
wait_for "book an appointment"
type_text "X100003"
keys Tab Tab
type_text "15:00"
keys C-s
wait_for "refused: the case of Chloë Brontë (X100003) is closed"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "not saved"

# Cancel with a reason: the row stays, marked; the line under the list gives
# the reason, who and when, and the rest whole (on three rows at 80 columns).
keys x
wait_for "Cancel X100002 14:30: reason:"
type_text "person in hospital after an accident at work, rang to say so this morning"
keys Enter
wait_for "cancelled: X100002"
expect_screen "cancelled"
settled | tr -s ' \n' '  ' | grep -qF "MEDIUM ROSH; flags: none. 14:30-15:00 cancelled: person in hospital after an accident at work, rang to say so this morning (by AB1, 2026-11-24T10:00); officer CD2; at Northtown" ||
  fail "the cancelled appointment whole below the list"
cl diary --office N1 --date 2026-11-30 --format csv | grep -F ',"person in hospital after an accident at work, rang to say so this morning",AB1,' | grep -q ',cancelled,' || fail "cancelled row with reason and who"

# Print the day list.
keys p
wait_for "day list sent to the printer; saved to"
[ -f "$T/state/caseload/print/diary-N1-2026-11-30.txt" ] || fail "print file"
grep -q "diary-N1-2026-11-30.txt" "$T/lpr.log" || fail "lpr called"
grep -q "^Office diary: Northtown (N1)" "$T/state/caseload/print/diary-N1-2026-11-30.txt" || fail "printed day list"

keys Q
expect_exit_ok
exit 0
