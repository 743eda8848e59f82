/* The multi-line note editor widget: keys to textedit.h, rows to the screen,
 * and the external editor ($VISUAL/$EDITOR) as mail readers run it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "caseload/draft_editor.h"
#include "caseload/textwidth.h"
#include "tui/tui_int.h"

void tui_editor_init(tui_editor *e)
{
    memset(e, 0, sizeof *e);
    te_init(&e->buf);
    e->width = 60;
    e->page = 10;
}

void tui_editor_free(tui_editor *e) { te_free(&e->buf); }

bool tui_editor_action(tui_editor *e, tui_action a)
{
    te_buf *b = &e->buf;
    switch (a) {
    case TA_NOTE_UP: te_up(b, e->width); return true;
    case TA_NOTE_DOWN: te_down(b, e->width); return true;
    case TA_NOTE_LEFT: te_left(b); return true;
    case TA_NOTE_RIGHT: te_right(b); return true;
    case TA_NOTE_HOME: te_home(b, e->width); return true;
    case TA_NOTE_END: te_end(b, e->width); return true;
    case TA_NOTE_PGUP: te_page_up(b, e->width, e->page); return true;
    case TA_NOTE_PGDN: te_page_down(b, e->width, e->page); return true;
    case TA_NOTE_BACKSPACE: te_backspace(b); return true;
    case TA_NOTE_DELETE: te_delete(b); return true;
    case TA_NOTE_ENTER: te_insert(b, "\n", 1); return true;
    default: return false;
    }
}

bool tui_editor_type(tui_editor *e, const char *s) { return te_insert(&e->buf, s, strlen(s)); }

void tui_editor_draw(tui_editor *e, tui_ctx *c, tui_rect r, bool focus)
{
    (void)c;
    if (r.w < 2 || r.h < 1)
        return;
    e->width = r.w;
    e->page = r.h;
    size_t n, crow;
    int ccol;
    const te_row *rows = te_layout(&e->buf, r.w, &n);
    te_cursor(&e->buf, r.w, &crow, &ccol);
    if (crow < e->top)
        e->top = crow;
    if (crow >= e->top + (size_t)r.h)
        e->top = crow - (size_t)r.h + 1;
    const char *text = te_text(&e->buf);
    for (int y = 0; y < r.h; y++) {
        size_t i = e->top + (size_t)y;
        if (i >= n) {
            tui_fill(r.y + y, r.x, r.w, A_NORMAL);
            continue;
        }
        size_t len = rows[i].end - rows[i].start;
        char *line = malloc(len + 1);
        if (!line)
            continue;
        memcpy(line, text + rows[i].start, len);
        line[len] = '\0';
        for (char *p = line; *p; p++)
            if (*p == '\t')
                *p = ' ';
        tui_put(r.y + y, r.x, r.w, A_NORMAL, line);
        free(line);
    }
    if (focus) {
        move(r.y + (int)(crow - e->top), r.x + ccol);
        curs_set(1);
    }
}

/* Reads a whole file into a malloc'd string. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

int tui_editor_external(tui_editor *e, tui_editor_opened_fn opened, void *arg, char *msg, size_t len)
{
    const char *ed = getenv("VISUAL");
    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed)
        ed = "vi";
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/" DRAFT_EDITOR_PREFIX "XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path); /* 0600: a note is nobody else's business */
    if (fd < 0) {
        snprintf(msg, len, "cannot make a temporary file for the editor: %s", strerror(errno));
        return CL_EIO;
    }
    const char *text = te_text(&e->buf);
    size_t n = strlen(text);
    bool ok = write(fd, text, n) == (ssize_t)n;
    if (close(fd) != 0)
        ok = false;
    if (!ok) {
        unlink(path);
        snprintf(msg, len, "cannot write the temporary file for the editor");
        return CL_EIO;
    }
    if (opened)
        opened(arg, path);
    def_prog_mode();
    endwin();
    /* `sh -c 'exec ED "$1"'` lets $VISUAL carry its own arguments, as mail
     * readers allow; exec keeps the editor the process told of our death. */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "exec %s \"$1\"", ed);
    pid_t parent = getpid();
    pid_t pid = fork();
    int status = -1;
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
#ifdef __linux__
        /* Killed meanwhile, caseload must not leave the editor reading the
         * terminal: it is hung up (an editor saves what it can, e.g. nano's
         * FILE.save), and the next start offers the file's text back. */
        prctl(PR_SET_PDEATHSIG, SIGHUP);
        if (getppid() != parent)
            _exit(127);
#else
        (void)parent;
#endif
        execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
        _exit(127);
    }
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    reset_prog_mode();
    clearok(curscr, TRUE); /* the loop redraws everything */
    int rc = CL_OK;
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(msg, len, "the editor (%s) failed: the note is unchanged", ed);
        rc = CL_EIO;
    } else {
        char *back = slurp(path);
        if (!back) {
            snprintf(msg, len, "cannot read the note back from the editor");
            rc = CL_EIO;
        } else {
            size_t bl = strlen(back);
            while (bl > 0 && back[bl - 1] == '\n') /* editors add a final newline */
                back[--bl] = '\0';
            char *saved = strdup(text);
            if (saved && !te_set(&e->buf, back)) {
                snprintf(msg, len, "the note from the editor is not valid UTF-8: unchanged");
                te_set(&e->buf, saved);
                rc = CL_EDATA;
            }
            free(saved);
            free(back);
        }
    }
    unlink(path);
    return rc;
}
