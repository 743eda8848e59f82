# A registration in full: Enter on the registrations screen (F) opens it with
# every field, its last review, its notes, its review history (the day each
# review was done as typed, who recorded it and when, the date it was due)
# and its end details, long text wrapped; the record's R section shows the
# last review, notes and reviews and wraps a long end reason; `show` prints
# them; the F prompts keep a space after the colon; a review after today is
# refused there; the add form's From reads a typed date backwards.
. "$(dirname "$0")/lib.sh"
seed_ui 0
export CASELOAD_OFFICER=CDF02
REASON="Child protection plan ended at the review conference; the core group agreed that no further registration is needed and the risk is managed"
cl register X100001 WEAP --date 2026-11-02 --notes "Agreed at the MAPPA meeting with police present" >/dev/null || fail "add WEAP"
id=$(cl register --list X100001 | awk -F'	' '$2 == "WEAP" {print $1}')
# Done on the 20th, recorded today (the 24th): both are kept.
cl register --review "$id" --date 2026-11-20 >/dev/null || fail "review"
cl register --list X100001 >"$T/out" || fail "list"
grep -A1 "^$id	WEAP" "$T/out" | grep -qx "    Last review: 2026-11-20" || { cat "$T/out"; fail "list: last review"; }
cl register X100001 RCPR --notes "Section 47 enquiry" >/dev/null || fail "add RCPR"
cp_id=$(cl register --list X100001 | awk -F'	' '$2 == "RCPR" {print $1}')
cl register --end "$cp_id" --reason "$REASON" >/dev/null || fail "end RCPR"

cl show X100001 >"$T/out" || fail "show"
cp "$T/out" "$T/screen"
grep -A3 "^WEAPONS: active from 2026-11-02" "$T/out" | grep -qx "    Last review: 2026-11-20" || fail "show: last review"
grep -A3 "^WEAPONS: active from 2026-11-02" "$T/out" | grep -qx "    Notes: Agreed at the MAPPA meeting with police present" || fail "show: notes"
grep -A3 "^WEAPONS: active from 2026-11-02" "$T/out" | grep -q "^    Reviewed on 2026-11-20 by CDF02 at 2026-11-24T10:00: was due 2027-02-02, next review" || fail "show: review history"

start 80x24
wait_for "my caseload"
open_record "X100001"
keys R
wait_for "[R Registrations]"
expect_screen "    Last review: 2026-11-20"
expect_screen "    Notes: Agreed at the MAPPA meeting with police present"
expect_screen "    Reviewed on 2026-11-20 by CDF02 at 2026-11-24T10:00: was due 2027-02-02"
# The long end reason is wrapped, not cut: its last words are on the screen.
keys G
expect_screen "the risk is managed"
keys F
wait_for "registrations of X100001"
expect_screen "Enter open"
keys g v
wait_for "Reviewed on (date): today"
keys C-u
type_text "2026-11-25"
keys Enter
wait_for "2026-11-25 is after today (2026-11-24)"
# Enter opens the selected registration in full.
row=$(screen | grep -n "WEAPONS" | head -1 | cut -d: -f1)
keys g
n=3; while [ "$n" -lt "$row" ]; do keys Down; n=$((n + 1)); done
keys Enter
wait_for "registration $id of X100001"
expect_screen "Registration $id: WEAPONS (WEAP)"
expect_screen "From:          2026-11-02, registered by CDF02"
expect_screen "Last review:   2026-11-20"
expect_screen "Notes:         Agreed at the MAPPA meeting with police present"
expect_screen "Reviews:       reviewed on 2026-11-20 by CDF02 at 2026-11-24T10:00: was due"
keys q
wait_for "registrations of X100001"
keys G Up
keys Enter
wait_for "registration $cp_id of X100001"
expect_screen "Ended:         2026-11-24 by CDF02 at 2026-11-24T10:00: Child protection"
expect_screen "the risk is managed"
expect_screen "Notes:         Section 47 enquiry"
# The add form's From: a date after today is refused in the words of the
# CLI's; 23/11 is the last 23 November (yesterday), not next year's.
keys q
wait_for "registrations of X100001"
keys a
wait_for "add a registration for X100001"
type_text "RCHD"
keys Tab Tab Tab
type_text "2026-11-30"
keys C-s
wait_for "date: 2026-11-30 is after today (2026-11-24): a registration starts when"
keys C-u
type_text "23/11"
keys C-s
wait_for "registered (no."
cl register --list X100001 | grep -q "^[0-9]*	RCHD	.*from 2026-11-23" || fail "23/11 read as $(cl register --list X100001 | grep RCHD)"
keys Q
expect_exit_ok
exit 0
