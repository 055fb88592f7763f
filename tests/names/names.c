/*
 * tests/names/names.c: names into parts (RULE-NAME-*) and phonetic keys
 * (RULE-KEY-*): the same key across spellings and scripts, different keys
 * for different names.
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "names/names.h"

/* Parse s into n (storage in a), failing the test on an error. */
static void parse(aka__name *n, aka__arena *a, const char *s)
{
    assert_int_equal(aka__name_parse(n, a, s, strlen(s)), AKA_OK);
}

/* Keys of the name parts (kind name or particle) joined with ' '. */
static void name_keys(char *out, size_t cap, const char *name)
{
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;
    size_t k = 0;

    out[0] = '\0';
    assert_int_equal(aka__name_parse(&n, &a, name, strlen(name)), AKA_OK);
    for (size_t i = 0; i < n.n; i++) {
        if (n.parts[i].kind != AKA_PART_NAME &&
            n.parts[i].kind != AKA_PART_PARTICLE)
            continue;
        k += (size_t)snprintf(out + k, cap - k, "%s%s", k ? " " : "",
                              n.parts[i].key);
    }
    aka__arena_dispose(&a);
}

/* Groups of spellings that must share their keys (RULE-KEY). */
static const char *const same[][6] = {
    {"Abu Bakr al-Baghdadi", "Абу Бакр аль-Багдади", "Abou Bakr el Bagdadi",
     "أبو بكر البغدادي", "ABU BAKR AL BAGHDADI", NULL},
    {"Muhammad", "Mohammed", "Mohamad", "Mukhammad", "محمد", "Мухаммад"},
    {"Yusupov", "Jusupov", "Iusupov", "Ioussoupov", "Юсупов", NULL},
    {"Abd al-Rahman", "Abdul Rahman", "Abdurrahman", "عبد الرحمن",
     "Abdelrahman", "عبدالرحمن"},
    {"Mohammed Omar", "محمد عمر", "Muhammad Umar", NULL, NULL, NULL},
    {"Abdullah", "عبدالله", "Abdallah", "Abdoulaye", "Abdoulah", "Abdulaye"},
    /* French spellings of abd + article, apart and glued */
    {"Abdul Hafiz", "Abdoul Hafiz", "Abdoulhafiz", "Abdou Hafiz",
     "Abdulhafiz", "عبد الحفيظ"},
    {"Abdul Karim", "Abdoul-Karim", "Abdoulkarim", "Abdelkarim", NULL,
     NULL},
    {"Abdol Ali", "Abdolali", "Abdulali", "Abd al-Ali", NULL, NULL},
    /* kinship glued to abd's word is split off */
    {"Abu Abdullah", "Abuabdullah", "Abouabdallah", NULL, NULL, NULL},
    {"Ben Abdul Aziz", "Benabdul Aziz", "Benabdulaziz", "Ben Abdelaziz",
     NULL, NULL},
    {"Bint Abd al-Rahman", "Bintabd al-Rahman", NULL, NULL, NULL, NULL},
    {"Ivanov", "Ivanova", "Иванова", NULL, NULL, NULL},
    {"Hussein", "Husayn", "Hussain", "حسين", "Хусейн", NULL},
    {"Fatima", "Fatimah", "فاطمة", NULL, NULL, NULL},
};

static void test_names_names__same_keys(void **state)
{
    char k0[256], k[256];

    (void)state;
    for (size_t g = 0; g < ARRAY_SIZE(same); g++) {
        name_keys(k0, sizeof(k0), same[g][0]);
        assert_true(k0[0] != '\0');
        for (size_t i = 1; i < 6 && same[g][i]; i++) {
            name_keys(k, sizeof(k), same[g][i]);
            if (strcmp(k, k0))
                fail_msg("'%s' -> '%s' but '%s' -> '%s'", same[g][0], k0,
                         same[g][i], k);
        }
    }
}

/* Keys that must differ. Known collision, by design: Hassan and Hussein
 * share HSN (Arabic writes them حسن and حسين, one long vowel apart); in
 * Latin script the scorer tells them apart by spelling (RULE-SCORE-1). */
