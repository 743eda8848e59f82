#!/bin/sh
# Loads the sample caseload into the database ($CASELOAD_DB, or caseload's
# default) with every date moved by whole weeks so that the week of the base
# date (sample-data/BASE) becomes this week, as the clock says
# (CASELOAD_TODAY / CASELOAD_NOW honoured). Whole weeks keep weekday
# appointments on weekdays, so today's diary is full on any working day.
# Usage: sample-data/load.sh CASELOAD_BINARY
# Used by `make run` (build/demo.db) and by tests/ui/lib.sh load_sample.
set -eu
# The sample is loaded by nobody in particular: an officer code set in the
# environment may not exist until the staff file is in.
unset CASELOAD_OFFICER
bin=${1:?usage: sample-data/load.sh CASELOAD_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
base=$(cat "$here/BASE")
today=${CASELOAD_TODAY:-}
[ -n "$today" ] || today=$(printf '%s' "${CASELOAD_NOW:-}" | cut -c1-10)
[ -n "$today" ] || today=$(date +%F)
days=$(( ($(date -u -d "$today" +%s) - $(date -u -d "$base" +%s)) / 86400 ))
# --shift-from D moves dates by (today - D): make that a whole number of weeks.
from=$(date -u -d "$base + $(( (days % 7 + 7) % 7 )) days" +%F)
# Each kind refers only to kinds before it.
for kind in offices staff offenders orders requirements registrations appointments contacts reports holidays; do
    file="$here/$kind.csv"
    [ -f "$file" ] || continue
    "$bin" import --shift-from "$from" "$kind" "$file"
done
