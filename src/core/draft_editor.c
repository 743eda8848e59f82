/* Notes left in an external editor's file when caseload was killed while the
 * editor was open (see draft_editor.h). */
#include "caseload/draft_editor.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caseload/store_draft.h"
#include "caseload/textedit.h"

#define KEY_FILE "editor"
#define KEY_PID "editor_pid"
#define MAX_DRAFTS 64

char *draft_editor_mark(char *fields, size_t len, const char *path, long pid)
{
    size_t n = strlen(fields);
    if (n < len)
        snprintf(fields + n, len - n, "%s=%s\n%s=%ld\n", KEY_FILE, path, KEY_PID, pid);
    return fields;
}

/* The value of `key` in "key=value" lines (malloc'd), or NULL. */
static char *value_of(const char *fields, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = fields; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > kl && !strncmp(p, key, kl) && p[kl] == '=')
            return strndup(p + kl + 1, n - kl - 1);
        p = nl ? nl + 1 : NULL;
    }
    return NULL;
}

/* The fields without the editor's lines (malloc'd). */
static char *unmarked(const char *fields)
{
    char *out = malloc(strlen(fields) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (const char *p = fields; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        if (strncmp(p, KEY_FILE "=", strlen(KEY_FILE) + 1) && strncmp(p, KEY_PID "=", strlen(KEY_PID) + 1)) {
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
    }
    out[o] = '\0';
    return out;
}

static bool editor_alive(const char *pid_text)
{
    long pid = pid_text ? strtol(pid_text, NULL, 10) : 0;
    if (pid <= 0 || pid == (long)getpid()) /* our own pid: reused, the writer is gone */
        return false;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

/* Only our own editor files, never a link: a draft's fields must not make
 * caseload read or remove anything else. */
static bool ours(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strncmp(base, DRAFT_EDITOR_PREFIX, strlen(DRAFT_EDITOR_PREFIX)))
        return false;
    struct stat sb;
    return lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == getuid();
}

/* The file's text (malloc'd, final newlines dropped, as after the editor
 * returns); NULL when it cannot be read. */
static char *read_text(const char *path)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    ssize_t got;
    while (buf && (got = read(fd, buf + len, cap - len - 1)) > 0) {
        len += (size_t)got;
        if (len + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    close(fd);
    if (!buf)
        return NULL;
    buf[len] = '\0';
    if (strlen(buf) != len) { /* a NUL byte: not a note */
        free(buf);
        return NULL;
    }
    while (len > 0 && buf[len - 1] == '\n')
        buf[--len] = '\0';
    return buf;
}

static bool valid_text(const char *s)
{
    te_buf b;
    te_init(&b);
    bool ok = te_set(&b, s);
    te_free(&b);
    return ok;
}

/* One draft: its file's text into the draft, the marks out, then the file gone. */
static int recover_one(cl_store *st, const store_draft_key *k, size_t *recovered, cl_err *err)
{
    char *fields = NULL, *body = NULL, at[20];
    bool found = false;
    int rc = store_draft_load(st, k, &fields, &body, at, &found, err);
    char *path = NULL, *pid = NULL, *save = NULL, *text = NULL, *rest = NULL;
    if (rc != CL_OK || !found || !(path = value_of(fields, KEY_FILE)))
        goto done;
    pid = value_of(fields, KEY_PID);
    if (editor_alive(pid))
        goto done;
    size_t pl = strlen(path);
    if ((save = malloc(pl + sizeof DRAFT_EDITOR_SAVE)) == NULL) {
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory recovering a note");
        goto done;
    }
    memcpy(save, path, pl);
    memcpy(save + pl, DRAFT_EDITOR_SAVE, sizeof DRAFT_EDITOR_SAVE);
    bool from_save = ours(save) && (text = read_text(save)) != NULL;
    if (!from_save && ours(path))
        text = read_text(path);
    if (text && !valid_text(text))
        goto done; /* not text we can show: the file stays for the officer */
    bool use = text && text[0] && strcmp(text, body ? body : "");
    if (!(rest = unmarked(fields))) {
        rc = cl_err_set(err, CL_ESOFTWARE, "out of memory recovering a note");
        goto done;
    }
    /* Typed before caseload was killed: the draft keeps that time, not now. */
    if ((rc = store_draft_save_at(st, k, rest, use ? text : body, at, err)) != CL_OK)
        goto done;
    if (use)
        (*recovered)++;
    /* Saved in the draft: the files may go now. */
    if (ours(save))
        unlink(save);
    if (ours(path))
        unlink(path);
done:
    free(fields);
    free(body);
    free(path);
    free(pid);
    free(save);
    free(text);
    free(rest);
    return rc;
}

typedef struct draft_keys {
    char crn[MAX_DRAFTS][32], kind[MAX_DRAFTS][32], ref[MAX_DRAFTS][64];
    size_t n;
} draft_keys;

static bool collect(void *arg, const store_draft_info *d)
{
    draft_keys *ks = arg;
    if (strcmp(d->kind, DRAFT_KIND_CONTACT))
        return true;
    snprintf(ks->crn[ks->n], sizeof ks->crn[ks->n], "%s", d->crn);
    snprintf(ks->kind[ks->n], sizeof ks->kind[ks->n], "%s", d->kind);
    snprintf(ks->ref[ks->n], sizeof ks->ref[ks->n], "%s", d->ref);
    return ++ks->n < MAX_DRAFTS;
}

int draft_editor_recover(cl_store *st, const char *officer, size_t *recovered, cl_err *err)
{
    *recovered = 0;
    draft_keys *ks = calloc(1, sizeof *ks);
    if (!ks)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory reading drafts");
    /* Keys first, then each draft on its own: no write while the list is read. */
    int rc = store_draft_each(st, officer, collect, ks, err);
    for (size_t i = 0; rc == CL_OK && i < ks->n; i++) {
        store_draft_key k = {officer, ks->crn[i], ks->kind[i], ks->ref[i]};
        rc = recover_one(st, &k, recovered, err);
    }
    free(ks);
    return rc;
}
