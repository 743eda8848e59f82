#include "caseload/risk.h"
#include "caseload/textwidth.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* DOMAIN.md section 3. Order of this table = severity order of flags. */
const risk_regtype RISK_TYPES[] = {
    {"RVHR", "VERY HIGH ROSH", "VH", 6, false, false, false, RG_ROSH, 0},
    {"RHRH", "HIGH ROSH", "H", 6, false, false, false, RG_ROSH, 1},
    {"RMRH", "MEDIUM ROSH", "M", 6, false, false, false, RG_ROSH, 2},
    {"RLRH", "LOW ROSH", "L", 6, false, false, false, RG_ROSH, 3},
    {"MAPP", "MAPPA", "MAPPA", 3, true, true, false, RG_MAPPA, 10},
    {"AV2S", "RISK TO STAFF", "STAFF", 6, true, false, false, RG_STAFF, 20},
    {"ARSO", "REGISTERED SEX OFFENDER", "RSO", 3, false, false, false, RG_PUBLIC, 30},
    {"SHPO", "SEXUAL HARM PREVENTION ORDER", "SHPO", 3, false, false, false, RG_PUBLIC, 31},
    {"ANSO", "NON-REGISTERED SEX OFFENDER", "NRSO", 3, false, false, false, RG_PUBLIC, 32},
    {"RTAO", "TERRORISM ACT OFFENDER", "TACT", 6, false, false, false, RG_PUBLIC, 33},
    {"WEAP", "WEAPONS", "WEAP", 3, false, false, false, RG_PUBLIC, 34},
    {"REG17", "RISK TO PUBLIC", "PUBLIC", 6, true, false, false, RG_PUBLIC, 35},
    {"REG15", "RISK TO KNOWN ADULT", "ADULT", 6, true, false, false, RG_PUBLIC, 36},
    {"STRG", "STREET GANGS", "GANG", 3, false, false, false, RG_PUBLIC, 37},
    {"IRMO", "HATE CRIME", "HATE", 6, false, false, false, RG_PUBLIC, 38},
    {"SPO", "STALKING PROTECTION ORDER", "SPO", 3, false, false, false, RG_PUBLIC, 39},
    {"RSTO", "RESTRAINING ORDER", "RO", 6, false, false, false, RG_PUBLIC, 40},
    {"ASFO", "SERIOUS FURTHER OFFENCE UNDER REVIEW", "SFO", 3, false, false, false, RG_PUBLIC, 41},
    {"ADVP", "DOMESTIC ABUSE PERPETRATOR", "DA", 3, false, false, true, RG_SAFEGUARD, 50},
    {"RCPR", "CHILD PROTECTION", "CP", 3, false, false, true, RG_SAFEGUARD, 51},
    {"RCHD", "RISK TO CHILDREN", "CHILD", 3, true, false, false, RG_SAFEGUARD, 52},
    {"RCCO", "CHILD CONCERNS", "CC", 3, false, false, true, RG_SAFEGUARD, 53},
    {"RVAD", "SAFEGUARDING: ADULT AT RISK", "SAFEG", 6, false, false, true, RG_SAFEGUARD, 54},
    {"IMAR", "MARAC", "MARAC", 3, false, false, true, RG_SAFEGUARD, 55},
    {"ALSH", "SUICIDE / SELF-HARM", "SH", 6, false, false, true, RG_SAFEGUARD, 56},
    /* Not in the national list of DOMAIN.md section 3, but its home-visit rule
     * (15 days, as for High RoSH) needs a way to record it: a local code. */
    {"RCSE", "CHILD SEXUAL EXPLOITATION", "CSE", 3, false, false, true, RG_SAFEGUARD, 57},
    {"AMHL", "MENTAL HEALTH ISSUES", "MH", 6, false, false, true, RG_OTHER, 60},
    {"INVI", "VICTIM CONTACT", "VICTIM", 3, false, false, false, RG_OTHER, 61},
    {"IKMF", "RECORD TO BE RETAINED", "RETAIN", 12, false, false, false, RG_OTHER, 62},
};
const size_t RISK_TYPES_N = sizeof RISK_TYPES / sizeof RISK_TYPES[0];

const risk_regtype *risk_type(const char *s)
{
    if (!s)
        return NULL;
    for (size_t i = 0; i < RISK_TYPES_N; i++)
        if (!strcmp(s, RISK_TYPES[i].code))
            return &RISK_TYPES[i];
    for (size_t i = 0; i < RISK_TYPES_N; i++)
        if (!strcasecmp(s, RISK_TYPES[i].words))
            return &RISK_TYPES[i];
    return NULL;
}

