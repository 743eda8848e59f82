#include "caseload/app.h"

#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caseload/case_open.h"
#include "caseload/model.h"
#include "caseload/paths.h"
#include "caseload/store_staff.h"

int app_db_path(const char *db_flag, char *out, size_t len, cl_err *err)
{
    const char *env = getenv("CASELOAD_DB");
    int n;
    if (db_flag && *db_flag)
        n = snprintf(out, len, "%s", db_flag);
    else if (env && *env)
        n = snprintf(out, len, "%s", env);
    else
        return path_xdg("XDG_DATA_HOME", ".local/share", "caseload.db", out, len, err);
    if (n < 0 || (size_t)n >= len)
        return cl_err_set(err, CL_EUSAGE, "database path is too long");
    return CL_OK;
}

static const char *login_name(void)
{
    const char *u = getenv("LOGNAME");
    if (!u || !*u)
        u = getenv("USER");
    if (!u || !*u) {
        struct passwd *pw = getpwuid(getuid());
        u = pw ? pw->pw_name : "unknown";
    }
    return u;
}

int app_open(cl_app *app, const char *db_flag, const char *officer_flag, int store_flags, cl_err *err)
{
    memset(app, 0, sizeof *app);
    cal_init(&app->cal);
    int rc = clock_read(&app->clock, err);
    if (rc != CL_OK)
        return rc;
    if ((rc = app_db_path(db_flag, app->db_path, sizeof app->db_path, err)) != CL_OK)
        return rc;
    app->store = store_open(app->db_path, store_flags, err);
    if (!app->store)
        return err ? err->code : CL_EIO;
    if ((rc = store_load_calendar(app->store, &app->cal, err)) != CL_OK) {
        app_close(app);
        return rc;
    }
    bool flagged = officer_flag && *officer_flag;
    const char *given = flagged ? officer_flag : getenv("CASELOAD_OFFICER");
    char code[CL_CODE_LEN * 4];
    snprintf(code, sizeof code, "%s", given ? given : "");
    const char *off = given ? case_code_normalise(code) : NULL; /* cdf02 is CDF02 */
    if (off && *off && !store_staff_exists(app->store, off)) {
        if (flagged) {
            rc = case_check_staff(app->store, off, err); /* the one wording */
            app_close(app);
            return rc;
        }
        snprintf(app->warning, sizeof app->warning, "CASELOAD_OFFICER '%s' is not a staff code in %s: no officer",
                 off, app->db_path);
    } else if (off && *off) {
        snprintf(app->officer, sizeof app->officer, "%s", off);
    } else {
        store_staff_by_login(app->store, login_name(), app->officer, sizeof app->officer);
    }
    snprintf(app->who, sizeof app->who, "%s", app->officer[0] ? app->officer : login_name());
    store_set_actor(app->store, app->who, NULL);
    return CL_OK;
}

void app_close(cl_app *app)
{
    store_close(app->store);
    app->store = NULL;
    cal_free(&app->cal);
}

bool app_clock_refresh(cl_app *app)
{
    cl_clock now;
    if (clock_read(&now, NULL) != CL_OK)
        return false;
    bool new_day = now.today != app->clock.today;
    app->clock = now;
    return new_day;
}
