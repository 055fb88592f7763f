/* lists/un_xml.c: not written yet. */
#include "lists/lists_int.h"
#include "util/error.h"

int aka__parse_un_xml(aka__parse *p)
{
    return aka__error(AKA_EFORMAT, "%s: un_xml parser not written yet", p->in.path);
}
