/* A seeded generator of a fictional caseload in caseload's CSV formats, at any
 * scale: the committed sample (make sample-data) and the national data set
 * that `make bench` imports. Same seed and options, same bytes.
 *
 * Usage: gen [--scale sample|national] [--seed N] [--base YYYY-MM-DD]
 *            [--offices N] [--staff N] [--offenders N] [--appointments N]
 *            [--contacts N] [--past-days N] [--future-days N]
 *            [--history-days N] [--holidays] [--named] OUTDIR
 *
 * Dates are laid around --base: appointments from base - past-days to
 * base + future-days on business days, contact histories back to
 * base - history-days. Codes come from the core's reference tables and are
 * checked against them at start, so a renamed code cannot slip through. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload/calendar.h"
#include "caseload/dates.h"
#include "caseload/ref.h"
#include "caseload/risk.h"

#include "gen_words.h"

/* ---------- randomness: splitmix64, seeded, the same on every machine ---------- */

static uint64_t rng_state;

static uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
/* 0 <= r < n */
static int rnd(int n) { return n <= 1 ? 0 : (int)(rnd64() % (uint64_t)n); }
static double rndf(void) { return (double)(rnd64() >> 11) / 9007199254740992.0; }
static bool chance(double p) { return rndf() < p; }
#define PICK(arr) ((arr)[rnd((int)NELEM(arr))])

/* A weighted choice: codes with weights (any scale). */
typedef struct weighted {
    const char *code;
    int w;
} weighted;
static const char *pickw(const weighted *t, size_t n)
{
    int total = 0;
    for (size_t i = 0; i < n; i++)
        total += t[i].w;
    int r = rnd(total);
    for (size_t i = 0; i < n; i++) {
        if (r < t[i].w)
            return t[i].code;
        r -= t[i].w;
    }
    return t[n - 1].code;
}
#define PICKW(t) pickw(t, NELEM(t))

/* ---------- the mixes (realistic proportions, from DOMAIN.md and published figures) ---------- */

static const weighted ROSH_MIX[] = {{"", 3}, {"RLRH", 28}, {"RMRH", 50}, {"RHRH", 17}, {"RVHR", 2}};
static const weighted ORDER_MIX[] = {{"CO", 50}, {"SSO", 20}, {"LIC", 27}, {"PSS", 3}};
static const weighted APPT_MIX[] = {
    {"COAP", 45}, {"CHVS", 8}, {"COPT", 8}, {"COVC", 3}, {"CUPA", 15}, {"APAT", 6}, {"C240", 3},
    {"C084", 3},  {"CODC", 2}, {"COOO", 3}, {"COAI", 2}, {"COSR", 1}, {"C241", 1}};
static const weighted OUTCOME_MIX[] = {
    {"ATTC", 820}, {"UAAB", 40}, {"AFTC", 20}, {"ATSH", 5}, {"ATSS", 5}, {"AAME", 25}, {"AAEM", 15},
    {"AAFC", 8},   {"AACL", 5},  {"AAHO", 3},  {"AARE", 1}, {"AAAA", 3}, {"RSOF", 20}, {"RSSR", 10},
    {"AFTA", 20}};
static const weighted OTHER_CONTACT_MIX[] = {
    {"CTOB", 20}, {"CTOA", 15}, {"CLOB", 10}, {"CLOA", 2}, {"CMOB", 12}, {"CMOA", 10}, {"CT3B", 8},
    {"CT3A", 5},  {"C204", 4},  {"C203", 5},  {"C201", 12}, {"CSPO", 3}, {"COUP", 4}};
static const weighted REPORT_MIX[] = {{"CJS", 40}, {"CJF", 40}, {"CJO", 10}, {"PSA", 10}};

/* Flags other than RoSH and MAPPA: code, percent of people, takes a level. */
typedef struct flagmix {
    const char *code;
    double p;
} flagmix;
static const flagmix FLAG_MIX[] = {
    {"AV2S", 0.04},  {"ADVP", 0.22},  {"RCPR", 0.04},  {"RCCO", 0.06}, {"RCHD", 0.05},
    {"REG15", 0.05}, {"REG17", 0.06}, {"RVAD", 0.02},  {"ALSH", 0.09}, {"AMHL", 0.14},
    {"WEAP", 0.04},  {"IRMO", 0.015}, {"ARSO", 0.03},  {"ANSO", 0.01}, {"SHPO", 0.015},
    {"STRG", 0.02},  {"RTAO", 0.002}, {"ASFO", 0.003}, {"IMAR", 0.03}, {"RSTO", 0.03},
    {"SPO", 0.005},  {"INVI", 0.05},  {"IKMF", 0.01}};
#define NFLAGS NELEM(FLAG_MIX)

/* ---------- options ---------- */

typedef struct opts {
    uint64_t seed;
    cl_date base;
    int offices, staff, offenders;
    long appointments, contacts;
    int past_days, future_days, history_days;
    bool holidays, named;
    const char *out;
} opts;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

/* ---------- CSV output: RFC 4180 quoting only where needed, LF endings ---------- */

typedef struct out {
    FILE *f;
    int col;
    long rows;
    char *buf;
} out;

static out out_open(const opts *o, const char *name, const char *header)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", o->out, name);
    out w = {fopen(path, "w"), 0, 0, malloc(1 << 20)};
    if (!w.f || !w.buf)
        die("%s: %s", path, strerror(errno));
    setvbuf(w.f, w.buf, _IOFBF, 1 << 20);
    fputs(header, w.f);
    fputc('\n', w.f);
    return w;
}

static void out_close(out *w, const char *name)
{
    if (fclose(w->f) != 0)
        die("%s: %s", name, strerror(errno));
    free(w->buf);
    fprintf(stderr, "gen: %-18s %ld rows\n", name, w->rows);
}

static void put(out *w, const char *s)
{
    if (w->col++)
        fputc(',', w->f);
    if (!s || !*s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, w->f);
        return;
    }
    fputc('"', w->f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', w->f);
        fputc(*s, w->f);
    }
    fputc('"', w->f);
}

static void putd(out *w, cl_date d)
{
    char b[CL_DATE_LEN];
    put(w, d == CL_DATE_NONE ? "" : date_format(d, b));
}

static void putt(out *w, int minutes)
{
    char b[CL_TIME_LEN];
    put(w, minutes < 0 ? "" : time_format(minutes, b));
}

