/* The diary written out: iCalendar folding and escaping, UTC stamps across
 * summer time, the 80-column day list with long names and flags. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/diary_out.h"
#include "caseload/ref.h"
#include "caseload/textwidth.h"
#include "testutil.h"

static sched_day one_row(const char *location)
{
    sched_day d;
    memset(&d, 0, sizeof d);
    d.scope = STORE_DIARY_OFFICE;
    snprintf(d.code, sizeof d.code, "N1");
    snprintf(d.owner, sizeof d.owner, "Northtown");
    d.from = d.to = tu_date("2026-07-01");
    d.n = d.cap = 1;
    d.rows = calloc(1, sizeof *d.rows);
    sched_row *r = &d.rows[0];
    cl_appointment *a = &r->r.a;
    snprintf(a->id, sizeof a->id, "B0001");
    snprintf(a->crn, sizeof a->crn, "X100001");
    snprintf(a->officer, sizeof a->officer, "AB1");
    snprintf(a->office, sizeof a->office, "N1");
    snprintf(a->type, sizeof a->type, "CHVS");
    snprintf(a->status, sizeof a->status, "booked");
    snprintf(a->location, sizeof a->location, "%s", location);
    snprintf(r->where, sizeof r->where, "%s", location); /* as sched_day_load fills it */
    a->date = d.from;
    a->start = 9 * 60 + 30;
    a->end = 10 * 60 + 30;
    snprintf(r->r.forenames, sizeof r->r.forenames, "Siân");
    snprintf(r->r.surname, sizeof r->r.surname, "Llŷr-Ó Ceallaigh-Brontë-Nowak");
    r->moved_date = CL_DATE_NONE;
    r->risk.rosh = ROSH_VERY_HIGH;
    snprintf(r->flags, sizeof r->flags, "MAPPA 1/3; STAFF; RSO; SHPO; DA; CP; WEAPONS; ARSON; HATE");
    return d;
}

static char *write_ics(const sched_day *d, const char *now, bool names)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cl_clock c = {tu_date(now), 10 * 60};
    cl_err err = {0};
    cr_assert_eq(diary_write_ics(f, d, &c, names, &err), CL_OK);
    fclose(f);
    return buf;
}

Test(diary_out, ics_folds_at_75_octets_without_splitting_characters)
{
    sched_day d = one_row("Flat 3, Tŷ Gwyn; the long lane past the chapel, ŵŷâêîôû ŵŷâêîôû ŵŷâêîôû ŵŷâêîôû ŵŷâêîôû");
    char *ics = write_ics(&d, "2026-07-01", true);
    char *unfolded = malloc(strlen(ics) + 1);
    size_t u = 0;
    for (char *line = ics; *line;) {
        char *end = strstr(line, "\r\n");
        cr_assert_not_null(end, "every line ends CRLF");
        cr_assert_leq(end - line, 75, "line longer than 75 octets");
        if (line[0] == ' ') {
            cr_assert_neq((unsigned char)line[1] & 0xC0, 0x80, "a fold split a UTF-8 character");
            memcpy(unfolded + u, line + 1, (size_t)(end - line - 1));
            u += (size_t)(end - line - 1);
        } else {
            if (u)
                unfolded[u++] = '\n';
            memcpy(unfolded + u, line, (size_t)(end - line));
            u += (size_t)(end - line);
        }
        line = end + 2;
    }
    unfolded[u] = '\0';
    cr_assert(strstr(unfolded, "\nLOCATION:Flat 3\\, Tŷ Gwyn\\; the long lane past the chapel\\, ŵŷâêîôû"), "%s", unfolded);
    cr_assert(strstr(unfolded, "\nSUMMARY:Home visit: Siân Llŷr-Ó Ceallaigh-Brontë-Nowak (X100001)\n"), "%s", unfolded);
    cr_assert(strstr(unfolded, "\nDTSTART;TZID=Europe/London:20260701T093000\n"));
    cr_assert(strstr(unfolded, "\nDTEND;TZID=Europe/London:20260701T103000\n"));
    cr_assert(strstr(unfolded, "\nUID:B0001@caseload\n"));
    /* 10:00 in July is British Summer Time: 09:00 UTC. */
    cr_assert(strstr(unfolded, "\nDTSTAMP:20260701T090000Z\n"), "%s", unfolded);
    free(unfolded);
    free(ics);
    free(d.rows);
}

