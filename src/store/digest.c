/*
 * store/digest.c: SHA-256 for content hashes of list files and for the
 * audit chain, with OpenSSL's EVP interface.
 */
#include <openssl/evp.h>

#include "store/store.h"

struct aka__sha256 {
    EVP_MD_CTX *ctx;   /* owned */
};

static void to_hex(char *hex, const unsigned char *md, unsigned n)
{
    static const char digits[] = "0123456789abcdef";

    for (unsigned i = 0; i < n; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[2 * n] = '\0';
}

aka__sha256 *aka__sha256_new(void)
{
    aka__sha256 *h = OPENSSL_zalloc(sizeof(*h));

    if (!h)
        return NULL;
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx || EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(h->ctx);
        OPENSSL_free(h);
        return NULL;
    }
    return h;
}

void aka__sha256_add(aka__sha256 *h, const void *data, size_t len)
{
    if (h && len)
        EVP_DigestUpdate(h->ctx, data, len);
}

void aka__sha256_end(aka__sha256 *h, char *hex)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned n = 0;

    if (!h) {
        hex[0] = '\0';
        return;
    }
    EVP_DigestFinal_ex(h->ctx, md, &n);
    to_hex(hex, md, n);
    EVP_MD_CTX_free(h->ctx);
    OPENSSL_free(h);
}

void aka__sha256_hex(char *hex, const void *data, size_t len)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned n = 0;

    EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
    to_hex(hex, md, n);
}
