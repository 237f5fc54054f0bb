/* cameo.c: the CAMEO event codebook as a table: root, GDELT QuadClass, GDELT
 * Goldstein weight and label of every code.  Used at the output stage to fill
 * the root/quad/goldstein fields of each event (FORMATS.md §10). */
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

typedef struct cameo_code {
    const char *code;      /* with leading zeros, sorted as strings */
    double goldstein;
    int has_goldstein;     /* 0 for the two codes GDELT gives no weight (1213, 1214) */
    const char *label;
} cameo_code;

/* The 20 roots, 147 three-digit and 146 four-digit codes of CAMEO 1.1b3, with
 * GDELT's Goldstein weights.  The root is the first two digits and the
 * QuadClass follows from the root, so neither is stored. */
static const cameo_code cameo_table[] = {
    {"01",   0.0, 1, "Make Public Statement"},
    {"010",   0.0, 1, "Make statement"},
    {"011",  -0.1, 1, "Decline comment"},
    {"012",  -0.4, 1, "Make pessimistic comment"},
    {"013",   0.4, 1, "Make optimistic comment"},
    {"014",   0.0, 1, "Consider policy option"},
    {"015",   0.0, 1, "Acknowledge or claim responsibility"},
    {"016",  -2.0, 1, "Deny responsibility"},
    {"017",   0.0, 1, "Engage in symbolic act"},
    {"018",   3.4, 1, "Make empathetic commment"},
    {"019",   3.4, 1, "Express accord"},
    {"02",   3.0, 1, "Appeal"},
    {"020",   3.0, 1, "Make an appeal or request"},
    {"021",   3.4, 1, "Appeal for material cooperation"},
    {"0211",   3.4, 1, "Appeal for economic cooperation"},
    {"0212",   3.4, 1, "Appeal for military cooperation"},
    {"0213",   3.4, 1, "Appeal for judicial cooperation"},
    {"0214",   3.4, 1, "Appeal for intelligence cooperation"},
    {"022",   3.2, 1, "Appeal for diplomatic cooperation (such as policy support)"},
    {"023",   3.4, 1, "Appeal for aid"},
    {"0231",   3.4, 1, "Appeal for economic aid"},
    {"0232",   3.4, 1, "Appeal for military aid"},
    {"0233",   3.4, 1, "Appeal for humanitarian aid"},
    {"0234",   3.4, 1, "Appeal for military protection or peacekeeping"},
    {"024",  -0.3, 1, "Appeal for political reform"},
    {"0241",  -0.3, 1, "Appeal for change in leadership"},
    {"0242",  -0.3, 1, "Appeal for policy change"},
    {"0243",  -0.3, 1, "Appeal for rights"},
    {"0244",  -0.3, 1, "Appeal for change in institutions, regime"},
    {"025",  -0.3, 1, "Appeal for target to yield"},
    {"0251",  -0.3, 1, "Appeal for easing of administrative sanctions"},
    {"0252",  -0.3, 1, "Appeal for easing of popular dissent"},
    {"0253",  -0.3, 1, "Appeal for release of persons or property"},
    {"0254",  -0.3, 1, "Appeal for easing of economic sanctions, boycott, or embargo"},
    {"0255",  -0.3, 1, "Appeal for target to allow international involvement (non-mediation)"},
    {"0256",  -0.3, 1, "Appeal for de-escalation of military engagement"},
    {"026",   4.0, 1, "Appeal to others to meet or negotiate"},
    {"027",   4.0, 1, "Appeal to others to settle dispute"},
    {"028",   4.0, 1, "Appeal to engage mediation"},
    {"03",   4.0, 1, "Express Intent To Cooperate"},
    {"030",   4.0, 1, "Express intent to cooperate"},
    {"031",   5.2, 1, "Agree to engage in material cooperation"},
    {"0311",   5.2, 1, "Express intent to cooperate economically"},
    {"0312",   5.2, 1, "Express intent to cooperate militarily"},
    {"0313",   5.2, 1, "Express intent to cooperate on judicial matters"},
    {"0314",   5.2, 1, "Express intent to cooperate on intelligence"},
    {"032",   4.5, 1, "Express intent to engage in diplomatic cooperation (such as policy support)"},
    {"033",   5.2, 1, "Express intent to provide material aid"},
    {"0331",   5.2, 1, "Express intent to provide economic aid"},
    {"0332",   5.2, 1, "Express intent to provide military aid"},
    {"0333",   5.2, 1, "Express intent to provide humanitarian aid"},
    {"0334",   6.0, 1, "Express intent to provide military protection or peacekeeping"},
    {"034",   7.0, 1, "Express intent to bring political reform"},
    {"0341",   7.0, 1, "Express intent to change leadership"},
    {"0342",   7.0, 1, "Express intent to change policy"},
    {"0343",   7.0, 1, "Express intent to provide rights"},
    {"0344",   7.0, 1, "Express intent to change institutions, regime"},
    {"035",   7.0, 1, "Express intent to yield"},
    {"0351",   7.0, 1, "Express intent to ease administrative sanctions"},
    {"0352",   7.0, 1, "Express intent to ease popular dissent"},
    {"0353",   7.0, 1, "Express intent to release persons or property"},
    {"0354",   7.0, 1, "Express intent to ease economic sanctions, boycott, embargo"},
    {"0355",   7.0, 1, "Express intent to allow international involvement (non-mediation)"},
    {"0356",   7.0, 1, "Express intent to de-escalate military engagement"},
    {"036",   4.0, 1, "Express intent to meet or negotiate"},
    {"037",   5.0, 1, "Express intent to settle dispute"},
    {"038",   7.0, 1, "Express intent to accept mediation"},
    {"039",   5.0, 1, "Express intent to mediate"},
    {"04",   1.0, 1, "Consult"},
    {"040",   1.0, 1, "Consult"},
    {"041",   1.0, 1, "Discuss by telephone"},
    {"042",   1.9, 1, "Make a visit"},
    {"043",   2.8, 1, "Host a visit"},
    {"044",   2.5, 1, "Meet at a \"third\" location"},
    {"045",   5.0, 1, "Engage in mediation"},
    {"046",   7.0, 1, "Engage in negotiation"},
    {"05",   3.5, 1, "Engage In Diplomatic Cooperation"},
    {"050",   3.5, 1, "Engage in diplomatic cooperation"},
    {"051",   3.4, 1, "Praise or endorse"},
    {"052",   3.5, 1, "Defend verbally"},
    {"053",   3.8, 1, "Rally support on behalf of"},
    {"054",   6.0, 1, "Grant diplomatic recognition"},
    {"055",   7.0, 1, "Apolgize"},
    {"056",   7.0, 1, "Forgive"},
    {"057",   8.0, 1, "Sign formal agreement"},
    {"06",   6.0, 1, "Engage In Material Cooperation"},
    {"060",   6.0, 1, "Engage in material cooperation"},
    {"061",   6.4, 1, "Cooperate economically"},
    {"062",   7.4, 1, "Cooperate militarily"},
    {"063",   7.4, 1, "Engage in judicial cooperation"},
    {"064",   7.0, 1, "Share intelligence or information"},
    {"07",   7.0, 1, "Provide Aid"},
    {"070",   7.0, 1, "Provide aid"},
    {"071",   7.4, 1, "Provide economic aid"},
    {"072",   8.3, 1, "Provide military aid"},
    {"073",   7.4, 1, "Provide humanitarian aid"},
    {"074",   8.5, 1, "Provide military protection or peacekeeping"},
    {"075",   7.0, 1, "Grant asylum"},
    {"08",   5.0, 1, "Yield"},
    {"080",   5.0, 1, "Yield"},
    {"081",   5.0, 1, "Ease administrative sanctions"},
    {"0811",   5.0, 1, "Ease restrictions on freedoms of expression"},
    {"0812",   5.0, 1, "Ease ban on political parties or politicians"},
    {"0813",   5.0, 1, "Ease curfew"},
    {"0814",   5.0, 1, "Ease state of emergency or martial law"},
    {"082",   5.0, 1, "Ease political dissent"},
    {"083",   5.0, 1, "Accede to requests or demands for political reform"},
    {"0831",   5.0, 1, "Accede to demands for change in leadership"},
    {"0832",   5.0, 1, "Accede to demands for change in policy"},
    {"0833",   5.0, 1, "Accede to demands for rights"},
    {"0834",   5.0, 1, "Accede to demands for change in institutions, regime"},
    {"084",   7.0, 1, "Return, release"},
    {"0841",   7.0, 1, "Return, release person(s)"},
    {"0842",   7.0, 1, "Return, release property"},
    {"085",   7.0, 1, "Ease economic sanctions, boycott, embargo"},
    {"086",   9.0, 1, "Allow international involvement"},
    {"0861",   9.0, 1, "Receive deployment of peacekeepers"},
    {"0862",   9.0, 1, "Receive inspectors"},
    {"0863",   9.0, 1, "Allow delivery of humanitarian aid"},
    {"087",   9.0, 1, "De-escalate military engagement"},
    {"0871",   9.0, 1, "Declare truce, ceasefire"},
    {"0872",   9.0, 1, "Ease military blockade"},
    {"0873",   9.0, 1, "Demobilize armed forces"},
    {"0874",  10.0, 1, "Retreat or surrender militarily"},
    {"09",  -2.0, 1, "Investigate"},
    {"090",  -2.0, 1, "Investigate"},
    {"091",  -2.0, 1, "Investigate crime, corruption"},
    {"092",  -2.0, 1, "Investigate human rights abuses"},
    {"093",  -2.0, 1, "Investigate military action"},
    {"094",  -2.0, 1, "Investigate war crimes"},
    {"10",  -5.0, 1, "Demand"},
    {"100",  -5.0, 1, "Demand"},
    {"101",  -5.0, 1, "Demand material cooperation"},
    {"1011",  -5.0, 1, "Demand economic cooperation"},
    {"1012",  -5.0, 1, "Demand military cooperation"},
    {"1013",  -5.0, 1, "Demand judicial cooperation"},
    {"1014",  -5.0, 1, "Demand intelligence cooperation"},
    {"102",  -5.0, 1, "Demand diplomatic cooperation (such as policy support)"},
    {"103",  -5.0, 1, "Demand aid"},
    {"1031",  -5.0, 1, "Demand economic aid"},
    {"1032",  -5.0, 1, "Demand military aid"},
    {"1033",  -5.0, 1, "Demand humanitarian aid"},
    {"1034",  -5.0, 1, "Demand military protection or peacekeeping"},
    {"104",  -5.0, 1, "Demand political reform"},
    {"1041",  -5.0, 1, "Demand change in leadership"},
    {"1042",  -5.0, 1, "Demand policy change"},
    {"1043",  -5.0, 1, "Demand rights"},
    {"1044",  -5.0, 1, "Demand change in institutions, regime"},
    {"105",  -5.0, 1, "Demand that target yields"},
    {"1051",  -5.0, 1, "Demand easing of adminstrative sanctions"},
    {"1052",  -5.0, 1, "Demand easing of popular dissent"},
    {"1053",  -5.0, 1, "Demand release of persons or property"},
    {"1054",  -5.0, 1, "Demand easing of economic sanctions, boycott, or embargo"},
    {"1055",  -5.0, 1, "Demand that target allows international involvement (non-mediation)"},
    {"1056",  -5.0, 1, "Demand de-escalation of military engagement"},
    {"106",  -5.0, 1, "Demand meeting, negotiation"},
    {"107",  -5.0, 1, "Demand settling of dispute"},
    {"108",  -5.0, 1, "Demand mediation"},
    {"11",  -2.0, 1, "Disapprove"},
    {"110",  -2.0, 1, "Disapprove"},
    {"111",  -2.0, 1, "Criticize or denounce"},
    {"112",  -2.0, 1, "Accuse"},
    {"1121",  -2.0, 1, "Accuse of crime, corruption"},
    {"1122",  -2.0, 1, "Accuse of human rights abuses"},
    {"1123",  -2.0, 1, "Accuse of aggression"},
    {"1124",  -2.0, 1, "Accuse of war crimes"},
    {"1125",  -2.0, 1, "Accuse of espionage, treason"},
    {"113",  -2.0, 1, "Rally opposition against"},
    {"114",  -2.0, 1, "Complain officially"},
    {"115",  -2.0, 1, "Bring lawsuit against"},
    {"116",  -2.0, 1, "Find guilty or liable (legally)"},
    {"12",  -4.0, 1, "Reject"},
    {"120",  -4.0, 1, "Reject"},
    {"121",  -4.0, 1, "Reject material cooperation"},
    {"1211",  -4.0, 1, "Reject economic cooperation"},
    {"1212",  -4.0, 1, "Reject military cooperation"},
    {"1213",   0.0, 0, "Reject judicial cooperation"},
    {"1214",   0.0, 0, "Reject intelligence cooperation"},
    {"122",  -4.0, 1, "Reject request or demand for material aid"},
    {"1221",  -4.0, 1, "Reject demand for economic aid"},
    {"1222",  -4.0, 1, "Reject demand for military aid"},
    {"1223",  -4.0, 1, "Reject demand for humanitarian aid"},
    {"1224",  -4.0, 1, "Reject demand for military protection or peacekeeping"},
    {"123",  -4.0, 1, "Reject request or demand for political reform"},
    {"1231",  -4.0, 1, "Reject demand for change in leadership"},
    {"1232",  -4.0, 1, "Reject demand for policy change"},
    {"1233",  -4.0, 1, "Reject demand for rights"},
    {"1234",  -4.0, 1, "Reject demand for change in institutions, regime"},
    {"124",  -4.0, 1, "Decline to yield"},
    {"1241",  -4.0, 1, "Decline to ease administrative sanctions"},
    {"1242",  -4.0, 1, "Decline to ease popular dissent"},
    {"1243",  -4.0, 1, "Decline to release persons or property"},
    {"1244",  -4.0, 1, "Decline to ease economic sanctions, boycott, or embargo"},
    {"1245",  -4.0, 1, "Decline to allow international involvement (non-mediation)"},
    {"1246",  -4.0, 1, "Decline to de-escalate military engagement"},
    {"125",  -5.0, 1, "Reject proposal to meet, discuss, negotiate"},
    {"126",  -5.0, 1, "Reject mediation"},
    {"127",  -5.0, 1, "Reject plan, agreement to settle dispute"},
    {"128",  -5.0, 1, "Defy norms, law"},
    {"129",  -5.0, 1, "Veto"},
    {"13",  -6.0, 1, "Threaten"},
    {"130",  -4.4, 1, "Threaten"},
    {"131",  -5.8, 1, "Threaten non-force"},
    {"1311",  -5.8, 1, "Threaten to reduce or stop aid"},
    {"1312",  -5.8, 1, "Threaten to boycott, embargo, or sanction"},
    {"1313",  -5.8, 1, "Threaten to reduce or break relations"},
    {"132",  -5.8, 1, "Threaten with administrative sanctions"},
    {"1321",  -5.8, 1, "Threaten to impose restrictions on freedoms of speech and expression"},
    {"1322",  -5.8, 1, "Threaten to ban political parties or politicians"},
    {"1323",  -5.8, 1, "Threaten to impose curfew"},
    {"1324",  -5.8, 1, "Threaten to impose state of emergency or martial law"},
    {"133",  -5.8, 1, "Threaten with political dissent, protest"},
    {"134",  -5.8, 1, "Threaten to halt negotiations"},
    {"135",  -5.8, 1, "Threaten to halt mediation"},
    {"136",  -7.0, 1, "Threaten to halt (expel or withdraw) international involvement (non-mediation)"},
    {"137",  -7.0, 1, "Threaten with violent repression"},
    {"138",  -7.0, 1, "Threaten to use military force"},
    {"1381",  -7.0, 1, "Threaten blockade"},
    {"1382",  -7.0, 1, "Threaten occupation"},
    {"1383",  -7.0, 1, "Threaten unconventional violence"},
    {"1384",  -7.0, 1, "Threaten conventional attack"},
    {"1385",  -7.0, 1, "Threaten attack with WMD"},
    {"139",  -7.0, 1, "Give ultimatum"},
    {"14",  -6.5, 1, "Protest"},
    {"140",  -6.5, 1, "Engage in political dissent"},
    {"141",  -6.5, 1, "Demonstrate or rally"},
    {"1411",  -6.5, 1, "Demonstrate for leadership change"},
    {"1412",  -6.5, 1, "Demonstrate for policy change"},
    {"1413",  -6.5, 1, "Demonstrate for rights"},
    {"1414",  -6.5, 1, "Demonstrate for change in institutions, regime"},
    {"142",  -6.5, 1, "Conduct hunger strike"},
    {"1421",  -6.5, 1, "Conduct hunger strike for leadership change"},
    {"1422",  -6.5, 1, "Conduct hunger strike for policy change"},
    {"1423",  -6.5, 1, "Conduct hunger strike for rights"},
    {"1424",  -6.5, 1, "Conduct hunger strike for change in institutions, regime"},
    {"143",  -6.5, 1, "Conduct strike or boycott"},
    {"1431",  -6.5, 1, "Conduct strike or boycott for change in leadership"},
    {"1432",  -6.5, 1, "Conduct strike or boycott for policy change"},
    {"1433",  -6.5, 1, "Conduct strike or boycott for rights"},
    {"1434",  -6.5, 1, "Conduct strike or boycott for change in institutions, regime"},
    {"144",  -7.5, 1, "Obstruct passage, block"},
    {"1441",  -7.5, 1, "Obstruct passage to demand change in leadership"},
    {"1442",  -7.5, 1, "Obstruct passage to demand policy change"},
    {"1443",  -7.5, 1, "Obstruct passage to demand rights"},
    {"1444",  -7.5, 1, "Ostruct passage to demand change in institutions, regime"},
    {"145",  -7.5, 1, "Protest violently, riot"},
    {"1451",  -7.5, 1, "Engage in violent protest for change in leadership"},
    {"1452",  -7.5, 1, "Engage in violent protest for policy change"},
    {"1453",  -7.5, 1, "Engage in violent protest for rights"},
    {"1454",  -7.5, 1, "Engage in violent protest for change in institutions, regime"},
    {"15",  -7.2, 1, "Exhibit Military Posture"},
    {"150",  -7.2, 1, "Demonstrate military or police power"},
    {"151",  -7.2, 1, "Increase police alert status"},
    {"152",  -7.2, 1, "Increase military alert status"},
    {"153",  -7.2, 1, "Mobilize or increase police power"},
    {"154",  -7.2, 1, "Mobilize or increase armed forces"},
    {"16",  -4.0, 1, "Reduce Relations"},
    {"160",  -4.0, 1, "Reduce relations"},
    {"161",  -4.0, 1, "Reduce or break diplomatic relations"},
    {"162",  -5.6, 1, "Reduce or stop aid"},
    {"1621",  -5.6, 1, "Reduce or stop economic assistance"},
    {"1622",  -5.6, 1, "Reduce or stop military assistance"},
    {"1623",  -5.6, 1, "Reduce or stop humanitarian assistance"},
    {"163",  -8.0, 1, "Impose embargo, boycott, or sanctions"},
    {"164",  -7.0, 1, "Halt negotiations"},
    {"165",  -6.5, 1, "Halt mediation"},
    {"166",  -7.0, 1, "Expel or withdraw"},
    {"1661",  -7.0, 1, "Expel or withdraw peacekeepers"},
    {"1662",  -7.0, 1, "Expel or withdraw inspectors, observers"},
    {"1663",  -7.0, 1, "Expel or withdraw aid agencies"},
    {"17",  -7.0, 1, "Coerce"},
    {"170",  -7.0, 1, "Coerce"},
    {"171",  -9.2, 1, "Seize or damage property"},
    {"1711",  -9.2, 1, "Confiscate property"},
    {"1712",  -9.2, 1, "Destroy property"},
    {"172",  -5.0, 1, "Impose administrative sanctions"},
    {"1721",  -5.0, 1, "Impose restrictions on freedoms of speech and expression"},
    {"1722",  -5.0, 1, "Ban political parties or politicians"},
    {"1723",  -5.0, 1, "Impose curfew"},
    {"1724",  -5.0, 1, "Impose state of emergency or martial law"},
    {"173",  -5.0, 1, "Arrest, detain, or charge with legal action"},
    {"174",  -5.0, 1, "Expel or deport individuals"},
    {"175",  -9.0, 1, "Use violent repression"},
    {"18",  -9.0, 1, "Assault"},
    {"180",  -9.0, 1, "Use unconventional violence"},
    {"181",  -9.0, 1, "Abduct, hijack"},
    {"182",  -9.5, 1, "Physically assault"},
    {"1821",  -9.0, 1, "Sexually assault"},
    {"1822",  -9.0, 1, "Torture"},
    {"1823", -10.0, 1, "Kill by physical assault"},
    {"183", -10.0, 1, "Conduct suicide, car, or other non-military bombing"},
    {"1831", -10.0, 1, "Carry out suicide bombing"},
    {"1832", -10.0, 1, "Carry out car bombing"},
    {"1833", -10.0, 1, "Carry out roadside bombing"},
    {"184",  -8.0, 1, "Use as human shield"},
    {"185",  -8.0, 1, "Attempt to assassinate"},
    {"186", -10.0, 1, "Assassinate"},
    {"19", -10.0, 1, "Fight"},
    {"190", -10.0, 1, "Use conventional military force"},
    {"191",  -9.5, 1, "Impose blockade, restrict movement"},
    {"192",  -9.5, 1, "Occupy territory"},
    {"193", -10.0, 1, "Fight with small arms and light weapons"},
    {"194", -10.0, 1, "Fight with artillery and tanks"},
    {"195", -10.0, 1, "Employ aerial weapons"},
    {"196",  -9.5, 1, "Violate ceasefire"},
    {"20", -10.0, 1, "Attack With Weapons Of Mass Destruction"},
    {"200", -10.0, 1, "Use unconventional mass violence"},
    {"201",  -9.5, 1, "Engage in mass expulsion"},
    {"202", -10.0, 1, "Engage in mass killings"},
    {"203", -10.0, 1, "Engage in ethnic cleansing"},
    {"204", -10.0, 1, "Use weapons of mass destruction"},
    {"2041", -10.0, 1, "Use chemical, biological, or radiological weapons"},
    {"2042", -10.0, 1, "Detonate nuclear weapons"},
};

