#!/bin/sh
# A whole key press in the search, redraw included, on a real database under
# tmux: types surnames letter by letter (and Backspace) into `/` (keylib.sh).
# Prints the median and 99th percentile in microseconds.
# Usage: bench/keypress.sh CASELOAD_BINARY DB NAMES_FILE [N_NAMES] [KEEP_FILE]
set -eu
. "$(dirname "$0")/keylib.sh"
kl_main 40 "$@"
head -n "$KL_N" "$KL_FILE" | while read -r name; do
  kl_send /
  for i in 1 2 3 4 5 6; do
    c=$(printf '%s' "$name" | cut -c"$i")
    [ -n "$c" ] && kl_send -l "$c"
  done
  kl_send BSpace; kl_send BSpace
  kl_send Escape
done
kl_report "key press in the search, redraw included"