static const char *const differ[][2] = {
    {"Ivanov", "Petrov"},     {"Hassan", "Hamid"},   {"Omar", "Amin"},
    {"Baghdadi", "Bakri"},    {"Smith", "Schmidt"},  {"Karimi", "Kazemi"},
};

static void test_names_names__different_keys(void **state)
{
    char a[256], b[256];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(differ); i++) {
        name_keys(a, sizeof(a), differ[i][0]);
        name_keys(b, sizeof(b), differ[i][1]);
        if (!strcmp(a, b))
            fail_msg("'%s' and '%s' share key '%s'", differ[i][0],
                     differ[i][1], a);
    }
}

static void test_names_names__kinds(void **state)
{
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;
    const char *s = "Mullah Abdul Ghani bin Baradar al-Afghani LLC";

    (void)state;
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    /* mullah | abdghani | bin | baradar | al | afghani | llc */
    assert_int_equal(n.n, 7);
    assert_int_equal(n.parts[0].kind, AKA_PART_TITLE);   /* RULE-NAME-4 */
    assert_string_equal(n.parts[1].latin, "abdghani");    /* RULE-NAME-2 */
    assert_int_equal(n.parts[1].kind, AKA_PART_NAME);
    assert_string_equal(n.parts[1].text, "abdul ghani");
    assert_int_equal(n.parts[2].kind, AKA_PART_PARTICLE); /* RULE-NAME-3 */
    assert_int_equal(n.parts[4].kind, AKA_PART_ARTICLE);  /* RULE-NAME-1 */
    assert_int_equal(n.parts[6].kind, AKA_PART_LEGAL);    /* RULE-NAME-5 */
    assert_int_equal(n.parts[5].script, AKA_SCRIPT_LATIN);
    /* RULE-NAME-5: legal forms as aka transliterates them, and the words
     * of an organisation's kind, which lists translate: all weak but the
     * name proper */
    s = "Федеральное Государственное Унитарное Предприятие "
        "Научно-Исследовательский Институт Полет";
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    assert_int_equal(n.n, 8);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(n.parts[i].kind, AKA_PART_LEGAL);
    assert_int_equal(n.parts[7].kind, AKA_PART_NAME);
    s = "Polet Research and Production Plant";
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    assert_int_equal(n.n, 5);
    assert_int_equal(n.parts[0].kind, AKA_PART_NAME);
    assert_int_equal(n.parts[1].kind, AKA_PART_LEGAL);
    assert_int_equal(n.parts[3].kind, AKA_PART_LEGAL);
    assert_int_equal(n.parts[4].kind, AKA_PART_LEGAL);
    /* RULE-NAME-1: in Arabic script only ال is an article; عوض (Awad,
     * "ud" in Latin) is a name, and so is the Latin Ud of none */
    s = "\xD8\xB9\xD9\x88\xD8\xB6 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87"; /* عوض الله
                                                                      */
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    assert_int_equal(n.n, 2);
    assert_string_equal(n.parts[0].latin, "ud");
    assert_int_equal(n.parts[0].kind, AKA_PART_NAME);
    s = "ud Din";
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    assert_int_equal(n.parts[0].kind, AKA_PART_ARTICLE);
    /* و ("and") glued to an article is one more article; والیان
     * (Valiyan), of two letters after وال, is a name */
    s = "\xD9\x88\xD8\xA7\xD9\x84\xD9\x85\xD8\xB3\xD9\x84\xD9\x85"
        "\xD9\x8A\xD9\x86"; /* والمسلمين */
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    assert_int_equal(n.n, 3);
    assert_int_equal(n.parts[0].kind, AKA_PART_ARTICLE);
    assert_int_equal(n.parts[1].kind, AKA_PART_ARTICLE);
    assert_int_equal(n.parts[2].kind, AKA_PART_NAME);
    s = "\xD9\x88\xD8\xA7\xD9\x84\xDB\x8C\xD8\xA7\xD9\x86"; /* والیان */
    assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
    assert_int_equal(n.n, 1);
    assert_int_equal(n.parts[0].kind, AKA_PART_NAME);
    /* RULE-NAME-4: titles written in Arabic script, as their Latin form
     * reads: مولوی, مولانا, دكتور (and ملا, شیخ, which read mulla and
     * sheikh) */
    {
        static const char *const arabic_titles[] = {
            "\xD9\x85\xD9\x88\xD9\x84\xD9\x88\xDB\x8C",         /* مولوی */
            "\xD9\x85\xD9\x88\xD9\x84\xD8\xA7\xD9\x86\xD8\xA7", /* مولانا */
            "\xD8\xAF\xD9\x83\xD8\xAA\xD9\x88\xD8\xB1",         /* دكتور */
            "\xD9\x85\xD9\x84\xD8\xA7",                           /* ملا */
            "\xD8\xB4\xDB\x8C\xD8\xAE"};                          /* شیخ */
        for (size_t i = 0; i < ARRAY_SIZE(arabic_titles); i++) {
            char t[64];
            snprintf(t, sizeof(t), "%s \xD8\xB9\xD9\x85\xD8\xB1", /* عمر */
                     arabic_titles[i]);
            assert_int_equal(aka__name_parse(&n, &a, t, strlen(t)), AKA_OK);
            assert_int_equal(n.n, 2);
            if (n.parts[0].kind != AKA_PART_TITLE)
                fail_msg("%s (%s): not a title", arabic_titles[i],
                         n.parts[0].latin);
        }
    }
    aka__arena_dispose(&a);
}

