# A note typed while another program holds the database's write lock
# (explore5 §5): every key stays instant (the draft write does not wait for
# the lock), "draft not saved yet" is said once, nothing typed is lost, and
# the draft is written as soon as the lock goes. Ctrl-S under the lock still
# waits and refuses with the text kept; closing the form under the lock
# keeps it open rather than lose the text (closing again asks y/N).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
. "$(dirname "$0")/faults.sh"
seed_diary

draft() { q "SELECT body FROM draft WHERE crn='X100001'"; }

start 80x24 CASELOAD_KEYTIME="$T/keytime" CASELOAD_BUSY_MS=1500 -- --officer AB1
wait_for "caseload: my caseload"
open_record "X100001"
keys l
wait_for "Log contact: Siân Llŷr X100001"
keys Enter
wait_for "Contact type"
type_text "CTOB"
keys Enter
wait_for "Type       CTOB"
type_text "first"
wait_for "draft kept"
# Choosing the type kept a draft already; the note follows within a second.
n=30; while [ $n -gt 0 ] && [ "$(draft)" != "first" ]; do sleep 0.1; n=$((n - 1)); done
[ "$(draft)" = "first" ] || fail "the draft before the lock: '$(draft)'"

hold_lock "$CASELOAD_DB"   # readers still read (WAL)
: >"$T/keytime"
type_text " typed while locked"
wait_for "first typed while locked"
wait_for "draft not saved yet: database in use"
# Before the fix each key waited out the busy timeout (1.5 s here).
n=$(wc -l <"$T/keytime")
[ "$n" -ge 19 ] || { cat "$T/keytime"; fail "only $n key times for 19 keys"; }
slow=$(awk '$1 > 500000' "$T/keytime" | wc -l)
[ "$slow" = 0 ] || { cat "$T/keytime"; fail "$slow keys took over half a second under the lock"; }
[ "$(draft)" = "first" ] || fail "a draft was written under the lock: '$(draft)'"

# Ctrl-S waits for the lock, then refuses; the text stays.
keys C-s
wait_for "not saved: $CASELOAD_DB: database is in use"
expect_screen "first typed while locked"
# Esc would close the form: it waits, then keeps the form open with the text.
keys Tab Escape
wait_for "not closed: the database is still in use"
expect_screen "first typed while locked"
# Again, still locked: asked (a lock held for good cannot keep the form open
# for ever); n keeps the form and its text.
keys Escape
wait_for "Discard the typed text? y/N"
keys n
expect_screen "Log contact: Siân Llŷr X100001"
expect_screen "first typed while locked"

# The lock goes: the draft is written without another key.
release_lock
n=50; while [ $n -gt 0 ] && [ "$(draft)" != "first typed while locked" ]; do sleep 0.1; n=$((n - 1)); done
[ "$(draft)" = "first typed while locked" ] || fail "the draft after the lock went: '$(draft)'"
wait_for "the database is free again: the draft is saved"
keys C-s
wait_for "saved contact"
[ "$(q "SELECT count(*) FROM contact WHERE crn='X100001' AND notes='first typed while locked'")" = 1 ] ||
  fail "the contact as saved: $(q "SELECT notes FROM contact WHERE crn='X100001'")"
[ -z "$(draft)" ] || fail "the draft is still there after the save"
keys Q
expect_exit_ok
exit 0
