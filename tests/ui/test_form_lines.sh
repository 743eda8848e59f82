# Long lines of the forms at 80x24 are read whole, wrapped instead of cut
# with '~': a correction's line naming the contact (a 13-character id) and
# the note's "draft of ... recovered" (on a row of its own) in the log form;
# the booking form's hints, a cancelled appointment's line under the diary
# are checked in test_book_warnings.sh and test_diary_screen.sh.
. "$(dirname "$0")/lib.sh"
# esc_until TEXT: Esc leaves the note, then closes the form; one at a time
# until TEXT shows (two at once may be read as one key, or one too many
# would leave the screen beneath).
esc_until() {
  for _ in 1 2; do
    keys Escape
    n=30; while [ $n -gt 0 ]; do screen | grep -qF -- "$1" && return 0; sleep 0.1; n=$((n - 1)); done
  done
  fail "timed out waiting for '$1'"
}
. "$(dirname "$0")/seed.sh"
seed_diary
cl --officer AB1 log X100001 COAP --note "Seen in the office." >"$T/out" || fail "logging a contact"
id=$(sed -n 's/^logged contact \([0-9A-Z]*\):.*/\1/p' "$T/out")
[ ${#id} -eq 13 ] || fail "a 13-character contact id: '$id'"

start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
open_record "X100001"
keys C
wait_for "record X100001: Contact history"
keys Enter
wait_for "contacts of Siân Llŷr X100001"
keys Enter
wait_for "contact $id of X100001"
keys c
wait_for "Correct contact: Siân Llŷr X100001"
settled >/dev/null
grep -q "~$" "$T/screen" && fail "a line cut with ~"
settled | tr -s ' \n' '  ' | grep -qF "Correction of contact $id: a new entry; the original stays in the history" ||
  fail "the correction's line whole"
# A note typed, left as a draft, recovered at the next start.
type_text "Rang to correct the outcome."
esc_until "what was typed is kept as a draft"
keys Q
expect_exit_ok
stop
start 80x24 -- --officer AB1
wait_for "Recover unsaved note for X100001?"
keys Enter
wait_for "Correct contact: Siân Llŷr X100001"
wait_for "draft of 2026-11-24T10:00 recovered"
settled >/dev/null
grep -q "~$" "$T/screen" && fail "a line cut with ~"
expect_screen "Rang to correct the outcome."
esc_until "what was typed is kept as a draft"
keys Q
expect_exit_ok
exit 0
