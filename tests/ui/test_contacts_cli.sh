# caseload log and caseload contacts: an appointment's outcome, WARNING DUE,
# the warning letter clearing it, corrections kept with who and when, filters.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code,name) VALUES ('N1','Northtown');
INSERT INTO staff(code,name,grade,office) VALUES ('AB1','Alex Brown','PO','N1');
INSERT INTO staff(code,name,grade,office) VALUES ('CD2','Chris Dale','PO','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office) VALUES ('X100002','Ó Ceallaigh','Zoë','1985-01-02','AB1','N1');
INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100002','CO','2026-01-10');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type) VALUES ('A1','X100002','O1','AB1','N1','2026-11-23','10:00','10:30','COAP');"
export CASELOAD_OFFICER=AB1

# The outcome of a diary appointment (Monday 23 November): an unacceptable absence.
cl log X100002 --appointment A1 --outcome UAAB --note "Did not attend; no call." >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "log from appointment"; }
grep -q "^logged contact C[0-9A-F]*: X100002 2026-11-23 10:00 COAP UAAB$" "$T/out" || { cat "$T/out"; fail "logged line"; }
grep -qx "X100002: WARNING DUE by 2026-11-30 (order O1)" "$T/out" || { cat "$T/out"; fail "warning due after 5 business days"; }
cl show X100002 >"$T/show" || fail "show"
grep -q "^WARNING DUE by 2026-11-30, order O1" "$T/show" || { cat "$T/show"; fail "show says WARNING DUE"; }
CASELOAD_NOW=2026-12-01T09:00 cl show X100002 >"$T/late" || fail "show a day late"
grep -q "^WARNING DUE by 2026-11-30: OVERDUE, order O1" "$T/late" || { cat "$T/late"; fail "show says the warning is overdue"; }
first=$(sed -n 's/^logged contact \(C[0-9A-F]*\):.*/\1/p' "$T/out")
[ "$(q "SELECT appointment_id||' '||created_by||' '||order_id FROM contact WHERE id='$first'")" = "A1 AB1 O1" ] || fail "link, who and order stored"

# One outcome per appointment: a second is refused, naming the contact to correct.
cl log X100002 --appointment A1 --outcome ATTC 2>"$T/err"; [ $? -eq 65 ] || fail "second outcome must exit 65"
grep -q "already has an outcome (contact $first)" "$T/err" || { cat "$T/err"; fail "second outcome message"; }

# The warning letter clears it.
cl log X100002 CLOB --action EA02 --date 2026-11-24 --time 11:00 --note "First warning letter sent" >"$T/out" || fail "log warning"
grep -q "DUE" "$T/out" && fail "the warning letter should clear WARNING DUE"
cl show X100002 | grep -qE "(WARNING|BREACH|RECALL REVIEW) DUE" && fail "show: cleared"

# A correction by another officer: a new row, linked; the original stays.
CASELOAD_NOW=2026-11-25T14:30 cl --officer CD2 log X100002 --corrects "$first" --outcome AAME --note "GP letter received: was in hospital" >"$T/out" || fail "correction"
grep -qx "corrects contact $first" "$T/out" || fail "correction line"
second=$(sed -n 's/^logged contact \(C[0-9A-F]*\):.*/\1/p' "$T/out")
[ "$(q "SELECT count(*) FROM contact")" = 3 ] || fail "three rows"
[ "$(q "SELECT outcome FROM contact WHERE id='$first'")" = UAAB ] || fail "original unchanged"
cl log X100002 --corrects "$first" --outcome UAAB 2>"$T/err"; [ $? -eq 65 ] || fail "correcting a corrected contact must exit 65"
grep -q "correct $second instead" "$T/err" || fail "names the newest"

