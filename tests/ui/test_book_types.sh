# Appointment types by the words the form's hint, the man page and issue 4
# offer (sched_type_resolve over SCHED_TYPES): `caseload book --type video`
# and the rest book their type on the command line, in any case; a start that
# fits two types is refused with both named; in the booking form `telephone`
# books a telephone appointment and `o` is refused with its candidates.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary

hour=10
while IFS=: read -r word code; do
  out=$(cl book X100001 2026-11-26 "$hour:00" --type "$word" --force 2>"$T/err") || fail "--type '$word': $(cat "$T/err")"
  id=$(echo "$out" | awk '{print $2}')
  [ "$(q "SELECT type FROM appointment WHERE id = '$id'")" = "$code" ] || fail "--type '$word' is not $code: $out"
  hour=$((hour + 1))
done <<'W'
video:COVC
telephone:COPT
court:C241
other:COOO
programme:APAT
unpaid work:CUPA
office appointment:COAP
unpaid work session:CUPA
programme session:APAT
first appointment:COAI
Home Visit:CHVS
Video appointment:COVC
covc:COVC
W
cl book X100001 2026-11-27 10:00 --type o 2>"$T/err"; [ $? -eq 64 ] || fail "an ambiguous type must exit 64"
grep -q "^caseload: --type: 'o' could be office visit (COAP) or other (COOO): type more of it$" "$T/err" ||
  fail "ambiguous: $(cat "$T/err")"
cl book X100001 2026-11-27 10:00 --type vidoe 2>"$T/err"; [ $? -eq 64 ] || fail "not a type must exit 64"
grep -q "'vidoe' is not an appointment type (COAP office visit, .* COVC video, " "$T/err" || fail "not a type: $(cat "$T/err")"
[ "$(q "SELECT count(*) FROM appointment WHERE date = '2026-11-27'")" = 0 ] || fail "a refused type booked"

open_booking X100002
keys Tab Tab
type_text "15:00"
keys Tab Tab
type_text "o"
keys Tab
wait_for "type: 'o' could be office visit (COAP) or other (COOO): type more of it"
keys C-u
type_text "telephone"
keys C-s
settled >/dev/null
grep -q "save again to book anyway" "$T/screen" && keys C-s
wait_for "booked: X100002 Tue 24 Nov 2026 15:00 Telephone appointment"
[ "$(q "SELECT type || ' ' || start || '-' || \"end\" FROM appointment WHERE crn = 'X100002' AND date = '2026-11-24'")" = "COPT 15:00-15:15" ] ||
  fail "the form's telephone: $(q "SELECT * FROM appointment WHERE crn = 'X100002'")"
exit 0
