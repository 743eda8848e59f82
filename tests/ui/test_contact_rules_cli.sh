# The contact rules of explore4 (sections 1, 2, 4, 5, 6, 12) through
# `caseload log`, `register` and `check`: every refusal exits 65 with the
# rule's message and writes nothing. The clock is Tue 24 Nov 2026 10:00.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code,name) VALUES ('N1','Northtown');
INSERT INTO staff(code,name,grade,office) VALUES ('AB1','Alex Brown','PO','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office) VALUES ('X100002','Ó Ceallaigh','Zoë','1985-01-02','AB1','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office) VALUES ('X100003','Llŷr','Siân','1980-03-04','AB1','N1');
INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100002','CO','2026-01-10');
INSERT INTO requirement(id,order_id,type,length,unit) VALUES ('R1','O1','F',12,'days');
INSERT INTO requirement(id,order_id,type,length,unit) VALUES ('R2','O1','W',100,'hours');
INSERT INTO orders(id,crn,type,sentence_date) VALUES ('L1','X100003','LIC','2026-02-01');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type,status,reason)
 VALUES ('A1','X100002','O1','AB1','N1','2026-11-23','15:30','16:00','COAP','cancelled','hospital');
INSERT INTO appointment(id,crn,order_id,officer,office,date,start,end,type)
 VALUES ('A2','X100002','O1','AB1','N1','2026-11-23','09:00','09:30','COAP');"
export CASELOAD_OFFICER=AB1
nothing() { [ "$(q "SELECT count(*) FROM contact")" = "$1" ] || fail "contacts written: $(q "SELECT * FROM contact")"; }
refused() { # refused MESSAGE ARGS...: exit 65 with MESSAGE on stderr
  msg=$1; shift
  cl "$@" >"$T/out" 2>"$T/err"; rc=$?
  [ $rc -eq 65 ] || fail "$* must exit 65, not $rc: $(cat "$T/err")"
  grep -qF -- "$msg" "$T/err" || fail "$*: want '$msg', got: $(cat "$T/err")"
}

# 1. A cancelled appointment takes no outcome; an outcome is on its day.
refused "appointment: A1 was cancelled: it takes no outcome" log X100002 --appointment A1 --outcome UAAB
refused "date: 2026-11-22 is not the day of appointment A2 (2026-11-23)" log X100002 --appointment A2 --outcome ATTC --date 2026-11-22 --time 09:00
nothing 0
# check reports one stored before the rule (straight into the table).
seed "INSERT INTO contact(id,crn,order_id,date,time,type,outcome,appointment_id) VALUES ('K9','X100002','O1','2026-11-23','15:30','COAP','UAAB','A1');"
cl check >"$T/out" 2>&1; [ $? -eq 1 ] || fail "check must find the outcome on a cancelled appointment: $(cat "$T/out")"
grep -qF "contact K9: outcome UAAB of appointment A1, which was cancelled" "$T/out" || fail "check words: $(cat "$T/out")"
seed "DELETE FROM contact;"

# 2. EA12: at most 10 working days ahead (Tue 8 Dec); DD/MM read forwards is
# then refused rather than taken as next year.
refused "respond-by: 2036-01-01 is more than 10 working days after the contact's date 2026-11-24 (latest 2026-12-08)" \
  log X100003 CLOB --action EA12 --respond-by 2036-01-01 --note x
refused "respond-by: 2027-11-01 is more than 10 working days" log X100003 CLOB --action EA12 --respond-by 01/11 --note x
nothing 0
cl log X100003 CLOB --action EA12 --respond-by 08/12 --note x >"$T/out" 2>"$T/err" || fail "EA12 in range: $(cat "$T/err")"
nothing 1

# 3. RAR: only attended and complied, only on an order with a RAR requirement.
refused "rar: 'Unacceptable absence' is not a RAR day" log X100002 COAP --outcome UAAB --date 2026-11-20 --time 09:20 --rar
refused "rar: 'Acceptable absence - medical' is not a RAR day" log X100002 COAP --outcome AAME --date 2026-11-20 --time 09:20 --rar --note GP
refused "rar: order L1 has no rehabilitation activity requirement (RAR) in force on 2026-11-24" log X100003 COAP --outcome ATTC --time 09:00 --rar
nothing 1
cl log X100002 COAP --outcome ATTC --date 2026-11-20 --time 09:20 --rar >"$T/out" 2>"$T/err" || fail "RAR attended: $(cat "$T/err")"
nothing 2

# 4. A past date: 23/11 is this Monday's date, mon the last Monday.
cl log X100002 CTOB --date 23/11 --time 11:00 --note rang >"$T/out" 2>"$T/err" || fail "23/11: $(cat "$T/err")"
grep -qF "X100002 2026-11-23 11:00 CTOB" "$T/out" || fail "23/11 read backwards: $(cat "$T/out")"
cl log X100002 CTOB --date mon --time 12:00 --note rang >"$T/out" 2>"$T/err" || fail "mon: $(cat "$T/err")"
grep -qF "X100002 2026-11-23 12:00 CTOB" "$T/out" || fail "mon read backwards: $(cat "$T/out")"
nothing 4

# 5. Another day needs its time (no silent midnight); today without one is now.
refused "time: give the time of the contact" log X100002 CTOB --date 2026-11-20 --note rang
cl log X100002 CTOB --date today --note rang >"$T/out" 2>"$T/err" || fail "today: $(cat "$T/err")"
grep -qF "X100002 2026-11-24 10:00 CTOB" "$T/out" || fail "today is now: $(cat "$T/out")"
nothing 5

# 7. Unpaid work: not credited before the session ends, at most 10 hours.
refused "end: the session ends at 16:00, after now: its hours are credited once it has ended" \
  log X100002 CUPA --outcome ATTC --time 09:00 --end 16:00
refused "end: a session of more than 10 hours (00:00 to 23:59): check the times" \
  log X100002 CUPA --outcome ATTC --date 2026-11-23 --time 00:00 --end 23:59
nothing 5

# 8. A correction that changes nothing.
id=$(q "SELECT id FROM contact WHERE type='COAP' AND rar=1")
refused "corrects: nothing is changed from contact $id" log X100002 --corrects "$id"
nothing 5

# register --review --date reads backwards too.
cl register X100002 RHRH --date 2026-11-01 >/dev/null 2>"$T/err" || fail "register: $(cat "$T/err")"
reg=$(q "SELECT id FROM registration WHERE crn='X100002'")
cl register --review "$reg" --date 23/11 >"$T/out" 2>"$T/err" || fail "review 23/11: $(cat "$T/err")"
grep -qF "reviewed 2026-11-23" "$T/out" || fail "review read backwards: $(cat "$T/out")"
echo ok
