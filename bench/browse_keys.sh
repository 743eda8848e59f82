#!/bin/sh
# Which keys of browse.sh's everyday round are slow: the raw times it keeps
# (its fifth argument, one per key in order) grouped by key, each with its
# median and slowest, slowest first. The list switches are c1 (my caseload
# to my office), c2 (to everyone) and c3 (back to my caseload).
# Usage: sh bench/browse_keys.sh TIMES_FILE
# The round must match browse.sh's: "/", the 7 letters of a CRN, then KEYS.
set -eu
KEYS="Enter Tab p o A C R q q j j k NPage PPage G g c1 j G g c2 j G g c3"
awk -v keys="/ crn crn crn crn crn crn crn $KEYS" '
  BEGIN { n = split(keys, k, " ") }
  { key = k[(NR - 1) % n + 1]; t[key, ++c[key]] = $1 }
  END {
    for (key in c) {
      m = c[key]
      for (i = 1; i <= m; i++) v[i] = t[key, i]
      for (i = 2; i <= m; i++) { x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
      printf "%-6s median %6.0f us  slowest %6.0f us  (%d keys)\n", key, v[int((m + 1) / 2)], v[m], m
    }
  }' "$1" | sort -k6 -rn