Test(diary_out, ics_stamp_in_winter_and_names_left_out)
{
    sched_day d = one_row("Room 2");
    char *ics = write_ics(&d, "2026-12-01", false);
    cr_assert(strstr(ics, "DTSTAMP:20261201T100000Z\r\n"));
    cr_assert(strstr(ics, "SUMMARY:Home visit: X100001\r\n"));
    cr_assert_null(strstr(ics, "Siân"));
    cr_assert_null(strstr(ics, "Llŷr"));
    free(ics);
    /* The last Sunday of October 2026 is the 25th: 00:30 is still summer time. */
    cl_clock c = {tu_date("2026-10-25"), 30};
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    cl_err err = {0};
    cr_assert_eq(diary_write_ics(f, &d, &c, false, &err), CL_OK);
    fclose(f);
    cr_assert(strstr(buf, "DTSTAMP:20261024T233000Z\r\n"), "%s", buf);
    free(buf);
    free(d.rows);
}

Test(diary_out, text_fits_80_columns_and_keeps_every_flag)
{
    /* Display widths come from the locale, as in the program (main sets it). */
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    sched_day d = one_row("Room 2");
    cl_clock c = {tu_date("2026-07-01"), 8 * 60};
    cl_err err = {0};
    size_t len;
    char *text = diary_text_string(&d, &c, &len, &err);
    cr_assert_not_null(text);
    free(d.rows);
    d.rows = NULL;
    /* Whole labels and the count of the rest, as on the screen; all of them below. */
    cr_assert(strstr(text, "09:30 Siân Llŷr-Ó C~ X100001 Very High STAFF +8     Home visit  AB1 Room 2\n"), "%s", text);
    cr_assert(strstr(text, "      Flags: MAPPA 1/3; STAFF; RSO; SHPO; DA; CP; WEAPONS; ARSON; HATE\n"), "%s", text);
    cr_assert(strstr(text, "Page 1 of 1\n"));
    cr_assert(strstr(text, "Printed Wed 01 Jul 2026 08:00\n"));
    free(text);
}

static char *day_text(sched_day *d)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    cl_clock c = {tu_date("2026-07-01"), 8 * 60};
    cl_err err = {0};
    char *text = diary_text_string(d, &c, NULL, &err);
    cr_assert_not_null(text, "%s", err.msg);
    free(d->rows);
    d->rows = NULL;
    return text;
}

/* A room number is never cut off: the location fits its column or follows
 * whole on its own line. */
Test(diary_out, text_keeps_the_whole_location)
{
    sched_day d = one_row("Interview room 6");
    d.scope = STORE_DIARY_OFFICER;
    char *text = day_text(&d);
    cr_assert(strstr(text, " Home visit  Interview room 6\n"), "%s", text);
    cr_assert_null(strstr(text, "Location:"), "%s", text);
    free(text);

    d = one_row("Interview room 6");
    text = day_text(&d);
    cr_assert(strstr(text, " Home visit  AB1 +\n      Flags: MAPPA 1/3; STAFF; RSO; SHPO; DA; CP; WEAPONS; ARSON; HATE\n"
                           "      Location: Interview room 6\n"), "%s", text);
    free(text);

    d = one_row("Community payback: charity shop, Queen Street");
    d.scope = STORE_DIARY_OFFICER;
    text = day_text(&d);
    cr_assert(strstr(text, " Home visit  Community +\n"), "%s", text);
    cr_assert(strstr(text, "      Location: Community payback: charity shop, Queen Street\n"), "%s", text);
    free(text);
}

/* The diary's status column shows an outcome's short words: each fits. */
Test(diary_out, every_outcome_has_short_words_that_fit_the_status_column)
{
    cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"));
    for (size_t i = 0; i < REF_OUTCOMES_N; i++) {
        const char *s = REF_OUTCOMES[i].short_name;
        cr_assert(s && s[0] && tw_width(s) <= REF_OUTCOME_SHORT_MAX, "%s: '%s'", REF_OUTCOMES[i].code, s ? s : "");
    }
}

/* A cancellation imported without who or when says so in the printout,
 * in words: never "(by , )" nor "(by (not recorded), when not recorded)". */
Test(diary_out, a_change_without_who_or_when_says_not_recorded)
{
    sched_day d = one_row("Room 2");
    snprintf(d.rows[0].r.a.status, sizeof d.rows[0].r.a.status, "cancelled");
    snprintf(d.rows[0].r.a.reason, sizeof d.rows[0].r.a.reason, "person in hospital");
    char *text = day_text(&d);
    cr_assert(strstr(text, "CANCELLED: person in hospital (who and when not recorded)\n"), "%s", text);
    cr_assert_null(strstr(text, "(by , )"), "%s", text);
    cr_assert_null(strstr(text, "(not recorded)"), "%s", text);
    free(text);

    d = one_row("Room 2");
    snprintf(d.rows[0].r.a.status, sizeof d.rows[0].r.a.status, "cancelled");
    text = day_text(&d);
    cr_assert(strstr(text, "CANCELLED (who and when not recorded)\n"), "%s", text);
    free(text);

    d = one_row("Room 2");
    snprintf(d.rows[0].r.a.status, sizeof d.rows[0].r.a.status, "cancelled");
    char *ics = write_ics(&d, "2026-07-01", false);
    char *w = ics; /* unfolded: a long line goes on after CRLF and a blank */
    for (const char *r = ics; *r; r++) {
        if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ')
            r += 2;
        else
            *w++ = *r;
    }
    *w = '\0';
    cr_assert(strstr(ics, "\\nCancelled (who and when not recorded)\r\n"), "%s", ics);
    free(ics);
    free(d.rows);
}

