/* The caseload list: the home screen. My caseload / my office / everyone,
 * sorted and filtered; `/` narrows it on every key press (search.h); Enter
 * opens the record. Rows come from the core (caseload.h); the per-person
 * columns are filled only for the rows drawn. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "caseload/caseload.h"
#include "caseload/ref.h"
#include "caseload/search.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

enum { COL_CRN, COL_NAME, COL_ROSH, COL_FLAGS, COL_TIER, COL_NEXT, COL_LAST, COL_DUE, NCOLS };

/* Where the selection was: the person (by CRN, so a list read again in
 * another order still selects them), the row and the first row shown. */
typedef struct list_place {
    char crn[CL_CODE_LEN]; /* "" when the list was empty */
    size_t sel, top;
} list_place;

/* A list kept aside with what it was read for, to show again without
 * reading it while nothing may have changed (the same test as freshen's). */
typedef struct kept_list {
    case_list rows;
    case_query q;
    list_place at;
    unsigned long gen;
    cl_date day;
    bool valid;
    bool partial; /* too many to keep: only the rows filled in, carried into the list read again */
} kept_list;

typedef struct caseload_view {
    tui_view view;
    tui_ctx *c;
    tui_list list;
    tui_column cols[NCOLS];
    case_query q;
    case_list rows;
    case_list prev; /* the rows before the last search key, for caseload_carry */
    unsigned long gen; /* store_generation when the rows were read: read again when it moves */
    cl_date day;       /* the day they were read for (due counts, next appointment) */
    char search[256]; /* the search shown ("" when none) */
    bool searching;   /* the prompt is open */
    char saved[256];  /* the search before the prompt opened, for Esc */
    kept_list home;   /* the list as a search started: Esc or q comes back to it */
    kept_list left[CASE_SCOPE_N]; /* each list as c left it: c comes back to it */
    char empty[192];  /* what an empty list says (empty_words) */
} caseload_view;

static const tui_column COLUMNS_AT_80[NCOLS] = {
    /* Spare width goes to the flags first (risk must not be cut), names up to 30. */
    [COL_CRN] = {"CRN", 7, false, 0, false},     [COL_NAME] = {"Name", 0, false, 30, false},
    [COL_ROSH] = {"RoSH", 9, false, 0, false},   [COL_FLAGS] = {"Flags", RISK_FLAGS_STAFF_COLS, false, 60, true},
    [COL_TIER] = {"Tier", 4, false, 0, false},   [COL_NEXT] = {"Next appt", 11, false, 0, false},
    [COL_LAST] = {"Last con", 8, false, 0, false}, [COL_DUE] = {"Due", 3, true, 0, false},
};

/* dd/mm/yy: short enough for a column, unambiguous in England and Wales. */
static void short_date(cl_date d, char *buf, size_t len)
{
    if (d == CL_DATE_NONE) {
        snprintf(buf, len, "-");
        return;
    }
    int y, m, day;
    date_to_ymd(d, &y, &m, &day);
    snprintf(buf, len, "%02d/%02d/%02d", day, m, y % 100);
}

