#!/bin/sh
# The peer: calcurse, on a 100,000-appointment diary exported through our own
# iCalendar export (`caseload diary --format ics`), against caseload on the same
# appointments. Both answer "what is booked on this day" as a new process; the
# figure is the median and worst of REPS runs, in milliseconds.
# Usage: bench/calcurse.sh CASELOAD_BINARY OUTDIR REPS   (gen beside the binary)
set -eu
BIN=$1 OUT=$2 REPS=$3
BUILD=$(dirname "$BIN")
D=$OUT/calcurse
export TZ=Europe/London   # both programs: no /etc/localtime look-up per call
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) * 1000 }'; }
stats() { sort -g | awk '{ v[NR] = $1 } END { p = int(NR * 0.99); if (p < 1) p = 1; printf "%8.2f %8.2f", v[int((NR + 1) / 2)], v[p] }'; }

if [ ! -f "$D/all.ics" ]; then
  rm -rf "$D"; mkdir -p "$D"
  # One office's diary over two years: 100,000 appointments.
  "$BUILD/gen" --offices 1 --staff 60 --offenders 12000 --appointments 100000 --contacts 1000 \
    --past-days 720 --future-days 28 --history-days 30 "$D/data" 2>/dev/null
  for k in offices staff offenders orders appointments; do
    "$BIN" --db "$D/cal.db" import "$k" "$D/data/$k.csv" >/dev/null
  done
  base=$(cat "$D/data/BASE")
  office=$(awk -F, 'NR == 2 { print $1 }' "$D/data/offices.csv")
  # Every day of the window through the export, joined into one calendar.
  first=1
  for i in $(seq -720 28); do
    day=$(date -d "$base $i days" +%F)
    "$BIN" --db "$D/cal.db" diary --office "$office" --date "$day" --format ics >"$D/day.ics"
    if [ $first = 1 ]; then sed '/^BEGIN:VEVENT/,$d' "$D/day.ics" >"$D/all.ics"; first=0; fi
    sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' "$D/day.ics" >>"$D/all.ics"
  done
  echo "END:VCALENDAR" >>"$D/all.ics"
  echo "$office $base" >"$D/query"
fi
set -- $(cat "$D/query"); office=$1 base=$2
events=$(grep -c '^BEGIN:VEVENT' "$D/all.ics")
# calcurse keeps appointments in a sorted list that each import walks from the
# start: fed in date order its import is quadratic (over 10 minutes here), fed
# newest first it takes seconds; and each DESCRIPTION becomes a note file. So it
# gets the events newest first, without descriptions (that only spares it work).
if [ ! -s "$D/cc/apts" ] || [ "$D/all.ics" -nt "$D/cc/apts" ]; then
  rm -rf "$D/cc"
  grep -v '^DESCRIPTION' "$D/all.ics" | awk '
    /^BEGIN:VEVENT/ { inb = 1; b = "" }
    inb { b = b $0 "\n" }
    /^END:VEVENT/ { inb = 0; ev[++n] = b; next }
    !inb && !/^END:VCALENDAR/ && n == 0 { print }
    END { for (i = n; i > 0; i--) printf "%s", ev[i]; print "END:VCALENDAR" }' >"$D/newest-first.ics"
  t0=$(now); calcurse -D "$D/cc" -i "$D/newest-first.ics" >/dev/null; t1=$(now)
  echo "calcurse import of $events appointments from our ics export: $(ms "$t0" "$t1") ms"
fi
echo "calcurse data: $(wc -l <"$D/cc/apts") appointments"

: >"$D/ours"; : >"$D/theirs"
i=0
while [ $i -lt "$REPS" ]; do
  i=$((i + 1))
  t0=$(now); calcurse -D "$D/cc" --input-datefmt 4 -Q --from "$base" --days 1 >"$D/theirs.out"; t1=$(now)
  ms "$t0" "$t1" >>"$D/theirs"; echo >>"$D/theirs"
  t0=$(now); CASELOAD_NOW="${base}T10:00" "$BIN" --db "$D/cal.db" diary --office "$office" --date "$base" >"$D/ours.out"; t1=$(now)
  ms "$t0" "$t1" >>"$D/ours"; echo >>"$D/ours"
done
theirs_n=$(grep -c ' -> ' "$D/theirs.out" || true)
printf '%-40s %8s %8s\n' "one-day query, new process ($REPS runs)" median_ms p99_ms
printf '%-40s %s\n' "calcurse 4.7 ($theirs_n appointments that day)" "$(stats <"$D/theirs")"
printf '%-40s %s\n' "caseload diary (same day, same office)" "$(stats <"$D/ours")"
