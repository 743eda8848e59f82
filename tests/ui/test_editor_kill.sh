# caseload killed (kill -9) while $VISUAL is open for a note: the editor is
# hung up rather than left reading the terminal, and the next start puts the
# text of the editor's file (its emergency save when it made one, as nano
# does) back into the draft and offers it, and only then removes the files
# (a note file whose caseload still runs is left alone: tests/unit/test_contacts.c).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/seed.sh"
seed_diary
mkdir -p "$T/tmp"
# The editor: writes a line as if saved (:w), then waits; hung up, it saves
# everything to FILE.save first.
cat >"$T/ed.sh" <<ED
#!/bin/sh
echo \$\$ >"$T/ed.pid"
printf 'Typed in the form. Typed in the editor.\n' >"\$1"
trap 'printf "Typed in the form. Typed in the editor. More at the hang-up.\n" >"\$1.save"; exit 1' HUP
while :; do sleep 0.1; done
ED
chmod +x "$T/ed.sh"

start 80x24 "VISUAL=$T/ed.sh" "TMPDIR=$T/tmp" -- --officer AB1
wait_for "caseload: my caseload"
keys /
type_text "X100001"
keys Enter
wait_for "record X100001"
keys l
wait_for "Log contact: Siân Llŷr X100001"
type_text "Typed in the form."
wait_for "Typed in the form."
keys C-e
n=50; while [ ! -s "$T/ed.pid" ] && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
[ -s "$T/ed.pid" ] || fail "the editor did not start"
edpid=$(cat "$T/ed.pid")
ls "$T"/tmp/caseload-note-* >/dev/null 2>&1 || fail "no note file while the editor is open"
sleep 2.5 # CONVENTIONS.md: at least 2 seconds after the last key
pane=$(tmux -L "$SOCK" list-panes -t t -F '#{pane_pid}')
pid=$(pgrep -P "$pane" | head -1)
[ -n "$pid" ] || fail "no caseload process found"
kill -KILL "$pid"
wait_for "EXITED 137"
# The editor is hung up, not left running without its caseload.
n=50; while kill -0 "$edpid" 2>/dev/null && [ $n -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
kill -0 "$edpid" 2>/dev/null && { kill "$edpid"; fail "the editor is still running after caseload was killed"; }
f=$(ls "$T"/tmp/caseload-note-* 2>/dev/null | grep -v '\.save$' | head -1)
[ -n "$f" ] || fail "the note file went before its text was offered back"
[ -f "$f.save" ] || fail "the editor's emergency save is missing"
stop

typed_at=$(q "SELECT updated_at FROM draft WHERE crn = 'X100001'")
[ -n "$typed_at" ] || fail "no draft when the editor was open"
# The next start is a day later: the draft is still a draft of when it was typed.
export CASELOAD_NOW=2026-11-25T09:05
start 80x24 "TMPDIR=$T/tmp" -- --officer AB1
wait_for "Recover unsaved note for X100001?"
[ "$(q "SELECT updated_at FROM draft WHERE crn = 'X100001'")" = "$typed_at" ] ||
  fail "the recovered draft's time is not when it was typed ($typed_at): $(q "SELECT updated_at FROM draft")"
# Offered first (in the draft), then the files are gone.
[ "$(q "SELECT body FROM draft WHERE crn = 'X100001'")" = "Typed in the form. Typed in the editor. More at the hang-up." ] ||
  fail "the draft holds the editor's text: $(q "SELECT body FROM draft")"
q "SELECT fields FROM draft" | grep -q "^editor" && fail "the draft still names the editor's file"
ls "$T"/tmp/caseload-note-* >/dev/null 2>&1 && fail "the note files were left behind: $(ls "$T"/tmp)"
keys Enter
wait_for "Log contact: Siân Llŷr X100001"
expect_screen "Typed in the form. Typed in the editor. More at the hang-up."
expect_screen "recovered the unsaved note from $typed_at"
keys Escape
wait_gone "(typing: Esc"
keys Q
expect_exit_ok
exit 0
