/* Who may hold a case, on import: allocate's holder rule (alloc_holder_words)
 * for every case the file gives an officer, unless closed, and the grade
 * rules (alloc_held_words) as a warning. The staff are read once
 * (a few thousand at national scale), so a row costs one binary search. */
#include <stdlib.h>
#include <string.h>

#include "caseload/alloc.h"
#include "caseload/grow.h"
#include "caseload/store_alloc.h"
#include "io/imp_int.h"

static int by_code(const void *a, const void *b)
{
    return strcmp(((const cl_staff *)a)->code, ((const cl_staff *)b)->code);
}

static int add_staff(void *arg, const void *record)
{
    imp_holder *h = arg;
    if (h->n == h->cap) {
        cl_staff *p = cl_grow(h->staff, &h->cap, sizeof *p);
        if (!p)
            return 1;
        h->staff = p;
    }
    h->staff[h->n++] = *(const cl_staff *)record;
    return 0;
}

int imp_holder_init(imp_holder *h, cl_store *st, cl_err *err)
{
    memset(h, 0, sizeof *h);
    cl_clock now;
    int rc = clock_read(&now, err);
    if (rc != CL_OK)
        return rc;
    h->today = now.today;
    rc = store_each(st, STORE_STAFF, add_staff, h, err);
    if (rc == 1)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK)
        return rc;
    if (h->n)
        qsort(h->staff, h->n, sizeof *h->staff, by_code);
    return CL_OK;
}

void imp_holder_free(imp_holder *h)
{
    free(h->staff);
    memset(h, 0, sizeof *h);
}

int imp_holder_row(imp_holder *h, cl_store *st, bool first_load, const cl_offender *o, char *warn, size_t wlen,
                   cl_err *why)
{
    warn[0] = '\0';
    if (!o->officer[0] || !strcmp(o->status, "closed"))
        return CL_OK;
    cl_staff key;
    memcpy(key.code, o->officer, sizeof key.code);
    const cl_staff *s = h->n ? bsearch(&key, h->staff, h->n, sizeof *h->staff, by_code) : NULL;
    if (!s)
        return CL_OK; /* not a staff code: the reference check reports it */
    char words[768];
    int b = alloc_holder_words(o->crn, s, o->office, words, sizeof words);
    /* The grade rules: the national system's data is taken (its overrides
     * are not in the file), and said; the due list then asks for it. */
    if (b == ALLOC_OK)
        return alloc_held_words(st, s, o->crn, o->tier, o->office, h->today, !first_load, warn, wlen, why) < 0
                   ? why->code : CL_OK;
    if (b == ALLOC_OFFICE && !first_load) {
        /* The holder the database has already (an override allowed it, as a
         * re-import of an export gives it again) is no new allocation. */
        store_alloc_offender was;
        cl_err e = {0};
        int rc = store_alloc_offender_get(st, o->crn, &was, &e);
        if (rc == CL_OK && !strcmp(was.officer, o->officer) && !strcmp(was.office, o->office))
            return CL_OK;
        if (rc != CL_OK && rc != CL_ENOINPUT) {
            *why = e;
            return rc;
        }
    }
    if (b == ALLOC_OFFICE)
        return cl_err_set(why, CL_EDATA, "%s (an import gives no override: import the case with office %s, or"
                                         " allocate it after the import with --override)", words, s->office);
    return cl_err_set(why, CL_EDATA, "%s", words);
}
