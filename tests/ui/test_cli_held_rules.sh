# A case held against the grade rules (a PSO with a Very High RoSH, MAPPA 3,
# registered sex offender or tier A/B case): an import takes the national
# system's row and warns, naming the rule; register records the risk and warns;
# the due list asks for the reallocation until it is done or an override is
# recorded; allocate to the holder writes nothing; check names a missing staff.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_OFFICER=SPO1
seed "INSERT INTO office(code, name) VALUES ('WAK', 'Wakefield');
      INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES
        ('PO1', 'Ann Po', 'PO', 'WAK', 37, 0), ('PSO1', 'Cat Pso', 'PSO', 'WAK', 37, 0),
        ('SPO1', 'Dee Spo', 'SPO', 'WAK', 37, 0);
      INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier, allocated_at)
        VALUES ('X000001', 'Risk', 'Rose', '1980-02-02', 'WAK', 'PSO1', 'C1', '2026-11-02T09:00');
      INSERT INTO registration(crn, type, start_date) VALUES ('X000001', 'RMRH', '2026-11-02');"

# Import: taken (exit 0), one warning line per row naming the rule.
H=crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status
printf '%s\n' "$H" "Z000001,Tier,Ada,1990-01-01,M,,,,,A1,PSO1,WAK,active" \
    "Z000002,Plain,Case,1990-01-01,M,,,,,C1,PSO1,WAK,active" "Z000003,Po,Held,1990-01-01,M,,,,,A1,PO1,WAK,active" >"$T/o.csv"
cl import offenders "$T/o.csv" >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "the national system's rows are taken"; }
grep -qx "$T/o.csv:2: officer: warning: Z000001 is held by PSO1 (PSO) against the allocation rules: a PSO may not hold tier A cases; reallocate it, or record an override: caseload allocate Z000001 PSO1 --override REASON" "$T/err" || { cat "$T/err"; fail "the import names the rule"; }
[ "$(wc -l <"$T/err")" -eq 1 ] || { cat "$T/err"; fail "one warning: the others may be held so"; }
grep -q "imported offenders: 3 inserted, 0 updated, 0 unchanged; 1 case held against the allocation rules" "$T/out" || { cat "$T/out"; fail "the count says so"; }
[ "$(q "SELECT officer FROM offender WHERE crn = 'Z000001'")" = PSO1 ] || fail "imported as given"
cl due --officer PSO1 --format csv >"$T/csv" || fail "due"
grep -q "^2026-11-24,due,Z000001,.*,reallocation,PSO1,.*reallocation needed: a PSO may not hold tier A cases" "$T/csv" || { cat "$T/csv"; fail "the import's case is due for reallocation"; }

# Register: recorded (exit 0), with a warning naming the rule.
cl register X000001 RVHR >"$T/out" 2>"$T/err" || { cat "$T/err"; fail "risk is never refused"; }
grep -q "RVHR.*VERY HIGH ROSH" "$T/out" || { cat "$T/out"; fail "registered"; }
grep -qx "caseload: warning: X000001 is held by PSO1 (PSO) against the allocation rules: a PSO may not hold VERY HIGH ROSH; reallocate it, or record an override: caseload allocate X000001 PSO1 --override REASON" "$T/err" || { cat "$T/err"; fail "register names the rule"; }
cl register Z000002 ADVP >/dev/null 2>"$T/err" || fail "register on a case the PSO may hold"
grep -q "warning" "$T/err" && { cat "$T/err"; fail "no warning when the holder may hold it"; }
cl due --officer PSO1 >"$T/out" || fail "due"
grep -q "^2026-11-24 *due *X000001 .*reallocation *PSO1 *reallocation needed: a PSO may not hold VERY HIGH ROSH" "$T/out" || { cat "$T/out"; fail "due from the registration"; }
cl show X000001 | grep -q "reallocation needed: a PSO may not hold VERY HIGH ROSH" || fail "on the record's Due lines"

# Allocate to the holder: nothing to change, nothing written; with an
# override it is recorded for the holding, and the item goes.
cl allocate Z000003 PO1 2>"$T/err"; [ $? -eq 65 ] || fail "allocate to the holder must exit 65"
grep -qx "caseload: Z000003 is already held by PO1: nothing changed" "$T/err" || { cat "$T/err"; fail "says it is held already"; }
[ "$(q "SELECT count(*) FROM allocation WHERE crn = 'Z000003'")" = 0 ] || fail "no allocation row"
cl allocate X000001 PSO1 --override "manager agrees for now" >/dev/null || fail "the override for the holding"
[ "$(q "SELECT allocated_at FROM offender WHERE crn = 'X000001'")" = 2026-11-02T09:00 ] || fail "the holding's start is kept"
cl due --officer PSO1 | grep -q "X000001 .*reallocation" && fail "an override is recorded for the holding"

# check names the row's CRN and the missing staff code.
seed "UPDATE offender SET officer = 'GONE9' WHERE crn = 'Z000002'"
cl check >"$T/out"; [ $? -eq 1 ] || fail "check must find the missing staff"
grep -q "^problem: offender Z000002 (row [0-9]*): officer GONE9 refers to a missing staff$" "$T/out" || { cat "$T/out"; fail "check names the CRN and the code"; }
exit 0