/* "LAST, First": the parts after the comma start at given_from. */
static void test_names_names__given_from(void **state)
{
    static const struct {
        const char *name;
        size_t given_from;
    } cases[] = {{"YANUKOVYCH, Viktor F.", 1},
                 {"AL-SIBA'I, Hani Muhammad", 2}, /* al, siba'i */
                 {"Abu Bakr al-Baghdadi", 0},
                 {"KIM JONG, Un", 2},
                 {"Smith,", 0},
                 {", Smith", 0}};

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka__arena a = AKA_ARENA_INIT;
        aka__name n;
        parse(&n, &a, cases[i].name);
        if (n.given_from != cases[i].given_from)
            fail_msg("'%s': given_from %zu, not %zu", cases[i].name,
                     n.given_from, cases[i].given_from);
        aka__arena_dispose(&a);
    }
}

/* A surname that ends as a patronymic (YANUKOVYCH) is none: when the
 * list marks it, or when a patronymic follows the given name beside it;
 * that patronymic stays one. */
static void test_names_names__family(void **state)
{
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;

    (void)state;
    parse(&n, &a, "Viktor YANUKOVYCH");
    assert_int_equal(n.n, 2);
    assert_true(n.parts[1].patronymic); /* alone, it reads as one */
    assert_int_equal(aka__name_mark_family(&n, &a, "YANUKOVYCH"), AKA_OK);
    assert_true(n.parts[1].family && !n.parts[1].patronymic);
    assert_true(!n.parts[0].family);
    parse(&n, &a, "Viktor Fedorovych YANUKOVYCH");
    assert_true(n.parts[1].patronymic && !n.parts[2].patronymic);
    parse(&n, &a, "YANUKOVYCH Viktor Fedorovych");
    assert_true(!n.parts[0].patronymic && n.parts[2].patronymic);
    aka__arena_dispose(&a);
}

static void test_names_names__edge_cases(void **state)
{
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;
    char *big;

    (void)state;
    assert_int_equal(aka__name_parse(&n, &a, "", 0), AKA_OK);
    assert_int_equal(n.n, 0);
    assert_int_equal(aka__name_parse(&n, &a, "-- ,. ()", 8), AKA_OK);
    assert_int_equal(n.n, 0);
    /* a lone article is kept as a name part: nothing else to match */
    assert_int_equal(aka__name_parse(&n, &a, "Al", 2), AKA_OK);
    assert_int_equal(n.n, 1);
    assert_int_equal(aka__name_parse(&n, &a, "\xC3(", 2), AKA_EINVALID);
    big = test_malloc(10000);
    for (size_t i = 0; i < 10000; i++)
        big[i] = i % 9 == 8 ? ' ' : 'a' + (char)(i % 26);
    assert_int_equal(aka__name_parse(&n, &a, big, 10000), AKA_OK);
    assert_int_equal(n.n, AKA_NAME_MAX_PARTS);
    test_free(big);
    aka__arena_dispose(&a);
}

