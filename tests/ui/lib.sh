# Shared helpers for the tmux-driven UI tests. Each test is a POSIX sh script
# that sources this file; it runs the real binary ($CASELOAD_BIN) in a private
# tmux server and reads the screen back with capture-pane.
set -u
: "${CASELOAD_BIN:?set by make ui-test}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/caseload-ui-XXXXXX")
SOCK="cl-$$"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export CASELOAD_DB="$T/test.db"
export CASELOAD_NOW="${CASELOAD_NOW:-2026-11-24T10:00}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
unset NO_COLOR

# The panes' processes are killed after the server: a sanitizer build hung up
# by kill-server while still open can be caught in LeakSanitizer's exit scan
# (its tracer hung up too) and spin for ever, slowing every later test.
# Each server a test stops (stop) goes the same way: a program left open on
# a stopped server was the one found spinning (test_due_columns: Q, then stop before it had exited).
kill_server() {
  pids=$(tmux -L "$SOCK" list-panes -a -F '#{pane_pid}' 2>/dev/null)
  tmux -L "$SOCK" kill-server 2>/dev/null
  for p in $pids; do pkill -KILL -P "$p" 2>/dev/null; kill -KILL "$p" 2>/dev/null; done
}
cleanup() {
  kill_server
  rm -rf "$T"
}
trap cleanup EXIT

fail() { echo "FAIL: $(basename "$0"): $*" >&2; if [ -f "$T/screen" ]; then cat "$T/screen" >&2; fi; exit 1; }

# cl ARGS...: run the CLI against the test database.
cl() { "$CASELOAD_BIN" "$@"; }

# load_sample: the sample caseload into the test database (as make run does).
load_sample() { sh "$ROOT/sample-data/load.sh" "$CASELOAD_BIN" >"$T/load.log" 2>&1 || { cat "$T/load.log" >&2; fail "loading sample data"; }; }

# seed_ui [N]: a small caseload (Siân Llŷr, Zoë Ó Ceallaigh, a closed case, wide
# and combining names, N filler cases "Ab") through the store's writers
# (tests/tools/seed_ui.c); officer CDF02. For CASELOAD_NOW=2026-11-24T10:00.
seed_ui() { "${CASELOAD_SEED:?set by make ui-test}" "$CASELOAD_DB" "${1:-40}" || fail "seeding"; }

# start [COLSxROWS] [ENV=VAL...] -- ARGS: start caseload in a tmux pane.
start() {
  size=80x24
  case "${1:-}" in *x*) size=$1; shift;; esac
  cols=${size%x*}; rows=${size#*x}
  envs=""
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs="$envs $1"; shift; done
  [ "${1:-}" = "--" ] && shift
  tmux -L "$SOCK" -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
    "env $envs CASELOAD_DB='$CASELOAD_DB' CASELOAD_NOW='$CASELOAD_NOW' $CASELOAD_BIN $*; echo EXITED \$?; sleep 30"
  tmux -L "$SOCK" set-option -t t status off >/dev/null
}

# caseload_pid: the caseload running in the pane (the pane's shell runs it
# as a child); empty when there is none.
caseload_pid() { pgrep -P "$(tmux -L "$SOCK" list-panes -t t -F '#{pane_pid}')" | head -n 1; }
# kill_caseload SIGNAL STATUS: sends SIGNAL to the caseload in the pane and
# waits until it has exited with STATUS (128 + the signal's number).
kill_caseload() {
  kp=$(caseload_pid)
  [ -n "$kp" ] || fail "no caseload process found"
  kill -"$1" "$kp"
  wait_for "EXITED $2"
}

# stop: end the running caseload and its tmux server; the next start uses a
# fresh server (a new one on the same socket can race the old one's exit).
NSTOP=0
stop() { kill_server; NSTOP=$((NSTOP + 1)); SOCK="cl-$$-$NSTOP"; }

