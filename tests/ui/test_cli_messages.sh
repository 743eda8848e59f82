# Bad input on the command line is refused with a message that names the
# option or field and the real problem (a day that does not exist, an order
# that is not the person's, an office that does not exist), and nothing is
# written.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
seed "INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O1','X100001','CO','2026-01-10');
INSERT INTO orders(id,crn,type,sentence_date) VALUES ('O2','X100002','CO','2026-01-10');"
export CASELOAD_OFFICER=AB1

# expect STATUS TEXT -- ARGS: caseload ARGS exits STATUS and says TEXT on stderr.
expect() {
    status=$1 text=$2; shift 3
    cl "$@" >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq "$status" ] || { cat "$T/err"; fail "caseload $*: exit $rc, not $status"; }
    grep -qF -- "$text" "$T/err" || { cat "$T/err"; fail "caseload $*: no '$text'"; }
}

# Typed dates: the day that does not exist is named, under the option given.
expect 64 "caseload: DATE: 31/02/2027: 31 February is not a date" -- book X100001 31/02/2027 10:00
expect 64 "caseload: --until: 29/02/2027: 29 February 2027 is not a date (2027 is not a leap year)" -- \
    book X100001 2026-12-03 10:00 --repeat weekly --until 29/02/2027
expect 64 "caseload: --date: 2026-13-01: there is no month 13" -- log X100001 COAP --date 2026-13-01
expect 64 "caseload: --respond-by: 'soon' is not a date (YYYY-MM-DD, DD/MM/YYYY, DD/MM, tue, +3, today)" -- \
    log X100001 CLOB --action EA12 --respond-by soon
expect 64 "caseload: --date: 'someday' is not a date (YYYY-MM-DD" -- due --date someday

# An order that is not the person's: the field, not the database's reference check.
expect 65 "caseload: order: order O2 is X100002's, not X100001's" -- log X100001 COAP --order O2 --note x
expect 65 "caseload: order: X100001 has no order NOPE" -- book X100001 2026-12-03 10:00 --order NOPE --force
[ "$(q "SELECT count(*) FROM contact") $(q "SELECT count(*) FROM appointment")" = "0 0" ] || fail "nothing written"
cl log X100001 COAP --order O1 --note "own order" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "the person's own order"; }

# Records named by id that are not there.
expect 66 "caseload: appointment: no appointment with id NOPE" -- log X100001 --appointment NOPE --outcome ATTC
expect 66 "caseload: corrects: no contact with id NOPE" -- log X100001 --corrects NOPE --outcome none
expect 66 "caseload: --id: X100001 has no contact with id NOPE" -- contacts X100001 --id NOPE
expect 66 "caseload: no person with CRN X999999" -- register --list X999999

# An office or officer that does not exist is an error, not an empty list.
expect 64 "caseload: --office: no office 'ZZ'" -- workload --office ZZ
expect 64 "caseload: --office: no office 'ZZ'" -- transfers --office ZZ
expect 64 "caseload: --office: no office 'ZZ'" -- unallocated --office ZZ
expect 64 "caseload: --office: no office 'ZZ'" -- diary --office ZZ
# One wording for an unknown officer, wherever it is given; codes typed in
# lower case are upper-cased as CRNs are.
expect 64 "caseload: officer 'ZZ9' is not a staff code" -- diary --officer ZZ9
expect 64 "caseload: officer 'ZZ9' is not a staff code" -- due --officer zz9
expect 64 "caseload: officer 'ZZ9' is not a staff code" -- --officer zz9 due
expect 64 "caseload: officer 'ZZ9' is not a staff code" -- allocate X100001 zz9

# A refused transfer says why and that nothing moved, in one line.
expect 64 "caseload: officer 'ZZ9' is not a staff code: nothing was transferred" -- transfer X100001 --to ZZ9
expect 64 "caseload: office 'ZZ' is not an office code: nothing was transferred" -- transfer X100001 --office ZZ
[ "$(wc -l <"$T/err")" -eq 1 ] || { cat "$T/err"; fail "one line"; }

# A global option without its value says what it needs, not "unknown option".
expect 64 "caseload: --db needs a FILE" -- --db
expect 64 "caseload: --officer needs a CODE" -- --officer

# A folder given as a file: the same words and status for a note as for an import.
mkdir "$T/adir"
expect 66 "caseload: $T/adir: is a folder, not a note file" -- log X100001 CTOB --note-file "$T/adir"
expect 66 "caseload: $T/adir: is a folder, not a CSV file" -- import offenders "$T/adir"
expect 66 "caseload: $T/nope: cannot open: No such file or directory" -- log X100001 CTOB --note-file "$T/nope"
[ "$(q "SELECT count(*) FROM contact")" = 1 ] || fail "no contact logged without its note"

# help COMMAND shows every value --appointments takes (the one list the check reads).
cl help allocate | grep -qF -- "--appointments keep|move|move-all" || { cl help allocate; fail "help allocate"; }
cl help transfer | grep -qF -- "--appointments move|move-all|cancel" || { cl help transfer; fail "help transfer"; }
expect 64 "caseload: --appointments: 'x' is not keep, move or move-all" -- allocate X100001 CD2 --appointments x
expect 64 "caseload: --appointments: 'x' is not move, move-all or cancel" -- transfer X100001 --to CD2 --appointments x

# Staff and office codes typed in lower case are upper-cased, as CRNs are.
for args in "--officer ab1 due" "due --officer ab1" "due --office n1" "diary --officer cd2" "diary --office n1" \
            "workload --office n1" "unallocated --office n1"; do
    # shellcheck disable=SC2086
    cl $args >/dev/null 2>"$T/err" || { cat "$T/err"; fail "caseload $args: lower-case codes are upper-cased"; }
done
cl book X100001 2026-12-03 10:00 --officer cd2 --force >/dev/null 2>"$T/err" || { cat "$T/err"; fail "book --officer cd2"; }
[ "$(q "SELECT officer FROM appointment WHERE crn = 'X100001'")" = CD2 ] || fail "booked with CD2, stored upper-case"
exit 0
