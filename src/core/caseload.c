/* The caseload list (caseload.h). Rows come from the store by index order;
 * the columns that need a query per person (risk, next appointment, last
 * contact) are filled only for the rows that need them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/caseload.h"
#include "caseload/grow.h"
#include "caseload/due.h"
#include "caseload/enforce.h"
#include "caseload/store_write.h"
#include "caseload/textwidth.h"

const char *caseload_scope_words(case_scope s)
{
    static const char *const w[] = {"my caseload", "my office", "everyone"};
    return (unsigned)s < CASE_SCOPE_N ? w[s] : "?";
}

/* Each sort in words, and the short words a narrow title line takes. */
static const char *const SORT_WORDS[CASE_SORT_N][2] = {
    {"name", "name"}, {"RoSH (highest first)", "RoSH"}, {"next appointment", "next appt"},
    {"last contact", "last contact"}};

const char *caseload_sort_words(case_sort s) { return (unsigned)s < CASE_SORT_N ? SORT_WORDS[s][0] : "?"; }

/* Full words first, then the short ones; never a filter left out (it hides rows). */
char *caseload_title(const case_query *q, size_t n, bool more, int width, char *buf, size_t len)
{
    for (int brief = 0; brief < 2; brief++) {
        char filters[64] = "";
        if (q->high_only)
            snprintf(filters, sizeof filters, brief ? ", High+" : ", High+ only");
        if (q->no_contact_days > 0)
            snprintf(filters + strlen(filters), sizeof filters - strlen(filters),
                     brief ? ", no contact %d+d" : ", no contact %d+ days", q->no_contact_days);
        snprintf(buf, len, "%s (%zu%s), by %s%s", caseload_scope_words(q->scope), n, more ? "+" : "",
                 (unsigned)q->sort < CASE_SORT_N ? SORT_WORDS[q->sort][brief] : "?", filters);
        if (tw_width(buf) <= width)
            break;
    }
    return buf;
}

char *caseload_name(const store_person_row *p, char *buf, size_t len)
{
    snprintf(buf, len, "%s, %s", p->surname, p->forenames);
    return buf;
}

/* Room for one more row at the end; NULL when out of memory. */
static case_row *add_row(case_list *l)
{
    if (l->n == l->cap) {
        case_row *r = cl_grow(l->rows, &l->cap, sizeof *r);
        if (!r)
            return NULL;
        l->rows = r;
    }
    return &l->rows[l->n++];
}

bool caseload_push(case_list *l, const store_person_row *p)
{
    case_row *r = add_row(l);
    if (!r)
        return false;
    memset(r, 0, sizeof *r);
    r->p = *p;
    r->closed = !strcmp(p->status, "closed");
    r->next_date = r->last_contact = CL_DATE_NONE;
    r->next_time = -1;
    r->overdue = -1;
    return true;
}

bool caseload_copy(case_list *to, const case_list *from)
{
    while (to->cap < from->n) {
        case_row *r = cl_grow(to->rows, &to->cap, sizeof *r);
        if (!r)
            return false;
        to->rows = r;
    }
    if (from->n)
        memcpy(to->rows, from->rows, from->n * sizeof *from->rows);
    to->n = from->n;
    to->truncated = from->truncated;
    return true;
}

bool caseload_keep_filled(case_list *to, const case_list *from)
{
    caseload_clear(to);
    for (size_t i = 0; i < from->n; i++) {
        if (!from->rows[i].enriched)
            continue;
        case_row *r = add_row(to);
        if (!r)
            return false;
        *r = from->rows[i];
    }
    return true;
}

void caseload_fit(case_list *l)
{
    if (l->cap <= l->n)
        return;
    if (!l->n) {
        free(l->rows);
        l->rows = NULL;
        l->cap = 0;
        return;
    }
    case_row *r = realloc(l->rows, l->n * sizeof *r);
    if (r) { /* when not, the larger block stays: nothing is lost */
        l->rows = r;
        l->cap = l->n;
    }
}

void caseload_clear(case_list *l)
{
    l->n = 0;
    l->truncated = false;
}

