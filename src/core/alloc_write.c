/* Allocating and transferring cases: the rules, the override and its record,
 * and the appointments that go with a case. */
#include <stdio.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/case_open.h"
#include "caseload/store_alloc.h"
#include "caseload/store_write.h"
#include "core/alloc_int.h"

static bool blank(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            return false;
    return true;
}

/* JSON-safe copy for an audit detail: quotes and backslashes escaped, controls dropped. */
static void json_text(char *out, size_t len, const char *in)
{
    size_t j = 0;
    for (; in && *in && j + 2 < len; in++) {
        unsigned char ch = (unsigned char)*in;
        if (ch < 0x20)
            continue;
        if (ch == '"' || ch == '\\')
            out[j++] = '\\';
        out[j++] = (char)ch;
    }
    out[j] = '\0';
}

/* The rules for one case and officer, with the override when needed. */
static int check_rules(cl_app *app, const char *crn, const alloc_case *c, const cl_staff *s,
                       const char *override, bool office_rule, int *breaches, cl_err *err)
{
    *breaches = alloc_check(c, s->grade, office_rule ? s->office : NULL);
    if (*breaches == ALLOC_OK)
        return CL_OK;
    char why[512], words[768];
    alloc_explain(*breaches, s->grade, c, why, sizeof why);
    alloc_breach_words(crn, s, *breaches, c, words, sizeof words);
    if (*breaches & (ALLOC_NO_CASELOAD | ALLOC_UNKNOWN_GRADE))
        return cl_err_set(err, CL_EDATA, "%s", words);
    if (blank(override))
        return cl_err_set(err, CL_EDATA, "%s; give --override REASON to allocate anyway", words);
    char detail[1024], r[400], w[512];
    json_text(r, sizeof r, override);
    json_text(w, sizeof w, why);
    snprintf(detail, sizeof detail, "{\"officer\":\"%s\",\"grade\":\"%s\",\"rules\":\"%s\",\"reason\":\"%s\"}",
             s->code, s->grade, w, r);
    return store_audit(app->store, "override", "offender", crn, crn, detail, err);
}

static int reason_code(const char *reason, const char **out, cl_err *err)
{
    *out = NULL;
    if (!reason || !*reason)
        return CL_OK;
    *out = ref_lookup(&ALLOC_REASONS, reason);
    if (!*out) {
        char list[256] = "";
        for (size_t i = 0; i < ALLOC_REASONS.n; i++) {
            strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
            strncat(list, ALLOC_REASONS.items[i].code, sizeof list - strlen(list) - 1);
        }
        return cl_err_set(err, CL_EUSAGE, "reason '%s' is not one of: %s", reason, list);
    }
    return CL_OK;
}

/* The case as it stands; CL_EDATA when it is closed. */
static int active_case(cl_app *app, const char *crn, store_alloc_offender *o, cl_err *err)
{
    int rc = store_alloc_offender_get(app->store, crn, o, err);
    if (rc == CL_OK && strcmp(o->status, "active"))
        rc = cl_err_set(err, CL_EDATA, "%s is closed: reopen the case before it is allocated or transferred", crn);
    return rc;
}

/* One history row: from where the case was, to where it goes. */
static void history_row(store_alloc_row *row, const char *kind, const store_alloc_offender *o,
                        const char *to_officer, const char *to_office, const char *reason,
                        const char *override)
{
    memset(row, 0, sizeof *row);
    snprintf(row->crn, sizeof row->crn, "%s", o->crn);
    snprintf(row->kind, sizeof row->kind, "%s", kind);
    snprintf(row->from_officer, sizeof row->from_officer, "%s", o->officer);
    snprintf(row->from_office, sizeof row->from_office, "%s", o->office);
    snprintf(row->to_officer, sizeof row->to_officer, "%s", to_officer ? to_officer : "");
    snprintf(row->to_office, sizeof row->to_office, "%s", to_office);
    snprintf(row->reason, sizeof row->reason, "%s", reason ? reason : "");
    snprintf(row->override, sizeof row->override, "%s", override ? override : "");
}

