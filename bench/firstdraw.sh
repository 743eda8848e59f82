#!/bin/sh
# The first drawn screen and the interface's peak memory (bench/firstdraw.c),
# under tmux. Warm: the database file read once just before (as on a machine
# that has it in its file cache; a VM that gives memory back may have dropped
# it), then REPS starts. With BENCH_COLD=N (root only: it empties the system's
# file cache before each start), also N starts from a cold cache, as the first
# start of the day.
# Usage: bench/firstdraw.sh BUILD_DIR DB OFFICER REPS   (CASELOAD_NOW from the caller)
set -eu
BUILD=$1 DB=$2 OFFICER=$3 REPS=$4
SOCK="fd-$$"
run() { # run REPS KEYS
  tmux -L "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
    "CASELOAD_OFFICER='$OFFICER' CASELOAD_NOW='$CASELOAD_NOW' '$BUILD/firstdraw' $1 'caseload:' '$2' -- '$BUILD/caseload' --db '$DB' >'$T' 2>&1; tmux -L $SOCK wait-for -S done"
  tmux -L "$SOCK" wait-for done
  tmux -L "$SOCK" kill-server 2>/dev/null || true
}
T=$(mktemp)
trap 'rm -f "$T"' EXIT
cat "$DB" >/dev/null
run "$REPS" /smi
cat "$T"
n=${BENCH_COLD:-0}
if [ "$n" -gt 0 ] && [ -w /proc/sys/vm/drop_caches ]; then
  i=0
  while [ $i -lt "$n" ]; do
    sync; echo 1 >/proc/sys/vm/drop_caches
    run 1 ""
    sed -n 's/^first drawn screen *\([0-9.]*\).*/\1/p' "$T"
    i=$((i + 1))
  done | sort -g | awk '{ v[NR] = $1 } END { printf "first drawn screen, cold file cache   median %.1f ms, slowest %.1f ms of %d starts\n", v[int((NR + 1) / 2)], v[NR], NR }'
fi
