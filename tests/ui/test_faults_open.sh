# Faults at open: a read-only database, a read-only folder, a database locked by
# another process, a file that is not a database, a database from a newer
# schema, an empty (0-byte) file, a truncated database. Each: a clear message,
# a non-zero exit status (74, 69, 78: CONVENTIONS.md), no crash (the binary is
# the ASan build: a crash or sanitizer report fails the test through its
# status). Reading a read-only database: test_faults_readonly.sh.
# CI runs as root, which ignores file modes: the read-only cases run as nobody.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/faults.sh"
AS="setpriv --reuid=nobody --regid=nogroup --clear-groups"
chmod 755 "$T"

new_db() { mkdir -p "$(dirname "$1")"; cl --db "$1" check >/dev/null || fail "creating $1"; }

# A database readable by others: a warning, and the command still runs.
new_db "$T/open/a.db"
chmod 0644 "$T/open/a.db"
cl --db "$T/open/a.db" check >/dev/null 2>"$T/err" || fail "check on a 0644 database"
grep -qF "warning: $T/open/a.db is readable by other users: run 'chmod 600 $T/open/a.db'" "$T/err" ||
  { cat "$T/err"; fail "no warning for a database readable by others"; }
chmod 0600 "$T/open/a.db"
cl --db "$T/open/a.db" check >/dev/null 2>"$T/err"
[ ! -s "$T/err" ] || { cat "$T/err"; fail "a warning for a private database"; }

# Read-only database file (the folder is writable): a write is refused.
new_db "$T/ro/a.db"
chown -R nobody:nogroup "$T/ro"; chmod 0400 "$T/ro/a.db"
expect 74 "a.db is read-only (no write permission on the file): nothing was changed" \
  $AS "$CASELOAD_BIN" --db "$T/ro/a.db" set-crn LOC000001 X100001

# Read-only folder (the file is writable, but the journal cannot be made).
new_db "$T/rodir/a.db"
chown -R nobody:nogroup "$T/rodir"; chmod 0555 "$T/rodir"
expect 74 "(its folder $T/rodir is read-only" $AS "$CASELOAD_BIN" --db "$T/rodir/a.db" set-crn LOC000001 X100001
# A new database in a read-only folder.
expect 74 "cannot create database" $AS "$CASELOAD_BIN" --db "$T/rodir/new.db" check
[ ! -e "$T/rodir/new.db" ] || fail "a database was created in a read-only folder"

# Locked by another process: the sqlite3 shell holds an exclusive lock.
new_db "$T/lock/a.db"
hold_lock "$T/lock/a.db" "PRAGMA locking_mode=EXCLUSIVE;"
export CASELOAD_BUSY_MS=200
expect 69 "database is in use by another program" cl --db "$T/lock/a.db" check
expect 69 "database is in use by another program" cl --db "$T/lock/a.db" audit X100001
unset CASELOAD_BUSY_MS
release_lock
cl --db "$T/lock/a.db" check >/dev/null || fail "the database after the lock was released"

# Only the write lock held (readers still read, WAL): check's search index
# check needs the write lock, and a busy database is 69, never a false problem.
hold_lock "$T/lock/a.db"
export CASELOAD_BUSY_MS=200
expect 69 "database is in use by another program" cl --db "$T/lock/a.db" check
! grep -q "problem" "$T/out" || { cat "$T/out"; fail "check reported a problem on a busy database"; }
cl --db "$T/lock/a.db" audit X100001 >/dev/null 2>&1; [ $? = 66 ] || fail "reading under the write lock"
unset CASELOAD_BUSY_MS
release_lock

# Not a database.
printf 'crn,surname\nX100001,Llŷr\n' >"$T/junk.db"
expect 74 "not a caseload database" cl --db "$T/junk.db" check
expect 74 "not a caseload database" cl --db "$T/junk.db" audit X100001
# An empty (0-byte) file lost its data (a failed copy, a full disk): it is
# not made a new caseload; an import into it is what makes it one.
: >"$T/empty.db"
for c in check "show X100001" "log X100001 CTOB --note x" "export offenders"; do
  # shellcheck disable=SC2086
  expect 74 "$T/empty.db is empty (0 bytes): restore it from a backup, or import a caseload" cl --db "$T/empty.db" $c
done
[ ! -s "$T/empty.db" ] || fail "a schema was written into the empty file"
printf 'code,name,address,phone\nCDF,Cardiff,,\n' >"$T/offices.csv"
cl --db "$T/empty.db" import offices "$T/offices.csv" >/dev/null || fail "an import into an empty file"
cl --db "$T/empty.db" check >/dev/null || fail "the empty file after an import"

# A newer schema.
new_db "$T/newer.db"
sqlite3 "$T/newer.db" 'PRAGMA user_version=99'
expect 78 "database is from a newer caseload (schema 99" cl --db "$T/newer.db" check
expect 78 "upgrade caseload" cl --db "$T/newer.db" audit X100001
[ "$(sqlite3 "$T/newer.db" 'PRAGMA user_version')" = 99 ] || fail "the newer database was changed"

# Truncated: half the file gone.
new_db "$T/trunc.db"
sqlite3 "$T/trunc.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
size=$(stat -c %s "$T/trunc.db")
truncate -s $((size / 2)) "$T/trunc.db"
# check says what it finds, and does not send the reader back to check.
expect 74 "database is damaged" cl --db "$T/trunc.db" check
grep -qF "problem: the file is shorter than the database it holds (" "$T/out" || { cat "$T/out"; fail "check: no word of the missing end"; }
! grep -qF "caseload check" "$T/err" || { cat "$T/err"; fail "check sends the reader to check"; }
expect 74 "database is damaged" cl --db "$T/trunc.db" audit X100001
grep -qF "restore it from a backup ('caseload check' says what it can find)" "$T/err" || { cat "$T/err"; fail "audit's advice"; }
# A file known to be damaged is never written into.
sum=$(md5sum <"$T/trunc.db")
expect 74 "database is damaged: the file is shorter than the database it holds" \
  cl --db "$T/trunc.db" set-crn LOC000001 X100001
[ "$(md5sum <"$T/trunc.db")" = "$sum" ] || fail "the damaged file was written"
exit 0
