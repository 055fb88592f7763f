/*
 * store/fetch.c: getting one list file for an update, from an http(s)
 * URL with libcurl or from a file of a mirror directory.
 *
 * HTTP requests are conditional when the caller knows the ETag or
 * Last-Modified of the version in force (If-None-Match /
 * If-Modified-Since); a 304 answer is "not modified" and no body is read.
 * Every transfer has a connect timeout, a total timeout, a stall limit
 * (less than 1 byte/s for 60 s) and a size cap. A transfer that ends
 * early (the server closed the connection before the Content-Length it
 * announced) is an error, as is any status other than 200 and 304.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "store/fetch.h"
#include "util/error.h"
#include "util/file.h"

#define STALL_SECONDS 60L

typedef struct {
    aka__fetch_result *res;
    size_t max_bytes;
    int too_big;      /* the body passed max_bytes */
    int oom;
} transfer;

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
    transfer *t = arg;
    size_t len = size * n;
    int rc;

    if (t->res->body.len + len > t->max_bytes) {
        t->too_big = 1;
        return 0; /* aborts the transfer */
    }
    rc = aka__buf_append(&t->res->body, data, len);
    if (rc < 0) {
        t->oom = 1;
        return 0;
    }
    return len;
}

/* Copy a header's value (trimmed) into dst if `line` is that header. */
static void header_value(const char *line, size_t len, const char *name,
                         char *dst, size_t cap)
{
    size_t nlen = strlen(name), v, e;

    if (len <= nlen || strncasecmp(line, name, nlen) != 0 ||
        line[nlen] != ':')
        return;
    v = nlen + 1;
    while (v < len && (line[v] == ' ' || line[v] == '\t'))
        v++;
    e = len;
    while (e > v && (line[e - 1] == '\r' || line[e - 1] == '\n' ||
                     line[e - 1] == ' '))
        e--;
    if (e - v < cap)
        snprintf(dst, cap, "%.*s", (int)(e - v), line + v);
}

static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
    transfer *t = arg;
    size_t len = size * n;

    if (len >= 5 && !strncmp(data, "HTTP/", 5)) {
        /* a new response (after a redirect): forget the last one's */
        t->res->etag[0] = '\0';
        t->res->last_modified[0] = '\0';
    }
    header_value(data, len, "ETag", t->res->etag, sizeof(t->res->etag));
    header_value(data, len, "Last-Modified", t->res->last_modified,
                 sizeof(t->res->last_modified));
    return len;
}

static int fetch_http(aka__fetch_result *res, const aka__fetch_request *req)
{
    char errbuf[CURL_ERROR_SIZE] = "", hdr[512];
    struct curl_slist *headers = NULL, *h;
    transfer t = {res, req->max_bytes, 0, 0};
    CURL *curl = NULL;
    CURLcode cc;
    int rc = AKA_OK;

    curl = curl_easy_init();
    if (!curl) {
        rc = aka__error(AKA_ENOMEM, "%s: can't start a transfer", req->url);
        goto done;
    }
    if (req->etag && *req->etag) {
        snprintf(hdr, sizeof(hdr), "If-None-Match: %s", req->etag);
        h = curl_slist_append(headers, hdr);
        if (!h)
            goto oom;
        headers = h;
    }
    if (req->last_modified && *req->last_modified) {
        snprintf(hdr, sizeof(hdr), "If-Modified-Since: %s",
                 req->last_modified);
        h = curl_slist_append(headers, hdr);
        if (!h)
            goto oom;
        headers = h;
    }
    curl_easy_setopt(curl, CURLOPT_URL, req->url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, req->connect_timeout);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, req->timeout);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, STALL_SECONDS);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                     (curl_off_t)req->max_bytes);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "aka/" "0.1");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    cc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &res->status);
    if (t.oom)
        goto oom;
    if (t.too_big || cc == CURLE_FILESIZE_EXCEEDED) {
        rc = aka__error(AKA_ELIMIT, "%s: larger than %zu bytes", req->url,
                        req->max_bytes);
        goto done;
    }
    if (cc == CURLE_PARTIAL_FILE) {
        rc = aka__error(AKA_EIO, "%s: truncated download (%zu bytes "
                        "received, the connection closed before the end)",
                        req->url, res->body.len);
        goto done;
    }
    if (cc != CURLE_OK) {
        rc = aka__error(AKA_EIO, "%s: %s", req->url,
                        errbuf[0] ? errbuf : curl_easy_strerror(cc));
        goto done;
    }
    if (res->status == 304 && (headers != NULL)) {
        res->not_modified = 1;
        goto done;
    }
    if (res->status != 200) {
        rc = aka__error(AKA_EIO, "%s: HTTP status %ld", req->url,
                        res->status);
        goto done;
    }
    goto done;
oom:
    rc = aka__error(AKA_ENOMEM, "%s: out of memory", req->url);
done:
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return rc;
}

int aka__fetch(aka__fetch_result *res, const aka__fetch_request *req)
{
    static int curl_ready;

    memset(res, 0, sizeof(*res));
    if (!strncmp(req->url, "http://", 7) ||
        !strncmp(req->url, "https://", 8)) {
        if (!curl_ready) {
            if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
                return aka__error(AKA_ERROR, "can't initialise libcurl");
            curl_ready = 1;
        }
        return fetch_http(res, req);
    }
    return aka__file_read(&res->body, req->url, req->max_bytes);
}

void aka__fetch_result_dispose(aka__fetch_result *res)
{
    aka__buf_dispose(&res->body);
}