static int allocate_one(cl_app *app, const char *crn, const cl_staff *s, const char *reason,
                        const char *override, bool move_appts, bool *recorded, cl_err *err)
{
    *recorded = false;
    store_alloc_offender o;
    int rc = active_case(app, crn, &o, err);
    if (rc != CL_OK)
        return rc;
    alloc_case c;
    if ((rc = alloc_case_load(app, crn, &c, err)) != CL_OK)
        return rc;
    /* To the officer who holds it: nothing to change (the holding, and when
     * it began, stay as they are), unless the holding breaks the rules and
     * the override for it is being recorded now; with move_appts only the
     * appointments follow (the caller's). */
    bool same = !strcmp(o.officer, s->code);
    bool recorded_before = false;
    if (same && (rc = store_alloc_holding_override(app->store, crn, o.officer, o.office, &recorded_before, err)))
        return rc;
    bool to_record = same && !recorded_before && !blank(override) && alloc_check(&c, s->grade, s->office);
    if (same && !to_record && move_appts)
        return CL_OK;
    if (same && (alloc_check(&c, s->grade, s->office) == ALLOC_OK || recorded_before))
        return cl_err_set(err, CL_EDATA, "%s is already held by %s%s: nothing changed", crn, s->code,
                          recorded_before ? ", with an override recorded" : "");
    int breaches;
    if ((rc = check_rules(app, crn, &c, s, override, true, &breaches, err)) != CL_OK)
        return rc;
    if (!same && (rc = store_alloc_set(app->store, crn, s->code, o.office, err)) != CL_OK)
        return rc;
    if ((rc = store_alloc_complete_pending(app->store, crn, err)) != CL_OK)
        return rc;
    store_alloc_row row;
    history_row(&row, "allocate", &o, s->code, o.office, reason, breaches ? override : NULL);
    *recorded = breaches != ALLOC_OK;
    return store_alloc_record(app->store, &row, err);
}

int alloc_staff_get(cl_app *app, const char *code, cl_staff *out, cl_err *err)
{
    int rc = store_get_staff(app->store, code, out, err);
    /* A mistyped code is a usage error (64), as the global --officer's is. */
    if (rc == CL_ENOINPUT)
        return case_check_staff(app->store, code, err);
    return rc;
}

int alloc_allocate(cl_app *app, const char *crn, const char *officer, const char *reason,
                   const char *override, cl_err *err)
{
    return alloc_allocate_appts(app, crn, officer, reason, override, false, false, NULL, err);
}

int alloc_allocate_appts(cl_app *app, const char *crn, const char *officer, const char *reason,
                         const char *override, bool move_appts, bool double_book, alloc_transfer_result *res, cl_err *err)
{
    if (res)
        memset(res, 0, sizeof *res);
    const char *rcode;
    int rc = reason_code(reason, &rcode, err);
    if (rc != CL_OK)
        return rc;
    cl_staff s;
    if ((rc = alloc_staff_get(app, officer, &s, err)) != CL_OK)
        return rc;
    bool own;
    if ((rc = store_begin_own(app->store, &own, err)) != CL_OK)
        return rc;
    store_action(app->store, "allocate", rcode ? ref_name(&ALLOC_REASONS, rcode) : NULL, NULL);
    bool recorded;
    rc = allocate_one(app, crn, &s, rcode, override, move_appts, &recorded, err);
    if (rc == CL_OK && res)
        res->override_recorded = recorded;
    if (rc == CL_OK && move_appts) {
        alloc_transfer_result scratch;
        alloc_follow f = {false, NULL, s.code, s.office, double_book, NULL};
        if (!res)
            memset(res = &scratch, 0, sizeof scratch);
        rc = alloc_appts_follow(app, crn, &f, res, err);
    }
    return store_end_own(app->store, own, rc, err);
}

