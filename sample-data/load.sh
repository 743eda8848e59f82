#!/bin/sh
# Loads the sample caseload into the database ($CASELOAD_DB, or caseload's
# default) with every date shifted so that the base date (sample-data/BASE)
# becomes today, as the clock says (CASELOAD_TODAY / CASELOAD_NOW honoured).
# Usage: sample-data/load.sh CASELOAD_BINARY
# Used by `make run` (build/demo.db) and by tests/ui/lib.sh load_sample.
set -eu
bin=${1:?usage: sample-data/load.sh CASELOAD_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
base=$(cat "$here/BASE")
# Each kind refers only to kinds before it.
for kind in offices staff offenders orders requirements registrations appointments contacts reports holidays; do
    file="$here/$kind.csv"
    [ -f "$file" ] || continue
    "$bin" import --shift-from "$base" "$kind" "$file"
done