static int row_crn_cmp(const void *a, const void *b)
{
    return strcmp((*(const case_row *const *)a)->p.crn, (*(const case_row *const *)b)->p.crn);
}

static int crn_row_cmp(const void *key, const void *b)
{
    return strcmp(key, (*(const case_row *const *)b)->p.crn);
}

/* The filled rows of from sorted by CRN, each of to looked up there: an
 * office of 1,250 against a screenful or two without a comparison a pair. */
void caseload_carry(case_list *to, const case_list *from)
{
    const case_row **by = from->n ? malloc(from->n * sizeof *by) : NULL;
    size_t m = 0;
    for (size_t j = 0; by && j < from->n; j++)
        if (from->rows[j].enriched)
            by[m++] = &from->rows[j];
    if (m > 1)
        qsort(by, m, sizeof *by, row_crn_cmp);
    for (size_t i = 0; m && i < to->n; i++) {
        const case_row *const *f = bsearch(to->rows[i].p.crn, by, m, sizeof *by, crn_row_cmp);
        if (f)
            to->rows[i] = **f;
    }
    free(by);
}

void caseload_free(case_list *l)
{
    free(l->rows);
    memset(l, 0, sizeof *l);
}

/* Risk and next appointment: the columns the due rules do not read. */
int caseload_next_appointment(cl_app *app, const char *crn, bool closed, cl_appointment *out, bool *found,
                              cl_err *err)
{
    *found = false;
    if (closed)
        return CL_OK;
    return store_next_appointment(app->store, crn, app->clock.today, app->clock.minutes, out, found, err);
}

static int enrich_risk_next(cl_app *app, case_row *r, cl_err *err)
{
    risk_summary rs;
    int rc = risk_summary_load(app->store, r->p.crn, app->clock.today, &rs, err);
    if (rc != CL_OK)
        return rc;
    r->rosh = rs.rosh;
    r->staff_banner = rs.staff_banner;
    risk_flags_short(&rs, r->flags, sizeof r->flags);
    cl_appointment a;
    bool found;
    if ((rc = caseload_next_appointment(app, r->p.crn, r->closed, &a, &found, err)) != CL_OK)
        return rc;
    if (found) {
        r->next_date = a.date;
        r->next_time = a.start;
        snprintf(r->next_type, sizeof r->next_type, "%s", a.type);
    }
    return CL_OK;
}

int caseload_enrich(cl_app *app, case_row *r, cl_err *err)
{
    if (r->enriched)
        return CL_OK;
    int rc = enrich_risk_next(app, r, err);
    if (rc != CL_OK)
        return rc;
    if ((rc = store_last_contact(app->store, r->p.crn, &r->last_contact, err)) != CL_OK)
        return rc;
    enf_person ep;
    if ((rc = enf_load(app->store, &app->cal, r->p.crn, app->clock.today, &ep, err)) != CL_OK)
        return rc;
    snprintf(r->enforcement, sizeof r->enforcement, "%s", ep.words);
    r->enriched = true;
    return CL_OK;
}

/* A row the screen needs filled (due_page_read). */
static const char *unfilled_crn(void *arg, size_t row)
{
    const case_row *r = &((const case_list *)arg)->rows[row];
    return !r->enriched || r->overdue < 0 ? r->p.crn : NULL;
}

int caseload_fill(cl_app *app, case_list *l, size_t from, size_t n, cl_err *err)
{
    due_page pg;
    int rc = due_page_read(app->store, &app->cal, app->clock.today, app->clock.minutes, unfilled_crn, l, l->n, from, n,
                           &pg, err);
    for (size_t j = 0; rc == CL_OK && j < pg.n; j++) {
        case_row *r = &l->rows[pg.row[j]];
        const due_facts *f = &pg.facts[j];
        r->overdue = f->overdue;
        if (r->enriched)
            continue;
        if (!f->active) { /* closed: the due rules did not read them */
            rc = caseload_enrich(app, r, err);
            continue;
        }
        if ((rc = enrich_risk_next(app, r, err)) != CL_OK)
            break;
        r->last_contact = f->last_contact;
        snprintf(r->enforcement, sizeof r->enforcement, "%s", f->enforcement);
        r->enriched = true;
    }
    due_page_free(&pg);
    return rc;
}

