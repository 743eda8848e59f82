# caseload workload (text and CSV), allocate with and without an override,
# transfer of more than ten cases in one go, the unallocated and pending lists.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_OFFICER=SPO1
seed "INSERT INTO office(code, name) VALUES ('WAK', 'Wakefield'), ('LDS', 'Leeds');
      INSERT INTO staff(code, name, grade, office, hours, reduction_hours) VALUES
        ('PO1', 'Ann Po', 'PO', 'WAK', 37, 0), ('PO2', 'Siân Po', 'PO', 'WAK', 18.5, 0),
        ('PSO1', 'Cat Pso', 'PSO', 'WAK', 37, 7.4), ('SPO1', 'Dee Spo', 'SPO', 'WAK', 37, 0),
        ('ADM1', 'Eve Admin', 'ADMIN', 'WAK', 37, 0), ('LPO1', 'Fay Leeds', 'PO', 'LDS', 37, 0);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 12)
        INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier)
        SELECT printf('Y%06d', i), 'Person', 'Number ' || i, '1990-01-01', 'WAK', 'PO1', 'B2' FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 12)
        INSERT INTO appointment(id, crn, officer, office, date, start, end, type)
        SELECT 'A' || i, printf('Y%06d', i), 'PO1', 'WAK', '2026-11-26',
               printf('%02d:%02d', 8 + i / 2, i % 2 * 30), printf('%02d:%02d', 8 + (i + 1) / 2, (i + 1) % 2 * 30),
               'COAP' FROM n;
      INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, allocated_at)
        VALUES ('X000001', 'Waiting', 'Wendy', '1980-02-02', 'WAK', NULL, '2026-11-17T09:00'),
               ('X000002', 'Named', 'Nèd', '1980-02-02', 'WAK', 'SPO1', '2026-11-10T09:00');
      INSERT INTO registration(crn, type, start_date) VALUES ('X000001', 'RHRH', '2026-11-17');
      INSERT INTO registration(crn, type, level, start_date) VALUES ('X000002', 'AV2S', 'H', '2026-11-10');"

# Workload: 12 x B2 = 1380 points for PO1 = 63%; text sorted by load, CSV by code.
cl workload >"$T/out" || fail "workload text"
head -1 "$T/out" | grep -q "OFFICER.*CAPACITY" || { cat "$T/out"; fail "text header"; }
sed -n 2p "$T/out" | grep -q "^PO1 .* 1380 *63%" || { cat "$T/out"; fail "PO1 first at 63%"; }
grep -q "ADM1" "$T/out" && fail "administrators are not listed"
grep -q "LPO1" "$T/out" && fail "another office is not listed by default"
grep -q "^PO2 .*18.5 *0 .* 0%" "$T/out" || { cat "$T/out"; fail "PO2 part time with no case at 0%"; }
# Names padded by display width: Siân takes the columns Sian would.
grep -q "^PO2      Siân Po                PO     18.5" "$T/out" || { cat "$T/out"; fail "accented name shifts the columns"; }
cl workload --format csv >"$T/csv" || fail "workload csv"
head -1 "$T/csv" | grep -q "^officer,grade,hours,cases,points,capacity_percent," || fail "csv header"
[ "$(sed -n 2p "$T/csv" | cut -d, -f1-6)" = "PO1,PO,37,12,1380,63" ] || { cat "$T/csv"; fail "csv PO1 row"; }
[ "$(sed -n 4p "$T/csv" | cut -d, -f1-6)" = "PSO1,PSO,37,0,0,0" ] || { cat "$T/csv"; fail "csv rows in code order"; }
[ "$(wc -l <"$T/csv")" -eq 5 ] || fail "four staff and a header"
cl workload --office LDS --format csv | grep -q "^LPO1," || fail "--office"
cl workload --format xml 2>/dev/null; [ $? -eq 64 ] || fail "bad format must exit 64"

# Unallocated: oldest first, with days waited; a senior holds in name only.
cl unallocated >"$T/out" 2>"$T/err" || fail "unallocated"
sed -n 2p "$T/out" | grep -q "^X000002 .* 14 2026-11-10 SPO1 *STAFF$" || { cat "$T/out"; fail "SPO case first, with its flags"; }
sed -n 2p "$T/out" | grep -q "^X000002    Nèd Named                    WAK    Unknown" || { cat "$T/out"; fail "unallocated pads names by display width"; }
sed -n 3p "$T/out" | grep -q "^X000001 .*High .* 7 2026-11-17 -" || { cat "$T/out"; fail "no-officer case"; }
grep -q "2 unallocated" "$T/err" || fail "count"

