/* The statement cache, and binding and reading the columns as the records
 * hold them (empty text and CL_DATE_NONE as NULL, dates and times as text). */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

sqlite3_stmt *st_stmt(cl_store *st, const char *sql, cl_err *err)
{
    for (int i = 0; i < st->ncache; i++) {
        if (st->cache[i].sql == sql) {
            sqlite3_reset(st->cache[i].stmt);
            sqlite3_clear_bindings(st->cache[i].stmt);
            return st->cache[i].stmt;
        }
    }
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
        st_fail(st, err, "preparing a query");
        return NULL;
    }
    if (st->ncache == st->cache_cap) {
        int cap = st->cache_cap ? st->cache_cap * 2 : 128;
        struct st_cached *grown = realloc(st->cache, (size_t)cap * sizeof *grown);
        if (!grown) {
            sqlite3_finalize(s);
            cl_err_set(err, CL_ESOFTWARE, "out of memory");
            return NULL;
        }
        st->cache = grown;
        st->cache_cap = cap;
    }
    st->cache[st->ncache].sql = sql;
    st->cache[st->ncache].stmt = s;
    st->ncache++;
    return s;
}

/* Text, or NULL when empty: keep says whether SQLite copies it. */
static int bind_text_or_null(sqlite3_stmt *s, int i, const char *v, sqlite3_destructor_type keep)
{
    if (!v || !*v)
        return sqlite3_bind_null(s, i);
    return sqlite3_bind_text(s, i, v, -1, keep);
}

int st_bind_text(sqlite3_stmt *s, int i, const char *v) { return bind_text_or_null(s, i, v, SQLITE_TRANSIENT); }

int st_bind_date(sqlite3_stmt *s, int i, cl_date d)
{
    if (d == CL_DATE_NONE)
        return sqlite3_bind_null(s, i);
    char buf[CL_DATE_LEN];
    return sqlite3_bind_text(s, i, date_format(d, buf), -1, SQLITE_TRANSIENT);
}

cl_date st_text_date(const char *t)
{
    cl_date d;
    return t && date_parse_iso(t, &d) ? d : CL_DATE_NONE;
}

cl_date st_col_date(sqlite3_stmt *s, int i) { return st_text_date((const char *)sqlite3_column_text(s, i)); }

char *st_col_copy(sqlite3_stmt *s, int i, char *buf, size_t len)
{
    /* A plain bounded copy: snprintf cost a tenth of a search key press. */
    const char *t = (const char *)sqlite3_column_text(s, i);
    if (!len)
        return buf;
    size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;
    if (n >= len)
        n = len - 1;
    if (n)
        memcpy(buf, t, n);
    buf[n] = '\0';
    return buf;
}

int st_bind_rec_text(sqlite3_stmt *s, int i, const char *v) { return bind_text_or_null(s, i, v, SQLITE_STATIC); }

int st_bind_time(sqlite3_stmt *s, int i, int minutes)
{
    if (minutes < 0)
        return sqlite3_bind_null(s, i);
    char buf[CL_TIME_LEN];
    return sqlite3_bind_text(s, i, time_format(minutes, buf), -1, SQLITE_TRANSIENT);
}

int st_col_time(sqlite3_stmt *s, int i)
{
    int m;
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t && time_parse(t, &m) ? m : -1;
}

int st_bind_num(sqlite3_stmt *s, int i, double v)
{
    if (v < 0)
        return sqlite3_bind_null(s, i);
    return sqlite3_bind_double(s, i, v);
}

double st_col_num(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 : sqlite3_column_double(s, i);
}
