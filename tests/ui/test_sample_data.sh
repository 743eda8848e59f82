# The committed sample caseload is what `make sample-data` writes (the seeded
# generator bench/gen*.c): same seed, same bytes. If this fails after a change to
# the generator or the reference codes, run `make sample-data` and commit.
. "$(dirname "$0")/lib.sh"
GEN="$(dirname "${CASELOAD_PLAIN_BIN:?set by make ui-test}")/gen"
"$GEN" --scale sample "$T/s" 2>/dev/null || fail "the generator failed"
for f in "$T"/s/*.csv "$T/s/BASE"; do
  cmp -s "$f" "$ROOT/sample-data/$(basename "$f")" || fail "sample-data/$(basename "$f") differs from make sample-data's"
done
# The named people tests rely on (sample-data/README.md).
grep -q '^X100001,Llŷr,Siân,' "$ROOT/sample-data/offenders.csv" || fail "Siân Llŷr"
grep -q '^X100001,AV2S,,H,' "$ROOT/sample-data/registrations.csv" || fail "Siân Llŷr: risk to staff"
grep -q '^X100001,MAPP,M2,M2,' "$ROOT/sample-data/registrations.csv" || fail "Siân Llŷr: MAPPA 2/2"
grep -q '^X100002,Ó Ceallaigh,Zoë,' "$ROOT/sample-data/offenders.csv" || fail "Zoë Ó Ceallaigh"
exit 0
