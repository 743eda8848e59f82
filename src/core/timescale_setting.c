/* The settings an office may record, and what a value for each must be: the
 * import refuses what ts_settings_office would pass over for the default. */
#include <stdio.h>
#include <string.h>

#include "caseload/timescale.h"

/* The rule whose figure the setting changes; NULL for the s.36 date or an unknown key. */
static const ts_rule *rule_of(const char *key)
{
    for (int i = 0; key && i < TS_N; i++)
        if (TS_RULES[i].setting && !strcmp(TS_RULES[i].setting, key))
            return &TS_RULES[i];
    return NULL;
}

bool ts_setting_known(const char *key, char *msg, size_t len)
{
    if (rule_of(key) || (key && !strcmp(key, TS_SETTING_S36)))
        return true;
    int n = snprintf(msg, len, "unknown setting '%s' (", key ? key : "");
    for (int i = 0; i < TS_N && n > 0 && (size_t)n < len; i++)
        if (TS_RULES[i].setting)
            n += snprintf(msg + n, len - (size_t)n, "%s, ", TS_RULES[i].setting);
    if (n > 0 && (size_t)n < len)
        snprintf(msg + n, len - (size_t)n, "%s)", TS_SETTING_S36);
    return false;
}

bool ts_setting_read(const char *key, const char *value, char *out, size_t outlen, char *msg, size_t len)
{
    const ts_rule *r = rule_of(key);
    if (r) {
        /* Digits only: "+7", "7.5" or "1e2" would not read back as written. */
        long n = 0;
        const char *p = value;
        for (; *p >= '0' && *p <= '9' && n <= TS_SETTING_MAX; p++)
            n = n * 10 + (*p - '0');
        if (p == value || *p || n > TS_SETTING_MAX) {
            char most[40];
            snprintf(msg, len, "'%s' is not a whole number from 0 to %s (%s)", value,
                     ts_period_words(TS_SETTING_MAX, r->unit, most, sizeof most), key);
            return false;
        }
        snprintf(out, outlen, "%ld", n);
        return true;
    }
    if (ts_setting_known(key, msg, len)) { /* the s.36 date */
        cl_date d;
        date_problem why = date_read(value, &d);
        if (why != DATE_READ_OK) {
            date_problem_text(why, value, msg, len);
            return false;
        }
        char buf[CL_DATE_LEN];
        snprintf(out, outlen, "%s", date_format(d, buf));
        return true;
    }
    return false;
}
