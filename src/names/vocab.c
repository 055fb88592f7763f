/*
 * names/vocab.c: the words that say what kind of organisation a name is,
 * and what each means, and the given names that one person's name is
 * written with in Russian, Ukrainian and Belarusian (names/names.h,
 * RULE-NAME-5).
 *
 * Lists translate these words where they transliterate the name proper:
 * the EU writes Научно-Технический Центр «Атлас» as Scientific and
 * Technical Center ATLAS, and Canada Адкрытае акцыянернае таварыства as
 * Open Joint Stock Company, and the UN شبکه حقانی as HAQQANI NETWORK.
 * Each row below is one meaning: its English word first, then how it is
 * written in English, in the Latin that aka and the lists give Russian,
 * Belarusian, Ukrainian and Persian words, and in Arabic script (Arabic
 * and Persian words as aka normalises them: ک ی as ك ي, no article),
 * which is matched whole on a part's text, not on its Latin form. Two
 * words of one row match as translated.
 *
 * A form ending in '*' is a stem: it stands for itself followed by a
 * grammatical ending of at most TAIL_MAX letters, all of them letters
 * that Slavic case endings are written with in Latin (-ogo, -oye, -ykh,
 * -iya, -ami...). That keeps most surnames out: Strakhov is not
 * страховая (insurance), since v ends no case, nor Kazachok kazachye
 * (Cossack). Surnames made from adjectives still match (Moskovsky,
 * Morskoy), as a word of one part in a person's name. Other forms match
 * whole words only; Latin words that are also common names (Eslami,
 * Azad) are left out.
 */
#include <pthread.h>
#include <string.h>

#include "names/names.h"

#define TAIL_MAX 4
#define TAIL_LETTERS "aeiouyjhmg" /* and k before h */
#define FORMS_MAX 24

