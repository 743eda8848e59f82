# The log-contact form after explore4 (sections 5, 6, 9 and the drafts of
# 14): code lists take typed codes as a type-ahead, never as screen commands;
# the Date reads 23/11 and mon backwards; a day other than today needs its
# time; the draft offered at start answers to Enter and Esc only; a form
# closed as it opened keeps no draft (one with a field chosen
# keeps it: test_discard_confirm.sh); a draft typed as an
# appointment's outcome is offered by the record's l, and if the appointment
# was cancelled since, it comes back as a contact of its own.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
seed "INSERT INTO appointment(id,crn,officer,office,date,start,end,type,status,reason)
 VALUES ('A9','X100001','AB1','N1','2026-11-23','13:30','14:00','COAP','cancelled','office closed');
INSERT INTO draft(officer,crn,kind,ref,fields,body,updated_at) VALUES ('AB1','X100001','contact','A9',
 'type=COAP
outcome=UAAB
date=2026-11-23
time=13:30
appointment=A9
', 'Did not come', '2026-11-23T13:35');"

start 80x24 -- --officer AB1
wait_for "Recover unsaved note for X100001?"
# Only its keys answer the offer (Enter, Esc: the keymap's): letters meant for
# the list beneath are neither typed into the question nor taken as an answer.
keys s s s r
wait_for "Enter: recover, Esc: later; other keys do nothing here"
grep -q "^Recover unsaved note for X100001? Enter: recover, Esc: later *\$" "$T/screen" ||
  fail "letters went into the draft question"
grep -q "^ Enter recover  Esc later" "$T/screen" || fail "the hint bar names the keys that answer"
[ "$(q "SELECT count(*) FROM draft")" = 1 ] || fail "the draft is still there"
keys Escape
wait_for "the draft is kept: it comes back when you log a contact for X100001"
wait_for "caseload: my caseload"
keys /
type_text "X100001"
keys Enter
wait_for "record X100001"

# The record's l offers the appointment's draft; A9 was cancelled since, so
# the note is no longer its outcome (an absence there would count as a failure).
keys l
wait_for "Appointment A9 was cancelled: this note is no longer its outcome"
expect_screen "Did not come"
expect_screen "Outcome    -"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT coalesce(appointment_id,'-')||' '||coalesce(outcome,'')||' '||date||' '||notes FROM contact")" = "-  2026-11-23 Did not come" ] ||
  fail "saved as a contact of its own: $(q "SELECT * FROM contact")"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "the draft went with the contact"

# Code lists: typing the code jumps to it; capitals never open other screens.
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Enter
wait_for "Contact type (type the code)"
type_text "CTOB"
wait_for "Contact type: CTOB"
expect_not_screen "unallocated"
expect_not_screen "transfer"
keys Enter
wait_for "CTOB  Phone call to the person"
keys Enter
wait_for "Outcome (type the code)"
type_text "UAAB"
wait_for "Outcome: UAAB"
expect_not_screen "Unallocated"
keys Escape
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "Outcome    -"

# Date: 23/11 is the Monday just gone (it was read as 2027 before), mon too;
# another day needs its time, shown and refused on saving (not midnight).
keys Down Down Down Enter    # Outcome -> Action -> Order -> Date
wait_for "Date, on or before today"
type_text "23/11"
keys Enter
wait_for "Date       2026-11-23  (Mon 23 Nov 2026)"
expect_screen "Time       -  (required: the date is not today"
keys Enter
wait_for "Date, on or before today"
keys C-u
type_text "mon"
keys Enter
wait_for "Date       2026-11-23  (Mon 23 Nov 2026)"
keys Up Up Up Up Enter       # Date -> Order -> Action -> Outcome -> Type
wait_for "Contact type"
keys Escape
type_text "rang her"
wait_for "rang her"
keys C-s
wait_for "not saved: time: give the time of the contact"
keys Escape
keys Down Down Down Down Down Down Enter   # Type -> ... -> Time
wait_for "Time (HH:MM):"
type_text "11:15"
keys Enter
wait_for "Time       11:15"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT date||' '||time FROM contact WHERE type='CTOB'")" = "2026-11-23 11:15" ] ||
  fail "saved with its time: $(q "SELECT date, time FROM contact WHERE type='CTOB'")"

# Nothing typed: Esc keeps nothing and says so; Ctrl-D closes without asking.
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Escape
wait_for "contact not logged: nothing was typed, so nothing is kept"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "no draft with nothing typed: $(q "SELECT * FROM draft")"
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys C-d
wait_for "contact not logged: nothing was typed, so nothing is kept"
expect_not_screen "Discard the typed text?"
keys Q
expect_exit_ok
stop
# Nothing is offered at the next start.
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
expect_not_screen "Recover unsaved note"
exit 0
