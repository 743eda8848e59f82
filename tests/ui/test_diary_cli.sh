# caseload book and caseload diary: the booking rules as an officer meets
# them on the command line, and the day list as text, CSV and iCalendar (read
# back by real readers: python3-icalendar and calcurse).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
PY=/usr/bin/python3 # Debian's, which has python3-icalendar
seed_diary

# A clean booking (today is Tue 24 Nov 2026 10:00).
cl book X100001 2026-11-25 10:00 --location "Room 2" >"$T/out" 2>"$T/err" || fail "clean booking: $(cat "$T/err")"
grep -q "^booked B[0-9A-F]* Wed 25 Nov 2026 10:00-10:30 Office visit X100001 officer AB1 office N1$" "$T/out" || fail "booked line: $(cat "$T/out")"
[ ! -s "$T/err" ] || fail "no warnings expected: $(cat "$T/err")"

# The officer's clash is shown and stops the booking without --force.
cl book X100002 2026-11-25 10:15 --officer AB1 >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "clash must exit 65"
grep -q "clash: Wed 25 Nov 2026 officer AB1 already has Office visit 10:00-10:30 with Siân Llŷr (X100001) at Room 2" "$T/err" || fail "clash message: $(cat "$T/err")"
grep -q "not booked" "$T/err" || fail "not booked message"
[ ! -s "$T/out" ] || fail "nothing booked on a clash"
cl book X100002 2026-11-25 10:15 --officer AB1 --force >"$T/out" 2>"$T/err" || fail "--force books through a warning"
grep -q "^booked " "$T/out" || fail "forced booking"

# Weekend: warned, with the next business day offered.
cl book X100002 sat 09:00 2>"$T/err"; [ $? -eq 65 ] || fail "weekend must exit 65"
grep -q "Sat 28 Nov 2026 is a weekend; next business day: Mon 30 Nov 2026" "$T/err" || fail "weekend message: $(cat "$T/err")"
# Bank holiday, past time and office hours.
cl book X100002 2026-12-28 10:00 2>"$T/err"; [ $? -eq 65 ] || fail "bank holiday must exit 65"
grep -q "Boxing Day (substitute day); next business day: Tue 29 Dec 2026" "$T/err" || fail "holiday message: $(cat "$T/err")"
cl book X100002 today 09:00 2>"$T/err"; [ $? -eq 65 ] || fail "past must exit 65"
grep -q "in the past" "$T/err" || fail "past message"
cl book X100002 2026-11-26 17:00 2>"$T/err"; [ $? -eq 65 ] || fail "after hours must exit 65"
grep -q "outside office hours" "$T/err" || fail "hours message"

# A closed case is refused, even with --force.
cl book X100003 2026-11-26 10:00 --force >"$T/out" 2>"$T/err"; [ $? -eq 65 ] || fail "closed case must exit 65"
grep -q "refused: the case of Chloë Brontë (X100003) is closed" "$T/err" || fail "closed message: $(cat "$T/err")"
[ "$(grep -c refused "$T/err")" -eq 1 ] || fail "refusal said once"

# Usage errors.
cl book X999999 2026-11-26 10:00 2>/dev/null; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
cl book X100001 2026-11-26 25:00 2>/dev/null; [ $? -eq 64 ] || fail "bad time must exit 64"
cl book X100001 2026-11-26 10:00 --type CTOB 2>/dev/null; [ $? -eq 64 ] || fail "non-appointment type must exit 64"
cl book X100001 2026-11-26 10:00 --count 3 2>/dev/null; [ $? -eq 64 ] || fail "--count without --repeat must exit 64"

# Weekly across Christmas: the bank holidays move and the officer is told which.
cl book X100001 2026-12-18 14:00 --repeat weekly --count 4 --type "home visit" >"$T/out" 2>"$T/err" || fail "weekly: $(cat "$T/err")"
[ "$(grep -c '^booked' "$T/out")" -eq 4 ] || fail "four occurrences"
grep -q "Tue 29 Dec 2026 14:00-15:00 Home visit" "$T/out" || fail "Christmas Day moved to 29 Dec"
grep -q "Mon 04 Jan 2027 14:00-15:00 Home visit" "$T/out" || fail "New Year's Day moved to 4 Jan"
grep -q "moved: Fri 25 Dec 2026 is Christmas Day, Mon 28 Dec 2026 is Boxing Day (substitute day); booked on Tue 29 Dec 2026 instead" "$T/err" || fail "told of the move: $(cat "$T/err")"
# Fortnightly until a date across Easter 2027.
cl book X100002 2027-03-12 11:00 --repeat fortnightly --until 2027-04-09 >"$T/out" 2>"$T/err" || fail "fortnightly: $(cat "$T/err")"
grep -q "Tue 30 Mar 2027" "$T/out" || fail "Good Friday moved past Easter Monday"
grep -q "Good Friday" "$T/err" || fail "told of Good Friday"

