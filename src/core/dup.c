/* Duplicate detection: folding names, edit distance, PNC spelling, and the
 * search over people with the same date of birth or PNC. */
#include "caseload/dup.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "caseload/pnc.h"
#include "caseload/store_intake.h"

/* Latin letters with accents (U+00C0..U+017F) and their plain letters. */
static const struct {
    unsigned lo, hi;
    const char *plain;
} fold_ranges[] = {
    {0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

/* Decodes one UTF-8 sequence; returns its length (1 for a stray byte). */
static size_t utf8_next(const unsigned char *s, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        *cp = 0xFFFD;
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

static const char *fold_cp(unsigned cp, char *one)
{
    if (cp < 0x80) {
        if (isalpha((int)cp)) {
            one[0] = (char)tolower((int)cp);
            one[1] = '\0';
            return one;
        }
        return "";
    }
    for (size_t i = 0; i < sizeof fold_ranges / sizeof fold_ranges[0]; i++)
        if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi)
            return fold_ranges[i].plain;
    return ""; /* other scripts and marks: not compared */
}

char *dup_fold(const char *name, char *out, size_t len)
{
    size_t j = 0;
    const unsigned char *p = (const unsigned char *)(name ? name : "");
    while (*p) {
        unsigned cp;
        p += utf8_next(p, &cp);
        char one[2];
        for (const char *f = fold_cp(cp, one); *f && j + 1 < len; f++)
            out[j++] = *f;
    }
    if (len)
        out[j] = '\0';
    return out;
}

char *dup_fold_first(const char *forenames, char *out, size_t len)
{
    char first[CL_NAME_LEN];
    const char *s = forenames ? forenames : "";
    while (*s == ' ')
        s++;
    size_t n = strcspn(s, " ");
    if (n >= sizeof first)
        n = sizeof first - 1;
    memcpy(first, s, n);
    first[n] = '\0';
    return dup_fold(first, out, len);
}

int dup_distance(const char *a, const char *b, int limit)
{
    /* Optimal string alignment distance over two rows back. */
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return strcmp(a, b) ? limit + 1 : 0;
    int d[64][64];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int row_min = limit + 1;
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min > limit)
            return limit + 1;
    }
    return d[la][lb] > limit ? limit + 1 : d[la][lb];
}

int dup_tolerance(size_t len) { return len <= 3 ? 0 : len <= 6 ? 1 : 2; }

static bool similar(const char *a, const char *b)
{
    if (!*a || !*b)
        return false;
    size_t n = strlen(a) > strlen(b) ? strlen(a) : strlen(b);
    int tol = dup_tolerance(n);
    return dup_distance(a, b, tol) <= tol;
}

bool dup_names_similar(const char *sa, const char *fa, const char *sb, const char *fb)
{
    char sa_f[CL_NAME_LEN], fa_f[CL_NAME_LEN], sb_f[CL_NAME_LEN], fb_f[CL_NAME_LEN];
    char all_a[CL_NAME_LEN], all_b[CL_NAME_LEN];
    dup_fold(sa, sa_f, sizeof sa_f);
    dup_fold_first(fa, fa_f, sizeof fa_f);
    dup_fold(sb, sb_f, sizeof sb_f);
    dup_fold_first(fb, fb_f, sizeof fb_f);
    if (similar(sa_f, sb_f) && similar(fa_f, fb_f))
        return true;
    /* Forename and surname the other way round (common when a name is taken down at court). */
    if (similar(sa_f, fb_f) && similar(fa_f, sb_f))
        return true;
    /* All forenames against all: "Mary Ann" / "Maryann". */
    dup_fold(fa, all_a, sizeof all_a);
    dup_fold(fb, all_b, sizeof all_b);
    return similar(sa_f, sb_f) && similar(all_a, all_b);
}

typedef struct find_ctx {
    dup_list *out;
    const char *surname, *forenames;
    int why;
} find_ctx;

static void consider(void *arg, const cl_offender *o)
{
    find_ctx *c = arg;
    if (c->why == DUP_BY_NAME && !dup_names_similar(c->surname, c->forenames, o->surname, o->forenames))
        return;
    for (size_t i = 0; i < c->out->n; i++)
        if (!strcmp(c->out->items[i].crn, o->crn)) {
            c->out->items[i].why |= c->why;
            return;
        }
    if (c->out->n == DUP_MAX)
        return;
    dup_match *m = &c->out->items[c->out->n++];
    memset(m, 0, sizeof *m);
    snprintf(m->crn, sizeof m->crn, "%s", o->crn);
    snprintf(m->surname, sizeof m->surname, "%s", o->surname);
    snprintf(m->forenames, sizeof m->forenames, "%s", o->forenames);
    m->date_of_birth = o->date_of_birth;
    snprintf(m->pnc, sizeof m->pnc, "%s", o->pnc);
    snprintf(m->officer, sizeof m->officer, "%s", o->officer);
    snprintf(m->office, sizeof m->office, "%s", o->office);
    snprintf(m->status, sizeof m->status, "%s", o->status);
    m->why = c->why;
}

int dup_find(cl_app *app, const char *surname, const char *forenames, cl_date dob, const char *pnc,
             dup_list *out, cl_err *err)
{
    memset(out, 0, sizeof *out);
    find_ctx c = {out, surname, forenames, DUP_BY_PNC};
    int rc = CL_OK;
    char raw[32], norm[32];
    pnc_normalise(pnc, app->clock.today, norm, sizeof norm);
    if (norm[0]) {
        size_t j = 0;
        for (const char *p = pnc; *p && j + 1 < sizeof raw; p++)
            if (!isspace((unsigned char)*p))
                raw[j++] = (char)toupper((unsigned char)*p);
        raw[j] = '\0';
        rc = store_intake_by_pnc(app->store, raw, norm, consider, &c, err);
    }
    if (rc == CL_OK && dob != CL_DATE_NONE) {
        c.why = DUP_BY_NAME;
        rc = store_intake_by_dob(app->store, dob, consider, &c, err);
    }
    return rc;
}
