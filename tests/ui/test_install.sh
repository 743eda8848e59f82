# make install honours PREFIX and DESTDIR (binary and both man pages);
# make uninstall removes them again.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
make -s -C "$ROOT" install DESTDIR="$T/stage" PREFIX=/opt/cl >"$T/out" 2>&1 || { cat "$T/out"; fail "make install"; }
[ -x "$T/stage/opt/cl/bin/caseload" ] || fail "binary not installed under DESTDIR/PREFIX"
[ -f "$T/stage/opt/cl/share/man/man1/caseload.1" ] || fail "caseload.1 not installed"
[ -f "$T/stage/opt/cl/share/man/man5/caseload-csv.5" ] || fail "caseload-csv.5 not installed"
"$T/stage/opt/cl/bin/caseload" --version | grep -q "^caseload " || fail "installed binary does not run"
make -s -C "$ROOT" uninstall DESTDIR="$T/stage" PREFIX=/opt/cl >"$T/out" 2>&1 || { cat "$T/out"; fail "make uninstall"; }
[ -z "$(find "$T/stage" -type f)" ] || fail "uninstall left files: $(find "$T/stage" -type f)"
exit 0
