#!/bin/sh
# Builds every fuzz target (tests/fuzz/fuzz_*.c) with clang and libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs each in turn for
# SECONDS, at the lowest priority (CPU is shared).
# Usage: tests/fuzz/run.sh BUILD SECONDS [TARGET...]   (TARGET: dates, csv, ...)
# New inputs go to BUILD/fuzz/corpus-NAME (the committed seed corpus in
# tests/fuzz/corpus/NAME is read, never written); crashes to BUILD/fuzz/crashes/.
# Copy a crash into tests/fuzz/corpus/NAME once fixed: make test replays it.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:?usage: run.sh BUILD SECONDS [TARGET...]}
SECONDS_EACH=${2:?usage: run.sh BUILD SECONDS [TARGET...]}
shift 2
CC=${FUZZ_CC:-clang}
OUT=$BUILD/fuzz
mkdir -p "$OUT/obj" "$OUT/crashes"

FLAGS="-std=c17 -g -O1 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DCASELOAD_VERSION=\"fuzz\" -Iinclude -Isrc
       $(pkg-config --cflags sqlite3 2>/dev/null | sed 's/-D_[A-Z_]*SOURCE[=0-9]*//g')
       -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
LIBS="$(pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3) -lcsv -lm -pthread"

# The core library, instrumented for coverage.
objs=""
for src in src/dates/*.c src/core/*.c src/store/*.c src/io/*.c; do
  [ -f "$src" ] || continue
  obj="$OUT/obj/$(echo "$src" | tr / _).o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find include src -name '*.h' -newer "$obj" | head -1)" ]; then
    # shellcheck disable=SC2086
    $CC $FLAGS -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
  fi
  objs="$objs $obj"
done

[ $# -gt 0 ] || set -- $(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')
status=0
for name in "$@"; do
  src=tests/fuzz/fuzz_$name.c
  [ -f "$src" ] || { echo "fuzz: no target $src" >&2; exit 64; }
  bin=$OUT/fuzz_$name
  # shellcheck disable=SC2086
  $CC $FLAGS -fsanitize=fuzzer "$src" $objs $LIBS -o "$bin"
  mkdir -p "$OUT/corpus-$name"
  echo "fuzz: $name for ${SECONDS_EACH}s"
  start=$(date +%s)
  if ! nice -n 19 "$bin" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$OUT/crashes/$name-" \
       "$OUT/corpus-$name" "tests/fuzz/corpus/$name" >"$OUT/$name.log" 2>&1; then
    status=1
    echo "fuzz: $name FOUND A PROBLEM: see $OUT/$name.log and $OUT/crashes/" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$OUT/$name.log" | head -5 >&2
  fi
  end=$(date +%s)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$name.log" | tail -1)
  echo "fuzz: $name ran $((end - start))s, ${runs:-?} inputs" | tee -a "$OUT/hours.log"
done
exit $status
