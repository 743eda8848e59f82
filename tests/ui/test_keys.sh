# Every row of the keymap table (as the hidden `caseload --keys` prints it:
# keymap title, key, description) is documented in the KEYS section of
# man/caseload.1: under `.Ss TITLE`, a `.It Ic KEY` followed by the description.
. "$(dirname "$0")/lib.sh"
cl --keys >"$T/keys"
[ "$(wc -l <"$T/keys")" -gt 40 ] || fail "caseload --keys listed too few bindings"
grep -q "$(printf 'Everywhere\tQ\tquit caseload from any screen')" "$T/keys" || fail "Q is not in the keymap"
awk '
  /^\.Sh / { inkeys = ($2 == "KEYS") }
  inkeys && /^\.Ss / { sub(/^\.Ss /, ""); title = $0; next }
  inkeys && /^\.It Ic / { sub(/^\.It Ic /, ""); gsub(/\\&/, ""); key = $0; want = 1; next }
  inkeys && want { printf "%s\t%s\t%s\n", title, key, $0; want = 0 }
' "$ROOT/man/caseload.1" >"$T/man-keys"
missing=0
while IFS= read -r line; do
  grep -qxF -- "$line" "$T/man-keys" || { echo "not in man/caseload.1 KEYS: $line" >&2; missing=1; }
done <"$T/keys"
[ $missing -eq 0 ] || fail "keymap entries missing from the man page"
exit 0
