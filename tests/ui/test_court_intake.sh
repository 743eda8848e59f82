# Court intake from `n` to a printed slip: the form, the proposal (officer
# and first appointment on the next business day at that officer's office),
# saving, the slip to a file and to a stand-in lpr, and the new person in the
# allocated officer's diary. Then the duplicate check shows the existing
# person instead of creating a second one; at 80x24 each stage offers on its
# bottom line only the keys that work there, and nothing is cut.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code, name, address, phone) VALUES
        ('WAK', 'Wakefield Probation Office', '1 Court Street, Wakefield WF1 1AA', '0300 000 0001');
      INSERT INTO staff(code, name, grade, office, hours) VALUES
        ('CD1', 'Cara Duty', 'PSO', 'WAK', 37), ('PO1', 'Ann Officer', 'PO', 'WAK', 37),
        ('PO2', 'Bob Busy', 'PO', 'WAK', 37);
      INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)
        VALUES ('X000009', 'Held', 'Already', '1970-01-01', 'WAK', 'PO2', 'B2');"

# open_intake COLSxROWS: caseload as CD1 (lpr on PATH), the intake form open.
open_intake() {
  start "$1" CASELOAD_OFFICER=CD1 "PATH=$T/bin:$PATH" "XDG_STATE_HOME=$T/state" --
  wait_for "caseload: my caseload"
  keys n
  wait_for "new case: court intake"
}
# intake_again COLSxROWS: the same person typed again (accents dropped, names
# swapped) and saved: the duplicate check comes up.
intake_again() {
  open_intake "$1"
  type_text "Sian"; keys Tab
  type_text "LLYR"; keys Tab
  type_text "1982-06-11"
  keys C-s
  wait_for "possible duplicate"
}
# discard_intake: Esc and y discard the typed intake; caseload quits, and
# Siân Llŷr (born 1982-06-11) is still there once.
discard_intake() {
  keys Escape
  wait_for "Discard the typed text? y/N"
  keys y
  wait_for "caseload: my caseload"
  keys Q
  expect_exit_ok
  [ "$(q "SELECT count(*) FROM offender WHERE date_of_birth = '1982-06-11'")" = 1 ] || fail "a second record was made"
}

# lpr stand-in: records what it was given.
mkdir -p "$T/bin"
cat >"$T/bin/lpr" <<LPR
#!/bin/sh
for a; do f=\$a; done   # the file is the last argument (after --)
cp "\$f" "$T/lpr-got"
LPR
chmod +x "$T/bin/lpr"

open_intake 100x30
type_text "Llŷr"; keys Tab
type_text "Siân"; keys Tab
type_text "11/6/82"; keys Tab  # read as a birth date: 1982
keys Tab                               # CRN not known yet
type_text "00/491869d"; keys Tab        # a short PNC: shown as it will be stored
type_text "2 Brook Close, Wakefield"; keys Tab
type_text "07700 900118"; keys Tab
type_text "Wakefield Magistrates' Court"; keys Tab
keys Tab Tab                           # sentence date today, order CO
type_text "120"; keys Tab
type_text "20"; keys Tab
keys Tab Tab
type_text "H"; keys Tab
type_text "DA STAFF"
keys C-s
wait_for "new case: check and save"
expect_screen "HIGH ROSH"
expect_screen "DOMESTIC ABUSE PERPETRATOR; RISK TO STAFF"
# A PSO on duty may not hold High RoSH: PO1 (lower workload than PO2) is proposed.
expect_screen "Officer: PO1 Ann Officer (PO), proposed"
expect_screen "First appointment: Wed 25 Nov 2026 09:00-10:00 at Wakefield Probation Office"
expect_screen "provisional reference"
expect_screen "PNC 2000/0491869D (typed 00/491869d)"
keys y
wait_for "new case: saved"
expect_screen "allocated to PO1; first appointment Wed 25 Nov 2026 09:00"
expect_screen "sent to the printer and saved"
slip=$(ls "$T"/state/caseload/print/slip-LOC*-2026-11-25.txt 2>/dev/null)
[ -n "$slip" ] || fail "no slip file in the print folder"
screen | tr -d '\n ' | grep -qF "$(echo "$slip" | tr -d ' ')" || fail "the slip's path is shown"
[ -f "$T/lpr-got" ] || fail "lpr was not given the slip"
cmp -s "$slip" "$T/lpr-got" || fail "lpr got another file"
grep -q "Siân Llŷr" "$slip" || fail "slip: name"
grep -q "Wed 25 Nov 2026" "$slip" || fail "slip: date"
grep -q "09:00" "$slip" || fail "slip: time"
grep -q "1 Court Street" "$slip" || fail "slip: office address"
grep -q "Ann Officer" "$slip" || fail "slip: officer"
grep -q "Please bring" "$slip" || fail "slip: what to bring"
if grep -qiE "rosh|risk|high|staff|domestic|mappa" "$slip"; then cat "$slip"; fail "the slip carries risk information"; fi
keys q
wait_for "caseload: my caseload"
keys Q
expect_exit_ok