/* Folds one code point for sorting: case and the common Latin accents. */
static int fold_cp(int c)
{
    /* U+00C0..U+00FF and U+0100..U+017F by their base letter. */
    static const char l1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    static const char ea[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xFF)
        return l1[c - 0xC0];
    if (c >= 0x100 && c <= 0x17F && (size_t)(c - 0x100) < sizeof ea - 1)
        return ea[c - 0x100];
    return c;
}

/* Next code point of UTF-8 s at *i (advances); 0 at the end. */
static int next_cp(const char *s, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    if (!u[0])
        return 0;
    if (u[0] < 0x80) { (*i)++; return u[0]; }
    if ((u[0] & 0xE0) == 0xC0 && u[1]) { *i += 2; return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F); }
    if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) { *i += 3; return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F); }
    (*i)++;
    return u[0];
}

/* The folded name as a key: each code point folded (fold_cp), combining
 * marks dropped, written back as UTF-8, whose byte order is code point
 * order; surname, forenames and CRN apart by \1, which sorts below any
 * letter. So strcmp of two keys is the list's name order, and a sort folds
 * each name once rather than at every comparison. out holds 3 * strlen + 1
 * bytes of each part. */
static char *put_cp(char *o, int c)
{
    if (c < 0x80) {
        *o++ = (char)c;
    } else if (c < 0x800) {
        *o++ = (char)(0xC0 | (c >> 6));
        *o++ = (char)(0x80 | (c & 0x3F));
    } else {
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    return o;
}

static char *put_folded(char *o, const char *s)
{
    size_t i = 0;
    for (int c; (c = next_cp(s, &i));)
        if (c < 0x300 || c > 0x36F) /* combining marks */
            o = put_cp(o, fold_cp(c));
    return o;
}

static size_t name_key_len(const store_person_row *p)
{
    return 3 * (strlen(p->surname) + strlen(p->forenames)) + strlen(p->crn) + 3;
}

static void name_key(const store_person_row *p, char *out)
{
    char *o = put_folded(out, p->surname);
    *o++ = '\1';
    o = put_folded(o, p->forenames);
    *o++ = '\1';
    strcpy(o, p->crn);
}

/* A row to sort: its name key and where it is. */
typedef struct sort_ent {
    const char *key;
    const case_row *r;
} sort_ent;

static int by_name(const void *x, const void *y)
{
    return strcmp(((const sort_ent *)x)->key, ((const sort_ent *)y)->key);
}

static int by_rosh(const void *x, const void *y)
{
    const case_row *a = ((const sort_ent *)x)->r, *b = ((const sort_ent *)y)->r;
    if (a->rosh != b->rosh)
        return (int)b->rosh - (int)a->rosh;
    return by_name(x, y);
}

/* Missing dates last for the next appointment, first (oldest) for last contact. */
static int by_next(const void *x, const void *y)
{
    const case_row *a = ((const sort_ent *)x)->r, *b = ((const sort_ent *)y)->r;
    bool na = a->next_date == CL_DATE_NONE, nb = b->next_date == CL_DATE_NONE;
    if (na != nb)
        return na ? 1 : -1;
    if (a->next_date != b->next_date)
        return a->next_date < b->next_date ? -1 : 1;
    if (a->next_time != b->next_time)
        return a->next_time - b->next_time;
    return by_name(x, y);
}

static int by_last(const void *x, const void *y)
{
    const case_row *a = ((const sort_ent *)x)->r, *b = ((const sort_ent *)y)->r;
    if (a->last_contact != b->last_contact)
        return a->last_contact < b->last_contact ? -1 : 1; /* longest without contact first */
    return by_name(x, y);
}

static int enrich_all(cl_app *app, case_list *l, cl_err *err)
{
    for (size_t i = 0; i < l->n; i++) {
        int rc = caseload_enrich(app, &l->rows[i], err);
        if (rc != CL_OK)
            return rc;
    }
    return CL_OK;
}

/* Sorts small entries (a key and a pointer) and moves each row once: rows
 * are large, and qsort of them copied each one many times. */
int caseload_sort(cl_app *app, case_list *l, case_sort sort, cl_err *err)
{
    static int (*const cmp[])(const void *, const void *) = {by_name, by_rosh, by_next, by_last};
    if (sort != CASE_SORT_NAME) {
        int rc = enrich_all(app, l, err);
        if (rc != CL_OK)
            return rc;
    }
    if (l->n < 2)
        return CL_OK;
    size_t keys_len = 0;
    for (size_t i = 0; i < l->n; i++)
        keys_len += name_key_len(&l->rows[i].p);
    sort_ent *e = malloc(l->n * sizeof *e);
    char *keys = malloc(keys_len);
    case_row *rows = malloc(l->n * sizeof *rows);
    if (!e || !keys || !rows) {
        free(e), free(keys), free(rows);
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    }
    char *k = keys;
    for (size_t i = 0; i < l->n; i++) {
        name_key(&l->rows[i].p, k);
        e[i] = (sort_ent){k, &l->rows[i]};
        k += strlen(k) + 1;
    }
    qsort(e, l->n, sizeof *e, cmp[(unsigned)sort < CASE_SORT_N ? sort : 0]);
    for (size_t i = 0; i < l->n; i++)
        rows[i] = *e[i].r;
    free(l->rows);
    l->rows = rows;
    l->cap = l->n;
    free(e);
    free(keys);
    return CL_OK;
}

int caseload_filter(cl_app *app, case_list *l, const case_query *q, cl_err *err)
{
    if (!q->high_only && q->no_contact_days <= 0)
        return CL_OK;
    int rc = enrich_all(app, l, err);
    if (rc != CL_OK)
        return rc;
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        const case_row *r = &l->rows[i];
        if (q->high_only && r->rosh < ROSH_HIGH)
            continue;
        if (q->no_contact_days > 0 && r->last_contact != CL_DATE_NONE &&
            app->clock.today - r->last_contact < q->no_contact_days)
            continue;
        l->rows[k++] = *r;
    }
    l->n = k;
    return CL_OK;
}