static const char *const vocab[][FORMS_MAX] = {
    /* legal forms and the words they are made of */
    {"company",    "companies", "co",           "society",    "community",
     "firm",       "firma",     "kompani*",     "kampani*",   "obshchestv*",
     "obschestv*", "obshestv*", "obshschestvo", "tovarystv*", "tovaristv*",
     "tavarystv*", "sharikat",  "sherkat",      "shirkat",    "كومباني",
     "كمباني",     "شركة",      "شركت"},
    {"llc", "ooo", "tov", "taa", "شذمم", "ذمم"},
    {"fze", "fzco", "fzc", "fz", "ممح", "شمح"}, /* free zone company */
    {"dmcc", "مدمس"},
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
    {"limited", "ltd", "ogranichenn*", "abmezhavan*", "obmezhen*", "محدودة",
     "لمتد", "ليمتد", "لميتد"},
    {"liability", "otvetstvennost*", "adkaznastsyu", "adkaznastsiu",
     "vidpovidalnist*", "مسوولية", "مسيولية"},
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
     "organizatsi*", "سازمان", "منظمة", "sazman", "sazmane"},
    {"association", "obyedineni*", "obedineni*", "obiedineni*", "abyadnann*"},
    {"united", "obyedinenn*", "obedinenn*", "obiedinenn*"},
    {"group", "groups", "gruppa", "gruppy", "grupa", "گروه", "مجموعة"},
    {"holding", "holdings", "kholding*", "khaldyng*", "قابضة"},
    {"corporation", "corp", "korporatsi*", "karparatsy*"},
    {"concern", "kontsern*"},
    {"trust", "trest*"},
    {"foundation", "fund", "establishment", "fond", "fondu", "muassasa",
     "بنياد", "موسسة", "موسسه", "bonyad"},
    {"agency", "agentstv*", "ahentstv*"},
    {"bureau", "byuro", "biuro", "buro"},
    {"office", "ofis*", "مكتب", "دفتر"},
    {"center", "centre", "centers", "centres", "tsentr*", "centr*", "مركز"},
    {"central", "tsentraln*", "centraln*", "مركزي", "markazi"},
    {"main", "chief", "glavn*", "halown*"},
    /* what it does */
    {"scientific", "science", "sciences", "nauchn*", "nauk*", "naukov*",
     "navukov*", "علوم"},
    {"research", "issledovatelsk*", "issledovani*", "issledovanii", "doslidn*",
     "dasledch*", "تحقيقات", "پژوهش", "بحوث", "ابحاث"},
    {"technical", "technics", "tekhnichesk*", "tehnichesk*", "tekhnichn*"},
    {"technology", "technologies", "technological", "tekhnologi*", "tehnologi*",
     "tekhnalogi*", "تكنولوجيا", "فناوري"},
    {"production", "producing", "manufacturing", "manufacture",
     "proizvodstvenn*", "proizvodstv*", "vytvorch*", "vyrabnich*", "ساخت",
     "توليد", "انتاج", "تصنيع"},
    {"design", "konstruktorsk*", "proyektn*", "proektn*", "طراحي", "تصميم"},
    {"institute", "institut*", "معهد", "پژوهشگاه"},
    {"plant", "plants", "factory", "factories", "works", "zavod*", "fabrik*",
     "kombinat*", "combine"},
    {"instrument", "instruments", "devices", "priborostroitel*", "pribor*",
     "priborn*", "instrumentaln*", "priborostroiteln*"},
    {"shipbuilding", "shipyard", "shipyards", "sudostroitel*", "sudoremont*",
     "sudostroiteln*", "sudoremontn*"},
    {"shipping", "sudokhodn*", "كشتيراني", "شيبينغ", "ملاحة"},
    {"sea", "maritime", "marine", "morsk*"},
    {"machine", "mashinostroitel*", "mashinostroyeni*", "mashinostroeni*",
     "mashinostroiteln*"},
    {"chemical", "chemicals", "chemistry", "khimichesk*", "khimii", "khimiya",
     "شيميايي", "كيميايية", "كيمياوية"},
    {"mechanical", "mechanics", "mekhanichesk*", "mekhaniki"},
    {"electronic", "electronics", "elektronn*", "elektronik*"},
    {"systems", "system", "sistem*", "سامانه", "انظمة"},
    {"communication", "communications", "svyaz*", "sviaz*"},
    {"management", "control", "administration", "directorate", "upravleni*",
     "upravlinn*", "ادارة"},
    {"information", "informatsion*", "informatsi*", "informatsionn*"},
    {"engineering", "inzhenern*", "inzhiniring*"},
    {"equipment", "tekhnik*", "tekhniki", "oborudovani*"},
    {"construction", "building", "stroitel*", "budaunich*", "stroiteln*"},
    {"repair", "remontn*"},
    {"aviation", "aircraft", "aeroplanes", "aviatsion*", "aviatsii",
     "aviyatsyin*", "samolet*", "samolyot*", "هوايي", "طيران", "هواپيما",
     "طايرات", "aviatsionn*"},
    {"space", "kosmichesk*", "فضاي", "فضاء"},
    {"nuclear", "yadern*", "iadern*"},
    {"physics", "fiziki", "fizik*", "fizichesk*"},
    {"optical", "optics", "optiko", "optichesk*", "optiki"},
    {"rocket", "rockets", "missile", "raketn*"},
    {"artillery", "artilleriysk*", "artilleriisk*"},
    {"weapons", "armament", "armaments", "vooruzheni*"},
    {"armed", "vooruzhenn*", "مسلح"},
    {"military", "voenn*", "voyenn*", "vaienn*", "vayenn*"},
    {"defence", "defense", "oboron*", "abarony", "دفاع", "پدافند"},
    {"security", "bezopasnost*", "امنية", "امني", "امنيت"},
    {"intelligence", "razvedk*", "razvedyvatel*", "اطلاعات", "مخابرات",
     "استخبارات", "razvedyvateln*"},
    {"troops", "forces", "voysk*", "voisk*", "vojsk*", "نيروهاي", "نيروي",
     "قوات"},
    {"guard", "guards", "gvardi*", "hvardi*", "پاسداران", "حرس", "حراسة",
     "pasdaran", "guardian", "نگهبان"},
    {"army", "armiya", "armii", "armiia", "ارتش", "جيش"},
    {"battalion", "batalon*", "batalyon*", "batalion*"},
    {"brigade", "brigada", "brigady", "bryhada"},
    {"railway", "railways", "railroad", "zheleznodorozhn*"},
    {"energy", "power", "energetichesk*", "energetik*", "enerhetychn*"},
    {"fuel", "toplivn*"},
    {"oil", "neftyan*", "neftian*", "neft", "nefti", "نفت", "نفط", "naft"},
    {"insurance", "strakhovaya", "strakhovoi", "strakhovoy", "strakhovoe",
     "strakhovaia", "strakhovogo"},
    {"commercial", "kommerchesk*", "kamertsyin*"},
    {"trading", "trade", "torgov*", "torhov*", "بازرگاني", "تجارت", "تجارة",
     "للتجارة", "تجارية", "tejarat"},
    {"industrial", "industries", "industry", "promyshlenn*", "promyshlennosti",
     "صنايع", "صناعات", "صنعتي", "صناعية", "sanaye", "sanaie"},
    {"investment", "investments", "investitsion*", "investitsionn*"},
    {"financial", "finance", "finansov*"},
    {"economic", "economy", "ekonomichesk*", "ekonomiki"},
    {"development", "razvitiya", "razvitiia", "razvitie", "rozvytku", "توسعه",
     "توسعة", "تنمية"},
    {"international", "mezhdunarodn*", "mizhnarodn*"},
    {"educational", "education", "enlightenment", "obrazovatel*",
     "obrazovaniya", "obrazovaniia", "osvity", "prosveshcheni*",
     "obrazovateln*"},
    {"higher", "vysshego", "vysshee", "vysshaya", "vysshei", "vysshey", "عالي"},
    {"academy", "akademi*"},
    {"university", "universitet*", "دانشگاه", "جامعة"},
    {"museum", "muzei", "muzey*"},
    {"charitable", "charity", "blagotvoritel*", "blagotvoriteln*"},
    {"children", "childrens", "detsk*", "dzitsyach*"},
    {"experimental", "opytn*"},
    {"semiconductor", "poluprovodnikov*"},
    {"precision", "dakladn*", "tochn*"},
    {"television", "televizion*", "televizionn*"},
    {"broadcasting", "radioveshchatel*", "teleradiokompaniya",
     "radioveshchateln*"},
    {"news", "novosti", "خبرگزاري", "اخبار", "نيوز"},
    {"named", "imeni", "imya"},
    {"movement", "dvizheni*"},
    {"party", "partiya", "partii", "partiia"},
    {"cossack", "cossacks", "kazach*"},
    {"national", "natsionaln*", "natsyyanaln*", "natsyianaln*", "ملي", "وطنية",
     "وطني"},
    {"people", "peoples", "narodn*"},
    {"republic", "republican", "respublik*", "respublikansk*", "جمهوري",
     "جمهورية", "jomhouri", "jomhuri"},
    {"federation", "federatsi*"},
    {"russian", "russia", "rossiysk*", "rossiisk*", "rossijsk*", "rossii",
     "rossiya", "rossiia"},
    {"moscow", "moskovsk*", "moskva", "moskvy"},
    {"crimean", "crimea", "krymsk*"},
    {"city", "gorodsk*", "horadsk*"},
    {"region", "regional", "oblast*", "oblastn*", "regionaln*"},
    {"ministry", "ministerstv*", "وزارة", "وزارت", "vezarat"},
    {"service", "services", "sluzhb*", "خدمات", "سيرفيسيز"},
    {"committee", "komitet*", "kamitet*"},
    {"council", "sovet*", "savet*", "assembly", "شوراي", "شورا", "مجلس",
     "مجمع"},
    {"commission", "komissi*", "kamisi*", "board", "authority", "هيية", "هييت"},
    {"election", "electoral", "izbiratel*", "vybarch*", "vyborch*",
     "izbirateln*"},
    {"investigative", "investigation", "sledstvenn*"},
    {"prosecutor", "prosecutors", "prokuratur*", "prokuror*"},
    {"police", "politsi*", "militsi*", "پليس", "شرطة", "انتظامي"},
    {"border", "pogranichn*"},
    {"customs", "tamozhn*", "tamozhenn*"},
    {"supreme", "verkhovn*"},
    {"foreign", "external", "vneshn*"},
    {"internal", "interior", "vnutrenn*"},
    {"justice", "yustitsi*", "iustitsii"},
    {"culture", "cultural", "kultur*"},
    {"youth", "molodezh*", "molodyozh*", "molodezhn*"},
    {"special", "spetsialn*"},
    {"programmes", "programs", "programme", "program", "programm*"},
    {"innovative", "innovation", "innovations", "innovatsionn*"},
    {"autonomous", "avtonomn*"},
    {"noncommercial", "nekommerchesk*"},
    {"publishing", "izdatel*", "izdatelstv*"},
    {"world", "global", "mirovoi", "mirovoy", "mirovoj", "mirovaya", "mirovoe",
     "mirovogo"},
    {"flight", "letn*", "lyotn*"},
    {"detachment", "squad", "otryad*", "otriad*"},
    {"civil", "civilian", "grazhdansk*"},
    {"helicopter", "helicopters", "vertolet*", "vertolyot*"},
    {"unmanned", "bespilotn*"},
    {"command", "komandovani*", "فرماندهي", "قيادة"},
    {"protection", "zashchit*", "حماية", "للحماية"},
    {"radiation", "radiatsionn*"},
    {"biological", "biologichesk*"},
    {"applied", "prikladn*", "تطبيقية"},
    {"theoretical", "teoretichesk*"},
    {"measurements", "measurement", "izmereni*"},
    {"organic", "organichesk*"},
    {"automatics", "automation", "avtomatik*", "avtomatizatsi*"},
    {"siberian", "siberia", "sibirsk*", "sibiri"},
    {"branch", "otdeleni*", "filial*"},
    {"river", "rechn*"},
    {"network", "networks", "شبكة", "شبكه"},
    {"exchange", "exchanges", "صرافة", "صرافه", "للصرافة", "صرافي"},
    {"prison", "prisons", "زندان", "سجن"},
    {"newspaper", "روزنامه", "صحيفة", "جريدة"},
    {"headquarters", "staff", "ستاد", "قرارگاه", "مقر"},
    {"gas", "گاز", "غاز"},
    {"general", "عامة", "عمومي"},
    {"islamic", "اسلامية", "اسلامي"},
    {"revolution", "revolutionary", "انقلاب", "انقلابي", "ثورة", "ثوري",
     "enghelab"},
    {"corps", "سپاه", "فيلق", "sepah"},
    {"cyber", "سايبري", "سايبر"},
    {"engine", "engines", "موتور", "محرك"},
    {"press", "مطبوعات", "صحافة", "پرس"},
    {"supervisory", "supervision", "نظارت", "رقابة"},
    {"studies", "مطالعات", "دراسات"},
    {"social", "اجتماعي"},
    {"aerospace", "هوافضا"},
    {"advanced", "متقدمة", "پيشرفته"},
    {"free", "حرة"},
    {"zone", "منطقة", "منطقه"},
    {"bank", "banks", "بنك", "بانك", "مصرف"},
    {"air", "جوية", "جوي"},
    {"geographical", "geographic", "geografichesk*", "جغرافيايي", "جغرافية"},
};

