# Test setup rows written straight into the test database with the sqlite3
# shell (triggers off on that connection only), as an import would leave
# them. Source after lib.sh. Usage: seed "SQL..."
seed() {
  cl check >/dev/null 2>&1 || true  # creates the database at the latest schema
  sqlite3 "$CASELOAD_DB" ".dbconfig enable_trigger off" "$1" >/dev/null || fail "seeding: $1"
}
# q SQL: one value from the test database.
q() { sqlite3 "$CASELOAD_DB" "$1"; }
# The diary fixture (tests/ui/seed_diary.py: officers AB1 and CD2 at
# Northtown, Siân Llŷr X100001 and Zoë Ó Ceallaigh X100002) in a new database.
seed_diary() {
  cl check >/dev/null || fail "creating the database"
  /usr/bin/python3 "$ROOT/tests/ui/seed_diary.py" "$CASELOAD_DB" || fail "seeding"
}
# The booking form from AB1's diary, the CRN $1 typed in it (none when
# empty), on a terminal of $2 (80x24 unless given).
open_booking() {
  start "${2:-80x24}" -- --officer AB1
  wait_for "caseload: my caseload"
  keys D
  wait_for "diary Tue 24 Nov 2026"
  keys b
  wait_for "book an appointment"
  [ -z "$1" ] || type_text "$1"
}
# AB1's log-contact form on the record of $1 (whose name is $2), at 80x24.
open_log_form() {
  start 80x24 -- --officer AB1
  wait_for "caseload: my caseload"
  open_record "$1"
  keys l
  wait_for "Log contact: $2 $1"
}
