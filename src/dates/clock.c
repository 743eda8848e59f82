#include "caseload/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int clock_read(cl_clock *out, cl_err *err)
{
    const char *now = getenv("CASELOAD_NOW");
    const char *today = getenv("CASELOAD_TODAY");
    if (now && *now) {
        char d[11];
        if (strlen(now) != 16 || now[10] != 'T')
            return cl_err_set(err, CL_EUSAGE, "CASELOAD_NOW: expected YYYY-MM-DDTHH:MM, got '%s'", now);
        memcpy(d, now, 10);
        d[10] = '\0';
        if (!date_parse_iso(d, &out->today) || !time_parse(now + 11, &out->minutes))
            return cl_err_set(err, CL_EUSAGE, "CASELOAD_NOW: '%s' is not a real date and time", now);
        return CL_OK;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    out->minutes = tm.tm_hour * 60 + tm.tm_min;
    if (today && *today) {
        if (!date_parse_iso(today, &out->today))
            return cl_err_set(err, CL_EUSAGE, "CASELOAD_TODAY: expected a real date YYYY-MM-DD, got '%s'", today);
        return CL_OK;
    }
    out->today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return CL_OK;
}

char *clock_stamp(const cl_clock *c, char *buf)
{
    char d[CL_DATE_LEN], t[CL_TIME_LEN];
    snprintf(buf, 17, "%sT%s", date_format(c->today, d), time_format(c->minutes, t));
    return buf;
}