static void endrow(out *w)
{
    fputc('\n', w->f);
    w->col = 0;
    w->rows++;
}

/* ---------- the world, held in memory (small: ~100 bytes per person) ---------- */

enum { G_PO, G_PQIP, G_NQO, G_PSO, G_SPO, G_ADMIN };
static const char *const GRADE_CODE[] = {"PO", "PQiP", "NQO", "PSO", "SPO", "ADMIN"};

typedef struct office {
    char code[16], name[96], town[32];
    int first_staff, nstaff;
    int spo; /* index of a senior: holds unallocated appointments */
} office;

typedef struct staff {
    char code[32], name[96];
    int grade, office;
} staff;

typedef struct order {
    char id[16];
    const char *type;
    cl_date sentence, end;
    bool upw, rar, prog;
    char req_upw[16], req_rar[16];
} order;

typedef struct person {
    char crn[8];
    const char *fore, *sur;
    char gender;
    cl_date dob;
    int office, officer; /* officer -1: unallocated */
    const char *rosh;    /* RLRH.. or "" */
    int mcat, mlvl;      /* MAPPA 1-4 / 1-3, 0 none */
    uint32_t flags;      /* bit per FLAG_MIX entry */
    char flaglevel[NFLAGS];
    char tier[4];
    bool closed;
    cl_date closed_on;
    int first_order, norders;
    double weight; /* share of appointments and contacts */
} person;

typedef struct world {
    opts o;
    cl_calendar cal;
    office *offices;
    staff *staff;
    person *people;
    order *orders;
    int norders, orders_cap;
    cl_date *bdays; /* business days in the appointment window */
    int nbdays;
    cl_date *hdays; /* business days in the history window */
    int nhdays;
    uint16_t *busy; /* per officer per business day: half-hour slots 09:00-17:00 */
} world;

static int flag_index(const char *code)
{
    for (size_t i = 0; i < NFLAGS; i++)
        if (!strcmp(FLAG_MIX[i].code, code))
            return (int)i;
    die("no flag %s", code);
    return -1;
}

/* A case a PSO or trainee should not hold (DOMAIN.md section 6). */
static bool needs_qualified(const person *p)
{
    return !strcmp(p->rosh, "RHRH") || !strcmp(p->rosh, "RVHR") || p->mlvl >= 2 ||
           (p->flags & (1u << flag_index("ARSO"))) || p->tier[0] == 'A' || p->tier[0] == 'B';
}

/* ---------- building the world ---------- */

static void make_offices(world *w)
{
    static const struct {
        const char *code, *name, *town;
    } SAMPLE[] = {{"CDF", "Cardiff Probation Office", "Caerdydd"},
                  {"BRS", "Bristol Probation Office", "Bristol"},
                  {"MCR", "Manchester Central Probation Office", "Manchester"}};
    w->offices = calloc((size_t)w->o.offices, sizeof *w->offices);
    for (int i = 0; i < w->o.offices; i++) {
        office *f = &w->offices[i];
        if (w->o.named && i < (int)NELEM(SAMPLE)) {
            snprintf(f->code, sizeof f->code, "%s", SAMPLE[i].code);
            snprintf(f->name, sizeof f->name, "%s", SAMPLE[i].name);
            snprintf(f->town, sizeof f->town, "%s", SAMPLE[i].town);
        } else {
            const char *town = TOWNS[i % NELEM(TOWNS)];
            snprintf(f->code, sizeof f->code, "N%03d", i + 1);
            snprintf(f->town, sizeof f->town, "%s", town);
            if (i < (int)NELEM(TOWNS))
                snprintf(f->name, sizeof f->name, "%s Probation Office", town);
            else
                snprintf(f->name, sizeof f->name, "%s Probation Office %d", town,
                         i / (int)NELEM(TOWNS) + 1);
        }
    }
}

static void make_staff(world *w)
{
    /* A sample office: a senior, officers, a trainee or newly qualified
     * officer, a PSO and an administrator; nationally the same mix. */
    static const int MIX[] = {G_SPO, G_PO, G_PO, G_PO, G_NQO, G_PSO, G_ADMIN, G_PQIP,
                              G_PO,  G_PSO, G_PO, G_NQO, G_PO, G_PSO, G_PO, G_PQIP};
    w->staff = calloc((size_t)w->o.staff, sizeof *w->staff);
    int per = w->o.staff / w->o.offices, extra = w->o.staff % w->o.offices, k = 0;
    for (int i = 0; i < w->o.offices; i++) {
        office *f = &w->offices[i];
        f->first_staff = k;
        f->nstaff = per + (i < extra);
        for (int j = 0; j < f->nstaff; j++, k++) {
            staff *s = &w->staff[k];
            s->office = i;
            s->grade = j == 0 ? G_SPO : j == f->nstaff - 1 ? G_ADMIN : MIX[1 + (j - 1) % 15];
            snprintf(s->code, sizeof s->code, "%s%02d", f->code, j + 1);
            const char *fore = chance(0.5) ? PICK(FORENAMES_F) : PICK(FORENAMES_M);
            snprintf(s->name, sizeof s->name, "%s %s", fore, PICK(SURNAMES));
        }
        f->spo = f->first_staff;
    }
    if (w->o.named && w->o.staff >= 2) {
        /* People tests can rely on: the officer holding Siân Llŷr's case. */
        snprintf(w->staff[1].name, sizeof w->staff[1].name, "Rhiannon Evans");
        w->staff[1].grade = G_PO;
        snprintf(w->staff[0].name, sizeof w->staff[0].name, "Gareth Pritchard");
    }
}

static void set_tier(person *p)
{
    /* Legacy tier: letter from risk-of-harm points, digit for needs (DOMAIN.md 6). */
    int pts = 0;
    if (!strcmp(p->rosh, "RVHR"))
        pts += 150;
    else if (!strcmp(p->rosh, "RHRH"))
        pts += 20;
    else if (!strcmp(p->rosh, "RMRH"))
        pts += 10;
    pts += p->mlvl >= 2 ? 150 : p->mlvl == 1 ? 5 : 0;
    static const char *const COMPLEX[] = {"ADVP", "RCPR", "ALSH", "AMHL", "WEAP", "STRG", "RVAD"};
    for (size_t i = 0; i < NELEM(COMPLEX); i++)
        if (p->flags & (1u << flag_index(COMPLEX[i])))
            pts += 2;
    char letter = pts >= 150 ? 'A' : pts >= 20 ? 'B' : pts >= 10 ? 'C' : 'D';
    snprintf(p->tier, sizeof p->tier, "%c%d", letter, rnd(4));
}

