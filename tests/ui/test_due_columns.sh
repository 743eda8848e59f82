# The due list's CRN column is as wide as the widest reference it lists: a
# provisional reference from court intake (LOC and six digits) shows whole.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_NOW=2026-11-24T09:00
seed "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');
      INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office) VALUES
        ('LOC955001', 'Jones', 'Ann', '1990-01-01', 'PO1', 'N01'),
        ('A000002', 'Brown', 'Bob', '1985-05-05', 'PO1', 'N01');
      INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O1', 'LOC955001', 'CO', '2026-11-23'),
        ('O2', 'A000002', 'CO', '2026-11-23');"

for size in 120x40 80x24; do
  start $size CASELOAD_OFFICER=PO1 --
  wait_for "my caseload"
  keys O
  wait_for "due: my caseload,"
  expect_screen "LOC955001"
  expect_not_screen "LOC955~"
  # A national CRN's rows line up under the same column.
  crn_col() { grep "$1" "$T/screen" | head -1 | awk -v c="$1" '{ print index($0, c) }'; }
  [ "$(crn_col LOC955001)" = "$(crn_col A000002)" ] || fail "CRN column aligned at $size"
  keys Q
  expect_exit_ok
  stop
done
exit 0
