/* Fuzz target: the date and time parsers, including the import's dates and
 * the words for what is wrong with them, typed dates, birth dates as the
 * search reads them (and the starts of them, date_past_prefix), and PNC
 * numbers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/calendar.h"
#include "caseload/pnc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[64];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, n);
    buf[n] = '\0';
    static cl_calendar cal;
    static int ready;
    if (!ready) {
        cal_init(&cal);
        cal_load_builtin(&cal);
        ready = 1;
    }
    cl_date d;
    int m;
    char out[CL_DATE_LEN];
    if (date_parse(buf, &d)) {
        /* What parses must format back to a valid ISO date. */
        cl_date again;
        if (!date_parse_iso(date_format(d, out), &again) || again != d)
            abort();
    }
    /* The import's reading: the same verdict as date_parse, and a message
     * that starts with the text it was given. */
    char why[160];
    cl_date d2;
    date_problem p = date_read(buf, &d2);
    date_problem_text(p, buf, why, sizeof why);
    if ((p == DATE_READ_OK) != date_parse(buf, &d) || (p == DATE_READ_OK && d != d2) ||
        strncmp(why, buf, strlen(buf)))
        abort();
    if (time_parse(buf, &m) && (m < 0 || m >= 24 * 60))
        abort();
    if (cal_parse_typed(&cal, buf, date_from_ymd(2026, 11, 24), &d)) {
        int y, mo, dd;
        date_to_ymd(d, &y, &mo, &dd);
        if (!date_valid_ymd(y, mo, dd))
            abort();
    }
    cl_date today = date_from_ymd(2026, 11, 24);
    /* A date that can only be past (a contact, a review): a real day, never
     * later than the forward reading of the same text (03/12 looks back). */
    cl_date fwd;
    if (cal_parse_typed_past(&cal, buf, today, &d)) {
        int y, mo, dd;
        date_to_ymd(d, &y, &mo, &dd);
        if (!date_valid_ymd(y, mo, dd) || (cal_parse_typed(&cal, buf, today, &fwd) && d > fwd))
            abort();
    }
    if (date_parse_past(buf, today, &d)) {
        /* A birth date as the search reads it: a real day, which reads back
         * the same written in full. */
        int y, mo, dd;
        cl_date again_d;
        date_to_ymd(d, &y, &mo, &dd);
        if (!date_valid_ymd(y, mo, dd) || !date_parse_past(date_format(d, out), today, &again_d) || again_d != d)
            abort();
        /* Every start of it, as it was typed, could still become a date. */
        char part[sizeof buf];
        for (size_t i = 0; i <= n; i++) {
            memcpy(part, buf, i);
            part[i] = '\0';
            if (!date_past_prefix(part, today))
                abort();
        }
    } else {
        date_past_prefix(buf, today); /* any text: an answer, never a crash */
    }
    char pnc[32], again[32];
    if (pnc_normalise(buf, today, pnc, sizeof pnc)) {
        /* The stored form is 13 characters and normalises to itself. */
        if (strlen(pnc) != 13 || !pnc_normalise(pnc, today, again, sizeof again) || strcmp(pnc, again))
            abort();
    }
    /* Checked against a birth year: a PNC it accepts is one pnc_normalise
     * accepts, stored the same; a refusal always says why. */
    char pwhy[200] = "";
    bool ok = pnc_check(buf, today, date_from_ymd(1990, 2, 1), pnc, sizeof pnc, pwhy, sizeof pwhy);
    if (ok ? !pnc_normalise(buf, today, again, sizeof again) || strcmp(pnc, again) : !pwhy[0])
        abort();
    return 0;
}
