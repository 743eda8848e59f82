# Enforcement (WARNING DUE) shows wherever a person's flags do, after the
# risk flags, as the caseload list's Flags cell has it: the due list's Flags
# column and its line under the list, `caseload due` text (not its CSV
# `flags` column), the diary's Flags column and its line under the list, and
# the person line of the booking, move and log forms. At 80 columns a narrow
# column keeps the risk flags first and counts WARNING DUE in "+N".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
# Zoë (CD2's case, DA) and Siân (AB1's, MAPPA 2/2; STAFF; DA; CP) each failed
# to attend on Friday: a warning is due for both. Both are in AB1's day.
seed "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100001','CO','2026-01-10'), ('O2','X100002','CO','2026-01-10');
INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100002','ADVP','2026-01-01','2027-01-01');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type) VALUES
  ('A1','X100001','O1','AB1','N1','2026-11-20','09:00','09:30','COAP'),
  ('A2','X100002','O2','AB1','N1','2026-11-20','09:30','10:00','COAP'),
  ('A3','X100001','O1','AB1','N1','2026-11-24','14:00','14:30','COAP'),
  ('A4','X100002','O2','AB1','N1','2026-11-24','15:00','15:30','COAP');"
CASELOAD_OFFICER=AB1 cl log X100001 --appointment A1 --outcome UAAB >/dev/null || fail "logging A1"
CASELOAD_OFFICER=AB1 cl log X100002 --appointment A2 --outcome UAAB >/dev/null || fail "logging A2"

# The text output has them after the risk flags; the CSV's flags column stays the risk flags.
cl due --office N1 >"$T/due.txt" || fail "due"
grep -q "X100002 .*warning-due .*\[DA; WARNING DUE\]$" "$T/due.txt" || fail "due text: $(cat "$T/due.txt")"
grep -q "X100001 .*\[MAPPA 2/2; STAFF; DA; CP; WARNING DUE\]$" "$T/due.txt" || fail "due text, risk first: $(cat "$T/due.txt")"
cl due --office N1 --format csv | grep -q "^2026-11-27,due,X100002,Zoë Ó Ceallaigh,Medium,warning-due,CD2,DA,N1," ||
  fail "due CSV flags column: $(cl due --office N1 --format csv)"

# row TEXT PATTERN: once TEXT shows, a line of the settled screen matches PATTERN.
row() {
  wait_for "$1"
  settled >/dev/null
  grep -q "$2" "$T/screen" || fail "no row matching '$2'"
}

# 120 columns: the due list (the office's: Zoë is CD2's case), the diary and the forms.
start 120x30 -- --officer AB1
wait_for "caseload: my caseload"
keys O
wait_for "due: my caseload,"
keys c
wait_for "due: office N1,"
row "warning-due" "X100002 Zoë Ó Ceallaigh  *Medium    DA; WARNING DUE  *warning-due"
keys q
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
row "15:00" "15:00 Zoë Ó Ceallaigh  *X100002 Medium    DA; WARNING DUE  *Office"
keys j
wait_for "MEDIUM ROSH; flags: DA; WARNING DUE. 15:00-15:30"
keys m # the move form names the person as the booking form does
wait_for "Zoë Ó Ceallaigh  X100002  MEDIUM ROSH  DA; WARNING DUE"
keys Escape
wait_gone "MEDIUM ROSH  DA"
keys b
wait_for "book an appointment"
type_text "X100002"
wait_for "Zoë Ó Ceallaigh  X100002  MEDIUM ROSH  DA; WARNING DUE"
keys Escape
wait_for "Discard the typed text? y/N"
keys y
wait_for "diary Tue 24 Nov 2026"
keys Enter
wait_for "record X100002"
keys l
wait_for "Log contact: Zoë Ó Ceallaigh X100002"
expect_screen "Zoë Ó Ceallaigh  X100002  MEDIUM ROSH  DA; WARNING DUE"
stop

# 80 columns: the risk flags keep their place, WARNING DUE is counted in "+N";
# the due list keeps a risk to staff in sight.
start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys O
wait_for "due: my caseload,"
row "warning-due" "X100001 Siân Llŷr  *High      MAPPA; STAFF +3  warning-due"
keys G
wait_for "MAPPA 2/2; STAFF; DA; CP; WARNING DUE"
keys q
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
# The diary's 12 columns cannot hold MAPPA and STAFF: the risk to staff comes first.
row "15:00" "14:00 Siân Llŷr  *X100001 High      STAFF +4     Office"
grep -q "15:00 Zoë Ó Ceallaigh  *X100002 Medium    DA +1  *Office" "$T/screen" || fail "Zoë's row at 80"
expect_screen "HIGH ROSH; flags: MAPPA 2/2; STAFF; DA; CP; WARNING DUE. 14:00-14:30"
keys Q
expect_exit_ok
exit 0
