/* The audit trail in words. One table says what each action's rows read as;
 * another how each column is named and shown. A row is matched on the action
 * it is part of (store_action: "end", "cancel", "import", ...), its record
 * kind and what the row did (insert, update, or a row written by name such as
 * crn-replaced); the first rule that fits gives the words. Rows written
 * before schema 8 name no action and hold only old values: they read as a
 * change with the values before it. */
#include "caseload/audit_words.h"

#include <stdio.h>
#include <string.h>

#include "caseload/dates.h"
#include "caseload/ref.h"
#include "caseload/risk.h"

/* A template's placeholders: {ref} the record as an officer knows it,
 * {entity}, {key}, {changes} "col old -> new, ...", {(changes)} the same in
 * brackets after a space (nothing when none), {detail} the row's text,
 * {before} an old row's values, {new:col|prefix} {old:col|prefix} a changed
 * column's value and {d:col|prefix} a detail member's (prefix and value only
 * when there is a value). A rule with no words hides the row. */
typedef struct aw_rule {
    const char *act;    /* the action the row is part of; NULL: any */
    const char *entity; /* NULL: any */
    const char *op;     /* the row's action column: insert, update, ...; NULL: any */
    const char *words;
    bool reason;        /* followed by ": REASON" when the action has one */
    const char *when;   /* "column=value": only a row that sets the column to it; NULL: any */
} aw_rule;

/* The act an update written before schema 8 is matched as. */
#define OLD_ROW "(before schema 8)"

static const aw_rule RULES[] = {
    /* rows written by name (store_audit) */
    {NULL, "offender", "crn-replaced", "replaced reference {d:from} with CRN {d:to}", false, NULL},
    {NULL, "offender", "override", "allocation rules overridden for {d:officer} ({d:rules}){d:reason|: }", false, NULL},
    {NULL, NULL, "import", "imported {entity} from {key}: {detail}", false, NULL},
    /* rows of an action, by trigger */
    {"log", "contact", "insert", "logged contact {ref}{new:outcome|: }", false, NULL},
    {"correct", "contact", "insert", "corrected contact {new:corrects} with contact {ref}{new:outcome|: }", false, NULL},
    {"register", "registration", "insert", "added registration {ref}{new:review_date|, review by }", false, NULL},
    {"rosh", "registration", "insert", "set the RoSH level: registration {ref}{new:review_date|, review by }", false, NULL},
    {"rosh", "registration", "update", "ended registration {ref}{new:reason|: }", false, NULL},
    {"review", "registration", "update", "reviewed registration {ref}{new:review_date|: next review by }", true, NULL},
    {"end", "registration", "update", "ended registration {ref}", true, NULL},
    {"book", "appointment", "insert", "booked appointment {ref}{new:type|, }{new:officer|, with }", true, NULL},
    {"move", "appointment", "insert", NULL, false, NULL}, /* the old appointment's row says where it went */
    {"move", "appointment", "update", "moved appointment {ref} to {new:moved_to}", true, NULL},
    {"cancel", "appointment", "update", "cancelled appointment {ref}", true, NULL},
    {"allocate", "offender", "update", "allocated the case{(changes)}", true, NULL},
    {"transfer", "offender", "update", "transferred the case{(changes)}", true, NULL},
    /* a transfer that cancels the case's appointments rather than moving them */
    {"transfer", "appointment", "update", "cancelled appointment {ref}{new:reason|: }", false, "status=cancelled"},
    {"allocate", "appointment", "update", "appointment {ref} followed the case{(changes)}", false, NULL},
    {"transfer", "appointment", "update", "appointment {ref} followed the case{(changes)}", false, NULL},
    {"follow", "appointment", "update", "appointment {ref} moved to the case's officer{(changes)}", false, NULL},
    {"allocate", "allocation", NULL, NULL, false, NULL}, /* the history row: the person's row says it */
    {"transfer", "allocation", NULL, NULL, false, NULL},
    {"set-crn", NULL, NULL, NULL, false, NULL}, /* the records carried to the new CRN: crn-replaced says it */
    /* rows written before schema 8 (OLD_ROW): only the values before the change */
    {OLD_ROW, "contact", NULL, NULL, false, NULL}, /* a contact changed only when a new CRN carried it */
    {OLD_ROW, NULL, NULL, "changed {entity} {ref}; before the change: {before}", false, NULL},
    {"intake", "offender", "insert", "new case from court{new:office|, office }", false, NULL},
    {NULL, "offender", "insert", "added the person{new:officer|, officer }", false, NULL},
    {NULL, NULL, "insert", "added {entity} {ref}", true, NULL},
    {NULL, "offender", "update", "changed {changes}", true, NULL},
    {NULL, NULL, "update", "changed {entity} {ref}: {changes}", true, NULL},
    {NULL, NULL, NULL, "{action} {entity} {ref}", true, NULL},
};