static void cell(void *arg, size_t row, size_t col, char *buf, size_t len, tui_colour *role)
{
    caseload_view *v = arg;
    case_row *r = &v->rows.rows[row];
    if (!r->enriched || r->overdue < 0) { /* the whole screenful at once */
        cl_err err = {0};
        if (caseload_fill(v->c->app, &v->rows, row, v->list.page > 0 ? (size_t)v->list.page : 60, &err) != CL_OK)
            tui_message(v->c, TM_ERROR, "%s", err.msg);
    }
    char d[16], t[CL_TIME_LEN];
    switch (col) {
    case COL_CRN: snprintf(buf, len, "%s", r->p.crn); break;
    case COL_NAME: caseload_name(&r->p, buf, len); break;
    case COL_ROSH:
        snprintf(buf, len, "%s", risk_rosh_word(r->rosh));
        *role = tui_rosh_colour(r->rosh);
        break;
    case COL_FLAGS:
    {
        /* Never cut silently: whole labels, then "+N" for the ones left out. */
        if (r->closed) {
            char all[256];
            snprintf(all, sizeof all, "CLOSED%s%s", r->flags[0] ? "; " : "", r->flags);
            tui_flags_cell(all, NULL, false, v->list.widths[COL_FLAGS], buf, len, role);
            *role = TC_CLOSED;
        } else /* risk before enforcement: a narrow column keeps the first */
            tui_flags_cell(r->flags, r->enforcement, r->staff_banner, v->list.widths[COL_FLAGS], buf, len, role);
        break;
    }
    case COL_TIER: snprintf(buf, len, "%s", r->p.tier); break;
    case COL_NEXT:
        if (r->next_date == CL_DATE_NONE)
            snprintf(buf, len, "-");
        else if (r->next_date - v->c->app->clock.today < 300) { /* dd/mm HH:MM: the year is plain */
            int y, m, day;
            date_to_ymd(r->next_date, &y, &m, &day);
            snprintf(buf, len, "%02d/%02d %s", day, m, time_format(r->next_time, t));
        } else {
            short_date(r->next_date, d, sizeof d);
            snprintf(buf, len, "%s", d);
        }
        break;
    case COL_LAST: short_date(r->last_contact, buf, len); break;
    case COL_DUE:
        if (r->overdue > 0) {
            snprintf(buf, len, "%d", r->overdue);
            *role = TC_OVERDUE;
        }
        break;
    default: break;
    }
}

/* The selection of the list shown, into at. */
static void place_mark(const caseload_view *v, list_place *at)
{
    at->sel = v->list.sel;
    at->top = v->list.top;
    snprintf(at->crn, sizeof at->crn, "%s", v->list.sel < v->rows.n ? v->rows.rows[v->list.sel].p.crn : "");
}

/* The rows read again: the same person selected wherever they now sit, on
 * the same line of the screen, so Enter still opens them; when they have
 * left the list (closed, transferred, filtered out), the row where they were. */
static void place_show(caseload_view *v, const list_place *at)
{
    size_t now = SIZE_MAX;
    for (size_t i = 0; at->crn[0] && i < v->rows.n && now == SIZE_MAX; i++)
        if (!strcmp(v->rows.rows[i].p.crn, at->crn))
            now = i;
    tui_list_reselect(&v->list, v->rows.n, at->sel, at->top, now);
}

/* The list shown, as it is now, into k (its rows are the caller's to fill). */
static void kept_mark(caseload_view *v, kept_list *k, bool valid)
{
    k->q = v->q;
    place_mark(v, &k->at);
    k->gen = v->gen;
    k->day = v->day;
    k->valid = valid;
}

/* k is still the list asked for: the same query, nothing written since, the same day. */
static bool kept_holds(caseload_view *v, const kept_list *k)
{
    const case_query *a = &k->q, *b = &v->q;
    return k->valid && a->scope == b->scope && a->sort == b->sort && a->high_only == b->high_only &&
           a->no_contact_days == b->no_contact_days && k->gen == store_generation(v->c->app->store) &&
           k->day == v->c->app->clock.today;
}

/* k's rows become the list shown, the selection where it was; k is spent. */
static void kept_show(caseload_view *v, kept_list *k)
{
    case_list t = v->rows;
    v->rows = k->rows;
    k->rows = t;
    k->valid = false;
    v->gen = k->gen;
    v->day = k->day;
    v->list.sel = k->at.sel;
    v->list.top = k->at.top;
}

/* A copy: the list stays on screen while the search prompt is open. */
static void save_home(caseload_view *v) { kept_mark(v, &v->home, caseload_copy(&v->home.rows, &v->rows)); }

