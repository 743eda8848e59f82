# The caseload list read again (after a contact logged here, after a write by
# another program, after c away and back, after a search) keeps the same
# person selected, wherever they now sit: Enter then l must never reach
# whoever took their row (explore6 report, items 3 and 4).
. "$(dirname "$0")/lib.sh"
seed_ui 3

HEAD="crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status"
# rename CRN SURNAME FORENAMES: another program renames a filler case (import).
rename() {
  printf '%s\n' "$HEAD" "$1,$2,$3,1990-01-01,U,,,,,C1,CDF02,CDF,active" >"$T/rename.csv"
  cl import offenders "$T/rename.csv" >"$T/import.log" 2>&1 || { cat "$T/import.log" >&2; fail "import"; }
}

start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload (7), by name"

# 1. Sorted by last contact, a contact logged for the second row moves that
# person to the end; back on the list they are still the one selected.
keys s s s
wait_for "my caseload (7), by last contact"
keys j Enter
wait_for "record X200001"
log_phone_call X200001
keys q
wait_for "by last contact"
expect_screen "X200001 Ab, Person 01   Unknown                    C1   -           24/11/26"
expect_screen "X200000 Ab, Person 00"   # the page starts at the top: no rows hidden above blank ones
keys Enter
wait_for "record X200001"
keys q
wait_for "by last contact"

# 2. Another program renames the first person by name to the end of the list:
# the selected Llŷr moves up a row, and stays selected at the next key.
keys s
wait_for "my caseload (7), by name"
keys g j j j Enter
wait_for "record X100001"
keys q
wait_for "my caseload (7), by name"
rename X200000 Zz "Person 00"
keys C-l
wait_for "Zz, Person 00"
keys Enter
wait_for "record X100001"
keys q
wait_for "my caseload (7), by name"

# 3. Search results read again keep theirs too, and so does the list a
# search goes back to after a write.
keys /
type_text "person"
wait_for "search: person (name, 3 matches)"
keys Enter
wait_for "record X200001"
keys q
wait_for "search: person"
keys j
rename X200001 Ab "Person 99"
keys C-l
wait_for "Ab, Person 99"
keys Enter
wait_for "record X200002"
log_phone_call X200002
keys q
wait_for "search: person"
keys q
wait_for "my caseload (7), by name"
keys Enter
wait_for "record X100001"
keys q
wait_for "my caseload (7), by name"

# 4. c away and back after a write (here by another program) comes back to
# the person selected when the list was left, the change shown.
keys c
wait_for "my office ("
keys G k Enter
wait_for "record X200000"
keys q
wait_for "my office ("
keys c
wait_for "everyone ("
keys c
wait_for "my caseload (7)"
rename X200002 Aa "Person 02"
keys c
wait_for "my office ("
expect_screen "Aa, Person 02"
keys Enter
wait_for "record X200000"
keys q
wait_for "my office ("

keys Q
expect_exit_ok
stop

# 5. A new order keeps the person selected but hides no row above for
# nothing: scrolled down, then sorted by RoSH, the highest comes first on
# the screen when the person selected fits on it.
seed_ui 40
start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "by name"
i=0; while [ $i -lt 25 ]; do keys j; i=$((i + 1)); done
i=0; while [ $i -lt 10 ]; do keys k; i=$((i + 1)); done
keys s
wait_for "by RoSH"
first=$(settled | sed -n 3p)
case "$first" in *"Very High"*) ;; *) fail "sorted by RoSH, the first row shown is the highest: $first";; esac
keys Q
expect_exit_ok
exit 0
