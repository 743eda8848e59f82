# The UI under valgrind (the plain build: valgrind cannot run ASan binaries):
# open the caseload list, a record, a form, the help, resize, back, quit, with
# no memory errors and no definite leaks.
. "$(dirname "$0")/lib.sh"
: "${CASELOAD_PLAIN_BIN:?set by make ui-test}"
cl check >/dev/null || fail "creating the database"
load_sample
# valgrind runs the program 20-50 times slower, and slower still on a loaded
# machine: every step polls the screen with a generous deadline (seconds).
W=300
VG="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --log-file=$T/vg.log"
CASELOAD_BIN="$VG $CASELOAD_PLAIN_BIN"
start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "caseload: my caseload" $W
wait_for "Llŷr" $W
keys Enter
wait_for "ROSH" $W
keys q
wait_for "caseload: my caseload" $W
keys n
wait_for "new case: court intake" $W
type_text "Zoë"
wait_for "Zoë" $W
keys Escape
wait_for "Discard the typed text? y/N" $W
keys y
wait_for "caseload: my caseload" $W
keys '?'
wait_for "Help: keys" $W
resize 20 5
wait_for "terminal too" $W
resize 100 30
wait_for "Help: keys" $W
keys q
wait_for "caseload: my caseload" $W
keys Q
wait_for "EXITED" $W
screen >/dev/null
grep -q "EXITED 0" "$T/screen" || { cat "$T/vg.log" >&2; fail "caseload under valgrind did not exit 0 (99: valgrind found errors)"; }
[ ! -s "$T/vg.log" ] || { cat "$T/vg.log" >&2; fail "valgrind reported problems"; }
exit 0
