# `caseload audit CRN`: usage errors, an unknown CRN, and (once the sample is
# loaded) a person's trail with who and when.
. "$(dirname "$0")/lib.sh"
cl check >/dev/null || fail "creating the database"
cl audit 2>"$T/err"; [ $? -eq 64 ] || fail "audit without a CRN must exit 64"
grep -q "usage: caseload audit CRN" "$T/err" || fail "usage after the error"
cl audit X100001 extra 2>/dev/null; [ $? -eq 64 ] || fail "audit with two arguments must exit 64"
cl audit X999999 2>"$T/err"; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
grep -q "no person with CRN X999999" "$T/err" || fail "unknown CRN message"
exit 0