/*
 * East Slavic given names: one row per name, written as aka and the lists
 * give its Russian, Ukrainian and Belarusian forms in Latin. The lists
 * write one person's name in one language and a query may come in
 * another: Николай ЧЕРНЫХ is Mykola CHERNYKH, Сергей Siarhei, Олег Aleh.
 * Unlike the words above, these keep their meaning in a person's name
 * (aka__name_concept_given). Only names whose forms differ by more than a
 * spelling are here (Ivan, Anton, Oksana are one word everywhere), and no
 * form that is another common word or name (Vera, Volga, Vital).
 */
static const char *const given[][FORMS_MAX] = {
    {"nikolay", "nikolai", "mykola", "mikola", "mikalai", "mikalay"},
    {"aleksandr", "alexandr", "alexander", "aleksander", "oleksandr",
     "olexandr", "alyaksandr", "aliaksandr"},
    {"aleksey", "aleksei", "alexei", "alexey", "alexej", "oleksiy",
     "oleksii", "olexiy", "alyaksey", "aliaksei"},
    {"sergey", "sergei", "sergej", "serhiy", "serhii", "sergiy", "sergii",
     "syargey", "siarhei", "siarhey"},
    {"vladimir", "wladimir", "volodymyr", "volodimir", "uladzimir",
     "uladzimer"},
    {"dmitri", "dmitry", "dmitriy", "dmitrii", "dmytro", "dmitro",
     "dzmitry", "dzmitri"},
    {"yevgeni", "yevgeny", "yevgeniy", "evgeny", "evgeniy", "evgenii",
     "yevhen", "yevhenii", "yevheniy", "ievgen", "yevgen", "yauhen",
     "iauhen"},
    {"grigori", "grigory", "grigoriy", "grigorii", "hryhoriy", "hryhorii",
     "ryhor", "rygor"},
    {"georgi", "georgy", "georgiy", "georgii", "heorhiy", "heorhii"},
    {"gennadi", "gennady", "gennadiy", "gennadii", "hennadiy", "hennadii",
     "henadz", "genadz"},
    {"igor", "ihor", "ihar", "igar"},
    {"oleg", "oleh", "aleh", "aleg"},
    {"petr", "pyotr", "piotr", "petro", "pyatro", "piatro"},
    {"fedor", "fyodor", "fedir", "fyodar", "fiodar", "fedar"},
    {"mikhail", "michail", "mykhailo", "mikhaylo", "mykhaylo"},
    {"vasili", "vasily", "vasiliy", "vasilii", "vasyl", "vasil"},
    {"yelena", "elena", "olena", "alena"},
    {"tatyana", "tatiana", "tetyana", "tetiana", "tatstsyana", "tatsiana",
     "tatsyana"},
    {"natalya", "natalia", "nataliya", "nataliia", "natallya", "natallia"},
    {"galina", "halyna", "galyna", "halina"},
    {"anna", "hanna", "ganna"},
    {"olga", "olha", "volha"},
    {"yekaterina", "ekaterina", "kateryna", "katerina", "katsyaryna",
     "katsiaryna"},
    {"svetlana", "svitlana", "svyatlana", "sviatlana"},
    {"konstantin", "kostyantin", "kostiantyn", "kostyantyn", "kanstantsin"},
    {"kirill", "kyrylo", "kirilo", "kiryl"},
    {"timofey", "timofei", "tymofiy", "tymofii", "tsimafey", "tsimafei"},
    {"ilya", "illya", "illia"},
    {"artem", "artyom", "artsem", "artsiom", "artsyom"},
    {"denis", "denys", "dzyanis", "dzianis"},
    {"bogdan", "bohdan", "bagdan", "bahdan"},
    {"yaroslav", "iaroslav", "yaraslau"},
    {"vyacheslav", "viacheslav", "vyachaslau", "viachaslau"},
    {"vladislav", "vladyslav", "uladzislau"},
    {"iosif", "yosyp", "yosip", "iosyp", "yazep", "iazep"},
    {"stepan", "stsyapan", "stsiapan"},
    {"leonid", "leanid"},
    {"viktor", "viktar"},
    {"vitali", "vitaly", "vitaliy", "vitalii"},
    {"anatoli", "anatoly", "anatoliy", "anatolii", "anatol"},
    {"andrey", "andrei", "andriy", "andrii"},
    {"pavel", "pavlo", "paval"},
    {"maksim", "maxim", "maksym"},
    {"daniil", "danylo", "danilo", "danila"},
    {"roman", "raman"},
    {"lyudmila", "ludmila", "liudmyla", "lyudmyla"},
    {"yuliya", "yulia", "yuliia"},
    {"mariya", "mariia", "maryya", "maryia"},
    {"valentina", "valentyna", "valyantsina"},
    {"nadezhda", "nadiya", "nadiia", "nadzeya", "nadzeia"},
    {"lyubov", "liubov", "lyubou"},
    {"semyon", "semen", "semion", "syamyon", "siamion"},
    {"boris", "borys", "barys"},
    {"vadim", "vadym", "vadzim"},
    {"valery", "valeriy", "valeri", "valerii"},
    {"nikita", "mykyta", "mikita"},
};

