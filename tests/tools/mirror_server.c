/*
 * tests/tools/mirror_server.c: a small real HTTP server for the tests of
 * `aka update`. It serves the files of one directory (the list mirror) on
 * 127.0.0.1 with ETag and Last-Modified headers, answers conditional
 * requests with 304, and injects faults on chosen paths so that tests can
 * see how aka handles broken downloads. Built by CMake as a test tool,
 * never installed.
 *
 * usage: mirror_server --root DIR [--port N] [--port-file FILE]
 *                      [--log FILE] [--no-etag] [--no-last-modified]
 *                      [--status PATH=CODE] [--truncate PATH]
 *                      [--cut PATH] [--corrupt PATH] [--slow PATH]
 *                      [--slow-rate BYTES_PER_SECOND]
 *
 *   --port 0 (the default) takes a free port; the port is printed on
 *   standard output as "port N" and written to --port-file if given.
 *   PATH is the request path without the leading '/' (un/consolidated.xml).
 *   Each fault option may be repeated; a fault on a path wins over a 304.
 *   --status    answer with that HTTP status and a short text body
 *   --truncate  send the first half of the file as a complete response
 *               (Content-Length of the half): a well-formed but cut file
 *   --cut       announce the whole length, send half, close the connection
 *   --corrupt   send the file with 64 bytes in its middle set to 0xFF
 *   --slow      send the file at --slow-rate bytes a second (default
 *               20000), so a test can kill the client mid-download
 *   --log FILE  one line per request: "GET PATH STATUS BYTES [cond]"
 *
 * It runs until SIGTERM or SIGINT.
 */
#include <errno.h>
#include <arpa/inet.h>
#include <getopt.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#define MAX_FAULTS 32

typedef enum { F_STATUS, F_TRUNCATE, F_CUT, F_CORRUPT, F_SLOW } fault_kind;

typedef struct {
    fault_kind kind;
    char path[512];   /* request path without the leading '/' */
    int status;       /* for F_STATUS */
} fault;

static struct {
    const char *root;
    fault faults[MAX_FAULTS];
    int n_faults;
    int no_etag, no_lm;
    long slow_rate;
    FILE *log;
    pthread_mutex_t log_lock;
} cfg = { .slow_rate = 20000, .log_lock = PTHREAD_MUTEX_INITIALIZER };

/* A body sent by a callback (--cut, --slow). */
typedef struct {
    char *data;
    size_t len;       /* bytes to send before stopping */
    int cut;          /* 1: end with an error after len bytes */
} stream;

static void log_line(const char *method, const char *path, int status,
                     size_t bytes, int conditional)
{
    if (!cfg.log)
        return;
    pthread_mutex_lock(&cfg.log_lock);
    fprintf(cfg.log, "%s /%s %d %zu%s\n", method, path, status, bytes,
            conditional ? " cond" : "");
    fflush(cfg.log);
    pthread_mutex_unlock(&cfg.log_lock);
}

static const fault *find_fault(const char *path)
{
    for (int i = 0; i < cfg.n_faults; i++)
        if (!strcmp(cfg.faults[i].path, path))
            return &cfg.faults[i];
    return NULL;
}

static ssize_t read_stream(void *cls, uint64_t pos, char *buf, size_t max)
{
    stream *s = cls;
    size_t n;

    if (pos >= s->len)
        return s->cut ? MHD_CONTENT_READER_END_WITH_ERROR
                      : MHD_CONTENT_READER_END_OF_STREAM;
    n = s->len - (size_t)pos;
    if (n > max)
        n = max;
    if (!s->cut) {
        /* slow: about slow_rate bytes a second, in pieces of 1/20 s */
        size_t piece = (size_t)(cfg.slow_rate / 20);
        if (piece == 0)
            piece = 1;
        if (n > piece)
            n = piece;
        usleep(50000);
    }
    memcpy(buf, s->data + pos, n);
    return (ssize_t)n;
}

