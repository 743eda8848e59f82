# Shared by the key-press benchmarks (keypress.sh, browse.sh): the real
# program under tmux, one key at a time, each sent only once the previous one
# has been drawn; the program itself records, for every key, the microseconds
# from reading it to sending the redraw (CASELOAD_KEYTIME).
# kl_main DEFAULT_N BIN DB FILE [N] [KEEP_FILE]: starts the program and sets
# KL_FILE, KL_N and KL_KEEP; kl_send KEY...; kl_report LABEL.

kl_main() {
  KL_FILE=$4 KL_N=${5:-$1} KL_KEEP=${6:-}
  kl_start "$2" "$3"
}

kl_start() {
  KL_T=$(mktemp -d)
  KL_SOCK="kp-$$"
  trap 'tmux -L "$KL_SOCK" kill-server 2>/dev/null; rm -rf "$KL_T"' EXIT
  tmux -L "$KL_SOCK" -f /dev/null new-session -d -x 80 -y 24 \
    "CASELOAD_KEYTIME='$KL_T/times' '$1' --db '$2'; sleep 5"
  tmux -L "$KL_SOCK" set-option -t 0 status off >/dev/null
  sleep 1
}

kl_count() { [ -f "$KL_T/times" ] && wc -l <"$KL_T/times" || echo 0; }

# One key, then wait until the program has logged it.
kl_send() {
  kl_before=$(kl_count)
  tmux -L "$KL_SOCK" send-keys -t 0 "$@"
  kl_n=0
  while [ "$(kl_count)" -le "$kl_before" ] && [ $kl_n -lt 500 ]; do sleep 0.01; kl_n=$((kl_n + 1)); done
}

# Prints LABEL, the median and 99th percentile (microseconds) and the count;
# with KL_KEEP, also keeps the raw times there (one per key, in order).
kl_report() {
  [ -n "${KL_KEEP:-}" ] && cp "$KL_T/times" "$KL_KEEP"
  sort -g "$KL_T/times" | awk -v label="$1" '{ v[NR] = $1 } END {
    i = int(NR * 0.99); if (i < 1) i = 1
    printf "%-40s %10.0f %10.0f %6d\n", label, v[int((NR + 1) / 2)], v[i], NR }'
}
