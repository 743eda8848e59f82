/* An office's own figures for the timescales not fixed nationally. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/store_setting.h"
#include "caseload/timescale.h"

static void on_row(void *arg, const char *scope, const char *key, const char *value)
{
    ts_settings *s = arg;
    if (s->oom)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        struct ts_setting_row *r = realloc(s->row, cap * sizeof *r);
        if (!r) {
            s->oom = true;
            return;
        }
        s->row = r;
        s->cap = cap;
    }
    struct ts_setting_row *r = &s->row[s->n++];
    snprintf(r->scope, sizeof r->scope, "%s", scope ? scope : "");
    snprintf(r->key, sizeof r->key, "%s", key ? key : "");
    snprintf(r->value, sizeof r->value, "%s", value ? value : "");
}

int ts_settings_load(cl_store *st, ts_settings *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = store_setting_each(st, on_row, out, err);
    if (rc == CL_OK && out->oom)
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK)
        ts_settings_free(out);
    return rc;
}

void ts_settings_free(ts_settings *s)
{
    free(s->row);
    memset(s, 0, sizeof *s);
}

/* The office's row for a key, else the all-office row; NULL when neither. */
static const char *value_of(const ts_settings *s, const char *office, const char *key)
{
    const char *all = NULL;
    for (size_t i = 0; i < s->n; i++) {
        if (strcmp(s->row[i].key, key))
            continue;
        if (office && office[0] && !strcmp(s->row[i].scope, office))
            return s->row[i].value;
        if (!strcmp(s->row[i].scope, TS_SCOPE_ALL))
            all = s->row[i].value;
    }
    return all;
}

void ts_settings_office(const ts_settings *s, const char *office, ts_office *out)
{
    ts_office_defaults(out);
    snprintf(out->office, sizeof out->office, "%s", office ? office : "");
    for (int i = 0; i < TS_N; i++) {
        const char *v = TS_RULES[i].setting ? value_of(s, office, TS_RULES[i].setting) : NULL;
        if (!v)
            continue;
        char *end;
        long n = strtol(v, &end, 10);
        /* A malformed or negative value keeps the default rather than
         * silently dropping the rule. */
        if (*end == '\0' && end != v && n >= 0 && n <= TS_SETTING_MAX)
            out->amount[i] = (int)n;
    }
    const char *v = value_of(s, office, TS_SETTING_S36);
    cl_date d;
    if (v && date_parse_iso(v, &d))
        out->s36_commencement = d;
}

int ts_office_load(cl_store *st, const char *office, ts_office *out, cl_err *err)
{
    ts_settings s;
    int rc = ts_settings_load(st, &s, err);
    if (rc != CL_OK)
        return rc;
    ts_settings_office(&s, office, out);
    ts_settings_free(&s);
    return CL_OK;
}
