/*
 * text/script.c: script detection with ICU's Unicode script property:
 * which script a word is written in, and whether a name holds any letter
 * outside Latin.
 */
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "aka/common.h"

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

const char *aka__script_name(aka__script sc)
{
    static const char *const n[] = {"none", "latin", "cyrillic", "arabic",
                                    "other"};
    return (unsigned)sc <= AKA_SCRIPT_OTHER ? n[sc] : "other";
}

aka__script aka__text_script(const char *word, size_t len)
{
    size_t counts[AKA_SCRIPT_OTHER + 1] = {0};
    size_t i = 0, best = AKA_SCRIPT_NONE;

    while (i < len) {
        uint32_t c = aka__utf8_next(word, len, &i);
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc;

        if (!u_isalpha((UChar32)c))
            continue;
        sc = uscript_getScript((UChar32)c, &e);
        if (sc == USCRIPT_LATIN)
            counts[AKA_SCRIPT_LATIN]++;
        else if (sc == USCRIPT_CYRILLIC)
            counts[AKA_SCRIPT_CYRILLIC]++;
        else if (sc == USCRIPT_ARABIC)
            counts[AKA_SCRIPT_ARABIC]++;
        else if (sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
            counts[AKA_SCRIPT_OTHER]++;
    }
    for (size_t k = AKA_SCRIPT_LATIN; k <= AKA_SCRIPT_OTHER; k++)
        if (counts[k] > counts[best])
            best = k;
    return (aka__script)best;
}
