#include "caseload/paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int path_xdg(const char *env, const char *home_sub, const char *leaf, char *out, size_t len,
             cl_err *err)
{
    const char *base = getenv(env);
    int n;
    if (base && base[0] == '/') /* a relative XDG folder is ignored, as the spec says */
        n = snprintf(out, len, "%s/caseload/%s", base, leaf);
    else {
        const char *home = getenv("HOME");
        if (!home || home[0] != '/') {
            struct passwd *pw = getpwuid(getuid());
            home = pw ? pw->pw_dir : NULL;
        }
        if (!home)
            return cl_err_set(err, CL_EUSAGE, "no home folder: set %s", env);
        n = snprintf(out, len, "%s/%s/caseload/%s", home, home_sub, leaf);
    }
    if (n < 0 || (size_t)n >= len)
        return cl_err_set(err, CL_EUSAGE, "path under %s is too long", env);
    return CL_OK;
}

int path_mkdirs(const char *dir, cl_err *err)
{
    char *d = strdup(dir);
    if (!d)
        return cl_err_set(err, CL_ESOFTWARE, "out of memory");
    int rc = CL_OK;
    for (char *p = d + 1; rc == CL_OK; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(d, 0700) != 0 && errno != EEXIST)
            rc = cl_err_set(err, CL_EIO, "%s: cannot create folder: %s", d, strerror(errno));
        *p = c;
        if (c == '\0')
            break;
    }
    free(d);
    return rc;
}

FILE *path_open_input(const char *path, const char *kind, cl_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cl_err_set(err, CL_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    /* fopen opens a folder for reading; reading it fails later, as an I/O error */
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fclose(f);
        cl_err_set(err, CL_ENOINPUT, "%s: is a folder, not a %s file", path, kind);
        return NULL;
    }
    return f;
}
