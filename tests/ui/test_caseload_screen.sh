# The caseload list, the instant search and the record, read off the screen:
# non-ASCII search (accent-insensitive), the banner and flags, sections by key,
# wide and combining names aligned, resize inside the search, Q from deep in
# the stack, NO_COLOR and TERM=vt100.
. "$(dirname "$0")/lib.sh"
seed_ui 40

# col TEXT: the display column (0-based) where TEXT starts on its screen line.
col() {
  python3 -c '
import sys, unicodedata
def w(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch): continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n
t = sys.argv[1]
for line in open(sys.argv[2], encoding="utf-8"):
    if t in line:
        print(w(line[:line.index(t)])); break
' "$1" "$T/screen"
}

start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload (44), by name"
expect_screen "X200000 Ab, Person 00"
keys G
wait_for "lle, Ann"
screen >/dev/null
# Columns line up whatever the names' widths: wide (王), combining (Zoë as e+U+0308), accented.
c1=$(col "High"); c2=$(col "Medium"); c3=$(col "Very High")
[ -n "$c1" ] && [ "$c1" = "$c2" ] && [ "$c2" = "$c3" ] || fail "RoSH column not aligned: $c1 $c2 $c3"
cu=$(col "C3")
ct=$(col "A0")
[ "$cu" = "$ct" ] || fail "tier column not aligned after a combining name: $cu vs $ct"
expect_screen "MAPPA 2/2; STAFF"

# Search narrows on every key press; Backspace widens again.
keys /
wait_for "Search (name, CRN, PNC, date of birth):"
type_text "sianx"
wait_for "search: sianx (name, 0 matches)"
keys BSpace
wait_for "search: sian (name, 1 match)"
expect_screen "Llŷr, Siân"
# resize inside the search: redrawn at once, the typed text kept
resize 60 20
wait_for "terminal too small (need 80x24)"
resize 80 24
wait_for "Search (name, CRN, PNC, date of birth): sian"
keys Enter
wait_for "record X100001"
# The banner comes first, above the sections.
expect_screen "HIGH ROSH  (review 2027-04-04)"
expect_screen "!!! RISK TO STAFF"
expect_screen "MAPPA Category 2, Level 2  (review 2026-11-20: REVIEW OVERDUE)"
expect_screen "RISK TO STAFF (HIGH)"
expect_screen "Next appointment: 2026-11-24 14:00 Office visit, Interview room 4"
[ "$(sed -n 2p "$T/screen")" = "Siân Llŷr  X100001" ] || fail "the banner is not the first thing under the title"
expect_screen "Date of birth: 1982-06-11 (age 44)"
keys o
wait_for "Unpaid work: 6 h 30 of 60 hours done"
# The list's Due count is explained on the record: counted under the next
# appointment, each item in the d section.
expect_screen "Due: 6 OVERDUE, 1 more in the next 14 days"
keys d
wait_for "OVERDUE 2026-11-20  MAPPA review"
# A long item wraps under its words, whatever they hold (a colon too).
settled | grep -A1 "contact due: last contact" | sed -n 2p | grep -qE '^ {20}[^ ]' ||
  fail "the rest of a due item goes under its words (column 20)"
settled | grep -A1 "home visit within 15 days" | sed -n 2p | grep -qE '^ {20}[^ ]' ||
  fail "the rest of a due item goes under its words (column 20)"
expect_screen "record X100001: What is due"
keys R
wait_for "DOMESTIC ABUSE PERPETRATOR: 2025-03-15 to 2025-11-14, ended by CDF03"
keys C
wait_for "Talked about the tenancy."
keys A
wait_for "Upcoming"
# Q from three screens deep (list, record, help)
keys '?'
wait_for "Help: keys"
keys Q
expect_exit_ok

