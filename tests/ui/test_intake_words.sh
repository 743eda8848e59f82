# Court intake words: a MAPPA flag typed as `MAPPA 2/2` is proposed with its
# category and level, as the saved registration reads; an intake with no
# court and no end date shows neither as an empty part in the record; the
# first appointment (booked with no location) reads as its office's name.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code, name, address, phone) VALUES
        ('WAK', 'Wakefield Probation Office', '1 Court Street, Wakefield WF1 1AA', '0300 000 0001');
      INSERT INTO staff(code, name, grade, office, hours) VALUES
        ('CD1', 'Cara Duty', 'PSO', 'WAK', 37), ('PO1', 'Ann Officer', 'PO', 'WAK', 37);"

start 100x30 CASELOAD_OFFICER=CD1 "XDG_STATE_HOME=$T/state" --
wait_for "caseload: my caseload"
keys n
wait_for "new case: court intake"
type_text "Owen"; keys Tab
type_text "Gareth"; keys Tab
type_text "3/4/85"; keys Tab
keys Tab Tab Tab Tab                   # CRN, PNC, address, phone
keys Tab                               # no court
keys Tab Tab                           # sentence date today, order CO
keys Tab Tab Tab Tab                   # no requirements
type_text "M"; keys Tab
type_text "DA MAPPA 2/2"
keys C-s
wait_for "new case: check and save"
expect_screen "MEDIUM ROSH  DOMESTIC ABUSE PERPETRATOR; MAPPA Category 2, Level 2"
expect_screen "Community order, sentenced Tue 24 Nov 2026"
expect_not_screen "sentenced Tue 24 Nov 2026 at"
save_intake_and_quit

crn=$(q "SELECT crn FROM offender WHERE surname = 'Owen'")
[ -n "$crn" ] || fail "not saved"
CASELOAD_OFFICER=CD1 cl show "$crn" >"$T/show" || fail "show"
grep -qF "MAPPA Category 2, Level 2" "$T/show" || { cat "$T/show"; fail "the saved MAPPA's words"; }
# No court, no end date: neither leaves an empty part behind.
grep -E "^O[0-9A-Z]+ Community order: sentenced 2026-11-24$" "$T/show" >/dev/null ||
  { cat "$T/show"; fail "the order line leaves out the court and end date it does not know"; }
if grep -qE ", ;|ends -|, *$" "$T/show"; then cat "$T/show"; fail "an empty part is shown"; fi
# The first appointment was booked with no location: it is at the office.
grep -qF "Next appointment: 2026-11-25 09:00 First appointment in office, Wakefield Probation Office" "$T/show" ||
  { cat "$T/show"; fail "the next appointment names the office"; }
grep -qE "^2026-11-25 09:00-10:00  First appointment in office  Wakefield Probation Office  PO1$" "$T/show" ||
  { cat "$T/show"; fail "the appointment line names the office"; }
exit 0
