# Test setup rows written straight into the test database with the sqlite3
# shell (triggers off on that connection only), as an import would leave
# them. Source after lib.sh. Usage: seed "SQL..."
seed() {
  cl check >/dev/null 2>&1 || true  # creates the database at the latest schema
  sqlite3 "$CASELOAD_DB" ".dbconfig enable_trigger off" "$1" >/dev/null || fail "seeding: $1"
}
# q SQL: one value from the test database.
q() { sqlite3 "$CASELOAD_DB" "$1"; }
