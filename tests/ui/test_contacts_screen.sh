# Contacts on screen: from a diary row, log "failed to attend" (an unacceptable
# absence) with a note and see WARNING DUE; the note written in $VISUAL; then
# type a note, kill caseload with SIGKILL mid-note, start again and get the
# draft back word for word, and save it; withdraw that outcome and log anew.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
seed "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100001','CO','2026-01-10');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type) VALUES ('A1','X100001','O1','AB1','N1','2026-11-24','09:00','09:30','COAP');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type) VALUES ('A2','X100001','O1','AB1','N1','2026-11-24','09:30','09:45','COAP');"

# 1. The diary row at 09:00 needs an outcome; l opens the form filled in from it.
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
expect_screen "OUTCOME?"
keys l
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "Outcome of appointment A1: Tue 24 Nov 2026 09:00 Office visit"
expect_screen "HIGH ROSH"
expect_screen "COAP  Office visit"
# Outcome: the chooser; "failed to attend" is an unacceptable absence (UAAB):
# AFTA (evidence awaited) is not yet a failure (CONVENTIONS.md).
keys Enter
wait_for "Unacceptable absence"
keys Down Down Down Down Down Down Enter
wait_for "UAAB  Unacceptable absence"
expect_screen "Order      O1  CO Community order" # from the appointment
keys Down Down Down Down Down Down Down Enter
wait_for "(typing: Esc or Tab leaves the note"
type_text "Failed to attend at 09:00. Phoned twice:"
keys Enter
type_text "no answer. Letter to follow."
keys C-s
wait_for "X100001: WARNING DUE by 2026-12-01"
wait_for "diary Tue 24 Nov 2026"
expect_screen "Unacc abs" # the diary says it in words
[ "$(q "SELECT notes FROM contact WHERE appointment_id='A1'")" = "Failed to attend at 09:00. Phoned twice:
no answer. Letter to follow." ] || fail "note stored as typed"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "the draft went with the contact"
cl show X100001 | grep -q "^WARNING DUE by 2026-12-01, order O1" || fail "show: WARNING DUE"

# 1b. The caseload list and the record say WARNING DUE; logging the warning
# letter from the record clears it; the history lists and filters.
keys q
wait_for "caseload: my caseload"
keys r
# At 80 columns the Flags column holds the risk flags first, in severity
# order (MAPPA leads, giving up its category and level so that STAFF stays
# in sight: risk_flags_fit); WARNING DUE is among those behind "+3" and heads
# the record.
wait_for "MAPPA; STAFF +3"
open_record "Llŷr" X100001
expect_screen "WARNING DUE by 2026-12-01, order O1"
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Enter
wait_for "Contact type"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "CLOB  Letter to the person"
keys Down Enter
wait_for "Enforcement action"
keys Down Enter
wait_for "EA02  First warning letter sent"
keys Down Down Down Down Down Enter
type_text "First warning letter sent."
keys C-s
wait_for "saved contact"
wait_for "record X100001"
expect_not_screen "WARNING DUE"
keys H
wait_for "contacts of Siân Llŷr X100001"
expect_screen "2 contacts, newest first"
expect_screen "No warning or breach action due"
# At 80 columns the outcome takes its short words and the note keeps room.
settled | grep -E '^2026-11-24 09:00 Office +Unacc abs +AB1 +Failed to attend at 09:' >/dev/null ||
  fail "at 80 columns: the outcome's short words and 20 columns of the note"
keys o
wait_for "Show contacts with outcome"
keys Down Down Down Down Down Down Enter
wait_for "1 contact, newest first; type: all; outcome: UAAB"
keys Enter
wait_for "contact C"
expect_screen "logged by AB1 at 2026-11-24T10:00"
expect_screen "Phoned twice:"
keys q q q q
wait_for "caseload: my caseload"

# 2. The second row's note written in the editor ($VISUAL), as mail readers do.
printf '#!/bin/sh\nprintf "Written in the editor: ölçü 日本\\n" >> "$1"\n' >"$T/ed.sh"
chmod +x "$T/ed.sh"
stop
start 80x24 "VISUAL=$T/ed.sh" -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
keys Down l
wait_for "Outcome of appointment A2"
keys C-s
wait_for "not saved: outcome: a contact for appointment A2 records its outcome"
keys Enter
wait_for "Attended - complied"
keys Down Enter
wait_for "ATTC  Attended - complied"
keys C-e
wait_for "Written in the editor: ölçü 日本"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT notes FROM contact WHERE appointment_id='A2'")" = "Written in the editor: ölçü 日本" ] || fail "editor note"
ls "$T"/caseload-note-* >/dev/null 2>&1 && fail "the editor's temporary file was left behind"

# 3. SIGKILL mid-note: the draft comes back word for word.
stop
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
keys l
wait_for "Correct contact: Siân Llŷr X100001"
keys Down Down Down Down Down Down Down Down Enter
wait_for "(typing: Esc or Tab leaves the note"
type_text "Siân rang back: was at the hospital with her son (Zoë)."
keys Enter
type_text "Will bring a letter. 日本語のメモ"
sleep 2.5 # CONVENTIONS.md: at least 2 seconds after the last key
kill_caseload KILL 137
want="Siân rang back: was at the hospital with her son (Zoë).
Will bring a letter. 日本語のメモ"
[ "$(q "SELECT body FROM draft")" = "$want" ] || fail "draft body in the database: $(q "SELECT body FROM draft")"
stop
start 80x24 -- --officer AB1
wait_for "Recover unsaved note for X100001?"
keys Enter
wait_for "Correct contact: Siân Llŷr X100001"
expect_screen "Siân rang back: was at the hospital with her son (Zoë)."
expect_screen "Will bring a letter. 日本語のメモ"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT notes FROM contact WHERE corrects IS NOT NULL")" = "$want" ] || fail "saved word for word"
[ "$(q "SELECT count(*) FROM draft")" = 0 ] || fail "draft removed"
keys Q
expect_exit_ok

# 4. An outcome withdrawn by a correction is no outcome: the diary row needs
# one again and l logs a new outcome, not a correction of the withdrawal.
last=$(q "SELECT id FROM contact WHERE corrects IS NOT NULL")
cl --officer AB1 log X100001 --corrects "$last" --outcome none --note "Entered against the wrong appointment." >/dev/null || fail "withdraw the outcome"
stop
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
expect_screen "OUTCOME?"
expect_not_screen "Unacc abs"
keys l
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "Outcome of appointment A1: Tue 24 Nov 2026 09:00 Office visit"
keys C-c # letters are note text in the log form
expect_exit_ok
exit 0