static void random_risk(person *p)
{
    p->rosh = PICKW(ROSH_MIX);
    bool high = !strcmp(p->rosh, "RHRH") || !strcmp(p->rosh, "RVHR");
    if (chance(high ? 0.35 : 0.05)) {
        int c = rnd(100), l = rnd(100);
        p->mcat = c < 55 ? 1 : c < 95 ? 2 : c < 99 ? 3 : 4;
        p->mlvl = l < 85 ? 1 : l < 97 ? 2 : 3;
    }
    for (size_t i = 0; i < NFLAGS; i++) {
        double pr = FLAG_MIX[i].p;
        if (high && (!strcmp(FLAG_MIX[i].code, "AV2S") || !strcmp(FLAG_MIX[i].code, "WEAP")))
            pr *= 3;
        if (p->mcat == 1 && !strcmp(FLAG_MIX[i].code, "ARSO"))
            pr = 0.9;
        if (p->mcat == 4 && !strcmp(FLAG_MIX[i].code, "RTAO"))
            pr = 1;
        if (chance(pr)) {
            p->flags |= 1u << i;
            p->flaglevel[i] = "LMMMHHV"[rnd(high ? 7 : 5)];
        }
    }
}

static cl_date rand_between(cl_date a, cl_date b) { return a + rnd(b - a + 1); }

static void add_orders(world *w, person *p)
{
    int n = chance(0.70) ? 1 : chance(0.8) ? 2 : 3;
    p->first_order = w->norders;
    p->norders = n;
    cl_date base = w->o.base;
    for (int k = 0; k < n; k++) {
        if (w->norders == w->orders_cap) {
            w->orders_cap = w->orders_cap ? w->orders_cap * 2 : 1024;
            w->orders = realloc(w->orders, (size_t)w->orders_cap * sizeof *w->orders);
            if (!w->orders)
                die("out of memory");
        }
        order *r = &w->orders[w->norders];
        memset(r, 0, sizeof *r);
        snprintf(r->id, sizeof r->id, "O%07d", w->norders + 1);
        r->type = PICKW(ORDER_MIX);
        /* Older orders first; the last one is current (sentenced in the last 18 months). */
        if (k == n - 1)
            r->sentence = rand_between(base - 540, base - 7);
        else
            r->sentence = rand_between(base - 2000, base - 600);
        r->sentence = cal_next_business_day_from(&w->cal, r->sentence);
        int months = !strcmp(r->type, "LIC") ? 6 + rnd(30) : 12 + 6 * rnd(3);
        r->end = date_add_months(r->sentence, months);
        if (strcmp(r->type, "LIC") && strcmp(r->type, "PSS")) {
            r->upw = chance(0.55);
            r->rar = chance(0.5);
            r->prog = chance(0.2);
            if (!r->upw && !r->rar && !r->prog)
                r->rar = true;
        }
        w->norders++;
    }
    order *cur = &w->orders[w->norders - 1];
    if (p->closed) {
        /* A closed case: its last order ended before the base date. */
        cur->end = rand_between(base - 120, base - 14);
        if (cur->end <= cur->sentence)
            cur->sentence = cur->end - 200;
        p->closed_on = cur->end;
    } else if (cur->end <= base) {
        cur->end = date_add_months(base, 1 + rnd(12));
    }
}

static void make_people(world *w)
{
    const opts *o = &w->o;
    w->people = calloc((size_t)o->offenders, sizeof *w->people);
    if (!w->people)
        die("out of memory");
    /* Case-holding staff per office, split into those who may hold anything and all. */
    for (int i = 0; i < o->offenders; i++) {
        person *p = &w->people[i];
        unsigned num = (unsigned)(((uint64_t)i * 7919u) % 800000u) + 200000u;
        snprintf(p->crn, sizeof p->crn, "%c%06u", "ABCDEFGHJKLMNPRSTUVWY"[rnd(21)], num);
        p->gender = chance(0.85) ? 'M' : chance(0.97) ? 'F' : chance(0.5) ? 'X' : 'U';
        p->fore = p->gender == 'F' ? PICK(FORENAMES_F) : PICK(FORENAMES_M);
        p->sur = PICK(SURNAMES);
        int age = 18 + (int)(rndf() * rndf() * 55);
        p->dob = rand_between(o->base - (age + 1) * 365 + 1, o->base - age * 365);
        p->office = rnd(o->offices);
        p->closed = chance(0.04);
        random_risk(p);
        set_tier(p);
        p->weight = p->closed ? 0.0 : 0.5 + rndf();
        add_orders(w, p);
    }
    if (o->named)
        for (int i = 0; i < o->offenders && i < 6; i++) {
            /* Named people for tests and demos (sample-data/README). */
            person *p = &w->people[i];
            static const char *const CRN[] = {"X100001", "X100002", "X100003",
                                              "X100004", "X100005", "X100006"};
            snprintf(p->crn, sizeof p->crn, "%s", CRN[i]);
            p->flags = 0;
            memset(p->flaglevel, 0, sizeof p->flaglevel);
            p->mcat = p->mlvl = 0;
            p->office = 0;
            p->closed = false;
            p->weight = 1.0;
            switch (i) {
            case 0:
                p->fore = "Siân", p->sur = "Llŷr", p->gender = 'F', p->rosh = "RHRH";
                p->mcat = 2, p->mlvl = 2;
                p->flags |= 1u << flag_index("AV2S"), p->flaglevel[flag_index("AV2S")] = 'H';
                p->flags |= 1u << flag_index("ADVP");
                break;
            case 1:
                p->fore = "Zoë", p->sur = "Ó Ceallaigh", p->gender = 'F', p->rosh = "RMRH";
                p->flags |= 1u << flag_index("RCPR");
                p->flags |= 1u << flag_index("ALSH");
                break;
            case 2:
                p->fore = "Rhodri", p->sur = "Ffrancon", p->gender = 'M', p->rosh = "RVHR";
                p->mcat = 1, p->mlvl = 3;
                p->flags |= 1u << flag_index("ARSO");
                p->flags |= 1u << flag_index("SHPO");
                break;
            case 3:
                p->fore = "Pádraig", p->sur = "O'Brien", p->gender = 'M', p->rosh = "RLRH";
                p->office = o->offices > 1 ? 1 : 0;
                break;
            case 4:
                p->fore = "Chloë", p->sur = "Brontë", p->gender = 'F', p->rosh = "RMRH";
                p->closed = true, p->weight = 0;
                break;
            case 5:
                p->fore = "Łukasz", p->sur = "Nowak", p->gender = 'M', p->rosh = "";
                break;
            }
            set_tier(p);
            order *cur = &w->orders[p->first_order + p->norders - 1];
            if (i < 2) {
                /* A community order with unpaid work and RAR days to show progress on. */
                cur->type = "CO", cur->upw = cur->rar = true, cur->prog = i == 1;
            }
            if (p->closed) {
                cur->end = o->base - 30;
                if (cur->sentence >= cur->end)
                    cur->sentence = cur->end - 300;
                p->closed_on = cur->end;
            }
        }
    /* Allocation: respecting who may hold what; a few unallocated, a few held
     * by a senior "in name only". */
    for (int i = 0; i < o->offenders; i++) {
        person *p = &w->people[i];
        office *f = &w->offices[p->office];
        p->officer = -1;
        if (o->named && i == 3)
            continue; /* Pádraig O'Brien: unallocated */
        if (o->named && i < 3) {
            p->officer = f->first_staff + 1; /* Rhiannon Evans, PO */
            continue;
        }
        double r = rndf();
        if (r < 0.02)
            continue;
        if (r < 0.025) {
            p->officer = f->spo;
            continue;
        }
        bool q = needs_qualified(p);
        for (int tries = 0; tries < 50; tries++) {
            int s = f->first_staff + rnd(f->nstaff);
            int g = w->staff[s].grade;
            if (g == G_ADMIN || g == G_SPO)
                continue;
            if (q && (g == G_PSO || g == G_PQIP))
                continue;
            p->officer = s;
            break;
        }
    }
}

