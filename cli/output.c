/* output.c -- the events file: written to a temporary file in the target's
 * directory and renamed over the target only when the run got to its end,
 * so readers never see a half-written file.  A signal (Ctrl-C, kill)
 * removes the temporary file. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static char sig_tmp[4096]; /* the temp file's path, for the signal handler */

static void on_signal(int sig)
{
    if (sig_tmp[0])
        unlink(sig_tmp); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

int out_open(pc_out *o, const char *target)
{
    memset(o, 0, sizeof *o);
    o->target = target;
    if (strcmp(target, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    struct stat sb;
    if (lstat(target, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        o->f = fopen(target, "w");
        if (!o->f) {
            fprintf(stderr, "%s: cannot write the output %s: %s\n", pc_prog, target,
                    strerror(errno));
            return -1;
        }
        return 0;
    }
    size_t len = strlen(target) + sizeof ".tmp.XXXXXX";
    o->tmp = malloc(len);
    if (!o->tmp) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return -1;
    }
    snprintf(o->tmp, len, "%s.tmp.XXXXXX", target);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot create the output %s: %s\n", pc_prog, target, strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    /* mkstemp makes the file 0600; give it the permissions a plain open()
     * would have (0666 less the umask), as PETRARCH2's output has. */
    mode_t um = umask(0);
    umask(um);
    if (fchmod(fd, 0666 & ~um) != 0) {
        /* not fatal: the file stays private */
    }
    if (strlen(o->tmp) < sizeof sig_tmp) {
        memcpy(sig_tmp, o->tmp, strlen(o->tmp) + 1);
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        signal(SIGHUP, on_signal);
    }
    o->f = fdopen(fd, "w");
    if (!o->f) {
        fprintf(stderr, "%s: %s: %s\n", pc_prog, o->tmp, strerror(errno));
        close(fd);
        out_abort(o);
        return -1;
    }
    return 0;
}

void out_abort(pc_out *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);   /* written directly: what is written stays */
    o->f = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        sig_tmp[0] = '\0';
        free(o->tmp);
        o->tmp = NULL;
    }
}

int out_commit(pc_out *o)
{
    if (o->f == stdout) {
        o->f = NULL;
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "%s: error writing to standard output: %s\n", pc_prog,
                    strerror(errno));
            return -1;
        }
        return 0;
    }
    int bad = ferror(o->f);
    if (fclose(o->f) != 0)
        bad = 1;
    o->f = NULL;
    if (bad) {
        fprintf(stderr, "%s: error writing %s: %s\n", pc_prog, o->tmp ? o->tmp : o->target,
                strerror(errno));
        out_abort(o);
        return -1;
    }
    if (!o->tmp)
        return 0;
    if (rename(o->tmp, o->target) != 0) {
        fprintf(stderr, "%s: cannot rename %s to %s: %s\n", pc_prog, o->tmp, o->target,
                strerror(errno));
        out_abort(o);
        return -1;
    }
    sig_tmp[0] = '\0';
    free(o->tmp);
    o->tmp = NULL;
    return 0;
}
