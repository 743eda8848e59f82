/* Export: the header with every column of the kind in table order, then each
 * record in natural-key order, as caseload writes all CSV (CONVENTIONS.md). */
#include <errno.h>
#include <string.h>

#include "caseload/import.h"

typedef struct exporter {
    const csv_format *fmt;
    csv_out w;
} exporter;

static int row(void *arg, const void *rec)
{
    exporter *x = arg;
    for (size_t i = 0; i < x->fmt->ncols; i++) {
        char buf[64];
        csv_put_field(&x->w, cf_format(&x->fmt->cols[i], rec, buf, sizeof buf));
    }
    csv_end_row(&x->w);
    return ferror(x->w.f) ? CL_EIO : 0;
}

int exp_write(cl_store *st, const csv_format *fmt, FILE *out, cl_err *err)
{
    exporter x = {.fmt = fmt};
    csv_out_init(&x.w, out);
    for (size_t i = 0; i < fmt->ncols; i++)
        csv_put_field(&x.w, fmt->cols[i].name);
    csv_end_row(&x.w);
    int rc = store_each(st, fmt->store, row, &x, err);
    if (rc == CL_OK && fflush(out) != 0)
        rc = CL_EIO;
    if (rc == CL_EIO || ferror(out))
        return cl_err_set(err, CL_EIO, "writing the %s export: %s", fmt->kind, strerror(errno));
    return rc;
}
