/* Import: header-driven, validated against the column table, written through
 * the store's upserts in one transaction. The reader thread (imp_read.c)
 * parses and checks each row on its own; here, on the caller's thread, each
 * row's references are checked against the database, the row is written, and
 * every error is reported in file order. Valid rows are written as they come
 * (so a later row may refer to an earlier one) even after an error, to find
 * every error in one pass; any error rolls the whole transaction back. A
 * column the file does not have keeps what a stored record holds
 * (keep_absent). The row path allocates nothing (but the notes of a stored
 * record read back): rows come in reused blocks, statements are cached by
 * the store. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload/alloc.h"
#include "caseload/case_open.h"
#include "caseload/import.h"
#include "caseload/pnc.h"
#include "caseload/store_intake.h"
#include "caseload/timescale.h"
#include "io/imp_int.h"
#include "io/refset.h"

#define REF_CACHE 64
/* After this many references of one kind looked up one by one, every key of
 * that kind is read into memory (refset.h) and the rest are probed there:
 * reading 2 million appointment keys costs about as much as 200,000 lookups,
 * and a file that small never reads them. */
#define REFSET_AFTER 20000

typedef struct deferred {
    long line;
    const csv_column *col;
    char key[CL_ID_LEN];
    const char *earlier; /* cf_earlier_rule: an error already counted (its row was not written) */
    bool shown;          /* that error is within the ones reported */
    long at;             /* the later line that has the key (earlier rules only); 0: none */
} deferred;

/* The writer's side of one import. */
typedef struct imp {
    cl_store *st;
    const csv_format *fmt;
    const char *name;
    const imp_opts *o;
    imp_counts *c;
    const csv_column *key_col;           /* the first key column, for messages */
    char cache[IMP_MAX_COLS][REF_CACHE]; /* last reference found per column */
    const csv_column *person;            /* the row's person (cf_person_col), for its orders */
    bool persons[IMP_MAX_COLS];          /* a reference that must be the person's (cf_is_persons) */
    char owner[IMP_MAX_COLS][CL_CODE_LEN]; /* the person of the order in cache */
    long ref_queries[STORE_KINDS_N];     /* references of each kind looked up one by one */
    refset refs[STORE_KINDS_N];          /* every key of a kind, once ref_queries reaches REFSET_AFTER */
    bool refs_held[STORE_KINDS_N];
    bool first_load;                     /* the kind's table was empty when the load began */
    bool keep;                           /* the header lacks some columns: rows take them from stored records */
    imp_rec stored;                      /* the stored record of the row being written */
    deferred *later;                     /* references to this same kind, checked at the end */
    size_t nlater, caplater;
    keyset ahead;                        /* keys of those that had to be earlier rows (cf_earlier_rule) */
    int fatal;
    bool broken;                         /* the file's quoting broke: nothing after it was read */
    imp_reg reg;                         /* registrations: the rules register follows */
    bool reg_on;
    imp_holder holder;                   /* offenders: who may hold a case */
    bool holder_on;
    imp_closed closed;                   /* appointments: the closed cases, which take none after closing */
    bool closed_on;
    const csv_column *appt_col;          /* contacts: the appointment whose outcome a row records */
    imp_appt appt;                       /* its facts, for the outcome rules */
    cl_err *err;
} imp;

static void report(imp *im, const char *line)
{
    if (im->o && im->o->report)
        im->o->report(im->o ? im->o->arg : NULL, line);
}

static void say(imp *im, long line, const char *col, const char *fmt, va_list ap)
{
    char msg[1200];
    int n = snprintf(msg, sizeof msg, "%s:%ld: %s: ", im->name, line, col);
    if (n > 0 && (size_t)n < sizeof msg)
        vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    report(im, msg);
}

