# Court intake checks: a requirement's length outside its range (the one
# table, limits.h) is refused at Tab naming the range, 0 included; a date of
# birth that does not exist is named as every date prompt names it; a PNC
# another person holds cannot be kept by "not the same person": the form
# comes back on the PNC, saying who holds it, and without it the case saves.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code, name, address, phone) VALUES
        ('WAK', 'Wakefield Probation Office', '1 Court Street, Wakefield WF1 1AA', '0300 000 0001');
      INSERT INTO staff(code, name, grade, office, hours) VALUES
        ('CD1', 'Cara Duty', 'PSO', 'WAK', 37), ('PO1', 'Ann Officer', 'PO', 'WAK', 37);
      INSERT INTO offender(crn, surname, forenames, date_of_birth, pnc, office, officer, tier)
        VALUES ('X000009', 'Held', 'Already', '1970-01-01', '2000/0491869D', 'WAK', 'PO1', 'C1');"

start 100x30 CASELOAD_OFFICER=CD1 "XDG_STATE_HOME=$T/state" --
wait_for "caseload: my caseload"
keys n
wait_for "new case: court intake"
type_text "Jones"; keys Tab
type_text "Bethan"; keys Tab
type_text "31/02/1982"; keys Tab
keys Tab                               # CRN not known
type_text "00/491869d"; keys Tab
keys Tab Tab Tab                       # address, phone, court
keys Tab Tab                           # sentence date today, order CO
type_text "0"; keys Tab
wait_for "0 hours is outside 40-300 for unpaid work"
keys BSpace; type_text "5000"; keys Tab
wait_for "5000 hours is outside 40-300 for unpaid work"
keys BSpace BSpace BSpace BSpace; type_text "120"; keys Tab
tmux -L "$SOCK" send-keys -t t -l -- "-3"; keys Tab   # type_text would read -3 as a flag
wait_for "'-3' is not a plain number (such as 30 or 7.5): 1-1095 days, or empty"
keys BSpace BSpace; type_text "20"; keys Tab
keys C-s
wait_for "date of birth: 31/02/1982: 31 February is not a date"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "11/06/1982"
keys C-s
wait_for "possible duplicate"
expect_screen "matched by PNC"
keys c
wait_for "PNC: 2000/0491869D is held by X000009 Already Held: a PNC number is one person's"
expect_screen "new case: court intake"
# The cursor is on the PNC: emptied, the case saves.
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys C-s
wait_for "new case: check and save"
expect_screen "Unpaid work: 120 hours"
save_intake_and_quit
[ "$(q "SELECT count(*) FROM offender WHERE pnc = '2000/0491869D'")" = 1 ] || fail "a second holder of the PNC"
[ "$(q "SELECT count(*) FROM offender WHERE surname = 'Jones' AND pnc IS NULL")" = 1 ] || fail "Jones not saved without a PNC"
[ "$(q "SELECT group_concat(r.type || ' ' || r.length || ' ' || r.unit, '; ') FROM requirement r
        JOIN orders o ON o.id = r.order_id JOIN offender p ON p.crn = o.crn WHERE p.surname = 'Jones'")" = "W 120.0 hours; F 20.0 days" ] ||
  fail "requirements: $(q "SELECT group_concat(type || ' ' || length, '; ') FROM requirement")"
exit 0
