#!/bin/sh
# The SQL-safety test: no source builds SQL from formatted or concatenated
# strings (tests/sql/check_sql.pl), and the checker still catches each way of
# doing so in the fixture bad_sql.c (so a broken checker cannot pass quietly).
# Product sources only: test fixtures may write raw rows to set up a case.
cd "$(dirname "$0")/../.." || exit 1
out=$(perl tests/sql/check_sql.pl tests/sql/bad_sql.c)
for want in "bad_sql.c:5: sqlite3_mprintf" "bad_sql.c:10: snprintf" "bad_sql.c:18: strcat" \
            "bad_sql.c:13: st_stmt given SQL from the writable buffer 'sql'" \
            "bad_sql.c:20: sqlite3_exec given SQL from the writable buffer 'buf'" \
            "bad_sql.c:25: sqlite3_prepare_v2 given SQL from the writable buffer 'text'"; do
  printf '%s\n' "$out" | grep -qF "$want" || { echo "check-sql: the checker missed: $want"; exit 1; }
done
files=$(find src include bench tests/fuzz -name '*.[ch]' | sort)
perl tests/sql/check_sql.pl $files || { echo "check-sql: SQL built from strings (above)"; exit 1; }
echo "sql: ok ($(echo "$files" | wc -l) files, no SQL built from strings)"
