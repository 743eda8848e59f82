/* A person's risk banner, first on every screen about one person that shows
 * it in full (the record, its audit trail): the core's banner lines
 * (record.h), each coloured by what it says, wrapped, never more than half
 * the screen, so the screen's own lines always show below it. Its compact
 * form, one row, heads a screen with no room for it (a form). */
#include <stdio.h>

#include "caseload/textwidth.h"
#include "tui/tui_int.h"

tui_colour tui_record_colour(const cl_record *rec, record_role role)
{
    switch (role) {
    case RL_HEADING: return TC_HEADER;
    case RL_NAME: return TC_TITLE;
    case RL_ROSH: return tui_rosh_colour(rec->risk.rosh);
    case RL_STAFF: return TC_STAFF;
    case RL_FLAG: return TC_FLAG;
    case RL_OVERDUE: return TC_OVERDUE;
    case RL_CLOSED: return TC_CLOSED;
    default: return TC_NORMAL;
    }
}

typedef struct banner_arg {
    tui_lines *lines;
    const cl_record *rec;
} banner_arg;

static void add(void *arg, record_role role, const char *text, int hang)
{
    (void)hang; /* the banner wraps when drawn */
    banner_arg *b = arg;
    tui_lines_add(b->lines, tui_record_colour(b->rec, role), text);
}

void tui_banner_lines(const cl_record *rec, record_section s, tui_lines *out)
{
    banner_arg b = {out, rec};
    record_lines(rec, s, add, &b);
}

int tui_banner_draw(tui_view *v, tui_ctx *c, const tui_lines *banner, tui_rect r)
{
    /* Its lines wrap (a recall review with its response date is read whole,
     * not cut at 80 columns); rows beyond the half say where the rest is. */
    int max_banner = r.h / 2;
    enum { MAXW = 8 };
    size_t rows = 0;
    for (size_t i = 0; i < banner->n; i++) {
        tw_span sp[MAXW];
        size_t n = tw_wrap(banner->v[i].text, r.w, sp, MAXW);
        rows += n ? (n < MAXW ? n : MAXW) : 1;
    }
    const char *key = tui_action_key(v, TA_SEC_REGISTRATIONS);
    char more[80];
    if (key)
        snprintf(more, sizeof more, "... more registrations: press %s", key);
    else
        snprintf(more, sizeof more, "... more registrations: see the record");
    int y = r.y, row = 0;
    for (size_t i = 0; i < banner->n && row < max_banner; i++) {
        const tui_line *l = &banner->v[i];
        tui_colour role = l->role;
        int attr = tui_attr(c, role);
        if (role == TC_STAFF || role == TC_ROSH_HIGH || role == TC_ROSH_VERY_HIGH || role == TC_OVERDUE)
            attr |= A_BOLD;
        tw_span sp[MAXW];
        size_t n = tw_wrap(l->text, r.w, sp, MAXW);
        if (n == 0)
            sp[n++] = (tw_span){0, 0};
        for (size_t k = 0; k < n && k < MAXW && row < max_banner; k++, row++, y++) {
            if (row + 1 == max_banner && rows > (size_t)max_banner) {
                tui_put(y, r.x, r.w, tui_attr(c, TC_WARN), more);
                continue;
            }
            char part[1024];
            snprintf(part, sizeof part, "%.*s", (int)sp[k].len, l->text + sp[k].off);
            /* the full width, so RISK TO STAFF is a reversed bar nobody can miss */
            tui_put(y, r.x, r.w, attr, part);
        }
    }
    return y;
}

void tui_person_line(tui_ctx *c, int y, int x, int w, const char *name, const char *crn, const risk_summary *rs,
                     const char *enforcement)
{
    char who[2 * CL_NAME_LEN + CL_CODE_LEN + 8], flags[512], fit[512];
    snprintf(who, sizeof who, "%s  %s  ", name, crn);
    /* A long name gives way: the risk must show on the row. */
    int nw = tw_width(who) < w / 2 ? tw_width(who) : w / 2;
    tui_put(y, x, nw, A_BOLD, who);
    const char *rosh = risk_rosh_banner(rs->rosh);
    int rw = tw_width(rosh) < w - nw ? tw_width(rosh) : w - nw;
    tui_put(y, x + nw, rw, tui_attr(c, tui_rosh_colour(rs->rosh)), rosh);
    int fx = nw + rw + 2;
    if (fx >= w)
        return;
    tui_colour role;
    tui_flags_cell(risk_flags_short(rs, flags, sizeof flags), enforcement, rs->staff_banner, w - fx, fit, sizeof fit,
                   &role);
    tui_put(y, x + fx, w - fx, tui_attr(c, role), fit);
}
