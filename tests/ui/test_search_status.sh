# The search's status line and the list keys on search results, at 80x24 and
# 120x40: the keys that shape the list (s, h, N) act at once on search results
# (they leave the search and show the list changed), never later; a text
# that can no longer become a date says so at once; the title and the hint
# bar fit the width (the weekday and year on the right, then the typed text
# give way; the count stays whole, and so does "caseload:").
. "$(dirname "$0")/lib.sh"
seed_ui 40

# title_line: the first line of the screen; hint_line: the last.
title_line() { sed -n 1p "$T/screen"; }
hint_line() { sed -n '$p' "$T/screen"; }
# fits: neither the title nor the hint bar is cut (tw_fit marks a cut with '~' in the last column),
# and the title keeps the program's name (a long one lost it).
fits() {
  settled >/dev/null
  case "$(title_line)" in ' caseload: '*) ;; *) fail "title without caseload: $(title_line)";; esac
  case "$(title_line)" in *'~ CDF02'*) fail "title cut: $(title_line)";; esac
  case "$(hint_line | sed 's/ *$//')" in *'~') fail "hint bar cut: $(hint_line)";; esac
}

for size in 80x24 120x40; do
  stop
  start $size CASELOAD_OFFICER=CDF02 --
  wait_for "my caseload (44), by name"
  fits
  expect_screen "? help"

  # While the search field has focus, h is a letter of the search.
  keys /
  type_text "sian"
  wait_for "search: sian (name, 1 match)"
  type_text "h"
  wait_for "search: sianh (name, 0 matches)"
  keys BSpace
  wait_for "search: sian (name, 1 match)"
  # On the results (back from the record), h acts at once: the list, High+ only.
  keys Enter
  wait_for "record X100001"
  keys q
  wait_for "search: sian (name, 1 match)"
  keys h
  wait_for "my caseload (2), by name, High+ only"
  expect_not_screen "search: sian"
  keys h
  wait_for "my caseload (44), by name"
  # s on the results: at once, and nothing left to happen after the search.
  keys /
  type_text "zoe"
  wait_for "search: zoe (name, 2 matches)"
  keys Enter
  wait_for "record X100002"
  keys q
  wait_for "search: zoe (name, 2 matches)"
  keys s
  wait_for "my caseload (44), by RoSH"
  keys /
  type_text "zoe"
  wait_for "search: zoe (name, 2 matches)"
  keys Escape
  wait_for "my caseload (44), by RoSH"
  keys s s s
  wait_for "my caseload (44), by name"
  # N on the results: its question, then the list filtered at once.
  open_record "sian" X100001
  keys q
  wait_for "search: sian (name, 1 match)"
  keys N
  wait_for "No contact for at least how many days"
  keys Enter
  wait_for "by name, no contact 28+ days"
  expect_not_screen "search: sian"
  keys a
  wait_for "my caseload (44), by name"

  # An impossible date says so at once; one that may still become a date waits.
  keys /
  type_text "31/2/"
  wait_for "search: 31/2/ is not a date"
  type_text "82"
  wait_for "search: 31/2/82 is not a date"
  expect_screen "(not a date: a date of birth is 11/6/1982, 11/6/82 or 1982-06-11)"
  expect_not_screen "keep typing"
  fits
  keys C-u
  type_text "29/2/8"
  wait_for "search: 29/2/8 (date (keep typing), 0 matches)"
  type_text "2"
  wait_for "search: 29/2/82 is not a date"
  keys C-u
  type_text "1990-02-30"
  wait_for "search: 1990-02-30 is not a date"
  keys C-u
  type_text "1997-11-3"
  wait_for "caseload: search: 1997-11-3 (date (keep typing), 0 matches)"
  fits

  # Long titles fit: what was looked up and the count stay whole.
  keys C-u
  type_text "00/491869d"
  wait_for "search: 00/491869d (PNC 2000/0491869D, 1 match)"
  fits
  keys C-u
  type_text "ffrancon-davies llewellyn-jones ap rhys ffrancon-davies llewellyn-jones"
  wait_for "~ (name, 0 matches)"
  fits
  keys C-u
  type_text "11/6/82"
  wait_for "search: 11/6/82 (born 1982-06-11, 1 match)"
  fits
  keys Enter
  wait_for "record X100001"
  keys q
  wait_for "search: 11/6/82 (born 1982-06-11, 1 match)"
  fits
  # The list's title with every filter and the longest sort fits too.
  keys c c s s h N
  wait_for "No contact for at least how many days"
  keys Enter
  wait_for "everyone ("
  if [ $size = 80x24 ]; then
    expect_screen "by next appt, High+, no contact 28+d"  # the short words
  else
    expect_screen "by next appointment, High+ only, no contact 28+ days"
  fi
  fits
  keys Q
  expect_exit_ok
done
exit 0