#define N_ORG_CONCEPTS (sizeof(vocab) / sizeof(vocab[0]))
#define N_CONCEPTS                                                         \
    (N_ORG_CONCEPTS + sizeof(given) / sizeof(given[0]))
_Static_assert(N_CONCEPTS <= 255, "a meaning is one byte (aka__part)");

/* The forms of meaning row r: the organisation words', then the given
 * names'. */
static const char *const *row(size_t r)
{
    return r < N_ORG_CONCEPTS ? vocab[r] : given[r - N_ORG_CONCEPTS];
}

/* 1 if e is a case ending: at most TAIL_MAX letters, each a vowel, j, m
 * or g, or k followed by h (-ykh): -ko, -uk, -ok, -ik end surnames
 * (Kazachok, Muzeyko), not cases. */
static int is_ending(const char *e)
{
    size_t n = 0;

    for (; e[n]; n++)
        if (!strchr(TAIL_LETTERS, e[n]) && !(e[n] == 'k' && e[n + 1] == 'h'))
            return 0;
    return n <= TAIL_MAX;
}

/* 1 if `word` is `form`, or, for a stem (a form ending in '*'), the stem
 * followed by an ending (file comment). */
static int form_matches(const char *form, const char *word)
{
    size_t n = strlen(form);

    if (form[n - 1] != '*')
        return !strcmp(form, word);
    if (strncmp(form, word, n - 1))
        return 0;
    return is_ending(word + n - 1);
}

