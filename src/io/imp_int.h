/* Private to the importer (csv_import.c, imp_read.c, imp_queue.c, imp_reg.c,
 * imp_appt.c, imp_holder.c). An import runs on two threads: the reader parses the file and
 * checks each row on its own (fields, codes, dates, the row's own rules, keys
 * repeated in the file), and hands rows over in blocks; the caller's thread,
 * the only one that uses the database, checks references, writes, and
 * reports every error in file order. Reading a big file costs about as much as writing it, so the two
 * overlap on a machine with two cores. */
#ifndef CASELOAD_IO_IMP_INT_H
#define CASELOAD_IO_IMP_INT_H

#include <pthread.h>
#include <stdatomic.h>

#include "caseload/calendar.h"
#include "caseload/clock.h"
#include "caseload/import.h"
#include "caseload/model.h"
#include "io/keyset.h"
#include "io/refset.h"
#include "io/textarena.h"

#define IMP_MAX_COLS 64
#define IMP_BLOCK_ROWS 256
/* Blocks in flight: the reader is at most this far ahead. With 4 the writer
 * waited for the reader about 500 times (1.1 s) in a 5,000,000-contact load
 * although the reader was idle for half of it; 32 (about 8,000 rows, a few
 * MB) absorbs the reader's slower stretches: 13 waits, 0.15 s. */
#define IMP_BLOCKS 32
#define IMP_MAX_NOTES 4    /* long-text columns a kind may have */
#define IMP_STOP_HEADER -2 /* the header was refused (reported) */
#define IMP_STOPPED -3     /* the writer stopped the reader */

typedef union imp_rec {
    cl_office a; cl_staff b; cl_offender c; cl_order d; cl_requirement e;
    cl_registration f; cl_appointment g; cl_contact h; cl_report i; cl_holiday j;
    cl_setting k;
} imp_rec;

/* One row as the reader left it. Its errors and long texts are in the block's
 * text: errors as "column\0message\0" pairs. */
typedef struct imp_row {
    long line;
    bool record;          /* rec holds the row's fields (false: the row had the wrong shape) */
    bool valid;           /* no error in its fields or across them: may be written */
    int nerr;             /* field and row errors, reported before the references */
    size_t err_at;
    bool dup;             /* its key was seen before: one more error, after the references */
    size_t dup_at;
    size_t notes_at[IMP_MAX_NOTES]; /* (size_t)-1: empty */
    imp_rec rec;
} imp_row;

typedef struct imp_block {
    imp_row rows[IMP_BLOCK_ROWS];
    int n;
    text_arena text;       /* the rows' errors and long texts */
    long long done, total; /* bytes read when the block was handed over */
    bool progress;
    struct imp_block *next;
} imp_block;

/* Blocks from the reader to the writer, and back empty. */
typedef struct imp_queue {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    imp_block *full_head, *full_tail; /* in file order */
    imp_block *empty;                 /* for reuse */
    int made;
    bool finished;                    /* the reader has handed over its last block */
    bool oom;
} imp_queue;

int imp_queue_init(imp_queue *q);
void imp_queue_free(imp_queue *q);
/* Reader: an empty block (waits while IMP_BLOCKS are in flight); NULL when
 * out of memory. */
imp_block *imp_queue_empty(imp_queue *q);
void imp_queue_put(imp_queue *q, imp_block *b);
void imp_queue_finish(imp_queue *q);
/* Writer: the next block in file order; NULL when the reader has finished. */
imp_block *imp_queue_take(imp_queue *q);
void imp_queue_give_back(imp_queue *q, imp_block *b);

typedef struct imp_source {
    const char *path;       /* a file, or */
    const char *data;       /* a buffer */
    size_t len;
} imp_source;

/* The reader's side of one import. */
typedef struct imp_reader {
    const csv_format *fmt;
    const char *name;
    const imp_source *src;
    int shift;
    const cl_calendar *cal; /* imp_opts.cal */
    imp_queue *q;
    atomic_bool *stop;                     /* set by the writer */
    bool header_done;
    const csv_column *map[IMP_MAX_COLS];   /* per header field */
    size_t nmap;
    bool named[IMP_MAX_COLS];              /* per column of the kind: the header has it */
    const csv_column *notes[IMP_MAX_NOTES]; /* the kind's long-text columns */
    int nnotes;
    keyset keys;
    /* The kind's CF_UNIQUE column (NULL: none), its values seen, and whether
     * the rows so far have one (1) or not (-1), since line uniq_line. */
    const csv_column *uniq;
    size_t uniq_k;
    keyset uniq_keys;
    int uniq_rows;
    long uniq_line;
    keyset pncs;                           /* offenders: the PNCs seen (one person's each) */
    imp_block *cur;
    long long done, total;
    bool progress;
    int rc;      /* what reading returned */
    cl_err err;  /* and why */
} imp_reader;

/* Sets up the reader (no thread yet). */
void imp_reader_init(imp_reader *r, const csv_format *fmt, const char *name, const imp_source *src,
                     int shift, const cl_calendar *cal, imp_queue *q, atomic_bool *stop);
void imp_reader_free(imp_reader *r);
/* The reader thread's body: reads the whole source, then finishes the queue. */
void *imp_reader_main(void *arg);

