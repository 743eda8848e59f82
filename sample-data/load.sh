#!/bin/sh
# Loads the sample caseload into $CASELOAD_DB with dates shifted to today.
# Usage: sample-data/load.sh CASELOAD_BINARY   (written by the import issue)
echo "sample-data/load.sh: sample data not yet available" >&2
exit 0
