#!/bin/sh
# The import alone, side by side: the sqlite3 shell's .import and one or more
# caseload binaries (e.g. this build and an older one), each loading every kind
# of a generated data set into a fresh database in load order, REPS times;
# prints per kind the median wall and CPU (user + system) seconds and the
# ratio of the first binary to .import.
# Usage: sh bench/import.sh REPS DATA_DIR CASELOAD_BIN [OTHER_BIN...]
#   DATA_DIR as written by build/gen (make bench: bench/out/national).
# Needs GNU time (/usr/bin/time). Each file is read once (cat) just before
# each timed load, so every load starts with the file in the page cache (this
# VM pages out file cache left untouched for about a minute).
set -eu
REPS=$1 DATA=$2
shift 2
KINDS="offices staff offenders orders requirements registrations appointments contacts reports holidays"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/caseload-import.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "import bench: $(nproc) cores, SQLite $(sqlite3 --version | cut -d' ' -f1), $REPS loads, load average $(cut -d' ' -f1-3 /proc/loadavg)"
r=0
while [ "$r" -lt "$REPS" ]; do
  r=$((r + 1))
  n=0
  for who in sqlite3 "$@"; do
    rm -f "$WORK"/db*
    for k in $KINDS; do
      cat "$DATA/$k.csv" >/dev/null
      if [ "$who" = sqlite3 ]; then
        /usr/bin/time -f "$n $k %e %U %S" -a -o "$WORK/times" sqlite3 "$WORK/db" ".import --csv $DATA/$k.csv $k"
      else
        /usr/bin/time -f "$n $k %e %U %S" -a -o "$WORK/times" "$who" --db "$WORK/db" import "$k" "$DATA/$k.csv" >/dev/null
      fi
    done
    [ "$who" = sqlite3 ] || "$who" --db "$WORK/db" check >/dev/null
    n=$((n + 1))
  done
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %14s' kind ".import"
i=1
for who in "$@"; do printf ' %14s' "$(basename "$who")"; i=$((i + 1)); done
printf ' %12s\n' "ratio w/cpu"
for k in $KINDS; do
  printf '%-14s' "$k"
  line=""
  j=0
  while [ "$j" -lt "$i" ]; do
    m=$(awk -v j="$j" -v k="$k" '$1 == j && $2 == k { print $3, $4 + $5 }' "$WORK/times" |
      sort -g | awk '{ w[NR] = $1 } END { printf "%s", w[int((NR + 1) / 2)] }')
    c=$(awk -v j="$j" -v k="$k" '$1 == j && $2 == k { print $4 + $5 }' "$WORK/times" |
      sort -g | awk '{ c[NR] = $1 } END { printf "%s", c[int((NR + 1) / 2)] }')
    printf ' %6.2f/%-7.2f' "$m" "$c"
    line="$line $m $c"
    j=$((j + 1))
  done
  echo "$line" | awk '{ printf " %5s/%-6s\n", ($1 > 0 ? sprintf("%.2f", $3 / $1) : "-"), ($2 > 0 ? sprintf("%.2f", $4 / $2) : "-") }'
done