static bool slot_free(world *w, int officer, int day, int start, int end);

static void make_days(world *w)
{
    const opts *o = &w->o;
    int n = o->past_days + o->future_days + 1;
    w->bdays = malloc((size_t)n * sizeof *w->bdays);
    for (cl_date d = o->base - o->past_days; d <= o->base + o->future_days; d++)
        if (cal_is_business_day(&w->cal, d))
            w->bdays[w->nbdays++] = d;
    n = o->history_days + 1;
    w->hdays = malloc((size_t)n * sizeof *w->hdays);
    for (cl_date d = o->base - o->history_days; d <= o->base; d++)
        if (cal_is_business_day(&w->cal, d))
            w->hdays[w->nhdays++] = d;
    if (!w->nbdays || !w->nhdays)
        die("no business days in the window");
    w->busy = calloc((size_t)o->staff * (size_t)w->nbdays, sizeof *w->busy);
    if (!w->busy)
        die("out of memory");
    if (o->named && o->offenders >= 2 && w->people[0].officer >= 0)
        for (int d = 0; d < w->nbdays; d++)
            if (w->bdays[d] == o->base) /* the named people's 10:00 and 11:00 slots */
                slot_free(w, w->people[0].officer, d, 10 * 60, 12 * 60);
}

/* ---------- note text: 100-300 characters of sentences ---------- */

static const char *note(char *buf, size_t len, int min, int max)
{
    int target = min + rnd(max - min + 1);
    size_t n = 0;
    buf[0] = '\0';
    while ((int)n < target) {
        const char *s = PICK(NOTE_SENTENCES);
        size_t sl = strlen(s);
        const char *sep = n == 0 ? "" : chance(0.01) ? "\n" : " ";
        if (n + strlen(sep) + sl >= len || (int)(n + strlen(sep) + sl) > max) {
            if ((int)n >= min)
                break;
            /* Too long: cut this sentence at a space so UTF-8 stays whole. */
            size_t room = (size_t)max - n - strlen(sep);
            while (room > 0 && s[room] != ' ')
                room--;
            if (room == 0)
                break;
            n += (size_t)snprintf(buf + n, len - n, "%s%.*s.", sep, (int)room, s);
            break;
        }
        n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, s);
    }
    return buf;
}

/* ---------- writing each kind ---------- */

static void write_offices(world *w)
{
    out f = out_open(&w->o, "offices.csv", "code,name,address,phone");
    for (int i = 0; i < w->o.offices; i++) {
        office *o = &w->offices[i];
        char addr[128], phone[32];
        snprintf(addr, sizeof addr, "%d %s, %s", 1 + rnd(200), PICK(STREETS), o->town);
        snprintf(phone, sizeof phone, "0300 %03d %04d", 100 + rnd(900), rnd(10000));
        put(&f, o->code), put(&f, o->name), put(&f, addr), put(&f, phone);
        endrow(&f);
    }
    out_close(&f, "offices.csv");
}

static void write_staff(world *w)
{
    out f = out_open(&w->o, "staff.csv", "code,name,grade,office,team,hours");
    for (int i = 0; i < w->o.staff; i++) {
        staff *s = &w->staff[i];
        static const char *const HOURS[] = {"37", "37", "37", "30", "22.5"};
        put(&f, s->code), put(&f, s->name), put(&f, GRADE_CODE[s->grade]);
        put(&f, w->offices[s->office].code);
        put(&f, s->grade == G_ADMIN ? "" : PICK(TEAMS));
        put(&f, PICK(HOURS));
        endrow(&f);
    }
    out_close(&f, "staff.csv");
}

