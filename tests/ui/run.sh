#!/bin/sh
# Runs every tests/ui/test_*.sh; prints one line per test and a closing
# "N passed, N failed" line. Exit status 1 when any failed.
cd "$(dirname "$0")/../.." || exit 1
pass=0; failed=0; names=""
for t in tests/ui/test_*.sh; do
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
