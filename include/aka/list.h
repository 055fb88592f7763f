/*
 * aka/list.h: loading one sanctions list file into the entity model.
 *
 * The format is detected from the content, never from the file name. A
 * load either succeeds with every record of the file, or fails with a
 * message naming the file and line ("sdn.csv:12: ..."): a partial list is
 * never returned. Some formats come as a set of files (OFAC's legacy CSVs:
 * sdn.csv with alt.csv, add.csv and sdn_comments.csv beside it); loading the
 * main file reads its companions from the same directory.
 */
#ifndef AKA_LIST_H
#define AKA_LIST_H

#include "common.h"
#include "entity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* X-macro: enum, short name, description. */
#define AKA_FORMAT_MAP(XX)                                                  \
    XX(AKA_FORMAT_UNKNOWN, "unknown", "not a list format aka reads")       \
    XX(AKA_FORMAT_UN_XML, "un-xml", "UN Security Council Consolidated List XML") \
    XX(AKA_FORMAT_OFAC_CSV, "ofac-csv", "OFAC legacy CSV (sdn.csv / cons_prim.csv)") \
    XX(AKA_FORMAT_OFAC_COMPANION, "ofac-csv-part",                          \
       "OFAC legacy CSV companion (alt/add/comments)")                      \
    XX(AKA_FORMAT_OFAC_XML, "ofac-xml", "OFAC sdnList XML")                 \
    XX(AKA_FORMAT_UK_CONLIST, "uk-conlist", "UK OFSI ConList CSV")          \
    XX(AKA_FORMAT_EU_JOURNAL, "eu-journal-csv", "EU legal-act CSV (OpenSanctions transcription)") \
    XX(AKA_FORMAT_EU_FSF, "eu-fsf-xml", "EU Financial Sanctions Files XML export") \
    XX(AKA_FORMAT_CA_SEMA, "ca-sema-xml", "Canada SEMA consolidated XML")   \
    XX(AKA_FORMAT_FTM_JSON, "ftm-json", "FollowTheMoney JSON lines")        \
    XX(AKA_FORMAT_AKA_CSV, "aka-csv", "aka's own CSV list")

typedef enum {
#define AKA_XX(e, name, desc) e,
    AKA_FORMAT_MAP(AKA_XX)
#undef AKA_XX
} aka_format;

/** Short name of a format ("un-xml"...); static, never NULL. */
AKA_EXTERN const char *aka_format_name(aka_format format);

/**
 * Detect the format of the file at `path` from its first bytes.
 * @param[out] out  the format; AKA_FORMAT_UNKNOWN if none matches
 * @return AKA_OK (also when unknown) or AKA_EIO if the file can't be read
 */
AKA_EXTERN int aka_format_sniff(aka_format *out, const char *path);

/** Run-time limits of a load (the server reads untrusted files). */
typedef struct {
    unsigned version;       /* AKA_LOAD_OPTIONS_VERSION */
    size_t max_file_size;   /* bytes; larger files fail with AKA_ELIMIT */
    size_t max_field_len;   /* bytes of one field/attribute/line value */
} aka_load_options;
#define AKA_LOAD_OPTIONS_VERSION 1
#define AKA_LOAD_OPTIONS_INIT                                               \
    { AKA_LOAD_OPTIONS_VERSION, (size_t)1 << 30, (size_t)1 << 20 }

/** A loaded list. Opaque; free with aka_list_free(). */
typedef struct aka_list aka_list;

/**
 * Load the list file at `path`.
 * @param[out] out  on success, a new list owned by the caller
 * @param opts      limits, or NULL for the defaults
 * @return AKA_OK; AKA_EIO (unreadable), AKA_EFORMAT (unknown format),
 *         AKA_EINVALID (malformed, with file and line in aka_error_last()),
 *         AKA_ELIMIT or AKA_ENOMEM.
 */
AKA_EXTERN int aka_list_load(aka_list **out, const char *path,
                             const aka_load_options *opts);

/**
 * Parse a list held in memory, as aka_list_load would parse a file named
 * `name` (used in messages). OFAC companion files are not looked up.
 * The buffer is only read during the call (copied).
 */
AKA_EXTERN int aka_list_parse(aka_list **out, const char *name,
                              const char *data, size_t len,
                              const aka_load_options *opts);

/** NULL is a no-op. Every pointer obtained from the list becomes invalid. */
AKA_EXTERN void aka_list_free(aka_list *list);

AKA_EXTERN aka_format aka_list_format(const aka_list *list);
/** Path given to the load; borrowed. */
AKA_EXTERN const char *aka_list_path(const aka_list *list);
/** The list's own publication date/time as it writes it, or NULL. */
AKA_EXTERN const char *aka_list_published(const aka_list *list);
AKA_EXTERN size_t aka_list_count(const aka_list *list);
/** Entity `i` (< aka_list_count); borrowed until aka_list_free(). */
AKA_EXTERN const aka_entity *aka_list_entity(const aka_list *list, size_t i);
/** Find an entity by source id; NULL if absent. Borrowed. */
AKA_EXTERN const aka_entity *aka_list_find(const aka_list *list,
                                           const char *source_id);
/** Non-fatal findings of the load (orphan rows...); borrowed strings. */
AKA_EXTERN aka_strings aka_list_warnings(const aka_list *list);

#ifdef __cplusplus
}
#endif
#endif
