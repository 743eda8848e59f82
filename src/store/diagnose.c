/* What a damaged database file shows without SQLite: the header's page count
 * against the file's size. A file cut short (a failed copy, a full disk) says
 * so in words, where SQLite only says "malformed". */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload/store.h"

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A write-ahead log with frames in it may hold pages the file does not have
 * yet (a checkpoint cut off half way), and a rollback journal means a write
 * is under way or was cut off (an import's commit, a crash SQLite undoes at
 * the next open): the sizes then say nothing. Looked at before and after
 * the header is read, which is read without a lock. */
static bool log_holds_pages(const char *path)
{
    static const char *const logs[] = {"-wal", "-journal"};
    for (size_t i = 0; i < sizeof logs / sizeof logs[0]; i++) {
        char name[4200];
        struct stat sb;
        snprintf(name, sizeof name, "%s%s", path, logs[i]);
        if (stat(name, &sb) == 0 && sb.st_size > 0)
            return true;
    }
    return false;
}

int store_diagnose(const char *path, store_report_fn report, void *arg)
{
    bool busy = log_holds_pages(path);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    unsigned char h[100];
    size_t got = fread(h, 1, sizeof h, f);
    struct stat sb;
    bool sized = fstat(fileno(f), &sb) == 0;
    fclose(f);
    char msg[256];
    if (!busy && got > 0 && got < sizeof h && !memcmp(h, "SQLite format 3", got < 15 ? got : 15)) {
        snprintf(msg, sizeof msg, "the file is only %zu bytes: even the database's 100-byte header is cut short", got);
        report(arg, msg);
        return 1;
    }
    if (!sized || got < sizeof h || memcmp(h, "SQLite format 3", 16) != 0 || busy || log_holds_pages(path))
        return 0;
    unsigned page = (unsigned)h[16] << 8 | h[17];
    if (page == 1)
        page = 65536;
    uint32_t pages = be32(h + 28);
    /* The page count is only kept by SQLite 3.7.0 and later, which says so
     * by writing the change counter again at offset 92. */
    if (page < 512 || (page & (page - 1)) || !pages || be32(h + 24) != be32(h + 92))
        return 0;
    long long have = (long long)sb.st_size / page;
    if ((long long)sb.st_size < (long long)pages * page) {
        snprintf(msg, sizeof msg,
                 "the file is shorter than the database it holds (%lld of %u pages, %lld of %lld bytes): its end is missing",
                 have, pages, (long long)sb.st_size, (long long)pages * page);
        report(arg, msg);
        return 1;
    }
    return 0;
}