static void test_names_names__key_edge_cases(void **state)
{
    char k[4];

    (void)state;
    assert_int_equal(aka__name_key(k, sizeof(k), "", 0), 0);
    assert_int_equal(aka__name_key(k, sizeof(k), "aeiou", 5), 0);
    /* truncated to the buffer, still terminated */
    assert_int_equal(aka__name_key(k, sizeof(k), "bdfgklmn", 8), 3);
    assert_string_equal(k, "BDF");
    assert_int_equal(aka__name_key(k, sizeof(k), "1971", 4), 3);
}

/* The second reading of Arabic-script and Cyrillic parts (key2). */
static void test_names_names__second_reading(void **state)
{
    static const struct {
        const char *text, *key2; /* "" when there is no second reading */
    } cases[] = {
        {"\xD9\x81\xD8\xAA\xD8\xAD\xD9\x8A", "FT"}, /* فتحي: Fathi */
        {"\xD8\xAC\xD9\x88\xD8\xA7\xD8\xAF", "YFD"}, /* جواد: Javad */
        {"\xD9\x85\xD8\xAD\xD9\x85\xD9\x88\xD8\xAF", ""}, /* محمود */
        {"\xD8\xB3\xDB\x8C\xD8\xA7\xD9\x88\xD8\xB4", "SFX"}, /* سیاوش:
                                                   Siavash, و after alef */
        {"Fathi", ""},                /* Latin: read one way only */
        {"\xD0\xA1\xD1\x8F\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9",
         "SRH"},                      /* Сяргей: Siarhei */
        {"\xD0\x93\xD0\x86\xD0\xA0\xD0\x93\xD0\x95\xD0\x9B\xD0\xAC",
         "GRGL"},                     /* ГІРГЕЛЬ: Girgel */
        {"\xD0\xAD\xD0\xB9\xD0\xB1\xD0\xB0\xD1\x82\xD0\xB0\xD1\x9E",
         "BTF"},                      /* Эйбатаў: Eibatov */
        {"\xD0\x9D\xD0\x9C\xD0\x93", ""}, /* НМГ: an abbreviation */
    };
    aka__arena a;
    aka__name n;
    char k[8];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        memset(&a, 0, sizeof(a));
        assert_int_equal(aka__name_parse(&n, &a, cases[i].text,
                                         strlen(cases[i].text)), AKA_OK);
        assert_int_equal(n.n, 1);
        assert_string_equal(n.parts[0].key2, cases[i].key2);
        aka__arena_dispose(&a);
    }
    /* ث is s; a key the same as the first is no second reading */
    assert_int_equal(aka__name_key2(k, sizeof(k), "wathqi"), 3);
    assert_string_equal(k, "FSK");
    assert_int_equal(aka__name_key2(k, sizeof(k), "mahmud"), 0);
    assert_string_equal(k, "");
    assert_int_equal(aka__name_key2(k, 1, "juad"), 0);
}

/* The alternatives a name holds (RULE-NAME-6). */
static void test_names_names__variants(void **state)
{
    static const struct {
        const char *name;
        size_t n;
        const char *second; /* the second variant, untrimmed */
    } cases[] = {
        {"Abu Bakr al-Baghdadi", 1, NULL},
        {"X (Y; Z)", 3, "Y"},
        {"Сергей КОВАЛЬЧУК / Сергiй КОВАЛЬЧУК", 2, " Сергiй КОВАЛЬЧУК"},
        {"Maersk A/S", 1, NULL},
        {"X / ", 1, NULL},
    };
    aka__variant v[AKA_NAME_MAX_VARIANTS];

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        const char *s = cases[i].name;
        size_t n = aka__name_variants(s, strlen(s), v, AKA_NAME_MAX_VARIANTS);
        assert_int_equal(n, cases[i].n);
        if (cases[i].second) {
            assert_int_equal(v[1].len, strlen(cases[i].second));
            assert_memory_equal(v[1].s, cases[i].second, v[1].len);
        }
    }
}