typedef enum { AW_TEXT, AW_DATE, AW_SLOT, AW_CONTACT_TYPE, AW_OUTCOME, AW_REG_TYPE, AW_CODE } aw_kind;

/* How a column is named and shown; others by their name, '_' as a space. */
typedef struct aw_column {
    const char *entity; /* NULL: any */
    const char *name;
    const char *label;
    aw_kind kind;
    const ref_set *codes; /* AW_CODE: the code's readable name */
} aw_column;

static const aw_column COLUMNS[] = {
    {"registration", "type", "type", AW_REG_TYPE, NULL},
    {"appointment", "type", "type", AW_CONTACT_TYPE, NULL},
    {"contact", "type", "type", AW_CONTACT_TYPE, NULL},
    {"orders", "type", "type", AW_CODE, &REF_ORDER_TYPES},
    {"requirement", "type", "type", AW_CODE, &REF_REQUIREMENT_TYPES},
    {"report", "type", "type", AW_CODE, &REF_REPORT_TYPES},
    {NULL, "gender", "gender", AW_CODE, &REF_GENDERS},
    {NULL, "grade", "grade", AW_CODE, &REF_GRADES},
    {NULL, "crn", "CRN", AW_TEXT, NULL},
    {NULL, "pnc", "PNC", AW_TEXT, NULL},
    {NULL, "date_of_birth", "date of birth", AW_DATE, NULL},
    {NULL, "start_date", "start date", AW_DATE, NULL},
    {NULL, "review_date", "review date", AW_DATE, NULL},
    {NULL, "reviewed_on", "reviewed on", AW_DATE, NULL},
    {NULL, "end_date", "end date", AW_DATE, NULL},
    {NULL, "sentence_date", "sentence date", AW_DATE, NULL},
    {NULL, "requested", "requested", AW_DATE, NULL},
    {NULL, "due", "due", AW_DATE, NULL},
    {NULL, "date", "date", AW_DATE, NULL},
    {NULL, "start", "time", AW_TEXT, NULL},
    {NULL, "moved_to", "moved to", AW_SLOT, NULL},
    {NULL, "replaced_by", "replaced by", AW_TEXT, NULL},
    {NULL, "order_id", "order", AW_TEXT, NULL},
    {NULL, "outcome", "outcome", AW_OUTCOME, NULL},
    {NULL, "hours_start", "opens", AW_TEXT, NULL},
    {NULL, "hours_end", "closes", AW_TEXT, NULL},
};

static const struct {
    const char *table, *words;
} ENTITIES[] = {
    {"offender", "person"}, {"orders", "order"}, {"staff", "staff member"}, {"holiday", "bank holiday"},
    {"setting", "office setting"},
};

typedef struct out {
    char *buf;
    size_t len, at;
    bool cut;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->cut || o->len < 5)
        return;
    size_t room = o->len - 1 - o->at;
    if (n <= room) {
        memcpy(o->buf + o->at, s, n);
        o->at += n;
    } else { /* as much as fits, then "..." */
        size_t keep = room > 3 ? room - 3 : 0;
        memcpy(o->buf + o->at, s, keep);
        o->at += keep;
        if (o->at + 3 > o->len - 1)
            o->at = o->len - 4;
        memcpy(o->buf + o->at, "...", 3);
        o->at += 3;
        o->cut = true;
    }
    o->buf[o->at] = '\0';
}
static void puts_(out *o, const char *s) { put(o, s, strlen(s)); }

static bool eq(const char *a, const char *b) { return a && b && !strcmp(a, b); }

static const aw_column *column(const char *entity, const char *name)
{
    for (size_t i = 0; i < sizeof COLUMNS / sizeof COLUMNS[0]; i++)
        if (eq(COLUMNS[i].name, name) && (!COLUMNS[i].entity || eq(COLUMNS[i].entity, entity)))
            return &COLUMNS[i];
    return NULL;
}

static void put_label(out *o, const char *entity, const char *name)
{
    const aw_column *c = column(entity, name);
    if (c) {
        puts_(o, c->label);
        return;
    }
    for (const char *p = name; *p; p++)
        put(o, *p == '_' ? " " : p, 1);
}

