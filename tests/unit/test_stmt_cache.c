/* The store's statement cache (st_stmt): statements are cached by their static
 * SQL text, and one handed out stays valid however many others are prepared
 * after it, even while a caller is still stepping through its rows. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/store_int.h"
#include "testutil.h"

static char *dir;
static cl_store *st;

static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "s.db");
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(stmt_cache, .init = setup, .fini = teardown);

/* Whether s is still one of the connection's statements (not finalized). */
static bool live(sqlite3 *db, sqlite3_stmt *s)
{
    for (sqlite3_stmt *p = sqlite3_next_stmt(db, NULL); p; p = sqlite3_next_stmt(db, p))
        if (p == s)
            return true;
    return false;
}

#define MANY 600 /* more than any fixed cache the store has had (256) */

static sqlite3_stmt *add(char *text, size_t len, int i)
{
    cl_err err = {0};
    snprintf(text, len, "SELECT %d + ?1", i);
    sqlite3_stmt *s = st_stmt(st, text, &err);
    cr_assert_not_null(s, "%s", err.msg);
    sqlite3_bind_int(s, 1, 1);
    cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(s, 0), i + 1);
    return s;
}

Test(stmt_cache, a_statement_in_use_outlives_many_others)
{
    static const char outer_sql[] = "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL"
                                    " SELECT value + 1 FROM n WHERE value < 3) SELECT value FROM n";
    static char texts[MANY][48];
    /* Half of them first: the outer one is prepared where a fixed cache of
     * 256 would already be full. */
    for (int i = 0; i < MANY / 2; i++)
        add(texts[i], sizeof texts[i], i);
    cl_err err = {0};
    sqlite3_stmt *outer = st_stmt(st, outer_sql, &err);
    cr_assert_not_null(outer, "%s", err.msg);
    int rows = 0, next = MANY / 2;
    while (sqlite3_step(outer) == SQLITE_ROW) {
        rows++;
        cr_assert_eq(sqlite3_column_int(outer, 0), rows);
        /* Others prepared while it steps: it stays one of the connection's. */
        for (int k = 0; k < MANY / 6; k++, next++)
            add(texts[next], sizeof texts[next], next);
        cr_assert(live(st->db, outer), "the statement being stepped was finalized");
    }
    cr_assert_eq(rows, 3);
    /* Each text is the same cached statement when asked again. */
    for (int i = 0; i < MANY; i++) {
        sqlite3_stmt *again = st_stmt(st, texts[i], &err);
        cr_assert_not_null(again);
        cr_assert(live(st->db, again));
        sqlite3_bind_int(again, 1, 2);
        cr_assert_eq(sqlite3_step(again), SQLITE_ROW);
        cr_assert_eq(sqlite3_column_int(again, 0), i + 2);
    }
    cr_assert_eq(st_stmt(st, outer_sql, &err), outer);
}
