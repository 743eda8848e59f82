# Issue 3: without --officer and $CASELOAD_OFFICER, the current officer is the
# staff row whose code matches the login name ($LOGNAME, else $USER), in any
# case; every write records that officer as its writer (the audit trail).
. "$(dirname "$0")/lib.sh"
seed_ui 5
unset CASELOAD_OFFICER
# The variables go through env: an assignment before a shell function (cl)
# may outlive the call.
# who CRN: the writer of the person's latest audit line.
who() { cl audit "$1" | tail -n 1 | awk '{ print $3 }'; }

env LOGNAME=cdf03 USER=nobody "$CASELOAD_BIN" register X100003 WEAP >/dev/null || fail "register env LOGNAME cdf03"
[ "$(who X100003)" = CDF03 ] || { cl audit X100003; fail "LOGNAME cdf03 is not the writer CDF03"; }
env LOGNAME= USER=brs01 "$CASELOAD_BIN" register X100002 WEAP >/dev/null || fail "register as USER brs01"
[ "$(who X100002)" = BRS01 ] || { cl audit X100002; fail "USER brs01 (LOGNAME empty) is not the writer BRS01"; }
# The login's own list: `due` without --officer is the login officer's.
env LOGNAME=cdf03 "$CASELOAD_BIN" due >"$T/due" || fail "due as cdf03"
grep -q "X100003" "$T/due" || { cat "$T/due"; fail "CDF03's case not in the login officer's due list"; }
grep -q "X100001" "$T/due" && { cat "$T/due"; fail "CDF02's case in CDF03's due list"; }
# $CASELOAD_OFFICER, then --officer, come before the login name.
env CASELOAD_OFFICER=CDF02 LOGNAME=cdf03 "$CASELOAD_BIN" register X100001 WEAP >/dev/null || fail "register with CASELOAD_OFFICER"
[ "$(who X100001)" = CDF02 ] || { cl audit X100001; fail "CASELOAD_OFFICER must come before the login name"; }
env LOGNAME=cdf03 "$CASELOAD_BIN" --officer brs01 register X100006 WEAP >/dev/null || fail "register with --officer"
[ "$(who X100006)" = BRS01 ] || { cl audit X100006; fail "--officer must come before the login name"; }
exit 0