/* The article glued to a Latin part: its length, longest first, and 0
 * when what follows is shorter than three letters or there is none. */
static void test_names_names__glued_article(void **state)
{
    static const struct {
        const char *latin;
        size_t n;
    } cases[] = {
        {"albaghdadi", 2}, {"elhassan", 2}, {"ashshami", 3},
        {"asshami", 2},    {"ulhaq", 2},    {"alex", 0},
        {"ali", 0},        {"omar", 0},     {"", 0},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
        assert_int_equal(aka__name_glued_article(cases[i].latin), cases[i].n);
}

/* What a part derives from its strings (aka__part_derive) is what
 * walking them gives: lengths, the glued article, a patronymic ending,
 * the set of letters with j counted as y and other bytes in bit 31. */
static void test_names_names__derived(void **state)
{
    static const char *const names[] = {
        "Abu Bakr al-Baghdadi", "ALBAGHDADI Ilja Ivanovich",
        "Наталья Ивановна Юсупова", "محمد عمر", "O'Neil 3rd", ""};
    aka__arena a = AKA_ARENA_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        aka__name n;
        assert_int_equal(
            aka__name_parse(&n, &a, names[i], strlen(names[i])), AKA_OK);
        for (size_t k = 0; k < n.n; k++) {
            const aka__part *p = &n.parts[k];
            uint32_t letters = 0;
            for (const char *c = p->latin; *c; c++) {
                char l = *c == 'j' ? 'y' : *c;
                letters |= l >= 'a' && l <= 'z' ? 1u << (l - 'a') : 1u << 31;
            }
            assert_int_equal(p->latin_len, strlen(p->latin));
            assert_int_equal(p->key_len, strlen(p->key));
            assert_int_equal(p->key2_len, strlen(p->key2));
            assert_int_equal(p->glued, aka__name_glued_article(p->latin));
            assert_int_equal(p->patronymic,
                             aka__name_is_patronymic(p->latin));
            assert_int_equal(p->letters, letters);
        }
    }
    {
        aka__name n;
        assert_int_equal(aka__name_parse(&n, &a, "Ilja Ivanovich", 14),
                         AKA_OK);
        assert_int_equal(n.parts[0].letters,
                         (1u << ('i' - 'a')) | (1u << ('l' - 'a')) |
                             (1u << ('y' - 'a')) | (1u << 0));
        assert_int_equal(n.parts[1].patronymic, 1);
    }
    aka__arena_dispose(&a);
}

/* RULE-NAME-2: a glued abd is split off an Arabic-script word (and joined
 * to it again as abd's compound, Latin abd + X) only when a name of two
 * letters or more follows: عبدی (Abdi, here with the EU's presentation
 * form of yeh) and عبده (Abduh) stay whole words. */
static void test_names_names__arabic_abd_split(void **state)
{
    static const struct {
        const char *name;
        size_t parts;
        const char *latin; /* the first part's Latin form */
    } cases[] = {
        {"\xD8\xB9\xD8\xA8\xD8\xAF\xEF\xBB\xAF "
         "\xD8\xB4\xDA\xA9\xD8\xA7\xD8\xB1", 2, "bdi"},    /* عبدﻯ شکار */
        {"\xD8\xB9\xD8\xA8\xD8\xAF\xD9\x87", 1, "bd'h"}, /* عبده */
        {"\xD8\xB9\xD8\xA8\xD8\xAF\xD8\xB1\xD8\xA8", 1,
         "abdrb"},                                  /* عبدرب: abd + rb */
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        aka__arena a = AKA_ARENA_INIT;
        aka__name n;
        parse(&n, &a, cases[i].name);
        assert_int_equal(n.n, cases[i].parts);
        assert_string_equal(n.parts[0].latin, cases[i].latin);
        aka__arena_dispose(&a);
    }
}

