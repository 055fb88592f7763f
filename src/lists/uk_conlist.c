/* lists/uk_conlist.c: not written yet. */
#include "lists/lists_int.h"
#include "util/error.h"

int aka__parse_uk_conlist(aka__parse *p)
{
    return aka__error(AKA_EFORMAT, "%s: uk_conlist parser not written yet", p->in.path);
}