# Accent-insensitive both ways, CRN of a closed case, date of birth in UK form.
stop
start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload"
keys /
type_text "zoe"
wait_for "search: zoe (name, 2 matches)"
expect_screen "X100002 Ó Ceallaigh, Z"
keys C-u
type_text "x100005"
wait_for "search: x100005 (CRN, 1 match)"
expect_screen "CLOSED"
keys Enter
wait_for "record X100005"
expect_screen "CLOSED CASE: this record is read-only"
keys b
wait_for "(X100005) is closed: read-only"
keys q
wait_for "search: x100005 (CRN"
keys /
keys C-u
type_text "07/03/1990"
wait_for "search: 07/03/1990 (date of birth, 1 match)"
expect_screen "X100003 Ffrancon, Rhod"
# Short forms: one-digit day and month, a two-digit year, a short PNC; the
# date keeps asking for more while it could still become a whole one.
keys C-u
type_text "11/6/19"
wait_for "search: 11/6/19 (date (keep typing), 0 match"
expect_screen "(no one matches: the search covers everyone, closed cases too)"
keys C-u
type_text "11/6/82"
wait_for "search: 11/6/82 (born 1982-06-11, 1 match)"
expect_screen "X100001 Llŷr, Siân"
keys C-u
type_text "00/491869d"
wait_for "search: 00/491869d (PNC 2000/0491869D, 1 ma"
expect_screen "X100001 Llŷr, Siân"
keys Escape
keys q
wait_for "my caseload (44)"
keys c
wait_for "my office ("
keys c
wait_for "everyone ("
keys h
wait_for "everyone (2), by name, High+ only"
expect_not_screen "Ab, Person"
keys Q
expect_exit_ok

# Wide terminal: names take at most 30 columns, the spare width goes to the flags.
stop
start 120x30 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload (44)"
screen >/dev/null
[ "$(col "RoSH")" = 39 ] || fail "name column not capped at 30 at 120 columns: RoSH at $(col "RoSH")"
[ "$(col "Tier")" -ge 65 ] || fail "flags column not widened at 120 columns"
keys Q
expect_exit_ok

# Esc from a search comes back to the list as it was, the selection kept.
stop
start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload (44), by name"
keys G
wait_for "lle, Ann"
keys /
type_text "sian"
wait_for "search: sian (name, 1 match)"
keys Escape
wait_for "my caseload (44), by name"
# A second Esc (pressed out of habit) stays: the first screen says how to quit.
keys Escape
wait_for "this is the first screen: Q quits caseload"
expect_not_screen "EXITED"
keys Enter
wait_for "record X100006"
keys q
wait_for "my caseload (44), by name"
# Another program adds a case for me: the list reads again at the next key.
printf '%s\n' "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status" \
  "X900001,Newcase,Nia,1990-01-01,F,,,,,B1,CDF02,CDF,active" >"$T/new.csv"
cl import offenders "$T/new.csv" >"$T/import.log" 2>&1 || { cat "$T/import.log" >&2; fail "import"; }
keys j
wait_for "my caseload (45), by name"
expect_screen "Newcase, Nia"
# c comes back to each list as it left it (the selection where it was)
# without reading it again, until anything is written.
keys G
wait_for "lle, Ann"
keys c
wait_for "my office (46), by name"
keys c
wait_for "everyone ("
keys c
wait_for "my caseload (45), by name"
keys Enter
wait_for "record X100006"
keys q
wait_for "my caseload (45), by name"
keys c
wait_for "my office (46), by name"
printf '%s\n' "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status" \
  "X900002,Newcase,Nib,1990-01-02,F,,,,,B1,CDF02,CDF,active" >"$T/new2.csv"
cl import offenders "$T/new2.csv" >"$T/import.log" 2>&1 || { cat "$T/import.log" >&2; fail "import"; }
keys c
wait_for "everyone ("
keys c
wait_for "my caseload (46), by name"
keys Q
expect_exit_ok

for env in NO_COLOR=1 TERM=vt100; do
  stop
  start 80x24 "$env" CASELOAD_OFFICER=CDF02 --
  wait_for "my caseload"
  keys /
  type_text "llyr"
  wait_for "Llŷr, Siân"
  keys Enter
  wait_for "!!! RISK TO STAFF"
  expect_screen "HIGH ROSH"
  keys Q
  expect_exit_ok
done
exit 0
