/* lists/ca_sema.c: not written yet. */
#include "lists/lists_int.h"
#include "util/error.h"

int aka__parse_ca_sema(aka__parse *p)
{
    return aka__error(AKA_EFORMAT, "%s: ca_sema parser not written yet", p->in.path);
}
