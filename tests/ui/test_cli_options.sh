# The option errors of every command of the command table (as `caseload
# --help` lists it): one line naming the command and the option, then the
# command's usage and nothing else, exit 64 (CONVENTIONS.md); nothing on
# standard output.
. "$(dirname "$0")/lib.sh"
cl check >/dev/null || fail "making the database"
cl --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' >"$T/cmds"
[ "$(wc -l <"$T/cmds")" -ge 18 ] || fail "commands listed by --help"

# usage_of CMD: the usage lines of `help CMD` (more lines follow them).
usage_of() { cl help "$1" | awk 'NR == 1 || (/^       / && !done) { print; next } { done = 1 }'; }
# opt_error LINE ARGS...: exit 64, LINE first on stderr, then the usage of
# ARGS' command as `help` gives it, no stdout.
opt_error() {
    line=$1; shift
    cl "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?
    [ $rc -eq 64 ] || { cat "$T/err"; fail "caseload $*: exit $rc, not 64"; }
    [ -s "$T/out" ] && { cat "$T/out"; fail "caseload $*: output on stdout"; }
    [ "$(head -n 1 "$T/err")" = "$line" ] || { cat "$T/err"; fail "caseload $*: not '$line'"; }
    usage_of "$1" >"$T/usage"
    tail -n +2 "$T/err" | cmp -s - "$T/usage" || { cat "$T/err"; fail "caseload $*: more than one line before the usage"; }
}

while read -r c; do
    # CMD --help (or -h) is that command's help, as `help CMD` gives it, exit 0,
    # with no database needed.
    for h in --help -h; do
        cl --db "$T/none/x.db" "$c" X100001 "$h" >"$T/out" 2>"$T/err" </dev/null || { cat "$T/err"; fail "caseload $c $h: exit $?"; }
        cl help "$c" | cmp -s - "$T/out" || { cat "$T/out"; fail "caseload $c $h is not its help"; }
    done
    opt_error "caseload $c: unknown option '--bogus'" "$c" --bogus
    # Every option the usage gives a value: without it, the value's words.
    usage_of "$c" | grep -o -- '--[a-z][a-z-]* [A-Za-z]' | sed 's/ .*//' | sort -u >"$T/opts"
    while read -r o; do
        cl "$c" "$o" >/dev/null 2>"$T/err" </dev/null; rc=$?
        [ $rc -eq 64 ] || { cat "$T/err"; fail "caseload $c $o: exit $rc, not 64"; }
        head -n 1 "$T/err" | grep -q -- "^caseload $c: $o needs a value ([^()]*)\$" || { cat "$T/err"; fail "caseload $c $o: missing value"; }
    done <"$T/opts"
done <"$T/cmds"

# The value's words are the usage's; an option where its value should be is
# not taken for it.
opt_error "caseload due: --date needs a value (DATE)" due --date
opt_error "caseload due: --date needs a value (DATE)" due --date --all
opt_error "caseload due: --format needs a value (text or csv)" due --format
opt_error "caseload transfer: --to needs a value (OFFICER)" transfer X100001 --to
opt_error "caseload transfer: --appointments needs a value (move, move-all or cancel)" transfer X100001 --appointments
opt_error "caseload due: --all takes no value" due --all=yes
opt_error "caseload due: unknown option '--bogus'" due --bogus=1
opt_error "caseload due: unknown option '-x'" due -x
opt_error "caseload book: ambiguous option '--o' (--officer, --office or --order)" book X100001 2026-12-08 10:00 --o CDF
# Where a CRN (or a KIND) is expected, an option is still an unknown option.
opt_error "caseload show: unknown option '--zzz'" show --zzz X100001
opt_error "caseload show: unknown option '--zzz'" show X100001 --zzz
opt_error "caseload audit: unknown option '--zzz'" audit --zzz
opt_error "caseload export: unknown option '--zzz'" export --zzz
opt_error "caseload import: unknown option '--zzz'" import --zzz offenders "$T/x.csv"
exit 0
