/*
 * lists/lists.h: what the list stage offers the later stages (names,
 * index, match) beyond include/aka/list.h: a list as flat words and
 * pooled strings, for the snapshot file (lists/serial.c).
 */
#ifndef AKA_LISTS_H
#define AKA_LISTS_H

#include "aka/list.h"
#include "util/pack.h"

/** Append list `l` to the packer (p->oom set on out-of-memory). */
void aka__list_pack(aka__pack *p, const aka_list *l);

/**
 * Read one list back. Its strings are borrowed from u->pool, which must
 * outlive it. @return AKA_OK, AKA_EINVALID (damaged: a count, reference
 * or value out of range) or AKA_ENOMEM; *out is NULL on failure.
 */
int aka__list_unpack(aka_list **out, aka__unpack *u);

#endif
