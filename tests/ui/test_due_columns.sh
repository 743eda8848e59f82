# The due list's columns. The CRN column is as wide as the widest reference
# it lists: a provisional reference from court intake (LOC and six digits)
# shows whole. The Flags column is the caseload list's: whole labels, then
# "+N", never hiding a risk to staff (MAPPA gives up its category and level
# first), in the staff colour; the line under the list has them in full.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_NOW=2026-11-24T09:00
seed "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');
      INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office) VALUES
        ('LOC955001', 'Jones', 'Ann', '1990-01-01', 'PO1', 'N01'),
        ('A000002', 'Brown', 'Bob', '1985-05-05', 'PO1', 'N01');
      INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O1', 'LOC955001', 'CO', '2026-11-23'),
        ('O2', 'A000002', 'CO', '2026-11-23');
      INSERT INTO registration(crn, type, category, level, start_date) VALUES
        ('A000002', 'MAPP', 'M2', 'M2', '2026-06-01'), ('A000002', 'AV2S', NULL, 'H', '2026-06-01'),
        ('A000002', 'ADVP', NULL, NULL, '2026-06-01'), ('A000002', 'RCPR', NULL, NULL, '2026-06-01');"

# The column of a header's title, and of a text in the first row matching a pattern.
head_col() { sed -n 2p "$T/screen" | awk -v c="$1" '{ print index($0, c) }'; }
row_col() { grep "$1" "$T/screen" | head -1 | awk -v c="$2" '{ print index($0, c) }'; }

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
  # Every row shows the person's flags, under the Flags title, then the item whole.
  settled >/dev/null
  case $size in
    120x40) flags="MAPPA 2/2; STAFF; DA; CP" ;;
    *) flags="MAPPA; STAFF +2" ;; # 16 columns: MAPPA's level gives way, STAFF stays
  esac
  [ "$(grep -c "A000002 .*$flags  *first-appointment" "$T/screen")" -ge 1 ] || fail "flags '$flags' in A000002's row at $size"
  [ "$(row_col "A000002 .*first-app" "$flags")" = "$(head_col Flags)" ] || fail "flags under the Flags title at $size"
  [ "$(row_col "A000002 .*first-app" first-appointment)" = "$(head_col Item)" ] || fail "item under the Item title at $size"
  # A risk to staff colours the cell (yellow on red).
  tmux -L "$SOCK" capture-pane -p -e -t t >"$T/colour"
  grep "A000002" "$T/colour" | grep -q "$(printf '\033')\[[0-9;]*41[;m][^$(printf '\033')]*MAPPA" ||
    fail "A000002's flags are not in the staff colour at $size"
  # The line under the list has the selected row's flags in full, never cut.
  keys g
  keys j
  wait_for "MAPPA 2/2; STAFF; DA; CP; officer PO1" # wrapped after "flags:" at 80
  keys Q
  expect_exit_ok
  stop
done
exit 0
