#!/bin/sh
# A whole key press in the search, redraw included, on a real database under
# tmux: types surnames letter by letter (and Backspace) into `/`, each key sent
# only once the previous one has been drawn; the program itself records, for
# every key, the microseconds from reading it to sending the redraw
# (CASELOAD_KEYTIME). Prints the median and 99th percentile.
# Usage: bench/keypress.sh CASELOAD_BINARY DB NAMES_FILE [N_NAMES]
set -eu
BIN=$1 DB=$2 NAMES=$3 N=${4:-40}
T=$(mktemp -d)
SOCK="kp-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
tmux -L "$SOCK" -f /dev/null new-session -d -x 80 -y 24 \
  "CASELOAD_KEYTIME='$T/times' '$BIN' --db '$DB'; sleep 5"
tmux -L "$SOCK" set-option -t 0 status off >/dev/null
count() { [ -f "$T/times" ] && wc -l <"$T/times" || echo 0; }
# send KEY...: one key, then wait until the program has logged it
send() {
  before=$(count)
  tmux -L "$SOCK" send-keys -t 0 "$@"
  n=0
  while [ "$(count)" -le "$before" ] && [ $n -lt 500 ]; do sleep 0.01; n=$((n + 1)); done
}
sleep 1
head -n "$N" "$NAMES" | while read -r name; do
  send /
  for i in 1 2 3 4 5 6; do
    c=$(printf '%s' "$name" | cut -c"$i")
    [ -n "$c" ] && send -l "$c"
  done
  send BSpace; send BSpace
  send Escape
done
sort -g "$T/times" | awk '{ v[NR] = $1 } END {
  i = int(NR * 0.99); if (i < 1) i = 1
  printf "%-40s %10.0f %10.0f %6d\n", "key press in the search, redraw included", v[int((NR + 1) / 2)], v[i], NR }'
