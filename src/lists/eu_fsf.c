/* lists/eu_fsf.c: not written yet. */
#include "lists/lists_int.h"
#include "util/error.h"

int aka__parse_eu_fsf(aka__parse *p)
{
    return aka__error(AKA_EFORMAT, "%s: eu_fsf parser not written yet", p->in.path);
}
