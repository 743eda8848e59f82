/* The instant search (search.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "caseload/search.h"

#include "caseload/pnc.h"
#include "caseload/ref.h"
#include "caseload/textwidth.h"

const char *search_kind_words(search_kind k)
{
    static const char *const w[] = {"all", "name", "CRN", "PNC", "date of birth", "date (keep typing)",
                                    "not a date"};
    return (unsigned)k <= SEARCH_NOT_DATE ? w[k] : "?";
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* The Irish and Scottish name prefixes typed with or without the apostrophe
 * or space after them (O'Brien, OBrien, O Neill, Mac Donald, Ní Bhriain):
 * the search ignores the gap as it ignores accents. Longest first. */
static const char *const NAME_PREFIXES[] = {"mac", "nic", "mc", "ni", "ua", "o"};
#define NPREFIXES (sizeof NAME_PREFIXES / sizeof NAME_PREFIXES[0])

typedef struct token {
    const char *s;
    size_t n;
} token;

/* A token's first letters folded for comparing with a prefix (ASCII lower
 * case, Ó and Í as o and i); at[k] is where folded letter k starts in it. */
static size_t fold_head(const token *t, char *out, size_t *at, size_t max)
{
    size_t k = 0, i = 0;
    while (i < t->n && k < max) {
        unsigned char c = (unsigned char)t->s[i];
        at[k] = i;
        if (c < 0x80) {
            out[k++] = (char)tolower(c);
            i++;
        } else if (c == 0xC3 && i + 1 < t->n && strchr("\xB3\x93\xAD\x8D", t->s[i + 1])) {
            out[k++] = ((unsigned char)t->s[i + 1] & 0x1F) == 0x13 ? 'o' : 'i';
            i += 2;
        } else
            break;
    }
    at[k] = i;
    out[k] = '\0';
    return k;
}

/* Appends text only when it fits whole (a group cut in two is an FTS5 syntax error). */
static bool put(char *out, size_t len, size_t *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(out + *n, len - *n, fmt, ap);
    va_end(ap);
    if (w < 0 || (size_t)w >= len - *n) {
        out[*n] = '\0';
        return false;
    }
    *n += (size_t)w;
    return true;
}

/* Name tokens as the FTS5 unicode61 tokenizer splits them: runs of ASCII
 * letters and digits and of any non-ASCII bytes; each quoted as a prefix.
 * A token that starts with a name prefix also matches the prefix and the rest
 * as two words ("obrien": `("obrien"* OR "o brien"*)`), and a prefix followed
 * by a word also matches them joined ("o brien": `("o brien"* OR "obrien"*)`). */
static bool build_fts(const char *s, char *out, size_t len)
{
    token t[32];
    size_t nt = 0;
    while (*s && nt < sizeof t / sizeof t[0]) {
        while (*s && (unsigned char)*s < 0x80 && !isalnum((unsigned char)*s))
            s++;
        if (!*s)
            break;
        const char *start = s;
        while (*s && ((unsigned char)*s >= 0x80 || isalnum((unsigned char)*s)))
            s++;
        t[nt++] = (token){start, (size_t)(s - start)};
    }
    size_t n = 0;
    out[0] = '\0';
    bool any = false, group = false;
    for (size_t i = 0; i < nt; i++) {
        char head[8];
        size_t at[8];
        size_t k = fold_head(&t[i], head, at, sizeof head - 1);
        size_t mark = n;
        bool ok = true, grouped = false;
        /* A prefix word and the next word: also joined. */
        bool prefix_word = false;
        for (size_t p = 0; p < NPREFIXES && !prefix_word; p++)
            prefix_word = at[k] == t[i].n && !strcmp(head, NAME_PREFIXES[p]);
        if (prefix_word && i + 1 < nt) {
            grouped = true;
            ok = put(out, len, &n, "%s(\"%.*s %.*s\"* OR \"%.*s%.*s\"*)", any ? " AND " : "", (int)t[i].n, t[i].s,
                     (int)t[i + 1].n, t[i + 1].s, (int)t[i].n, t[i].s, (int)t[i + 1].n, t[i + 1].s);
            i++;
        } else {
            /* A word that starts with a prefix: also split after it. */
            size_t split[NPREFIXES], ns = 0;
            for (size_t p = 0; p < NPREFIXES; p++) {
                size_t pl = strlen(NAME_PREFIXES[p]);
                if (pl < k && !strncmp(head, NAME_PREFIXES[p], pl))
                    split[ns++] = at[pl];
            }
            grouped = ns > 0;
            ok = put(out, len, &n, "%s%s\"%.*s\"*", any ? (grouped || group ? " AND " : " ") : "", grouped ? "(" : "",
                     (int)t[i].n, t[i].s);
            for (size_t j = 0; ok && j < ns; j++)
                ok = put(out, len, &n, " OR \"%.*s %.*s\"*", (int)split[j], t[i].s, (int)(t[i].n - split[j]),
                         t[i].s + split[j]);
            if (ok && grouped)
                ok = put(out, len, &n, ")");
        }
        if (!ok) { /* what fits, whole */
            n = mark;
            out[n] = '\0';
            return any;
        }
        any = true;
        group = grouped;
    }
    return any;
}

