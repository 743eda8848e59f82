# caseload: build, test, run, install.
# `make run` and `make test` install any missing Debian package first (.ci/deps).

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
VERSION := 0.1.0

BUILD_PKGS := gcc make pkg-config libncurses-dev libsqlite3-dev libcsv-dev
TEST_PKGS  := $(BUILD_PKGS) libcriterion-dev tmux mandoc sqlite3 valgrind calcurse \
              python3 python3-icalendar locales
FUZZ_PKGS  := clang

PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags ncursesw sqlite3 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs ncursesw sqlite3 2>/dev/null || echo -lncursesw -ltinfo -lsqlite3)

WARN    := -std=c17 -Wall -Wextra -Wpedantic -Werror
DEFS    := -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DCASELOAD_VERSION='"$(VERSION)"'
CFLAGS  ?= -O2 -g
ALL_CFLAGS = $(WARN) $(DEFS) -Iinclude -Isrc $(PKG_CFLAGS) $(CFLAGS)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LIBS    := $(PKG_LIBS) -lcsv -lm -pthread

# The core library: no curses may be included here (checked by `make check-layers`).
CORE_SRC := $(sort $(wildcard src/dates/*.c src/core/*.c src/store/*.c src/io/*.c))
APP_SRC  := $(sort $(wildcard src/cli/*.c src/tui/*.c)) src/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))

CORE_OBJ     := $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
APP_OBJ      := $(APP_SRC:%.c=$(BUILD)/obj/%.o)
SAN_CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/san/%.o)
SAN_APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/san/%.o)
UNIT_OBJ     := $(UNIT_SRC:%.c=$(BUILD)/san/%.o)

.PHONY: all deps test-deps run test unit ui-test fuzz-replay valgrind-test check-layers \
        check-sql man-test install uninstall clean bench bench-search fuzz demo sample-data

all: $(BUILD)/caseload

deps:
	@./.ci/deps $(BUILD_PKGS)

test-deps:
	@./.ci/deps $(TEST_PKGS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/san/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC(san) $<"
	@$(CC) $(ALL_CFLAGS) -O1 -g $(SAN) -MMD -MP -c $< -o $@

-include $(CORE_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(SAN_CORE_OBJ:.o=.d) $(SAN_APP_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

$(BUILD)/libcaseload.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/san/libcaseload.a: $(SAN_CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/caseload: $(APP_OBJ) $(BUILD)/libcaseload.a
	$(CC) $(CFLAGS) -o $@ $(APP_OBJ) $(BUILD)/libcaseload.a $(LIBS)

$(BUILD)/san/caseload: $(SAN_APP_OBJ) $(BUILD)/san/libcaseload.a
	$(CC) $(SAN) -o $@ $(SAN_APP_OBJ) $(BUILD)/san/libcaseload.a $(LIBS)

$(BUILD)/san/unit-tests: $(UNIT_OBJ) $(BUILD)/san/libcaseload.a
	$(CC) $(SAN) -o $@ $(UNIT_OBJ) $(BUILD)/san/libcaseload.a $(LIBS) -lcriterion

# Fuzz targets built as plain programs that replay their seed corpus.
$(BUILD)/san/fuzz/%: tests/fuzz/%.c tests/fuzz/replay_main.c $(BUILD)/san/libcaseload.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 -g $(SAN) -o $@ $< tests/fuzz/replay_main.c $(BUILD)/san/libcaseload.a $(LIBS)

# The seeded generator of caseload CSV files (bench/gen.c and the bench/gen_*
# files beside it), at any scale.
GEN_SRC := $(sort $(wildcard bench/gen.c bench/gen_*.c))
$(BUILD)/gen: $(GEN_SRC) $(wildcard bench/gen_*.h) $(BUILD)/libcaseload.a
	$(CC) $(ALL_CFLAGS) -o $@ $(GEN_SRC) $(BUILD)/libcaseload.a $(LIBS)

# The diary's benchmarks (bench/diary.sh): query percentiles, whole-process
# times and the ics subset for calcurse.
$(BUILD)/bench_diary: bench/bench_diary.c $(BUILD)/libcaseload.a
	$(CC) $(ALL_CFLAGS) -o $@ bench/bench_diary.c $(BUILD)/libcaseload.a $(LIBS)

# Bench programs: the questions through the core library, and the UI's first draw.
$(BUILD)/measure: bench/measure.c $(BUILD)/libcaseload.a
	$(CC) $(ALL_CFLAGS) -o $@ bench/measure.c $(BUILD)/libcaseload.a $(LIBS)

$(BUILD)/due_bench: bench/due_bench.c $(BUILD)/libcaseload.a
	$(CC) $(ALL_CFLAGS) -o $@ bench/due_bench.c $(BUILD)/libcaseload.a $(LIBS)

$(BUILD)/firstdraw: bench/firstdraw.c
	$(CC) $(ALL_CFLAGS) -o $@ bench/firstdraw.c

# The committed sample caseload: regenerate it (same seed, same bytes).
sample-data: $(BUILD)/gen
	$(BUILD)/gen --scale sample sample-data

# The demo database: sample data shifted to today, rebuilt when sample-data changes.
$(BUILD)/demo.db: $(BUILD)/caseload $(wildcard sample-data/*)
	@rm -f $@ $@-wal $@-shm
	CASELOAD_DB=$@ sh sample-data/load.sh $(BUILD)/caseload

demo: $(BUILD)/demo.db

# The demo's dates are moved to the week it was loaded in: a demo database
# from an earlier day is loaded again so the diary is today's.
run:
	@./.ci/deps $(BUILD_PKGS)
	@[ -z "$$(find $(BUILD)/demo.db -mtime +0 2>/dev/null)" ] || rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	@$(MAKE) --no-print-directory $(BUILD)/demo.db
	CASELOAD_OFFICER=$${CASELOAD_OFFICER:-CDF02} $(BUILD)/caseload --db $(BUILD)/demo.db

check-layers:
	@bad=$$(grep -l -E '#include[[:space:]]*[<"](n?curses|ncursesw/)' $(CORE_SRC) src/cli/*.c include/caseload/*.h 2>/dev/null); \
	if [ -n "$$bad" ]; then echo "curses included outside src/tui: $$bad"; exit 1; fi; \
	bad=$$(grep -l -E 'sqlite3_(prepare|exec)' $(filter-out src/store/%,$(CORE_SRC)) $(APP_SRC) 2>/dev/null); \
	if [ -n "$$bad" ]; then echo "SQL outside src/store: $$bad"; exit 1; fi; \
	echo "layers: ok"

# No SQL built from formatted strings anywhere (tests/sql/check_sql.pl), checked
# together with a fixture of each bad pattern.
check-sql:
	@sh tests/sql/run.sh

unit: $(BUILD)/san/unit-tests
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/san/unit-tests --jobs 2

fuzz-replay: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/san/fuzz/%)
	@for t in $^; do n=$$(basename $$t); $$t tests/fuzz/corpus/$${n#fuzz_} || exit 1; done

# The instant search at national scale (bench/search_bench.c, bench/keypress.sh).
$(BUILD)/search_bench: bench/search_bench.c $(BUILD)/libcaseload.a
	$(CC) $(ALL_CFLAGS) -o $@ bench/search_bench.c $(BUILD)/libcaseload.a $(LIBS)

bench-search: $(BUILD)/caseload $(BUILD)/search_bench
	sh bench/search.sh $(BUILD)

# A small caseload written through the store's own writers, for the UI tests.
$(BUILD)/seed_ui: tests/tools/seed_ui.c tests/unit/fixture_caseload.c tests/unit/fixture_caseload.h $(BUILD)/libcaseload.a
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ tests/tools/seed_ui.c tests/unit/fixture_caseload.c $(BUILD)/libcaseload.a $(LIBS)

ui-test: $(BUILD)/san/caseload $(BUILD)/caseload $(BUILD)/seed_ui
	CASELOAD_BIN=$(abspath $(BUILD)/san/caseload) CASELOAD_PLAIN_BIN=$(abspath $(BUILD)/caseload) \
	  CASELOAD_SEED=$(abspath $(BUILD)/seed_ui) \
	  sh tests/ui/run.sh

test:
	@./.ci/deps $(TEST_PKGS)
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory check-sql
	@$(MAKE) --no-print-directory $(BUILD)/caseload $(BUILD)/san/caseload $(BUILD)/san/unit-tests $(BUILD)/gen $(BUILD)/measure $(BUILD)/firstdraw $(BUILD)/bench_diary
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory fuzz-replay
	@$(MAKE) --no-print-directory ui-test

bench: $(BUILD)/caseload $(BUILD)/gen $(BUILD)/measure $(BUILD)/due_bench $(BUILD)/firstdraw $(BUILD)/bench_diary
	@./.ci/deps $(TEST_PKGS)
	sh bench/run.sh $(abspath $(BUILD)/caseload)

fuzz:
	@./.ci/deps $(FUZZ_PKGS) $(BUILD_PKGS)
	sh tests/fuzz/run.sh $(BUILD) $${FUZZ_SECONDS:-60}

install: $(BUILD)/caseload
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 $(BUILD)/caseload $(DESTDIR)$(PREFIX)/bin/caseload
	for m in man/*.1; do install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man1/; done
	for m in man/*.5; do [ -e "$$m" ] && install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man5/; done; true

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/caseload $(DESTDIR)$(PREFIX)/share/man/man1/caseload.1 \
	      $(DESTDIR)$(PREFIX)/share/man/man5/caseload-csv.5

clean:
	rm -rf $(BUILD)
