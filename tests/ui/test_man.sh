# The man pages render without warnings, and every command of the command
# table (as `caseload --help` lists it) has its entry in caseload.1.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
for page in "$ROOT"/man/*.[1-9]; do
    mandoc -T lint -W warning "$page" >"$T/lint" 2>&1 || { cat "$T/lint"; fail "mandoc lint: $page"; }
    [ -s "$T/lint" ] && { cat "$T/lint"; fail "mandoc warnings: $page"; }
done
cl --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' >"$T/cmds"
[ -s "$T/cmds" ] || fail "no commands listed by --help"
while read -r c; do
    grep -q "^\.It Cm $c\b" "$ROOT/man/caseload.1" || fail "command '$c' missing from man/caseload.1"
done <"$T/cmds"
exit 0
