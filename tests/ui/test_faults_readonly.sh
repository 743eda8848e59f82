# A database that cannot be written (explore5 §6): a file without write
# permission, or a writable file in a read-only folder (no -wal/-shm can be
# made beside it). Reading works: show, export, check, audit, due, diary and
# the screens; each write is refused (74) in words that fit. The screens say
# READ-ONLY on the title line and every key that would write says
# "read-only database: cannot save".
# CI runs as root, which ignores file modes: these cases run as nobody.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/faults.sh"
AS="setpriv --reuid=nobody --regid=nogroup --clear-groups"
chmod 755 "$T"
export CASELOAD_OFFICER=CDF02

# reads DB: every read command works and prints what it does on a writable copy.
reads() {
  for c in "show X100001" "export offenders" "audit X100001" "due --all" "diary --officer CDF02 --format csv" check; do
    # shellcheck disable=SC2086
    cl --db "$T/copy.db" $c >"$T/want" 2>/dev/null
    # shellcheck disable=SC2086
    $AS "$CASELOAD_BIN" --db "$1" $c >"$T/out" 2>"$T/err"; rc=$?
    [ $rc = 0 ] || { cat "$T/err"; fail "$c on $1 exited $rc"; }
    if grep -q "Sanitizer" "$T/err"; then cat "$T/err"; fail "$c: sanitizer report"; fi
    [ "$c" = check ] || cmp -s "$T/want" "$T/out" || { diff "$T/want" "$T/out" | head; fail "$c on $1 differs from a writable copy"; }
  done
  grep -qF "ok (schema" "$T/out" || fail "check on $1: $(cat "$T/out")"
  grep -qF "the search index was not checked" "$T/out" || fail "check on $1 does not say the search index was not checked"
}
seed() { mkdir -p "$(dirname "$1")"; "${CASELOAD_SEED:?}" "$1" 0 || fail "seeding $1"; }
seed "$T/copy.db"

# A read-only file (the folder is writable).
seed "$T/ro/a.db"
chown -R nobody:nogroup "$T/ro"; chmod 0444 "$T/ro/a.db"
reads "$T/ro/a.db"
expect 74 "$T/ro/a.db is read-only (no write permission on the file): nothing was changed" \
  $AS "$CASELOAD_BIN" --db "$T/ro/a.db" log X100001 CTOB --note "x"
expect 74 "is read-only (no write permission on the file)" \
  $AS "$CASELOAD_BIN" --db "$T/ro/a.db" register X100001 RCCO

# A writable file in a read-only folder: no -wal or -shm can be made.
seed "$T/rodir/a.db"
sqlite3 "$T/rodir/a.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
rm -f "$T/rodir/a.db-wal" "$T/rodir/a.db-shm"
chown -R nobody:nogroup "$T/rodir"; chmod 0555 "$T/rodir"
sum=$(md5sum <"$T/rodir/a.db")
reads "$T/rodir/a.db"
expect 74 "its folder $T/rodir is read-only" $AS "$CASELOAD_BIN" --db "$T/rodir/a.db" log X100001 CTOB --note "x"
[ "$(md5sum <"$T/rodir/a.db")" = "$sum" ] || fail "the database in the read-only folder was changed"
[ -z "$(ls "$T/rodir" | grep -v '^a.db$')" ] || fail "files were made in the read-only folder: $(ls "$T/rodir")"

# The screens on the read-only folder's database.
tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 100 -y 24 \
  "$AS env CASELOAD_NOW='$CASELOAD_NOW' CASELOAD_OFFICER=CDF02 ASAN_OPTIONS='$ASAN_OPTIONS' $CASELOAD_BIN --db '$T/rodir/a.db'; echo EXITED \$?; sleep 30"
tmux -L "$SOCK" set-option -t t status off >/dev/null
wait_for "READ-ONLY  CDF02"
wait_for "read-only database: you can read, but nothing can be saved"
keys n
wait_for "read-only database: cannot save"
expect_not_screen "Court intake"
open_record "Llŷr" "X100001"
expect_screen "READ-ONLY"
keys l
wait_for "read-only database: cannot save"
expect_not_screen "Log contact"
keys F
wait_for "registrations of X100001"
keys a
wait_for "read-only database: cannot save"
keys q D
wait_for "diary Tue 24 Nov 2026"
keys b
wait_for "read-only database: cannot save"
keys Q
expect_exit_ok
[ "$(md5sum <"$T/rodir/a.db")" = "$sum" ] || fail "the screens changed the database in the read-only folder"
exit 0
