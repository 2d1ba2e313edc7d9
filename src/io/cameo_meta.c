/* cameo_meta.c -- see cameo_meta.h.
 *
 * The Goldstein table is the published CAMEO Goldstein scale (Goldstein
 * 1992 weights mapped onto CAMEO codes, "CAMEO.SCALE.txt" of the CAMEO
 * distribution), with the values phoenix_pipeline's postprocess.py uses,
 * including its entries for root codes ("01", "02", ...) and the few
 * four-digit codes the scale lists.  Written out here from that published
 * scale -- nothing was downloaded -- and checked by hand against the table in
 * postprocess.py.  Codes not in it fall back to their root code's value, as
 * postprocess.py does. */
#include "cameo_meta.h"

#include <stdlib.h>
#include <string.h>

typedef struct gs {
    const char *code;
    double score;
} gs;

/* sorted by code (strcmp), for bsearch */
static const gs goldstein[] = {
    /* 01 make public statement */
    {"01", 0.0}, {"010", 0.0}, {"011", -0.1}, {"0110", -0.1}, {"012", -0.4}, {"013", 0.4},
    {"014", 0.0}, {"015", 0.0}, {"016", 3.4}, {"017", 0.0}, {"018", 3.4},
    /* 02 appeal */
    {"02", 3.0}, {"020", 3.0}, {"021", 3.4}, {"0211", 3.4}, {"0212", 3.4}, {"0213", 3.4},
    {"0214", 3.4}, {"022", 3.4}, {"023", 3.4}, {"0231", 3.4}, {"0232", 3.4}, {"0233", 3.4},
    {"0234", 3.4}, {"024", -0.3}, {"0241", -0.3}, {"0242", -0.3}, {"0243", -0.3},
    {"0244", -0.3}, {"025", -0.3}, {"0253", -0.3}, {"0256", -0.3}, {"026", 4.0}, {"027", 4.0},
    {"028", 4.0},
    /* 03 express intent to cooperate */
    {"03", 4.0}, {"030", 4.0}, {"031", 5.2}, {"0311", 5.2}, {"0312", 5.2}, {"032", 4.5},
    {"033", 5.2}, {"0331", 5.2}, {"0332", 5.2}, {"0333", 5.2}, {"0334", 6.0}, {"034", 7.0},
    {"0341", 7.0}, {"0342", 7.0}, {"0343", 7.0}, {"0344", 7.0}, {"035", 7.0}, {"0351", 7.0},
    {"0352", 7.0}, {"0353", 7.0}, {"0354", 7.0}, {"0355", 7.0}, {"0356", 7.0}, {"0357", 7.0},
    {"036", 4.0}, {"037", 5.0}, {"038", 7.0}, {"039", 5.0},
    /* 04 consult */
    {"04", 1.0}, {"040", 1.0}, {"041", 1.0}, {"042", 1.9}, {"043", 2.8}, {"044", 2.5},
    {"045", 5.0}, {"046", 7.0},
    /* 05 engage in diplomatic cooperation */
    {"05", 3.5}, {"050", 3.5}, {"051", 3.4}, {"052", 3.5}, {"053", 3.8}, {"054", 6.0},
    {"055", 7.0}, {"056", 7.0}, {"057", 8.0},
    /* 06 engage in material cooperation */
    {"06", 6.0}, {"060", 6.0}, {"061", 6.4}, {"062", 7.4}, {"063", 7.4}, {"064", 7.0},
    /* 07 provide aid */
    {"07", 7.0}, {"070", 7.0}, {"071", 7.4}, {"072", 8.3}, {"073", 7.4}, {"074", 8.5},
    {"075", 7.0},
    /* 08 yield */
    {"08", 5.0}, {"080", 5.0}, {"081", 5.0}, {"0811", 5.0}, {"0812", 5.0}, {"0813", 5.0},
    {"0814", 5.0}, {"082", 5.0}, {"083", 5.0}, {"0831", 5.0}, {"0832", 5.0}, {"0833", 5.0},
    {"0834", 5.0}, {"084", 7.0}, {"0841", 7.0}, {"0842", 7.0}, {"085", 7.0}, {"086", 9.0},
    {"0861", 9.0}, {"0862", 9.0}, {"0863", 9.0}, {"087", 9.0}, {"0871", 9.0}, {"0872", 9.0},
    {"0873", 9.0}, {"0874", 10.0},
    /* 09 investigate */
    {"09", -2.0}, {"090", -2.0}, {"091", -2.0}, {"092", -2.0}, {"093", -2.0}, {"094", -2.0},
    /* 10 demand */
    {"10", -5.0}, {"100", -5.0}, {"101", -5.0}, {"1014", -5.0}, {"102", -5.0}, {"103", -5.0},
    {"104", -5.0}, {"1041", -5.0}, {"1042", -5.0}, {"1043", -5.0}, {"1044", -5.0},
    {"105", -5.0}, {"1056", -5.0}, {"106", -5.0}, {"107", -5.0}, {"108", -5.0}, {"109", -5.0},
    /* 11 disapprove */
    {"11", -2.0}, {"110", -2.0}, {"111", -2.0}, {"112", -2.0}, {"1121", -2.0}, {"1122", -2.0},
    {"1123", -2.0}, {"1124", -2.0}, {"1125", -2.0}, {"113", -2.0}, {"114", -2.0},
    {"115", -2.0},
    /* 12 reject */
    {"12", -4.0}, {"120", -4.0}, {"121", -4.0}, {"1211", -4.0}, {"1212", -4.0}, {"1213", -4.0},
    {"122", -4.0}, {"123", -4.0}, {"1231", -4.0}, {"1232", -4.0}, {"1233", -4.0},
    {"1234", -4.0}, {"124", -5.0}, {"1246", -5.0}, {"125", -5.0}, {"126", -5.0}, {"127", -5.0},
    {"128", -5.0},
    /* 13 threaten */
    {"13", -6.0}, {"130", -4.4}, {"131", -5.8}, {"1311", -5.8}, {"1312", -5.8}, {"1313", -5.8},
    {"132", -5.8}, {"1321", -5.8}, {"1322", -5.8}, {"1323", -5.8}, {"1324", -5.8},
    {"133", -5.8}, {"134", -5.8}, {"135", -5.8}, {"136", -7.0}, {"137", -7.0}, {"138", -7.0},
    {"1381", -7.0}, {"1382", -7.0}, {"1383", -7.0}, {"1384", -7.0}, {"1385", -7.0},
    {"139", -7.0},
    /* 14 protest */
    {"14", -6.5}, {"140", -6.5}, {"141", -6.5}, {"1411", -6.5}, {"1412", -6.5}, {"1413", -6.5},
    {"1414", -6.5}, {"142", -6.5}, {"1421", -6.5}, {"1422", -6.5}, {"1423", -6.5},
    {"1424", -6.5}, {"143", -6.5}, {"1431", -6.5}, {"1432", -6.5}, {"1433", -6.5},
    {"1434", -6.5}, {"144", -7.5}, {"1441", -7.5}, {"1442", -7.5}, {"1443", -7.5},
    {"1444", -7.5}, {"145", -7.5}, {"1451", -7.5}, {"1452", -7.5}, {"1453", -7.5},
    {"1454", -7.5},
    /* 15 exhibit force posture */
    {"15", -7.2}, {"150", -7.2}, {"151", -7.2}, {"152", -7.2}, {"153", -7.2}, {"154", -7.2},
    /* 16 reduce relations */
    {"16", -4.0}, {"160", -4.0}, {"161", -4.0}, {"162", -5.6}, {"1621", -5.6}, {"1622", -5.6},
    {"1623", -5.6}, {"163", -6.5}, {"164", -7.0}, {"1641", -7.0}, {"1642", -7.0},
    {"1643", -7.0}, {"165", -7.0}, {"166", -8.0},
    /* 17 coerce */
    {"17", -7.0}, {"170", -7.0}, {"171", -9.2}, {"1711", -9.2}, {"1712", -9.2}, {"172", -5.0},
    {"1721", -5.0}, {"1722", -5.0}, {"1723", -5.0}, {"1724", -5.0}, {"173", -5.0},
    {"174", -5.0}, {"175", -9.0},
    /* 18 assault */
    {"18", -9.0}, {"180", -9.0}, {"181", -9.0}, {"182", -9.5}, {"1821", -9.0}, {"1822", -9.0},
    {"1823", -10.0}, {"183", -10.0}, {"1831", -10.0}, {"1832", -10.0}, {"1833", -10.0},
    {"184", -8.0}, {"185", -8.0}, {"186", -10.0},
    /* 19 fight */
    {"19", -10.0}, {"190", -10.0}, {"191", -9.5}, {"192", -9.5}, {"193", -10.0},
    {"194", -10.0}, {"195", -10.0}, {"196", -9.5},
    /* 20 use unconventional mass violence */
    {"20", -10.0}, {"200", -10.0}, {"201", -9.5}, {"202", -10.0}, {"203", -10.0},
    {"204", -10.0}, {"2041", -10.0}, {"2042", -10.0},
};

