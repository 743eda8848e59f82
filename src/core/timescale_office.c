/* An office's own figures for the timescales not fixed nationally. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/store_setting.h"
#include "caseload/timescale.h"

/* The raw text of each setting the office's figures read: the office's row,
 * else the all-office row (TS_N rules, then the s36 date). */
typedef struct raw {
    char v[TS_N + 1][64];
    bool found[TS_N + 1];
} raw;

static void on_setting(void *arg, const char *key, const char *value)
{
    raw *r = arg;
    for (int i = 0; i <= TS_N; i++) {
        const char *k = i < TS_N ? TS_RULES[i].setting : TS_SETTING_S36;
        if (k && key && !strcmp(k, key)) {
            snprintf(r->v[i], sizeof r->v[i], "%s", value ? value : "");
            r->found[i] = true;
        }
    }
}

int ts_office_load(cl_store *st, const char *office, ts_office *out, cl_err *err)
{
    ts_office_defaults(out);
    snprintf(out->office, sizeof out->office, "%s", office ? office : "");
    raw r = {0};
    int rc = store_setting_each(st, office && office[0] ? office : TS_SCOPE_ALL, TS_SCOPE_ALL, on_setting, &r, err);
    if (rc != CL_OK)
        return rc;
    for (int i = 0; i < TS_N; i++) {
        if (!TS_RULES[i].setting || !r.found[i])
            continue;
        char *end;
        long v = strtol(r.v[i], &end, 10);
        /* A malformed or negative value keeps the default rather than
         * silently dropping the rule. */
        if (*end == '\0' && end != r.v[i] && v >= 0 && v <= 3650)
            out->amount[i] = (int)v;
    }
    cl_date d;
    if (r.found[TS_N] && date_parse_iso(r.v[TS_N], &d))
        out->s36_commencement = d;
    return CL_OK;
}
