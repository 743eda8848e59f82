#include "caseload/store_staff.h"
#include "store/store_int.h"

bool store_staff_exists(cl_store *st, const char *code)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT 1 FROM staff WHERE code = ?", NULL);
    if (!s || !code)
        return false;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_reset(s);
    return found;
}

bool store_staff_by_login(cl_store *st, const char *login, char *code, size_t len)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT code FROM staff WHERE code = ? COLLATE NOCASE LIMIT 1", NULL);
    if (!s || !login)
        return false;
    sqlite3_bind_text(s, 1, login, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    if (found)
        st_col_copy(s, 0, code, len);
    sqlite3_reset(s);
    return found;
}
