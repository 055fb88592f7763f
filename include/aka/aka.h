/*
 * aka.h: the public API of libaka, a sanctions and watchlist screening
 * engine. Include this header only; it includes the rest.
 *
 * Ownership: functions that create objects return them through an `out`
 * parameter first; the caller frees them with the matching _free(). Every
 * pointer returned by an accessor is borrowed from its parent object.
 */
#ifndef AKA_H
#define AKA_H

#include "common.h"
#include "entity.h"
#include "list.h"
#include "screen.h"
#include "snapshot.h"
#include "records.h"
#include "diff.h"
#include "runs.h"
#include "alerts.h"
#include "eval.h"
#include "store.h"

#endif