/* Who and when, each said missing on its own when an import left it out. */
Test(diary_out, who_and_when_of_a_change_in_words)
{
    cl_appointment a;
    memset(&a, 0, sizeof a);
    char buf[128];
    cr_assert_str_eq(sched_changed_words(&a, buf, sizeof buf), "who and when not recorded");
    snprintf(a.changed_by, sizeof a.changed_by, "AB1");
    cr_assert_str_eq(sched_changed_words(&a, buf, sizeof buf), "by AB1, when not recorded");
    snprintf(a.changed_at, sizeof a.changed_at, "2026-11-25T09:30");
    cr_assert_str_eq(sched_changed_words(&a, buf, sizeof buf), "by AB1, 2026-11-25T09:30");
    a.changed_by[0] = '\0';
    cr_assert_str_eq(sched_changed_words(&a, buf, sizeof buf), "2026-11-25T09:30, who not recorded");
}

/* A moved appointment says when it went, in the move form's words, never
 * the new appointment's id. */
Test(diary_out, a_moved_appointment_says_where_it_went)
{
    sched_day d = one_row("Room 2");
    sched_row *r = &d.rows[0];
    snprintf(r->r.a.status, sizeof r->r.a.status, "rescheduled");
    snprintf(r->r.a.reason, sizeof r->r.a.reason, "person asked");
    snprintf(r->r.a.replaced_by, sizeof r->r.a.replaced_by, "B85E5E270625CCE5E");
    r->moved_date = tu_date("2026-12-30");
    r->moved_start = 16 * 60 + 30;
    char *text = day_text(&d);
    cr_assert(strstr(text, "RESCHEDULED: person asked (who and when not recorded);\n"
                           "      moved to Wed 30 Dec 2026 16:30\n"), "%s", text);
    cr_assert_null(strstr(text, "B85E5E"), "%s", text);
    free(text);
    char buf[64];
    cr_assert_str_eq(sched_moved_to_words(tu_date("2026-12-30"), 16 * 60 + 30, buf, sizeof buf),
                     "moved to Wed 30 Dec 2026 16:30");
}

/* The day list's heading names a bank holiday or a weekend, from the
 * calendar; a long holiday name puts the time printed on its own line. */
Test(diary_out, the_heading_names_a_bank_holiday_or_weekend)
{
    cl_calendar cal;
    cal_init(&cal);
    cr_assert(cal_load_builtin(&cal));
    sched_day d = one_row("Room 2");
    d.cal = &cal;
    d.from = d.to = d.rows[0].r.a.date = tu_date("2026-12-25");
    char *text = day_text(&d);
    cr_assert(strstr(text, "\nFri 25 Dec 2026 (Christmas Day, bank holiday)      Printed Wed 01 Jul 2026 08:00\n"),
              "%s", text);
    free(text);

    d = one_row("Room 2");
    d.cal = &cal;
    d.from = d.to = d.rows[0].r.a.date = tu_date("2026-12-26");
    text = day_text(&d);
    cr_assert(strstr(text, "\nSat 26 Dec 2026 (weekend)"), "%s", text);
    free(text);

    d = one_row("Room 2");
    d.cal = &cal;
    d.from = d.to = d.rows[0].r.a.date = tu_date("2022-09-19");
    text = day_text(&d);
    cr_assert(strstr(text, "\nMon 19 Sep 2022 (Bank Holiday for the State Funeral of Queen Elizabeth II)\n"
                           "                                                   Printed Wed 01 Jul 2026 08:00\n"
                           "Time "),
              "%s", text);
    free(text);

    /* A week printed: each day's heading says it too. */
    d = one_row("Room 2");
    d.cal = &cal;
    d.from = tu_date("2026-12-21");
    d.to = tu_date("2026-12-27");
    d.rows[0].r.a.date = tu_date("2026-12-25");
    text = day_text(&d);
    cr_assert(strstr(text, "\nFri 25 Dec 2026 (Christmas Day, bank holiday)\n09:30 "), "%s", text);
    free(text);
    cal_free(&cal);
}