# History: newest first, corrections marked both ways, whole notes.
cl contacts X100002 >"$T/hist" || fail "contacts"
grep -m1 "^2026" "$T/hist" | grep -q "^2026-11-24 11:00  C[0-9A-F]*  CLOB Letter to the person  EA02 First warning letter sent" || { cat "$T/hist"; fail "newest first"; }
grep -q "CORRECTED by $second" "$T/hist" || { cat "$T/hist"; fail "corrected mark"; }
grep -q "corrects $first" "$T/hist" || fail "corrects mark"
grep -q "logged by CD2 at 2026-11-25T14:30" "$T/hist" || fail "who and when of the correction"
grep -q "logged by AB1 at 2026-11-24T10:00" "$T/hist" || fail "who and when of the original"
grep -q "| GP letter received: was in hospital" "$T/hist" || fail "note shown"
cl contacts X100002 --outcome AAME >"$T/f" || fail "filter outcome"
[ "$(grep -c '^2026' "$T/f")" = 1 ] || { cat "$T/f"; fail "outcome filter keeps one"; }
cl contacts X100002 --type "letter to the person" >"$T/f" || fail "filter type by name"
grep -q "CLOB" "$T/f" && ! grep -q "COAP" "$T/f" || fail "type filter"
cl contacts X100002 --id "$second" >"$T/one" || fail "one contact"
[ "$(grep -c '^2026' "$T/one")" = 2 ] || { cat "$T/one"; fail "the whole chain"; }
grep -m1 "^2026" "$T/one" | grep -q "$first" || fail "oldest first"

# CSV (the export's columns) and the export itself carry the links.
cl contacts X100002 --format csv >"$T/c.csv" || fail "csv"
head -1 "$T/c.csv" | grep -q "^id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes," || { head -1 "$T/c.csv"; fail "csv header"; }
grep -q "^$second,X100002,O1,AB1,2026-11-23,10:00,COAP,AAME,,A1,GP letter received: was in hospital,.*,$first," "$T/c.csv" || { cat "$T/c.csv"; fail "csv correction row"; }
cl export contacts >"$T/x.csv" || fail "export contacts"
grep -q "^$second,.*,A1,.*,$first," "$T/x.csv" || { cat "$T/x.csv"; fail "export has the correction and its links"; }

# Withdrawn by a further correction, the appointment has no outcome: the
# diary says it is needed and a new outcome is logged for it.
cl log X100002 --corrects "$second" --outcome none --note "Entered in error: it was someone else" >"$T/out" || fail "withdraw"
cl diary --date 2026-11-23 >"$T/diary" || fail "diary"
grep -q "OUTCOME NEEDED" "$T/diary" || { cat "$T/diary"; fail "diary: the withdrawn outcome is none"; }
cl log X100002 --appointment A1 --outcome ATTC --note "Came in after all" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "a new outcome after the withdrawal"; }
third=$(sed -n 's/^logged contact \(C[0-9A-F]*\):.*/\1/p' "$T/out")
cl diary --date 2026-11-23 >"$T/diary" || fail "diary"
grep -q "OUTCOME NEEDED" "$T/diary" && { cat "$T/diary"; fail "diary: the new outcome"; }
cl log X100002 --appointment A1 --outcome UAAB 2>"$T/err"; [ $? -eq 65 ] || fail "a second outcome again must exit 65"
grep -q "already has an outcome (contact $third)" "$T/err" || { cat "$T/err"; fail "names the new outcome"; }

# A note from standard input, several lines of UTF-8, sensitive.
printf 'Met at home.\nSiân (partner) present; 日本語 leaflet given.\n' | cl log X100002 CHVS --outcome ATTC --note-file - --sensitive >"$T/out" || fail "note from stdin"
cl contacts X100002 --type CHVS >"$T/f"
grep -q "SENSITIVE" "$T/f" || fail "sensitive shown"
grep -q "| Siân (partner) present; 日本語 leaflet given." "$T/f" || { cat "$T/f"; fail "second line of the note"; }

# Errors: usage 64, data 65, no such person 66.
cl log X100002 NOPE 2>/dev/null; [ $? -eq 64 ] || fail "unknown type must exit 64"
cl log X100002 COAP --outcome AAME 2>"$T/err"; [ $? -eq 65 ] || fail "acceptable absence without a reason must exit 65"
grep -q "reason" "$T/err" || fail "reason message"
cl log X999999 COAP 2>/dev/null; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
cl contacts X999999 2>/dev/null; [ $? -eq 66 ] || fail "contacts of unknown CRN must exit 66"
cl log X100002 2>/dev/null; [ $? -eq 64 ] || fail "no type must exit 64"
exit 0
