/* Printing: save to the print folder, then `lpr` when one is installed. */
#include "caseload/print.h"

#include "caseload/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int print_dir(char *out, size_t len, cl_err *err)
{
    int rc = path_xdg("XDG_STATE_HOME", ".local/state", "print", out, len, err);
    return rc == CL_OK ? path_mkdirs(out, err) : rc;
}

int print_save(const char *name, const char *text, size_t textlen, char *path, size_t pathlen,
               cl_err *err)
{
    char dir[4096];
    int rc = print_dir(dir, sizeof dir, err);
    if (rc != CL_OK)
        return rc;
    int n = snprintf(path, pathlen, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= pathlen)
        return cl_err_set(err, CL_EIO, "print file path is too long");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return cl_err_set(err, CL_EIO, "%s: cannot write: %s", path, strerror(errno));
    size_t done = 0;
    while (done < textlen) {
        ssize_t w = write(fd, text + done, textlen - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            return cl_err_set(err, CL_EIO, "%s: cannot write: %s", path, strerror(e));
        }
        done += (size_t)w;
    }
    if (close(fd) != 0)
        return cl_err_set(err, CL_EIO, "%s: cannot write: %s", path, strerror(errno));
    return CL_OK;
}

/* The first executable `lpr` on PATH. */
static bool find_lpr(char *out, size_t len)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/bin:/bin";
    const char *p = path;
    while (*p) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n > 0 && (size_t)snprintf(out, len, "%.*s/lpr", (int)n, p) < len && access(out, X_OK) == 0)
            return true;
        p += n + (colon ? 1 : 0);
    }
    return false;
}

int print_send(const char *path, bool *sent, cl_err *err)
{
    *sent = false;
    char lpr[4096];
    if (!find_lpr(lpr, sizeof lpr))
        return CL_OK;
    pid_t pid = fork();
    if (pid < 0)
        return cl_err_set(err, CL_EIO, "cannot start lpr: %s", strerror(errno));
    if (pid == 0) {
        /* lpr's own chatter must not land on a curses screen. */
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execl(lpr, "lpr", "--", path, (char *)NULL);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return cl_err_set(err, CL_EIO, "lpr: %s", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return cl_err_set(err, CL_EIO, "lpr could not print %s (is a printer set up?)", path);
    *sent = true;
    return CL_OK;
}