/* Registrations on import (imp_reg.c): the rules register follows. */
typedef struct imp_reg_level {
    char type[8];
    cl_date start; /* CL_DATE_NONE: none yet */
} imp_reg_level;
typedef struct imp_reg_end {
    char crn[CL_CODE_LEN], type[8], by[8];
    cl_date start, on;
} imp_reg_end;
typedef struct imp_reg {
    bool first_load;       /* the table was empty: only the file's rows meet */
    cl_calendar cal;       /* for review dates */
    keyset seen;           /* first load: CRN -> index + 1 in lead */
    imp_reg_level *lead;   /* each person's active RoSH level so far in the file */
    size_t nlead, caplead;
    imp_reg_end *ends;     /* first load: levels of the file to end once the rows are in */
    size_t nends, capends;
    long long ended;       /* RoSH levels this import ends (counted on a dry run too) */
} imp_reg;

int imp_reg_init(imp_reg *r, cl_store *st, bool first_load, cl_err *err);
void imp_reg_free(imp_reg *r);
/* Before an active registration g (a row of the file, with the columns it
 * leaves out taken from the stored row) is written: its review date when it
 * has none, and the single-RoSH rule, which may end g or the level it meets. */
int imp_reg_row(imp_reg *r, cl_store *st, cl_registration *g, cl_err *err);
/* After every row is in the table (a first load: its indexes made again):
 * ends the levels a later level of the same file replaced. */
int imp_reg_finish(imp_reg *r, cl_store *st, cl_err *err);

/* Appointments on import (imp_closed.c): a closed case takes none booked
 * from its closure on (closing cancels them: alloc_appts_case_closed). The
 * closed cases are read once, so a row costs one binary search. */
typedef struct imp_closed_case {
    char crn[CL_CODE_LEN], at[20];
} imp_closed_case;
typedef struct imp_closed {
    imp_closed_case *v;
    size_t n, cap;
} imp_closed;
int imp_closed_init(imp_closed *c, cl_store *st, cl_err *err);
void imp_closed_free(imp_closed *c);
/* CL_EDATA with why set when a is booked for a closed case at or after its closure. */
int imp_closed_row(const imp_closed *c, const cl_appointment *a, cl_err *why);

/* Offenders on import (imp_holder.c): the officer a row gives an active case
 * must be one who may hold it, by allocate's holder rule (alloc_holder_check):
 * never an administrator, and never an officer of another office, which only
 * allocate's override allows (a stored case that already has that officer
 * and office is no new allocation, and passes). One the grade rules would
 * refuse to allocate is taken with a warning (the national system's data,
 * whose overrides the file does not carry). */
typedef struct imp_holder {
    cl_staff *staff; /* every staff member, by code */
    size_t n, cap;
    cl_date today;   /* the risk summary's day */
} imp_holder;

int imp_holder_init(imp_holder *h, cl_store *st, cl_err *err);
void imp_holder_free(imp_holder *h);
/* CL_OK; CL_EDATA when the row's officer may not hold it (why: the words);
 * another code when the database fails (why). A grade (PSO, PQiP) held
 * against the grade rules with no override recorded is taken: warn gets
 * alloc_held_words' words ("" when none). */
int imp_holder_row(imp_holder *h, cl_store *st, bool first_load, const cl_offender *o, char *warn, size_t wlen,
                   cl_err *why);

/* The outcome rules of a contact on the appointment it records (imp_appt.c),
 * as contact_check applies them (appt_outcome_check, in its words), without a
 * query a row at scale: the appointment's facts come with its person (from
 * memory once the appointments are held: refset_appt), and so does whether
 * it has an outcome: marked in the set, or, on a first load before the
 * appointments are held, among those the file gave one (given). Only an
 * appointment that may have one is asked of the database for the contact
 * that holds it. */
typedef struct imp_appt {
    cl_clock now;         /* for an outcome before the appointment has started */
    bool found;           /* the row's appointment is there and its person's: f holds its facts */
    refset_appt_facts f;  /* from memory (f.at set; f.outcome too), or from its row: */
    char type[8], status[12];
    keyset given;         /* first load: appointments given an outcome by a row of the file */
} imp_appt;

void imp_appt_from_row(imp_appt *x, const cl_appointment *a);
/* CL_OK; CL_EDATA when c is refused (*col: the file's column, appt_col for
 * the appointment; why: the words); another code when the database fails
 * (why). quiet: past the errors reported. */
int imp_appt_check(imp_appt *x, cl_store *st, bool first_load, bool quiet, const cl_contact *c,
                   const char *appt_col, const char **col, cl_err *why);
/* After c was written: its appointment has an outcome now. False when out of
 * memory. */
bool imp_appt_written(imp_appt *x, bool first_load, const cl_contact *c, long line);

/* The natural key as text: key columns as exported, joined by a space; first
 * is the first key column (NULL when the kind has none). */
const char *imp_key_text(const csv_format *fmt, const void *rec, char *buf, size_t len,
                         const csv_column **first);
/* Nouns for messages, by store kind. */
extern const char *const imp_nouns[STORE_KINDS_N];

#endif
