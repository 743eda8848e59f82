# The bottom line offers only keys that work: in the detail views (one
# registration in full, one contact with its chain) and in `?` Enter opens
# nothing, so it is not hinted and pressing it does nothing; in the record
# it is hinted only in the contacts section, where it opens the history.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
CASELOAD_OFFICER=AB1 cl log X100001 CTOA --note "Rang about the bus fare." >/dev/null || fail "logging a contact"

hint_line() { settled | sed -n '$p'; }
no_enter() {
  h=$(hint_line)
  case "$h" in *"Enter open"*) fail "$1 hints 'Enter open', which does nothing there: $h";; esac
  case "$h" in *"? help"*) ;; *) fail "$1: the bottom line lacks '? help': $h";; esac
}

start 120x40 -- --officer AB1
wait_for "caseload: my caseload"
keys /
type_text "X100001"
keys Enter
wait_for "record X100001"
no_enter "the record's personal details"
keys C
wait_for "[C Contacts]"
# The record's own keys come first (l b F H, the sections): Enter follows
# where there is room (the rest of the test runs at this width too).
resize 160 40
wait_for "[C Contacts]"
case "$(hint_line)" in *"Enter open"*) ;; *) fail "the record's contacts: Enter opens the history: $(hint_line)";; esac
keys p
wait_for "[p Personal]"
keys '?'
wait_for "Help: keys"
no_enter "the help"
keys q
wait_for "record X100001"
keys F
wait_for "registrations of X100001"
case "$(hint_line)" in *"Enter open"*) ;; *) fail "the registrations list: Enter opens one: $(hint_line)";; esac
keys Enter
wait_for "registration "
no_enter "the registration"
keys Enter
expect_screen "registration "  # nothing opened, still here
keys q
wait_for "registrations of X100001"
keys q
wait_for "record X100001"
keys H
wait_for "Rang about the bus fare."
keys Enter
wait_for "logged by AB1"
no_enter "the contact"
keys Enter
expect_screen "logged by AB1"
keys Q
expect_exit_ok
exit 0