/*
 * Every form, bucketed by its first two bytes (every form has two), in
 * table order within a bucket: a word is compared with the forms of its
 * own bucket only, a few of the table's thousand. Built once, on first
 * use, by any thread.
 */
#define BUCKETS 1024
static struct {
    const char *form;
    uint8_t concept;
} forms[N_CONCEPTS * FORMS_MAX];
static uint16_t bucket_start[BUCKETS + 1];
static pthread_once_t forms_once = PTHREAD_ONCE_INIT;

static size_t bucket(const char *w)
{
    return ((unsigned char)w[0] << 8 | (unsigned char)w[1]) % BUCKETS;
}

static void forms_build(void)
{
    uint16_t next[BUCKETS];

    for (size_t r = 0; r < N_CONCEPTS; r++)
        for (size_t f = 0; f < FORMS_MAX && row(r)[f]; f++)
            bucket_start[bucket(row(r)[f]) + 1]++;
    for (size_t b = 0; b < BUCKETS; b++) {
        bucket_start[b + 1] += bucket_start[b];
        next[b] = bucket_start[b];
    }
    for (size_t r = 0; r < N_CONCEPTS; r++)
        for (size_t f = 0; f < FORMS_MAX && row(r)[f]; f++) {
            size_t k = next[bucket(row(r)[f])]++;
            forms[k].form = row(r)[f];
            forms[k].concept = (uint8_t)(r + 1);
        }
}

