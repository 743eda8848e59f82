# The core's write rules through the command line: a closed case is read-only
# (log, register) and a contact dated after today is refused: each exits 65
# with the rule's message and writes nothing; a contact later today is
# accepted.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code,name) VALUES ('N1','Northtown');
INSERT INTO staff(code,name,grade,office) VALUES ('AB1','Alex Brown','PO','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office) VALUES ('X100002','Ó Ceallaigh','Zoë','1985-01-02','AB1','N1');
INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office,status) VALUES ('X100005','Brontë','Chloë','1970-05-05','AB1','N1','closed');"
export CASELOAD_OFFICER=AB1

# A closed case: neither a contact nor a registration is written.
cl log X100005 COAP --outcome ATTC --note x >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "log on a closed case must exit 65"
grep -q "the case of Chloë Brontë (X100005) is closed: read-only" "$T/err" || fail "closed message: $(cat "$T/err")"
cl register X100005 AV2S --level H >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "register on a closed case must exit 65"
grep -q "the case of Chloë Brontë (X100005) is closed: read-only" "$T/err" || fail "register closed message: $(cat "$T/err")"
[ "$(q "SELECT count(*) FROM contact")" = 0 ] || fail "no contact written"
[ "$(q "SELECT count(*) FROM registration")" = 0 ] || fail "no registration written"

# A contact dated after today (the clock is 2026-11-24 10:00), in either form.
cl log X100002 COAP --outcome ATTC --date 2027-06-01 --note "typo year" >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "future contact must exit 65"
grep -q "date: 2027-06-01 is after today" "$T/err" || fail "future message: $(cat "$T/err")"
cl log X100002 COAP --outcome ATTC --date 25/11/2026 2>"$T/err"; [ $? -eq 65 ] || fail "tomorrow must exit 65"
[ "$(q "SELECT count(*) FROM contact")" = 0 ] || fail "no future contact written"
# Later today is allowed: logged just after it happened.
cl log X100002 COAP --outcome ATTC --date 2026-11-24 --time 16:00 >"$T/out" 2>"$T/err" || fail "later today: $(cat "$T/err")"
[ "$(q "SELECT count(*) FROM contact")" = 1 ] || fail "later today written"