static void free_stream(void *cls)
{
    stream *s = cls;

    free(s->data);
    free(s);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    struct stat st;

    if (!f)
        return NULL;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
        buf = malloc((size_t)st.st_size + 1);
        if (buf && fread(buf, 1, (size_t)st.st_size, f) !=
                       (size_t)st.st_size) {
            free(buf);
            buf = NULL;
        }
        *len = (size_t)st.st_size;
    }
    fclose(f);
    return buf;
}

static int not_modified(struct MHD_Connection *c, const char *etag,
                        time_t mtime)
{
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                  "If-None-Match");
    const char *ims = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                  "If-Modified-Since");
    struct tm tm;

    if (inm && !cfg.no_etag)
        return strstr(inm, etag) != NULL || !strcmp(inm, "*");
    if (ims && !cfg.no_lm) {
        memset(&tm, 0, sizeof(tm));
        if (strptime(ims, "%a, %d %b %Y %H:%M:%S GMT", &tm))
            return timegm(&tm) >= mtime;
    }
    return 0;
}

static enum MHD_Result send_simple(struct MHD_Connection *c, int status,
                                   const char *text)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
    enum MHD_Result ok;

    if (!r)
        return MHD_NO;
    ok = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    char full[4096], etag[128], lm[64];
    const char *path = url[0] == '/' ? url + 1 : url;
    const fault *f = find_fault(path);
    struct MHD_Response *r = NULL;
    int head = !strcmp(method, "HEAD"), status = 200, cond;
    enum MHD_Result ok;
    struct stat st;
    struct tm tm;
    size_t len = 0;
    char *body;

    (void)cls; (void)version; (void)upload; (void)upload_size;
    (void)con_cls;
    cond = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                       "If-None-Match") ||
           MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                       "If-Modified-Since");
    if (strcmp(method, "GET") && !head) {
        log_line(method, path, 405, 0, cond);
        return send_simple(c, 405, "only GET and HEAD\n");
    }
    if (strstr(path, "..")) {
        log_line(method, path, 403, 0, cond);
        return send_simple(c, 403, "no '..' in paths\n");
    }
    if (f && f->kind == F_STATUS) {
        log_line(method, path, f->status, 0, cond);
        return send_simple(c, f->status, "fault injected\n");
    }
    snprintf(full, sizeof(full), "%s/%s", cfg.root, path);
    if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
        log_line(method, path, 404, 0, cond);
        return send_simple(c, 404, "not found\n");
    }
    snprintf(etag, sizeof(etag), "\"%lld-%lld-%ld\"",
             (long long)st.st_size, (long long)st.st_mtim.tv_sec,
             st.st_mtim.tv_nsec);
    gmtime_r(&st.st_mtim.tv_sec, &tm);
    strftime(lm, sizeof(lm), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!f && not_modified(c, etag, st.st_mtim.tv_sec)) {
        status = 304;
        r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    } else {
        body = read_file(full, &len);
        if (!body) {
            log_line(method, path, 500, 0, cond);
            return send_simple(c, 500, "can't read the file\n");
        }
        if (f && f->kind == F_TRUNCATE)
            len /= 2;
        if (f && f->kind == F_CORRUPT && len > 64)
            memset(body + len / 2 - 32, 0xFF, 64);
        if (f && (f->kind == F_CUT || f->kind == F_SLOW)) {
            stream *s = calloc(1, sizeof(*s));
            if (!s) {
                free(body);
                return MHD_NO;
            }
            s->data = body;
            s->cut = f->kind == F_CUT;
            s->len = s->cut ? len / 2 : len;
            r = MHD_create_response_from_callback(len, 16384, read_stream,
                                                  s, free_stream);
        } else {
            r = MHD_create_response_from_buffer(len, body,
                                                MHD_RESPMEM_MUST_FREE);
        }
    }
    if (!r)
        return MHD_NO;
    if (!cfg.no_etag)
        MHD_add_response_header(r, "ETag", etag);
    if (!cfg.no_lm)
        MHD_add_response_header(r, "Last-Modified", lm);
    log_line(method, path, status, status == 200 ? len : 0, cond);
    ok = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ok;
}

