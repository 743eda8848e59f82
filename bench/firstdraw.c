/* Time from process start to the first drawn screen, and peak memory, of the
 * full-screen interface. Starts the program on a pseudo-terminal of 80x24
 * (with the TERM of the terminal it runs in: bench/run.sh runs it inside tmux),
 * reads its output until TEXT has appeared and the output has then gone quiet
 * for 100 ms: the first screen is drawn at the last byte before that pause.
 * Then it optionally types KEYS, waits, sends Q and collects the child's peak
 * resident memory (ru_maxrss).
 *
 * Usage: firstdraw REPS TEXT KEYS -- PROGRAM [ARG...]
 * Output: "first draw median_ms p99_ms reps" and "peak memory max_kb". */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double last_byte; /* when the last output arrived */

/* Reads whatever the child writes for up to ms milliseconds (or until EOF). */
static int drain(int fd, char *buf, size_t cap, size_t *len, int ms, const char *until)
{
    double end = now_ms() + ms;
    for (;;) {
        if (until && *len && memmem(buf, *len, until, strlen(until)))
            return 1;
        int left = (int)(end - now_ms());
        if (left <= 0)
            return 0;
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, left) <= 0)
            continue;
        char tmp[8192];
        ssize_t n = read(fd, tmp, sizeof tmp);
        if (n <= 0)
            return -1;
        last_byte = now_ms();
        /* Keep the tail only: enough to find TEXT across reads. */
        if (*len + (size_t)n > cap) {
            size_t keep = cap / 2 < *len ? cap / 2 : *len;
            memmove(buf, buf + *len - keep, keep);
            *len = keep;
        }
        if ((size_t)n > cap - *len)
            n = (ssize_t)(cap - *len);
        memcpy(buf + *len, tmp, (size_t)n);
        *len += (size_t)n;
    }
}

int main(int argc, char **argv)
{
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: firstdraw REPS TEXT KEYS -- PROGRAM [ARG...]\n");
        return 64;
    }
    int reps = atoi(argv[1]);
    const char *text = argv[2], *keys = argv[3];
    if (reps < 1)
        reps = 1;
    double *t = calloc((size_t)reps, sizeof *t);
    long peak = 0;
    static char buf[1 << 16];
    for (int i = 0; i < reps; i++) {
        struct winsize ws = {.ws_row = 24, .ws_col = 80};
        int fd;
        double t0 = now_ms();
        pid_t pid = forkpty(&fd, NULL, NULL, &ws);
        if (pid < 0) {
            perror("forkpty");
            return 1;
        }
        if (pid == 0) {
            execvp(argv[5], argv + 5);
            _exit(127);
        }
        size_t len = 0;
        if (drain(fd, buf, sizeof buf, &len, 10000, text) != 1) {
            fprintf(stderr, "firstdraw: '%s' did not appear within 10 s\n", text);
            kill(pid, SIGKILL);
            return 1;
        }
        /* The rest of the first screen: until the output pauses. */
        for (;;) {
            double before = last_byte;
            drain(fd, buf, sizeof buf, &len, 100, NULL);
            if (last_byte == before)
                break;
        }
        t[i] = last_byte - t0;
        for (const char *k = keys; *k; k++) {
            if (write(fd, k, 1) != 1)
                break;
            drain(fd, buf, sizeof buf, &len, 30, NULL);
        }
        drain(fd, buf, sizeof buf, &len, 200, NULL);
        /* Quit: Escape (closes a field the keys left open), then Q; at last a signal. */
        for (const char *const *q = (const char *const[]){"\033", "Q", "\033", "Q", NULL}; *q; q++) {
            if (write(fd, *q, strlen(*q)) != (ssize_t)strlen(*q))
                break;
            if (drain(fd, buf, sizeof buf, &len, **q == 'Q' ? 2000 : 200, NULL) < 0)
                break;
        }
        if (kill(pid, 0) == 0 && drain(fd, buf, sizeof buf, &len, 100, NULL) >= 0)
            kill(pid, SIGTERM);
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) < 0) {
            perror("wait4");
            return 1;
        }
        close(fd);
        if (ru.ru_maxrss > peak)
            peak = ru.ru_maxrss;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "firstdraw: the program exited with status %d\n",
                    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
            return 1;
        }
    }
    qsort(t, (size_t)reps, sizeof *t, cmp_d);
    int p99 = (int)((double)reps * 0.99);
    if (p99 >= reps)
        p99 = reps - 1;
    printf("%-28s %10.2f %10.2f %6d  (ms)\n", "first drawn screen", t[reps / 2], t[p99], reps);
    printf("%-28s %10ld KB\n", "UI peak memory", peak);
    free(t);
    return 0;
}
