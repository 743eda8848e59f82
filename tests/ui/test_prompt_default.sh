# A question with a value filled in shows it selected: the first typed
# character replaces it (N offers 28; typing 60 gives 60, not 2860), while
# Backspace and the arrows edit it.
. "$(dirname "$0")/lib.sh"
seed_ui 40

start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload (44), by name"
keys N
wait_for "No contact for at least how many days (0: no filter): 28"
type_text "60"
wait_for "(0: no filter): 60"
keys Enter
wait_for "no contact 60+ days"
expect_not_screen "2860"
# Again: the 60 now offered; Backspace edits it (6), typing goes on (65).
keys N
wait_for "(0: no filter): 60"
keys BSpace
type_text "5"
keys Enter
wait_for "no contact 65+ days"
# Left moves into the value: typing inserts there (1 before the 5: 615).
keys N
wait_for "(0: no filter): 65"
keys Left
type_text "1"
keys Enter
wait_for "no contact 615+ d"
keys Q
expect_exit_ok
exit 0
