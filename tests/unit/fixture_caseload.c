/* A small caseload written through the store's own write functions (the
 * same path import takes), shared by the unit tests and the UI tests' seeder
 * (tests/tools/seed_ui.c). Dates are written out by hand for
 * CASELOAD_NOW=2026-11-24T10:00 (a Tuesday). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/dates.h"
#include "caseload/store.h"
#include "caseload/store_write.h"
#include "fixture_caseload.h"

static cl_store *st;
static cl_err err;

static void die(const char *what)
{
    fprintf(stderr, "seed_ui: %s: %s\n", what, err.msg);
    exit(1);
}

static cl_date D(const char *iso)
{
    cl_date d;
    if (!date_parse_iso(iso, &d)) {
        fprintf(stderr, "seed_ui: bad date %s\n", iso);
        exit(1);
    }
    return d;
}

static int T(const char *hhmm)
{
    int m;
    return time_parse(hhmm, &m) ? m : -1;
}

static void office(const char *code, const char *name)
{
    cl_office o = {.hours_start = -1, .hours_end = -1};
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.name, sizeof o.name, "%s", name);
    if (store_put_office(st, &o, NULL, &err))
        die(code);
}

static void staff(const char *code, const char *name, const char *off)
{
    cl_staff s = {.hours = 37, .reduction_hours = 0};
    snprintf(s.code, sizeof s.code, "%s", code);
    snprintf(s.name, sizeof s.name, "%s", name);
    snprintf(s.grade, sizeof s.grade, "PO");
    snprintf(s.office, sizeof s.office, "%s", off);
    if (store_put_staff(st, &s, NULL, &err))
        die(code);
}

static void person(const char *crn, const char *surname, const char *forenames, const char *dob, const char *pnc,
                   const char *tier, const char *officer, const char *off, const char *status)
{
    cl_offender o;
    memset(&o, 0, sizeof o);
    snprintf(o.crn, sizeof o.crn, "%s", crn);
    snprintf(o.surname, sizeof o.surname, "%s", surname);
    snprintf(o.forenames, sizeof o.forenames, "%s", forenames);
    o.date_of_birth = D(dob);
    snprintf(o.gender, sizeof o.gender, "U");
    snprintf(o.pnc, sizeof o.pnc, "%s", pnc);
    snprintf(o.address, sizeof o.address, "1 Test Street, Caerdydd");
    snprintf(o.postcode, sizeof o.postcode, "CF10 1AA");
    snprintf(o.tier, sizeof o.tier, "%s", tier);
    snprintf(o.officer, sizeof o.officer, "%s", officer);
    snprintf(o.office, sizeof o.office, "%s", off);
    snprintf(o.status, sizeof o.status, "%s", status);
    if (store_put_offender(st, &o, NULL, &err))
        die(crn);
}

static void reg(const char *crn, const char *type, const char *cat, const char *level, const char *start,
                const char *review, const char *end, const char *by, const char *reason)
{
    cl_registration r;
    memset(&r, 0, sizeof r);
    snprintf(r.crn, sizeof r.crn, "%s", crn);
    snprintf(r.type, sizeof r.type, "%s", type);
    snprintf(r.category, sizeof r.category, "%s", cat);
    snprintf(r.level, sizeof r.level, "%s", level);
    r.start_date = D(start);
    r.review_date = review ? D(review) : CL_DATE_NONE;
    r.end_date = end ? D(end) : CL_DATE_NONE;
    r.reviewed_on = CL_DATE_NONE;
    r.notes = "";
    if (by) {
        snprintf(r.changed_by, sizeof r.changed_by, "%s", by);
        snprintf(r.changed_at, sizeof r.changed_at, "%sT09:00", end);
        snprintf(r.reason, sizeof r.reason, "%s", reason);
    }
    if (store_put_registration(st, &r, NULL, &err))
        die(type);
}

static void appt(const char *id, const char *crn, const char *date, const char *start, const char *end,
                 const char *type, const char *where)
{
    cl_appointment a;
    memset(&a, 0, sizeof a);
    snprintf(a.id, sizeof a.id, "%s", id);
    snprintf(a.crn, sizeof a.crn, "%s", crn);
    /* O1 is X100001's: another person's rows belong to no order (case_order_of). */
    snprintf(a.order_id, sizeof a.order_id, "%s", strcmp(crn, "X100001") ? "" : "O1");
    snprintf(a.officer, sizeof a.officer, "CDF02");
    a.date = D(date);
    a.start = T(start);
    a.end = T(end);
    snprintf(a.type, sizeof a.type, "%s", type);
    snprintf(a.location, sizeof a.location, "%s", where);
    a.notes = "";
    if (store_put_appointment(st, &a, NULL, &err))
        die(id);
}