# An override given when no rule is broken is neither needed nor recorded, and
# the result says so (X000002: Unknown RoSH, no tier, to a PO).
cl allocate X000002 PO2 --override "just in case" >"$T/out" 2>"$T/err" || fail "allocate with an unneeded override"
grep -qx "X000002 allocated to PO2 (no rule broken: the override was not needed and is not recorded)" "$T/out" || { cat "$T/out"; fail "an unneeded override is not said to be recorded"; }
[ "$(q "SELECT quote(override) FROM allocation WHERE crn = 'X000002'")" = NULL ] || fail "no override stored"
cl allocate X000002 SPO1 >/dev/null 2>&1 || fail "back to the senior"

# Allocate against the rules: refused, then with an override.
cl allocate X000001 PSO1 2>"$T/err"; [ $? -eq 65 ] || fail "PSO and High RoSH must be refused"
grep -q "HIGH ROSH" "$T/err" || fail "says which rule"
[ -z "$(q "SELECT officer FROM offender WHERE crn = 'X000001'")" ] || fail "nothing changed"
# The result on standard output (as transfer's), nothing on standard error.
cl allocate X000001 PSO1 --override "covering until PO returns" >"$T/out" 2>"$T/err" || fail "override"
grep -qx "X000001 allocated to PSO1 (override recorded)" "$T/out" || { cat "$T/out"; fail "allocate result on stdout"; }
[ ! -s "$T/err" ] || { cat "$T/err"; fail "nothing on stderr for a plain allocation"; }
[ "$(q "SELECT officer FROM offender WHERE crn = 'X000001'")" = PSO1 ] || fail "allocated"
[ "$(q "SELECT override || '|' || created_by FROM allocation WHERE crn = 'X000001'")" = "covering until PO returns|SPO1" ] || fail "override recorded"
[ "$(q "SELECT count(*) FROM audit WHERE action = 'override' AND crn = 'X000001'")" = 1 ] || fail "override audited"
cl allocate X999999 PO1 2>/dev/null; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
cl allocate X000002 NOPE 2>"$T/err"; [ $? -eq 64 ] || fail "unknown officer must exit 64, as --officer does"
grep -q "officer 'NOPE' is not a staff code" "$T/err" || fail "unknown officer message"

# Mistyped codes: the shared checks answer alike for every command.
for c in workload unallocated transfers; do
    cl $c --office NOPE >"$T/out" 2>"$T/err"; [ $? -eq 64 ] || fail "$c --office NOPE must exit 64"
    grep -q "no office 'NOPE'" "$T/err" || fail "$c says the office is unknown"
done
cl register --list Z999999 >"$T/out" 2>"$T/err"; [ $? -eq 66 ] || fail "register --list of an unknown CRN must exit 66"
grep -q "no person with CRN Z999999" "$T/err" || fail "register --list says the CRN is unknown"
# A CRN typed in lower case is the CRN, as the search reads it.
cl show x000001 | grep -q "Wendy Waiting *X000001" || fail "show x000001"
cl audit x000001 | head -1 | grep -q "Wendy Waiting *X000001" || fail "audit x000001"
cl register --list x000001 | grep -q "RHRH" || fail "register --list x000001"
cl contacts x000001 >/dev/null || fail "contacts x000001"