static void bad(imp *im, long line, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void bad(imp *im, long line, const char *col, const char *fmt, ...)
{
    if (++im->c->errors > IMP_MAX_REPORTED)
        return;
    va_list ap;
    va_start(ap, fmt);
    say(im, line, col, fmt, ap);
    va_end(ap);
}

/* The words of an error counted earlier (its row was held back), when shown. */
static void bad_counted(imp *im, bool shown, long line, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void bad_counted(imp *im, bool shown, long line, const char *col, const char *fmt, ...)
{
    if (!shown)
        return;
    va_list ap;
    va_start(ap, fmt);
    say(im, line, col, fmt, ap);
    va_end(ap);
}

static bool add_later(imp *im, long line, const csv_column *col, const char *key, const char *earlier)
{
    if (im->nlater == im->caplater) {
        size_t cap = im->caplater ? im->caplater * 2 : 64;
        deferred *d = realloc(im->later, cap * sizeof *d);
        if (!d)
            return false;
        im->later = d;
        im->caplater = cap;
    }
    deferred *d = &im->later[im->nlater++];
    *d = (deferred){.line = line, .col = col, .earlier = earlier};
    snprintf(d->key, sizeof d->key, "%s", key);
    if (!earlier)
        return true;
    /* The row is not written (nothing may then rest on it); the words wait
     * for the end, when it is known whether the key came later. */
    d->shown = ++im->c->errors <= IMP_MAX_REPORTED;
    return keyset_add(&im->ahead, key, line) >= 0;
}

/* A row whose key an earlier row needed before it (cf_earlier_rule): noted for
 * the message, written or not. */
static void note_ahead(imp *im, const imp_row *row)
{
    char tmp[64];
    const char *key = cf_format(im->key_col, &row->rec, tmp, sizeof tmp);
    if (!keyset_has(&im->ahead, key))
        return;
    for (size_t i = 0; i < im->nlater; i++)
        if (im->later[i].earlier && !im->later[i].at && !strcmp(im->later[i].key, key))
            im->later[i].at = row->line;
}

/* A reference to another kind (or to this kind's rows already in the
 * database). The keys in memory are exact; one not among them is asked of the
 * database all the same (only a bad row pays that). */
static bool ref_found(imp *im, store_kind kind, const char *key)
{
    if (im->refs_held[kind])
        return refset_has(&im->refs[kind], key) || store_exists(im->st, kind, key);
    if (kind != im->fmt->store && ++im->ref_queries[kind] == REFSET_AFTER)
        im->refs_held[kind] = refset_load(&im->refs[kind], im->st, kind, NULL) == CL_OK;
    return store_exists(im->st, kind, key);
}

static void missing(imp *im, long line, const csv_column *c, const char *v)
{
    bad(im, line, c->name, "no %s '%s' in the database (import %s first)", imp_nouns[c->ref], v,
        CSV_FORMATS[c->ref].kind);
}

/* The person whose order or appointment key is (kind), or NULL when there
 * is none: from memory as ref_found finds keys (refset_owner), so a national
 * load makes no query a row for it; found is the person's CRN. An
 * appointment's facts go to im->appt (from memory too). */
static const char *record_owner(imp *im, store_kind kind, const char *key, char *found)
{
    if (im->refs_held[kind]) {
        /* An appointment with a fact outside the tables is read instead. */
        const char *o = kind == STORE_APPOINTMENT ? refset_appt(&im->refs[kind], key, &im->appt.f)
                                                  : refset_owner(&im->refs[kind], key);
        if (o)
            return o;
    } else if (++im->ref_queries[kind] == REFSET_AFTER) {
        im->refs_held[kind] = refset_load(&im->refs[kind], im->st, kind, NULL) == CL_OK;
    }
    if (kind == STORE_ORDER) {
        cl_order o;
        if (store_get_order(im->st, key, &o, NULL) != CL_OK)
            return NULL;
        memcpy(found, o.crn, CL_CODE_LEN);
    } else {
        cl_appointment a;
        if (store_get_appointment(im->st, key, &a, NULL) != CL_OK)
            return NULL;
        memcpy(found, a.crn, CL_CODE_LEN);
        imp_appt_from_row(&im->appt, &a);
        cl_appointment_clear(&a);
    }
    return found;
}

/* An order the row counts for, or the appointment a contact records, must be
 * its person's, as on the command line (case_record_of, in its words). */
static void check_owner(imp *im, size_t k, const void *rec, const char *v, long line)
{
    const csv_column *c = &im->fmt->cols[k];
    if (strcmp(im->cache[k], v)) {
        const char *owner = record_owner(im, c->ref, v, im->owner[k]);
        if (!owner) {
            im->cache[k][0] = '\0';
            missing(im, line, c, v);
            return;
        }
        if (owner != im->owner[k])
            snprintf(im->owner[k], sizeof im->owner[k], "%s", owner);
        im->cache[k][0] = '\0';
        if (strlen(v) < REF_CACHE)
            memcpy(im->cache[k], v, strlen(v) + 1);
    }
    const char *crn = (const char *)rec + im->person->offset;
    cl_err why; /* written only on a refusal: no 1 KB clearing a row */
    if (*crn && case_record_of(imp_nouns[c->ref], crn, v, im->owner[k], &why) != CL_OK)
        bad(im, line, c->name, "%s", why.msg);
    else if (c == im->appt_col)
        im->appt.found = *crn != '\0';
}

/* A contact that records an appointment's outcome, by the rules logging one
 * follows (appt_outcome_check), once its appointment is found its person's. */
static void check_outcome(imp *im, const cl_contact *c, long line)
{
    if (!im->appt.found)
        return;
    const char *col;
    cl_err why;
    int rc = imp_appt_check(&im->appt, im->st, im->first_load, im->c->errors >= IMP_MAX_REPORTED, c,
                            im->appt_col->name, &col, &why);
    if (rc == CL_EDATA)
        bad(im, line, col, "%s", why.msg);
    else if (rc != CL_OK)
        *im->err = why, im->fatal = rc;
}

/* A PNC another person holds already (file-wide repeats are the reader's). A
 * first load has none stored. */
static void check_pnc_held(imp *im, const cl_offender *o, long line)
{
    if (im->fmt->store != STORE_OFFENDER || im->first_load || !o->pnc[0])
        return;
    char holder[CL_CODE_LEN];
    cl_err e = {0};
    int rc = store_pnc_holder(im->st, o->pnc, o->crn, holder, sizeof holder, &e);
    if (rc != CL_OK)
        *im->err = e, im->fatal = rc;
    else if (holder[0])
        bad(im, line, "pnc", "%s is held by %s: %s", o->pnc, holder, PNC_ONE_PERSON);
}

static void check_refs(imp *im, const void *rec, long line)
{
    im->appt.found = false;
    for (size_t k = 0; k < im->fmt->ncols; k++) {
        const csv_column *c = &im->fmt->cols[k];
        if (c->ref == STORE_KINDS_N)
            continue;
        const char *v = (const char *)rec + c->offset;
        if (*v && im->persons[k]) {
            check_owner(im, k, rec, v, line);
            continue;
        }
        if (!*v || !strcmp(im->cache[k], v) || ((c->flags & CF_ALL) && !strcmp(v, TS_SCOPE_ALL)))
            continue;
        if (ref_found(im, c->ref, v)) {
            if (strlen(v) < REF_CACHE)
                memcpy(im->cache[k], v, strlen(v) + 1);
        } else if (c->ref == im->fmt->store) {
            /* May be a later row of this file: checked when all are in. */
            if (!add_later(im, line, c, v, cf_earlier_rule(im->fmt, c)))
                im->fatal = cl_err_set(im->err, CL_ESOFTWARE, "out of memory");
        } else {
            missing(im, line, c, v);
        }
    }
}

typedef int (*put_fn)(cl_store *st, const void *rec, store_put_res *res, cl_err *err);
#define PUT(name, T)                                                                           \
    static int put_##name(cl_store *st, const void *rec, store_put_res *res, cl_err *err)      \
    {                                                                                          \
        return store_put_##name(st, (const T *)rec, res, err);                                 \
    }
PUT(office, cl_office) PUT(staff, cl_staff) PUT(offender, cl_offender) PUT(order, cl_order)
PUT(requirement, cl_requirement) PUT(registration, cl_registration)
PUT(appointment, cl_appointment) PUT(contact, cl_contact) PUT(report, cl_report)
PUT(holiday, cl_holiday) PUT(setting, cl_setting)
static const put_fn puts_by_kind[STORE_KINDS_N] = {
    put_office, put_staff, put_offender, put_order, put_requirement,
    put_registration, put_appointment, put_contact, put_report, put_holiday, put_setting,
};

/* The stored record with the row's key; holidays and settings have no column
 * a file may leave out, so are never read back. */
typedef int (*get_fn)(cl_store *st, const void *rec, void *out, cl_err *err);
#define GET(name, T, key)                                                                      \
    static int get_##name(cl_store *st, const void *rec, void *out, cl_err *err)              \
    {                                                                                          \
        return store_get_##name(st, ((const T *)rec)->key, out, err);                          \
    }
GET(office, cl_office, code) GET(staff, cl_staff, code) GET(offender, cl_offender, crn)
GET(order, cl_order, id) GET(requirement, cl_requirement, id) GET(appointment, cl_appointment, id)
GET(contact, cl_contact, id) GET(report, cl_report, id)
static int get_registration(cl_store *st, const void *rec, void *out, cl_err *err)
{
    const cl_registration *g = rec;
    return store_get_registration(st, g->crn, g->type, g->start_date, out, err);
}
static const get_fn gets_by_kind[STORE_KINDS_N] = {
    get_office, get_staff, get_offender, get_order, get_requirement,
    get_registration, get_appointment, get_contact, get_report, NULL, NULL,
};

/* Known once the reader hands over its first block (the header is read by
 * then): a file without some of the kind's columns must not blank them in
 * records it updates. A first load has no record to update: no lookups. */
static void take_header(imp *im, const imp_reader *rd)
{
    for (size_t k = 0; k < im->fmt->ncols; k++)
        im->keep |= !rd->named[k];
    im->keep = im->keep && !im->first_load && gets_by_kind[im->fmt->store];
}

/* The columns the header does not name take the values of the record stored
 * under the row's key, if any (a new record keeps the defaults). *held: the
 * stored record's notes are to be freed after the put (release_stored). */
static int keep_absent(imp *im, const imp_reader *rd, void *rec, bool *held)
{
    *held = false;
    cl_err e = {0};
    int rc = gets_by_kind[im->fmt->store](im->st, rec, &im->stored, &e);
    if (rc == CL_ENOINPUT)
        return CL_OK;
    if (rc != CL_OK) {
        *im->err = e;
        return rc;
    }
    *held = true;
    for (size_t k = 0; k < im->fmt->ncols; k++) {
        const csv_column *c = &im->fmt->cols[k];
        if (!rd->named[k]) /* a notes pointer too: the stored copy lives until release_stored */
            memcpy((char *)rec + c->offset, (const char *)&im->stored + c->offset, c->size);
    }
    return CL_OK;
}

/* store_get_* gave the stored record's notes to us. */
static void release_stored(imp *im)
{
    for (size_t k = 0; k < im->fmt->ncols; k++)
        if (im->fmt->cols[k].type == CF_NOTES)
            free(*(char **)(void *)((char *)&im->stored + im->fmt->cols[k].offset));
}

/* Writes a checked row and counts what the put did. */
static void put_row(imp *im, const imp_reader *rd, imp_row *row)
{
    bool held = false;
    if (im->keep && (im->fatal = keep_absent(im, rd, &row->rec, &held)) != CL_OK)
        return;
    store_put_res res;
    cl_err e = {0};
    int rc = im->reg_on ? imp_reg_row(&im->reg, im->st, &row->rec.f, &e) : CL_OK;
    /* After keep_absent: an officer the file leaves out is the stored one. */
    const char *col = im->key_col ? im->key_col->name : "row";
    char warn[1024] = "";
    if (rc == CL_OK && im->holder_on &&
        (rc = imp_holder_row(&im->holder, im->st, im->first_load, &row->rec.c, warn, sizeof warn, &e)))
        col = "officer";
    if (rc == CL_OK && im->closed_on && (rc = imp_closed_row(&im->closed, &row->rec.g, &e)))
        col = "date";
    if (rc == CL_OK)
        rc = puts_by_kind[im->fmt->store](im->st, &row->rec, &res, &e);
    /* A closed case: its appointments after the closure are cancelled
     * with it (unchanged rows too: an older database may hold some; a
     * first load has no appointment yet). */
    size_t cancelled = 0;
    if (rc == CL_OK && im->holder_on && !im->first_load &&
        !strcmp(row->rec.c.status, "closed") && (rc = alloc_appts_case_closed(im->st, row->rec.c.crn, &cancelled, &e)) == CL_OK)
        im->c->appts_cancelled += (long long)cancelled;
    if (held)
        release_stored(im);
    if (rc == CL_EDATA) {
        bad(im, row->line, col, "%s", e.msg);
        return;
    }
    if (rc != CL_OK) {
        *im->err = e;
        im->fatal = rc;
        return;
    }
    if (warn[0]) /* taken, and said: bad_counted's words, counted here */
        bad_counted(im, ++im->c->held_against <= IMP_MAX_REPORTED, row->line, "officer", "warning: %s", warn);
    if (res == STORE_INSERTED)
        im->c->inserted++;
    else if (res == STORE_UPDATED)
        im->c->updated++;
    else
        im->c->unchanged++;
}

/* One row from the reader: its errors, its references, then the write. */
static void write_row(imp *im, const imp_reader *rd, const imp_block *b, imp_row *row)
{
    long before = im->c->errors;
    const char *t = row->nerr ? b->text.text + row->err_at : NULL;
    for (int i = 0; i < row->nerr; i++) {
        const char *msg = t + strlen(t) + 1;
        bad(im, row->line, t, "%s", msg);
        t = msg + strlen(msg) + 1;
    }
    if (!row->record)
        return;
    if (im->ahead.n && im->key_col)
        note_ahead(im, row);
    for (int k = 0; k < rd->nnotes; k++) {
        char **p = (char **)(void *)((char *)&row->rec + rd->notes[k]->offset);
        *p = row->notes_at[k] == (size_t)-1 ? NULL : b->text.text + row->notes_at[k];
    }
    check_refs(im, &row->rec, row->line); /* fields that failed are empty and skipped */
    if (!im->fatal)
        check_pnc_held(im, &row->rec.c, row->line);
    if (!im->fatal && im->appt_col)
        check_outcome(im, &row->rec.h, row->line);
    if (im->fatal)
        return;
    if (row->dup) {
        const char *col = b->text.text + row->dup_at;
        bad(im, row->line, col, "%s", col + strlen(col) + 1);
    }
    if (im->c->errors == before)
        put_row(im, rd, row);
    if (im->c->errors == before && !im->fatal && im->appt.found &&
        !imp_appt_written(&im->appt, im->first_load, &row->rec.h, row->line))
        im->fatal = cl_err_set(im->err, CL_ESOFTWARE, "out of memory");
}

/* Reads the source on the reader thread and writes here, block by block.
 * Returns CL_OK, IMP_STOP_HEADER, or an error (err set). */
static int read_and_write(imp *im, const imp_source *src, bool *header_seen)
{
    imp_queue q;
    if (imp_queue_init(&q) != 0)
        return cl_err_set(im->err, CL_ESOFTWARE, "cannot set up the import");
    atomic_bool stop;
    atomic_init(&stop, false);
    imp_reader rd;
    imp_reader_init(&rd, im->fmt, im->name, src, im->o ? im->o->shift : 0, im->o ? im->o->cal : NULL, &q, &stop);
    pthread_t reader;
    if (pthread_create(&reader, NULL, imp_reader_main, &rd) != 0) {
        imp_reader_free(&rd);
        imp_queue_free(&q);
        return cl_err_set(im->err, CL_ESOFTWARE, "cannot start the import's reader");
    }
    imp_block *b;
    bool header_taken = false;
    while ((b = imp_queue_take(&q)) != NULL) {
        if (!header_taken) {
            take_header(im, &rd);
            header_taken = true;
        }
        for (int i = 0; i < b->n && !im->fatal; i++)
            write_row(im, &rd, b, &b->rows[i]);
        if (b->progress && !im->fatal && im->o && im->o->progress)
            im->o->progress(im->o->arg, b->done, b->total);
        imp_queue_give_back(&q, b);
        if (im->fatal)
            atomic_store(&stop, true);
    }
    pthread_join(reader, NULL);
    *header_seen = rd.header_done;
    int rc = im->fatal;
    if (!rc && rd.rc == CL_EDATA) {
        /* Broken quoting ("FILE:LINE: column: malformed CSV: ..."): one more
         * error in the list, with the others and their count; reading stops
         * there, as nothing after it can be told apart. */
        im->broken = true;
        if (++im->c->errors <= IMP_MAX_REPORTED)
            report(im, rd.err.msg);
    } else if (!rc && rd.rc != CL_OK && rd.rc != IMP_STOPPED) {
        rc = rd.rc;
        if (rc != IMP_STOP_HEADER)
            *im->err = rd.err;
    }
    imp_reader_free(&rd);
    imp_queue_free(&q);
    return rc;
}

static void check_later(imp *im)
{
    for (size_t i = 0; i < im->nlater; i++) {
        const deferred *d = &im->later[i];
        const char *noun = imp_nouns[d->col->ref];
        if (d->earlier && d->at)
            bad_counted(im, d->shown, d->line, d->col->name, "%s '%s' comes later in the file (line %ld): %s",
                        noun, d->key, d->at, d->earlier);
        else if (d->earlier)
            bad_counted(im, d->shown, d->line, d->col->name, "no %s '%s' in the file or the database", noun,
                        d->key);
        else if (!store_exists(im->st, d->col->ref, d->key))
            bad(im, d->line, d->col->name, "no %s '%s' in the file or the database", noun, d->key);
    }
}

static int run(cl_store *st, const csv_format *fmt, const char *name, const imp_source *src,
               const imp_opts *o, imp_counts *out, cl_err *err)
{
    imp_counts dummy;
    if (!out)
        out = &dummy;
    *out = (imp_counts){0};
    imp *im = calloc(1, sizeof *im);
    if (!im)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    cl_err local = {0};
    if (!err)
        err = &local;
    *im = (imp){.st = st, .fmt = fmt, .name = name, .o = o, .c = out, .err = err};
    for (size_t k = 0; k < fmt->ncols && !im->key_col; k++)
        if (fmt->cols[k].flags & CF_KEY)
            im->key_col = &fmt->cols[k];
    im->person = cf_person_col(fmt);
    for (size_t k = 0; k < fmt->ncols && k < IMP_MAX_COLS; k++) {
        im->persons[k] = cf_is_persons(fmt, &fmt->cols[k]);
        if (im->persons[k] && fmt->store == STORE_CONTACT && fmt->cols[k].ref == STORE_APPOINTMENT)
            im->appt_col = &fmt->cols[k];
    }

    int rc = im->appt_col ? clock_read(&im->appt.now, err) : CL_OK;
    if (rc == CL_OK)
        rc = store_bulk_begin(st, err);
    if (rc == CL_OK && src->path && o && o->bulk_bytes > 0) {
        struct stat sb;
        if (stat(src->path, &sb) == 0 && (long long)sb.st_size >= o->bulk_bytes)
            rc = store_bulk_journal(st, err);
    }
    if (rc == CL_OK)
        rc = store_begin(st, err);
    if (rc == CL_OK)
        rc = store_defer_references(st, err);
    if (rc == CL_OK) { /* each update's audit row names the file (a summary row covers the inserts) */
        char via[600];
        snprintf(via, sizeof via, "import %s", name);
        store_action(st, "import", NULL, via);
    }
    if (rc == CL_OK)
        rc = store_bulk_first_load(st, fmt->store, &im->first_load, err);
    if (rc == CL_OK && fmt->store == STORE_REGISTRATION) {
        im->reg_on = true;
        rc = imp_reg_init(&im->reg, st, im->first_load, err);
    }
    if (rc == CL_OK && fmt->store == STORE_OFFENDER) {
        im->holder_on = true;
        rc = imp_holder_init(&im->holder, st, err);
    }
    if (rc == CL_OK && fmt->store == STORE_APPOINTMENT) {
        im->closed_on = true;
        rc = imp_closed_init(&im->closed, st, err);
    }
    if (rc == CL_OK) {
        bool header_seen = false;
        rc = read_and_write(im, src, &header_seen);
        if (rc == IMP_STOP_HEADER)
            rc = CL_OK; /* reported; errors > 0 */
        if (rc == CL_OK && !header_seen && !im->broken)
            bad(im, 1, "header", "empty file: the first line must name the columns");
        if (rc == CL_OK && !im->broken) /* rows past the break were never read: no "not in the file" */
            check_later(im);
        if (rc == CL_OK && out->errors) {
            if (out->errors > IMP_MAX_REPORTED) {
                char more[600];
                snprintf(more, sizeof more, "%s: %lld more errors not shown", name,
                         out->errors - IMP_MAX_REPORTED);
                report(im, more);
            }
            rc = cl_err_set(err, CL_EDATA, "%s: %lld error%s: nothing was imported", name,
                            out->errors, out->errors == 1 ? "" : "s");
        }
        out->rosh_ended = im->reg.ended;
        if (rc == CL_OK && !(o && o->dry_run)) {
            char detail[200];
            int n = snprintf(detail, sizeof detail, "%lld inserted, %lld updated, %lld unchanged",
                             out->inserted, out->updated, out->unchanged);
            if (out->rosh_ended && n > 0 && (size_t)n < sizeof detail)
                snprintf(detail + n, sizeof detail - (size_t)n, ", %lld RoSH level%s ended", out->rosh_ended,
                         out->rosh_ended == 1 ? "" : "s");
            rc = store_bulk_finish(st, err);
            if (rc == CL_OK && im->reg_on)
                rc = imp_reg_finish(&im->reg, st, err);
            if (rc == CL_OK)
                rc = store_audit(st, "import", fmt->kind, name, NULL, detail, err);
            if (rc == CL_OK)
                rc = store_commit(st, err);
        }
    }
    store_rollback(st); /* nothing when committed; everything on error or dry run */
    store_bulk_end(st);
    if (im->reg_on)
        imp_reg_free(&im->reg);
    imp_holder_free(&im->holder);
    imp_closed_free(&im->closed);
    keyset_free(&im->appt.given);
    keyset_free(&im->ahead);
    for (int k = 0; k < STORE_KINDS_N; k++)
        refset_free(&im->refs[k]);
    free(im->later);
    free(im);
    return rc;
}

int imp_file(cl_store *st, const csv_format *fmt, const char *path, const imp_opts *o,
             imp_counts *out, cl_err *err)
{
    imp_source src = {.path = path};
    return run(st, fmt, path, &src, o, out, err);
}

int imp_buffer(cl_store *st, const csv_format *fmt, const char *name, const char *data, size_t len,
               const imp_opts *o, imp_counts *out, cl_err *err)
{
    imp_source src = {.data = data, .len = len};
    return run(st, fmt, name, &src, o, out, err);
}
