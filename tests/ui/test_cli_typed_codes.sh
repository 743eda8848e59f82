# Mistyped codes on the command line: a CRN that is not one in form is a
# usage error saying so (64), not "no person with CRN" (66), for every
# command that takes one; book's --officer and --office name their option
# (64) as every command does; broken quoting in an imported file is listed
# as every other import error, FILE:LINE: column: message, then counted.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
export CASELOAD_OFFICER=AB1

# expect STATUS TEXT -- ARGS: caseload ARGS exits STATUS and says TEXT on stderr.
expect() {
    status=$1 text=$2; shift 3
    cl "$@" >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq "$status" ] || { cat "$T/err"; fail "caseload $*: exit $rc, not $status"; }
    grep -qxF -- "$text" "$T/err" || { cat "$T/err"; fail "caseload $*: no line '$text'"; }
}

bad="is not a CRN (one letter and six digits)"
expect 64 "caseload: 'x12' $bad" -- show x12
expect 64 "caseload: '12345' $bad" -- show 12345
expect 64 "caseload: 'x12' $bad" -- audit x12
expect 64 "caseload: '12345' $bad" -- contacts 12345
expect 64 "caseload: 'x12' $bad" -- register --list x12
expect 64 "caseload: 'x12' $bad" -- register x12 DA
expect 64 "caseload: 'x12' $bad" -- log x12 COAP --note x
expect 64 "caseload: 'x12' $bad" -- book x12 2026-11-25 10:00
expect 64 "caseload: 'x12' $bad" -- allocate x12 AB1
expect 64 "caseload: 'x12' $bad" -- transfer --to AB1 X100001 x12
# A well-formed CRN that is not held is still "not found", in any case.
expect 66 "caseload: no person with CRN X999999" -- show x999999
cl show x100001 >/dev/null 2>&1 || fail "a lower-case CRN is read as upper case"
[ "$(q "SELECT count(*) FROM contact") $(q "SELECT count(*) FROM appointment")" = "0 0" ] || fail "nothing written"

# book says which code is not one (the officer in the words every command uses).
expect 64 "caseload: officer 'ZZ' is not a staff code" -- book X100001 2026-11-25 10:00 --officer ZZ
expect 64 "caseload: --office: no office 'ZZ'" -- book X100001 2026-11-25 10:00 --office ZZ
[ "$(q "SELECT count(*) FROM appointment")" = 0 ] || fail "booked with a code that is not one"

# Broken quoting: listed as FILE:LINE: column: message after the errors
# before it, then the count; nothing imported.
cd "$T" || fail "cd"
printf 'code,name,address,phone\nN01,,,\nN02,South"by,,\nN03,After,,\n' >offices.csv
cl import offices offices.csv >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 65 ] || { cat "$T/err"; fail "import: exit $rc, not 65"; }
printf '%s\n' "offices.csv:2: name: missing value" \
  "offices.csv:3: name: malformed CSV: a quote inside an unquoted field, or text after a closing quote" \
  "caseload: offices.csv: 2 errors: nothing was imported" >"$T/want"
diff "$T/want" "$T/err" >&2 || fail "the import's errors"
[ "$(q "SELECT count(*) FROM office WHERE code LIKE 'N0%'")" = 0 ] || fail "an office was imported"
printf 'code,name,address,phone\nN01,Newtown,"never closed,\n' >open.csv
cl import offices open.csv >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 65 ] || { cat "$T/err"; fail "import: exit $rc, not 65"; }
printf '%s\n' "open.csv:2: address: malformed CSV: a quoted field is never closed" \
  "caseload: open.csv: 1 error: nothing was imported" >"$T/want"
diff "$T/want" "$T/err" >&2 || fail "the import's error for a quote never closed"
exit 0