/* RULE-NAME-7: a word one edit from a title or particle of four letters
 * or more, or from abd written apart with its article (abdul), is read as
 * that word misspelt; shorter words, two edits, a glued article and a
 * word as it is written stay names. */
static void test_names_names__misspelt_kind(void **state)
{
    static const struct {
        const char *latin;
        aka__part_kind kind;
    } cases[] = {
        {"mjllah", AKA_PART_TITLE},   /* changed */
        {"mullha", AKA_PART_TITLE},   /* neighbours swapped */
        {"mulllah", AKA_PART_TITLE},  /* doubled */
        {"mulah", AKA_PART_TITLE},    /* dropped */
        {"hagji", AKA_PART_TITLE},    {"shvykh", AKA_PART_TITLE},
        {"colonml", AKA_PART_TITLE},  {"qrai", AKA_PART_TITLE},
        {"aboou", AKA_PART_PARTICLE}, {"bnit", AKA_PART_PARTICLE},
        {"adul", AKA_PART_PARTICLE},  /* abdul, its abd dropped */
        {"abqel", AKA_PART_PARTICLE}, {"abdgl", AKA_PART_PARTICLE},
        {"abdoulx", AKA_PART_PARTICLE},
        {"abdul", AKA_PART_NAME},     /* written so, the next name's abd */
        {"afd", AKA_PART_NAME},       /* abd: three letters (Afzal) */
        {"hamid", AKA_PART_NAME},     /* no title or particle near */
        {"mjlleh", AKA_PART_NAME},    /* two edits */
        {"joao", AKA_PART_NAME},      /* oao: a legal form, and short */
        {"aby", AKA_PART_NAME},       /* abu: three letters */
        {"alhaq", AKA_PART_NAME},     /* al-Haq, not alhaj */
        {"alsayyid", AKA_PART_TITLE}, /* al-Sayyid glued */
        {"elsheikh", AKA_PART_TITLE}, {"alsayid", AKA_PART_NAME},
        {"lcl", AKA_PART_NAME},       /* legal forms stay out */
        {"", AKA_PART_NAME},
    };

    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
        if (aka__name_misspelt_kind(cases[i].latin) != cases[i].kind)
            fail_msg("'%s': %s, want %s", cases[i].latin,
                     aka__part_kind_name(
                         aka__name_misspelt_kind(cases[i].latin)),
                     aka__part_kind_name(cases[i].kind));
}

/* RULE-NAME-5: words of one meaning in English and in the Latin of
 * Russian, Belarusian and Ukrainian words, inflected, share it; a surname
 * that starts like such a word does not. */
