/* Fixture for tests/sql/check_sql.pl: each function here is a way of building
 * SQL from text that the checker must flag (never compiled). */
void f1(sqlite3 *db, const char *crn)
{
    char *q = sqlite3_mprintf("SELECT * FROM offender WHERE crn = '%q'", crn);
}
void f2(cl_store *st, const char *crn)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT * FROM offender"
             " WHERE crn = '%s'", crn);
    st_stmt(st, sql, NULL);
}
void f3(sqlite3 *db, const char *name)
{
    char buf[512] = "";
    strcat(buf, "UPDATE offender SET surname = '");
    strcat(buf, name);
    sqlite3_exec(db, buf, NULL, NULL, NULL);
}
void f4(sqlite3 *db, char *text)
{
    sqlite3_stmt *s;
    sqlite3_prepare_v2(db, text, -1, &s, NULL);
}