# The text day list: header, time order, 80 columns.
cl diary --office N1 --date 2026-11-25 >"$T/day.txt" || fail "diary text"
head -1 "$T/day.txt" | grep -q "^Office diary: Northtown (N1) .*Page 1 of 1$" || fail "header line 1: $(head -1 "$T/day.txt")"
sed -n 2p "$T/day.txt" | grep -q "^Wed 25 Nov 2026 .*Printed Tue 24 Nov 2026 10:00$" || fail "header line 2"
# Flags as on the screen: whole labels and the count of the rest, then all of them below.
grep -q "^10:00 Siân Llŷr .*X100001 High      STAFF +3     Office .*AB1 Room 2$" "$T/day.txt" || fail "row for X100001: $(cat "$T/day.txt")"
grep -q "Flags: MAPPA 2/2; STAFF; DA; CP" "$T/day.txt" || fail "full flags"
[ "$(grep -n '^10:00' "$T/day.txt" | cut -d: -f1)" -lt "$(grep -n '^10:15' "$T/day.txt" | cut -d: -f1)" ] || fail "time order"
$PY - "$T/day.txt" <<'EOF' || fail "text wider than 80 columns"
import sys, unicodedata
for n, l in enumerate(open(sys.argv[1], encoding="utf-8").read().replace("\f", "\n").split("\n"), 1):
    w = sum(0 if unicodedata.combining(c) else 1 for c in l)
    if w > 80: sys.exit(f"line {n}: {w} columns")
EOF
cl diary --officer AB1 --date 2026-11-25 | head -1 | grep -q "^Officer diary: Alex Brown (AB1)" || fail "officer diary header"
# A room number is never cut: whole in the officer's list, on its own line in the office's.
cl book X100001 2026-11-26 11:00 --location "Interview room 6" >/dev/null 2>&1 || fail "booking a room"
cl diary --officer AB1 --date 2026-11-26 | grep -q "^11:00 Siân Llŷr .* Office *Interview room 6$" || fail "whole location: $(cl diary --officer AB1 --date 2026-11-26)"
cl diary --office N1 --date 2026-11-26 >"$T/loc.txt"
grep -q "^11:00 Siân Llŷr .* Office *AB1 +$" "$T/loc.txt" || fail "office row: $(cat "$T/loc.txt")"
grep -q "^      Location: Interview room 6$" "$T/loc.txt" || fail "location line: $(cat "$T/loc.txt")"
CASELOAD_OFFICER=AB1 cl diary --date 2026-11-25 | grep -q "X100001" || fail "default: the current officer's diary"
cl diary --office NOPE 2>/dev/null; [ $? -eq 64 ] || fail "unknown office must exit 64"
cl diary --office N1 --format pdf 2>/dev/null; [ $? -eq 64 ] || fail "unknown format must exit 64"
cl diary --office N1 --date 2026-11-28 | grep -q "No appointments." || fail "empty day"

# CSV: the documented columns first, in time order.
cl diary --office N1 --date 2026-11-25 --format csv >"$T/day.csv" || fail "diary csv"
head -1 "$T/day.csv" | grep -q "^date,start,end,crn,name,officer,type,location,rosh,flags,status," || fail "csv header: $(head -1 "$T/day.csv")"
sed -n 2p "$T/day.csv" | grep -q "^2026-11-25,10:00,10:30,X100001,Siân Llŷr,AB1,COAP,Room 2,High,MAPPA 2/2; STAFF; DA; CP,booked," || fail "csv row: $(sed -n 2p "$T/day.csv")"
[ "$(wc -l < "$T/day.csv")" -eq 3 ] || fail "csv rows"

