# The command line: help, version, usage errors (64), database creation modes.
. "$(dirname "$0")/lib.sh"
cl --help | grep -q "usage: caseload" || fail "--help"
cl --version | grep -q "^caseload " || fail "--version"
cl help check | grep -q "usage: caseload check" || fail "help check"
cl nosuchcommand 2>"$T/err"; [ $? -eq 64 ] || fail "unknown command must exit 64"
grep -q "unknown command 'nosuchcommand'" "$T/err" || fail "unknown command message"
grep -q "^usage:" "$T/err" || fail "usage after the error"
cl --bogus 2>/dev/null; [ $? -eq 64 ] || fail "unknown option must exit 64"
cl --db "$T/sub/dir/new.db" check >/dev/null || fail "check on a new database"
[ "$(stat -c %a "$T/sub/dir/new.db")" = 600 ] || fail "database mode"
[ "$(stat -c %a "$T/sub/dir")" = 700 ] || fail "folder mode"
XDG_DATA_HOME="$T/xdg" CASELOAD_DB= cl check >/dev/null || fail "XDG path"
[ -f "$T/xdg/caseload/caseload.db" ] || fail "database not under XDG_DATA_HOME"
# Without XDG_DATA_HOME (unset, or empty) the database is under ~/.local/share,
# made private: the file 0600, its folders 0700.
(unset XDG_DATA_HOME CASELOAD_DB; HOME="$T/home" "$CASELOAD_BIN" check >/dev/null) || fail "HOME default path"
[ -f "$T/home/.local/share/caseload/caseload.db" ] || fail "database not under ~/.local/share/caseload"
[ "$(stat -c %a "$T/home/.local/share/caseload/caseload.db")" = 600 ] || fail "default database mode"
for d in .local .local/share .local/share/caseload; do
    [ "$(stat -c %a "$T/home/$d")" = 700 ] || fail "default folder mode: ~/$d"
done
env XDG_DATA_HOME= CASELOAD_DB= HOME="$T/home2" "$CASELOAD_BIN" check >/dev/null || fail "empty XDG_DATA_HOME"
[ -f "$T/home2/.local/share/caseload/caseload.db" ] || fail "an empty XDG_DATA_HOME is not the HOME default"
printf 'not a database at all, only text, certainly not sqlite\n' > "$T/junk.db"
cl --db "$T/junk.db" check 2>"$T/err"; [ $? -eq 74 ] || fail "not a database must exit 74"
grep -q "not a caseload database" "$T/err" || fail "not-a-database message"
CASELOAD_NOW= CASELOAD_TODAY=2026-02-30 cl check 2>"$T/err"; [ $? -eq 64 ] || fail "bad CASELOAD_TODAY must exit 64"
# An unknown --officer is a usage error; an unknown $CASELOAD_OFFICER (set in a
# profile before the staff are imported) only warns, so imports still work.
cl --db "$T/o.db" --officer NOSUCH check >/dev/null 2>"$T/err"; [ $? -eq 64 ] || fail "unknown --officer must exit 64"
grep -q "officer 'NOSUCH' is not a staff code" "$T/err" || fail "unknown --officer message"
CASELOAD_OFFICER=NOSUCH cl --db "$T/o.db" check >/dev/null 2>"$T/err" || fail "unknown CASELOAD_OFFICER must not stop a command"
grep -q "warning: CASELOAD_OFFICER 'NOSUCH' is not a staff code" "$T/err" || fail "unknown CASELOAD_OFFICER warning"
exit 0
