#!/bin/sh
# The least any importer that keeps caseload's indexes must spend, beside the
# sqlite3 shell's .import of the same CSV file. For each big kind, from a
# database caseload has already loaded (make bench), with SQLite alone and no
# parsing or checking at all:
#   rows:    the table's rows copied into a fresh database, in file order, under
#            a rollback journal with a 256 MB cache (the table and its key only);
#   indexes: the table's own secondary indexes built after the rows (their
#            text from sqlite_schema), with SQLite's sorter on a thread a core,
#            as caseload's first load builds them; the index of corrections,
#            which a first load keeps (src/store/bulk.c KEPT_THROUGH_A_LOAD),
#            is created with the table, before the rows;
#   .import: the shell's .import of the CSV (every column TEXT, no key, no index).
# rows + indexes is a floor for the import of that kind: parsing, checking and
# the audit summary come on top.
# Usage: sh bench/import_floor.sh REPS DATA_DIR   (DATA_DIR as make bench writes it)
set -eu
REPS=$1 DATA=$2
SRC="$DATA/caseload.db"
W=$(mktemp -d "${TMPDIR:-/tmp}/caseload-floor.XXXXXX")
trap 'rm -rf "$W"' EXIT
t() { # t LABEL CMD...: appends "LABEL seconds" to $W/times
  label=$1
  shift
  /usr/bin/time -f "$label %e" -a -o "$W/times" "$@" >/dev/null
}
echo "import floor: $(nproc) cores, SQLite $(sqlite3 --version | cut -d' ' -f1), $REPS reps, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$SRC" >/dev/null
for pair in appointment:appointments contact:contacts; do
  table=${pair%%:*} kind=${pair#*:}
  create=$(sqlite3 "$SRC" "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '$table'")
  kept=$(sqlite3 "$SRC" "SELECT group_concat(sql, '; ') FROM sqlite_schema WHERE type = 'index' AND name = 'contact_corrects' AND tbl_name = '$table'")
  [ -z "$kept" ] || create="$create; $kept"
  indexes=$(sqlite3 "$SRC" "SELECT group_concat(sql, '; ') FROM sqlite_schema WHERE type = 'index' AND tbl_name = '$table' AND sql IS NOT NULL AND name <> 'contact_corrects'")
  r=0
  while [ "$r" -lt "$REPS" ]; do
    r=$((r + 1))
    rm -f "$W/db" "$W/imp"
    cat "$DATA/$kind.csv" >/dev/null
    t "$kind.import" sqlite3 "$W/imp" ".import --csv $DATA/$kind.csv $table"
    t "$kind.rows" sqlite3 "$W/db" "PRAGMA journal_mode=DELETE; PRAGMA cache_size=-262144; $create;
      ATTACH '$SRC' AS src; BEGIN; INSERT INTO main.$table SELECT * FROM src.$table ORDER BY rowid; COMMIT;"
    t "$kind.indexes" sqlite3 "$W/db" "PRAGMA threads=$(nproc); PRAGMA temp_store=FILE; PRAGMA cache_size=-16384;
      BEGIN; $indexes; COMMIT;"
  done
done
printf '%-14s %9s %9s %9s %9s %14s\n' kind .import rows indexes floor "floor/.import"
for kind in appointments contacts; do
  med() { awk -v k="$kind.$1" '$1 == k { print $2 }' "$W/times" | sort -g |
    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  i=$(med import) r=$(med rows) x=$(med indexes)
  awk -v k="$kind" -v i="$i" -v r="$r" -v x="$x" \
    'BEGIN { printf "%-14s %8.2fs %8.2fs %8.2fs %8.2fs %14.2f\n", k, i, r, x, r + x, (r + x) / i }'
done