static void test_names_names__meanings(void **state)
{
    static const char *const alike[][5] = {
        {"Завод", "Завода", "plant", "factory", "zavod"},
        {"ООО", "LLC", "ooo", "llc", NULL},
        {"Министерство", "Ministry", "ministerstva", NULL, NULL},
        {"Страховая", "insurance", NULL, NULL, NULL},
        {"Научно", "scientific", "nauchnyi", NULL, NULL},
        {"Адкрытае", "Open", "Открытого", NULL, NULL},
        {"Акцыянернае", "Акционерное", "Joint", NULL, NULL},
        /* Arabic script by its words: Persian letters as Arabic ones */
        {"وزارت", "وزارة", "Ministry", "Министерство", NULL},
        {"شبکه", "شبكة", "network", NULL, NULL},
        /* abbreviations, their dots dropped: ش.ذ.م.م, a company of
         * limited liability */
        {"ش.ذ.م.م", "LLC", "ООО", NULL, NULL},
        /* a given name in Russian, Ukrainian and Belarusian */
        {"Николай", "Mykola", "Мікалай", "Nikolai", NULL},
        {"Сергей", "Сергій", "Siarhei", "Serhiy", NULL},
        {"Ольга", "Olha", "Volha", NULL, NULL},
    };
    static const char *const none[] = {"strakhov", "bankov",    "mohammed",
                                       "fonda",    "zavodskoy", ""};
    aka__arena a = AKA_ARENA_INIT;
    aka__name n;

    (void)state;
    for (size_t g = 0; g < ARRAY_SIZE(alike); g++) {
        uint8_t c = 0;
        for (size_t k = 0; k < 5 && alike[g][k]; k++) {
            const char *s = alike[g][k];
            assert_int_equal(aka__name_parse(&n, &a, s, strlen(s)), AKA_OK);
            assert_int_equal(n.n, 1);
            if (!k)
            c = n.parts[0].concept;
            assert_int_not_equal(c, 0);
            assert_int_equal(n.parts[0].concept, c);
        }
    }
    for (size_t k = 0; k < ARRAY_SIZE(none); k++)
        assert_int_equal(aka__name_concept(none[k]), 0);
    assert_string_equal(aka__name_concept_word(0), "");
    /* only a given name keeps its meaning in a person's name */
    assert_true(aka__name_concept_given(aka__name_concept("mykola")));
    assert_false(aka__name_concept_given(aka__name_concept("zavod")));
    assert_false(aka__name_concept_given(0));
    /* every form of the table is reached as aka writes a word: as
     * written, or a stem with a case ending; Kazachok and Muzeyko end
     * in -ok and -ko, no case, and are no word of the table */
    for (size_t c = 1; c <= aka__name_concepts(); c++)
        for (size_t k = 0; aka__name_concept_form((uint8_t)c, k); k++) {
            char w[128];
            const char *f = aka__name_concept_form((uint8_t)c, k);
            size_t len = strlen(f);
            assert_true(len > 1 && len + 2 < sizeof(w));
            memcpy(w, f, len + 1);
            if (w[len - 1] == '*')
                memcpy(w + len - 1, "ogo", 4);
            assert_int_equal(aka__name_parse(&n, &a, w, strlen(w)), AKA_OK);
            if (n.n != 1 || n.parts[0].concept != c)
                fail_msg("form '%s' of meaning %zu is not reached", f, c);
        }
    assert_int_equal(aka__name_concept("kazachok"), 0);
    assert_int_equal(aka__name_concept("muzeyko"), 0);
    assert_int_not_equal(aka__name_concept("kazachye"), 0);
    /* each meaning's English word is its own: no row takes another's */
    for (size_t c = 1; c <= aka__name_concepts(); c++)
        assert_int_equal(aka__name_concept(aka__name_concept_word((uint8_t)c)),
                         c);
    assert_string_equal(aka__name_concept_word(aka__name_concept("zavoda")),
                        "plant");
    /* the English words that join an organisation's words are articles
     * (RULE-NAME-1), so Министерство обороны is all of Ministry of
     * Defence */
    assert_int_equal(aka__name_parse(&n, &a, "Ministry of Defence", 19),
                     AKA_OK);
    assert_int_equal(n.n, 3);
    assert_int_equal(n.parts[1].kind, AKA_PART_ARTICLE);
    aka__arena_dispose(&a);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_names_names__meanings),
    cmocka_unit_test(test_names_names__same_keys),
    cmocka_unit_test(test_names_names__different_keys),
    cmocka_unit_test(test_names_names__kinds),
    cmocka_unit_test(test_names_names__glued_article),
    cmocka_unit_test(test_names_names__derived),
    cmocka_unit_test(test_names_names__arabic_abd_split),
    cmocka_unit_test(test_names_names__misspelt_kind),
    cmocka_unit_test(test_names_names__edge_cases),
    cmocka_unit_test(test_names_names__given_from),
    cmocka_unit_test(test_names_names__family),
    cmocka_unit_test(test_names_names__key_edge_cases),
    cmocka_unit_test(test_names_names__second_reading),
    cmocka_unit_test(test_names_names__variants),
};

AKA_TEST_MAIN(tests)
