/* Settings: key (scope, key); importing adds or changes an office's figure. */
#include "caseload/store_write.h"
#include "store/store_int.h"

static void bind(sqlite3_stmt *s, int at, const void *rec)
{
    const cl_setting *v = rec;
    st_bind_rec_text(s, at + 1, v->scope);
    st_bind_rec_text(s, at + 2, v->key);
    st_bind_rec_text(s, at + 3, v->value);
}

static const st_upsert_sql q = {
    "setting",
    "SELECT value IS ?3 FROM setting WHERE scope = ?1 AND key = ?2",
    "INSERT INTO setting(scope, key, value) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    "UPDATE setting SET value = ?3 WHERE scope = ?1 AND key = ?2",
    NULL, 0, /* a few rows: no many-row insert */
};

int store_put_setting(cl_store *st, const cl_setting *v, store_put_res *res, cl_err *err)
{
    return st_upsert(st, &q, bind, v, res, err);
}
