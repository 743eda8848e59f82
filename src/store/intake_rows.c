/* Queries and writes behind court intake. */
#include <stdio.h>
#include <string.h>

#include "caseload/store_intake.h"
#include "store/store_int.h"

#define PERSON_COLS "crn, surname, forenames, date_of_birth, pnc, officer, office, status"

static int each_person(cl_store *st, sqlite3_stmt *s, store_intake_person_fn fn, void *arg, cl_err *err)
{
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cl_offender o;
        memset(&o, 0, sizeof o);
        st_col_copy(s, 0, o.crn, sizeof o.crn);
        st_col_copy(s, 1, o.surname, sizeof o.surname);
        st_col_copy(s, 2, o.forenames, sizeof o.forenames);
        o.date_of_birth = st_col_date(s, 3);
        st_col_copy(s, 4, o.pnc, sizeof o.pnc);
        st_col_copy(s, 5, o.officer, sizeof o.officer);
        st_col_copy(s, 6, o.office, sizeof o.office);
        st_col_copy(s, 7, o.status, sizeof o.status);
        fn(arg, &o);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "looking for the same person");
}

int store_intake_by_dob(cl_store *st, cl_date dob, store_intake_person_fn fn, void *arg, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT " PERSON_COLS " FROM offender WHERE date_of_birth = ? ORDER BY crn", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_date(s, 1, dob);
    return each_person(st, s, fn, arg, err);
}

int store_intake_by_pnc(cl_store *st, const char *pnc1, const char *pnc2, store_intake_person_fn fn,
                        void *arg, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT " PERSON_COLS " FROM offender WHERE pnc = ?1"
                                  " UNION SELECT " PERSON_COLS " FROM offender WHERE pnc = ?2 ORDER BY 1", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, pnc1);
    st_bind_text(s, 2, pnc2);
    return each_person(st, s, fn, arg, err);
}

int store_pnc_holder(cl_store *st, const char *pnc, const char *crn, char *holder, size_t len, cl_err *err)
{
    holder[0] = '\0';
    sqlite3_stmt *s = st_stmt(st, "SELECT crn FROM offender WHERE pnc = ?1 AND crn IS NOT ?2 ORDER BY crn LIMIT 1", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, pnc);
    st_bind_text(s, 2, crn);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        st_col_copy(s, 0, holder, len);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? CL_OK : st_fail(st, err, "looking up a PNC");
}

int store_intake_new_ref(cl_store *st, const char *prefix, char *out, size_t len, cl_err *err)
{
    static const char gen[] = "SELECT ?1 || printf('%06d', abs(random() % 1000000))";
    static const char used[] = "SELECT 1 FROM offender WHERE crn = ?";
    for (int tries = 0; tries < 100; tries++) {
        sqlite3_stmt *s = st_stmt(st, gen, err);
        if (!s)
            return err ? err->code : CL_ESOFTWARE;
        st_bind_text(s, 1, prefix);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            st_col_copy(s, 0, out, len);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW)
            return st_fail(st, err, "making a provisional reference");
        if (!(s = st_stmt(st, used, err)))
            return err ? err->code : CL_ESOFTWARE;
        st_bind_text(s, 1, out);
        rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc == SQLITE_DONE)
            return CL_OK;
        if (rc != SQLITE_ROW)
            return st_fail(st, err, "making a provisional reference");
    }
    return cl_err_set(err, CL_ESOFTWARE, "no free provisional reference after 100 tries");
}

int store_intake_new_id(cl_store *st, char prefix, char *out, size_t len, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "SELECT upper(hex(randomblob(6)))", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        snprintf(out, len, "%c%s", prefix, (const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? CL_OK : st_fail(st, err, "making a record id");
}

int store_intake_rename(cl_store *st, const char *old_crn, const char *new_crn, cl_err *err)
{
    sqlite3_stmt *s = st_stmt(st, "UPDATE offender SET crn = ?2 WHERE crn = ?1", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, old_crn);
    st_bind_text(s, 2, new_crn);
    int rc = st_exec_stmt(st, s, err, "replacing the reference");
    if (rc != CL_OK)
        return rc;
    if (sqlite3_changes(st->db) != 1)
        return cl_err_set(err, CL_ENOINPUT, "no person with reference '%s'", old_crn);
    /* Drafts name the person without a foreign key. */
    s = st_stmt(st, "UPDATE draft SET crn = ?2 WHERE crn = ?1", err);
    if (!s)
        return err ? err->code : CL_ESOFTWARE;
    st_bind_text(s, 1, old_crn);
    st_bind_text(s, 2, new_crn);
    return st_exec_stmt(st, s, err, "replacing the reference in drafts");
}
