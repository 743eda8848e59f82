#include "fixture_diary.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void fn_text(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    sqlite3_result_text(c, sqlite3_user_data(c), -1, SQLITE_STATIC);
}
static void fn_null(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    sqlite3_result_null(c);
}
static void fn_zero(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n, (void)v;
    sqlite3_result_int(c, 0);
}

void fx_sql(const char *dir, const char *name, const char *sql)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_create_function(db, "cl_who", 0, SQLITE_UTF8, "FIXTURE", fn_text, NULL, NULL);
    sqlite3_create_function(db, "cl_now", 0, SQLITE_UTF8, "2026-11-01T09:00", fn_text, NULL, NULL);
    sqlite3_create_function(db, "cl_bulk", 0, SQLITE_UTF8, NULL, fn_zero, NULL, NULL);
    for (int i = 0; i < 3; i++) /* the action a row is part of: none */
        sqlite3_create_function(db, (const char *[]){"cl_act", "cl_reason", "cl_via"}[i], 0, SQLITE_UTF8, NULL,
                                fn_null, NULL, NULL);
    sqlite3_busy_timeout(db, 5000);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    cr_assert_eq(rc, SQLITE_OK, "fixture SQL: %s", msg ? msg : "");
    sqlite3_close(db);
}

void fx_office(const char *dir, const char *name)
{
    store_close(tu_open(dir, name)); /* creates the schema */
    fx_sql(dir, name,
           "INSERT INTO office(code,name,hours_start,hours_end) VALUES ('N1','Northtown','09:00','17:00');"
           "INSERT INTO office(code,name,hours_start,hours_end) VALUES ('S2','Southtown','08:30','16:30');"
           "INSERT INTO staff(code,name,grade,office) VALUES ('AB1','Alex Brown','PO','N1');"
           "INSERT INTO staff(code,name,grade,office) VALUES ('CD2','Chris Dale','PSO','N1');"
           "INSERT INTO staff(code,name,grade,office) VALUES ('EF3','Evan Ford','PO','S2');"
           "INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)"
           " VALUES ('X100001','Llŷr','Siân','1990-03-07','AB1','N1');"
           "INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)"
           " VALUES ('X100002','Okafor','Ben','1985-01-02','AB1','N1');"
           "INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office,status)"
           " VALUES ('X100003','Shut','Case','1970-05-05','CD2','N1','closed');"
           "INSERT INTO offender(crn,surname,forenames,date_of_birth,officer,office)"
           " VALUES ('X100004','Evans','Dai','1999-09-09','EF3','S2');"
           "INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100001','RHRH','2026-06-01','2026-12-01');"
           "INSERT INTO registration(crn,type,category,level,start_date,review_date) VALUES ('X100001','MAPP','M2','M2','2026-01-01','2026-12-01');"
           "INSERT INTO registration(crn,type,start_date,review_date) VALUES ('X100001','ADVP','2026-01-01','2026-12-01');");
}

void fx_app(cl_app *app, const char *dir, const char *name, const char *now)
{
    memset(app, 0, sizeof *app);
    app->store = tu_open(dir, name);
    cal_init(&app->cal);
    cl_err err = {0};
    cr_assert_eq(store_load_calendar(app->store, &app->cal, &err), CL_OK, "%s", err.msg);
    char day[CL_DATE_LEN];
    snprintf(day, sizeof day, "%.10s", now);
    app->clock.today = tu_date(day);
    cr_assert(time_parse(now + 11, &app->clock.minutes));
    snprintf(app->officer, sizeof app->officer, "AB1");
    snprintf(app->who, sizeof app->who, "AB1");
    store_set_actor(app->store, "AB1", now);
}

void fx_app_close(cl_app *app)
{
    store_close(app->store);
    cal_free(&app->cal);
}

char *fx_diary_setup(cl_app *app, const char *name, const char *sql, const char *now)
{
    char *dir = tu_tmpdir();
    fx_office(dir, name);
    if (sql)
        fx_sql(dir, name, sql);
    fx_app(app, dir, name, now);
    return dir;
}

void fx_diary_teardown(cl_app *app, char *dir)
{
    fx_app_close(app);
    tu_rmtree(dir);
    free(dir);
}

sched_request fx_request(const char *crn, const char *date, const char *time)
{
    sched_request q;
    memset(&q, 0, sizeof q);
    snprintf(q.crn, sizeof q.crn, "%s", crn);
    q.date = tu_date(date);
    cr_assert(time_parse(time, &q.start));
    q.until = CL_DATE_NONE;
    return q;
}
