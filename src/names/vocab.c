/*
 * names/vocab.c: the words that say what kind of organisation a name is,
 * and what each means (names/names.h, RULE-NAME-5).
 *
 * Lists translate these words where they transliterate the name proper:
 * the EU writes Научно-Технический Центр «Атлас» as Scientific and
 * Technical Center ATLAS, and Canada Адкрытае акцыянернае таварыства as
 * Open Joint Stock Company. Each row below is one meaning: its English
 * word first, then how it is written in English and in the Latin that
 * aka and the lists give Russian, Belarusian and Ukrainian words. Two
 * words of one row match as translated.
 *
 * A form ending in '*' is a stem: it stands for itself followed by a
 * grammatical ending of at most TAIL_MAX letters, all of them letters
 * that Slavic case endings are written with in Latin (-ogo, -oye, -ykh,
 * -iya, -ami...). That keeps surnames out: Strakhov is not страховая
 * (insurance), since v ends no case. Other forms match whole words only.
 */
#include <string.h>

#include "names/names.h"

#define TAIL_MAX 4
#define TAIL_LETTERS "aeiouyjkhmg"
#define FORMS_MAX 20

static const char *const vocab[][FORMS_MAX] = {
    /* legal forms and the words they are made of */
    {"company", "companies", "co", "society", "community", "firm", "firma",
     "kompani*", "kampani*", "obshchestv*", "obschestv*", "obshestv*",
     "obshschestvo", "tovarystv*", "tovaristv*", "tavarystv*", "sharikat",
     "sherkat", "shirkat"},
    {"llc", "ooo", "tov", "taa"},
    {"jsc", "ao", "aat"},
    {"ojsc", "oao", "vat"},
    {"cjsc", "zao", "zat"},
    {"pjsc", "pao"},
    {"joint", "stock", "aktsionern*", "aktcionern*", "aktsyyanern*",
     "aktsyianern*", "aktsiyanern*", "aktsyjanern*"},
    {"open", "otkryt*", "adkryt*", "vidkryt*"},
    {"closed", "zakryt*", "zakrit*"},
    {"public", "publichn*"},
    {"private", "chastn*", "pryvatn*"},
    {"limited", "ltd", "ogranichenn*", "abmezhavan*", "obmezhen*"},
    {"liability", "otvetstvennost*", "adkaznastsyu", "adkaznastsiu",
     "vidpovidalnist*"},
    {"partnership", "tovarishchestv*"},
    {"enterprise", "enterprises", "predpriyati*", "predpriiati*",
     "pradpryyemstv*", "pradpryemstv*", "pidpryiemstv*", "pidpryyemstv*"},
    {"unitary", "unitarn*"},
    {"state", "government", "governmental", "gosudarstvenn*", "dziarzhaun*",
     "dzyarzhaun*", "derzhavn*"},
    {"federal", "federaln*"},
    {"municipal", "munitsipaln*"},
    {"budgetary", "budget", "byudzhetn*", "biudzhetn*"},
    {"institution", "uchrezhdeni*", "uchrezhdenni*", "ustanov*"},
    {"organisation", "organization", "organisations", "organizations",
     "organizatsi*"},
    {"association", "obyedineni*", "obedineni*", "obiedineni*", "abyadnann*"},
    {"united", "obyedinenn*", "obedinenn*", "obiedinenn*"},
    {"group", "groups", "gruppa", "gruppy", "grupa"},
    {"holding", "holdings", "kholding*", "khaldyng*"},
    {"corporation", "corp", "korporatsi*", "karparatsy*"},
    {"concern", "kontsern*"},
    {"trust", "trest*"},
    {"foundation", "fund", "establishment", "fond", "fondu", "muassasa"},
    {"agency", "agentstv*", "ahentstv*"},
    {"bureau", "byuro", "biuro", "buro"},
    {"office", "ofis*"},
    {"center", "centre", "centers", "centres", "tsentr*", "centr*"},
    {"central", "tsentraln*", "centraln*"},
    {"main", "chief", "glavn*", "halown*"},
    /* what it does */
    {"scientific", "science", "sciences", "nauchn*", "nauk*", "naukov*",
     "navukov*"},
    {"research", "issledovatelsk*", "issledovani*", "issledovanii", "doslidn*",
     "dasledch*"},
    {"technical", "technics", "tekhnichesk*", "tehnichesk*", "tekhnichn*"},
    {"technology", "technologies", "technological", "tekhnologi*", "tehnologi*",
     "tekhnalogi*"},
    {"production", "producing", "manufacturing", "manufacture",
     "proizvodstvenn*", "proizvodstv*", "vytvorch*", "vyrabnich*"},
    {"design", "konstruktorsk*", "proyektn*", "proektn*"},
    {"institute", "institut*"},
    {"plant", "plants", "factory", "factories", "works", "zavod*", "fabrik*",
     "kombinat*", "combine"},
    {"instrument", "instruments", "devices", "priborostroitel*", "pribor*",
     "instrumentaln*"},
    {"shipbuilding", "shipyard", "shipyards", "sudostroitel*", "sudoremont*"},
    {"shipping", "sudokhodn*"},
    {"sea", "maritime", "marine", "morsk*"},
    {"machine", "mashinostroitel*", "mashinostroyeni*", "mashinostroeni*"},
    {"chemical", "chemicals", "chemistry", "khimichesk*", "khimii", "khimiya"},
    {"mechanical", "mechanics", "mekhanichesk*", "mekhaniki"},
    {"electronic", "electronics", "elektronn*", "elektronik*"},
    {"systems", "system", "sistem*"},
    {"communication", "communications", "svyaz*", "sviaz*"},
    {"management", "control", "administration", "directorate", "upravleni*",
     "upravlinn*"},
    {"information", "informatsion*", "informatsi*"},
    {"engineering", "inzhenern*", "inzhiniring*"},
    {"equipment", "tekhnik*", "tekhniki", "oborudovani*"},
    {"construction", "building", "stroitel*", "budaunich*"},
    {"repair", "remontn*"},
    {"aviation", "aircraft", "aviatsion*", "aviatsii", "aviyatsyin*"},
    {"space", "kosmichesk*"},
    {"nuclear", "yadern*", "iadern*"},
    {"physics", "fiziki", "fizik*", "fizichesk*"},
    {"optical", "optics", "optiko", "optichesk*", "optiki"},
    {"rocket", "rockets", "missile", "raketn*"},
    {"artillery", "artilleriysk*", "artilleriisk*"},
    {"weapons", "armament", "armaments", "vooruzheni*"},
    {"armed", "vooruzhenn*"},
    {"military", "voenn*", "voyenn*", "vaienn*", "vayenn*"},
    {"defence", "defense", "oboron*", "abarony"},
    {"security", "bezopasnost*"},
    {"intelligence", "razvedk*", "razvedyvatel*"},
    {"troops", "forces", "voysk*", "voisk*", "vojsk*"},
    {"guard", "guards", "gvardi*", "hvardi*"},
    {"army", "armiya", "armii", "armiia"},
    {"battalion", "batalon*", "batalyon*", "batalion*"},
    {"brigade", "brigada", "brigady", "bryhada"},
    {"railway", "railways", "railroad", "zheleznodorozhn*"},
    {"energy", "power", "energetichesk*", "energetik*", "enerhetychn*"},
    {"fuel", "toplivn*"},
    {"oil", "neftyan*", "neftian*", "neft", "nefti"},
    {"insurance", "strakhovaya", "strakhovoi", "strakhovoy", "strakhovoe",
     "strakhovaia", "strakhovogo"},
    {"commercial", "kommerchesk*", "kamertsyin*"},
    {"trading", "trade", "torgov*", "torhov*"},
    {"industrial", "industries", "industry", "promyshlenn*", "promyshlennosti"},
    {"investment", "investments", "investitsion*"},
    {"financial", "finance", "finansov*"},
    {"economic", "economy", "ekonomichesk*", "ekonomiki"},
    {"development", "razvitiya", "razvitiia", "razvitie", "rozvytku"},
    {"international", "mezhdunarodn*", "mizhnarodn*"},
    {"educational", "education", "obrazovatel*", "obrazovaniya", "obrazovaniia",
     "osvity"},
    {"higher", "vysshego", "vysshee", "vysshaya", "vysshei", "vysshey"},
    {"academy", "akademi*"},
    {"university", "universitet*"},
    {"museum", "muzei", "muzey*"},
    {"charitable", "charity", "blagotvoritel*"},
    {"children", "childrens", "detsk*", "dzitsyach*"},
    {"experimental", "opytn*"},
    {"semiconductor", "poluprovodnikov*"},
    {"precision", "dakladn*", "tochn*"},
    {"television", "televizion*"},
    {"broadcasting", "radioveshchatel*", "teleradiokompaniya"},
    {"news", "novosti"},
    {"named", "imeni", "imya"},
    {"movement", "dvizheni*"},
    {"party", "partiya", "partii", "partiia"},
    {"cossack", "cossacks", "kazach*"},
    {"national", "natsionaln*", "natsyyanaln*", "natsyianaln*"},
    {"people", "peoples", "narodn*"},
    {"republic", "republican", "respublik*", "respublikansk*"},
    {"federation", "federatsi*"},
    {"russian", "russia", "rossiysk*", "rossiisk*", "rossijsk*", "rossii",
     "rossiya", "rossiia"},
    {"moscow", "moskovsk*", "moskva", "moskvy"},
    {"crimean", "crimea", "krymsk*", "krym"},
    {"city", "gorodsk*", "horadsk*"},
    {"region", "regional", "oblast*", "oblastn*", "regionaln*"},
    {"ministry", "ministerstv*"},
    {"service", "services", "sluzhb*"},
    {"committee", "komitet*", "kamitet*"},
    {"council", "sovet*", "savet*"},
    {"commission", "komissi*", "kamisi*"},
    {"election", "electoral", "izbiratel*", "vybarch*", "vyborch*"},
    {"investigative", "investigation", "sledstvenn*"},
    {"prosecutor", "prosecutors", "prokuratur*", "prokuror*"},
    {"police", "politsi*", "militsi*"},
    {"border", "pogranichn*"},
    {"customs", "tamozhn*"},
    {"supreme", "verkhovn*"},
    {"foreign", "external", "vneshn*"},
    {"internal", "interior", "vnutrenn*"},
    {"justice", "yustitsi*", "iustitsii"},
    {"culture", "cultural", "kultur*"},
    {"enlightenment", "education", "prosveshcheni*"},
    {"youth", "molodezh*", "molodyozh*"},
    {"special", "spetsialn*"},
    {"programmes", "programs", "programme", "program", "programm*"},
    {"innovative", "innovation", "innovations", "innovatsionn*"},
    {"autonomous", "avtonomn*"},
    {"non-commercial", "noncommercial", "nekommerchesk*"},
    {"publishing", "izdatel*"},
    {"world", "global", "mirovoi", "mirovoy", "mirovoj", "mirovaya", "mirovoe",
     "mirovogo"},
    {"flight", "letn*", "lyotn*"},
    {"detachment", "squad", "otryad*", "otriad*"},
    {"civil", "civilian", "grazhdansk*"},
    {"aircraft", "aeroplanes", "samolet*", "samolyot*"},
    {"helicopter", "helicopters", "vertolet*", "vertolyot*"},
    {"unmanned", "bespilotn*"},
    {"command", "komandovani*"},
    {"protection", "zashchit*"},
    {"radiation", "radiatsionn*"},
    {"biological", "biologichesk*"},
    {"applied", "prikladn*"},
    {"theoretical", "teoretichesk*"},
    {"measurements", "measurement", "izmereni*"},
    {"organic", "organichesk*"},
    {"automatics", "automation", "avtomatik*", "avtomatizatsi*"},
    {"siberian", "siberia", "sibirsk*", "sibiri"},
    {"branch", "otdeleni*", "filial*"},
    {"river", "rechn*"},
    {"geographical", "geographic", "geografichesk*"},
};

#define N_CONCEPTS (sizeof(vocab) / sizeof(vocab[0]))

/* 1 if `latin` is `form`, or, for a stem (a form ending in '*'), the stem
 * followed by an ending (file comment). */
static int form_matches(const char *form, const char *latin)
{
    size_t n = strlen(form), tail;

    if (form[n - 1] != '*')
        return !strcmp(form, latin);
    if (strncmp(form, latin, n - 1))
        return 0;
    tail = strlen(latin + n - 1);
    return tail <= TAIL_MAX && strspn(latin + n - 1, TAIL_LETTERS) == tail;
}

uint8_t aka__name_concept(const char *latin)
{
    for (size_t r = 0; r < N_CONCEPTS; r++)
        for (size_t f = 0; f < FORMS_MAX && vocab[r][f]; f++)
            if (vocab[r][f][0] == latin[0] && form_matches(vocab[r][f], latin))
                return (uint8_t)(r + 1);
    return 0;
}

const char *aka__name_concept_word(uint8_t c)
{
    return c && c <= N_CONCEPTS ? vocab[c - 1][0] : "";
}

size_t aka__name_concepts(void)
{
    return N_CONCEPTS;
}