static void write_offenders(world *w)
{
    out f = out_open(&w->o, "offenders.csv",
                     "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,"
                     "officer,office,status");
    for (int i = 0; i < w->o.offenders; i++) {
        person *p = &w->people[i];
        char g[2] = {p->gender, 0}, pnc[24] = "", addr[128], pc[16], phone[24] = "";
        int y, base_y;
        date_to_ymd(p->dob, &y, &(int){0}, &(int){0});
        date_to_ymd(w->o.base, &base_y, &(int){0}, &(int){0});
        if (chance(0.8)) {
            /* Drawn last to first, as the committed sample was made. The
             * year is when the record was made: never after the base year. */
            char letter = "ABCDEFGHJKLMNPQRTUVWXYZ"[rnd(23)];
            int serial = rnd(10000000), py = y + 18 + rnd(5);
            snprintf(pnc, sizeof pnc, "%04d/%07d%c", py > base_y ? base_y : py, serial, letter);
        }
        if (chance(0.03))
            snprintf(addr, sizeof addr, "No fixed abode");
        else
            snprintf(addr, sizeof addr, "%d %s, %s", 1 + rnd(300), PICK(STREETS),
                     w->offices[p->office].town);
        snprintf(pc, sizeof pc, "%s%d %d%c%c", PICK(POSTAREAS), 1 + rnd(20), rnd(10),
                 "ABDEFGHJLNPQRSTUWXYZ"[rnd(20)], "ABDEFGHJLNPQRSTUWXYZ"[rnd(20)]);
        if (chance(0.9))
            snprintf(phone, sizeof phone, "07700 900%03d", rnd(1000));
        put(&f, p->crn), put(&f, p->sur), put(&f, p->fore), putd(&f, p->dob), put(&f, g);
        put(&f, pnc), put(&f, addr), put(&f, pc), put(&f, phone), put(&f, p->tier);
        put(&f, p->officer < 0 ? "" : w->staff[p->officer].code);
        put(&f, w->offices[p->office].code), put(&f, p->closed ? "closed" : "active");
        endrow(&f);
    }
    out_close(&f, "offenders.csv");
}

static void req(out *q, int *nreq, const order *r, bool cond, const char *code,
                const char *unit, int length, const char *sub, char *save)
{
    if (!cond)
        return;
    char id[16], len[16];
    snprintf(id, sizeof id, "R%07d", ++*nreq);
    snprintf(len, sizeof len, "%d", length);
    put(q, id), put(q, r->id), put(q, code), put(q, len), put(q, unit);
    putd(q, r->sentence), put(q, sub);
    endrow(q);
    if (save)
        memcpy(save, id, sizeof id);
}

static void write_orders(world *w)
{
    out f = out_open(&w->o, "orders.csv", "id,crn,type,sentence_date,end_date,court");
    out q = out_open(&w->o, "requirements.csv", "id,order_id,type,length,unit,start_date,subtype");
    int nreq = 0;
    for (int i = 0; i < w->o.offenders; i++) {
        person *p = &w->people[i];
        for (int k = 0; k < p->norders; k++) {
            order *r = &w->orders[p->first_order + k];
            put(&f, r->id), put(&f, p->crn), put(&f, r->type), putd(&f, r->sentence);
            putd(&f, r->end), put(&f, PICK(COURTS));
            endrow(&f);
            req(&q, &nreq, r, r->upw, "W", "hours", 40 + 10 * rnd(27), "", r->req_upw);
            req(&q, &nreq, r, r->rar, "F", "days", 5 + rnd(56), "", r->req_rar);
            req(&q, &nreq, r, r->prog, "RM38", "sessions", 19 + rnd(20), PICK(PROGRAMMES), NULL);
            bool co = !strcmp(r->type, "CO");
            req(&q, &nreq, r, co && chance(0.1), "M", "months", 1 + rnd(6), "", NULL);
            req(&q, &nreq, r, co && chance(0.05), "RM49", "months", 1 + rnd(6), "", NULL);
            req(&q, &nreq, r, chance(0.05), "H", "months", 6, "", NULL);
            req(&q, &nreq, r, chance(0.04), "T", "days", 90 + rnd(30), "", NULL);
            req(&q, &nreq, r, chance(0.04), "P", "months", 6 + rnd(7), "", NULL);
            req(&q, &nreq, r, chance(0.03), "X", "months", 3 + rnd(10), "", NULL);
        }
    }
    out_close(&f, "orders.csv");
    out_close(&q, "requirements.csv");
}

/* The next review: start plus whole periods, the first on or after base;
 * one in ten is left overdue (one period earlier). */
static cl_date next_review(cl_date start, int months, cl_date base)
{
    cl_date r = date_add_months(start, months);
    for (int k = 2; r < base && k < 200; k++)
        r = date_add_months(start, months * k);
    if (chance(0.1) && date_add_months(r, -months) > start)
        r = date_add_months(r, -months);
    return r;
}

static void reg_row(world *w, out *f, const person *p, const char *type, const char *cat,
                    const char *level, cl_date start, cl_date end, const char *notes)
{
    const risk_regtype *t = risk_type(type);
    cl_date review = next_review(start, t->review_months, w->o.base);
    if (end != CL_DATE_NONE)
        review = CL_DATE_NONE;
    put(f, p->crn), put(f, type), put(f, cat), put(f, level), putd(f, start);
    putd(f, review), putd(f, end), put(f, notes);
    endrow(f);
}

static void write_registrations(world *w)
{
    out f = out_open(&w->o, "registrations.csv",
                     "crn,type,category,level,start_date,review_date,end_date,notes");
    cl_date base = w->o.base;
    char notes[320];
    for (int i = 0; i < w->o.offenders; i++) {
        person *p = &w->people[i];
        cl_date end = p->closed ? p->closed_on : CL_DATE_NONE;
        cl_date from = w->orders[p->first_order + p->norders - 1].sentence;
        if (from >= (p->closed ? p->closed_on : base))
            from = (p->closed ? p->closed_on : base) - 30;
        cl_date upto = p->closed ? p->closed_on - 1 : base - 1;
        if (*p->rosh) {
            cl_date start = rand_between(from, upto);
            if (chance(0.25)) {
                /* An earlier level, ended when this one started (kept in history). */
                static const char *const LV[] = {"RLRH", "RMRH", "RHRH"};
                const char *old = LV[rnd(3)];
                if (strcmp(old, p->rosh))
                    reg_row(w, &f, p, old, "", "", start - 100 - rnd(300), start, "");
            }
            reg_row(w, &f, p, p->rosh, "", "", start, end, "");
        }
        if (p->mcat) {
            char cat[4], lvl[4];
            snprintf(cat, sizeof cat, "M%d", p->mcat);
            snprintf(lvl, sizeof lvl, "M%d", p->mlvl);
            reg_row(w, &f, p, "MAPP", cat, lvl, rand_between(from, upto), end,
                    note(notes, sizeof notes, 40, 120));
        }
        for (size_t k = 0; k < NFLAGS; k++) {
            if (!(p->flags & (1u << k)))
                continue;
            const risk_regtype *t = risk_type(FLAG_MIX[k].code);
            char lvl[2] = {t->has_level ? p->flaglevel[k] : 0, 0};
            if (t->has_level && !lvl[0])
                lvl[0] = 'M';
            cl_date e = (p->closed && strcmp(FLAG_MIX[k].code, "IKMF")) ? end : CL_DATE_NONE;
            cl_date start = rand_between(from - 400, upto);
            if (e == CL_DATE_NONE && chance(0.05))
                e = rand_between(start + 1, base); /* deregistered since */
            reg_row(w, &f, p, FLAG_MIX[k].code, "", lvl, start, e,
                    chance(0.3) ? note(notes, sizeof notes, 30, 120) : "");
        }
    }
    out_close(&f, "registrations.csv");
}

