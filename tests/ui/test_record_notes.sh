# A contact note wrapped on the record's contacts section (C) lines up the
# same way at every width: every row after a note's first is two columns past
# the note's own indent, whether or not the note says "Label: text" (a colon
# typed in a note does not move its rows). Registration notes likewise hang
# under their "Notes: " label, on their second line too.
. "$(dirname "$0")/lib.sh"
seed_ui 0
export CASELOAD_OFFICER=CDF02
WORDS="the property was clean and tidy, partner present throughout, and we talked through the plan for the next weeks of the order in some detail"
cl log X100001 CTOA --time 09:00 --note "Home visit: $WORDS" >/dev/null || fail "log the colon note"
cl log X100001 CTOA --time 10:00 --note "Plain note with no label, $WORDS" >/dev/null || fail "log the plain note"
cl register X100001 WEAP --notes "Agreed at the MAPPA meeting.
Police view: $WORDS" >/dev/null || fail "add WEAP"

# rows_after FIRST: the lines after the line holding FIRST, up to the next one
# that is indented by less than five columns (the next entry or note line).
rows_after() { awk -v f="$1" 'index($0, f) { on = 1; next } on && !/^     / { exit } on { print }' "$T/screen"; }
# check_hang FIRST COLUMNS: every row after FIRST starts after COLUMNS blanks.
check_hang() {
  rows_after "$1" >"$T/rows"
  [ -s "$T/rows" ] || fail "'$1' is not wrapped"
  bad=$(grep -cv "^$(printf "%${2}s" "")[^ ]" "$T/rows")
  [ "$bad" -eq 0 ] || { cat "$T/rows" >&2; fail "'$1': rows not $2 columns in"; }
}

for size in 120x40 80x40; do
  start "$size"
  wait_for "my caseload"
  open_record "X100001"
  keys C
  wait_for "[C Contacts]"
  settled >/dev/null
  check_hang "    Home visit:" 6
  check_hang "    Plain note with no label" 6
  keys R
  wait_for "[R Registrations]"
  settled >/dev/null
  check_hang "    Notes: Agreed at the MAPPA meeting." 11
  check_hang "           Police view:" 11
  keys Q
  expect_exit_ok
  stop
done
exit 0
