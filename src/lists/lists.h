/*
 * lists/lists.h: what the list stage offers the later stages (names,
 * index, match). The public entry points are in include/aka/list.h; this
 * header adds nothing yet beyond them.
 */
#ifndef AKA_LISTS_H
#define AKA_LISTS_H

#include "aka/list.h"

#endif