keys() { tmux -L "$SOCK" send-keys -t t "$@"; }
# type_text TEXT: literal text (no key names).
type_text() { tmux -L "$SOCK" send-keys -t t -l "$1"; }
screen() { tmux -L "$SOCK" capture-pane -p -t t > "$T/screen"; cat "$T/screen"; }
resize() { tmux -L "$SOCK" resize-window -t t -x "$1" -y "$2"; }
# resized COLS ROWS: resize, then wait until the program's terminal has that
# size for good. tmux hands resizes to the pane in batches up to 250 ms late,
# and a run of them that ends where it began comes as two (the last-but-one,
# then the last): until then the old screen still shows, and a key sent at
# once can reach the program while it is at a size the test has left (below
# 80x24 it refuses such a key). Settled: the size held for 1 s, four times
# tmux's batch.
resized() {
  resize "$1" "$2"
  rtty=$(tmux -L "$SOCK" display -p -t t '#{pane_tty}')
  n=100; held=0
  while [ $n -gt 0 ] && [ $held -lt 10 ]; do
    if [ "$(stty -F "$rtty" size 2>/dev/null)" = "$2 $1" ]; then held=$((held + 1)); else held=0; fi
    sleep 0.1; n=$((n - 1))
  done
  [ $held -ge 10 ] || fail "the terminal did not settle at $1x$2"
}

# save_intake_and_quit: on the court intake's proposal, y saves; then back to
# the caseload list and Q quits (exit 0).
save_intake_and_quit() {
  keys y
  wait_for "new case: saved"
  keys q
  wait_for "caseload: my caseload"
  keys Q
  expect_exit_ok
}

# open_record TEXT [CRN]: from the caseload list, search for TEXT and open the
# highlighted person with Enter; waits for the record of CRN (TEXT if none).
open_record() {
  keys /
  type_text "$1"
  keys Enter
  wait_for "record ${2:-$1}"
}

# log_phone_call CRN: from the open record of CRN, log a phone call from the
# person (CTOA) through the log form; waits for the record again.
log_phone_call() {
  keys l
  wait_for "Log contact:"
  keys Enter
  wait_for "Contact type (type the code)"
  type_text CTOA
  keys Enter
  wait_for "Phone call from the person"
  keys C-s
  wait_for "record $1"
}

# transfer_to CODE WORDS: on the transfers screen (T) with cases marked, t
# and CODE typed; WORDS is how the prompt counts them ("3 cases"). Waits for
# the pick of the reallocation reason.
transfer_to() {
  keys t
  wait_for "Transfer $2 to (staff or office code):"
  type_text "$1"
  keys Enter
  wait_for "Reason for the transfer to $(echo "$1" | tr a-z A-Z)"
}

# wait_for TEXT [SECONDS]: until TEXT is on the screen (fixed string).
wait_for() {
  n=$(( ${2:-10} * 10 ))
  while [ $n -gt 0 ]; do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1; n=$((n - 1))
  done
  fail "timed out waiting for '$1'"
}
# wait_gone TEXT [SECONDS]
wait_gone() {
  n=$(( ${2:-10} * 10 ))
  while [ $n -gt 0 ]; do
    if ! screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1; n=$((n - 1))
  done
  fail "'$1' still on screen"
}
# A busy machine can show a screen half drawn (the title before the rows):
# expect_screen waits for the text; expect_not_screen and settled first let
# the screen stop changing, so an absence is not read off a half-drawn screen.
expect_screen() { wait_for "$1" "${2:-10}"; }
settled() {
  n=50; screen >/dev/null; cp "$T/screen" "$T/screen.prev"
  while [ $n -gt 0 ]; do
    sleep 0.15; screen >/dev/null
    if cmp -s "$T/screen" "$T/screen.prev"; then cat "$T/screen"; return 0; fi
    cp "$T/screen" "$T/screen.prev"; n=$((n - 1))
  done
  cat "$T/screen"
}
expect_not_screen() { if settled | grep -qF -- "$1"; then fail "did not expect '$1' on screen"; fi; }
# The process exited cleanly (status 0) and printed no sanitizer report.
expect_exit_ok() { wait_for "EXITED 0" 10; }
