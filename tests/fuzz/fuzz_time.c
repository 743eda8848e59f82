/* Fuzz target: the time parsers. A time of day (HH:MM), and the clock's
 * CASELOAD_NOW / CASELOAD_TODAY values as the environment gives them. What
 * parses must format back to the same value; nothing may crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/clock.h"
#include "caseload/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[96];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, n);
    buf[n] = '\0';

    int m, again;
    char t[CL_TIME_LEN];
    if (time_parse(buf, &m)) {
        if (m < 0 || m >= 24 * 60 || !time_parse(time_format(m, t), &again) || again != m)
            abort();
    }

    /* putenv with our own buffers: setenv copies every new value and never
     * frees the old one, which a fuzzer's millions of calls turn into an
     * out-of-memory of the harness itself. */
    static char now_env[128], today_env[128];
    cl_clock c;
    cl_err err = {0};
    char stamp[20], day[CL_DATE_LEN];
    unsetenv("CASELOAD_TODAY");
    snprintf(now_env, sizeof now_env, "CASELOAD_NOW=%s", buf);
    putenv(now_env);
    if (clock_read(&c, &err) == CL_OK) {
        int y, mo, d;
        date_to_ymd(c.today, &y, &mo, &d);
        if (!date_valid_ymd(y, mo, d) || c.minutes < 0 || c.minutes >= 24 * 60)
            abort();
        /* A clock set from a stamp gives the same stamp back. */
        clock_stamp(&c, stamp);
        snprintf(now_env, sizeof now_env, "CASELOAD_NOW=%s", stamp);
        putenv(now_env);
        cl_clock c2;
        if (clock_read(&c2, &err) != CL_OK || c2.today != c.today || c2.minutes != c.minutes)
            abort();
    } else if (err.code != CL_EUSAGE || !err.msg[0]) {
        abort(); /* a refusal always says why */
    }
    unsetenv("CASELOAD_NOW");
    snprintf(today_env, sizeof today_env, "CASELOAD_TODAY=%s", buf);
    putenv(today_env);
    err.code = 0, err.msg[0] = '\0';
    if (clock_read(&c, &err) == CL_OK) {
        if (strcmp(date_format(c.today, day), buf) != 0 && date_parse_iso(buf, &(cl_date){0}))
            abort();
    } else if (err.code != CL_EUSAGE || !err.msg[0]) {
        abort();
    }
    unsetenv("CASELOAD_TODAY");
    return 0;
}
