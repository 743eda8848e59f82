# The record's audit trail screen (a): the person's risk banner first, then
# every change to their records, oldest first: the same lines, in the same
# order, as `caseload audit CRN` prints, each with when, who, what and why, a
# long one wrapped with its rows under the words (never cut). The list keys
# scroll it, q goes back to the record. It only reads: it opens on a closed
# case and on a read-only database, and a person with no rows says so.
. "$(dirname "$0")/lib.sh"
seed_ui 5
export CASELOAD_OFFICER=CDF02
reason="the children moved to their grandmother in Swansea after the hearing, so the concerns the school raised no longer apply"
cl register X100001 RCCO >/dev/null 2>&1 || fail "register"
r=$(cl register --list X100001 | awk -F'\t' '$2 == "RCCO" {print $1; exit}')
[ -n "$r" ] || fail "the new registration's id"
cl register --end "$r" --reason "$reason" >/dev/null || fail "end"
cl log X100001 CTOB --corrects C1 --note "phoned his mother" >"$T/out" || fail "correct"
c2=$(sed -n 's/^logged contact \([A-Z0-9]*\):.*/\1/p' "$T/out")
cl audit X100001 >"$T/trail" || fail "audit X100001"
sed '1,/^Audit trail$/d' "$T/trail" >"$T/want" # the lines below the banner and heading
changes=$(wc -l <"$T/want")
# The changes made here are in the trail (who, when, what, the reason).
grep -qxF "2026-11-24 10:00 CDF02 ended registration $r CHILD CONCERNS: $reason" "$T/want" || fail "the end in the CLI trail"

# trail_rows: the screen's trail, each line whole again (a row indented by
# blanks goes on the line above, one blank between), from the row after its
# heading to the first blank row.
trail_rows() {
  settled >/dev/null
  awk '/Audit trail, oldest first:/ { on = 1; next }
       on && /^ *$/ { exit }
       on && /^   / { sub(/^ +/, ""); line = line " " $0; next }
       on { if (line != "") print line; line = $0 }
       END { if (line != "") print line }' "$T/screen"
}

# Tall enough for the whole trail: the same lines in the same order.
start 80x60 --
wait_for "caseload: my caseload"
open_record "X100001"
keys a
wait_for "audit trail of X100001 Siân Llŷr"
wait_for "Audit trail, oldest first: $changes changes"
trail_rows >"$T/got"
diff "$T/want" "$T/got" >"$T/diff" || { cat "$T/diff" >&2; fail "the screen's lines differ from caseload audit's"; }
# The long reason is wrapped, not cut: its rows after the first under the words.
grep -q "~" "$T/screen" && fail "a line is cut"
grep -q "^                       [a-z]" "$T/screen" || fail "the wrapped rows are not under the words"
grep -qF "2026-11-24 10:00 CDF02 corrected contact C1 with contact $c2" "$T/screen" || fail "the correction"
# The banner comes first: the name, RoSH and risk to staff above the trail.
sed -n 2p "$T/screen" | grep -qF "Siân Llŷr  X100001" || fail "the name line is not first"
rosh=$(grep -n "HIGH ROSH" "$T/screen" | head -1 | cut -d: -f1)
staff=$(grep -n "RISK TO STAFF: take care" "$T/screen" | head -1 | cut -d: -f1)
head=$(grep -n "Audit trail, oldest first" "$T/screen" | cut -d: -f1)
[ -n "$rosh" ] && [ -n "$staff" ] && [ "$rosh" -lt "$head" ] && [ "$staff" -lt "$head" ] ||
  fail "the risk banner is not above the trail"
keys q
wait_for "record X100001"
stop

# At 80x24 the list keys scroll: G shows the newest change, g the first again.
start 80x24 --
wait_for "caseload: my caseload"
open_record "X100001"
keys a
wait_for "Audit trail, oldest first: $changes changes"
expect_screen "$(head -1 "$T/want")"
keys G
wait_for "$(tail -1 "$T/want" | cut -c1-60)"
expect_not_screen "$(head -1 "$T/want")"
expect_screen "HIGH ROSH"
keys g
wait_for "$(head -1 "$T/want")"
keys NPage
wait_gone "$(head -1 "$T/want")"
# Help lists the list keys here; the record's help names the key.
keys '?'
wait_for "move down one row"
keys q
wait_for "audit trail of X100001"
keys Escape
wait_for "record X100001"
keys '?'
wait_for "the audit trail: who changed this person's records, when and why"
keys q
wait_for "record X100001"

# A closed case: read-only, and its trail shows.
keys q
wait_for "caseload: search: X100001"
open_record "Quinn" "X100005"
keys a
wait_for "audit trail of X100005 Mary Quinn (CLOSED, read-only)"
expect_screen "CLOSED CASE: this record is read-only"
expect_screen "2026-11-24 09:00 SEED added the person, officer CDF02"
keys Q
expect_exit_ok
stop

# A read-only database (a read-only folder; CI runs as root, which ignores
# file modes, so as nobody): the trail shows.
mkdir "$T/ro"
cp "$CASELOAD_DB" "$T/ro/a.db"
sqlite3 "$T/ro/a.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
rm -f "$T/ro/a.db-wal" "$T/ro/a.db-shm"
chmod 755 "$T"
chown -R nobody:nogroup "$T/ro"; chmod 0555 "$T/ro"
bin=$CASELOAD_BIN
CASELOAD_BIN="setpriv --reuid=nobody --regid=nogroup --clear-groups $bin"
start 80x24 -- --db "$T/ro/a.db"
CASELOAD_BIN=$bin
wait_for "READ-ONLY"
open_record "X100001"
keys a
wait_for "Audit trail, oldest first: $changes changes"
expect_screen "READ-ONLY"
keys G
wait_for "$(tail -1 "$T/want" | cut -c1-60)"
keys Q
expect_exit_ok
stop

# No rows about the person (a bulk import is summarised without a person):
# the screen says so.
export CASELOAD_DB="$T/import.db"
cl check >/dev/null || fail "creating the database"
for k in offices staff offenders; do
  cl import "$k" "$ROOT/sample-data/$k.csv" >/dev/null || fail "importing $k"
done
start 80x24 --
wait_for "caseload: my caseload"
open_record "X100002"
keys a
wait_for "Audit trail, oldest first: 0 changes"
settled >/dev/null
tr '\n' ' ' <"$T/screen" | tr -s ' ' | grep -qF "$(cl audit X100002 | tail -1)" || fail "no line says there is no change"
keys q
wait_for "record X100002"
keys Q
expect_exit_ok
exit 0
