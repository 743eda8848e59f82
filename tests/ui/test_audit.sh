# `caseload audit CRN`: usage errors, an unknown CRN, and (once the sample is
# loaded) a person's trail in words: one line a change, with when, who, what
# was done to which record, the new value and the reason.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
cl check >/dev/null || fail "creating the database"
cl audit 2>"$T/err"; [ $? -eq 64 ] || fail "audit without a CRN must exit 64"
grep -q "usage: caseload audit CRN" "$T/err" || fail "usage after the error"
cl audit X100001 extra 2>/dev/null; [ $? -eq 64 ] || fail "audit with two arguments must exit 64"
cl audit X999999 2>"$T/err"; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
grep -q "no person with CRN X999999" "$T/err" || fail "unknown CRN message"

# A person's trail: imported, then changed by an officer.
for k in offices staff offenders orders; do
  cl import "$k" "$ROOT/sample-data/$k.csv" >/dev/null || fail "importing $k"
done
grep '^X100001,' "$ROOT/sample-data/offenders.csv" | sed 's/,Llŷr,Siân,/,Llŷr-Jones,Siân,/' >"$T/row"
{ head -1 "$ROOT/sample-data/offenders.csv"; cat "$T/row"; } >"$T/changed.csv"
(cd "$T" && CASELOAD_NOW=2026-11-24T11:30 cl --officer CDF02 import offenders changed.csv >/dev/null) || fail "re-import"
export CASELOAD_OFFICER=CDF02 CASELOAD_NOW=2026-11-24T11:40
cl log X100001 CTOB --note "phoned" >"$T/out" || fail "log"
c1=$(sed -n 's/^logged contact \([A-Z0-9]*\):.*/\1/p' "$T/out")
cl log X100001 CTOB --corrects "$c1" --note "phoned his mother" >"$T/out" || fail "correct"
c2=$(sed -n 's/^logged contact \([A-Z0-9]*\):.*/\1/p' "$T/out")
cl register X100001 ADVP >/dev/null 2>&1 || fail "register"
r=$(cl register --list X100001 | awk -F'\t' '$2 == "ADVP" && $4 ~ /from 2026-11-24/ {print $1}')
[ -n "$r" ] || fail "the new registration's id"
cl register --end "$r" --reason "victim moved away" >/dev/null || fail "end"
cl book X100001 2026-12-29 16:30 >/dev/null 2>&1 || fail "book"
cl --officer CDF01 transfer X100001 --to CDF01 --reason staff >/dev/null 2>&1 || fail "transfer"

cl audit X100001 >"$T/trail" || fail "audit X100001"
head -1 "$T/trail" | grep -q "^Siân Llŷr-Jones  X100001" || { cat "$T/trail"; fail "the banner's name line first"; }
grep -qx "Audit trail" "$T/trail" || { cat "$T/trail"; fail "trail heading"; }
has() { grep -qxF "$1" "$T/trail" || { cat "$T/trail"; fail "no line: $1"; }; }
has "2026-11-24 11:30 CDF02 changed surname Llŷr -> Llŷr-Jones (import changed.csv)"
has "2026-11-24 11:40 CDF02 logged contact $c1 Phone call to the person Tue 24 Nov 2026 11:40"
has "2026-11-24 11:40 CDF02 corrected contact $c1 with contact $c2 Phone call to the person Tue 24 Nov 2026 11:40"
has "2026-11-24 11:40 CDF02 added registration $r DOMESTIC ABUSE PERPETRATOR, review by Wed 24 Feb 2027"
has "2026-11-24 11:40 CDF02 ended registration $r DOMESTIC ABUSE PERPETRATOR: victim moved away"
has "2026-11-24 11:40 CDF02 booked appointment Tue 29 Dec 2026 16:30, Office visit, with CDF02"
has "2026-11-24 11:40 CDF01 transferred the case (officer CDF02 -> CDF01): Risk to staff"
has "2026-11-24 11:40 CDF01 appointment Tue 29 Dec 2026 16:30 followed the case (officer CDF02 -> CDF01)"
# No raw JSON, and nobody else's rows.
if grep -q '{"' "$T/trail"; then cat "$T/trail"; fail "raw JSON in the trail"; fi
if grep -q "X100002" "$T/trail"; then cat "$T/trail"; fail "another person's row in the trail"; fi

# A provisional reference replaced by the CRN: one line, and the old
# reference leads to the trail.
seed "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer)
        VALUES ('LOC004217', 'Court', 'Carl', '1991-03-03', 'CDF', 'CDF02');"
cl set-crn LOC004217 X777777 >/dev/null || fail "set-crn"
cl audit LOC004217 >"$T/trail" || { cat "$T/trail"; fail "audit of the old reference"; }
has "LOC004217 was replaced by CRN X777777"
has "2026-11-24 11:40 CDF02 replaced reference LOC004217 with CRN X777777"
[ "$(sed '1,/^Audit trail$/d' "$T/trail" | wc -l)" -eq 1 ] || { cat "$T/trail"; fail "the carried records are not lines of their own"; }

# The trail cannot be changed, even with the sqlite3 shell.
sqlite3 "$CASELOAD_DB" "DELETE FROM audit" 2>"$T/err" && fail "the audit trail was deleted"
grep -q "append-only" "$T/err" || fail "the refusal names the append-only trail"
sqlite3 "$CASELOAD_DB" "UPDATE audit SET who = 'X'" 2>/dev/null && fail "the audit trail was changed"
exit 0
