/* lists/ofac_csv.c: not written yet. */
#include "lists/lists_int.h"
#include "util/error.h"

int aka__parse_ofac_csv(aka__parse *p)
{
    return aka__error(AKA_EFORMAT, "%s: ofac_csv parser not written yet", p->in.path);
}