/* "2026-12-29" -> "Tue 29 Dec 2026"; "2026-12-29 16:30" -> "Tue 29 Dec 2026 16:30". */
static bool put_date(out *o, const char *v)
{
    char iso[CL_DATE_LEN], words[32];
    cl_date d;
    snprintf(iso, sizeof iso, "%.10s", v);
    if (strlen(v) < 10 || !date_parse_iso(iso, &d))
        return false;
    puts_(o, date_format_long(d, words));
    puts_(o, v + 10);
    return true;
}

static void put_value(out *o, const char *entity, const char *name, const char *v)
{
    if (!v || !*v) {
        puts_(o, "none");
        return;
    }
    const aw_column *c = column(entity, name);
    const char *words = NULL;
    switch (c ? c->kind : AW_TEXT) {
    case AW_DATE:
    case AW_SLOT:
        if (put_date(o, v))
            return;
        break;
    case AW_CONTACT_TYPE: {
        const ref_contact_type *t = ref_find_contact_type(v);
        words = t ? t->name : NULL;
        break;
    }
    case AW_OUTCOME: {
        const ref_outcome *x = ref_find_outcome(v);
        words = x ? x->name : NULL;
        break;
    }
    case AW_REG_TYPE: {
        const risk_regtype *t = risk_type(v);
        words = t ? t->words : NULL;
        break;
    }
    case AW_CODE:
        words = ref_name(c->codes, v);
        break;
    case AW_TEXT:
        break;
    }
    puts_(o, words ? words : v);
}

static const store_audit_field *find(const store_audit_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (eq(f[i].name, name))
            return &f[i];
    return NULL;
}

/* A column given with its value unchanged (a registration's dates) is no change. */
static bool changed(const store_audit_field *f)
{
    return !(f->old ? f->new_ && !strcmp(f->old, f->new_) : !f->new_);
}

static size_t nchanged(const store_audit_row *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nchanges; i++)
        n += changed(&r->changes[i]);
    return n;
}

static void put_changes(out *o, const store_audit_row *r)
{
    bool first = true;
    for (size_t i = 0; i < r->nchanges; i++) {
        const store_audit_field *f = &r->changes[i];
        if (!changed(f))
            continue;
        if (!first)
            puts_(o, ", ");
        first = false;
        put_label(o, r->entity, f->name);
        puts_(o, " ");
        put_value(o, r->entity, f->name, f->old);
        puts_(o, " -> ");
        put_value(o, r->entity, f->name, f->new_);
    }
    if (first)
        puts_(o, "nothing shown");
}

static void put_before(out *o, const store_audit_row *r)
{
    for (size_t i = 0; i < r->nfields; i++) {
        if (i)
            puts_(o, ", ");
        put_label(o, r->entity, r->fields[i].name);
        puts_(o, " ");
        put_value(o, r->entity, r->fields[i].name, r->fields[i].old);
    }
}

/* A value the row knows: the subject's parts, else a detail member (old rows). */
static const char *known(const store_audit_row *r, const char *name)
{
    const store_audit_field *f = find(r->fields, r->nfields, name);
    return f && f->old ? f->old : NULL;
}

/* The record as an officer knows it: "91 DOMESTIC ABUSE PERPETRATOR",
 * "Tue 29 Dec 2026 16:30", "C84C9761CCA86 Office visit Tue 8 Dec 2026 10:30". */
static void put_ref(out *o, const store_audit_row *r)
{
    const char *e = r->entity, *subj = r->subject;
    if (eq(e, "offender")) {
        puts_(o, r->key);
        return;
    }
    if (eq(e, "appointment")) {
        char slot[40];
        const char *d = known(r, "date"), *t = known(r, "start");
        if (!*subj && d)
            snprintf(slot, sizeof slot, "%s %s", d, t ? t : ""), subj = slot;
        if (*subj && put_date(o, subj))
            return;
        puts_(o, r->key);
        return;
    }
    puts_(o, r->key);
    if (eq(e, "contact") && *subj) {
        const char *sp = strchr(subj, ' ');
        char code[16];
        snprintf(code, sizeof code, "%.*s", sp ? (int)(sp - subj) : (int)strlen(subj), subj);
        puts_(o, " ");
        put_value(o, e, "type", code);
        if (sp) {
            puts_(o, " ");
            if (!put_date(o, sp + 1))
                puts_(o, sp + 1);
        }
        return;
    }
    const char *type = *subj ? subj : known(r, "type");
    if (type && *type && !eq(e, "allocation") && !eq(e, "holiday") && !eq(e, "office") && !eq(e, "staff")) {
        puts_(o, " ");
        put_value(o, e, "type", type);
    } else if (*subj && !eq(e, "allocation")) {
        puts_(o, " ");
        puts_(o, subj);
    }
}

