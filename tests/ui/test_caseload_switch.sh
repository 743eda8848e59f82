# c switches my caseload / my office / everyone and comes back to each list
# as it was left. A caseload too long to keep aside whole (1,304 cases here)
# is read again on the way back, in the same order, with the row selected
# where it was and the rows already filled in kept.
. "$(dirname "$0")/lib.sh"
seed_ui 1300

start 80x24 CASELOAD_OFFICER=CDF02 --
wait_for "my caseload (1304), by name"
keys G
wait_for "lle, Ann"
keys c
wait_for "my office ("
keys c
wait_for "everyone ("
keys c
wait_for "my caseload (1304), by name"
expect_screen "lle, Ann"
keys Enter
wait_for "record X100006"
keys Q
expect_exit_ok
exit 0
