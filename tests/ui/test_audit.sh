# `caseload audit CRN`: usage errors, an unknown CRN, and (once the sample is
# loaded) a person's trail with who and when.
. "$(dirname "$0")/lib.sh"
cl check >/dev/null || fail "creating the database"
cl audit 2>"$T/err"; [ $? -eq 64 ] || fail "audit without a CRN must exit 64"
grep -q "usage: caseload audit CRN" "$T/err" || fail "usage after the error"
cl audit X100001 extra 2>/dev/null; [ $? -eq 64 ] || fail "audit with two arguments must exit 64"
cl audit X999999 2>"$T/err"; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
grep -q "no person with CRN X999999" "$T/err" || fail "unknown CRN message"

# A person's trail: imported, then changed by an officer.
for k in offices staff offenders; do
  cl import "$k" "$ROOT/sample-data/$k.csv" >/dev/null || fail "importing $k"
done
grep '^X100001,' "$ROOT/sample-data/offenders.csv" | sed 's/,Llŷr,Siân,/,Llŷr-Jones,Siân,/' >"$T/row"
{ head -1 "$ROOT/sample-data/offenders.csv"; cat "$T/row"; } >"$T/changed.csv"
CASELOAD_NOW=2026-11-24T11:30 cl --officer CDF02 import offenders "$T/changed.csv" >/dev/null || fail "re-import"
cl audit X100001 >"$T/trail" || fail "audit X100001"
head -1 "$T/trail" | grep -q "^Audit trail of X100001 Siân Llŷr-Jones" || { cat "$T/trail"; fail "trail heading"; }
grep "2026-11-24T11:30 *CDF02 *update *offender *X100001 *was .*\"surname\":\"Llŷr\"" "$T/trail" >/dev/null ||
  { cat "$T/trail"; fail "the update with who, when and the old surname"; }
# Nobody else's rows.
if grep -q "X100002" "$T/trail"; then cat "$T/trail"; fail "another person's row in the trail"; fi
# The trail cannot be changed, even with the sqlite3 shell.
sqlite3 "$CASELOAD_DB" "DELETE FROM audit" 2>"$T/err" && fail "the audit trail was deleted"
grep -q "append-only" "$T/err" || fail "the refusal names the append-only trail"
sqlite3 "$CASELOAD_DB" "UPDATE audit SET who = 'X'" 2>/dev/null && fail "the audit trail was changed"
exit 0