uint8_t aka__name_concept(const char *word)
{
    size_t b;

    if (!word[0])
        return 0;
    pthread_once(&forms_once, forms_build);
    b = bucket(word);
    for (size_t k = bucket_start[b]; k < bucket_start[b + 1]; k++)
        if (form_matches(forms[k].form, word))
    return forms[k].concept;
    return 0;
}

const char *aka__name_concept_word(uint8_t c)
{
    return c && c <= N_CONCEPTS ? row(c - 1)[0] : "";
}

const char *aka__name_concept_form(uint8_t c, size_t k)
{
    return c && c <= N_CONCEPTS && k < FORMS_MAX ? row(c - 1)[k] : NULL;
}

size_t aka__name_concepts(void)
{
    return N_CONCEPTS;
}

int aka__name_concept_given(uint8_t c)
{
    return c > N_ORG_CONCEPTS && c <= N_CONCEPTS;
}

uint64_t aka__name_concepts_digest(void)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a over the rows */

    for (size_t r = 0; r < N_CONCEPTS; r++)
        for (size_t f = 0; f <= FORMS_MAX; f++) {
            /* each form with its NUL; an empty string ends a row */
            const char *form = f < FORMS_MAX && row(r)[f] ? row(r)[f] : "";
            for (size_t i = 0;; i++) {
                h = (h ^ (unsigned char)form[i]) * 1099511628211ULL;
                if (!form[i])
                    break;
            }
            if (!*form)
                break;
        }
    return h;
}
