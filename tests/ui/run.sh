#!/bin/sh
# Runs every tests/ui/test_*.sh; prints one line per test (in name order) and
# a closing "N passed, N failed" line. Exit status 1 when any failed.
# Arguments (paths from the top folder) run only those tests.
# The tests wait on screens far more than they compute, and each has its own
# tmux server and folder, so UI_JOBS of them (default 3) run at once.
cd "$(dirname "$0")/../.." || exit 1
[ $# -gt 0 ] || set -- tests/ui/test_*.sh
D=$(mktemp -d "${TMPDIR:-/tmp}/caseload-ui-run-XXXXXX")
trap 'rm -rf "$D"' EXIT
i=0
for t in "$@"; do
  [ -f "$t" ] || continue
  i=$((i + 1))
  printf '%04d %s\n' "$i" "$t"
done >"$D/list"
# One test: its log and its status in files named by its place in the list.
# shellcheck disable=SC2016
xargs -P "${UI_JOBS:-3}" -L 1 sh -c 'if sh "$2" >"$0/$1.log" 2>&1; then echo ok >"$0/$1.rc"; else echo FAIL >"$0/$1.rc"; fi' "$D" <"$D/list"
pass=0; failed=0
while read -r n t; do
  if [ "$(cat "$D/$n.rc" 2>/dev/null)" = ok ]; then
    pass=$((pass + 1)); echo "ok   $t"
  else
    failed=$((failed + 1)); echo "FAIL $t"; sed 's/^/     /' "$D/$n.log" | tail -60
  fi
done <"$D/list"
echo "ui: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