/* One booked slot, kept per person while their contacts are written. */
typedef struct appt {
    long id;
    cl_date date;
    int start, end, officer;
    const char *type, *status;
    int order; /* index into w->orders, -1 none */
} appt;

static int appt_cmp(const void *a, const void *b)
{
    const appt *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return x->start - y->start;
}

static bool slot_free(world *w, int officer, int day, int start, int end)
{
    uint16_t *b = &w->busy[(size_t)officer * (size_t)w->nbdays + (size_t)day];
    for (int m = start; m < end; m += 30) {
        int s = (m - 9 * 60) / 30;
        if (s >= 0 && s < 16 && (*b & (1u << s)))
            return false;
    }
    for (int m = start; m < end; m += 30) {
        int s = (m - 9 * 60) / 30;
        if (s >= 0 && s < 16)
            *b |= (uint16_t)(1u << s);
    }
    return true;
}

typedef struct counters {
    long appt_id, contact_id;
} counters;

static void contact_row(out *c, counters *n, const person *p, const char *order_id,
                        const char *officer, cl_date date, int time, int end, const char *type,
                        const char *outcome, const char *enf, long appt_id, const char *notes,
                        bool sensitive, bool rar)
{
    char id[24], aid[24] = "";
    snprintf(id, sizeof id, "C%08ld", ++n->contact_id);
    if (appt_id)
        snprintf(aid, sizeof aid, "A%08ld", appt_id);
    put(c, id), put(c, p->crn), put(c, order_id), put(c, officer), putd(c, date), putt(c, time);
    put(c, type), put(c, outcome), put(c, enf), put(c, aid), put(c, notes), putt(c, end);
    put(c, sensitive ? "1" : "0"), put(c, rar ? "1" : "0");
    endrow(c);
}

static int pick_officer(world *w, const person *p)
{
    return p->officer >= 0 ? p->officer : w->offices[p->office].spo;
}

