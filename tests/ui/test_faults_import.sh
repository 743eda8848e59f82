# Faults during a large import: SIGKILL in the middle, and a full disk (a
# file-size limit). Each time the database is exactly as before the import
# (every kind exported byte for byte the same), opens clean and passes check.
. "$(dirname "$0")/lib.sh"
GEN="$(dirname "${CASELOAD_PLAIN_BIN:?set by make ui-test}")/gen"
"$GEN" --scale sample --contacts 150000 "$T/big" 2>/dev/null || fail "generating the data"
for k in offices staff offenders orders requirements registrations appointments; do
  cl import "$k" "$T/big/$k.csv" >/dev/null || fail "importing $k"
done
snapshot() {
  for k in offices staff offenders orders requirements registrations appointments contacts reports; do
    cl export "$k" || fail "export $k"
  done | md5sum
}
before=$(snapshot)
[ "$(cl export contacts | wc -l)" = 1 ] || fail "no contacts expected yet"

# 1. SIGKILL while a 150,000-contact import is writing.
"$CASELOAD_BIN" import contacts "$T/big/contacts.csv" >"$T/out" 2>&1 &
pid=$!
size0=$(stat -c %s "$CASELOAD_DB")
n=400
while [ $n -gt 0 ]; do
  # well into the write: the database file has grown by 4 MB
  [ "$(stat -c %s "$CASELOAD_DB")" -gt $((size0 + 4 * 1024 * 1024)) ] && break
  kill -0 $pid 2>/dev/null || fail "the import ended before it was killed"
  sleep 0.05; n=$((n - 1))
done
[ $n -gt 0 ] || fail "the import never started writing"
[ -f "$CASELOAD_DB-journal" ] || [ -s "$CASELOAD_DB-wal" ] || fail "no journal while importing"
kill -9 $pid 2>/dev/null || fail "the import had already finished: nothing was killed"
wait $pid 2>/dev/null
cl check >"$T/check" 2>&1 || { cat "$T/check"; fail "check after SIGKILL"; }
[ "$(snapshot)" = "$before" ] || fail "the database changed after a killed import"

# 2. The disk fills: the file may grow by only 2 MB more.
size=$(stat -c %s "$CASELOAD_DB")
blocks=$(( (size + 2 * 1024 * 1024) / 512 ))
(trap '' XFSZ; ulimit -f $blocks; exec "$CASELOAD_BIN" import contacts "$T/big/contacts.csv") >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 74 ] || { cat "$T/err"; fail "a full disk must exit 74, got $rc"; }
grep -q "disk full" "$T/err" || { cat "$T/err"; fail "the message must say the disk is full"; }
if grep -q Sanitizer "$T/err"; then cat "$T/err"; fail "sanitizer report"; fi
cl check >"$T/check" 2>&1 || { cat "$T/check"; fail "check after a full disk"; }
[ "$(snapshot)" = "$before" ] || fail "the database changed after a full disk"

# 3. And it still takes a write afterwards.
cl import reports "$T/big/reports.csv" >/dev/null || fail "import after the faults"
exit 0