/* Country codes postprocess.py recognises as an actor's entity: ISO 3166
 * alpha-3 codes, plus former states (SCG Serbia and Montenegro, YUG, SUN,
 * CSK, DDR, YMD, ZAR, BYS, TMP) and KSV (Kosovo), sorted. */
static const char *const countries[] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATG",
    "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS",
    "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BWA", "BYS",
    "CAF", "CAN", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM",
    "CPV", "CRI", "CSK", "CUB", "CUW", "CYM", "CYP", "CZE", "DDR", "DEU", "DJI", "DMA",
    "DNK", "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI",
    "FLK", "FRA", "FRO", "FSM", "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP",
    "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HND",
    "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
    "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KSV",
    "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA",
    "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT",
    "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT",
    "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL",
    "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT",
    "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU", "SCG", "SDN", "SEN",
    "SGP", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP",
    "SUN", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO",
    "THA", "TJK", "TKL", "TKM", "TLS", "TMP", "TON", "TTO", "TUN", "TUR", "TUV", "TWN",
    "TZA", "UGA", "UKR", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM",
    "VUT", "WLF", "WSM", "YEM", "YMD", "YUG", "ZAF", "ZAR", "ZMB", "ZWE",
};

static const char *const root_actors[] = {"IGO", "IMG", "MNC", "NGO"};
static const char *const primary_agents[] = {"BUS", "COP", "CRM", "CVL", "EDU", "GOV", "JUD",
                                             "MED", "MIL", "OPP", "PTY", "REB", "SPY"};

