# The unallocated list (U): oldest first with days waited, allocate with the
# proposed officer filled in, an override asked for against the rules; the
# team workload (W) sorted by workload with OVER/HIGH in words; transfers (T):
# mark many, cancel their appointments, transfer in one go, then the pending
# list with no filter, long names whole in it at 80 columns.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed "INSERT INTO office(code, name) VALUES ('WAK', 'Wakefield'), ('LDS', 'Leeds');
      INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES
        ('SPO1', 'Sue Senior', 'SPO', 'WAK', 37, 0), ('PO1', 'Ann Officer', 'PO', 'WAK', 37, 0),
        ('PO2', 'Pat Parttime', 'PO', 'WAK', 18.5, 0), ('PSO1', 'Cat Services', 'PSO', 'WAK', 37, 0);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 12)
        INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)
        SELECT printf('Y%06d', i), 'Case' || i, 'Some', '1990-01-01', 'WAK', 'PO2', 'A3' FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 12)
        INSERT INTO appointment(id, crn, officer, office, date, start, end, type)
        SELECT 'A' || i, printf('Y%06d', i), 'PO2', 'WAK', '2026-11-26', '10:00', '10:30', 'COAP' FROM n;
      INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, allocated_at) VALUES
        ('X000001', 'Waiting', 'Wendy', '1980-02-02', 'WAK', NULL, '2026-11-17T09:00'),
        ('X000002', 'Named', 'Ned', '1980-02-02', 'WAK', 'SPO1', '2026-11-10T09:00');
      INSERT INTO registration(crn, type, start_date) VALUES ('X000001', 'RHRH', '2026-11-17');
      INSERT INTO appointment(id, crn, officer, office, date, start, end, type)
        VALUES ('W1', 'X000001', 'PO2', 'WAK', '2026-11-30', '10:00', '10:30', 'COAP'),
               ('W2', 'X000001', 'PO2', 'WAK', '2026-12-01', '10:00', '10:30', 'COAP'),
               ('B1', 'X000002', 'PSO1', 'WAK', '2026-12-01', '10:15', '10:45', 'COAP');
      INSERT INTO registration(crn, type, level, start_date) VALUES ('X000002', 'AV2S', 'H', '2026-11-10');"

start 100x30 CASELOAD_OFFICER=SPO1 --
wait_for "caseload: my caseload"
# The office diary shows the office's unallocated count.
keys D
wait_for "caseload: diary"
keys o
wait_for "2 unallocated (U)"
keys q
wait_for "caseload: my caseload"
keys W
wait_for "team workload at WAK: 2 unallocated (U)"
# PO2: 12 x A3 = 2472 points on 18.5 hours (1088) = 227%: first, HIGH.
settled | sed -n 3p | grep -q "^PO2 .*227% HIGH" || fail "PO2 first at 227% HIGH"
# The figures' columns are as wide as they need: at 80 columns the names are not cut.
resized 80 24
settled | grep -q "Pat Parttime " || fail "the officer's name is whole at 80 columns"
resized 100 30
wait_for "team workload at WAK"
# Enter opens the selected officer's day (the hint's "open").
keys Enter
wait_for "Pat Parttime (PO2)"
keys q
wait_for "team workload at WAK"
keys q
keys U
wait_for "unallocated cases at WAK (2)"
settled | sed -n 3p | grep -q "X000002 .*Unknown *STAFF .*14 days .*2026-11-10 .*SPO1" || fail "the senior's case first, with its flags"
settled | sed -n 4p | grep -q "X000001 .*High .*7 days" || fail "the no-officer case"
keys j a
wait_for "Allocate X000001 to (staff code): PO1"
keys C-u
# An unknown code is named and the prompt comes back with what was typed.
type_text "pso9"
keys Enter
wait_for "officer 'PSO9' is not a staff code"
expect_screen "Allocate X000001 to (staff code): pso9"
# Lower case is upper-cased, as on the command line.
keys C-u
type_text "pso1"
keys Enter
# The case and the rule it breaks are named before the reason is asked for.
wait_for "X000001 cannot go to PSO1 (PSO) without an override: a PSO may not hold HIGH ROSH"
wait_for "Against the rules above. Reason for the override:"
type_text "covering the court list"
keys Enter
# Appointments still with another officer are named, and moved only on y;
# one that would double-book PSO1 is named with the booking's clash words
# and stays with PO2.
wait_for "Move the other 1 to PSO1? y/N"
settled >/dev/null
tr '\n' ' ' <"$T/screen" | tr -s ' ' >"$T/flat"
grep -q "X000001 allocated to PSO1 (override recorded). 2 upcoming appointments are still with" "$T/flat" || fail "allocated, and the appointments named"
grep -q "Mon 30 Nov 2026 10:00 Office visit with PO2 at WAK" "$T/flat" || fail "which appointment"
grep -q "1 would double-book PSO1 and will stay with the old officer: clash: Tue 01 Dec 2026 officer PSO1 already has Office visit 10:15-10:45 with Ned Named (X000002)" "$T/flat" || fail "the clash named before the question"
# The question's own hints: what y and n do here (not "discard").
grep -q "^ y move  n leave them" "$T/screen" || fail "the hint bar says what y and n do"
keys y
wait_for "1 appointment moved to PSO1; 1 left with the old officer"
[ "$(q "SELECT officer FROM appointment WHERE id = 'W1'")" = PSO1 ] || fail "moved on y"
[ "$(q "SELECT officer FROM appointment WHERE id = 'W2'")" = PO2 ] || fail "the clashing one stays with PO2"
wait_for "unallocated cases at WAK (1)"
keys q
keys D o
wait_for "1 unallocated (U)"
keys q
keys T
wait_for "transfer from WAK: 0 marked, appts move"
keys '*'
wait_for "14 marked"
keys '*'
wait_for "0 marked"
# Mark the twelve Y cases (listed by surname: Case1, Case10, Case11, Case12, Case2...).
i=0; while [ $i -lt 12 ]; do keys Space; i=$((i + 1)); done
wait_for "12 marked"
keys m
wait_for "12 marked, appts cancel"
transfer_to lds "12 cases"
type_text "caseload"
keys Enter
wait_for "transferred 12 cases to LDS: appointments 0 moved, 12 cancelled, 0 kept"
keys p
wait_for "pending transfers, every office (12)"
expect_screen "Y000001"
keys Q
expect_exit_ok
[ "$(q "SELECT count(*) FROM offender WHERE office = 'LDS' AND officer IS NULL")" = 12 ] || fail "twelve moved to Leeds"
[ "$(q "SELECT count(*) FROM appointment WHERE status = 'cancelled' AND changed_by = 'SPO1'")" = 12 ] || fail "appointments cancelled"
[ "$(q "SELECT override FROM allocation WHERE crn = 'X000001'")" = "covering the court list" ] || fail "override recorded"