static const char *const rosh_codes[] = {NULL, "RLRH", "RMRH", "RHRH", "RVHR"};
static const char *const rosh_words[] = {"Unknown", "Low", "Medium", "High", "Very High"};
static const char *const rosh_banners[] = {"UNKNOWN ROSH", "LOW ROSH", "MEDIUM ROSH", "HIGH ROSH",
                                           "VERY HIGH ROSH"};
static const char *const rosh_shorts[] = {"?", "L", "M", "H", "VH"};

risk_rosh risk_rosh_of_code(const char *code)
{
    for (int r = ROSH_LOW; r <= ROSH_VERY_HIGH; r++)
        if (code && !strcmp(code, rosh_codes[r]))
            return (risk_rosh)r;
    return ROSH_UNKNOWN;
}

bool risk_type_is_rosh(const char *code) { return risk_rosh_of_code(code) != ROSH_UNKNOWN; }
const char *risk_rosh_code(risk_rosh r) { return rosh_codes[r]; }
const char *risk_rosh_word(risk_rosh r) { return rosh_words[r]; }
const char *risk_rosh_banner(risk_rosh r) { return rosh_banners[r]; }
const char *risk_rosh_short(risk_rosh r) { return rosh_shorts[r]; }

risk_rosh risk_rosh_of_level(const char *level)
{
    if (!level)
        return ROSH_UNKNOWN;
    switch (level[0]) {
    case 'L': return ROSH_LOW;
    case 'M': return ROSH_MEDIUM;
    case 'H': return ROSH_HIGH;
    case 'V': return ROSH_VERY_HIGH;
    default: return ROSH_UNKNOWN;
    }
}

/* The one order of registrations: the rank in RISK_TYPES (RoSH, MAPPA, risk
 * to staff, then the rest by severity), then the oldest first. */
static int rank_cmp(int ra, cl_date a, int rb, cl_date b)
{
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return (a > b) - (a < b);
}

static int rank_of(const char *code)
{
    const risk_regtype *t = risk_type(code);
    return t ? t->rank : INT_MAX; /* an unknown type after every known one */
}

int risk_reg_cmp(const char *type_a, cl_date start_a, const char *type_b, cl_date start_b)
{
    return rank_cmp(rank_of(type_a), start_a, rank_of(type_b), start_b);
}

static int flag_cmp(const void *a, const void *b)
{
    const risk_flag *x = a, *y = b;
    return rank_cmp(x->type->rank, x->start, y->type->rank, y->start);
}

void risk_summary_build(risk_summary *out, const risk_reg_row *rows, size_t n, cl_date today)
{
    memset(out, 0, sizeof *out);
    out->rosh_review = CL_DATE_NONE;
    cl_date rosh_start = CL_DATE_NONE;
    for (size_t i = 0; i < n; i++) {
        const risk_regtype *t = risk_type(rows[i].type);
        if (!t)
            continue;
        if (t->group == RG_ROSH) {
            /* One level is active at a time; should two be, the latest wins. */
            if (rosh_start == CL_DATE_NONE || rows[i].start >= rosh_start) {
                rosh_start = rows[i].start;
                out->rosh = risk_rosh_of_code(t->code);
                out->rosh_review = rows[i].review;
                out->rosh_review_overdue = rows[i].review != CL_DATE_NONE && rows[i].review < today;
            }
            continue;
        }
        if (out->nflags == RISK_MAX_FLAGS)
            continue;
        risk_flag *f = &out->flags[out->nflags++];
        f->type = t;
        snprintf(f->category, sizeof f->category, "%s", rows[i].category ? rows[i].category : "");
        snprintf(f->level, sizeof f->level, "%s", rows[i].level ? rows[i].level : "");
        f->start = rows[i].start;
        f->review = rows[i].review;
        f->review_overdue = f->review != CL_DATE_NONE && f->review < today;
        if (!strcmp(t->code, "AV2S") &&
            (f->level[0] == '\0' || risk_rosh_of_level(f->level) >= ROSH_MEDIUM))
            out->staff_banner = true;
    }
    qsort(out->flags, out->nflags, sizeof out->flags[0], flag_cmp);
}

/* "M2" -> '2'. */
static char mappa_digit(const char *v) { return v[0] == 'M' && v[1] ? v[1] : '?'; }

char *risk_flag_label(const risk_flag *f, char *buf, size_t len)
{
    if (f->type->has_category)
        snprintf(buf, len, "MAPPA %c/%c", mappa_digit(f->category), mappa_digit(f->level));
    else
        snprintf(buf, len, "%s", f->type->label);
    return buf;
}

