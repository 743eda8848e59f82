# Names stay whole under a locale that is not UTF-8 (LANG unset or C, as on
# many servers): the database is UTF-8, so caseload reads and writes UTF-8.
. "$(dirname "$0")/lib.sh"
seed_ui 0
LC_ALL=C LANG=C cl show X100001 >"$T/out" || fail "show exited $?"
cp "$T/out" "$T/screen"
[ "$(sed -n 1p "$T/out")" = "Siân Llŷr  X100001" ] || fail "the name is not whole under LC_ALL=C"
start 100x30 LC_ALL=C LANG=C CASELOAD_OFFICER=CDF02 --
wait_for "Llŷr, Siân" 10
settled | grep "X1000" | grep -q "?" && fail "a character shown as '?' under LC_ALL=C"
exit 0
