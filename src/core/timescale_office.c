/* An office's own figures for the timescales not fixed nationally. */
#include <stdio.h>
#include <stdlib.h>

#include "caseload/store_setting.h"
#include "caseload/timescale.h"

/* The office's row, else the all-office row. */
static int lookup(cl_store *st, const char *office, const char *key, char *buf, size_t len, bool *found,
                  cl_err *err)
{
    int rc = CL_OK;
    *found = false;
    if (office && office[0])
        rc = store_setting_get(st, office, key, buf, len, found, err);
    if (rc == CL_OK && !*found)
        rc = store_setting_get(st, TS_SCOPE_ALL, key, buf, len, found, err);
    return rc;
}

int ts_office_load(cl_store *st, const char *office, ts_office *out, cl_err *err)
{
    ts_office_defaults(out);
    snprintf(out->office, sizeof out->office, "%s", office ? office : "");
    char buf[64];
    bool found;
    for (int i = 0; i < TS_N; i++) {
        if (!TS_RULES[i].setting)
            continue;
        int rc = lookup(st, office, TS_RULES[i].setting, buf, sizeof buf, &found, err);
        if (rc != CL_OK)
            return rc;
        char *end;
        long v = found ? strtol(buf, &end, 10) : -1;
        /* A malformed or negative value keeps the default rather than
         * silently dropping the rule. */
        if (found && *end == '\0' && end != buf && v >= 0 && v <= 3650)
            out->amount[i] = (int)v;
    }
    int rc = lookup(st, office, TS_SETTING_S36, buf, sizeof buf, &found, err);
    if (rc != CL_OK)
        return rc;
    cl_date d;
    if (found && date_parse_iso(buf, &d))
        out->s36_commencement = d;
    return CL_OK;
}