# iCalendar, read by python3-icalendar: CRN only unless --names.
cl diary --office N1 --date 2026-11-25 --format ics >"$T/a.ics" || fail "diary ics"
cl diary --office N1 --date 2026-11-25 --format ics >"$T/b.ics" || fail "diary ics again"
cmp -s "$T/a.ics" "$T/b.ics" || fail "ics is stable (same UIDs, same stamp at the same clock)"
cl diary --office N1 --date 2026-11-25 --format ics --names >"$T/names.ics" || fail "diary ics --names"
$PY - "$T/a.ics" "$T/names.ics" <<'EOF' || fail "icalendar reader"
import sys, datetime, icalendar
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\r\n") == raw.count(b"\n"), "every line ends CRLF"
assert all(len(l) <= 75 for l in raw.split(b"\r\n")), "folded at 75 octets"
cal = icalendar.Calendar.from_ical(raw)
assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/London"
ev = cal.walk("VEVENT")
assert len(ev) == 2, len(ev)
first = ev[0]
assert str(first["SUMMARY"]) == "Office visit: X100001", first["SUMMARY"]
assert "Siân" not in raw.decode(), "no names without --names"
start = first.decoded("DTSTART")
assert start.replace(tzinfo=None) == datetime.datetime(2026, 11, 25, 10, 0), start
assert first["DTSTART"].params["TZID"] == "Europe/London"
assert str(first["UID"]).endswith("@caseload")
assert len({str(e["UID"]) for e in ev}) == 2, "UIDs unique"
assert first.decoded("DTSTAMP") == datetime.datetime(2026, 11, 24, 10, 0, tzinfo=datetime.timezone.utc) or \
       first.decoded("DTSTAMP").replace(tzinfo=None) == datetime.datetime(2026, 11, 24, 10, 0)
assert "MAPPA 2/2; STAFF; DA; CP" in str(first["DESCRIPTION"])
named = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read()).walk("VEVENT")[0]
assert str(named["SUMMARY"]) == "Office visit: Siân Llŷr (X100001)", named["SUMMARY"]
EOF
# ... and by calcurse.
mkdir "$T/cc"
TZ=Europe/London calcurse -D "$T/cc" -i "$T/a.ics" >"$T/cc.log" 2>&1 || fail "calcurse import: $(cat "$T/cc.log")"
grep -q "2 apps" "$T/cc.log" || fail "calcurse read 2 appointments: $(cat "$T/cc.log")"
TZ=Europe/London calcurse -D "$T/cc" -Q --from 11/25/2026 --days 1 >"$T/cc.out" || fail "calcurse query"
grep -q "10:00 -> 10:30" "$T/cc.out" || fail "calcurse time: $(cat "$T/cc.out")"
grep -q "Office visit: X100001" "$T/cc.out" || fail "calcurse summary"

# Summer time: DTSTAMP in UTC is an hour behind the clock in July.
CASELOAD_NOW=2027-07-01T09:30 cl diary --office N1 --date 2026-11-25 --format ics | grep -q "^DTSTAMP:20270701T083000Z" || fail "BST DTSTAMP"

# Printing: saved to the print folder, sent to lpr when one exists.
mkdir "$T/bin"
printf '#!/bin/sh\necho "$@" >> "%s/lpr.log"\n' "$T" > "$T/bin/lpr"
chmod +x "$T/bin/lpr"
XDG_STATE_HOME="$T/state" PATH="$T/bin:$PATH" cl diary --office N1 --date 2026-11-25 --print 2>"$T/err" || fail "print"
f="$T/state/caseload/print/diary-N1-2026-11-25.txt"
grep -q "saved to $f and sent to the printer" "$T/err" || fail "print message: $(cat "$T/err")"
cmp -s "$f" "$T/day.txt" || fail "printed file is the day list"
grep -q -- "-- $f" "$T/lpr.log" || fail "lpr given the file: $(cat "$T/lpr.log")"
[ "$(stat -c %a "$f")" = 600 ] || fail "print file mode"
XDG_STATE_HOME="$T/state2" PATH="/usr/bin:/bin" cl diary --office N1 --date 2026-11-25 --print 2>"$T/err" || fail "print without lpr"
grep -q "no lpr: not printed" "$T/err" || fail "no-lpr message"

# Many appointments: pages with the header on each.
$PY - "$CASELOAD_DB" <<'EOF' || fail "seeding a busy day"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for f in ("cl_who", "cl_now"): db.create_function(f, 0, lambda: "FIXTURE")
db.create_function("cl_bulk", 0, lambda: 0)
for f in ("cl_act", "cl_reason", "cl_via"): db.create_function(f, 0, lambda: None)
for i in range(70):
    db.execute("INSERT INTO appointment(id,crn,officer,office,date,start,end,type) VALUES (?,?,?,?,?,?,?,?)",
               (f"BUSY{i:03}", "X100002", "CD2", "N1", "2026-12-02", f"{9 + i // 10:02}:{(i % 10) * 5:02}", "17:00", "COAP"))
db.commit()
EOF
cl diary --office N1 --date 2026-12-02 >"$T/busy.txt" || fail "busy day"
[ "$(grep -c 'Page [12] of 2$' "$T/busy.txt")" -eq 2 ] || fail "two pages: $(grep Page "$T/busy.txt")"
[ "$(tr -cd '\f' < "$T/busy.txt" | wc -c)" -eq 1 ] || fail "a form feed between pages"
exit 0
