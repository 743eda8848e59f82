/* A first load into empty tables (store_bulk_first_load): the table's indexes
 * and triggers are dropped for the load and created again from their own
 * definitions, the search index is rebuilt, SQLite's foreign key checks are
 * off for the load because the importer checks every reference itself; a
 * failed or dry-run first load leaves the schema as it was. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/import.h"
#include "caseload/store_write.h"
#include "io/refset.h"
#include "store/store_int.h"
#include "fixture_import.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static char errors[1 << 14];

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "f.db");
    errors[0] = '\0';
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(import_fast, .init = setup, .fini = teardown);

static void collect(void *arg, const char *line)
{
    (void)arg;
    if (strlen(errors) + strlen(line) + 2 < sizeof errors) {
        strcat(errors, line);
        strcat(errors, "\n");
    }
}

static int load(const char *kind, const char *path, bool dry)
{
    imp_opts o = {.dry_run = dry, .report = collect};
    cl_err err = {0};
    imp_counts n;
    return imp_file(st, csv_format_find(kind), path, &o, &n, &err);
}

static const char *const KINDS[] = {"offices", "staff", "offenders", "orders", "requirements",
                                    "registrations", "appointments", "contacts", "reports"};

static void load_fixtures(void)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "tests/data/csv/%s.csv", KINDS[i]);
        cr_assert_eq(load(KINDS[i], path, false), CL_OK, "importing %s: %s", path, errors);
    }
}

/* One text or integer from a separate connection to the test database. */
static char *q_text(const char *sql)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/f.db", dir);
    return fi_q_text_in(path, sql);
}

static long long q_int(const char *sql)
{
    char *t = q_text(sql);
    long long v = atoll(t);
    free(t);
    return v;
}

/* Every index, trigger and table definition, in one text. */
static char *schema_text(void)
{
    return q_text("SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10))"
                  " FROM (SELECT * FROM sqlite_schema ORDER BY type, name)");
}

static void no_problems(void *arg, const char *line)
{
    (void)arg;
    cr_expect_fail("caseload check: %s", line);
}

Test(import_fast, a_first_load_leaves_every_index_and_trigger_as_defined)
{
    char *before = schema_text();
    load_fixtures();
    char *after = schema_text();
    cr_expect_str_eq(after, before);
    free(before);
    free(after);
    cl_err err = {0};
    /* integrity_check: every index holds exactly the table's rows */
    cr_expect_eq(store_check(st, no_problems, NULL, &err), 0, "%s", err.msg);
    cr_expect_gt(q_int("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'contact'"
                       " AND sql IS NOT NULL"), 0);
}

Test(import_fast, the_search_index_is_rebuilt_after_a_first_load)
{
    load_fixtures();
    long long people = q_int("SELECT count(*) FROM offender");
    cr_assert_gt(people, 0);
    cr_expect_eq(q_int("SELECT count(*) FROM offender_fts"), people);
    char *surname = q_text("SELECT surname FROM offender ORDER BY crn LIMIT 1");
    sqlite3 *db;
    char path[4096];
    snprintf(path, sizeof path, "%s/f.db", dir);
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM offender_fts WHERE offender_fts MATCH ?", -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_text(s, 1, surname, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    cr_expect_geq(sqlite3_column_int(s, 0), 1, "'%s' is found by the search", surname);
    sqlite3_finalize(s);
    sqlite3_close(db);
    free(surname);
    /* The triggers are back: a later change keeps the search index in step. */
    cl_offender p;
    cl_err err = {0};
    cr_assert_eq(store_get_offender(st, "X123456", &p, &err), CL_OK, "%s", err.msg);
    snprintf(p.surname, sizeof p.surname, "Quennell");
    store_put_res res;
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(store_put_offender(st, &p, &res, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cr_expect_eq(q_int("SELECT count(*) FROM offender_fts WHERE offender_fts MATCH 'quennell'"), 1);
    cr_expect_eq(store_check(st, no_problems, NULL, &err), 0, "%s", err.msg);
}

Test(import_fast, a_failed_or_dry_first_load_changes_nothing)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0] - 1; i++) { /* all but reports */
        char p[256];
        snprintf(p, sizeof p, "tests/data/csv/%s.csv", KINDS[i]);
        cr_assert_eq(load(KINDS[i], p, false), CL_OK, "%s", errors);
    }
    char *before = schema_text();
    char *bad = tu_write_file(dir, "bad.csv",
                              "id,crn,type,requested,due,court,officer,status\n"
                              "R900,X123456,CJF,2026-01-05,2026-01-26,Leeds,,\n"
                              "R901,X123456,CJF,2026-01-05,31/02/2026,Leeds,,\n");
    cr_expect_eq(load("reports", bad, false), CL_EDATA);
    cr_expect(strstr(errors, "bad.csv:3: due:"), "%s", errors);
    cr_expect_eq(store_count(st, STORE_REPORT), 0);
    char *after = schema_text();
    cr_expect_str_eq(after, before, "a failed first load leaves the schema");
    free(after);
    char *good = tu_write_file(dir, "good.csv",
                               "id,crn,type,requested,due,court,officer,status\n"
                               "R900,X123456,CJF,2026-01-05,2026-01-26,Leeds,,\n");
    cr_expect_eq(load("reports", good, true), CL_OK, "%s", errors);
    cr_expect_eq(store_count(st, STORE_REPORT), 0, "a dry run writes nothing");
    after = schema_text();
    cr_expect_str_eq(after, before, "a dry run leaves the schema");
    free(after);
    cr_expect_eq(load("reports", good, false), CL_OK, "%s", errors);
    cr_expect_eq(store_count(st, STORE_REPORT), 1);
    after = schema_text();
    cr_expect_str_eq(after, before, "a first load leaves the schema");
    free(after);
    free(before);
    free(bad);
    free(good);
}