/* Text that could still become a date of birth as more is typed (1990-03,
 * 11/, 11/6, 11/6/, 11/6/1, 11/6/198): date_past_prefix, except that a
 * two-digit year is whole unless it is 19 or 20, the start of 19xx or 20xx,
 * not 2019 or 2020 (no one that young is on probation). A day and month may
 * also start a PNC (01/12 is 2001/12...): it is taken as a PNC from its third
 * serial digit or its check letter, or at once when it cannot be a date
 * (31/2 is 1931/2...). */
static bool date_unfinished(const char *t, cl_date today)
{
    if (strchr(t, '-'))
        return strlen(t) < 10 && date_past_prefix(t, today);
    size_t d = strspn(t, "0123456789");
    if (d < 1 || d > 2 || t[d] != '/')
        return false;
    const char *m = t + d + 1, *y = strchr(m, '/');
    if (!y) /* a month of three digits is a PNC serial */
        return strspn(m, "0123456789") == strlen(m) && strlen(m) <= 2 && date_past_prefix(t, today);
    y++;
    size_t yl = strspn(y, "0123456789");
    if (y[yl] || yl == 4 || (yl == 2 && strcmp(y, "19") && strcmp(y, "20")))
        return false; /* whole: a date, or not one */
    return date_past_prefix(t, today);
}

/* Written as a date (digits with two slashes, or with a dash): once it can no
 * longer become one the search says so rather than looking anything up. */
static bool date_shaped(const char *t)
{
    return isdigit((unsigned char)t[0]) && (strchr(t, '-') || strchr(t, '/') != strrchr(t, '/'));
}

/* A PNC being typed: the year (2 digits made 4) and '/', then the serial
 * digits so far and no check letter yet. Stored serials are zero-padded to
 * seven digits, so "491" may be 0000491, 0004910... : search_run tries each. */
static bool pnc_open(const char *t, cl_date today, search_query *q)
{
    size_t yl = strspn(t, "0123456789");
    if ((yl != 2 && yl != 4) || t[yl] != '/')
        return false;
    const char *ser = t + yl + 1;
    size_t sl = strspn(ser, "0123456789");
    if (ser[sl] || sl > 7)
        return false;
    int year = atoi(t);
    if (yl == 2)
        year = pnc_full_year(year, today);
    snprintf(q->prefix, sizeof q->prefix, "%04d/", year % 10000);
    snprintf(q->serial, sizeof q->serial, "%s", ser);
    return true;
}