static int transfer_one(cl_app *app, const alloc_transfer_req *req, const char *crn,
                        const cl_staff *to, const char *to_office, const char *reason,
                        alloc_transfer_result *res, cl_err *err)
{
    store_alloc_offender o;
    int rc = active_case(app, crn, &o, err);
    if (rc != CL_OK)
        return rc;
    /* Sent again where it waits already: a new pending row would replace the
     * first, and with it where the case came from. */
    if (!to && !o.officer[0] && !strcmp(o.office, to_office))
        return cl_err_set(err, CL_EDATA, "%s is already waiting for an officer at %s: allocate it there, or transfer"
                                         " it to another office", crn, to_office);
    int breaches = 0;
    if (to) {
        alloc_case c;
        if ((rc = alloc_case_load(app, crn, &c, err)) != CL_OK)
            return rc;
        /* A transfer moves the office with the case: the office rule does not apply. */
        if ((rc = check_rules(app, crn, &c, to, req->override, false, &breaches, err)) != CL_OK)
            return rc;
    }
    /* A case waiting at an office and sent on: where it came from is the
     * pending transfer's (the officer who last held it), not the office it
     * waited at. */
    store_alloc_offender from = o;
    bool pending = false;
    if (!o.officer[0] && (rc = store_alloc_pending_from(app->store, crn, from.officer, sizeof from.officer,
                                                        from.office, sizeof from.office, &pending, err)) != CL_OK)
        return rc;
    if ((rc = store_alloc_set(app->store, crn, to ? to->code : NULL, to_office, err)) != CL_OK)
        return rc;
    /* Only one transfer of a case is pending at a time: a newer one replaces it. */
    if ((rc = store_alloc_complete_pending(app->store, crn, err)) != CL_OK)
        return rc;

    char why[160];
    snprintf(why, sizeof why, "case transferred to %s", to ? to->code : to_office);
    alloc_follow f = {req->appts == ALLOC_APPTS_CANCEL, why, to ? to->code : NULL, to_office, req->double_book, NULL};
    if ((rc = alloc_appts_follow(app, crn, &f, res, err)) != CL_OK)
        return rc;
    const char *appts = f.cancel ? "cancelled" : to ? "moved" : "kept";

    store_alloc_row row;
    history_row(&row, "transfer", &from, to ? to->code : NULL, to_office, reason, breaches ? req->override : NULL);
    snprintf(row.appointments, sizeof row.appointments, "%s", appts);
    snprintf(row.status, sizeof row.status, "%s", to ? "done" : "pending");
    if ((rc = store_alloc_record(app->store, &row, err)) != CL_OK)
        return rc;
    res->cases++;
    return CL_OK;
}

int alloc_transfer(cl_app *app, const alloc_transfer_req *req, alloc_transfer_result *res, cl_err *err)
{
    memset(res, 0, sizeof *res);
    if (!req->n)
        return cl_err_set(err, CL_EUSAGE, "no case to transfer");
    const char *rcode;
    int rc = reason_code(req->reason, &rcode, err);
    if (rc != CL_OK)
        return rc;
    cl_staff to;
    const char *to_office = req->to_office;
    if (req->to_officer) {
        if ((rc = alloc_staff_get(app, req->to_officer, &to, err)) != CL_OK)
            return rc;
        if (to_office && *to_office && strcmp(to_office, to.office))
            return cl_err_set(err, CL_EUSAGE, "officer %s works in office %s, not %s", to.code,
                              to.office, to_office);
        to_office = to.office;
    } else if (!to_office || !*to_office)
        return cl_err_set(err, CL_EUSAGE, "transfer to whom? give an officer or an office");
    bool own;
    if ((rc = store_begin_own(app->store, &own, err)) != CL_OK)
        return rc;
    store_action(app->store, "transfer", rcode ? ref_name(&ALLOC_REASONS, rcode) : NULL, NULL);
    for (size_t i = 0; i < req->n && rc == CL_OK; i++) {
        for (size_t j = 0; j < i; j++)
            if (!strcmp(req->crns[i], req->crns[j])) {
                rc = cl_err_set(err, CL_EUSAGE, "%s is given twice", req->crns[i]);
                break;
            }
        if (rc == CL_OK)
            rc = transfer_one(app, req, req->crns[i], req->to_officer ? &to : NULL, to_office,
                              rcode, res, err);
    }
    rc = store_end_own(app->store, own, rc, err);
    if (rc != CL_OK) {
        memset(res, 0, sizeof *res);
        if (rc == CL_EDATA && strstr(err->msg, "FOREIGN KEY"))
            cl_err_set(err, CL_EUSAGE, "office '%s' is not an office code", to_office);
    }
    return rc;
}