# Transfer twelve cases at once, appointments moved; then an all-or-nothing failure.
cl transfer $(seq -f 'Y%06g' 1 12) --to PO2 >"$T/out" || fail "transfer 12"
grep -q "transferred 12 cases to PO2: appointments 12 moved" "$T/out" || { cat "$T/out"; fail "transfer summary"; }
[ "$(q "SELECT count(*) FROM offender WHERE officer = 'PO2'")" = 12 ] || fail "twelve moved"
[ "$(q "SELECT count(*) FROM appointment WHERE officer = 'PO2'")" = 12 ] || fail "appointments moved"
cl transfer $(seq -f 'Y%06g' 1 11) Y999999 --to PO1 2>"$T/err"; [ $? -eq 66 ] || fail "unknown CRN in a batch must exit 66"
grep -q "nothing was transferred" "$T/err" || fail "all or nothing message"
[ "$(q "SELECT count(*) FROM offender WHERE officer = 'PO2'")" = 12 ] || fail "none moved"
cl transfer $(seq -f 'Y%06g' 1 11) --office LDS --appointments cancel >"$T/out" || fail "transfer to office"
grep -q "11 cancelled" "$T/out" || { cat "$T/out"; fail "cancelled count"; }
cl transfers >"$T/out" 2>"$T/err" || fail "transfers"
[ "$(grep -c "^Y0000" "$T/out")" -eq 11 ] || { cat "$T/out"; fail "eleven pending, no filter needed"; }
grep -q "^Y000001 .* PO2 *WAK *LDS" "$T/out" || { cat "$T/out"; fail "pending row"; }
head -1 "$T/out" | grep -q "^CRN .* ROSH .* FLAGS$" || { cat "$T/out"; fail "pending transfers show RoSH and flags"; }
cl allocate Y000001 LPO1 2>/dev/null || fail "allocate at the receiving office"
[ "$(cl transfers --office LDS | grep -c '^Y0000')" -eq 10 ] || fail "allocation completes the transfer"
cl transfer Y000012 2>/dev/null; [ $? -eq 64 ] || fail "no destination must exit 64"

# Completing a transfer names the appointments still with the old officer and
# office, and moves them only when asked (one with an outcome stays).
seed "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer)
        VALUES ('X000005', 'Moving', 'Mo', '1985-01-01', 'WAK', 'PO1');
      INSERT INTO appointment(id, crn, officer, office, date, start, end, type, location) VALUES
        ('M1', 'X000005', 'PO1', 'WAK', '2026-12-01', '10:00', '10:30', 'COAP', 'Room 3'),
        ('M2', 'X000005', 'PO1', 'WAK', '2026-12-08', '10:00', '10:30', 'COAP', 'Room 3');"
cl transfer X000005 --office LDS >/dev/null || fail "transfer to Leeds"
cl allocate X000005 LPO1 2>"$T/err" || fail "allocate at Leeds"
grep -q "2 upcoming appointments are still with another officer or office: Tue 01 Dec 2026 10:00 Office visit with PO1 at WAK; Tue 08 Dec 2026 10:00 Office visit with PO1 at WAK; give --appointments move to move them to LPO1" "$T/err" || { cat "$T/err"; fail "the old officer's appointments named"; }
[ "$(q "SELECT count(*) FROM appointment WHERE crn = 'X000005' AND officer = 'PO1' AND office = 'WAK'")" = 2 ] || fail "kept unless asked"
cl allocate X000005 LPO1 --appointments nowhere 2>/dev/null; [ $? -eq 64 ] || fail "bad --appointments must exit 64"
cl allocate X000005 LPO1 --appointments move >"$T/out" || fail "allocate moving the appointments"
grep -qx "2 appointments moved to LPO1" "$T/out" || { cat "$T/out"; fail "moved count"; }
[ "$(q "SELECT count(*) FROM appointment WHERE crn = 'X000005' AND officer = 'LPO1' AND office = 'LDS'")" = 2 ] || fail "moved to the new officer and office"
cl allocate X000005 LPO1 2>"$T/err"; [ $? -eq 65 ] || fail "allocate again to the holder must exit 65"
grep -qx "caseload: X000005 is already held by LPO1: nothing changed" "$T/err" || { cat "$T/err"; fail "says it is held already"; }
grep -q "upcoming" "$T/err" && fail "nothing left to name"

# An appointment with an outcome logged is not cancelled by a transfer (the
# diary's rule): it stays as booked and the officer is told which and why.
seed "INSERT INTO appointment(id, crn, officer, office, date, start, end, type)
        VALUES ('H1', 'Y000012', 'PO2', 'WAK', '2026-11-24', '15:00', '15:30', 'COAP');
      INSERT INTO contact(id, crn, officer, date, time, type, outcome, appointment_id, notes)
        VALUES ('K1', 'Y000012', 'PO2', '2026-11-24', '09:00', 'CTOA', 'AAME', 'H1', 'doctor');"
