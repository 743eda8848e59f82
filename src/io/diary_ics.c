/* The diary as iCalendar (RFC 5545): CRLF line ends, content lines folded at
 * 75 octets (never inside a UTF-8 character), TEXT values escaped, stable
 * UIDs from appointment ids, local times in Europe/London with its VTIMEZONE,
 * DTSTAMP in UTC. People appear by CRN only unless names are asked for, so a
 * calendar on a phone does not carry names. */
#include <stdio.h>
#include <string.h>

#include "caseload/diary_out.h"
#include "caseload/ref.h"

/* One content line, folded: after 75 octets, CRLF and a space. */
static void line(FILE *f, const char *s)
{
    size_t n = strlen(s), col = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xC0)
            while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80)
                len++;
        if (col + len > 75) {
            fputs("\r\n ", f);
            col = 1;
        }
        fwrite(s + i, 1, len, f);
        col += len;
        i += len;
    }
    fputs("\r\n", f);
}

/* NAME:value with value escaped as TEXT (backslash, semicolon, comma, newline). */
static void text_prop(FILE *f, const char *name, const char *value)
{
    char buf[2048];
    size_t o = (size_t)snprintf(buf, sizeof buf, "%s:", name);
    for (const char *p = value; *p && o + 3 < sizeof buf; p++) {
        if (*p == '\\' || *p == ';' || *p == ',') {
            buf[o++] = '\\';
            buf[o++] = *p;
        } else if (*p == '\n') {
            buf[o++] = '\\';
            buf[o++] = 'n';
        } else if (*p != '\r') {
            buf[o++] = *p;
        }
    }
    buf[o] = '\0';
    line(f, buf);
}

static cl_date last_sunday(int y, int m, int mdays)
{
    cl_date d = date_from_ymd(y, m, mdays);
    return d - (date_weekday(d) + 1) % 7;
}

/* UK civil time to UTC: British Summer Time runs from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October. Plain
 * arithmetic, no TZ database and no localtime(). */
static void london_to_utc(cl_date d, int minutes, cl_date *ud, int *um)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    cl_date mar = last_sunday(y, 3, 31), oct = last_sunday(y, 10, 31);
    bool bst = (d > mar || (d == mar && minutes >= 60)) && (d < oct || (d == oct && minutes < 120));
    int t = minutes - (bst ? 60 : 0);
    *ud = d;
    if (t < 0) {
        t += 24 * 60;
        (*ud)--;
    }
    *um = t;
}

static void stamp(char *buf, size_t len, cl_date d, int minutes, bool utc)
{
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    snprintf(buf, len, "%04d%02d%02dT%02d%02d00%s", y % 10000, m % 100, day % 100, (minutes / 60) % 100,
             minutes % 60, utc ? "Z" : "");
}

static const char *const VTIMEZONE[] = {
    "BEGIN:VTIMEZONE", "TZID:Europe/London",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
    "DTSTART:19810329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
    "DTSTART:19961027T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
};

int diary_write_ics(FILE *f, const sched_day *d, const cl_clock *now, bool names, cl_err *err)
{
    char buf[1024], dtstamp[32];
    cl_date ud;
    int um;
    london_to_utc(now->today, now->minutes, &ud, &um);
    stamp(dtstamp, sizeof dtstamp, ud, um, true);
    line(f, "BEGIN:VCALENDAR");
    line(f, "VERSION:2.0");
    line(f, "PRODID:-//caseload//diary " CASELOAD_VERSION "//EN");
    line(f, "CALSCALE:GREGORIAN");
    line(f, "METHOD:PUBLISH");
    snprintf(buf, sizeof buf, "caseload diary %s", d->code);
    text_prop(f, "X-WR-CALNAME", buf);
    line(f, "X-WR-TIMEZONE:Europe/London");
    for (size_t i = 0; i < sizeof VTIMEZONE / sizeof VTIMEZONE[0]; i++)
        line(f, VTIMEZONE[i]);
    for (size_t i = 0; i < d->n; i++) {
        const sched_row *r = &d->rows[i];
        const cl_appointment *a = &r->r.a;
        const ref_contact_type *ty = ref_find_contact_type(a->type);
        bool booked = !strcmp(a->status, "booked");
        char t[32];
        line(f, "BEGIN:VEVENT");
        snprintf(buf, sizeof buf, "%s@caseload", a->id);
        text_prop(f, "UID", buf);
        snprintf(buf, sizeof buf, "DTSTAMP:%s", dtstamp);
        line(f, buf);
        stamp(t, sizeof t, a->date, a->start, false);
        snprintf(buf, sizeof buf, "DTSTART;TZID=Europe/London:%s", t);
        line(f, buf);
        stamp(t, sizeof t, a->date, a->end > a->start ? a->end : a->start, false);
        snprintf(buf, sizeof buf, "DTEND;TZID=Europe/London:%s", t);
        line(f, buf);
        if (names)
            snprintf(buf, sizeof buf, "%s: %s %s (%s)", ty ? ty->name : a->type, r->r.forenames,
                     r->r.surname, a->crn);
        else
            snprintf(buf, sizeof buf, "%s: %s", ty ? ty->name : a->type, a->crn);
        text_prop(f, "SUMMARY", buf);
        if (a->location[0])
            text_prop(f, "LOCATION", a->location);
        int n = snprintf(buf, sizeof buf, "RoSH: %s. Flags: %s. Officer: %s.", risk_rosh_word(r->risk.rosh),
                         r->flags[0] ? r->flags : "none", a->officer);
        char who[128];
        if (!booked && n > 0 && (size_t)n < sizeof buf)
            snprintf(buf + n, sizeof buf - (size_t)n, "\n%s%s%s (%s)",
                     !strcmp(a->status, "cancelled") ? "Cancelled" : "Rescheduled", a->reason[0] ? ": " : "",
                     a->reason, sched_changed_words(a, who, sizeof who));
        text_prop(f, "DESCRIPTION", buf);
        line(f, booked ? "STATUS:CONFIRMED" : "STATUS:CANCELLED");
        line(f, booked ? "SEQUENCE:0" : "SEQUENCE:1");
        line(f, "END:VEVENT");
    }
    line(f, "END:VCALENDAR");
    if (ferror(f))
        return cl_err_set(err, CL_EIO, "cannot write the calendar");
    return CL_OK;
}