static void put_entity(out *o, const char *table)
{
    for (size_t i = 0; i < sizeof ENTITIES / sizeof ENTITIES[0]; i++)
        if (eq(ENTITIES[i].table, table)) {
            puts_(o, ENTITIES[i].words);
            return;
        }
    puts_(o, table);
}

/* {new:col|prefix} and the like: the prefix and the value, when there is one. */
static void put_named(out *o, const store_audit_row *r, const char *spec, size_t n)
{
    char what[64];
    snprintf(what, sizeof what, "%.*s", (int)n, spec);
    char *bar = strchr(what, '|');
    const char *prefix = "";
    if (bar)
        *bar = '\0', prefix = bar + 1;
    char *colon = strchr(what, ':');
    if (!colon)
        return;
    *colon = '\0';
    const char *name = colon + 1, *v = NULL;
    if (!strcmp(what, "d")) {
        v = known(r, name);
    } else {
        const store_audit_field *f = find(r->changes, r->nchanges, name);
        v = f ? (!strcmp(what, "old") ? f->old : f->new_) : NULL;
    }
    if (!v || !*v)
        return;
    puts_(o, prefix);
    put_value(o, r->entity, name, v);
}

static void expand(out *o, const store_audit_row *r, const char *t)
{
    while (*t) {
        const char *open = strchr(t, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close) {
            puts_(o, t);
            return;
        }
        put(o, t, (size_t)(open - t));
        size_t n = (size_t)(close - open - 1);
        const char *p = open + 1;
#define IS(s) (n == sizeof s - 1 && !strncmp(p, s, n))
        if (IS("ref"))
            put_ref(o, r);
        else if (IS("entity"))
            put_entity(o, r->entity);
        else if (IS("key"))
            puts_(o, r->key);
        else if (IS("action"))
            puts_(o, r->action);
        else if (IS("detail"))
            puts_(o, r->detail);
        else if (IS("changes"))
            put_changes(o, r);
        else if (IS("(changes)")) {
            if (nchanged(r)) {
                puts_(o, " (");
                put_changes(o, r);
                puts_(o, ")");
            }
        } else if (IS("before"))
            put_before(o, r);
        else
            put_named(o, r, p, n);
#undef IS
        t = close + 1;
    }
}

/* A rule's when ("column=value"): the row changed the column to the value. */
static bool sets(const store_audit_row *r, const char *when)
{
    const char *eqs = strchr(when, '=');
    char col[32];
    snprintf(col, sizeof col, "%.*s", eqs ? (int)(eqs - when) : 0, when);
    const store_audit_field *f = eqs ? find(r->changes, r->nchanges, col) : NULL;
    return f && f->new_ && eq(f->new_, eqs + 1);
}

static const aw_rule *rule_for(const store_audit_row *r)
{
    const char *act = r->old_form ? OLD_ROW : r->act;
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++) {
        const aw_rule *x = &RULES[i];
        if ((!x->act || eq(x->act, act)) && (!x->entity || eq(x->entity, r->entity)) &&
            (!x->op || eq(x->op, r->action)) && (!x->when || sets(r, x->when)))
            return x;
    }
    return NULL; /* not reached: the last rule fits every row */
}

bool audit_words(const store_audit_row *r, char *buf, size_t len)
{
    out o = {buf, len, 0, false};
    if (!len)
        return false;
    buf[0] = '\0';
    const aw_rule *x = rule_for(r);
    if (!x || !x->words)
        return false;
    expand(&o, r, x->words);
    if (x->reason && *r->reason) {
        puts_(&o, ": ");
        puts_(&o, r->reason);
    }
    if (*r->via) {
        puts_(&o, " (");
        puts_(&o, r->via);
        puts_(&o, ")");
    }
    return true;
}

int audit_head(const store_audit_row *r, char *buf, size_t len)
{
    /* "2026-12-08T10:30" -> "2026-12-08 10:30" */
    bool time = strlen(r->at) > 11;
    return snprintf(buf, len, "%.10s%s%s %s ", r->at, time ? " " : "", time ? r->at + 11 : "", r->who);
}

bool audit_line(const store_audit_row *r, char *buf, size_t len)
{
    int n = audit_head(r, buf, len);
    if (n < 0 || (size_t)n >= len || !audit_words(r, buf + n, len - (size_t)n)) {
        if (len)
            buf[0] = '\0';
        return false;
    }
    return true;
}