#define CAMEO_NCODES (sizeof cameo_table / sizeof cameo_table[0])

static int cmp_code(const void *key, const void *elem)
{
    return strcmp(key, ((const cameo_code *)elem)->code);
}

static const cameo_code *find(const char *code)
{
    return bsearch(code, cameo_table, CAMEO_NCODES, sizeof cameo_table[0], cmp_code);
}

/* GDELT's QuadClass by root: 1 verbal cooperation, 2 material cooperation,
 * 3 verbal conflict, 4 material conflict. */
static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/* A CAMEO code is 2-4 digits whose first two name a root 01-20.  Anything else
 * ("174K", "def", "+++") is a code the codebook knows nothing about. */
static int cameo_root(const char *code)
{
    size_t n = strlen(code);
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

int dyad_cameo_lookup(const char *code, char root[3], int *quad, double *goldstein,
                      int *has_goldstein, const char **label)
{
    int r = code ? cameo_root(code) : 0;
    root[0] = '\0';
    if (quad)
        *quad = 0;
    if (goldstein)
        *goldstein = 0;
    if (has_goldstein)
        *has_goldstein = 0;
    if (label)
        *label = "";
    if (!r)
        return 0;

    root[0] = code[0];
    root[1] = code[1];
    root[2] = '\0';
    if (quad)
        *quad = quad_of_root(r);

    const cameo_code *exact = find(code);
    if (exact && label)
        *label = exact->label;

    /* The weight comes from the code itself, else its 3-digit base, else the
     * root: 1213 and 1214 carry none, and CAMEO.2.0 uses codes (176, 1952)
     * that the codebook lacks. */
    const cameo_code *weighted = exact && exact->has_goldstein ? exact : NULL;
    if (!weighted && strlen(code) == 4) {
        char base[4] = {code[0], code[1], code[2], '\0'};
        const cameo_code *b = find(base);
        if (b && b->has_goldstein)
            weighted = b;
    }
    if (!weighted)
        weighted = find(root);
    if (weighted) {
        if (goldstein)
            *goldstein = weighted->goldstein;
        if (has_goldstein)
            *has_goldstein = 1;
    }
    return 1;
}
