/*
 * aka/snapshot.h: a screener saved to one file and mapped back, ready to
 * query, in milliseconds instead of the seconds that parsing the lists and
 * building the index take.
 *
 * The file holds the parsed lists (every entity field), the parsed list
 * names and the candidate index, with no pointers: the index tables are
 * used where they lie in the mapping. It starts with a versioned header
 * and a checksum of everything after it; a file that is not a snapshot,
 * was written by another version of aka, is truncated or damaged is
 * refused with a message naming the file and what is wrong. A screener
 * opened from a snapshot is like one built from the lists: read-only and
 * safe to query from any number of threads at once.
 */
#ifndef AKA_SNAPSHOT_H
#define AKA_SNAPSHOT_H

#include "common.h"
#include "screen.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write screener `s` to `path`, through a temporary file beside it that is
 * renamed into place, so a reader never sees a half-written snapshot.
 * @return AKA_OK, AKA_EIO (with the path and the system's reason) or
 *         AKA_ENOMEM.
 */
AKA_EXTERN int aka_snapshot_write(const aka_screener *s, const char *path);

/**
 * Map the snapshot at `path`. @param[out] out a new screener owned by the
 * caller (aka_screener_free() unmaps the file).
 * @return AKA_OK; AKA_EIO (can't open or map); AKA_EFORMAT (not a
 *         snapshot, or another format version or library version);
 *         AKA_EINVALID (truncated or damaged); AKA_ENOMEM.
 */
AKA_EXTERN int aka_snapshot_open(aka_screener **out, const char *path);

#ifdef __cplusplus
}
#endif
#endif