crn=$(q "SELECT crn FROM offender WHERE surname = 'Llŷr'")
case "$crn" in LOC[0-9][0-9][0-9][0-9][0-9][0-9]) ;; *) fail "provisional reference, got '$crn'";; esac
[ "$(q "SELECT officer FROM offender WHERE crn = '$crn'")" = PO1 ] || fail "allocated to PO1"
[ "$(q "SELECT count(*) FROM requirement r JOIN orders o ON o.id = r.order_id WHERE o.crn = '$crn'")" = 2 ] || fail "requirements"
# The new person in the allocated officer's diary for the next business day.
CASELOAD_OFFICER=CD1 cl diary --officer PO1 --date 2026-11-25 --names >"$T/diary" || fail "diary"
grep -q "$crn" "$T/diary" || { cat "$T/diary"; fail "not in PO1's diary on 25 November"; }
grep -q "09:00" "$T/diary" || { cat "$T/diary"; fail "diary time"; }

# The same person again (accents dropped, names swapped): the existing record is shown.
stop
intake_again 100x30
expect_screen "$crn"
expect_screen "HIGH ROSH"
keys Enter
wait_for "Llŷr"
expect_screen "$crn"
keys q
wait_for "possible duplicate"
discard_intake

# At 80x24: each stage's bottom line offers only keys that work there, whole;
# the line of keys under the stage names them as the keymap does, unbroken.
hint_line() { settled | sed -n '$p'; }
no_cut_line() { settled | grep -n '~ *$' && fail "a line is cut at 80 columns"; true; }
stop
intake_again 80x24
h=$(hint_line)
for want in "e edit" "c not same" "Enter open" "? help" "q back"; do
  case "$h" in *"$want"*) ;; *) fail "the duplicate check's bottom line lacks '$want': $h";; esac
done
for unwanted in "y save" "o officer" "n new case"; do
  case "$h" in *"$unwanted"*) fail "the duplicate check offers '$unwanted', which does nothing there: $h";; esac
done
expect_screen "Enter: open the record   c: not the same person, a new case   e: edit"
expect_screen "q: cancel"
no_cut_line
# y, o and n are not keys here: nothing happens, nothing is saved.
keys y o n
expect_not_screen "Officer (staff code):"
expect_not_screen "Against the allocation rules"
expect_screen "possible duplicate"
# c goes on to the proposal, whose keys are its own.
keys c
wait_for "new case: check and save"
h=$(hint_line)
for want in "y save+print" "o officer" "e edit" "? help"; do
  case "$h" in *"$want"*) ;; *) fail "the proposal's bottom line lacks '$want': $h";; esac
done
for unwanted in "c not same" "Enter open" "n new case"; do
  case "$h" in *"$unwanted"*) fail "the proposal offers '$unwanted', which does nothing there: $h";; esac
done
expect_screen "y: save, book and print the slip   o: another officer   e: edit   q: cancel"
no_cut_line
keys o
wait_for "Officer (staff code):"
keys Escape
wait_for "new case: check and save"
keys e
wait_for "new case: court intake"
discard_intake
exit 0
