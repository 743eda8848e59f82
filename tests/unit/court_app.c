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

intake_form ca_form(const char *office, const char *court, cl_date sentence_date)
{
    intake_form f;
    memset(&f, 0, sizeof f);
    snprintf(f.person.surname, sizeof f.person.surname, "Llŷr");
    snprintf(f.person.forenames, sizeof f.person.forenames, "Siân");
    f.person.date_of_birth = tu_date("1982-06-11");
    snprintf(f.person.office, sizeof f.person.office, "%s", office);
    snprintf(f.court, sizeof f.court, "%s", court);
    f.sentence_date = sentence_date;
    snprintf(f.order_type, sizeof f.order_type, "CO");
    f.nreqs = 2;
    snprintf(f.reqs[0].type, sizeof f.reqs[0].type, "W");
    f.reqs[0].length = 120;
    snprintf(f.reqs[1].type, sizeof f.reqs[1].type, "F");
    f.reqs[1].length = 20;
    f.rosh = ROSH_MEDIUM;
    return f;
}
