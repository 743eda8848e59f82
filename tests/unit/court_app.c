#include "court_app.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

void ca_open(cl_app *app, const char *dir, const char *name, const char *date, const char *time)
{
    memset(app, 0, sizeof *app);
    cal_init(&app->cal);
    app->store = tu_open(dir, name);
    char stamp[32];
    snprintf(stamp, sizeof stamp, "%sT%s", date, time);
    store_set_actor(app->store, "TEST", stamp);
    app->clock.today = tu_date(date);
    cr_assert(time_parse(time, &app->clock.minutes));
    cl_err err = {0};
    cr_assert_eq(store_load_calendar(app->store, &app->cal, &err), CL_OK, "%s", err.msg);
    snprintf(app->who, sizeof app->who, "TEST");
}

void ca_close(cl_app *app)
{
    store_close(app->store);
    cal_free(&app->cal);
    app->store = NULL;
}
