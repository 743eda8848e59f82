# caseload due: text and CSV, scopes, dates, exit codes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_NOW=2026-11-24T09:00
seed "INSERT INTO office(code, name) VALUES ('N01', 'Northtown'), ('S02', 'Southtown');
      INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat One', 'PO', 'N01'), ('PO3', 'Alex Three', 'PO', 'S02');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office) VALUES
        ('A000001', 'Jones', 'Ann', '1990-01-01', 'PO1', 'N01'),
        ('A000003', 'Brown, Jr', 'Bob \"Bobby\"', '1970-07-07', 'PO3', 'S02');
      INSERT INTO registration(crn, type, category, level, start_date, review_date) VALUES
        ('A000001', 'RHRH', NULL, NULL, '2026-06-01', '2026-12-01'),
        ('A000001', 'MAPP', 'M2', 'M2', '2026-06-01', '2026-09-01');
      INSERT INTO orders(id, crn, type, sentence_date) VALUES ('O1', 'A000001', 'CO', '2026-11-16');
      INSERT INTO report(id, crn, type, requested, court, officer) VALUES ('P1', 'A000003', 'CJF', '2026-11-20', 'Northtown Magistrates', 'PO3');"

cl due --officer PO1 >"$T/out" || fail "due text"
cat >"$T/want" <<'W'
OVERDUE
2026-09-01  OVERDUE  A000001  Ann Jones               High       registration-review  PO1     MAPPA review  [MAPPA 2/2]
2026-11-23  OVERDUE  A000001  Ann Jones               High       first-appointment    PO1     first appointment after sentence (CO)  [MAPPA 2/2]

DUE LATER
2026-11-30  due      A000001  Ann Jones               High       no-contact           PO1     contact due: none since supervision started 2026-11-16 (limit 14 days, High RoSH)  [MAPPA 2/2]
2026-12-01  due      A000001  Ann Jones               High       home-visit           PO1     home visit within 15 days of supervision starting (High RoSH)  [MAPPA 2/2]
2026-12-01  due      A000001  Ann Jones               High       registration-review  PO1     HIGH ROSH review  [MAPPA 2/2]
W
diff -u "$T/want" "$T/out" || fail "due text for PO1"
# No RoSH registration: the convention's word, as in the CSV.
cl due --office S02 | grep -q '^2026-11-27  due      A000003  .*  Unknown    report ' || fail "due text: Unknown RoSH"

cl due --all --format csv >"$T/csv" || fail "due csv"
head -1 "$T/csv" | grep -q '^due_date,state,crn,name,rosh,item,officer,' || fail "CSV header"
grep -q '^2026-11-23,overdue,A000001,Ann Jones,High,first-appointment,PO1,MAPPA 2/2,N01,' "$T/csv" || fail "CSV overdue row"
grep -q '^2026-11-27,due,A000003,"Bob ""Bobby"" Brown, Jr",Unknown,report,PO3,,S02,' "$T/csv" || { cat "$T/csv"; fail "CSV quoting and report row"; }
[ "$(wc -l <"$T/csv")" -eq 7 ] || fail "header and six rows"
# rows in time order
tail -n +2 "$T/csv" | cut -d, -f1 | sort -c || fail "CSV rows in date order"

cl due --office S02 --format csv | grep -c ',report,' | grep -qx 1 || fail "--office"
# From a date: on 16 Nov the first appointment is not yet overdue and the RoSH review is out of the window.
cl due --officer PO1 --date 2026-11-16 --format csv >"$T/csv2" || fail "--date"
grep -q '^2026-11-23,due,A000001,.*first-appointment' "$T/csv2" || fail "--date changes the state"
grep -q 'HIGH ROSH review' "$T/csv2" && fail "window is 14 days"
CASELOAD_OFFICER=PO1 cl due --format csv | grep -c ',A000001,' | grep -qx 5 || fail "default is the officer's own list"

cl due --officer NOBODY 2>/dev/null; [ $? -eq 64 ] || fail "unknown officer must exit 64"
cl due --office NOWHERE 2>/dev/null; [ $? -eq 64 ] || fail "unknown office must exit 64"
cl due --format xml 2>/dev/null; [ $? -eq 64 ] || fail "bad format must exit 64"
cl due --officer PO1 --office N01 2>/dev/null; [ $? -eq 64 ] || fail "two scopes must exit 64"
cl due --date 2026-02-30 2>/dev/null; [ $? -eq 64 ] || fail "bad date must exit 64"
exit 0
