#!/bin/sh
# make bench: national-scale figures, each the median and 99th percentile of
# many repetitions, in one run so that they compare side by side.
# Usage: bench/run.sh CASELOAD_BINARY   (the other bench programs are beside it)
# Environment: BENCH_REPS (query repetitions, default 2000), BENCH_IMPORT_REPS
# (full imports of the data set, default 3), BENCH_UI_REPS (default 50),
# BENCH_SCALE (national, or sample for a quick try), BENCH_CALCURSE_REPS (20),
# BENCH_COLD (starts from an emptied file cache, root only; default 0).
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BUILD=$(dirname "$BIN")
cd "$(dirname "$0")/.."
OUT=bench/out/${BENCH_SCALE:-national}
SCALE=${BENCH_SCALE:-national}
REPS=${BENCH_REPS:-2000}
IMPORT_REPS=${BENCH_IMPORT_REPS:-3}
UI_REPS=${BENCH_UI_REPS:-50}
KINDS="offices staff offenders orders requirements registrations appointments contacts reports holidays"
mkdir -p "$OUT"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# median and max of the numbers on stdin
stats() { sort -g | awk '{ v[NR] = $1 } END { printf "%s %s", v[int((NR + 1) / 2)], v[NR] }'; }
# records in a kind's file (lines would count line breaks inside notes)
rows() { sqlite3 :memory: ".import --csv $OUT/$1.csv t" "SELECT count(*) FROM t"; }

echo "caseload bench: $(uname -m), $(nproc) cores, SQLite $(sqlite3 --version | cut -d' ' -f1), scale $SCALE"