char *risk_flag_words(const risk_flag *f, char *buf, size_t len)
{
    if (f->type->has_category)
        snprintf(buf, len, "MAPPA Category %c, Level %c", mappa_digit(f->category), mappa_digit(f->level));
    else if (f->type->has_level && f->level[0]) {
        risk_rosh r = risk_rosh_of_level(f->level);
        char up[16];
        snprintf(up, sizeof up, "%s", risk_rosh_word(r));
        for (char *p = up; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
        snprintf(buf, len, "%s (%s)", f->type->words, up);
    } else
        snprintf(buf, len, "%s", f->type->words);
    return buf;
}

char *risk_flags_short(const risk_summary *s, char *buf, size_t len)
{
    size_t used = 0;
    if (len)
        buf[0] = '\0';
    for (size_t i = 0; i < s->nflags && used + 1 < len; i++) {
        char label[32];
        risk_flag_label(&s->flags[i], label, sizeof label);
        int w = snprintf(buf + used, len - used, "%s%s", i ? "; " : "", label);
        if (w < 0 || (size_t)w >= len - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

/* Is one short label a type that must stay in sight (risk to staff)? */
static bool never_hidden(const char *label, size_t n)
{
    for (size_t i = 0; i < RISK_TYPES_N; i++)
        if (RISK_TYPES[i].group == RG_STAFF && strlen(RISK_TYPES[i].label) == n &&
            !strncmp(label, RISK_TYPES[i].label, n))
            return true;
    return false;
}

/* Does fitting the "; "-joined list into fitted leave out a never-hidden label? */
static bool hidden_in(const char *joined, const char *fitted)
{
    size_t items = 0;
    for (const char *p = joined;; items++) {
        const char *q = strstr(p, "; ");
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (never_hidden(p, n)) {
            /* The fitted text keeps whole items in order, so item k is shown
             * when the fitted text has more than k separators before a " +". */
            size_t shown = 1;
            for (const char *f = strstr(fitted, "; "); f; f = strstr(f + 2, "; "))
                shown++;
            return items >= shown && strstr(fitted, " +");
        }
        if (!q)
            return false;
        p = q + 2;
    }
}

char *risk_flags_join(const char *flags, const char *enforcement, char *buf, size_t len)
{
    flags = flags ? flags : "";
    enforcement = enforcement ? enforcement : "";
    snprintf(buf, len, "%s%s%s", flags, flags[0] && enforcement[0] ? "; " : "", enforcement);
    return buf;
}

char *risk_flags_fit(const char *joined, int width, char *buf, size_t len)
{
    tw_fit_list(joined, "; ", width, buf, len);
    if (!joined || !hidden_in(joined, buf))
        return buf;
    char shorter[512];
    size_t used = 0;
    for (const char *p = joined; *p && used + 1 < sizeof shorter;) {
        const char *q = strstr(p, "; ");
        size_t n = q ? (size_t)(q - p) : strlen(p);
        bool mappa = n > 6 && !strncmp(p, "MAPPA ", 6);
        int w = snprintf(shorter + used, sizeof shorter - used, "%s%.*s", used ? "; " : "", mappa ? 5 : (int)n, p);
        if (w < 0 || (size_t)w >= sizeof shorter - used)
            return buf;
        used += (size_t)w;
        if (!q)
            break;
        p = q + 2;
    }
    char alt[512];
    tw_fit_list(shorter, "; ", width, alt, sizeof alt);
    if (!hidden_in(shorter, alt)) {
        snprintf(buf, len, "%s", alt);
        return buf;
    }
    /* Still too narrow (a diary's column at 80): the never-hidden labels
     * first, then the rest in order, so a risk to staff is always read. */
    char front[512];
    size_t f = 0;
    for (int pass = 0; pass < 2; pass++)
        for (const char *p = shorter; *p && f + 1 < sizeof front;) {
            const char *q = strstr(p, "; ");
            size_t n = q ? (size_t)(q - p) : strlen(p);
            if (never_hidden(p, n) == (pass == 0)) {
                int w = snprintf(front + f, sizeof front - f, "%s%.*s", f ? "; " : "", (int)n, p);
                if (w < 0 || (size_t)w >= sizeof front - f)
                    return buf;
                f += (size_t)w;
            }
            if (!q)
                break;
            p = q + 2;
        }
    tw_fit_list(front, "; ", width, buf, len);
    return buf;
}