/* The list as it was before the search, columns filled, when still true. */
static bool restore_home(caseload_view *v)
{
    if (!kept_holds(v, &v->home))
        return false;
    kept_show(v, &v->home);
    save_home(v); /* kept for the next search */
    return true;
}

/* What the list says when it has no one: when a filter is on, that the
 * filters may hide cases and which key clears them; the keys as the keymap
 * has them. */
static const char *empty_words(caseload_view *v)
{
    const char *scope = tui_action_key(&v->view, TA_SCOPE), *find = tui_action_key(&v->view, TA_SEARCH);
    const char *clear = tui_action_key(&v->view, TA_FILTER_CLEAR);
    scope = scope ? scope : "?";
    if (v->q.high_only || v->q.no_contact_days > 0) /* short enough for 80 columns */
        snprintf(v->empty, sizeof v->empty, "(no cases pass the filters: press %s to clear them, %s for my office or everyone)",
                 clear ? clear : "?", scope);
    else
        snprintf(v->empty, sizeof v->empty, "(no cases: press %s for my office or everyone, %s to search)", scope,
                 find ? find : "?");
    return v->empty;
}
#define NO_MATCH "(no one matches: the search covers everyone, closed cases too)"
#define NOT_A_DATE "(not a date: a date of birth is 11/6/1982, 11/6/82 or 1982-06-11)"

static void load_rows(caseload_view *v, bool carry)
{
    cl_err err = {0};
    int rc = CL_OK;
    v->gen = store_generation(v->c->app->store);
    v->day = v->c->app->clock.today;
    bool home = !v->search[0] && v->home.valid;
    if (home && restore_home(v)) {
        /* back from a search: nothing to read */
    } else if (v->search[0]) {
        case_list t = v->prev; /* keep the old rows: most will show again */
        v->prev = v->rows;
        v->rows = t;
        rc = search_run(v->c->app, v->search, &v->rows, &err);
        if (rc == CL_OK && carry)
            caseload_carry(&v->rows, &v->prev);
    } else {
        rc = caseload_load(v->c->app, &v->q, &v->rows, &err);
        if (home) { /* back from a search after a write: the list read again, the person kept */
            place_show(v, &v->home.at);
            save_home(v); /* kept for the next search, as restore_home keeps it */
        }
    }
    if (rc != CL_OK)
        tui_message(v->c, TM_ERROR, "%s", err.msg);
    search_query sq;
    v->list.empty = !v->search[0] ? empty_words(v)
                    : search_parse(v->search, v->c->app->clock.today, &sq) == SEARCH_NOT_DATE ? NOT_A_DATE
                                                                                              : NO_MATCH;
    tui_list_set_count(&v->list, v->rows.n);
}

/* Everything read again from the database, the same person selected. While
 * searching, the list kept for Esc stays: going back reads it again when
 * anything was written, keeping its selection too. */
static void reload(caseload_view *v)
{
    list_place at;
    place_mark(v, &at);
    if (!v->search[0] && !v->searching)
        v->home.valid = false;
    load_rows(v, false);
    place_show(v, &at);
}

/* The rows kept for c in all: everyone's first page and a caseload, not a
 * national office's 1,250 as well (the screen stays under 20 MB). */
enum { KEEP_ROWS = CASELOAD_ALL_LIMIT + 250 };

/* Keeps the list shown (not search results) as c leaves its scope. */
static void keep_left(caseload_view *v)
{
    kept_list *l = &v->left[v->q.scope];
    kept_mark(v, l, false); /* the selection, while the rows are still the list's */
    size_t kept = 0;
    for (int i = 0; i < CASE_SCOPE_N; i++)
        if (i != (int)v->q.scope && v->left[i].valid)
            kept += v->left[i].rows.n;
    l->partial = kept + v->rows.n > KEEP_ROWS;
    bool ok = true;
    if (l->partial) { /* the rows filled in: a few dozen */
        ok = caseload_keep_filled(&l->rows, &v->rows);
    } else {
        case_list t = l->rows;
        l->rows = v->rows;
        v->rows = t;
    }
    caseload_fit(&l->rows);
    l->valid = ok;
}

