# The due list (O) and the transfers screen (T) read again keep the item or
# case under the highlight, wherever it now sits, else the row where it was:
# the due list reads again by itself after a contact logged from a record
# opened from it (it stayed out of date), `r` keeps the item, not the row
# number; a transfer keeps the case, not row 1. A transfer from the screen
# asks the reallocation reason from the core's table and records it, as
# `caseload transfer --reason` does.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_NOW=2026-11-24T09:00
seed "INSERT INTO office(code, name) VALUES ('N01', 'Northtown'), ('LDS', 'Leeds');
      INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01'), ('PO2', 'Sam Two', 'PO', 'N01');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office) VALUES
        ('A000001', 'Jones', 'Ann', '1990-01-01', 'PO1', 'N01'),
        ('A000002', 'Kay', 'Bob', '1985-05-05', 'PO1', 'N01'),
        ('A000003', 'Lee', 'Cat', '1985-05-05', 'PO1', 'N01'),
        ('A000004', 'Moss', 'Dee', '1985-05-05', 'PO1', 'N01');
      INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O1', 'A000001', 'CO', '2026-09-01'),
        ('O2', 'A000002', 'CO', '2026-09-01'), ('O3', 'A000003', 'CO', '2026-09-01');"

# The due list: OVERDUE, three first appointments then three no-contact
# items (A000001, A000002, A000003); DUE THIS WEEK, three home visits.
start 120x30 CASELOAD_OFFICER=PO1 --
wait_for "my caseload"
keys O
wait_for "due: my caseload, 6 overdue of 9"
# 1. A000003's no-contact item (the sixth row), then another program logs
# a contact for A000001: its no-contact item goes, so A000003's moves up a
# row; r reads again and the highlight follows it.
keys j j j j j
wait_for "OVERDUE: contact due"
CASELOAD_OFFICER=PO1 cl log A000001 CTOA --note "rang in" >/dev/null || fail "logging"
keys r
wait_for "due: my caseload, 5 overdue of 8"
keys Enter
wait_for "record A000003"
keys q
wait_for "due: my caseload, 5 overdue of 8"
# 2. A contact logged from the record opened from the list: back on it the
# list is read again (the item gone) and the highlight is on the row where
# it was, now A000003's item.
keys k
keys Enter
wait_for "record A000002"
log_phone_call A000002
keys q
wait_for "due: my caseload, 4 overdue of 7"
keys Enter
wait_for "record A000003"
keys Q
expect_exit_ok

# The transfers screen, N01's cases by surname: Jones, Kay, Lee, Moss.
# Kay marked (the highlight moves on to Lee), transferred to Leeds: Kay
# leaves the list and Lee stays under the highlight, now the second row.
stop
start 100x30 CASELOAD_OFFICER=PO1 --
wait_for "my caseload"
keys T
wait_for "transfer from N01: 0 marked"
keys j Space
wait_for "1 marked"
# The reason, picked from the table `caseload transfer --reason` reads.
transfer_to LDS "1 case"
expect_screen "Caseload adjustment"
expect_screen "Change of address"
expect_screen "transfer-in"
type_text "addr"
keys Enter
wait_for "transferred 1 case to LDS"
expect_not_screen "A000002"
keys Enter
wait_for "record A000003"
keys q
wait_for "transfer from N01"
keys Q
expect_exit_ok
cl audit A000002 >"$T/audit" || fail "audit"
grep -q "transferred the case.*: Change of address" "$T/audit" || { cat "$T/audit"; fail "the reason in the audit trail"; }
exit 0