static void usage(void)
{
    fprintf(stderr, "usage: mirror_server --root DIR [--port N] "
            "[--port-file FILE] [--log FILE] [--no-etag] "
            "[--no-last-modified] [--status PATH=CODE] [--truncate PATH] "
            "[--cut PATH] [--corrupt PATH] [--slow PATH] "
            "[--slow-rate BYTES_PER_SECOND]\n");
    exit(2);
}

static void add_fault(fault_kind kind, const char *arg)
{
    fault *f;
    const char *eq;

    if (cfg.n_faults == MAX_FAULTS)
        usage();
    f = &cfg.faults[cfg.n_faults++];
    f->kind = kind;
    eq = kind == F_STATUS ? strrchr(arg, '=') : NULL;
    if (kind == F_STATUS && (!eq || atoi(eq + 1) < 100))
        usage();
    snprintf(f->path, sizeof(f->path), "%.*s",
             (int)(eq ? (size_t)(eq - arg) : strlen(arg)), arg);
    if (eq)
        f->status = atoi(eq + 1);
}

int main(int argc, char **argv)
{
    enum { O_ROOT = 256, O_PORT, O_PORTFILE, O_LOG, O_NOETAG, O_NOLM,
           O_STATUS, O_TRUNC, O_CUT, O_CORRUPT, O_SLOW, O_RATE };
    static const struct option opts[] = {
        {"root", required_argument, NULL, O_ROOT},
        {"port", required_argument, NULL, O_PORT},
        {"port-file", required_argument, NULL, O_PORTFILE},
        {"log", required_argument, NULL, O_LOG},
        {"no-etag", no_argument, NULL, O_NOETAG},
        {"no-last-modified", no_argument, NULL, O_NOLM},
        {"status", required_argument, NULL, O_STATUS},
        {"truncate", required_argument, NULL, O_TRUNC},
        {"cut", required_argument, NULL, O_CUT},
        {"corrupt", required_argument, NULL, O_CORRUPT},
        {"slow", required_argument, NULL, O_SLOW},
        {"slow-rate", required_argument, NULL, O_RATE},
        {NULL, 0, NULL, 0},
    };
    const char *port_file = NULL;
    const union MHD_DaemonInfo *info;
    struct sockaddr_in addr;
    struct MHD_Daemon *d;
    sigset_t set;
    int c, port = 0, sig;

    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case O_ROOT: cfg.root = optarg; break;
        case O_PORT: port = atoi(optarg); break;
        case O_PORTFILE: port_file = optarg; break;
        case O_LOG:
            cfg.log = fopen(optarg, "a");
            if (!cfg.log) {
                perror(optarg);
                return 2;
            }
            break;
        case O_NOETAG: cfg.no_etag = 1; break;
        case O_NOLM: cfg.no_lm = 1; break;
        case O_STATUS: add_fault(F_STATUS, optarg); break;
        case O_TRUNC: add_fault(F_TRUNCATE, optarg); break;
        case O_CUT: add_fault(F_CUT, optarg); break;
        case O_CORRUPT: add_fault(F_CORRUPT, optarg); break;
        case O_SLOW: add_fault(F_SLOW, optarg); break;
        case O_RATE: cfg.slow_rate = atol(optarg); break;
        default: usage();
        }
    }
    if (!cfg.root || optind != argc || port < 0 || port > 65535 ||
        cfg.slow_rate <= 0)
        usage();
    /* Every thread inherits the blocked signals; main waits for them. */
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
                         MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG,
                         (uint16_t)port, NULL, NULL, handle, NULL,
                         MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                         MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "mirror_server: can't listen on 127.0.0.1:%d\n",
                port);
        return 1;
    }
    info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    port = info ? info->port : port;
    printf("port %d\n", port);
    fflush(stdout);
    if (port_file) {
        char tmp[4096];
        FILE *f;

        /* written whole then renamed, so a reader never sees half */
        snprintf(tmp, sizeof(tmp), "%s.tmp", port_file);
        f = fopen(tmp, "w");
        if (!f || fprintf(f, "%d\n", port) < 0 || fclose(f) != 0 ||
            rename(tmp, port_file) != 0) {
            perror(port_file);
            MHD_stop_daemon(d);
            return 1;
        }
    }
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    if (cfg.log)
        fclose(cfg.log);
    return 0;
}