/* The list of the scope c has come to: as it was left, when still true;
 * else read again with the person selected there when it was left (a list
 * never left comes with its first row selected). */
static void back_to_left(caseload_view *v)
{
    kept_list *l = &v->left[v->q.scope];
    bool holds = kept_holds(v, l);
    if (holds && !l->partial) {
        kept_show(v, l);
        v->list.empty = empty_words(v);
        tui_list_set_count(&v->list, v->rows.n);
        return;
    }
    l->valid = false;
    reload(v);
    if (holds) /* read again in the same order: the rows filled in keep their columns */
        caseload_carry(&v->rows, &l->rows);
    place_show(v, &l->at);
}

/* Written here or by another program since the rows were read, or a new day:
 * read again (the selection stays on the same person). The frame asks for
 * the title first. */
static void freshen(caseload_view *v)
{
    if (store_generation(v->c->app->store) != v->gen || v->c->app->clock.today != v->day)
        reload(v);
}

static void title(tui_view *view, tui_ctx *c, char *buf, size_t len)
{
    caseload_view *v = (caseload_view *)view;
    freshen(v);
    if (v->search[0] || v->searching)
        search_title(v->search, c->app->clock.today, v->rows.n, v->rows.truncated, c->title_w, buf, len);
    else
        caseload_title(&v->q, v->rows.n, v->rows.truncated, c->title_w, buf, len);
}

static void draw(tui_view *view, tui_ctx *c, tui_rect r)
{
    (void)c;
    caseload_view *v = (caseload_view *)view;
    freshen(v);
    /* A provisional reference (LOC123456) is longer than a CRN: shown whole. */
    int crn = COLUMNS_AT_80[COL_CRN].width;
    for (size_t i = 0; i < v->rows.n && crn < REF_KEY_MAX_CHARS; i++)
        if ((int)strlen(v->rows.rows[i].p.crn) > crn)
            crn = (int)strlen(v->rows.rows[i].p.crn);
    v->cols[COL_CRN].width = crn;
    tui_list_draw(&v->list, c, r, true);
}

static void search_changed(tui_ctx *c, void *arg, const char *text)
{
    (void)c;
    caseload_view *v = arg;
    snprintf(v->search, sizeof v->search, "%s", text);
    v->list.sel = v->list.top = 0;
    load_rows(v, true); /* typing: the people still shown keep their columns */
}

static void open_selected(caseload_view *v)
{
    if (v->rows.n == 0) {
        tui_message(v->c, TM_WARN, "nobody to open");
        return;
    }
    tui_push(v->c, tui_record_new(v->c, v->rows.rows[v->list.sel].p.crn));
}

static void search_done(tui_ctx *c, void *arg, const char *text, bool accepted)
{
    (void)c;
    caseload_view *v = arg;
    v->searching = false;
    if (!accepted) { /* Esc: back to the list as it was */
        snprintf(v->search, sizeof v->search, "%s", v->saved);
        v->list.sel = v->list.top = 0;
        load_rows(v, false);
        return;
    }
    snprintf(v->search, sizeof v->search, "%s", text);
    if (text[0])
        open_selected(v);
}

/* The keys that shape the list (c, s, h, N, a) shape the list, not search
 * results (a search looks at everyone, by name): on search results they
 * leave the search and show the list changed, at once. Changing the list
 * unseen behind the results would show only later, as a surprise. */
static void leave_search(caseload_view *v)
{
    v->search[0] = '\0';
    v->list.sel = v->list.top = 0;
    caseload_clear(&v->rows); /* no one of the results is selected in the list read next */
}