Test(import_fast, references_are_still_enforced_after_a_load)
{
    load_fixtures();
    /* The load turned SQLite's foreign keys off; they are on again for every other write. */
    cl_order o = {0};
    snprintf(o.id, sizeof o.id, "O-NOBODY");
    snprintf(o.crn, sizeof o.crn, "Z999999");
    snprintf(o.type, sizeof o.type, "CO");
    o.sentence_date = tu_date("2026-01-05");
    o.end_date = CL_DATE_NONE;
    o.terminated = CL_DATE_NONE;
    cl_err err = {0};
    store_put_res res;
    cr_assert_eq(store_begin(st, &err), CL_OK);
    int rc = store_put_order(st, &o, &res, &err);
    if (rc == CL_OK)
        rc = store_commit(st, &err);
    store_rollback(st);
    cr_expect_neq(rc, CL_OK, "an order of a person who does not exist is refused");
    cr_expect_eq(store_exists(st, STORE_ORDER, "O-NOBODY"), false);
}

/* SQLite's foreign keys are off during a load, so the importer's own check
 * must cover every one: each foreign key of a loaded table is a column of its
 * CSV format that names the parent's kind. */
Test(import_fast, the_importer_checks_every_foreign_key)
{
    sqlite3 *db;
    char path[4096];
    snprintf(path, sizeof path, "%s/f.db", dir);
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_schema m,"
                                    " pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
                                    -1, &s, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    int checked = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *table = (const char *)sqlite3_column_text(s, 0);
        const char *col = (const char *)sqlite3_column_text(s, 1);
        const char *parent = (const char *)sqlite3_column_text(s, 2);
        const csv_format *fmt = NULL;
        for (size_t i = 0; i < CSV_FORMATS_N; i++)
            if (!strcmp(st_kind_table(CSV_FORMATS[i].store), table))
                fmt = &CSV_FORMATS[i];
        if (!fmt)
            continue; /* not a table an import writes */
        const csv_column *c = csv_column_find(fmt, col);
        cr_expect(c && c->ref != STORE_KINDS_N && !strcmp(st_kind_table(c->ref), parent),
                  "%s.%s refers to %s: the %s import must check it (csv_format.c .ref)", table, col,
                  parent, fmt->kind);
        checked++;
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    cr_expect_gt(checked, 10);
}

/* Forty contacts: a first load inserts them sixteen at a time; one corrects a
 * contact a few rows before it (still waiting to go in when its reference is
 * checked), one corrects the first row, one a contact that is nowhere. */
static char *forty_contacts(bool bad_ref)
{
    size_t cap = 1 << 14, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text + n, cap - n, "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,notes,corrects\n");
    for (int i = 1; i <= 40; i++) {
        const char *corrects = i == 35 ? "K33" : i == 20 ? "K01" : i == 40 && bad_ref ? "K99" : "";
        n += (size_t)snprintf(text + n, cap - n, "K%02d,X123456,O1,AB1,2026-11-%02d,%02d:00,CTOB,,,,\"note %d, with a comma\",%s\n",
                              i, 1 + i % 28, 8 + i % 9, i, corrects);
    }
    return text;
}

static void all_but_contacts(void)
{
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        if (!strcmp(KINDS[i], "contacts"))
            continue;
        char p[256];
        snprintf(p, sizeof p, "tests/data/csv/%s.csv", KINDS[i]);
        cr_assert_eq(load(KINDS[i], p, false), CL_OK, "%s", errors);
    }
}

static char *export_contacts(void)
{
    return tu_export(st, "contacts");
}

