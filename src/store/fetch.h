/*
 * store/fetch.h: fetching one file of a list for an update (store/fetch.c).
 */
#ifndef AKA_STORE_FETCH_H
#define AKA_STORE_FETCH_H

#include <stddef.h>

#include "util/buf.h"

typedef struct {
    const char *url;           /* http(s) URL, or a file path */
    const char *etag;          /* of the version in force, or NULL */
    const char *last_modified; /* of the version in force, or NULL */
    long timeout;              /* seconds for the whole transfer */
    long connect_timeout;      /* seconds */
    size_t max_bytes;          /* larger bodies fail with AKA_ELIMIT */
} aka__fetch_request;

typedef struct {
    int not_modified;          /* 1: HTTP 304, body empty */
    long status;               /* HTTP status; 0 for a file */
    aka_buf body;              /* the bytes; dispose with
                                  aka__fetch_result_dispose() */
    char etag[256];            /* the answer's ETag, or "" */
    char last_modified[128];   /* the answer's Last-Modified, or "" */
} aka__fetch_result;

/**
 * Fetch req->url into *res (reset first). Fails with AKA_EIO (transfer
 * error, truncated transfer, status other than 200/304, unreadable file:
 * the message names the URL), AKA_ELIMIT (too large) or AKA_ENOMEM.
 * Dispose of *res in every case.
 */
int aka__fetch(aka__fetch_result *res, const aka__fetch_request *req);
void aka__fetch_result_dispose(aka__fetch_result *res);

#endif
