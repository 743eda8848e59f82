#!/bin/sh
# The diary at national scale (make bench): the office day view query
# (median and p99), `caseload diary` as a whole process, and calcurse side by
# side on a 100,000-appointment subset exported through our iCalendar writer.
# Usage: sh bench/diary.sh BUILD_DIR DATABASE BASE_DATE
set -eu
B=$(cd "$1" && pwd); DB=$2; BASE=$3
T=$(mktemp -d "${TMPDIR:-/tmp}/caseload-bench-diary-XXXXXX")
trap 'rm -rf "$T"' EXIT
export TZ=Europe/London CASELOAD_NOW="${BASE}T09:00"

echo "== diary: office day view"
"$B/bench_diary" query "$DB" "$BASE" 20

# Twenty offices and the ten weekdays from BASE, taken in turn.
offices=$("$B/caseload" --db "$DB" export offices | tail -n +2 | cut -d, -f1 | head -20 | paste -sd, -)
dates=""; i=0
while [ "$(echo "$dates" | tr ',' '\n' | grep -c .)" -lt 10 ]; do
  d=$(date -d "$BASE + $i days" +%F); i=$((i + 1))
  case $(date -d "$d" +%u) in 6|7) continue;; esac
  dates="${dates:+$dates,}$d"
done
export BENCH_OFFICES="$offices" BENCH_DATES="$dates"
BENCH_LABEL="caseload diary --office X --date D" \
  "$B/bench_diary" run 200 -- "$B/caseload" --db "$DB" diary --office '{office}' --date '{date}'
BENCH_LABEL="caseload diary ... --format ics" \
  "$B/bench_diary" run 100 -- "$B/caseload" --db "$DB" diary --office '{office}' --date '{date}' --format ics

if command -v calcurse >/dev/null 2>&1; then
  echo "== diary: calcurse 100,000-appointment subset (through our ics export)"
  "$B/bench_diary" ics "$DB" 100000 "$T/subset.ics"
  mkdir "$T/cc"
  s=$(date +%s%N)
  calcurse -D "$T/cc" -i "$T/subset.ics" >/dev/null
  e=$(date +%s%N)
  echo "calcurse import of the subset: $(( (e - s) / 1000000 )) ms"
  day=$(date -d "$BASE" +%m/%d/%Y)
  BENCH_LABEL="calcurse -Q one day (100,000 appointments)" \
    "$B/bench_diary" run 10 -- calcurse -D "$T/cc" -Q --from "$day" --days 1 | tee "$T/cc.txt"
  BENCH_LABEL="caseload diary one day (national database)" \
    "$B/bench_diary" run 50 -- "$B/caseload" --db "$DB" diary --office '{office}' --date '{date}' | tee "$T/cl.txt"
  c=$(sed 's/.*median *\([0-9.]*\) ms.*/\1/' "$T/cc.txt"); l=$(sed 's/.*median *\([0-9.]*\) ms.*/\1/' "$T/cl.txt")
  echo "one-day query, median: calcurse $c ms, caseload $l ms: caseload is $(awk -v c="$c" -v l="$l" 'BEGIN { printf "%.0f", c / l }')x faster"
fi