typedef struct load_arg {
    case_list *l;
    bool oom;
} load_arg;

static int add_person(void *arg, const store_person_row *p)
{
    load_arg *a = arg;
    if (!caseload_push(a->l, p)) {
        a->oom = true;
        return 1;
    }
    return 0;
}

int caseload_load(cl_app *app, const case_query *q, case_list *out, cl_err *err)
{
    caseload_clear(out);
    load_arg a = {out, false};
    int rc;
    char office[CL_CODE_LEN] = "";
    switch (q->scope) {
    case CASE_SCOPE_MINE:
        rc = store_people(app->store, STORE_SCOPE_OFFICER, app->officer, false, (size_t)-1 / 2, add_person, &a, err);
        break;
    case CASE_SCOPE_OFFICE:
        if (app->officer[0]) {
            cl_staff me;
            if (store_get_staff(app->store, app->officer, &me, NULL) == CL_OK)
                snprintf(office, sizeof office, "%s", me.office);
        }
        rc = store_people(app->store, STORE_SCOPE_OFFICE, office, false, (size_t)-1 / 2, add_person, &a, err);
        break;
    default:
        rc = store_people(app->store, STORE_SCOPE_ALL, NULL, false, CASELOAD_ALL_LIMIT + 1, add_person, &a, err);
        if (out->n > CASELOAD_ALL_LIMIT) {
            out->n = CASELOAD_ALL_LIMIT;
            out->truncated = true;
        }
        break;
    }
    if (a.oom)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    if (rc != CL_OK)
        return rc;
    if ((rc = caseload_filter(app, out, q, err)) != CL_OK)
        return rc;
    return caseload_sort(app, out, q->sort, err);
}
