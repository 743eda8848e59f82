/* What a column's type and reference say beyond its value (csv_format.h):
 * derived from the column tables, so a new kind gets them without a flag. */
#include "caseload/csv_format.h"

bool cf_is_code(const csv_format *fmt, const csv_column *col)
{
    if (col->type != CF_TEXT)
        return false;
    if (col->ref == STORE_STAFF || col->ref == STORE_OFFICE)
        return true;
    return (col->flags & CF_KEY) && (fmt->store == STORE_STAFF || fmt->store == STORE_OFFICE);
}

const csv_column *cf_person_col(const csv_format *fmt)
{
    for (size_t i = 0; i < fmt->ncols; i++)
        if (fmt->cols[i].type == CF_CRN)
            return &fmt->cols[i];
    return NULL;
}

bool cf_is_persons(const csv_format *fmt, const csv_column *col)
{
    /* An order, or the appointment a contact records (an appointment's own
     * references to appointments are rows of the same file). */
    bool owned = col->ref == STORE_ORDER || (col->ref == STORE_APPOINTMENT && fmt->store != STORE_APPOINTMENT);
    return owned && cf_person_col(fmt) != NULL;
}
