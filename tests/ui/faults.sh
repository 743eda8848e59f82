# Helpers for the database fault tests. Source after lib.sh.
# expect STATUS MESSAGE CMD...: the command exits STATUS and says MESSAGE on
# stderr ($T/out and $T/err keep what it printed), with no sanitizer report.
expect() {
  want=$1 msg=$2; shift 2
  "$@" >"$T/out" 2>"$T/err"; got=$?
  [ "$got" = "$want" ] || { cat "$T/err"; fail "$* exited $got, expected $want"; }
  grep -qF -- "$msg" "$T/err" || { cat "$T/err"; fail "$*: expected message '$msg'"; }
  if grep -q "Sanitizer" "$T/err"; then cat "$T/err"; fail "$*: sanitizer report"; fi
}
# hold_lock DB [SQL]: another process (the sqlite3 shell) takes DB's write
# lock and holds it until release_lock. In WAL mode readers still read,
# unless SQL is "PRAGMA locking_mode=EXCLUSIVE;", which shuts them out too.
hold_lock() {
  rm -f "$T/fifo" "$T/sqlite.out"; mkfifo "$T/fifo"
  sqlite3 "$1" <"$T/fifo" >"$T/sqlite.out" 2>&1 &
  exec 3>"$T/fifo"
  echo "${2:-} BEGIN EXCLUSIVE; INSERT INTO draft(officer, kind, updated_at) VALUES('t','k','v'); SELECT 'locked';" >&3
  n=50; while [ $n -gt 0 ] && ! grep -q locked "$T/sqlite.out"; do sleep 0.1; n=$((n - 1)); done
  grep -q locked "$T/sqlite.out" || fail "the sqlite3 shell did not take the lock"
}
release_lock() { echo "ROLLBACK;" >&3; exec 3>&-; wait; }