static void days_done(tui_ctx *c, void *arg, const char *text, bool accepted)
{
    caseload_view *v = arg;
    if (!accepted)
        return;
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || n < 0 || n > 3650) {
        tui_message(c, TM_ERROR, "'%s' is not a number of days (0 to 3650)", text);
        return;
    }
    v->q.no_contact_days = (int)n;
    if (v->search[0])
        leave_search(v);
    reload(v);
}

static tui_result action(tui_view *view, tui_ctx *c, tui_action a)
{
    caseload_view *v = (caseload_view *)view;
    if (tui_list_action(&v->list, a))
        return TR_NONE;
    switch (a) {
    case TA_OPEN: open_selected(v); return TR_NONE;
    case TA_SEARCH:
        if (!v->search[0])
            save_home(v);
        snprintf(v->saved, sizeof v->saved, "%s", v->search);
        v->searching = true;
        tui_prompt_start(c, "Search (name, CRN, PNC, date of birth): ", v->search, search_changed, search_done, v);
        return TR_NONE;
    case TA_SCOPE:
        if (!v->search[0])
            keep_left(v);
        v->q.scope = (case_scope)((v->q.scope + 1) % CASE_SCOPE_N);
        leave_search(v);
        back_to_left(v);
        if (v->rows.truncated)
            tui_message(c, TM_INFO, "the first %d people of everyone by name: use / to find anyone", CASELOAD_ALL_LIMIT);
        return TR_NONE;
    case TA_SORT:
        v->q.sort = (case_sort)((v->q.sort + 1) % CASE_SORT_N);
        if (v->search[0])
            leave_search(v);
        reload(v);
        return TR_NONE;
    case TA_FILTER_HIGH:
        v->q.high_only = !v->q.high_only;
        if (v->search[0])
            leave_search(v);
        reload(v);
        return TR_NONE;
    case TA_FILTER_NO_CONTACT: {
        char def[16];
        snprintf(def, sizeof def, "%d", v->q.no_contact_days > 0 ? v->q.no_contact_days : 28);
        tui_prompt_start(c, "No contact for at least how many days (0: no filter): ", def, NULL, days_done, v);
        return TR_NONE;
    }
    case TA_FILTER_CLEAR:
        v->q.high_only = false;
        v->q.no_contact_days = 0;
        if (v->search[0])
            leave_search(v);
        reload(v);
        return TR_NONE;
    case TA_RELOAD: reload(v); return TR_NONE;
    case TA_BACK:
        if (v->search[0]) { /* q/Esc on search results: back to the list first */
            v->search[0] = '\0';
            v->list.sel = v->list.top = 0;
            load_rows(v, false);
            return TR_NONE;
        }
        return TR_UNHANDLED;
    default: return TR_UNHANDLED;
    }
}

static void destroy(tui_view *view)
{
    caseload_view *v = (caseload_view *)view;
    caseload_free(&v->rows);
    caseload_free(&v->prev);
    caseload_free(&v->home.rows);
    for (int i = 0; i < CASE_SCOPE_N; i++)
        caseload_free(&v->left[i].rows);
    free(v);
}

static const char *const keymaps[] = {"list", NULL};
static const tui_view_ops ops = {"caseload", keymaps, title, draw, action, destroy, NULL, NULL};

tui_view *tui_caseload_new(tui_ctx *c)
{
    caseload_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->view.ops = &ops;
    v->c = c;
    v->q.scope = CASE_SCOPE_MINE; /* always opens on my caseload, even when it is empty */
    if (c->app->warning[0])
        tui_message(c, TM_WARN, "%s; c shows everyone", c->app->warning);
    else if (!c->app->officer[0])
        tui_message(c, TM_WARN, "who are you? use --officer CODE or CASELOAD_OFFICER; c shows everyone");
    memcpy(v->cols, COLUMNS_AT_80, sizeof v->cols);
    v->list = (tui_list){.cols = v->cols, .ncols = NCOLS, .cell = cell, .arg = v,
                         .empty = ""};
    reload(v);
    return &v->view;
}
