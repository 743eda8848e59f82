# caseload import and export against the real binary: the sample caseload,
# re-import, a full round trip of every kind, exit codes 64/65/66/69, dry run,
# and the progress bar on a terminal only.
. "$(dirname "$0")/lib.sh"
KINDS="offices staff offenders orders requirements registrations appointments contacts reports holidays settings"

load_sample
grep -q "^imported offenders: 300 inserted, 0 updated, 0 unchanged$" "$T/load.log" || { cat "$T/load.log"; fail "sample offenders"; }
grep -q "^imported staff: 20 inserted" "$T/load.log" || fail "sample staff"

# The base week (sample-data/BASE, a Monday) became this week: Siân Llŷr's
# 10:00 appointment on the base Monday is on this week's Monday (2026-11-23).
cl export appointments | grep -q "^A[0-9]*,X100001,[^,]*,CDF02,2026-11-23,10:00," || fail "base week moved to this week"

# Re-import says nothing changed.
base=$(cat "$ROOT/sample-data/BASE")
cl import --shift-from "$base" offenders "$ROOT/sample-data/offenders.csv" >"$T/out" || fail "re-import"
grep -qx "imported offenders: 0 inserted, 0 updated, 300 unchanged (nothing changed)" "$T/out" || { cat "$T/out"; fail "re-import counts"; }

# Round trip: export every kind, import into an empty database, export again: same bytes.
for k in $KINDS; do cl export "$k" >"$T/$k.csv" || fail "export $k"; done
for k in $KINDS; do
    CASELOAD_DB="$T/two.db" cl import "$k" "$T/$k.csv" >/dev/null || fail "import exported $k"
    CASELOAD_DB="$T/two.db" cl export "$k" >"$T/$k.2.csv" || fail "export $k again"
    cmp -s "$T/$k.csv" "$T/$k.2.csv" || { diff "$T/$k.csv" "$T/$k.2.csv" | head; fail "$k differs after the round trip"; }
done
grep -q "Llŷr,Siân" "$T/offenders.2.csv" || fail "non-ASCII names survive"

# Bad data: exit 65, FILE:LINE: column: message on stderr, nothing written.
printf 'code,name,address,phone\nZZ1,New office,,\nZZ2,,,\n' >"$T/bad.csv"
cl import offices "$T/bad.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 65 ] || fail "bad data must exit 65 (got $rc)"
grep -qx "$T/bad.csv:3: name: missing value" "$T/err" || { cat "$T/err"; fail "error line"; }
cl export offices | grep -q "^ZZ1," && fail "nothing may be written on error"

# Dates: a spreadsheet's 26/9/1998 is read; a refusal names what is wrong.
printf 'date,name\n26/9/2027,Spreadsheet day\n' >"$T/hol.csv"
cl import holidays "$T/hol.csv" >/dev/null 2>"$T/err" || { cat "$T/err"; fail "D/M/YYYY"; }
cl export holidays | grep -q "^2027-09-26,Spreadsheet day" || fail "26/9/2027 stored as 2027-09-26"
printf 'date,name\n31/02/2027,No such day\n26-9-27,Wrong form\n' >"$T/hol.csv"
cl import holidays "$T/hol.csv" 2>"$T/err"; [ $? -eq 65 ] || fail "bad dates must exit 65"
grep -qx "$T/hol.csv:2: date: 31/02/2027: 31 February is not a date" "$T/err" || { cat "$T/err"; fail "the day named"; }
grep -qx "$T/hol.csv:3: date: 26-9-27: not a date (write YYYY-MM-DD or DD/MM/YYYY)" "$T/err" || { cat "$T/err"; fail "the form named"; }
cl import --shift-from 26-9-27 holidays "$T/good.csv" 2>"$T/err"; [ $? -eq 64 ] || fail "a bad --shift-from must exit 64"
grep -q -- "--shift-from: 26-9-27: not a date (write YYYY-MM-DD or DD/MM/YYYY)" "$T/err" || { cat "$T/err"; fail "--shift-from message"; }

# Dry run: checks, says what it would do, writes nothing.
printf 'code,name,address,phone\nZZ1,New office,,\n' >"$T/good.csv"
cl import --dry-run offices "$T/good.csv" >"$T/out" || fail "dry run"
grep -q "1 to insert" "$T/out" || fail "dry run counts"
cl export offices | grep -q "^ZZ1," && fail "a dry run writes nothing"

