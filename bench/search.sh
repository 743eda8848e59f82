#!/bin/sh
# make bench-search: the instant search at national scale, on the database and
# keys `make bench` leaves in bench/out/national (run that first):
# the search query alone and a key press without drawing (search_bench), then
# whole key presses with the redraw, in the real program under tmux: typing in
# the search (keypress.sh) and every key of an everyday round (browse.sh).
# Usage: bench/search.sh BUILD_DIR   Environment: BENCH_REPS (default 2000), BENCH_SCALE.
set -eu
BUILD=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
OUT=bench/out/${BENCH_SCALE:-national}
[ -f "$OUT/caseload.db" ] && [ -s "$OUT/keys/names" ] ||
  { echo "bench-search: no $OUT/caseload.db: run make bench first" >&2; exit 66; }
# Warm file cache, as on a machine that keeps the file cached (this VM pages
# out file pages untouched for a minute): read the database once.
cat "$OUT/caseload.db" >/dev/null
export CASELOAD_NOW="$(cat "$OUT/BASE")T10:00" CASELOAD_OFFICER=""
echo "caseload search bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(sqlite3 "$OUT/caseload.db" 'SELECT count(*) FROM offender') people"
"$BUILD/search_bench" "$OUT/caseload.db" "$OUT/keys/names" "$OUT/keys/crns" "${BENCH_REPS:-2000}"
sh bench/keypress.sh "$BUILD/caseload" "$(pwd)/$OUT/caseload.db" "$OUT/keys/names" 200
CASELOAD_OFFICER=$(head -1 "$OUT/keys/officers") \
  sh bench/browse.sh "$BUILD/caseload" "$(pwd)/$OUT/caseload.db" "$OUT/keys/crns" 30