# 1. The data set, generated once (bench/out is not committed).
if [ ! -f "$OUT/BASE" ] || [ "$BUILD/gen" -nt "$OUT/BASE" ] || [ "$(cat "$OUT/SCALE" 2>/dev/null)" != "$SCALE" ]; then
  echo "generating the $SCALE data set into $OUT ..."
  rm -f "$OUT"/*.csv "$OUT/BASE"
  "$BUILD/gen" --scale "$SCALE" --holidays "$OUT"
  echo "$SCALE" >"$OUT/SCALE"
fi
BASE=$(cat "$OUT/BASE")
export CASELOAD_NOW="${BASE}T10:00" CASELOAD_OFFICER=""
for k in $KINDS; do echo "$k $(rows "$k")"; done >"$OUT/rows"
tr '\n' ' ' <"$OUT/rows"; echo

# Keys for the questions, sampled from the data set.
mkdir -p "$OUT/keys"
awk -F, 'NR > 1 && NR % 1237 == 2 { print $1 }' "$OUT/offenders.csv" >"$OUT/keys/crns"
[ -s "$OUT/keys/crns" ] || awk -F, 'NR > 1 && NR < 200 { print $1 }' "$OUT/offenders.csv" >"$OUT/keys/crns"
awk -F, 'NR > 1 { print $1 }' "$OUT/offices.csv" >"$OUT/keys/offices"
awk -F, 'NR > 1 && $3 == "PO" { print $1 }' "$OUT/staff.csv" >"$OUT/keys/officers"
echo "$BASE" >"$OUT/keys/BASE"
# surnames as typed on an English keyboard (first word, letters only, accents folded)
awk -F, 'NR > 1 && NR % 97 == 0 { print $2 }' "$OUT/offenders.csv" |
  LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT 2>/dev/null | tr -cd 'A-Za-z \n' | awk 'length($1) >= 4 { print $1 }' >"$OUT/keys/names"

# 2. Import: ours beside the sqlite3 shell's .import of the same files, wall
# time and the CPU time (user + system) each took: CPU is shared on a busy
# machine, so both are printed.
# user+sys seconds of this shell's finished child processes so far (cutime and
# cstime in /proc/PID/stat; $$ is this shell's PID inside $(...) too)
TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu() { awk -v t="$TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($14 + $15) / t }' "/proc/$$/stat"; }
echo
echo "== import (seconds: median and worst of $IMPORT_REPS full loads; rows per second from the median; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))"
has_import=0
"$BIN" help import >/dev/null 2>&1 && has_import=1
: >"$OUT/import.times"
i=0
while [ $i -lt "$IMPORT_REPS" ]; do
  i=$((i + 1))
  rm -f "$OUT/baseline.db"*
  for k in $KINDS; do
    c0=$(cpu); t0=$(now); sqlite3 "$OUT/baseline.db" ".import --csv $OUT/$k.csv $k"; t1=$(now); c1=$(cpu)
    echo "baseline $k $(secs "$t0" "$t1") $(secs "$c0" "$c1")" >>"$OUT/import.times"
  done
  if [ $has_import = 1 ]; then
    rm -f "$OUT/caseload.db"*
    for k in $KINDS; do
      c0=$(cpu); t0=$(now)
      "$BIN" --db "$OUT/caseload.db" import "$k" "$OUT/$k.csv" >/dev/null 2>"$OUT/import.err" ||
        { cat "$OUT/import.err" >&2; echo "bench: import $k failed" >&2; exit 1; }
      t1=$(now); c1=$(cpu)
      echo "ours $k $(secs "$t0" "$t1") $(secs "$c0" "$c1")" >>"$OUT/import.times"
    done
  fi
done
printf '%-14s %9s %12s %12s %12s %12s %7s %8s %8s %7s\n' kind rows ours_s ours_rows/s sqlite3_s sqlite3_rows/s ratio ours_cpu sql3_cpu cpu_rt
tot_o=0; tot_b=0; tot_oc=0; tot_bc=0
for k in $KINDS; do
  n=$(awk -v k="$k" '$1 == k { print $2 }' "$OUT/rows")
  set -- $(awk -v k="$k" '$1 == "baseline" && $2 == k { print $3 }' "$OUT/import.times" | stats)
  bm=$1 bx=$2
  bc=$(awk -v k="$k" '$1 == "baseline" && $2 == k { print $4 }' "$OUT/import.times" | stats | cut -d' ' -f1)
  if [ $has_import = 1 ]; then
    set -- $(awk -v k="$k" '$1 == "ours" && $2 == k { print $3 }' "$OUT/import.times" | stats)
    om=$1 ox=$2
    oc=$(awk -v k="$k" '$1 == "ours" && $2 == k { print $4 }' "$OUT/import.times" | stats | cut -d' ' -f1)
  else
    om=- ox=- oc=-
  fi
  awk -v k="$k" -v n="$n" -v om="$om" -v ox="$ox" -v bm="$bm" -v bx="$bx" -v oc="$oc" -v bc="$bc" 'BEGIN {
    rate = (om == "-" || om == 0) ? "-" : sprintf("%.0f", n / om)
    ratio = (om == "-" || bm == 0) ? "-" : sprintf("%.2f", om / bm)
    cratio = (oc == "-" || bc == 0) ? "-" : sprintf("%.2f", oc / bc)
    printf "%-14s %9d %5s/%-6s %12s %5s/%-6s %12.0f %7s %8s %8s %7s\n", k, n, om, ox, rate, bm, bx, (bm > 0 ? n / bm : 0), ratio, oc, bc, cratio }'
  tot_b=$(awk -v a="$tot_b" -v b="$bm" 'BEGIN { print a + b }')
  tot_bc=$(awk -v a="$tot_bc" -v b="$bc" 'BEGIN { print a + b }')
  [ "$om" = - ] || tot_o=$(awk -v a="$tot_o" -v b="$om" 'BEGIN { print a + b }')
  [ "$oc" = - ] || tot_oc=$(awk -v a="$tot_oc" -v b="$oc" 'BEGIN { print a + b }')
done
if [ $has_import = 1 ]; then
  awk -v o="$tot_o" -v b="$tot_b" -v oc="$tot_oc" -v bc="$tot_bc" 'BEGIN { printf "%-14s %9s %12.1f %12s %12.1f %12s %7.2f %8.1f %8.1f %7.2f  (goal <= 1.00)\n", "all", "", o, "", b, "", o / b, oc, bc, (bc > 0 ? oc / bc : 0) }'
else
  echo "(caseload import is not on this build yet: only the baseline is measured)"
fi
ls -l "$OUT"/*.db 2>/dev/null | awk '{ printf "  %s: %.0f MB\n", $9, $5 / 1048576 }'

[ $has_import = 1 ] || exit 0

# 3. The questions the screens ask, through the core library.
echo
echo "== interactive questions (microseconds, $REPS repetitions, warm cache; goal p99 < 5000)"
"$BUILD/measure" "$OUT/caseload.db" "$OUT/keys" "$REPS"

# 4. First drawn screen and peak memory, under tmux.
echo
echo "== the full-screen interface on the national database ($UI_REPS starts, under tmux, each typing a search; goals: < 30 ms, < 20 MB)"
sh bench/firstdraw.sh "$BUILD" "$(pwd)/$OUT/caseload.db" "$(head -1 "$OUT/keys/officers")" "$UI_REPS"

# 5. The diary: the office day view query, `caseload diary` as a whole
# process, and calcurse on a 100,000-appointment subset (bench/diary.sh).
echo
sh bench/diary.sh "$BUILD" "$OUT/caseload.db" "$BASE"

# 6. The peer: calcurse on 100,000 appointments from our iCalendar export.
echo
echo "== calcurse comparison (100,000 appointments through caseload diary --format ics)"
sh bench/calcurse.sh "$BIN" "$OUT" "${BENCH_CALCURSE_REPS:-20}"
