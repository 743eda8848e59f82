#!/bin/sh
# Peak memory of the interface in use: starts caseload under tmux on DB,
# types ten searches, scrolls, opens the due list and switches it to the
# office, then prints the process's peak and current resident memory
# (VmHWM / VmRSS from /proc). Usage: sh bench/uimem.sh BINARY DB [OFFICER]
# (CASELOAD_NOW, OFFICE_WAIT seconds (default 8) and C_PRESSES are honoured).
set -eu
BIN=$1 DB=$2
S=caseload-uimem-$$
trap 'tmux -L "$S" kill-server 2>/dev/null || true' EXIT
tmux -L "$S" -f /dev/null new-session -d -x 120 -y 40 \
  "env CASELOAD_OFFICER='${3:-}' '$BIN' --db '$DB'; sleep 5"
sleep 1.5
PID=$(pgrep -n -f "$BIN --db $DB")
# C_PRESSES=N: first switch the list N times with c (each list is kept for c).
i=0
while [ "$i" -lt "${C_PRESSES:-0}" ]; do tmux -L "$S" send-keys -t 0 c; sleep 0.5; i=$((i + 1)); done
for name in smi jon wil bro tay dav eva tho rob wal; do
  tmux -L "$S" send-keys -t 0 /; sleep 0.1
  tmux -L "$S" send-keys -t 0 -l "$name"; sleep 0.3
  tmux -L "$S" send-keys -t 0 Escape; sleep 0.1
done
tmux -L "$S" send-keys -t 0 G; sleep 0.3; tmux -L "$S" send-keys -t 0 g; sleep 0.3
tmux -L "$S" send-keys -t 0 O; sleep 3; tmux -L "$S" send-keys -t 0 c; sleep "${OFFICE_WAIT:-8}"
grep -E 'VmHWM|VmRSS' "/proc/$PID/status" | tr -s ' \t' ' ' | tr '\n' ' '; echo
