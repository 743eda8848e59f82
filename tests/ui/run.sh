#!/bin/sh
# Runs every tests/ui/test_*.sh; prints one line per test and a closing
# "N passed, N failed" line. Exit status 1 when any failed.
# Arguments (paths from the top folder) run only those tests.
cd "$(dirname "$0")/../.." || exit 1
pass=0; failed=0; names=""
[ $# -gt 0 ] || set -- tests/ui/test_*.sh
for t in "$@"; do
  [ -f "$t" ] || continue
  if sh "$t" >"/tmp/caseload-ui-$$.log" 2>&1; then
    pass=$((pass + 1)); echo "ok   $t"
  else
    failed=$((failed + 1)); names="$names $t"; echo "FAIL $t"; sed 's/^/     /' "/tmp/caseload-ui-$$.log" | tail -60
  fi
done
rm -f "/tmp/caseload-ui-$$.log"
echo "ui: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
