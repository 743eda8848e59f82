/* Fuzz target: the CSV reader and the importer. The first byte picks the kind
 * (and whether it is a dry run); the rest is the file. Checks, besides "no
 * crash, no sanitizer report":
 *  - the reader's records have as many lengths as fields, and lines only grow;
 *  - an import that fails changes nothing (all or nothing), one that succeeds
 *    can be exported again;
 *  - a failure comes with a message.
 * The database is a temporary file seeded once with a few records so that
 * references (office, officer, CRN, order, appointment) can resolve. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caseload/import.h"
#include "caseload/store_write.h"

static cl_store *st;
static char dir[64];

static const char *const SEED[][2] = {
    {"offices", "code,name,address,phone\nCDF,Cardiff Probation Office,,\n"},
    {"staff", "code,name,grade,office,team,hours\nCDF02,Rhiannon Evans,PO,CDF,,37\n"},
    {"offenders", "crn,surname,forenames,date_of_birth,gender,pnc,address,postcode,phone,tier,officer,office,status\n"
                  "X100001,Llŷr,Siân,1982-06-11,F,,,,,B2,CDF02,CDF,active\n"},
    {"orders", "id,crn,type,sentence_date,end_date,court\nO0000001,X100001,CO,2026-01-05,2027-01-04,\n"},
    {"appointments", "id,crn,order_id,officer,date,start,end,type,location,status,notes\n"
                     "A00000001,X100001,O0000001,CDF02,2026-11-24,10:00,11:00,COAP,,,\n"},
};

static void nothing(void *arg, const char *line) { (void)arg, (void)line; }

static void cleanup(void)
{
    store_close(st);
    char p[128];
    const char *const files[] = {"f.db", "f.db-wal", "f.db-shm", "f.db-journal"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    rmdir(dir);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/caseload-fuzz-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    char path[128];
    snprintf(path, sizeof path, "%s/f.db", dir);
    cl_err err = {0};
    st = store_open(path, STORE_CREATE, &err);
    if (!st)
        abort();
    store_set_actor(st, "FUZZ", "2026-11-24T10:00");
    imp_opts o = {.report = nothing};
    for (size_t i = 0; i < sizeof SEED / sizeof SEED[0]; i++) {
        imp_counts c;
        if (imp_buffer(st, csv_format_find(SEED[i][0]), "seed", SEED[i][1], strlen(SEED[i][1]), &o,
                       &c, &err) != CL_OK) {
            fprintf(stderr, "fuzz_csv: seeding %s: %s\n", SEED[i][0], err.msg);
            abort();
        }
    }
    atexit(cleanup);
}

typedef struct reader_state {
    long last_line;
} reader_state;

static int check_record(void *arg, const csv_record *r)
{
    reader_state *s = arg;
    if (r->line < s->last_line || r->line < 1)
        abort();
    s->last_line = r->line;
    for (size_t i = 0; i < r->n; i++)
        if (!r->field[i] || strlen(r->field[i]) > r->len[i])
            abort();
    return 0;
}

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!st)
        setup();
    if (size < 1)
        return 0;
    const csv_format *fmt = &CSV_FORMATS[data[0] % CSV_FORMATS_N];
    bool dry = (data[0] / CSV_FORMATS_N) & 1;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    cl_err err = {0};
    reader_state rs = {0};
    int rc = csv_read_buffer("fuzz.csv", text, len, check_record, &rs, &err);
    if (rc != CL_OK && !err.msg[0])
        abort();

    long long before[STORE_KINDS_N];
    for (int k = 0; k < STORE_KINDS_N; k++)
        before[k] = store_count(st, (store_kind)k);
    imp_opts o = {.dry_run = dry, .report = nothing};
    imp_counts c = {0};
    memset(&err, 0, sizeof err);
    rc = imp_buffer(st, fmt, "fuzz.csv", text, len, &o, &c, &err);
    if (getenv("FUZZ_CSV_VERBOSE")) /* to see what the seeds reach */
        fprintf(stderr, "%s%s: %d %s (+%lld ~%lld =%lld)\n", fmt->kind, dry ? " dry" : "", rc,
                err.msg, c.inserted, c.updated, c.unchanged);
    if (rc != CL_OK) {
        if (!err.msg[0] || store_in_transaction(st))
            abort();
        for (int k = 0; k < STORE_KINDS_N; k++)
            if (store_count(st, (store_kind)k) != before[k])
                abort(); /* a failed import changed something */
    } else if (!dry) {
        if (!devnull)
            devnull = fopen("/dev/null", "w");
        if (exp_write(st, fmt, devnull, &err) != CL_OK)
            abort();
    } else {
        for (int k = 0; k < STORE_KINDS_N; k++)
            if (store_count(st, (store_kind)k) != before[k])
                abort(); /* a dry run wrote */
    }
    return 0;
}
