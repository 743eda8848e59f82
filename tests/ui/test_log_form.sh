# The log-contact form from a record (explore3 report sections 2, 3, 11, 13,
# 14): the order comes chosen when one order is running (an ended order never
# marked terminated does not count) and can be chosen among the person's
# orders; an unpaid work session takes its end time and credits its hours; a
# RAR day can be marked; EA12 asks for its respond-by date and the warning
# then waits for it; letters typed outside the note go into the note, never
# run as commands; keys typed while the terminal is too small still reach the
# note; a note recovered after kill -9 keeps the date and time it was typed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
seed "INSERT INTO orders(id,crn,type,sentence_date,end_date) VALUES ('O0','X100001','CO','2024-01-02','2025-01-02');
INSERT INTO orders(id,crn,type,sentence_date,end_date) VALUES ('O1','X100001','CO','2026-01-10','2027-01-09');
INSERT INTO requirement(id,order_id,type,length,unit,start_date) VALUES ('R1','O1','W',100,'hours','2026-01-10');
INSERT INTO requirement(id,order_id,type,length,unit,start_date) VALUES ('R2','O1','F',20,'days','2026-01-10');
INSERT INTO contact(id,crn,order_id,officer,date,time,type,outcome) VALUES ('K1','X100001','O1','AB1','2026-11-20','10:00','COAP','UAAB');"

open_log() {
  keys l
  wait_for "Log contact: Siân Llŷr X100001"
}
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
open_record "X100001"

# 1. Unpaid work from the record: the running order O1 comes chosen (O0 ended
# but was never marked terminated), End is asked for, and the hours count.
open_log
expect_screen "Order      O1  CO Community order, sentenced 2026-01-10, running"
expect_not_screen "End        "   # not an appointment type yet
keys Enter
wait_for "Contact type"
keys Down Down Down Down Down Down Down Down Enter
wait_for "CUPA  Unpaid work session"
expect_screen "End        -  (for a session: the hours credited)"
keys Enter
wait_for "Attended - complied"
keys Down Enter
wait_for "ATTC  Attended - complied"
keys C-s
wait_for "not saved: end: an attended unpaid work session needs its end time"
keys Down Down Down Enter      # Action -> Order -> Date -> Time
wait_for "Time (HH:MM):"
type_text "09:00"
keys Enter
keys Down Enter
wait_for "End time (HH:MM, empty: none):"
type_text "10:00"   # ended at 10:00, now: its hours can be credited
keys Enter
wait_for "End        10:00"
keys Down Enter
wait_for "RAR: yes, this contact is a RAR activity day"
expect_screen "RAR        yes"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT order_id||' '||time||'-'||end||' rar='||rar FROM contact WHERE type='CUPA'")" = "O1 09:00-10:00 rar=1" ] ||
  fail "the session as saved: $(q "SELECT order_id, time, end, rar FROM contact WHERE type='CUPA'")"
cl show X100001 | grep -q "Unpaid work: 1 of 100 hours done" || fail "show: the session's hour counts"

# 2. The order is a choice among the person's orders, ended ones marked.
open_log
keys Down Down Down Enter
wait_for "(no order)"
expect_screen "CO Community order, sentenced 2024-01-02, ended 2025-01-02"
keys Down Down Enter
wait_for "Order      O0  CO Community order, sentenced 2024-01-02, ended 2025-01-02"

# 3. Letters outside the note are text, never commands: on Sensitive, "sad"
# no longer marks the contact sensitive nor asks to discard; Q, D and ? do
# not quit, open the diary or help: the text lands in the note.
keys Down Down Down   # the pick moved on to Date -> Time -> RAR -> Sensitive
type_text "sad Day? Quiet. "
wait_for "(typing: Esc or Tab leaves the note"
expect_screen "sad Day? Quiet."
expect_screen "Sensitive  no"
expect_screen "Log contact: Siân Llŷr X100001"
expect_not_screen "Discard the typed text?"
# Sensitive changes only with Enter on it, and says so.
keys Escape Up Enter
wait_for "Sensitive: YES, this contact is marked sensitive"
keys Enter
wait_for "Sensitive: no"
keys C-d
wait_for "Discard the typed text? y/N"
keys y
wait_for "contact not logged; draft discarded"
wait_for "record X100001"

# 4. EA12 needs its respond-by date; the overdue warning then waits for it.
cl log X100001 CLOB --action EA12 --note "asked why" 2>"$T/err" && fail "EA12 without --respond-by was accepted"
grep -q "respond-by: EA12" "$T/err" || fail "the CLI names respond-by: $(cat "$T/err")"
open_log
keys Enter
wait_for "Contact type"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "CLOB  Letter to the person"
keys Down Enter
wait_for "Enforcement action"
keys Down Down Down Down Down Down Down Enter
wait_for "EA12  Decision pending the person's response"
expect_screen "Respond by -  (required for EA12"
keys C-s
wait_for "not saved: respond-by: EA12"
keys Enter
# The prompt states its limit (ENF_RESPOND_BY_MAX_WORKING_DAYS), not only the refusal.
wait_for "Respond by, within 10 working days (03/12, tue, +3):"
type_text "2026-12-01"
keys Enter
wait_for "Respond by 2026-12-01"
keys C-s
wait_for "WARNING DUE by 2026-12-01"
[ "$(q "SELECT respond_by FROM contact WHERE enforcement='EA12'")" = "2026-12-01" ] || fail "respond_by stored"
cl due --all --format csv | grep -q "^2026-12-01,due,X100001,.*warning-due,.*response awaited by 2026-12-01" ||
  fail "the due list follows the respond-by date: $(cl due --all --format csv | grep warning)"

# 5. Too small: the note keeps what is typed; a command key is refused, visibly.
open_log
keys Up Enter
wait_for "(typing: Esc or Tab leaves the note"
type_text "Before resize. "
wait_for "Before resize."
resize 20 5
wait_for "terminal too"
type_text "typed while small. "
keys Tab
wait_for "1 key not taken"
resize 80 24
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "(typing: Esc or Tab leaves the note" # Tab did nothing
type_text "after."
wait_for "Before resize. typed while small. after."

# 6. kill -9 the next day: the recovered draft keeps 24 November 10:00.
sleep 2.5 # CONVENTIONS.md: at least 2 seconds after the last key
kill_caseload KILL 137
stop
CASELOAD_NOW=2026-11-25T09:05
start 80x24 -- --officer AB1
wait_for "Recover unsaved note for X100001?"
keys Enter
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "Date       2026-11-24"
expect_screen "Time       10:00"
expect_screen "Before resize. typed while small. after."
keys Up Up Up Up Up Up Up Up   # Note -> ... -> Type (no End: not chosen yet)
keys Enter
wait_for "Contact type"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "CTOA  Phone call from the person"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT date||' '||time FROM contact WHERE type='CTOA'")" = "2026-11-24 10:00" ] ||
  fail "saved with the date it was typed: $(q "SELECT date, time FROM contact WHERE type='CTOA'")"
keys Q
expect_exit_ok
exit 0