static int cmp_gs(const void *key, const void *elt)
{
    return strcmp(key, ((const gs *)elt)->code);
}

static int cmp_str(const void *key, const void *elt)
{
    return strcmp(key, *(const char *const *)elt);
}

static int in_list(const char *s, const char *const *list, size_t n)
{
    return bsearch(s, list, n, sizeof *list, cmp_str) != NULL;
}

void pc_cameo_root(const char *code, char root[3])
{
    size_t n = code ? strnlen(code, 2) : 0;
    memcpy(root, code, n);
    root[n < 2 ? 0 : 2] = '\0';
}

int pc_cameo_quad_class(const char *code)
{
    /* 01 02 | 03 04 05 | 06 07 08 | 09 10 11 12 13 | 14 15 | 16 | 17 18 19 20 */
    static const signed char quad[21] = {-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3,
                                         3,  3, 3, 4, 4, 3, 4, 4, 4, 4};
    char root[3];
    pc_cameo_root(code, root);
    if (!root[0] || root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9')
        return -1;
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    return r >= 1 && r <= 20 ? quad[r] : -1;
}

int pc_cameo_goldstein(const char *code, double *score)
{
    const size_t n = sizeof goldstein / sizeof goldstein[0];
    if (!code)
        return 0;
    const gs *g = bsearch(code, goldstein, n, sizeof *goldstein, cmp_gs);
    if (!g) {
        char root[3];
        pc_cameo_root(code, root);
        g = bsearch(root, goldstein, n, sizeof *goldstein, cmp_gs);
    }
    if (!g)
        return 0;
    *score = g->score;
    return 1;
}

/* code[from..from+3) as a string, "" when code is shorter than from. */
static void piece(const char *code, size_t len, size_t from, char out[4])
{
    size_t k = from < len ? len - from : 0;
    if (k > 3)
        k = 3;
    memcpy(out, code + (from < len ? from : len), k);
    out[k] = '\0';
}

void pc_actor_split(const char *code, char entity[4], char role[4], char *attribute,
                    size_t attr_cap)
{
    size_t len = code ? strlen(code) : 0;
    char p[4];
    entity[0] = role[0] = '\0';
    if (attr_cap)
        attribute[0] = '\0';
    if (!code)
        return;
    piece(code, len, 0, p);
    if (in_list(p, countries, sizeof countries / sizeof countries[0]) ||
        in_list(p, root_actors, sizeof root_actors / sizeof root_actors[0]))
        memcpy(entity, p, 4);
    piece(code, len, 3, p);
    if (in_list(p, primary_agents, sizeof primary_agents / sizeof primary_agents[0]))
        memcpy(role, p, 4);
    /* the pieces after the first 3 characters (and the role's), even when
     * the first 3 were not an entity, as postprocess.py does */
    size_t o = 0;
    for (size_t i = role[0] ? 6 : 3; len > 3 && i < len; i += 3) {
        piece(code, len, i, p);
        size_t k = strlen(p);
        if (o + k + (o ? 1 : 0) + 1 > attr_cap)
            break;
        if (o)
            attribute[o++] = ';';
        memcpy(attribute + o, p, k);
        o += k;
        attribute[o] = '\0';
    }
}
