/*
 * text/text.h: Unicode facts about text (the text stage of the pipeline).
 * The list stage uses it only to flag names written in a non-Latin script;
 * the matching layer adds normalisation and transliteration here.
 */
#ifndef AKA_TEXT_H
#define AKA_TEXT_H

#include <stddef.h>

/**
 * 1 if s[0..len) (valid UTF-8) holds at least one letter whose script is
 * neither Latin nor Common/Inherited (e.g. Cyrillic, Arabic, Han), else 0.
 */
int aka__text_has_non_latin(const char *s, size_t len);

#endif