search_kind search_parse(const char *text, cl_date today, search_query *q)
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
    if (date_unfinished(t, today))
        return q->kind = SEARCH_PARTIAL;
    if (date_parse_past(t, today, &q->dob)) {
        const char *y = strrchr(t, '/');
        if (y && strlen(y + 1) == 2) {
            char d[CL_DATE_LEN];
            snprintf(q->looked_up, sizeof q->looked_up, "born %s", date_format(q->dob, d));
        }
        return q->kind = SEARCH_DOB;
    }
    bool has_digit = strpbrk(t, "0123456789") != NULL;
    if (has_digit) {
        /* CRN: one letter and up to six digits; a provisional reference: LOC and digits. */
        size_t loc = sizeof REF_PROVISIONAL_PREFIX - 1;
        if ((isalpha((unsigned char)t[0]) && n <= 7 && all_digits(t + 1, n - 1)) ||
            (n > loc && n <= (size_t)REF_KEY_MAX_CHARS && !strncasecmp(t, REF_PROVISIONAL_PREFIX, loc) &&
             all_digits(t + loc, n - loc))) {
            for (size_t i = 0; i < n; i++)
                q->prefix[i] = (char)toupper((unsigned char)t[i]);
            return q->kind = SEARCH_CRN;
        }
        /* 31/2/82, 31/2/, 1990-13: not unfinished, not a date. */
        if (date_shaped(t))
            return q->kind = SEARCH_NOT_DATE;
        /* PNC: YYYY/NNNNNNNL or YY/NL, as stored once complete; a prefix while typed. */
        if (isdigit((unsigned char)t[0]) && n < sizeof q->prefix) {
            /* Not a whole PNC: prefix holds the text upper-cased, unless it is one being typed. */
            if (!pnc_normalise(t, today, q->prefix, sizeof q->prefix))
                pnc_open(t, today, q);
            else if (strcasecmp(t, q->prefix))
                snprintf(q->looked_up, sizeof q->looked_up, "PNC %s", q->prefix);
            return q->kind = SEARCH_PNC;
        }
    }
    if (build_fts(t, q->fts, sizeof q->fts))
        return q->kind = SEARCH_NAME;
    return q->kind = SEARCH_EMPTY;
}

char *search_title(const char *text, cl_date today, size_t n, bool more, int width, char *buf, size_t len)
{
    search_query q;
    search_parse(text, today, &q);
    char tail[96];
    if (q.kind == SEARCH_NOT_DATE)
        snprintf(tail, sizeof tail, " is %s", search_kind_words(q.kind));
    else
        snprintf(tail, sizeof tail, " (%s, %zu%s match%s)", q.looked_up[0] ? q.looked_up : search_kind_words(q.kind),
                 n, more ? "+" : "", n == 1 ? "" : "es");
    static const char head[] = "search: ";
    int room = width - tw_width(head) - tw_width(tail);
    if (tw_width(text) > room && room >= 2) /* one character at least, and the mark */
        snprintf(buf, len, "%s%.*s~%s", head, (int)tw_prefix_bytes(text, room - 1), text, tail);
    else
        snprintf(buf, len, "%s%s%s", head, text, tail);
    return buf;
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

/* A PNC, or while it is typed every zero-padding of the serial so far: one
 * index range each, the fullest serial first (at most seven ranges). */
static int search_pnc(cl_app *app, const search_query *q, size_t lim, run_arg *a, cl_err *err)
{
    size_t sl = strlen(q->serial);
    bool zeros = strspn(q->serial, "0") == sl; /* "00": more zeros would repeat the same rows */
    if (!sl || zeros) {
        char p[sizeof q->prefix + 16];
        snprintf(p, sizeof p, "%s%s", q->prefix, q->serial);
        return store_search_pnc(app->store, p, lim, add, a, err);
    }
    for (size_t pad = 7 - sl + 1; pad-- > 0;) {
        char p[sizeof q->prefix + 16];
        snprintf(p, sizeof p, "%s%.*s%s", q->prefix, (int)pad, "0000000", q->serial);
        int rc = store_search_pnc(app->store, p, lim - a->l->n, add, a, err);
        if (rc != CL_OK || a->oom || a->l->n >= lim)
            return rc;
    }
    return CL_OK;
}

int search_run(cl_app *app, const char *text, case_list *out, cl_err *err)
{
    search_query q;
    caseload_clear(out);
    run_arg a = {out, false};
    int rc = CL_OK;
    size_t lim = SEARCH_LIMIT + 1; /* one more tells us there are more */
    switch (search_parse(text, app->clock.today, &q)) {
    case SEARCH_NAME: rc = store_search_fts(app->store, q.fts, lim, add, &a, err); break;
    case SEARCH_CRN: rc = store_search_crn(app->store, q.prefix, lim, add, &a, err); break;
    case SEARCH_PNC: rc = search_pnc(app, &q, lim, &a, err); break;
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