# Usage and missing input.
cl import offices "$T/nope.csv" 2>"$T/err"; [ $? -eq 66 ] || fail "missing file must exit 66"
grep -q "nope.csv: cannot open" "$T/err" || fail "missing file message"
cl import people "$T/good.csv" 2>/dev/null; [ $? -eq 64 ] || fail "unknown kind must exit 64"
cl import offices 2>/dev/null; [ $? -eq 64 ] || fail "missing argument must exit 64"
cl export people 2>/dev/null; [ $? -eq 64 ] || fail "export of an unknown kind must exit 64"

# A RoSH level ends the one before it, as `register` does, and the summary says so.
printf 'crn,type,category,level,start_date,review_date,end_date,notes\nX100001,RVHR,,,2026-11-23,,,\n' >"$T/rosh.csv"
cl import --dry-run registrations "$T/rosh.csv" >"$T/out" || fail "RoSH dry run"
grep -qx "checked registrations (dry run, nothing written): 1 to insert, 0 to update, 0 unchanged; 1 RoSH level to end (kept in history)" "$T/out" || { cat "$T/out"; fail "RoSH dry-run summary"; }
cl import registrations "$T/rosh.csv" >"$T/out" || fail "RoSH import"
grep -qx "imported registrations: 1 inserted, 0 updated, 0 unchanged; 1 RoSH level ended (kept in history)" "$T/out" || { cat "$T/out"; fail "RoSH summary"; }
cl check >"$T/out" 2>&1 || { cat "$T/out"; fail "one active RoSH level after the import"; }

# An order that is not the person's: refused in the command line's words.
order=$(cl export orders | awk -F, '$2 != "X100001" && NR > 1 { print $1 "," $2; exit }')
printf 'id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes\nZC1,x100001,%s,cdf02,2026-11-20,10:00,CTOB,,,,\n' "${order%,*}" >"$T/oc.csv"
cl import contacts "$T/oc.csv" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 65 ] || { cat "$T/err"; fail "another person's order must exit 65 (got $rc)"; }
grep -qx "$T/oc.csv:2: order_id: order ${order%,*} is ${order#*,}'s, not X100001's" "$T/err" || { cat "$T/err"; fail "order message"; }

# Another program holding the write lock: exit 69 and a clear message.
( echo "BEGIN IMMEDIATE; INSERT INTO draft(officer, kind, updated_at) VALUES ('t', 'lock', '1');"; sleep 4; echo "ROLLBACK;" ) \
    | sqlite3 "$CASELOAD_DB" &
holder=$!
sleep 1
CASELOAD_BUSY_MS=300 cl import offices "$T/good.csv" 2>"$T/err"; rc=$?
wait $holder
[ $rc -eq 69 ] || { cat "$T/err"; fail "a held write lock must exit 69 (got $rc)"; }
grep -q "database is in use by another program" "$T/err" || { cat "$T/err"; fail "busy message"; }

# Progress: a bar on a terminal for a long import, nothing when stderr is a file.
awk 'BEGIN { print "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes";
             for (i = 0; i < 12000; i++) { printf "BIG%06d,X100001,,CDF02,2026-11-20,10:00,C201,,,,\"", i;
             for (k = 0; k < 6; k++) printf "A long note, with a comma and \"\"quotes\"\", to fill the file. "; print "\"" } }' >"$T/big.csv"
[ "$(wc -c <"$T/big.csv")" -gt 4500000 ] || fail "big file too small for the bar"
script -qec "$CASELOAD_BIN import --dry-run contacts $T/big.csv" "$T/tty.log" >/dev/null || fail "import on a terminal"
grep -q "importing contacts \[#" "$T/tty.log" || fail "no progress bar on a terminal"
grep -q "100%" "$T/tty.log" || fail "the bar reaches 100%"
cl import --dry-run contacts "$T/big.csv" >/dev/null 2>"$T/err" || fail "import to a file"
[ -s "$T/err" ] && { cat "$T/err"; fail "no bar when stderr is not a terminal"; }
exit 0
