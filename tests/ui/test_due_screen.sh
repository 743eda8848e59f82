# The due list screen: D opens it; OVERDUE rows first, in red and in words;
# headings; the scope key; Enter opens the person's record; q comes back.
# Then the registrations screen from the record: add a RoSH level (the old
# one ends), end a flag with a reason.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_NOW=2026-11-24T09:00
seed "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');
      INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01'), ('PO2', 'Sam Two', 'PO', 'N01');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office) VALUES
        ('A000001', 'Jones', 'Ann', '1990-01-01', 'PO1', 'N01'),
        ('A000002', 'Llŷr', 'Siân', '1985-05-05', 'PO2', 'N01');
      INSERT INTO registration(crn, type, category, level, start_date, review_date) VALUES
        ('A000001', 'RHRH', NULL, NULL, '2026-06-01', '2026-12-01'),
        ('A000001', 'MAPP', 'M2', 'M2', '2026-06-01', '2026-09-01'),
        ('A000002', 'RMRH', NULL, NULL, '2026-06-01', '2026-11-20');
      INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O1', 'A000001', 'CO', '2026-11-16');"

start 100x30 CASELOAD_OFFICER=PO1 --
wait_for "my caseload"
# The caseload list counts each person's overdue items (MAPPA review, first appointment).
wait_for "A000001"
settled | grep "A000001" | grep -Eq " 2 *$" || fail "overdue count 2 in the caseload list"
keys O
wait_for "due: my caseload,"
expect_screen "OVERDUE (2)"
expect_screen "DUE LATER (3)"
expect_screen "registration-review"
expect_screen "first-appointment"
expect_not_screen "A000002" # PO2's case is not on my list
# Overdue rows come first and say OVERDUE; the word is drawn in red.
first_item=$(grep -n "OVERDUE  *A000001\|OVERDUE A000001" "$T/screen" | head -1 | cut -d: -f1)
later=$(grep -n "DUE LATER" "$T/screen" | cut -d: -f1)
[ -n "$first_item" ] && [ "$first_item" -lt "$later" ] || fail "overdue rows before the later ones"
tmux -L "$SOCK" capture-pane -p -e -t t >"$T/colour"
grep "OVERDUE" "$T/colour" | grep -q "$(printf '\033')\[[0-9;]*31[;m]" || fail "OVERDUE is not red"
# The line under the list says what the selected item is about.
expect_screen "OVERDUE: MAPPA review"
# Everyone: c twice (office, then everyone).
keys c
wait_for "due: office N01,"
expect_screen "A000002"
keys c
wait_for "due: everyone,"
keys c
wait_for "due: my caseload,"
# Enter on the first item opens the record; q comes back to the list.
keys Enter
wait_for "record A000001"
expect_screen "HIGH ROSH"
keys q
wait_for "due: my caseload,"

# The registrations of the person: from the record, F.
keys Enter
wait_for "record A000001"
keys F
wait_for "registrations of A000001 Ann Jones"
expect_screen "MAPPA Category 2, Level 2"
expect_screen "OVERDUE review 2026-09-01"
keys a
wait_for "add a registration for A000001"
type_text "RVHR"
keys C-s
wait_for "ended HIGH ROSH"
expect_screen "VERY HIGH ROSH"
expect_screen "replaced by VERY HIGH ROSH"
# The active rows as the risk banner has them: the RoSH level first, though
# the MAPPA registration started earlier; the ended one after them.
settled >/dev/null
sed -n 3p "$T/screen" | grep -q "VERY HIGH ROSH" || { cat "$T/screen"; fail "the RoSH level is the first row"; }
sed -n 4p "$T/screen" | grep -q "MAPPA Category 2, Level 2" || { cat "$T/screen"; fail "MAPPA second"; }
# End the MAPPA registration: the second row.
keys g Down
# x names the registration and asks first: n (any key but y) keeps it.
keys x
wait_for "End registration"
expect_screen "MAPPA Category 2, Level 2? y/N"
settled >/dev/null
grep -q "^ y end it  n keep it" "$T/screen" || fail "the hint bar says what y and n do"
keys n
wait_for "is not ended"
keys x
wait_for "End registration"
keys y
wait_for "Reason for ending it:"
type_text "level reduced at panel"
keys Enter
wait_for "ended today"
expect_screen "level reduced at panel"
keys Q
expect_exit_ok
[ "$(q "SELECT count(*) FROM registration WHERE crn = 'A000001' AND end_date IS NULL")" = 1 ] || fail "one active registration left"
[ "$(q "SELECT reason FROM registration WHERE type = 'MAPP'")" = "level reduced at panel" ] || fail "MAPPA ended with the reason"
exit 0
