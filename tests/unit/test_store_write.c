/* The entity write layer: upsert by natural key reporting inserted, updated or
 * unchanged; contacts append-only; readers in key order. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "caseload/store_write.h"
#include "testutil.h"

static char *dir;
static cl_store *st;
static void setup(void)
{
    dir = tu_tmpdir();
    st = tu_open(dir, "w.db");
}
static void teardown(void)
{
    store_close(st);
    tu_rmtree(dir);
    free(dir);
}
TestSuite(store_write, .init = setup, .fini = teardown);

static store_put_res put_office(const char *code, const char *name)
{
    cl_office o = {.hours_start = -1, .hours_end = -1};
    snprintf(o.code, sizeof o.code, "%s", code);
    snprintf(o.name, sizeof o.name, "%s", name);
    store_put_res r = 99;
    cl_err err = {0};
    cr_assert_eq(store_put_office(st, &o, &r, &err), CL_OK, "%s", err.msg);
    return r;
}

static void base(void)
{
    cl_err err = {0};
    cr_assert_eq(store_begin(st, &err), CL_OK);
    put_office("N01", "Newtown");
    cl_staff s = {.code = "AB1", .name = "Ann Bell", .grade = "PO", .office = "N01", .hours = 37};
    cr_assert_eq(store_put_staff(st, &s, NULL, &err), CL_OK, "%s", err.msg);
    cl_offender p = {.crn = "X123456", .surname = "Llŷr", .forenames = "Siân",
                     .date_of_birth = tu_date("1990-02-03"), .officer = "AB1", .office = "N01"};
    cr_assert_eq(store_put_offender(st, &p, NULL, &err), CL_OK, "%s", err.msg);
}

Test(store_write, office_inserted_updated_unchanged)
{
    cl_err err = {0};
    cr_assert_eq(store_begin(st, &err), CL_OK);
    cr_assert_eq(put_office("N01", "Newtown"), STORE_INSERTED);
    cr_assert_eq(put_office("N01", "Newtown"), STORE_UNCHANGED);
    cr_assert_eq(put_office("N01", "New Town"), STORE_UPDATED);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cl_office o;
    cr_assert_eq(store_get_office(st, "N01", &o, &err), CL_OK);
    cr_assert_str_eq(o.name, "New Town");
    cr_assert_eq(o.hours_start, 9 * 60, "empty hours mean 09:00");
    cr_assert_eq(o.hours_end, 17 * 60);
    cr_assert_eq(store_get_office(st, "ZZZ", &o, &err), CL_ENOINPUT);
}

Test(store_write, refuses_outside_a_transaction)
{
    cl_office o = {.code = "N01", .name = "Newtown", .hours_start = -1, .hours_end = -1};
    cl_err err = {0};
    cr_assert_eq(store_put_office(st, &o, NULL, &err), CL_ESOFTWARE);
    cr_assert_eq(store_count(st, STORE_OFFICE), 0);
}

Test(store_write, offender_and_missing_reference)
{
    base();
    cl_err err = {0};
    cl_offender p = {.crn = "X123457", .surname = "Doe", .forenames = "Zoë",
                     .date_of_birth = tu_date("1991-01-01"), .office = "NOPE"};
    cr_assert_eq(store_put_offender(st, &p, NULL, &err), CL_EDATA, "foreign key refused");
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cl_offender got;
    cr_assert_eq(store_get_offender(st, "X123456", &got, &err), CL_OK);
    cr_assert_str_eq(got.forenames, "Siân");
    cr_assert_str_eq(got.status, "active", "status defaults to active");
    cr_assert(store_exists(st, STORE_OFFENDER, "X123456"));
    cr_assert_not(store_exists(st, STORE_OFFENDER, "X123457"));
}

Test(store_write, appointment_takes_the_officers_office)
{
    base();
    cl_err err = {0};
    cl_appointment a = {.id = "A1", .crn = "X123456", .officer = "AB1", .date = tu_date("2026-11-24"),
                        .start = 600, .end = 630, .type = "COAP", .notes = "Bring ID, \"please\""};
    store_put_res r;
    cr_assert_eq(store_put_appointment(st, &a, &r, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(r, STORE_INSERTED);
    cr_assert_eq(store_put_appointment(st, &a, &r, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(r, STORE_UNCHANGED, "office and status defaults compare equal");
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cl_appointment got;
    cr_assert_eq(store_get_appointment(st, "A1", &got, &err), CL_OK);
    cr_assert_str_eq(got.office, "N01");
    cr_assert_str_eq(got.status, "booked");
    cr_assert_str_eq(got.notes, "Bring ID, \"please\"");
    cr_assert_eq(got.start, 600);
    cl_appointment_clear(&got);
}

Test(store_write, contacts_are_append_only)
{
    base();
    cl_err err = {0};
    cl_contact c = {.id = "C1", .crn = "X123456", .date = tu_date("2026-11-20"), .time = 600,
                    .end = -1, .type = "CTOB", .notes = "rang", .respond_by = CL_DATE_NONE};
    store_put_res r;
    cr_assert_eq(store_put_contact(st, &c, &r, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(r, STORE_INSERTED);
    cr_assert_eq(store_put_contact(st, &c, &r, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(r, STORE_UNCHANGED);
    c.notes = "rang twice";
    cr_assert_eq(store_put_contact(st, &c, &r, &err), CL_EDATA);
    cr_assert(strstr(err.msg, "cannot be changed"), "%s", err.msg);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cl_contact got;
    cr_assert_eq(store_get_contact(st, "C1", &got, &err), CL_OK);
    cr_assert_str_eq(got.notes, "rang");
    cr_assert_str_eq(got.created_by, "TEST");
    cr_assert_str_eq(got.created_at, "2026-11-24T09:00");
    cl_contact_clear(&got);
}

Test(store_write, registration_key_is_crn_type_start)
{
    base();
    cl_err err = {0};
    cl_registration g = {.crn = "X123456", .type = "RHRH", .start_date = tu_date("2026-01-05"),
                         .review_date = tu_date("2026-07-05"), .end_date = CL_DATE_NONE,
                         .reviewed_on = CL_DATE_NONE};
    store_put_res r;
    cr_assert_eq(store_put_registration(st, &g, &r, &err), CL_OK, "%s", err.msg);
    cr_assert_eq(r, STORE_INSERTED);
    cr_assert_eq(store_put_registration(st, &g, &r, &err), CL_OK);
    cr_assert_eq(r, STORE_UNCHANGED, "registered_by empty keeps the stamp");
    g.end_date = tu_date("2026-03-01");
    cr_assert_eq(store_put_registration(st, &g, &r, &err), CL_OK);
    cr_assert_eq(r, STORE_UPDATED);
    cr_assert_eq(store_commit(st, &err), CL_OK);
    cr_assert_eq(store_count(st, STORE_REGISTRATION), 1);
}

static int collect(void *arg, const void *rec)
{
    const cl_office *o = rec;
    strcat(arg, o->code);
    strcat(arg, " ");
    return 0;
}

Test(store_write, each_walks_in_key_order)
{
    cl_err err = {0};
    cr_assert_eq(store_begin(st, &err), CL_OK);
    put_office("S02", "South");
    put_office("A01", "Abbey");
    put_office("M01", "Mill");
    cr_assert_eq(store_commit(st, &err), CL_OK);
    char buf[64] = "";
    cr_assert_eq(store_each(st, STORE_OFFICE, collect, buf, &err), CL_OK);
    cr_assert_str_eq(buf, "A01 M01 S02 ");
}
