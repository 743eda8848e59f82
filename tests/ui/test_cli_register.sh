# caseload register: add, the single-RoSH rule, review, end with a reason, list; exit codes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
export CASELOAD_OFFICER=PO1
seed "INSERT INTO office(code, name) VALUES ('N01', 'Northtown');
      INSERT INTO staff(code, name, grade, office) VALUES ('PO1', 'Pat Officer', 'PO', 'N01');
      INSERT INTO offender(crn, surname, forenames, date_of_birth, officer, office)
        VALUES ('X123456', 'Smith', 'John', '1990-01-01', 'PO1', 'N01');"

cl register X123456 RMRH --date 2026-06-01 >"$T/out" || fail "add RMRH"
grep -q "MEDIUM ROSH.*from 2026-06-01.*review 2026-12-01" "$T/out" || { cat "$T/out"; fail "RMRH line"; }
cl register X123456 RHRH >"$T/out" 2>"$T/err" || fail "add RHRH"
grep -q "HIGH ROSH.*review 2027-05-24" "$T/out" || fail "RHRH review date"
grep -q "MEDIUM ROSH (registration 1) ended" "$T/err" || fail "old level reported as ended"
[ "$(q "SELECT end_date || ' ' || changed_by || ' ' || reason FROM registration WHERE id = 1")" = "2026-11-24 PO1 replaced by HIGH ROSH" ] \
  || fail "old RoSH row keeps who, when and why"
cl register X123456 RHRH 2>"$T/err"; [ $? -eq 65 ] || fail "same level twice must exit 65"
cl register X123456 MAPPA --category 2 --level 2 --notes "panel 3 Nov" >"$T/out" || fail "MAPPA"
grep -q "MAPPA Category 2, Level 2.*review 2027-02-24" "$T/out" || fail "MAPPA words and 3-month review"
cl register X123456 MAPPA 2>/dev/null; [ $? -eq 64 ] || fail "MAPPA without category must exit 64"
cl register X123456 NOSUCH 2>/dev/null; [ $? -eq 64 ] || fail "unknown type must exit 64"
cl register X999999 ADVP 2>/dev/null; [ $? -eq 66 ] || fail "unknown CRN must exit 66"
cl register --end 3 2>/dev/null; [ $? -eq 64 ] || fail "--end without --reason must exit 64"
# An end or a review after today is refused (65), naming the date and today:
# the flag stays active and its review still owed.
cl register --end 3 --reason "reassess in January" --date 2027-01-31 2>"$T/err"; [ $? -eq 65 ] || fail "future end must exit 65"
grep -q "2027-01-31 is after today (2026-11-24)" "$T/err" || { cat "$T/err"; fail "future end message"; }
[ "$(q "SELECT count(*) FROM registration WHERE id = 3 AND end_date IS NULL")" = 1 ] || fail "future end changed the row"
cl register --review 2 --date 2027-06-01 2>"$T/err"; [ $? -eq 65 ] || fail "future review must exit 65"
grep -q "2027-06-01 is after today (2026-11-24)" "$T/err" || { cat "$T/err"; fail "future review message"; }
cl register --end 3 --reason "level changed at panel" >/dev/null || fail "end"
cl register --end 3 --reason "again" 2>/dev/null; [ $? -eq 65 ] || fail "ending twice must exit 65"
CASELOAD_NOW=2026-11-27T09:00 cl register --review 2 --date 2026-11-27 >"$T/out" || fail "review"
grep -q "next review 2027-05-27" "$T/out" || fail "review date"
cl register --list X123456 >"$T/out" || fail "list"
[ "$(grep -c '^[0-9]' "$T/out")" -eq 3 ] || { cat "$T/out"; fail "three rows in the history"; }
# Notes and reviews are shown under their row (the MAPPA notes, the RoSH review).
grep -A1 "^3	MAPP" "$T/out" | grep -qx "    Notes: panel 3 Nov" || { cat "$T/out"; fail "notes not listed"; }
grep -A2 "^2	RHRH" "$T/out" | grep -qx "    Reviewed on 2026-11-27 by PO1 at 2026-11-27T09:00: was due 2027-05-24, next review 2027-05-27" \
  || { cat "$T/out"; fail "review not listed"; }
head -1 "$T/out" | grep -q "HIGH ROSH" || fail "active first"
grep -q "ended 2026-11-24 by PO1 at 2026-11-24T10:00: level changed at panel" "$T/out" || fail "ended row shows who, when, why"
# Active rows: the RoSH level first, then the flags in severity order (MAPPA,
# risk to staff, ...), whatever their start dates; the ended ones after.
cl register X123456 ADVP --date 2026-01-05 >/dev/null || fail "add ADVP"
cl register X123456 AV2S --level H --date 2026-02-01 >/dev/null || fail "add AV2S"
cl register X123456 MAPPA --category 1 --level 1 --date 2026-03-01 >/dev/null || fail "add MAPPA again"
[ "$(cl register --list X123456 | grep '^[0-9]' | cut -f2 | head -4 | tr '\n' ' ')" = "RHRH MAPP AV2S ADVP " ] \
  || { cl register --list X123456; fail "active rows in the risk order"; }
cl register --types | grep -q "^IKMF .*review 12 months" || fail "--types lists the table"
# A start reads backwards as a review's date does (today is Tue 24 Nov 2026);
# a start after today is refused in the same words as a review's.
cl register X123456 ADVP --date 2026-12-01 2>"$T/err"; [ $? -eq 65 ] || fail "future start must exit 65"
grep -q "date: 2026-12-01 is after today (2026-11-24): a registration starts when it is made" "$T/err" \
  || { cat "$T/err"; fail "future start message"; }
cl register X123456 WEAP --date 20/11 >"$T/out" || fail "start 20/11"
grep -q "WEAPONS.*from 2026-11-20" "$T/out" || { cat "$T/out"; fail "20/11 reads as the past 20 November"; }
cl register X123456 RCHD --date mon >"$T/out" || fail "start mon"
grep -q "from 2026-11-23" "$T/out" || { cat "$T/out"; fail "mon reads as the last Monday"; }
exit 0
