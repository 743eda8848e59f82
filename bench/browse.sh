#!/bin/sh
# Every key of an everyday round, redraw included, on a real database under
# tmux (keylib.sh): find a person by CRN (typed a key at a time), open the
# record (Enter), walk its sections (Tab p o A C R), back (q) and out of the
# search (q), move in my caseload (j j k PgDn PgUp G g), then my office and
# everyone (c, j G g each), and back to my caseload (c).
# Prints the median and 99th percentile in microseconds of all keys.
# Usage: bench/browse.sh CASELOAD_BINARY DB CRNS_FILE [N_PEOPLE] [KEEP_FILE]
set -eu
. "$(dirname "$0")/keylib.sh"
kl_main 20 "$@"
head -n "$KL_N" "$KL_FILE" | while read -r crn; do
  kl_send /
  for c in $(printf '%s' "$crn" | sed 's/./& /g'); do kl_send -l "$c"; done
  for k in Enter Tab p o A C R q q j j k NPage PPage G g c j G g c j G g c; do kl_send "$k"; done
done
kl_report "every key of an everyday round, redraw included"
