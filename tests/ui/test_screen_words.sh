# Small screen faults (explore6 item 14): the caseload list emptied by its
# filters says so and names the key that clears them (an empty list with no
# filter keeps its words); the list's CRN column, the search and the booking
# form's CRN field take a provisional reference whole. (The diary's line for a moved appointment:
# test_diary_holidays.sh.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_ui 3
seed "INSERT INTO staff(code, name, grade, office) VALUES ('CDF09', 'Nia Nine', 'PO', 'CDF');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer)
        VALUES ('LOC897099', 'Court', 'Carl', '1991-03-03', 'CDF', 'CDF09');"

# CDF09's one case is not High RoSH: h leaves the list empty.
start 80x24 CASELOAD_OFFICER=CDF09 --
wait_for "my caseload (1), by name"
keys h
wait_for "my caseload (0)"
expect_screen "(no cases pass the filters: press a to clear them, c for my office or everyone)"
keys a
wait_for "my caseload (1), by name"
# The list's CRN column and the search take a provisional reference whole.
settled | grep -q "^LOC897099 " || fail "the list's CRN column shows the whole reference"
keys /
type_text "loc8970"
wait_for "1 match"
settled | grep -q "^LOC897099 " || fail "the search finds a provisional reference"
# The booking form from the record of LOC897099: the reference whole.
keys Enter
wait_for "record LOC897099"
keys b
wait_for "book an appointment"
settled | grep -q "CRN  *LOC897099" || fail "the CRN field shows the whole reference"
keys Escape
wait_gone "book an appointment"
keys Q
expect_exit_ok
stop

# No filter on, no cases: the words as before.
seed "DELETE FROM offender WHERE crn = 'LOC897099';"
start 80x24 CASELOAD_OFFICER=CDF09 --
wait_for "my caseload (0)"
expect_screen "(no cases: press c for my office or everyone, / to search)"
keys Q
expect_exit_ok
exit 0
