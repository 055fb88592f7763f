/* lists/ftm_json.c: not written yet. */
#include "lists/lists_int.h"
#include "util/error.h"

int aka__parse_ftm_json(aka__parse *p)
{
    return aka__error(AKA_EFORMAT, "%s: ftm_json parser not written yet", p->in.path);
}