Test(import_fast, rows_inserted_sixteen_at_a_time_round_trip)
{
    all_but_contacts();
    char *text = forty_contacts(false);
    char *path = tu_write_file(dir, "k.csv", text);
    cr_assert_eq(load("contacts", path, false), CL_OK, "%s", errors);
    cr_expect_eq(store_count(st, STORE_CONTACT), 40);
    cl_contact c;
    cl_err err = {0};
    cr_assert_eq(store_get_contact(st, "K35", &c, &err), CL_OK, "%s", err.msg);
    cr_expect_str_eq(c.corrects, "K33");
    cr_expect_str_eq(c.notes, "note 35, with a comma");
    /* The index of corrections stays through a load (bulk.c): it holds both. */
    cr_expect_eq(q_int("SELECT count(*) FROM contact INDEXED BY contact_corrects WHERE corrects IS NOT NULL"), 2);
    cl_contact_clear(&c);
    char *first = export_contacts();
    /* The same rows again change nothing (the table is no longer empty). */
    imp_opts o = {.report = collect};
    imp_counts n;
    cr_assert_eq(imp_file(st, csv_format_find("contacts"), path, &o, &n, &err), CL_OK, "%s", errors);
    cr_expect_eq(n.unchanged, 40);
    cr_expect_eq(n.inserted, 0);
    /* And a new database loaded from the export exports the same text. */
    store_close(st);
    tu_rmtree(dir);
    free(dir);
    setup();
    all_but_contacts();
    char *again_path = tu_write_file(dir, "out.csv", first);
    cr_assert_eq(load("contacts", again_path, false), CL_OK, "%s", errors);
    char *second = export_contacts();
    cr_expect_str_eq(second, first);
    free(text), free(path), free(first), free(again_path), free(second);
}

Test(import_fast, a_bad_reference_in_a_first_load_is_found_with_its_line)
{
    all_but_contacts();
    char *text = forty_contacts(true);
    char *path = tu_write_file(dir, "k.csv", text);
    cr_expect_eq(load("contacts", path, false), CL_EDATA);
    cr_expect(strstr(errors, "k.csv:41: corrects: no contact 'K99'"), "%s", errors);
    cr_expect_eq(store_count(st, STORE_CONTACT), 0);
    free(text);
    free(path);
}

/* People whose officer changes at every row: each reference is a lookup until
 * REFSET_AFTER (csv_import.c), then every member of staff is read into memory
 * and the rest are checked there, with the same message for one that is not. */
static char *many_people(int n, int bad_line)
{
    size_t cap = (size_t)n * 64 + 128, len = 0;
    char *text = malloc(cap);
    len += (size_t)snprintf(text + len, cap - len, "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n");
    for (int line = 2; line < n + 2; line++)
        len += (size_t)snprintf(text + len, cap - len, "Y%06d,Person,Number %d,1990-01-01,,,,,,,%s,N01,active\n", line, line,
                                line == bad_line ? "ZZ9" : line % 2 ? "AB1" : "CD2");
    return text;
}

Test(import_fast, many_references_are_checked_in_memory_with_the_same_message)
{
    cr_assert_eq(load("offices", "tests/data/csv/offices.csv", false), CL_OK, "%s", errors);
    cr_assert_eq(load("staff", "tests/data/csv/staff.csv", false), CL_OK, "%s", errors);
    char *text = many_people(25000, 24000);
    char *path = tu_write_file(dir, "p.csv", text);
    cr_expect_eq(load("offenders", path, false), CL_EDATA);
    cr_expect(strstr(errors, "p.csv:24000: officer: no staff member 'ZZ9'"), "%s", errors);
    cr_expect_eq(store_count(st, STORE_OFFENDER), 0);
    free(text), free(path);
    errors[0] = '\0';
    text = many_people(25000, 0);
    path = tu_write_file(dir, "q.csv", text);
    cr_expect_eq(load("offenders", path, false), CL_OK, "%s", errors);
    cr_expect_eq(store_count(st, STORE_OFFENDER), 25000);
    cr_expect_eq(q_int("SELECT count(*) FROM offender WHERE officer = 'CD2'"), 12500);
    free(text), free(path);

    /* The set itself: every key exactly, nothing else. */
    refset r;
    cl_err err = {0};
    cr_assert_eq(refset_load(&r, st, STORE_OFFENDER, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(r.n, 25000);
    char crn[16];
    for (int line = 2; line < 25002; line++) {
        snprintf(crn, sizeof crn, "Y%06d", line);
        cr_expect(refset_has(&r, crn), "%s", crn);
    }
    cr_expect_not(refset_has(&r, "Y000001"));
    cr_expect_not(refset_has(&r, "Y00002"));
    cr_expect_not(refset_has(&r, ""));
    refset_free(&r);
    cr_assert_eq(refset_load(&r, st, STORE_CONTACT, &err), CL_OK, "%s", err.msg);
    cr_expect_eq(r.n, 0);
    cr_expect_not(refset_has(&r, "K01"));
    refset_free(&r);
}
