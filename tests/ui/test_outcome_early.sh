# What happened at an appointment is logged once it has started: at 10:00 an
# attended or failed-to-attend outcome for 16:00 today is refused, by
# `caseload log` and by the log-contact form from the diary alike (one rule
# in the core); an acceptable absence the person rang about may be recorded
# in advance.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
seed "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100001','CO','2026-01-10');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type) VALUES ('A1','X100001','O1','AB1','N1','2026-11-24','16:00','16:30','COAP');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type) VALUES ('A2','X100001','O1','AB1','N1','2026-11-24','16:30','17:00','COAP');"

cl log X100001 --appointment A1 --outcome ATTC >/dev/null 2>"$T/err"; [ $? -eq 65 ] || fail "attended before the start must exit 65"
grep -qF "outcome: appointment A1 starts today at 16:00: 'Attended - complied' can be logged once it has started (an acceptable absence or a rescheduling can be recorded before)" "$T/err" ||
  fail "the reason: $(cat "$T/err")"
cl log X100001 --appointment A1 --outcome UAAB --date today >/dev/null 2>"$T/err"; [ $? -eq 65 ] || fail "a failure to attend before the start must exit 65"
[ "$(q "SELECT count(*) FROM contact")" = 0 ] || fail "nothing logged"
cl log X100001 --appointment A1 --outcome AAME --note "Rang at 09:50: in hospital." >/dev/null 2>"$T/err" ||
  fail "an acceptable absence in advance: $(cat "$T/err")"
[ "$(q "SELECT outcome FROM contact WHERE appointment_id='A1'")" = AAME ] || fail "logged"

start 80x24 -- --officer AB1
wait_for "caseload: my caseload"
keys D
wait_for "diary Tue 24 Nov 2026"
wait_for "16:30 Siân Llŷr"
keys G
wait_for "16:30-17:00"
keys l
wait_for "Outcome of appointment A2: Tue 24 Nov 2026 16:30 Office visit"
keys Enter
wait_for "Attended - complied"
keys Down Enter
wait_for "ATTC  Attended - complied"
keys C-s
wait_for "can be logged once it has started"
settled | tr -s ' \n' '  ' | grep -qF "outcome: appointment A2 starts today at 16:30: 'Attended - complied' can be logged once it has started" ||
  fail "the form says why"
[ "$(q "SELECT count(*) FROM contact WHERE appointment_id='A2'")" = 0 ] || fail "nothing logged from the form"
keys C-c # letters are note text in the log form
expect_exit_ok
exit 0
