# `caseload show CRN`: banner first (name, RoSH in words, RISK TO STAFF, flags in
# full words with review dates, overdue marked), then the next appointment line
# (later today counts), then the sections; closed cases marked; 66 for no CRN.
. "$(dirname "$0")/lib.sh"
seed_ui 0
cl show X100001 >"$T/out" || fail "show exited $?"
cp "$T/out" "$T/screen"
[ "$(sed -n 1p "$T/out")" = "Siân Llŷr  X100001" ] || fail "line 1 is not the name"
[ "$(sed -n 2p "$T/out")" = "HIGH ROSH  (review 2027-04-04)" ] || fail "line 2 is not the RoSH"
grep -qx '!!! RISK TO STAFF: take care before any visit or interview !!!' "$T/out" || fail "no staff banner"
grep -qx 'MAPPA Category 2, Level 2  (review 2026-11-20: REVIEW OVERDUE)' "$T/out" || fail "MAPPA not marked overdue"
grep -qx 'RISK TO STAFF (HIGH)  (review 2027-03-21)' "$T/out" || fail "no staff flag"
# the next appointment line follows the banner, before any section
n=$(grep -n '^Next appointment: 2026-11-24 14:00 Office visit, Interview room 4$' "$T/out" | cut -d: -f1)
p=$(grep -n '^Personal details$' "$T/out" | cut -d: -f1)
[ -n "$n" ] && [ "$n" -lt "$p" ] || fail "next appointment line missing or after the sections"
# What is owed: counted under the next appointment, each item in the Due section.
[ "$(sed -n "$((n + 1))p" "$T/out")" = "Due: 6 OVERDUE, 1 more in the next 14 days" ] || fail "no due count under the next appointment"
w=$(grep -n '^What is due$' "$T/out" | cut -d: -f1)
[ -n "$w" ] && [ "$w" -gt "$p" ] || fail "no What is due section after the personal details"
grep -qx 'OVERDUE 2026-11-20  MAPPA review' "$T/out" || fail "the MAPPA review is not listed overdue"
grep -qx 'due     2026-12-01  contact due: last contact 2026-11-17 (limit 14 days, High RoSH)' "$T/out" || fail "the contact due soon is not listed"
grep -q 'Date of birth: 1982-06-11 (age 44)' "$T/out" || fail "age"
grep -q 'Unpaid work: 6 h 30 of 60 hours done' "$T/out" || fail "unpaid work progress"
grep -q 'DOMESTIC ABUSE PERPETRATOR: 2025-03-15 to 2025-11-14, ended by CDF03 .*: risk reassessed after MARAC' "$T/out" || fail "ended registration"
# contacts newest first
a=$(grep -n '^2026-11-17 10:30  C1  Office' "$T/out" | cut -d: -f1); b=$(grep -n '^2026-11-07 09:00' "$T/out" | cut -d: -f1)
[ "$a" -lt "$b" ] || fail "contacts not newest first"
# Enforcement and corrections read as the contacts screen shows them: the
# warning letter's action, the corrected contact marked with the contact that
# replaces it, the correction naming the one it corrects; sensitive marked.
CASELOAD_OFFICER=CDF02 cl log X100001 COAP --outcome UAAB --time 09:00 --note "did not come" >"$T/log" || fail "log UAAB"
orig=$(sed -n 's/^logged contact \([^:]*\):.*/\1/p' "$T/log")
CASELOAD_OFFICER=CDF02 cl log X100001 COAP --outcome AAME --corrects "$orig" --sensitive --note "GP letter" >"$T/log" || fail "log correction"
corr=$(sed -n 's/^logged contact \([^:]*\):.*/\1/p' "$T/log")
CASELOAD_OFFICER=CDF02 cl log X100001 CLOB --action EA02 --note "sent" >/dev/null || fail "log EA02"
cl show X100001 >"$T/out" || fail "show after logging"
cp "$T/out" "$T/screen"
grep -q "^2026-11-24 10:00  C[0-9A-F]*  Letter to the person  action EA02 First warning letter sent  CDF02$" "$T/out" || fail "EA02 not shown as a warning"
grep -qF "2026-11-24 09:00  $orig  Office visit: Unacceptable absence  [CORRECTED by $corr]  CDF02" "$T/out" || fail "corrected contact not marked"
grep -qF "2026-11-24 09:00  $corr  Office visit: Acceptable absence - medical  [correction of $orig] [SENSITIVE]  CDF02" "$T/out" || fail "correction does not name the contact it replaces"
cl show X100005 >"$T/out" || fail "show closed"
grep -q 'CLOSED' "$T/out" || fail "closed case not marked"
grep -qx 'Next appointment: none' "$T/out" || fail "no next appointment line"
grep -qx 'Nothing is due on a closed case' "$T/out" || fail "a closed case's Due section"
cl show X999999 >/dev/null 2>&1; rc=$?
[ $rc -eq 66 ] || fail "unknown CRN exit $rc, expected 66"
exit 0