static void contact(const char *id, const char *crn, const char *date, const char *time, const char *end,
                    const char *type, const char *outcome, const char *notes)
{
    cl_contact c;
    memset(&c, 0, sizeof c);
    snprintf(c.id, sizeof c.id, "%s", id);
    snprintf(c.crn, sizeof c.crn, "%s", crn);
    snprintf(c.order_id, sizeof c.order_id, "%s", strcmp(crn, "X100001") ? "" : "O1");
    snprintf(c.officer, sizeof c.officer, "CDF02");
    c.date = D(date);
    c.time = T(time);
    c.end = end ? T(end) : -1;
    snprintf(c.type, sizeof c.type, "%s", type);
    snprintf(c.outcome, sizeof c.outcome, "%s", outcome);
    c.notes = (char *)notes;
    c.respond_by = CL_DATE_NONE;
    if (store_put_contact(st, &c, NULL, &err))
        die(id);
}

void fx_seed_caseload(cl_store *store, int filler)
{
    st = store;
    if (store_begin(st, &err))
        die("begin");
    office("CDF", "Cardiff Probation Office");
    office("BRS", "Bristol Probation Office");
    staff("CDF02", "Rhiannon Evans", "CDF");
    staff("CDF03", "Niamh McAllister", "CDF");
    staff("BRS01", "Tom Baker", "BRS");

    person("X100001", "Llŷr", "Siân", "1982-06-11", "2000/0491869D", "A0", "CDF02", "CDF", "active");
    person("X100002", "Ó Ceallaigh", "Zoë", "1999-11-15", "2020/4229341L", "C2", "CDF02", "CDF", "active");
    person("X100003", "Ffrancon", "Rhodri", "1990-03-07", "2019/6478110J", "A1", "CDF03", "CDF", "active");
    person("X100004", "O'Brien", "Pádraig", "1998-09-26", "", "D1", "BRS01", "BRS", "active");
    person("X100005", "Quinn", "Mary", "1975-01-02", "1999/0000001A", "B2", "CDF02", "CDF", "closed");
    person("X100006", "\xe7\x8e\x8b", "\xe8\x8a\xb3", "1988-08-08", "", "C1", "CDF02", "CDF", "active");
    person("X100007", "Zoe\xcc\x88lle", "Ann", "1991-04-04", "", "C3", "CDF02", "CDF", "active");

    /* Siân: High RoSH, MAPPA 2/2 review overdue, risk to staff (High), domestic abuse ended. */
    reg("X100001", "RHRH", "", "", "2026-10-04", "2027-04-04", NULL, NULL, NULL);
    reg("X100001", "MAPP", "M2", "M2", "2026-02-28", "2026-11-20", NULL, NULL, NULL);
    reg("X100001", "AV2S", "", "H", "2026-03-21", "2027-03-21", NULL, NULL, NULL);
    reg("X100001", "ADVP", "", "", "2025-03-15", "2025-09-15", "2025-11-14", "CDF03", "risk reassessed after MARAC");
    reg("X100002", "RMRH", "", "", "2026-07-20", "2027-01-20", NULL, NULL, NULL);
    reg("X100003", "RLRH", "", "", "2026-01-10", "2026-07-10", NULL, NULL, NULL);
    reg("X100006", "RVHR", "", "", "2026-05-01", "2026-11-01", NULL, NULL, NULL);

    cl_order o = {.sentence_date = D("2025-09-08"), .end_date = D("2027-10-23"), .terminated = CL_DATE_NONE};
    snprintf(o.id, sizeof o.id, "O1");
    snprintf(o.crn, sizeof o.crn, "X100001");
    snprintf(o.type, sizeof o.type, "CO");
    snprintf(o.court, sizeof o.court, "Cardiff Magistrates' Court");
    if (store_put_order(st, &o, NULL, &err))
        die("order");
    cl_requirement w = {.length = 60, .start_date = D("2025-09-08")};
    snprintf(w.id, sizeof w.id, "R1");
    snprintf(w.order_id, sizeof w.order_id, "O1");
    snprintf(w.type, sizeof w.type, "W");
    snprintf(w.unit, sizeof w.unit, "hours");
    if (store_put_requirement(st, &w, NULL, &err))
        die("requirement");

    appt("A1", "X100001", "2026-11-17", "10:30", "11:00", "COAP", "Interview room 1");
    appt("A2", "X100001", "2026-11-24", "14:00", "15:00", "COAP", "Interview room 4");
    appt("A3", "X100001", "2026-12-01", "10:00", "11:00", "CHVS", "Home address");
    appt("A4", "X100002", "2026-11-24", "09:00", "09:30", "COAP", "Interview room 2");
    contact("C1", "X100001", "2026-11-17", "10:30", "11:00", "COAP", "ATTC", "Talked about the tenancy.");
    contact("C2", "X100001", "2026-11-07", "09:00", "12:30", "CUPA", "ATTC", "Unpaid work: park clearance.");
    contact("C3", "X100001", "2026-11-14", "09:00", "12:00", "CUPA", "ATTC", "Unpaid work: painting.");
    contact("C4", "X100002", "2026-09-01", "11:00", NULL, "CTOA", "", "Rang to rearrange.");

    for (int i = 0; i < filler; i++) {
        char crn[16], fore[32];
        snprintf(crn, sizeof crn, "X2%05d", i);
        snprintf(fore, sizeof fore, "Person %02d", i);
        person(crn, "Ab", fore, "1980-01-01", "", "C1", "CDF02", "CDF", "active");
    }
    if (store_commit(st, &err))
        die("commit");
}