static void write_diary(world *w)
{
    const opts *o = &w->o;
    out a = out_open(o, "appointments.csv",
                     "id,crn,order_id,officer,date,start,end,type,location,status,notes,office");
    out c = out_open(o, "contacts.csv",
                     "id,crn,order_id,officer,date,time,type,outcome,enforcement,appointment_id,"
                     "notes,end,sensitive,rar");
    counters n = {0, 0};
    double wsum = 0;
    for (int i = 0; i < o->offenders; i++)
        wsum += w->people[i].weight;
    /* Contacts: each person's share of the total, by weight; the outcomes of
     * their past appointments first, then other kinds over the history to fill
     * the share. Running totals keep the sums exact. */
    double csum = 0;
    for (int i = 0; i < o->offenders; i++)
        csum += w->people[i].closed ? 0.3 : w->people[i].weight;
    double acc_a = 0, acc_c = 0;
    long done_a = 0;
    appt *list = NULL;
    size_t cap = 0;
    char notes[400];
    for (int i = 0; i < o->offenders; i++) {
        person *p = &w->people[i];
        const order *cur = &w->orders[p->first_order + p->norders - 1];
        int cur_ix = p->first_order + p->norders - 1;
        /* Shares by weight, rounded on the running total so the sums are exact. */
        acc_a += p->weight / wsum * (double)o->appointments;
        acc_c += (p->closed ? 0.3 : p->weight) / csum * (double)o->contacts;
        long na = (long)(acc_a + 0.5) - done_a;
        done_a += na;
        if ((size_t)na + 1 > cap) {
            cap = (size_t)na * 2 + 2;
            list = realloc(list, cap * sizeof *list);
            if (!list)
                die("out of memory");
        }
        /* Appointments fall on or after the current order's sentence date. */
        int first_day = 0, hi = w->nbdays - 1;
        while (first_day < hi) {
            int mid = (first_day + hi) / 2;
            if (w->bdays[mid] < cur->sentence)
                first_day = mid + 1;
            else
                hi = mid;
        }
        size_t k = 0;
        for (long j = 0; j < na; j++) {
            appt *x = &list[k];
            const char *type = PICKW(APPT_MIX);
            if (!strcmp(type, "CUPA") && !cur->upw)
                type = "COAP";
            if (!strcmp(type, "APAT") && !cur->prog)
                type = "COAP";
            x->type = type;
            x->officer = pick_officer(w, p);
            x->order = cur_ix;
            bool placed = false;
            for (int tries = 0; tries < 50 && !placed; tries++) {
                int day = first_day + rnd(w->nbdays - first_day);
                x->date = w->bdays[day];
                bool taken = o->named && i < 2 && x->date == o->base;
                for (size_t m = 0; m < k; m++)
                    taken |= list[m].date == x->date;
                if (taken)
                    continue;
                if (!strcmp(type, "CUPA")) {
                    x->start = 9 * 60, x->end = 16 * 60;
                    placed = true;
                } else {
                    x->start = 9 * 60 + 30 * rnd(15);
                    x->end = x->start + (chance(0.6) ? 30 : 60);
                    if (x->end > 17 * 60)
                        x->end = 17 * 60;
                    placed = slot_free(w, x->officer, day, x->start, x->end);
                }
            }
            if (!placed)
                continue;
            int s = rnd(100);
            x->status = s < 94 ? "booked" : s < 97 ? "cancelled" : "rescheduled";
            x->id = ++n.appt_id;
            k++;
        }
        if (o->named && i < 2) {
            /* Siân Llŷr and Zoë Ó Ceallaigh are in the diary on the base day. */
            appt *x = &list[k++];
            x->date = o->base, x->start = (10 + i) * 60, x->end = x->start + 60;
            x->type = "COAP", x->status = "booked", x->officer = pick_officer(w, p);
            x->order = cur_ix, x->id = ++n.appt_id;
        }
        qsort(list, k, sizeof *list, appt_cmp);
        cl_date last_warning = CL_DATE_NONE;
        for (size_t j = 0; j < k; j++) {
            appt *x = &list[j];
            const order *r = &w->orders[x->order];
            const char *off = w->staff[x->officer].code;
            const char *loc;
            char room[96];
            if (!strcmp(x->type, "CHVS") || !strcmp(x->type, "CODC"))
                loc = "Home address";
            else if (!strcmp(x->type, "COPT"))
                loc = "Telephone";
            else if (!strcmp(x->type, "COVC"))
                loc = "Video call";
            else if (!strcmp(x->type, "CUPA"))
                loc = PICK(UPW_SITES);
            else if (!strcmp(x->type, "COOO"))
                loc = "Job centre";
            else if (!strcmp(x->type, "C241") || !strcmp(x->type, "COSR"))
                loc = PICK(COURTS);
            else {
                snprintf(room, sizeof room, "Interview room %d", 1 + rnd(8));
                loc = room;
            }
            char id[24];
            snprintf(id, sizeof id, "A%08ld", x->id);
            put(&a, id), put(&a, p->crn), put(&a, r->id), put(&a, off), putd(&a, x->date);
            putt(&a, x->start), putt(&a, x->end), put(&a, x->type), put(&a, loc);
            put(&a, x->status);
            put(&a, chance(0.2) ? note(notes, 200, 20, 80) : "");
            put(&a, w->offices[w->staff[x->officer].office].code);
            endrow(&a);
            /* The outcome of a past booked appointment is a contact; a few recent
             * ones are left for the officer to log. */
            if (x->date >= o->base || strcmp(x->status, "booked"))
                continue;
            if (x->date > o->base - 10 && chance(0.05))
                continue;
            const char *outcome = PICKW(OUTCOME_MIX);
            if (!strcmp(outcome, "AFTA") && x->date < o->base - 14)
                outcome = "UAAB";
            if (!strcmp(x->type, "APAT") || !strcmp(x->type, "C240"))
                if (!strcmp(outcome, "ATTC") && chance(0.3))
                    outcome = "APPK";
            bool rar = r->rar && ref_find_outcome(outcome)->attended &&
                       (!strcmp(x->type, "COAP") || !strcmp(x->type, "C084")) && chance(0.5);
            contact_row(&c, &n, p, r->id, off, x->date, x->start, x->end, x->type, outcome, "",
                        x->id, note(notes, sizeof notes, 100, 300), chance(0.03), rar);
            if (ref_find_outcome(outcome)->enforceable == ENF_YES && chance(0.75)) {
                /* Enforcement: a warning letter, or a breach after an earlier warning. */
                cl_date d = cal_add_business_days(&w->cal, x->date, 1 + rnd(3));
                if (d >= o->base)
                    continue;
                bool breach = last_warning != CL_DATE_NONE && x->date - last_warning <= 365;
                const char *enf = breach ? (chance(0.5) ? "BRE01" : "IBR")
                                         : (chance(0.9) ? "EA02" : "NFA");
                if (!breach && !strcmp(enf, "EA02"))
                    last_warning = d;
                if (breach)
                    last_warning = CL_DATE_NONE;
                int len = snprintf(notes, sizeof notes, "%s letter sent following the absence on %s. ",
                                   breach ? "Breach" : "Warning", date_format(x->date, id));
                note(notes + len, sizeof notes - (size_t)len, 60, 200);
                contact_row(&c, &n, p, r->id, off, d, 14 * 60 + 30 * rnd(6), -1, "CLOB", "", enf,
                            0, notes, false, false);
            }
        }
        long nc = (long)(acc_c + 0.5) - n.contact_id;
        for (long j = 0; j < nc; j++) {
            cl_date d = w->hdays[rnd(w->nhdays)];
            if (p->closed && d > p->closed_on)
                d = p->closed_on - rnd(90);
            int oi = p->first_order;
            for (int m = 0; m < p->norders; m++)
                if (w->orders[p->first_order + m].sentence <= d)
                    oi = p->first_order + m;
            const char *type = PICKW(OTHER_CONTACT_MIX);
            contact_row(&c, &n, p, chance(0.8) ? w->orders[oi].id : "",
                        w->staff[pick_officer(w, p)].code, d, 8 * 60 + 30 + rnd(9 * 60), -1, type,
                        !strcmp(type, "COUP") ? "ATTC" : "", "", 0,
                        note(notes, sizeof notes, 100, 300), chance(0.02), false);
        }
    }
    free(list);
    out_close(&a, "appointments.csv");
    out_close(&c, "contacts.csv");
}

static void write_reports(world *w)
{
    out f = out_open(&w->o, "reports.csv", "id,crn,type,requested,due,court,officer,status");
    int nrep = 0;
    cl_date base = w->o.base;
    for (int i = 0; i < w->o.offenders; i++) {
        person *p = &w->people[i];
        if (p->closed || !chance(0.04))
            continue;
        const char *type = PICKW(REPORT_MIX);
        int days = !strcmp(type, "CJS") ? 15 : !strcmp(type, "CJO") ? 0 : 5;
        cl_date req = w->hdays[w->nhdays - 1 - rnd(w->nhdays < 40 ? w->nhdays : 40)];
        cl_date due = cal_add_business_days(&w->cal, req, days);
        const char *status = due >= base - 2 ? "requested" : chance(0.9) ? "completed" : "withdrawn";
        char id[16];
        snprintf(id, sizeof id, "P%07d", ++nrep);
        int officer = p->officer >= 0 ? p->officer : w->offices[p->office].first_staff + 1;
        put(&f, id), put(&f, p->crn), put(&f, type), putd(&f, req), putd(&f, due);
        put(&f, PICK(COURTS)), put(&f, w->staff[officer].code), put(&f, status);
        endrow(&f);
    }
    out_close(&f, "reports.csv");
}