# The summary is the result (stdout); what was left, a warning (stderr).
cl transfer Y000012 --to PO1 --appointments cancel >"$T/out" 2>"$T/err" || fail "transfer with an outcome logged"
grep -q "appointments 0 moved, 1 cancelled, 0 kept" "$T/out" || { cat "$T/out"; fail "the other one cancelled"; }
grep -q "^caseload: 1 appointment with an outcome left as it was .*: Y000012 Tue 24 Nov 2026 15:00: appointment H1 has an outcome (Acceptable absence - medical, 24/11/2026, contact K1)" "$T/err" || { cat "$T/err"; fail "told which and why"; }
[ "$(wc -l <"$T/out")" -eq 1 ] || { cat "$T/out"; fail "only the summary on stdout"; }
[ "$(q "SELECT status || officer FROM appointment WHERE id = 'H1'")" = bookedPO2 ] || fail "H1 left alone"
[ "$(q "SELECT status FROM appointment WHERE id = 'A12'")" = cancelled ] || fail "A12 cancelled"

# Moving appointments never double-books the new officer silently: one that
# clashes stays with the old officer, named with the booking's clash words;
# move-all moves it too; the same transfer again moves nothing.
seed "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer, tier) VALUES
        ('X000009', 'Moving', 'Mo', '1990-01-01', 'WAK', 'PO1', 'C1'),
        ('X000010', 'Booked', 'Bo', '1990-01-01', 'WAK', 'PO2', 'C1');
      INSERT INTO appointment(id, crn, officer, office, date, start, end, type) VALUES
        ('C9', 'X000009', 'PO1', 'WAK', '2026-11-27', '10:00', '10:30', 'COAP'),
        ('D9', 'X000009', 'PO1', 'WAK', '2026-11-30', '10:00', '10:30', 'COAP'),
        ('P10', 'X000010', 'PO2', 'WAK', '2026-11-27', '10:15', '10:45', 'COAP');"
cl transfer X000009 --to PO2 --appointments move >"$T/out" 2>"$T/err" || fail "transfer with a clash"
grep -q "appointments 1 moved, 0 cancelled, 0 kept" "$T/out" || { cat "$T/out"; fail "only the free one moved"; }
grep -q "^caseload: 1 appointment left with the old officer, as it would double-book the new one .*: X000009 Fri 27 Nov 2026 10:00 stays with PO1: clash: Fri 27 Nov 2026 officer PO2 already has Office visit 10:15-10:45 with Bo Booked (X000010)" "$T/err" || { cat "$T/err"; fail "the clash named"; }
[ "$(q "SELECT officer FROM appointment WHERE id = 'C9'")" = PO1 ] || fail "the clashing one stays"
cl transfer X000009 --to PO2 --appointments move >"$T/out" || fail "the same transfer again"
grep -q "appointments 0 moved, 0 cancelled, 1 kept" "$T/out" || { cat "$T/out"; fail "nothing moved the second time"; }
cl transfer X000009 --to PO2 --appointments move-all >"$T/out" || fail "move-all"
grep -q "appointments 1 moved" "$T/out" || { cat "$T/out"; fail "move-all moves the clashing one"; }
[ "$(q "SELECT officer FROM appointment WHERE id = 'C9'")" = PO2 ] || fail "moved when told to"
cl transfer X000009 --to PO1 --appointments elsewhere 2>/dev/null; [ $? -eq 64 ] || fail "bad --appointments must exit 64"

# A provisional court reference replaced by the CRN: everything follows, audited.
seed "INSERT INTO offender(crn, surname, forenames, date_of_birth, office, officer)
        VALUES ('LOC004217', 'Court', 'Carl', '1991-03-03', 'WAK', 'PO1');
      INSERT INTO appointment(id, crn, officer, office, date, start, type)
        VALUES ('L1', 'LOC004217', 'PO1', 'WAK', '2026-11-25', '09:00', 'COAI');"
