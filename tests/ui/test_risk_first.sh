# Risk first wherever a person appears (issues 3 and 6), for a person with
# MAPPA and risk to staff: `caseload contacts` and `caseload audit` print the
# banner `caseload show` prints first (name, RoSH, risk to staff, every
# flag); the booking and move forms name the person with their RoSH and
# flags above their fields; the diary's line under the list starts with the
# selected person's RoSH and flags.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
export CASELOAD_OFFICER=AB1
cl book X100001 2026-11-24 11:00 >/dev/null || fail "booking"
cl log X100001 CTOB --note "phoned" >"$T/out" || fail "log"
id=$(sed -n 's/^logged contact \(C[0-9A-F]*\):.*/\1/p' "$T/out")

# The banner: the lines `show` prints before the next appointment.
cl show X100001 | sed '/^Next appointment:/,$d' >"$T/banner" || fail "show"
grep -qx "HIGH ROSH  (review 2027-06-01)" "$T/banner" || { cat "$T/banner"; fail "show: the RoSH line"; }
grep -q "^!!! RISK TO STAFF" "$T/banner" || { cat "$T/banner"; fail "show: the risk to staff line"; }
grep -q "^MAPPA Category 2, Level 2" "$T/banner" || { cat "$T/banner"; fail "show: MAPPA"; }
n=$(wc -l <"$T/banner")
for c in "audit X100001"; do
  # shellcheck disable=SC2086
  cl $c >"$T/got" || fail "$c"
  head -n "$n" "$T/got" | cmp -s - "$T/banner" || { diff "$T/banner" "$T/got"; fail "$c does not start with the banner"; }
  sed -n "$((n + 1))p" "$T/got" | grep -qx "" || { cat "$T/got"; fail "$c: a blank line after the banner"; }
done
cl contacts X100001 | grep -q "^2026-11-24 10:00  $id  CTOB" || fail "contacts: the contact below the banner"
cl contacts X100001 --format csv | head -1 | grep -q "^id,crn," || fail "the CSV is the export's columns alone"

# The booking form: the person and their risk above the fields, once the
# CRN is typed (at 80 columns every flag, STAFF among them).
open_booking ""
wait_for "the person and their risk show here once the CRN is typed"
type_text "x100001"
wait_for "Siân Llŷr  X100001  HIGH ROSH  MAPPA 2/2; STAFF; DA; CP"
head -3 "$T/screen" | grep -q "HIGH ROSH" || fail "the risk is not above the fields"
keys Escape
wait_for "Discard the typed text? y/N"
keys y

# The diary's line under the list: the risk first.
wait_for "diary Tue 24 Nov 2026"
wait_for "11:00 Siân Llŷr"
settled | tr -s ' \n' '  ' | grep -qF "HIGH ROSH; flags: MAPPA 2/2; STAFF; DA; CP. 11:00-11:30; officer AB1;" ||
  fail "the diary's line under the list does not start with the risk"

# The move form: the appointment's person and their risk.
keys m
wait_for "move appointment"
wait_for "Siân Llŷr  X100001  HIGH ROSH  MAPPA 2/2; STAFF; DA; CP"
head -3 "$T/screen" | grep -q "HIGH ROSH" || fail "the risk is not above the move form's fields"
keys Escape
wait_for "diary Tue 24 Nov 2026"
keys Q
expect_exit_ok
exit 0
