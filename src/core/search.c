/* The instant search (search.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "caseload/search.h"

const char *search_kind_words(search_kind k)
{
    static const char *const w[] = {"all", "name", "CRN", "PNC", "date of birth", "date (keep typing)"};
    return (unsigned)k <= SEARCH_PARTIAL ? w[k] : "?";
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Name tokens as the FTS5 unicode61 tokenizer splits them: runs of ASCII
 * letters and digits and of any non-ASCII bytes; each quoted as a prefix. */
static bool build_fts(const char *s, char *out, size_t len)
{
    size_t n = 0;
    out[0] = '\0';
    bool any = false;
    while (*s) {
        while (*s && (unsigned char)*s < 0x80 && !isalnum((unsigned char)*s))
            s++;
        if (!*s)
            break;
        const char *start = s;
        while (*s && ((unsigned char)*s >= 0x80 || isalnum((unsigned char)*s)))
            s++;
        int w = snprintf(out + n, len - n, "%s\"%.*s\"*", any ? " " : "", (int)(s - start), start);
        if (w < 0 || (size_t)w >= len - n)
            return any;
        n += (size_t)w;
        any = true;
    }
    return any;
}

search_kind search_parse(const char *text, search_query *q)
{
    memset(q, 0, sizeof *q);
    q->dob = CL_DATE_NONE;
    char t[256];
    while (*text == ' ')
        text++;
    snprintf(t, sizeof t, "%s", text);
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        t[--n] = '\0';
    if (!n)
        return q->kind = SEARCH_EMPTY;
    if (date_parse(t, &q->dob))
        return q->kind = SEARCH_DOB;
    bool has_digit = strpbrk(t, "0123456789") != NULL;
    if (has_digit) {
        /* CRN: one letter and up to six digits. */
        if (isalpha((unsigned char)t[0]) && n <= 7 && all_digits(t + 1, n - 1)) {
            for (size_t i = 0; i < n; i++)
                q->prefix[i] = (char)toupper((unsigned char)t[i]);
            return q->kind = SEARCH_CRN;
        }
        /* A date being typed: 1990-03 or 07/03/19. */
        if (strchr(t, '-') || (n >= 3 && n <= 10 && t[2] == '/' && isdigit((unsigned char)t[0]) && strchr(t + 3, '/')))
            return q->kind = SEARCH_PARTIAL;
        /* PNC: YYYY/NNNNNNNL (or YY/...), digits first. */
        if (isdigit((unsigned char)t[0]) && n < sizeof q->prefix) {
            for (size_t i = 0; i < n; i++)
                q->prefix[i] = (char)toupper((unsigned char)t[i]);
            return q->kind = SEARCH_PNC;
        }
    }
    if (build_fts(t, q->fts, sizeof q->fts))
        return q->kind = SEARCH_NAME;
    return q->kind = SEARCH_EMPTY;
}

typedef struct run_arg {
    case_list *l;
    bool oom;
} run_arg;

static int add(void *arg, const store_person_row *p)
{
    run_arg *a = arg;
    if (!caseload_push(a->l, p)) {
        a->oom = true;
        return 1;
    }
    return 0;
}

int search_run(cl_app *app, const char *text, case_list *out, cl_err *err)
{
    search_query q;
    caseload_clear(out);
    run_arg a = {out, false};
    int rc = CL_OK;
    size_t lim = SEARCH_LIMIT + 1; /* one more tells us there are more */
    switch (search_parse(text, &q)) {
    case SEARCH_NAME: rc = store_search_fts(app->store, q.fts, lim, add, &a, err); break;
    case SEARCH_CRN: rc = store_search_crn(app->store, q.prefix, lim, add, &a, err); break;
    case SEARCH_PNC: rc = store_search_pnc(app->store, q.prefix, lim, add, &a, err); break;
    case SEARCH_DOB: rc = store_search_dob(app->store, q.dob, lim, add, &a, err); break;
    default: return CL_OK;
    }
    if (a.oom)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK)
        return rc;
    if (out->n > SEARCH_LIMIT) {
        out->n = SEARCH_LIMIT;
        out->truncated = true;
    }
    return caseload_sort(app, out, CASE_SORT_NAME, err);
}
