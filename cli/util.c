/*
 * cli/util.c: messages and the walk over list files and directories.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aka/aka.h"
#include "cli.h"

void cli_err(const char *fmt, ...)
{
    va_list ap;

    fputs("aka: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int walk(const char *dir, void (*fn)(const char *, void *), void *arg,
                int *skipped)
{
    struct dirent **ents = NULL;
    int n = scandir(dir, &ents, NULL, alphasort), rc = 0;

    if (n < 0) {
        cli_err("%s: %s", dir, strerror(errno));
        return -1;
    }
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        char path[4096];
        struct stat st;
        aka_format f;

        if (name[0] == '.' || rc < 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            rc = walk(path, fn, arg, skipped);
            continue;
        }
        if (!S_ISREG(st.st_mode))
            continue;
        if (aka_format_sniff(&f, path) < 0 || f == AKA_FORMAT_UNKNOWN ||
            f == AKA_FORMAT_OFAC_COMPANION) {
            if (f != AKA_FORMAT_OFAC_COMPANION)
                (*skipped)++;
            continue;
        }
        fn(path, arg);
    }
    for (int i = 0; i < n; i++)
        free(ents[i]);
    free(ents);
    return rc;
}

int cli_each_list_file(char **paths, int n, void (*fn)(const char *, void *),
                       void *arg, int *skipped)
{
    *skipped = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;

        if (stat(paths[i], &st) != 0) {
            cli_err("%s: %s", paths[i], strerror(errno));
            return -1;
        }
        if (S_ISDIR(st.st_mode)) {
            if (walk(paths[i], fn, arg, skipped) < 0)
                return -1;
        } else {
            fn(paths[i], arg);
        }
    }
    return 0;
}