static void write_holidays(world *w)
{
    out f = out_open(&w->o, "holidays.csv", "date,name");
    for (size_t i = 0; i < w->cal.n; i++) {
        putd(&f, w->cal.days[i].date), put(&f, w->cal.days[i].name);
        endrow(&f);
    }
    out_close(&f, "holidays.csv");
}

/* ---------- options and main ---------- */

static void check_codes(void)
{
    /* Every code the mixes use must be in the core's reference tables. */
    for (size_t i = 0; i < NELEM(APPT_MIX); i++)
        if (!ref_find_contact_type(APPT_MIX[i].code) || !ref_find_contact_type(APPT_MIX[i].code)->appointment)
            die("appointment type %s unknown to the core", APPT_MIX[i].code);
    for (size_t i = 0; i < NELEM(OTHER_CONTACT_MIX); i++)
        if (!ref_find_contact_type(OTHER_CONTACT_MIX[i].code))
            die("contact type %s unknown to the core", OTHER_CONTACT_MIX[i].code);
    for (size_t i = 0; i < NELEM(OUTCOME_MIX); i++)
        if (!ref_find_outcome(OUTCOME_MIX[i].code))
            die("outcome %s unknown to the core", OUTCOME_MIX[i].code);
    for (size_t i = 0; i < NFLAGS; i++)
        if (!risk_type(FLAG_MIX[i].code))
            die("registration type %s unknown to the core", FLAG_MIX[i].code);
    for (size_t i = 0; i < NELEM(ORDER_MIX); i++)
        if (!ref_lookup(&REF_ORDER_TYPES, ORDER_MIX[i].code))
            die("order type %s unknown to the core", ORDER_MIX[i].code);
    for (size_t i = 0; i < NELEM(REPORT_MIX); i++)
        if (!ref_lookup(&REF_REPORT_TYPES, REPORT_MIX[i].code))
            die("report type %s unknown to the core", REPORT_MIX[i].code);
    static const char *const ACTS[] = {"EA02", "NFA", "BRE01", "IBR"};
    for (size_t i = 0; i < NELEM(ACTS); i++)
        if (!ref_find_action(ACTS[i]))
            die("enforcement action %s unknown to the core", ACTS[i]);
}

static long num(const char *s, const char *opt)
{
    char *end;
    errno = 0;
    long v = strtol(s ? s : "", &end, 10);
    if (!s || errno || *end || v < 0)
        die("%s needs a whole number", opt);
    return v;
}

static void usage(void)
{
    fputs("usage: gen [--scale sample|national] [--seed N] [--base YYYY-MM-DD] [--offices N]\n"
          "           [--staff N] [--offenders N] [--appointments N] [--contacts N]\n"
          "           [--past-days N] [--future-days N] [--history-days N] [--holidays]\n"
          "           [--named] OUTDIR\n",
          stderr);
    exit(64);
}

static void scale(opts *o, const char *s)
{
    if (!strcmp(s, "sample")) {
        o->offices = 3, o->staff = 20, o->offenders = 300;
        o->appointments = 1500, o->contacts = 6000;
        o->past_days = 28, o->future_days = 28, o->history_days = 365;
        o->named = true;
    } else if (!strcmp(s, "national")) {
        o->offices = 200, o->staff = 7000, o->offenders = 250000;
        o->appointments = 2000000, o->contacts = 5000000;
        o->past_days = 720, o->future_days = 28, o->history_days = 720;
        o->named = false;
    } else {
        die("unknown scale %s (sample or national)", s);
    }
}

int main(int argc, char **argv)
{
    opts o = {0};
    o.seed = 20261123;
    date_parse_iso("2026-11-23", &o.base);
    scale(&o, "sample");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
#define OPT(name) (!strcmp(a, name) && (i++, 1))
        if (OPT("--scale"))
            scale(&o, v ? v : "");
        else if (OPT("--seed"))
            o.seed = (uint64_t)num(v, a);
        else if (OPT("--base")) {
            if (!v || !date_parse_iso(v, &o.base))
                die("--base needs YYYY-MM-DD");
        } else if (OPT("--offices"))
            o.offices = (int)num(v, a);
        else if (OPT("--staff"))
            o.staff = (int)num(v, a);
        else if (OPT("--offenders"))
            o.offenders = (int)num(v, a);
        else if (OPT("--appointments"))
            o.appointments = num(v, a);
        else if (OPT("--contacts"))
            o.contacts = num(v, a);
        else if (OPT("--past-days"))
            o.past_days = (int)num(v, a);
        else if (OPT("--future-days"))
            o.future_days = (int)num(v, a);
        else if (OPT("--history-days"))
            o.history_days = (int)num(v, a);
        else if (!strcmp(a, "--holidays"))
            o.holidays = true;
        else if (!strcmp(a, "--named"))
            o.named = true;
        else if (a[0] == '-')
            usage();
        else if (!o.out)
            o.out = a;
        else
            usage();
#undef OPT
    }
    if (!o.out)
        usage();
    if (o.offices < 1 || o.staff < 3 * o.offices || o.offenders < 1 || o.offenders > 800000)
        die("need at least one office, three staff per office, and 1 to 800000 offenders");
    if (mkdir(o.out, 0755) != 0 && errno != EEXIST)
        die("%s: %s", o.out, strerror(errno));
    check_codes();

    world w = {0};
    w.o = o;
    rng_state = o.seed;
    cal_init(&w.cal);
    if (!cal_load_builtin(&w.cal))
        die("out of memory");
    make_offices(&w);
    make_staff(&w);
    make_people(&w);
    make_days(&w);
    write_offices(&w);
    write_staff(&w);
    write_offenders(&w);
    write_orders(&w);
    write_registrations(&w);
    write_diary(&w);
    write_reports(&w);
    if (o.holidays)
        write_holidays(&w);
    char path[4096], b[CL_DATE_LEN];
    snprintf(path, sizeof path, "%s/BASE", o.out);
    FILE *f = fopen(path, "w");
    if (!f || fprintf(f, "%s\n", date_format(o.base, b)) < 0 || fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
    cal_free(&w.cal);
    free(w.offices), free(w.staff), free(w.people), free(w.orders);
    free(w.bdays), free(w.hdays), free(w.busy);
    return 0;
}