# A transfer against the rules at 80 columns: each case that breaks a rule is
# named with the rule, wrapped above a prompt that fits; Esc transfers nothing.
seed "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)
        VALUES ('X000003', 'Risky', 'Rhys', '1985-05-05', 'WAK', 'PO1', 'B2');
      INSERT INTO registration(crn, type, start_date) VALUES ('X000003', 'RVHR', '2026-11-01');"
stop
start 80x24 CASELOAD_OFFICER=SPO1 --
wait_for "caseload: my caseload"
keys T
wait_for "transfer from WAK: 0 marked"
settled | grep -q "X000002 .*SPO1 *Unknown *STAFF" || fail "the transfer list shows the flags"
keys '*'
wait_for "3 marked"
transfer_to PSO1 "3 cases"
keys Enter
wait_for "Against the rules above. Reason for the override:"
settled >/dev/null
grep -q "2 of the 3 marked cases are against the allocation rules for PSO1:" "$T/screen" || fail "how many"
grep -q "X000001 cannot go to PSO1 (PSO) without an override: a PSO may not hold HIGH" "$T/screen" || fail "the first case and its rule"
grep -q "X000003 cannot go to PSO1 (PSO) without an override: a PSO may not hold VERY" "$T/screen" || fail "the second case named"
grep -q "tier B cases" "$T/screen" || fail "the rule text wraps, not cut"
grep -q "X000002 cannot" "$T/screen" && fail "a case within the rules is not listed"
keys Escape
wait_for "nothing was transferred"
keys Q
expect_exit_ok
[ "$(q "SELECT officer FROM offender WHERE crn = 'X000003'")" = PO1 ] || fail "nothing transferred"

# The pending list at 80 columns: its codes and days take only the room they
# need, so a long name is whole (it was cut at 14 columns); `transfers` on the
# command line never cuts a name.
seed "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier) VALUES
        ('X000004', 'Mac Giolla Phádraig', 'Daniel', '1985-05-05', 'WAK', 'PO1', 'C2'),
        ('X000005', 'Montgomery-Fairweather', 'Christopher-Alexander', '1985-05-05', 'WAK', 'PO1', 'C2');"
cl transfer X000004 X000005 --office LDS >/dev/null || fail "transferring the long names"
cl transfers >"$T/out" || fail "transfers"
grep -q "^X000005 *Christopher-Alexander Montgomery-Fairweather Unknown " "$T/out" || { cat "$T/out"; fail "the whole name on the command line"; }
stop
start 80x24 CASELOAD_OFFICER=SPO1 --
wait_for "caseload: my caseload"
keys T
wait_for "transfer from WAK"
# To an office, the appointments are kept as booked, each named with why.
keys G
wait_for "X000001"
keys Space
wait_for "1 marked"
transfer_to LDS "1 case"
keys Enter
wait_for "transferred 1 case to LDS: 2 appointments kept as booked: X000001 Mon 30 Nov"
settled | tr '\n' ' ' | tr -s ' ' | grep -q "X000001 Mon 30 Nov 2026 10:00 with PSO1 at WAK: no officer at LDS yet" || fail "the kept appointment named with why"
keys p
wait_for "pending transfers, every office (15)"
keys G
wait_for "X000005"
settled | grep -q "^X000004 Daniel Mac Giolla Phádraig  *Unknown " || fail "80 columns: the whole name in the pending list"
keys Q
expect_exit_ok
exit 0