cl set-crn LOC004217 X777777 >"$T/out" || fail "set-crn"
grep -q "LOC004217 is now X777777" "$T/out" || fail "set-crn message"
[ "$(q "SELECT crn FROM appointment WHERE id = 'L1'")" = X777777 ] || fail "appointment follows"
[ "$(q "SELECT who || ' ' || detail FROM audit WHERE action = 'crn-replaced'")" = 'SPO1 {"from":"LOC004217","to":"X777777"}' ] || fail "audited"
cl set-crn LOC004217 X888888 2>/dev/null; [ $? -eq 66 ] || fail "gone reference must exit 66"
cl set-crn X777777 X000001 2>/dev/null; [ $? -eq 64 ] || fail "not provisional must exit 64"
cl check >/dev/null || fail "check passes after the rename"
# check: a pending transfer whose case has an officer is a problem.
seed "UPDATE offender SET officer = 'PO2' WHERE crn = 'Y000002'"
cl check >"$T/out"; [ $? -eq 1 ] || fail "check must find the stale pending transfer"
grep -q "Y000002: a transfer to LDS is pending but the case has an officer" "$T/out" || { cat "$T/out"; fail "check message"; }

# Who may hold a case: an import applies allocate's holder rule (an
# administrator never; another office's officer only with allocate's
# override, which an import cannot give), and check reports a case already
# held against it.
H=crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status
printf '%s\n' "$H" "Z000001,Admin,Held,1990-01-01,M,,,,,C1,ADM1,WAK,active" \
    "Z000002,Other,Office,1990-01-01,M,,,,,C1,LPO1,WAK,active" "Z000003,Own,Office,1990-01-01,M,,,,,C1,PO1,WAK,active" >"$T/oa.csv"
cl import offenders "$T/oa.csv" 2>"$T/err"; [ $? -eq 65 ] || fail "an administrator or another office's officer must be refused (65)"
grep -qx "$T/oa.csv:2: officer: Z000001 cannot go to ADM1: an ADMIN holds no caseload" "$T/err" || { cat "$T/err"; fail "the administrator refused in allocate's words"; }
grep -q "^$T/oa.csv:3: officer: Z000002 cannot go to LPO1 (PO) without an override: the officer works in another office than the case (WAK)" "$T/err" || { cat "$T/err"; fail "another office's officer refused"; }
grep -q ":4:" "$T/err" && fail "the officer of the case's own office passes"
[ "$(q "SELECT count(*) FROM offender WHERE crn LIKE 'Z%'")" = 0 ] || fail "nothing imported"
seed "UPDATE offender SET officer = 'ADM1' WHERE crn = 'X000010'; UPDATE offender SET officer = 'LPO1' WHERE crn = 'X000009'"
cl check >"$T/out"; [ $? -eq 1 ] || fail "check must find the cases held against the rule"
grep -qx "problem: offender X000010: held by ADM1 (ADMIN, office WAK) against the allocation rules: an ADMIN holds no caseload" "$T/out" || { cat "$T/out"; fail "check names the administrator's case"; }
grep -q "^problem: offender X000009: held by LPO1 (PO, office LDS) with no override recorded, against the allocation rules" "$T/out" || { cat "$T/out"; fail "check names another office's officer's case"; }
grep -q "4 problems found" "$T/out" || { cat "$T/out"; fail "counted with the others"; }

# A transfer to an office names the appointments it keeps as booked and why;
# sending the case there again is refused, and the pending transfer keeps
# where the case came from.
cl transfer X000005 --to PO1 --appointments move >/dev/null 2>&1 || fail "X000005 back to PO1"
cl transfer X000005 --office LDS --appointments move >"$T/out" 2>"$T/err" || fail "transfer to LDS with move"
grep -q "appointments 0 moved, 0 cancelled, 2 kept" "$T/out" || { cat "$T/out"; fail "kept count"; }
grep -q "^caseload: 2 appointments kept as booked: X000005 Tue 01 Dec 2026 10:00 with PO1 at WAK: no officer at LDS yet; X000005 Tue 08 Dec 2026 10:00 with PO1 at WAK: no officer at LDS yet (allocate the case with --appointments move" "$T/err" || { cat "$T/err"; fail "the kept appointments named, with why"; }
cl transfer X000005 --office LDS --appointments cancel >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "a transfer to the office the case waits in must be refused"
grep -q "X000005 is already waiting for an officer at LDS" "$T/err" || { cat "$T/err"; fail "says why"; }
[ "$(q "SELECT count(*) FROM appointment WHERE crn = 'X000005' AND status = 'booked'")" = 2 ] || fail "nothing cancelled"
cl transfers --office LDS >"$T/out" || fail "transfers"
grep -q "^X000005 .* PO1 *WAK *LDS" "$T/out" || { cat "$T/out"; fail "the pending transfer keeps where the case came from"; }
exit 0
