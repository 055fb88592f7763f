/*
 * text/script.c: script detection with ICU's Unicode script property.
 */
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/text.h"
#include "util/utf8.h"

int aka__text_has_non_latin(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        uint32_t cp = aka__utf8_next(s, len, &i);
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc;

        if (cp < 0x80 || !u_isalpha((UChar32)cp))
            continue;
        sc = uscript_getScript((UChar32)cp, &err);
        if (U_FAILURE(err))
            continue;
        if (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
            sc != USCRIPT_INHERITED)
            return 1;
    }
    return 0;
}
