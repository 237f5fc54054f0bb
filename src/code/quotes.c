/* quotes.c: direct quotations, who said them, and the speakers' actor codes.
 *
 * Stage four of the pipeline, beside the event coder, over the tokens of a
 * prepared document.  Quotation marks are paired in one pass (a quotation left
 * open at the end of a paragraph goes on when the next paragraph opens with a
 * mark).  A quotation's attribution is looked for right after its closing mark
 * ("…,” said X / “…,” X said), then before its opening mark in the same
 * sentence (X said that “…” / according to X, “…” / X, quoted as saying “…”);
 * a quotation with none continues the attributed quotation just before it.
 * Pronouns resolve to the last compatible person named, names to their longest
 * form in the document (or the actor dictionary's full name), and codes come
 * from the actor and agent dictionaries at the document's date. */
#include "quotes.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/doc.h"
#include "util/buf.h"
#include "util/strmap.h"

/* ---------------------------------------------------------- word lists */

static const char *const cue_words[] = {
    "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding",
    "replied", "replies", "replying", "asked", "asks", "asking", "wrote", "writes", "writing",
    "tweeted", "tweets", "tweeting", "stated", "explained", "explains", "explaining", "noted",
    "notes", "noting", "argued", "argues", "arguing", "claimed", "claims", "claiming",
    "insisted", "insists", "insisting", "declared", "declares", "declaring", "warned", "warns",
    "warning", "described", "describes", "describing", "called", "calls", "calling",
    "recalled", "recalls", "recalling", "continued", "continues", "acknowledged", "admitted",
    "announced", "responded", "answered", "suggested", "suggests", "urged", "concluded",
    "testified", "remarked", "observed", "quipped", "joked", "lamented", "complained",
    "complains", "predicted", "promised", "vowed", "pledged", "conceded", "countered",
    "boasted", "charged", "stressed", "emphasized", "emphasised", "reported", "reports",
    "posted", "texted", "wondered", "shouted", "yelled", "chanted", "chanting", "sang",
    "sings", "mused", "cautioned", "agreed", "recounted", "dubbed", "labeled", "labelled",
    "branded", "accused", "accusing", "blasted", "slammed", "praised", "criticized",
    "criticised", "denounced", "condemned", "termed", "characterized", "proclaimed",
    "announcing", "explained", "reiterated", "maintained", "contended", "asserted",
    "pointed", "echoed", "retorted", "scoffed", "thundered", "tweeted", "wrote", "read",
    "reads", "demanded", "demanding", "promising", "vowing", "urging", "calling",
    "declaring", "stressing", "insisting", "quoted", "quoting", "quoting", "likened", "likens",
    "likening", "compared", "compares", "comparing", "exhorted", "cited", "cites", "citing",
    "hailed", "referenced", "lauded", "mocked", "touted", "call", NULL};

/* Nouns that attribute words to their possessor: "Trump's claim that …". */
static const char *const cue_nouns[] = {
    "claim", "claims", "statement", "statements", "remark", "remarks", "comment", "comments",
    "words", "description", "assertion", "promise", "pledge", "warning", "message", "slogan",
    "reference", "references", "tweet", "insistence", "suggestion", "accusation", NULL};

/* "said X" is X speaking (not so "told X", "called X", "quoted X"). */
static const char *const invertible_cues[] = {
    "said", "says", "added", "replied", "asked", "wrote", "writes", "tweeted", "explained",
    "noted", "argued", "claimed", "insisted", "declared", "warned", "recalled", "continued",
    "responded", "answered", "remarked", "observed", "quipped", "joked", "lamented",
    "complained", "predicted", "conceded", "countered", "boasted", "stressed", "reported",
    "wondered", "mused", "cautioned", "retorted", "reiterated", "asserted", "thundered",
    "scoffed", "says", "adds", "asks", "notes", NULL};

/* Words that end a noun phrase. */
static const char *const stop_words[] = {
    /* prepositions (of and to are taken in names: "ambassador to Beirut") */
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as",
    "at", "before", "behind", "below", "beside", "besides", "between", "beyond", "by",
    "despite", "during", "except", "for", "from", "in", "inside", "into", "like", "near",
    "of", "off", "on", "onto", "outside", "over", "per", "since", "through", "throughout",
    "to", "toward", "towards", "under", "until", "unlike", "upon", "via", "with", "within",
    "without",
    /* conjunctions, auxiliaries, function words */
    "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "being", "am", "has",
    "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "wo", "ca", "n't", "not", "'re", "'ll", "'ve", "'d", "'m",
    "that", "which", "who", "whom", "whose", "when", "where", "why", "how", "if", "whether",
    "because", "although", "though", "than", "so", "then", "there", "here", "also", "very",
    "too", "just", "only", "even", "ever", "never", "now", "already", "still", "yet", "again",
    "almost", "while", "whereas", "once", "soon", "today", "tonight", "yesterday", "tomorrow",
    "later", "earlier", "instead", "however", "perhaps", "nearly", "it", "he", "she", "they",
    "we", "i", "you", "him", "them", "us", "me", "what", "this", "these", "those", "last",
    "week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL};

static const char *const adverbs[] = {
    "also", "later", "then", "once", "again", "previously", "recently", "reportedly",
    "repeatedly", "further", "simply", "now", "earlier", "often", "frequently", "still",
    "even", "just", "has", "had", "have", "was", "is", "had", "never", "first", "finally",
    "privately", "publicly", "bluntly", "flatly", "quickly", "separately", "told", NULL};

/* Irregular past tenses that follow a name as its verb ("Kissinger made"). */
static const char *const irregular_verbs[] = {
    "made", "took", "gave", "met", "went", "came", "got", "held", "sent", "spoke", "left",
    "kept", "put", "ran", "saw", "won", "lost", "led", "paid", "set", "became", "began",
    "brought", "thought", "felt", "found", "heard", "knew", "meant", "stood", "struck",
    "sought", "spent", "took", "wants", "thinks", "knows", "sees", "is", "was", "has", NULL};

/* Words that open a clause before the main one ("Though she called it …, …"). */
static const char *const subordinators[] = {"though", "although", "while", "because", "when",
                                            "if", "as", "after", "before", "since", "once",
                                            "whereas", "until", NULL};

static const char *const pronouns[] = {"he", "she", "they", "we", "i", "you", "him", "her",
                                       "them", "it", NULL};

/* Titles and roles before a name ("Secretary of State John Kerry").  The
 * second list gives a gender. */
static const char *const title_words[] = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov",
    "governor", "president", "vice", "prime", "minister", "secretary", "state", "foreign",
    "former", "gen", "general", "adm", "admiral", "col", "colonel", "lt", "sgt", "capt",
    "maj", "ambassador", "spokesman", "spokeswoman", "chief", "justice", "judge", "mayor",
    "speaker", "leader", "chairman", "chairwoman", "king", "queen", "prince", "princess",
    "ayatollah", "sheikh", "pope", "chancellor", "deputy", "attorney", "supreme", "director",
    "commander", "rev", "sir", "lady", "lord", "first", "u.s", "us", "gop", "sheriff",
    "candidate", "nominee", "professor", "prof", "emir", "crown", "minority", "majority",
    "whip", "majesty", "dame", "father", "defense", "interior", "treasury", "press", NULL};

static const char *const role_words[] = {
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "minister", "diplomat",
    "official", "aide", "adviser", "advisor", "lawyer", "senator", "candidate", "nominee",
    "leader", "president", "secretary", "envoy", "commander", "general", "chairman",
    "chairwoman", "director", "strategist", "manager", "analyst", "professor", "congressman",
    "congresswoman", "governor", "mayor", "judge", "wife", "husband", "daughter", "son",
    "mother", "father", "host", "chief", "executive", "economist", "pollster", "founder",
    "president-elect", "writer", "author", "activist", "businessman", "businesswoman", NULL};

static const char *const female_words[] = {
    "mrs", "ms", "miss", "madam", "spokeswoman", "congresswoman", "chairwoman",
    "businesswoman", "councilwoman", "queen", "princess", "duchess", "lady", "dame", "wife",
    "mother", "daughter", "sister", "actress", "hillary", "marie", "jen", "condoleezza",
    "angela", "theresa", "nancy", "elizabeth", "michelle", "melania", "ivanka", "kellyanne",
    "sarah", "samantha", "susan", "nikki", "loretta", "jill", "huma", "donna", "debbie",
    "madeleine", "victoria", "federica", "christine", "kamala", "tulsi", "sheila", "maxine",
    "dianne", "barbara", "karen", "mary", "patricia", "jennifer", "linda", "lisa", "laura",
    "emily", "anna", "maria", "julia", "catherine", "margaret", "helen", "amy", "rachel",
    "rebecca", "jessica", "chelsea", "hope", "kate", "katie", "claire", "ellen", "ann",
    "anne", "jane", "joan", "janet", "judy", "julie", "kelly", "marsha", "megyn", "nicole",
    "ruth", "sonia", "stephanie", "tammy", "valerie", "wendy", "yulia", "aung", "benazir",
    "golda", "indira", "jacinda", "marine", "ursula", "kristalina", "christiane", NULL};

static const char *const male_words[] = {
    "mr", "spokesman", "congressman", "chairman", "businessman", "councilman", "king",
    "prince", "duke", "lord", "sir", "husband", "father", "son", "brother", "john", "barack",
    "donald", "mike", "joe", "bernie", "ted", "marco", "jeb", "chris", "paul", "mitch",
    "henry", "alexander", "vladimir", "sergei", "sergey", "bashar", "hassan", "ali", "george",
    "bill", "tim", "mark", "james", "robert", "david", "michael", "william", "richard",
    "thomas", "charles", "steve", "steven", "peter", "harry", "rex", "antony", "tony", "jim",
    "bob", "dick", "rudy", "newt", "reince", "sean", "eric", "jared", "ben", "benjamin",
    "recep", "emmanuel", "francois", "nicolas", "xi", "kim", "shinzo", "narendra", "justin",
    "boris", "david", "gordon", "tony", "mahmoud", "benjamin", "ehud", "ariel", "abdullah",
    "salman", "mohammed", "muhammad", "ahmed", "omar", "lindsey", "rand", "ron", "rick",
    "scott", "gary", "jeff", "jon", "kevin", "brian", "matt", "jason", "andrew", "adam",
    "frank", "larry", "dan", "daniel", "jack", "joseph", "edward", "patrick", "pat", "dennis",
    "harold", "keith", "roger", "ray", "walter", "victor", "ashton", "leon", "chuck",
    "dmitry", "igor", "ivan", "nikolai", "nouri", "haider", "hamid", "ashraf", "hosni",
    "abdel", "fatah", "moammar", "muammar", "saddam", "hafez", "nasser", "hezbollah", NULL};

static int in_list(const char *const *list, const char *w)
{
    if (!w[0])
        return 0;
    for (; *list; list++)
        if ((*list)[0] == w[0] && (*list)[1] == w[1] && strcmp(*list, w) == 0)
            return 1;
    return 0;
}

/* All the lists above in one hash table, built once: word -> enum lex bits. */
enum lex {
    LX_CUE = 1, LX_INVERT = 2, LX_STOP = 4, LX_ADVERB = 8, LX_PRON = 16, LX_TITLE = 32,
    LX_ROLE = 64, LX_FEMALE = 128, LX_MALE = 256, LX_IRREGULAR = 512, LX_NCUE = 1024,
    LX_SUBORD = 2048
};

#define LEX_SIZE 2048u
static struct {
    const char *word;
    uint16_t bits;
} lex_table[LEX_SIZE];
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static uint32_t lex_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static void lex_add(const char *const *list, uint16_t bit)
{
    for (; *list; list++) {
        uint32_t h = lex_hash(*list, strlen(*list)) & (LEX_SIZE - 1);
        while (lex_table[h].word && strcmp(lex_table[h].word, *list) != 0)
            h = (h + 1) & (LEX_SIZE - 1);
        lex_table[h].word = *list;
        lex_table[h].bits |= bit;
    }
}

static void lex_build(void)
{
    lex_add(cue_words, LX_CUE);
    lex_add(invertible_cues, LX_INVERT);
    lex_add(stop_words, LX_STOP);
    lex_add(adverbs, LX_ADVERB);
    lex_add(pronouns, LX_PRON);
    lex_add(title_words, LX_TITLE);
    lex_add(role_words, LX_ROLE);
    lex_add(female_words, LX_FEMALE);
    lex_add(male_words, LX_MALE);
    lex_add(irregular_verbs, LX_IRREGULAR);
    lex_add(cue_nouns, LX_NCUE);
    lex_add(subordinators, LX_SUBORD);
}

/* The lists word w[0..n) is in. */
static uint16_t lex_bits(const char *w, size_t n)
{
    pthread_once(&lex_once, lex_build);
    uint32_t h = lex_hash(w, n) & (LEX_SIZE - 1);
    for (; lex_table[h].word; h = (h + 1) & (LEX_SIZE - 1))
        if (strncmp(lex_table[h].word, w, n) == 0 && lex_table[h].word[n] == '\0')
            return lex_table[h].bits;
    return 0;
}

/* The lists of a token, its final period dropped ("Sen." -> "sen") for titles. */
static uint16_t tok_lex(const token *t)
{
    if (!(t->flags & TOK_WORD) || t->norm_len == 0)
        return 0;
    uint16_t b = lex_bits(t->norm, t->norm_len);
    if (t->norm_len > 1 && t->norm[t->norm_len - 1] == '.')
        b |= lex_bits(t->norm, t->norm_len - 1) & (LX_TITLE | LX_FEMALE | LX_MALE | LX_ROLE);
    return b;
}

static int word_in_bits(const token *t, uint16_t bit)
{
    return (tok_lex(t) & bit) != 0;
}

/* ------------------------------------------------------------- context */

typedef struct qctx {
    const dyad_coder *coder;
    const text_doc *td;
    const char *text;
    int32_t date;
    arena *mem;
    const token *tok;
    uint32_t ntok;
    uint32_t *sent_of;     /* token -> sentence */
    uint8_t *inq;          /* token inside a paired double quotation, marks included */
    uint32_t *id;          /* word ids, filled when first asked (UINT32_MAX: not yet) */
    uint16_t *wf;          /* enum lex bits per token (0x8000: looked up) */
    int loose;             /* noun phrases run over lower-case verbs after names */
} qctx;

/* The lists token i is in, looked up once per token. */
static uint16_t wflags(qctx *c, uint32_t i)
{
    if (!(c->wf[i] & 0x8000))
        c->wf[i] = (uint16_t)(0x8000 | tok_lex(&c->tok[i]));
    return c->wf[i];
}

static int is_dq(const token *t)
{
    return (t->flags & TOK_QUOTE) && t->norm[0] != '\'';
}

static int is_word(const token *t)
{
    return (t->flags & (TOK_WORD | TOK_NUMBER)) && !(t->flags & (TOK_POSSESSIVE | TOK_CLITIC));
}

static int is_cap(const token *t)
{
    return (t->flags & TOK_WORD) && (t->flags & TOK_CAPITAL) && !(t->flags & TOK_QUOTE);
}

static int norm_is(const token *t, const char *w)
{
    return strcmp(t->norm, w) == 0;
}

static int is_comma(const token *t)
{
    return (t->flags & TOK_COMMA) != 0;
}

static int is_dash(const token *t)
{
    return norm_is(t, "-") || norm_is(t, "--");
}

static uint32_t word_id(qctx *c, uint32_t i)
{
    if (c->id[i] == UINT32_MAX)
        c->id[i] = index_word(&c->coder->ix, c->tok[i].norm, c->tok[i].norm_len);
    return c->id[i];
}

static uint32_t sent_first(const qctx *c, uint32_t i)
{
    return c->td->sent[c->sent_of[i]].first_token;
}

static uint32_t sent_end(const qctx *c, uint32_t i)
{
    const sentence *s = &c->td->sent[c->sent_of[i]];
    return s->first_token + s->ntoken;
}

/* ---------------------------------------------------------------- cues */

/* Length in tokens of an attribution cue at token i (before hi), or 0. */
static uint32_t cue_at(const qctx *c, uint32_t i, uint32_t hi)
{
    const token *t = &c->tok[i];
    if (!(t->flags & TOK_WORD) || c->inq[i])
        return 0;
    if (norm_is(t, "according"))
        return i + 1 < hi && norm_is(&c->tok[i + 1], "to") ? 2 : 0;
    if (norm_is(t, "read") || norm_is(t, "reads"))
        return 0;  /* past tense "read" is too often not a cue; kept out of the list's reach */
    uint16_t f = wflags((qctx *)c, i);
    if (norm_is(t, "call") && i > 0 &&
        (norm_is(&c->tok[i - 1], "a") || norm_is(&c->tok[i - 1], "the")))
        return 0;  /* a call for */
    if ((f & LX_NCUE) && i > 0 && (c->tok[i - 1].flags & TOK_POSSESSIVE))
        return 1;
    return (f & LX_CUE) ? 1 : 0;
}

static int ends_ing(const token *t)
{
    return t->norm_len > 4 && strcmp(t->norm + t->norm_len - 3, "ing") == 0;
}

/* ---------------------------------------------------------- noun phrases */

static int is_pron(const token *t)
{
    return (tok_lex(t) & LX_PRON) != 0;
}

static int np_tok(qctx *c, uint32_t i)
{
    const token *t = &c->tok[i];
    if (c->inq[i])
        return 0;
    if (t->flags & TOK_POSSESSIVE)
        return 1;
    if (!(t->flags & (TOK_WORD | TOK_NUMBER)) || (t->flags & TOK_CLITIC))
        return 0;
    if (wflags(c, i) & (LX_STOP | LX_CUE))
        return 0;
    if (!(t->flags & TOK_CAPITAL) && t->norm_len > 4 &&
        strcmp(t->norm + t->norm_len - 2, "ly") == 0)
        return 0;
    return 1;
}

/* "of" / "to" inside a name phrase: "ambassador to Beirut", "Secretary of State". */
static int np_link(const qctx *c, uint32_t i, uint32_t hi)
{
    return (norm_is(&c->tok[i], "of") || norm_is(&c->tok[i], "to")) && i + 1 < hi &&
           is_cap(&c->tok[i + 1]) && !c->inq[i + 1];
}

/* A lower-case verb right after a name ends the phrase ("Kissinger made"). */
static int verb_after_name(qctx *c, uint32_t i, uint32_t start)
{
    const token *t = &c->tok[i];
    if (c->loose || i == start || (t->flags & TOK_CAPITAL) || !is_cap(&c->tok[i - 1]))
        return 0;
    if (wflags(c, i) & (LX_TITLE | LX_ROLE))
        return 0;  /* "White House press secretary" */
    if (i + 1 < c->ntok && (c->tok[i + 1].flags & TOK_WORD) && !c->inq[i + 1]) {
        static const char *const aux[] = {"is", "are", "was", "were", "has", "have", "had",
                                          "will", "would", "could", "should", "can", "did",
                                          "does", "may", "might", NULL};
        if (in_list(aux, c->tok[i + 1].norm) || cue_at(c, i + 1, c->ntok))
            return 0;  /* "The Trump campaign is …" */
    }
    uint32_t w = word_id(c, i);
    if (w && c->coder->ix.word_is_verb && c->coder->ix.word_is_verb[w])
        return 1;
    if (tok_lex(t) & LX_IRREGULAR)
        return 1;
    size_t n = t->norm_len;
    return n > 3 && strcmp(t->norm + n - 2, "ed") == 0;
}

typedef struct span {
    uint32_t a, b;         /* tokens [a, b) */
} span;

/* The noun phrase starting at p (before hi): a pronoun, or a run of phrase words
 * with an appositive name after a non-name head ("Russia's ambassador to Beirut,
 * Alexander Zasypkin").  Returns its length. */
static uint32_t np_fwd(qctx *c, uint32_t p, uint32_t hi, span *out)
{
    if (p >= hi || c->inq[p])
        return 0;
    if (is_pron(&c->tok[p])) {
        out->a = p;
        out->b = p + 1;
        return 1;
    }
    uint32_t j = p;
    while (j < hi && j - p < 14 && ((np_tok(c, j) && !verb_after_name(c, j, p)) ||
                                    (j > p && np_link(c, j, hi))))
        j++;
    while (j > p && (np_link(c, j - 1, hi) || (c->tok[j - 1].flags & TOK_POSSESSIVE)))
        j--;
    if (j == p)
        return 0;
    /* an appositive name after a head that is not one */
    int head_is_name = is_cap(&c->tok[j - 1]);
    if (head_is_name) {
        uint32_t r = j;
        while (r > p && is_cap(&c->tok[r - 1]))
            r--;
        if (r > p && np_link(c, r - 1, hi))
            head_is_name = 0;
    }
    if (!head_is_name && j + 1 < hi && is_comma(&c->tok[j]) && is_cap(&c->tok[j + 1]) &&
        !c->inq[j + 1]) {
        uint32_t k = j + 1;
        while (k < hi && is_cap(&c->tok[k]) && k - j < 5)
            k++;
        if (k == hi || is_comma(&c->tok[k]) || (c->tok[k].flags & (TOK_SENT_END | TOK_QUOTE)) ||
            norm_is(&c->tok[k], "said"))
            j = k;
    }
    out->a = p;
    out->b = j;
    return j - p;
}

static uint32_t skip_adverbs_back(const qctx *c, uint32_t lo, uint32_t j)
{
    /* j is one past the last token to look at */
    while (j > lo) {
        const token *t = &c->tok[j - 1];
        int ly = !(t->flags & TOK_CAPITAL) && t->norm_len > 4 &&
                 strcmp(t->norm + t->norm_len - 2, "ly") == 0;
        if (!(t->flags & TOK_WORD) || !((wflags((qctx *)c, j - 1) & LX_ADVERB) || ly))
            break;
        j--;
    }
    return j;
}

/* The noun phrase ending just before position j (the subject of a cue there),
 * not reaching before lo. */
static uint32_t np_back(qctx *c, uint32_t lo, uint32_t j, span *out)
{
    j = skip_adverbs_back(c, lo, j);
    if (j <= lo)
        return 0;
    if (c->tok[j - 1].norm[0] == ')' && (c->tok[j - 1].flags & TOK_BRACKET)) {
        uint32_t k = j - 1;
        while (k > lo && j - k < 12 && !(c->tok[k - 1].norm[0] == '(' &&
                                         (c->tok[k - 1].flags & TOK_BRACKET)))
            k--;
        if (k > lo && j - k < 12)
            j = k - 1;
    }
    if (j <= lo || c->inq[j - 1])
        return 0;
    if (is_pron(&c->tok[j - 1])) {
        out->a = j - 1;
        out->b = j;
        return 1;
    }
    if (is_comma(&c->tok[j - 1])) {
        /* "Clinton, the former secretary of State, said": the phrase before the
         * opening comma of the apposition */
        uint32_t k = j - 1;
        while (k > lo && j - k < 40 && !is_comma(&c->tok[k - 1]) && !c->inq[k - 1])
            k--;
        if (k > lo && is_comma(&c->tok[k - 1])) {
            uint32_t e = k - 1, s = e;
            while (s > lo && e - s < 12 && (np_tok(c, s - 1) || np_link(c, s - 1, e)))
                s--;
            if (s < e && !is_pron(&c->tok[s])) {
                out->a = s;
                out->b = e;
                return e - s;
            }
        }
        if (k == lo)
            return np_fwd(c, lo, j - 1, out);
        return 0;
    }
    uint32_t e = j, s = j;
    while (s > lo && e - s < 12 && (np_tok(c, s - 1) || np_link(c, s - 1, e)))
        s--;
    while (s < e && (np_link(c, s, e) || (c->tok[s].flags & (TOK_NUMBER | TOK_WORD)) == TOK_NUMBER))
        s++;
    if (s == e)
        return 0;
    out->a = s;
    out->b = e;
    return e - s;
}

/* The subject of the sentence that token i is in: the first noun phrase, after
 * an opening adverbial that ends in a comma ("On Wednesday, ..."). */
static uint32_t sentence_subject(qctx *c, uint32_t i, uint32_t hi, span *out)
{
    uint32_t p = sent_first(c, i);
    while (p < hi && (c->inq[p] || !(c->tok[p].flags & (TOK_WORD | TOK_NUMBER))))
        p++;
    if (p >= hi)
        return 0;
    const token *t = &c->tok[p];
    int lead = (tok_lex(t) & (LX_STOP | LX_PRON)) == LX_STOP;
    size_t n = t->norm_len;
    if (!lead && n > 3 && (strcmp(t->norm + n - 2, "ed") == 0 || ends_ing(t)))
        lead = 1;
    if (lead) {
        uint32_t k = p;
        while (k < hi && !is_comma(&c->tok[k]))
            k++;
        if (k >= hi) {
            /* no main clause before the cue: the subordinate clause's subject */
            if (!(wflags(c, p) & LX_SUBORD))
                return 0;
            return np_fwd(c, p + 1, hi, out);
        }
        p = k + 1;
    }
    return np_fwd(c, p, hi, out);
}

/* ------------------------------------------------------------ attribution */

typedef struct attrib {
    span sp;               /* speaker mention */
    uint32_t cue, ncue;    /* cue tokens */
    int found;
} attrib;

/* "…,” said X" / "…,” X said" / "…,” according to X": right after the mark. */
static int after_mark_np(qctx *c, uint32_t open, uint32_t close, int next_sentence, attrib *at)
{
    uint32_t hi = sent_end(c, close);
    uint32_t p = close + 1;
    if (next_sentence && open == sent_first(c, open) && p >= hi && hi < c->ntok) {
        /* the sentence ended inside the marks: “…?” Vitter demanded. */
        const sentence *nx = &c->td->sent[c->sent_of[hi]];
        if (!(nx->flags & SENT_PARAGRAPH))
            hi = nx->first_token + nx->ntoken;
    }
    for (uint32_t k = p; k < hi; k++)
        if (is_dq(&c->tok[k])) {
            hi = k;
            break;
        }
    uint32_t dash = QUOTE_NONE;
    while (p < hi && (is_comma(&c->tok[p]) || is_dash(&c->tok[p]))) {
        if (is_dash(&c->tok[p]))
            dash = p;
        p++;
    }
    if (p >= hi)
        return 0;
    uint32_t n = cue_at(c, p, hi);
    span sp;
    if (!n && dash != QUOTE_NONE && np_fwd(c, p, hi, &sp) && is_cap(&c->tok[sp.b - 1]) &&
        (sp.b == hi || (c->tok[sp.b].flags & (TOK_PUNCT | TOK_SENT_END)))) {
        /* “…” ― Sonya Herridge */
        at->sp = sp;
        at->cue = dash;
        at->ncue = 1;
        return at->found = 1;
    }
    if (n) {
        int acc = n == 2;
        if (!acc && !(tok_lex(&c->tok[p]) & LX_INVERT))
            return 0;
        if (!np_fwd(c, p + n, hi, &sp))
            return 0;
        at->sp = sp;
        at->cue = p;
        at->ncue = n;
        return at->found = 1;
    }
    if (!np_fwd(c, p, hi, &sp))
        return 0;
    uint32_t q = sp.b;
    for (int round = 0; round < 4 && q < hi; round++) {
        const token *t = &c->tok[q];
        if (is_comma(t)) {
            /* an apposition up to the next comma; a second one may follow
             * ("Scott Pruitt, the attorney general of Oklahoma, one of the states
             * suing the EPA, said") */
            uint32_t k = q + 1;
            while (k < hi && k - q < 40 && !is_comma(&c->tok[k]))
                k++;
            if (k >= hi)
                return 0;
            q = k + 1 < hi && !cue_at(c, k + 1, hi) && !(wflags(c, k + 1) & LX_ADVERB) ? k : k + 1;
        } else if ((t->flags & TOK_BRACKET) && t->norm[0] == '(') {
            uint32_t k = q + 1;
            while (k < hi && k - q < 12 && c->tok[k].norm[0] != ')')
                k++;
            if (k >= hi)
                return 0;
            q = k + 1;
        } else if ((wflags(c, q) & (LX_STOP | LX_ADVERB)) == LX_STOP &&
                   !(t->flags & TOK_CAPITAL) && q + 1 < hi &&
                   (norm_is(t, "for") || norm_is(t, "at") || norm_is(t, "with") || norm_is(t, "of") ||
                    norm_is(t, "from") || norm_is(t, "in") || norm_is(t, "on"))) {
            span pp;
            if (!np_fwd(c, q + 1, hi, &pp))
                return 0;
            q = pp.b;
        } else {
            break;
        }
    }
    while (q < hi && (c->tok[q].flags & TOK_WORD) && (wflags(c, q) & LX_ADVERB) &&
           !cue_at(c, q, hi))
        q++;
    if (q >= hi || !(n = cue_at(c, q, hi)) || n == 2)
        return 0;
    at->sp = sp;
    at->cue = q;
    at->ncue = n;
    return at->found = 1;
}

/* A name followed by a lower-case word that is also a verb ("Clinton campaign
 * spokesman Brian Fallon said") is first read as a name and its verb; when
 * that finds no cue, the whole run is taken as the phrase. */
static int after_mark(qctx *c, uint32_t open, uint32_t close, int next_sentence, attrib *at)
{
    if (after_mark_np(c, open, close, next_sentence, at))
        return 1;
    c->loose = 1;
    int got = after_mark_np(c, open, close, next_sentence, at);
    c->loose = 0;
    return got;
}

/* "X said that “…”", "according to X, “…”", "Y quoted X as saying “…”": the cue
 * nearest before the opening mark in its sentence, quoted words skipped. */
static int before_mark(qctx *c, uint32_t open, attrib *at)
{
    uint32_t lo = sent_first(c, open);
    if (open == lo && open > 0 && norm_is(&c->tok[open - 1], ":"))
        lo = sent_first(c, open - 1);  /* The New York Times reports: "…" */
    uint32_t j = open;
    uint32_t n = 0;
    while (j > lo) {
        j--;
        if (c->inq[j])
            continue;
        if ((n = cue_at(c, j, open)))
            break;
    }
    if (!n)
        return 0;
    span sp;
    const token *t = &c->tok[j];
    int got = 0;
    if (n == 2) {
        got = np_fwd(c, j + 2, open, &sp) > 0;
    } else if (!(wflags(c, j) & LX_CUE)) {
        /* the possessor of "claim": a name or a pronoun right before the 's */
        uint32_t a = j - 1;
        while (a > lo && is_cap(&c->tok[a - 1]) && !c->inq[a - 1] && j - 1 - a < 6)
            a--;
        if (a < j - 1) {
            sp.a = a;
            sp.b = j - 1;
            got = 1;
        } else {
            got = np_back(c, lo, j - 1, &sp) > 0;
        }
    } else if ((norm_is(t, "saying") || norm_is(t, "say")) && j > lo &&
               norm_is(&c->tok[j - 1], "as")) {
        /* "Al-Akhbar quoted him as saying" / "he was quoted as saying" */
        uint32_t as = j - 1;
        if (as > lo && (norm_is(&c->tok[as - 1], "quoted") || norm_is(&c->tok[as - 1], "cited"))) {
            uint32_t k = as - 1;
            while (k > lo && (norm_is(&c->tok[k - 1], "was") || norm_is(&c->tok[k - 1], "is") ||
                              norm_is(&c->tok[k - 1], "been") || norm_is(&c->tok[k - 1], "being")))
                k--;
            got = np_back(c, lo, k, &sp) > 0;
        } else {
            for (uint32_t k = as; k > lo && as - k < 10; k--)
                if (norm_is(&c->tok[k - 1], "quoted") || norm_is(&c->tok[k - 1], "quoting") ||
                    norm_is(&c->tok[k - 1], "quotes") || norm_is(&c->tok[k - 1], "cited")) {
                    got = np_fwd(c, k, as, &sp) > 0;
                    break;
                }
        }
        if (!got)
            got = sentence_subject(c, j, j, &sp) > 0;
    } else if (ends_ing(t) || (j > lo && (norm_is(&c->tok[j - 1], "by") ||
                                          is_comma(&c->tok[j - 1])))) {
        got = sentence_subject(c, j, j, &sp) > 0;
        if (!got)
            got = np_back(c, lo, j, &sp) > 0;
    } else {
        got = np_back(c, lo, j, &sp) > 0;
        if (!got && (tok_lex(t) & LX_INVERT))
            got = np_fwd(c, j + 1, open, &sp) > 0;
        if (!got)
            got = sentence_subject(c, j, j, &sp) > 0;
    }
    if (!got)
        return 0;
    at->sp = sp;
    at->cue = j;
    at->ncue = n;
    return at->found = 1;
}

/* "Reid has been pounding Trump as a “con artist”": a characterisation, spoken
 * by the subject of the sentence.  Not "known as", "such as", "so-called". */
static int as_mark(qctx *c, uint32_t open, attrib *at)
{
    uint32_t lo = sent_first(c, open), j = open;
    while (j > lo && (norm_is(&c->tok[j - 1], "a") || norm_is(&c->tok[j - 1], "an") ||
                      norm_is(&c->tok[j - 1], "the")) && j + 2 > open)
        j--;
    if (j < lo + 3 || !norm_is(&c->tok[j - 1], "as") || c->inq[j - 1])
        return 0;
    const token *v = &c->tok[j - 2];
    if (norm_is(v, "known") || norm_is(v, "such") || norm_is(v, "so") || norm_is(v, "referred") ||
        norm_is(v, "dubbed") || norm_is(v, "billed") || norm_is(v, "titled"))
        return 0;
    span sp;
    if (!sentence_subject(c, j - 1, j - 1, &sp))
        return 0;
    at->sp = sp;
    at->cue = j - 1;
    at->ncue = 1;
    return at->found = 1;
}

static int same_word(const token *x, const token *y);

/* A pronoun speaker inside the sentence ("It is denouncing what it calls “…”",
 * "He did not address the tweets in which he called her “…”") is the subject
 * of the sentence, when that comes first and can be the same: the same pronoun,
 * or a phrase that is not a pronoun and, for he/she, names nobody of the other
 * gender, and no ", but" / ", and" clause between. */
static void subject_for_pronoun(qctx *c, attrib *at)
{
    if (at->sp.b != at->sp.a + 1 || !is_pron(&c->tok[at->sp.a]))
        return;
    const token *pr = &c->tok[at->sp.a];
    int want = norm_is(pr, "he") ? 1 : norm_is(pr, "she") ? 2 : 0;
    if (!want && !norm_is(pr, "it") && !norm_is(pr, "they"))
        return;
    span sub;
    if (!sentence_subject(c, at->sp.a, at->sp.a, &sub) || sub.b > at->sp.a)
        return;
    for (uint32_t i = sub.b; i + 1 < at->sp.a; i++)
        if (is_comma(&c->tok[i]) && (norm_is(&c->tok[i + 1], "but") || norm_is(&c->tok[i + 1], "and")))
            return;  /* a clause of its own: "…, but even now she still says" */
    if (sub.b == sub.a + 1 && is_pron(&c->tok[sub.a])) {
        if (!same_word(&c->tok[sub.a], pr))
            return;
    } else if (want) {
        int g = 0;
        for (uint32_t i = sub.a; i < sub.b && !g; i++)
            g = word_in_bits(&c->tok[i], LX_FEMALE) ? 2 : word_in_bits(&c->tok[i], LX_MALE) ? 1 : 0;
        if (g != want)
            return;
    }
    at->sp = sub;
}

/* “…” opening a sentence right after one that ends with its attribution:
 * "…, Schiff said. “The other factor …”". */
static int sentence_before(qctx *c, uint32_t open, attrib *at)
{
    if (open != sent_first(c, open) || open < 2 || c->inq[open - 1])
        return 0;
    const sentence *s = &c->td->sent[c->sent_of[open]];
    if (s->flags & SENT_PARAGRAPH)
        return 0;
    uint32_t lo = sent_first(c, open - 1), k = open;
    while (k > lo && (c->tok[k - 1].flags & TOK_SENT_END))
        k--;
    if (k <= lo || k == open)
        return 0;
    span sp;
    uint32_t n = cue_at(c, k - 1, k);
    if (n == 1 && np_back(c, lo, k - 1, &sp)) {
        at->sp = sp;
        at->cue = k - 1;
        at->ncue = 1;
        return at->found = 1;
    }
    return 0;
}

/* ------------------------------------------------------------- quotations */

typedef struct piece {
    uint32_t open, close;  /* mark tokens; close QUOTE_NONE when the paragraph ended it */
    uint32_t last;         /* last token inside */
    uint8_t single, cont;  /* single marks; goes on from the piece before (next paragraph) */
    uint32_t words;
    attrib at;
    int from;              /* index of the piece whose attribution it continues, or -1 */
} piece;

typedef struct piece_list {
    piece *v;
    size_t n, cap;
} piece_list;

static int add_piece(qctx *c, piece_list *l, uint32_t open, uint32_t close, uint32_t last,
                     int single, int cont)
{
    if (last <= open && close == QUOTE_NONE)
        return 0;
    if (close != QUOTE_NONE && close == open + 1)
        return 0;
    piece *v = arena_grow(c->mem, l->v, l->n, &l->cap, sizeof *v, 16);
    if (!v)
        return -1;
    l->v = v;
    piece *p = &l->v[l->n++];
    memset(p, 0, sizeof *p);
    p->open = open;
    p->close = close;
    p->last = close == QUOTE_NONE ? last : close - 1;
    p->single = (uint8_t)single;
    p->cont = (uint8_t)cont;
    p->from = -1;
    for (uint32_t k = open + 1; k <= p->last; k++)
        p->words += is_word(&c->tok[k]);
    return 0;
}

static int pair_marks(qctx *c, piece_list *l)
{
    uint32_t od = QUOTE_NONE, os = QUOTE_NONE;
    int pending = 0, nested = 0;
    for (uint32_t i = 0; i < c->ntok; i++) {
        const sentence *s = &c->td->sent[c->sent_of[i]];
        const token *t = &c->tok[i];
        if (i > 0 && i == s->first_token && (s->flags & SENT_PARAGRAPH)) {
            int reopens = is_dq(t) && (t->flags & TOK_QUOTE_OPEN);
            nested = 0;
            if (od != QUOTE_NONE) {
                if (add_piece(c, l, od, QUOTE_NONE, i - 1, 0, pending))
                    return -1;
                od = QUOTE_NONE;
                pending = reopens;
            } else {
                pending = 0;
            }
            os = QUOTE_NONE;
        }
        if (!(t->flags & TOK_QUOTE))
            continue;
        if (is_dq(t) && od != QUOTE_NONE && c->text[c->tok[od].start] != '"' &&
            c->text[t->start] == '"') {
            /* straight marks inside curly ones are a quotation inside the quotation;
             * a straight closing mark with none of them open closes the curly one */
            if (t->flags & TOK_QUOTE_OPEN) {
                nested++;
                continue;
            }
            if (nested > 0) {
                nested--;
                continue;
            }
        }
        if (is_dq(t)) {
            /* a closing mark used to open: white space before it and a word glued
             * after, or first in its paragraph */
            int opens = (t->flags & TOK_QUOTE_OPEN) ||
                        (od == QUOTE_NONE && !(t->flags & TOK_NO_SPACE_BEFORE) && i + 1 < c->ntok &&
                         (c->tok[i + 1].flags & TOK_NO_SPACE_BEFORE) &&
                         (c->tok[i + 1].flags & TOK_WORD)) ||
                        (od == QUOTE_NONE && i == s->first_token && (s->flags & SENT_PARAGRAPH) &&
                         i + 1 < c->ntok && c->sent_of[i + 1] == c->sent_of[i]);
            if (opens) {
                if (od != QUOTE_NONE) {
                    if (add_piece(c, l, od, QUOTE_NONE, i - 1, 0, pending))
                        return -1;
                    pending = 0;
                }
                od = i;
                os = QUOTE_NONE;
            } else if (od != QUOTE_NONE) {
                nested = 0;
                if (add_piece(c, l, od, i, i - 1, 0, pending))
                    return -1;
                pending = 0;
                od = QUOTE_NONE;
            }
        } else if (od == QUOTE_NONE) {
            if (t->flags & TOK_QUOTE_OPEN) {
                os = i;
            } else if (os != QUOTE_NONE) {
                if (add_piece(c, l, os, i, i - 1, 1, 0))
                    return -1;
                os = QUOTE_NONE;
            }
        }
    }
    if (od != QUOTE_NONE && c->ntok > 0 && add_piece(c, l, od, QUOTE_NONE, c->ntok - 1, 0, pending))
        return -1;
    for (size_t k = 0; k < l->n; k++) {
        const piece *p = &l->v[k];
        if (p->single)
            continue;
        uint32_t end = p->close == QUOTE_NONE ? p->last : p->close;
        for (uint32_t i = p->open; i <= end; i++)
            c->inq[i] = 1;
    }
    return 0;
}

/* A title rather than a statement: up to eight words, every word that is not
 * a small word capitalised ("Face the Nation", "Make Your Kid a Millionaire"). */
static int is_title(const qctx *c, const piece *p)
{
    static const char *const small[] = {"a", "an", "the", "of", "to", "in", "on", "and", "for",
                                        "with", "at", "by", "or", "is", "it", "from", NULL};
    if (p->words == 0 || p->words > 8 || p->close == QUOTE_NONE)
        return 0;
    int caps = 0;
    for (uint32_t k = p->open + 1; k <= p->last; k++) {
        const token *t = &c->tok[k];
        if (!is_word(t))
            continue;
        if (t->flags & TOK_CAPITAL)
            caps++;
        else if (!(t->flags & TOK_WORD) || !in_list(small, t->norm))
            return 0;
    }
    return p->words >= 2 && caps >= 1;
}

/* -------------------------------------------------------------- persons */

typedef struct person {
    uint32_t a, b;         /* the name's tokens, titles left out */
    uint32_t ctx;          /* first token of the phrase it stands in (titles, roles) */
    int gender;            /* 1 male, 2 female, 0 unknown */
    uint32_t first;        /* the first person with the same last name */
    /* kept on that first person, for all with its last name: */
    int last_gender;       /* the latest gender other than 0 */
    uint32_t longest;      /* the first of the longest names */
} person;

/* The people of a document in order, and their last names hashed (slot:
 * the first person with that name + 1, 0 empty), so that a document of
 * many names is not quadratic in them. */
typedef struct person_list {
    person *v;
    size_t n, cap;
    uint32_t *slot;
    size_t nslot;          /* a power of two, at least twice the names */
    size_t nname;
} person_list;

/* Longest actor phrase of the dictionary at token i (not past hi): its length
 * and entry, or 0. */
static uint32_t actor_at(qctx *c, const phrase_index *px, uint32_t i, uint32_t hi,
                         uint32_t *entry)
{
    uint32_t w = word_id(c, i);
    if (!w || !px->start)
        return 0;
    for (uint32_t r = px->start[w]; r < px->start[w + 1]; r++) {
        const id_phrase *p = &px->ref[r];
        if (i + p->n > hi)
            continue;
        uint16_t k = 1;
        while (k < p->n && word_id(c, i + k) == p->word[k])
            k++;
        if (k == p->n) {
            *entry = p->entry;
            return p->n;
        }
    }
    return 0;
}

/* An actor entry that names a person: its full name has two or more words and
 * the last one alone is another of its names (JOHN_KERRY_ / +KERRY_). */
static int person_entry(const actor_entry *e)
{
    if (e->nphrase < 2 || e->phrase[0].nword < 2)
        return 0;
    const char *last = e->phrase[0].word[e->phrase[0].nword - 1];
    for (size_t k = 1; k < e->nphrase; k++)
        if (e->phrase[k].nword == 1 && strcmp(e->phrase[k].word[0], last) == 0)
            return 1;
    return 0;
}

static const actor_entry *person_in_dict(qctx *c, uint32_t a, uint32_t b)
{
    const dyad_dict *d = c->coder->dict;
    for (uint32_t i = a; i < b; i++) {
        uint32_t e, n = actor_at(c, &c->coder->ix.actors, i, b, &e);
        if (n && i + n == b && person_entry(&d->actors.v[e]))
            return &d->actors.v[e];
    }
    return NULL;
}

static int same_word(const token *x, const token *y)
{
    return x->norm_len == y->norm_len && memcmp(x->norm, y->norm, x->norm_len) == 0;
}

static int gender_of(qctx *c, uint32_t ctx, uint32_t a, uint32_t b)
{
    for (uint32_t i = ctx; i < b; i++) {
        if (word_in_bits(&c->tok[i], LX_FEMALE))
            return 2;
        if (word_in_bits(&c->tok[i], LX_MALE))
            return 1;
        if (i == a)
            break;  /* a first name decides, later words do not */
    }
    return 0;
}

static const token *last_name(const qctx *c, const person *p) { return &c->tok[p->b - 1]; }

/* The slot of last name t: the one that holds it, or the empty one where it
 * would go. */
static size_t name_slot(const qctx *c, const person_list *l, const token *t)
{
    size_t mask = l->nslot - 1, i = strmap_hash(t->norm, t->norm_len) & mask;
    while (l->slot[i] && !same_word(last_name(c, &l->v[l->slot[i] - 1]), t))
        i = (i + 1) & mask;
    return i;
}

/* The first person with last name t, or -1. */
static long name_first(const qctx *c, const person_list *l, const token *t)
{
    if (!l->nslot)
        return -1;
    uint32_t k = l->slot[name_slot(c, l, t)];
    return k ? (long)k - 1 : -1;
}

/* Append p and index its last name. */
static int person_push(qctx *c, person_list *l, const person *p)
{
    person *v = arena_grow(c->mem, l->v, l->n, &l->cap, sizeof *v, 32);
    if (!v)
        return -1;
    l->v = v;
    uint32_t k = (uint32_t)l->n++;
    person *q = &l->v[k];
    *q = *p;
    long first = name_first(c, l, last_name(c, q));
    if (first >= 0) {
        person *f = &l->v[first];
        q->first = (uint32_t)first;
        if (q->gender)
            f->last_gender = q->gender;
        if (q->b - q->a > l->v[f->longest].b - l->v[f->longest].a)
            f->longest = k;
        return 0;
    }
    q->first = q->longest = k;
    q->last_gender = q->gender;
    if (2 * (l->nname + 1) > l->nslot) {
        size_t ns = l->nslot ? 2 * l->nslot : 64;
        uint32_t *old = l->slot;
        size_t on = l->nslot;
        if (!(l->slot = arena_calloc(c->mem, ns, sizeof *l->slot)))
            return -1;
        l->nslot = ns;
        for (size_t i = 0; i < on; i++)
            if (old[i])
                l->slot[name_slot(c, l, last_name(c, &l->v[old[i] - 1]))] = old[i];
    }
    l->slot[name_slot(c, l, last_name(c, q))] = k + 1;
    l->nname++;
    return 0;
}

/* People named in the document, in order, outside quotations.  A run of
 * capitalised words is a person when a title or role comes before its name,
 * when it starts with a known first name, when a person with the same last
 * name came before, when it speaks a quotation, or when the actor dictionary
 * knows it as a person. */
static int find_persons(qctx *c, const uint8_t *speaks, person_list *out)
{
    for (uint32_t i = 0; i < c->ntok;) {
        if (c->inq[i] || !is_cap(&c->tok[i])) {
            i++;
            continue;
        }
        uint32_t a = i, b = i;
        while (b < c->ntok && !c->inq[b] && is_cap(&c->tok[b]) && b - a < 8)
            b++;
        i = b;
        uint32_t r = a;
        if ((a == sent_first(c, a) && ((wflags(c, a) & LX_STOP) ||
                                        cue_at(c, a, b) || ends_ing(&c->tok[a]))) ||
            norm_is(&c->tok[a], "the") || norm_is(&c->tok[a], "a") || norm_is(&c->tok[a], "an"))
            r = ++a;
        int titled = 0;
        for (uint32_t k = a; k < b; k++)
            if (wflags(c, k) & LX_TITLE) {
                r = k + 1;
                titled = 1;
            }
        if (r >= b)
            continue;
        uint32_t ctx = a;
        if (a > 0 && (c->tok[a - 1].flags & TOK_WORD) && !(c->tok[a - 1].flags & TOK_CAPITAL) &&
            word_in_bits(&c->tok[a - 1], LX_ROLE | LX_TITLE)) {
            titled = 1;
            ctx = a - 1;
            while (ctx > 0 && ctx + 3 > a && np_tok(c, ctx - 1))
                ctx--;
        }
        int is = titled || speaks[r] || (b - r >= 2 && word_in_bits(&c->tok[r], LX_MALE)) ||
                 (b - r >= 2 && word_in_bits(&c->tok[r], LX_FEMALE));
        long same = name_first(c, out, &c->tok[b - 1]);
        if (same >= 0)
            is = 1;
        if (!is && person_in_dict(c, r, b))
            is = 1;
        if (!is)
            continue;
        person p = {r, b, ctx, gender_of(c, ctx, r, b), 0, 0, 0};
        if (p.gender == 0) {
            const actor_entry *e = person_in_dict(c, r, b);
            if (e && (lex_bits(e->phrase[0].word[0], strlen(e->phrase[0].word[0])) & LX_FEMALE))
                p.gender = 2;
            else if (e && (lex_bits(e->phrase[0].word[0], strlen(e->phrase[0].word[0])) & LX_MALE))
                p.gender = 1;
        }
        if (p.gender == 0 && same >= 0)
            p.gender = out->v[same].last_gender;
        if (person_push(c, out, &p))
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- codes */

static const char *code_on(const actor_entry *e, int32_t date)
{
    const char *dflt = NULL;
    for (size_t i = 0; i < e->ncode; i++) {
        const actor_code *ac = &e->code[i];
        if (!ac->restricted) {
            if (!dflt)
                dflt = ac->code;
        } else if (date && date >= ac->lo && date <= ac->hi) {
            return ac->code;
        }
    }
    if (dflt)
        return dflt;
    return e->ncode ? e->code[0].code : "---";
}

/* The actor code of tokens [a, b): the first actor (its first code when it
 * lists several "A/B"), with every agent composed in when with_agents.
 * NULL when nothing is coded there. */
static const char *code_span(qctx *c, uint32_t a, uint32_t b, int with_agents)
{
    const dyad_dict *d = c->coder->dict;
    const actor_entry *actor = NULL;
    const agent_entry *ag[8];
    int nag = 0;
    for (uint32_t i = a; i < b;) {
        uint32_t e, n = actor_at(c, &c->coder->ix.actors, i, b, &e);
        uint32_t ge, gn = with_agents ? actor_at(c, &c->coder->ix.agents, i, b, &ge) : 0;
        if (n && n >= gn) {
            if (!actor)
                actor = &d->actors.v[e];
            i += n;
        } else if (gn) {
            if (nag < 8)
                ag[nag++] = &d->agents.v[ge];
            i += gn;
        } else {
            i++;
        }
    }
    if (!actor && !nag)
        return NULL;
    const char *base = actor ? code_on(actor, c->date) : "---";
    size_t bl = strcspn(base, "/");
    char cb[64];
    if (bl >= sizeof cb)
        bl = sizeof cb - 1;
    memcpy(cb, base, bl);
    cb[bl] = '\0';
    for (int k = 0; k < nag; k++) {
        const char *x = ag[k]->code;
        size_t xl = strlen(x), len = strlen(cb);
        int has = 0;
        if (strcmp(cb, "---") != 0)
            for (size_t off = 0; off + xl <= len; off += 3)
                if (memcmp(cb + off, x, xl) == 0)
                    has = 1;
        if (has || xl == 0 || len + xl >= sizeof cb)
            continue;
        if (ag[k]->prefix) {
            memmove(cb + xl, cb, len + 1);
            memcpy(cb, x, xl);
        } else {
            memcpy(cb + len, x, xl + 1);
        }
    }
    return arena_strdup(c->mem, cb);
}

/* ---------------------------------------------------------------- names */

static char *tokens_text(qctx *c, uint32_t a, uint32_t b)
{
    if (a >= b)
        return arena_strdup(c->mem, "");
    uint32_t s = c->tok[a].start, e = c->tok[b - 1].end;
    return arena_strndup(c->mem, c->text + s, e - s);
}

/* "barack obama" -> "Barack Obama". */
static char *title_case(qctx *c, const phrase *ph)
{
    size_t len = 0;
    for (uint16_t k = 0; k < ph->nword; k++)
        len += strlen(ph->word[k]) + 1;
    char *out = arena_alloc(c->mem, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (uint16_t k = 0; k < ph->nword; k++) {
        if (k)
            out[o++] = ' ';
        int up = 1;
        for (const char *w = ph->word[k]; *w; w++) {
            char ch = *w;
            if (up && ch >= 'a' && ch <= 'z')
                ch = (char)(ch - 'a' + 'A');
            up = ch == '-' || ch == '.' || ch == '\'';
            out[o++] = ch;
        }
    }
    out[o] = '\0';
    return out;
}

/* The person named by [a, b) if it is one: the index in persons, or -1. */
static long person_index(const person_list *pl, uint32_t a, uint32_t b)
{
    /* people come in order and do not overlap: the first at or after a */
    size_t lo = 0, hi = pl->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pl->v[mid].a < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < pl->n && pl->v[lo].b <= b ? (long)lo : -1;
}

/* The fullest name of person k: the longest mention with the same last name,
 * or the dictionary's full name when the document never gives more than one word. */
static const char *full_name(qctx *c, const person_list *pl, size_t k, const char **code)
{
    const person *p = &pl->v[k];
    const person *f = &pl->v[pl->v[p->first].longest];
    if (f->b - f->a <= p->b - p->a)
        f = p;
    *code = code_span(c, f->a, f->b, 0);
    if (!*code)
        *code = code_span(c, f->ctx, f->b, 1);
    const actor_entry *e = f->b - f->a == 1 ? person_in_dict(c, f->a, f->b) : NULL;
    if (e)
        return title_case(c, &e->phrase[0]);
    return tokens_text(c, f->a, f->b);
}

/* The name inside a speaker phrase: its last run of capitalised words, after
 * any title, at the end of the phrase (the head), not after "of"/"to" unless a
 * title went first ("Secretary of State John Kerry"). */
static int name_in(qctx *c, span sp, span *name)
{
    uint32_t b = sp.b;
    if (b == sp.a || !is_cap(&c->tok[b - 1]))
        return 0;
    uint32_t a = b;
    while (a > sp.a && is_cap(&c->tok[a - 1]))
        a--;
    uint32_t r = a;
    int titled = 0;
    for (uint32_t k = a; k < b; k++)
        if (word_in_bits(&c->tok[k], LX_TITLE)) {
            r = k + 1;
            titled = 1;
        }
    if (r >= b)
        return 0;
    if (a > sp.a && np_link(c, a - 1, b) && !titled)
        return 0;
    name->a = r;
    name->b = b;
    return 1;
}

/* ----------------------------------------------------------------- main */

int quotes_find(const dyad_coder *coder, const text_doc *td, const char *text, int32_t date,
                arena *mem, quote_rec **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (td->ntok == 0 || td->ntok >= UINT32_MAX)
        return 0;
    qctx c = {coder, td, text, date, mem, td->tok, (uint32_t)td->ntok, NULL, NULL, NULL, NULL, 0};
    size_t n = td->ntok;
    c.sent_of = arena_alloc(mem, n * sizeof *c.sent_of);
    c.inq = arena_calloc(mem, n, 1);
    c.id = arena_alloc(mem, n * sizeof *c.id);
    c.wf = arena_calloc(mem, n, sizeof *c.wf);
    uint8_t *speaks = arena_calloc(mem, n + 1, 1);
    if (!c.sent_of || !c.inq || !c.id || !c.wf || !speaks)
        return -1;
    memset(c.id, 0xff, n * sizeof *c.id);
    for (size_t s = 0; s < td->nsent; s++)
        for (uint32_t k = 0; k < td->sent[s].ntoken; k++)
            c.sent_of[td->sent[s].first_token + k] = (uint32_t)s;

    piece_list pl = {0};
    if (pair_marks(&c, &pl))
        return -1;
    if (pl.n == 0)
        return 0;

    /* attributions */
    int last_attr = -1;
    for (size_t k = 0; k < pl.n; k++) {
        piece *p = &pl.v[k];
        if (p->close != QUOTE_NONE)
            after_mark(&c, p->open, p->close, 0, &p->at);
        if (!p->at.found)
            before_mark(&c, p->open, &p->at);
        if (!p->at.found && p->close != QUOTE_NONE)
            after_mark(&c, p->open, p->close, 1, &p->at);
        if (!p->at.found && !p->cont)
            sentence_before(&c, p->open, &p->at);
        if (!p->at.found && p->words < 4)
            as_mark(&c, p->open, &p->at);
        if (p->at.found)
            subject_for_pronoun(&c, &p->at);
        if (!p->at.found && p->open + 2 <= p->last &&
            (c.tok[p->open + 1].flags & TOK_ALLCAPS) && norm_is(&c.tok[p->open + 2], ":")) {
            /* a transcript: "PENCE: Well, look, ..." */
            p->at.sp.a = p->open + 1;
            p->at.sp.b = p->open + 2;
            p->at.cue = p->open + 2;
            p->at.ncue = 1;
            p->at.found = 1;
        }
        if (!p->at.found && !p->single && last_attr >= 0) {
            const piece *q = &pl.v[last_attr];
            uint32_t qs = c.sent_of[q->close != QUOTE_NONE ? q->close : q->last];
            uint32_t ps = c.sent_of[p->open];
            int prev_attr = k > 0 && (pl.v[k - 1].at.found);
            if ((p->cont && prev_attr) || (!p->cont && ps <= qs + 2 && (int)k == last_attr + 1))
                p->from = last_attr;
        }
        if (p->at.found)
            last_attr = (int)k;
        else if (p->from >= 0)
            last_attr = (int)k, p->at = pl.v[p->from].at;
        span nm;
        if (p->at.found && name_in(&c, p->at.sp, &nm))
            speaks[nm.a] = 1;
    }

    person_list persons = {0};
    if (find_persons(&c, speaks, &persons))
        return -1;

    quote_rec *v = arena_alloc(mem, pl.n * sizeof *v);
    if (!v)
        return -1;
    size_t nv = 0;
    char country[4] = "";
    for (size_t k = 0; k < pl.n; k++) {
        piece *p = &pl.v[k];
        int direct = p->at.found && p->from < 0;
        if (p->single && (!direct || p->words < 4))
            continue;
        if (is_title(&c, p))
            continue;
        if (p->words < 4 && !direct)
            continue;
        if (p->words == 0)
            continue;
        if (c.tok[p->open].start > 0 && text[c.tok[p->open].start - 1] == '=')
            continue;  /* a markup attribute value: <tweet author="…"> */
        quote_rec *q = &v[nv];
        memset(q, 0, sizeof *q);
        q->start = c.tok[p->open].end;
        q->end = p->close != QUOTE_NONE ? c.tok[p->close].start : c.tok[p->last].end;
        while (q->start < q->end && (text[q->start] == ' ' || text[q->start] == '\t'))
            q->start++;
        q->sentence = c.sent_of[p->open];
        q->inherited = p->from >= 0;
        q->sp_start = q->sp_end = QUOTE_NONE;
        q->speaker_text = q->speaker = q->cue = "";
        q->speaker_code = "---";
        if (p->at.found) {
            span sp = p->at.sp;
            q->sp_start = c.tok[sp.a].start;
            q->sp_end = c.tok[sp.b - 1].end;
            q->speaker_text = tokens_text(&c, sp.a, sp.b);
            q->cue = tokens_text(&c, p->at.cue, p->at.cue + p->at.ncue);
            if (!q->speaker_text || !q->cue)
                return -1;
            for (char *w = (char *)q->cue; *w; w++)
                if (*w >= 'A' && *w <= 'Z')
                    *w = (char)(*w - 'A' + 'a');
            const char *code = NULL, *name = NULL;
            span nm;
            long pi = -1;
            if (sp.b - sp.a == 1 && is_pron(&c.tok[sp.a])) {
                const token *t = &c.tok[sp.a];
                int want = (norm_is(t, "he") || norm_is(t, "him")) ? 1
                           : (norm_is(t, "she") || norm_is(t, "her")) ? 2 : -1;
                long unknown = -1;
                uint32_t here = c.sent_of[sp.a];
                /* from the last person named before the pronoun, back */
                long before = person_index(&persons, sp.a, UINT32_MAX);
                for (size_t j = before < 0 ? persons.n : (size_t)before; want > 0 && j-- > 0;) {
                    const person *r = &persons.v[j];
                    if (r->gender == want) {
                        pi = (long)j;
                        break;
                    }
                    if (r->gender == 0 && unknown < 0)
                        unknown = (long)j;
                    if (c.sent_of[r->a] + 5 < here)
                        break;
                }
                if (pi < 0)
                    pi = unknown;
            } else if (name_in(&c, sp, &nm)) {
                pi = person_index(&persons, nm.a, nm.b);
            }
            if (pi >= 0) {
                name = full_name(&c, &persons, (size_t)pi, &code);
            } else {
                uint32_t a = sp.a;
                while (a + 1 < sp.b && (c.tok[a].flags & TOK_WORD) &&
                       (norm_is(&c.tok[a], "the") || norm_is(&c.tok[a], "a") ||
                        norm_is(&c.tok[a], "an")))
                    a++;
                name = tokens_text(&c, a, sp.b);
                code = code_span(&c, sp.a, sp.b, 1);
                /* an unnamed official of a named institution ("State Department
                 * officials") belongs to the country of the speakers around */
                int institution = 0;
                for (uint32_t i = sp.a; i < sp.b; i++)
                    institution |= is_cap(&c.tok[i]) != 0;
                if (code && institution && strncmp(code, "---", 3) == 0 && country[0]) {
                    char *cc = arena_alloc(mem, strlen(code) + 1);
                    if (!cc)
                        return -1;
                    memcpy(cc, country, 3);
                    strcpy(cc + 3, code + 3);
                    code = cc;
                }
            }
            if (code && strlen(code) >= 3 && strncmp(code, "---", 3) != 0)
                memcpy(country, code, 3);
            if (!name)
                return -1;
            q->speaker = name;
            if (code)
                q->speaker_code = code;
        }
        nv++;
    }
    *out = v;
    *nout = nv;
    return 0;
}

/* ------------------------------------------------------------ public API */

struct dyad_quotes {
    arena mem;
    dyad_quote *q;
    size_t n;
};

dyad_quotes *dyad_quotes_doc(const dyad_coder *coder, const dyad_doc *doc,
                             const dyad_options *opts, dyad_error *err)
{
    (void)opts;  /* no option changes what counts as a quotation */
    if (!coder || !doc) {
        doc_error(err, DYAD_EUSAGE, doc, -1, "no coder or no document");
        return NULL;
    }
    dyad_quotes *r = calloc(1, sizeof *r);
    if (!r) {
        doc_error(err, DYAD_ENOMEM, doc, -1, "out of memory");
        return NULL;
    }
    arena_init(&r->mem, 1 << 16);
    text_doc td;
    dyad_error terr = {0};
    int mode = doc->one_sentence ? TEXT_ONE_SENTENCE : TEXT_SPLIT;
    dyad_status st = text_prepare(&r->mem, doc->text, doc->len, mode, &td, &terr);
    if (st != DYAD_OK) {
        doc_error(err, st, doc, terr.position, st == DYAD_ENOMEM ? "out of memory" : terr.message);
        dyad_quotes_free(r);
        return NULL;
    }
    quote_rec *v;
    size_t n;
    if (quotes_find(coder, &td, doc->text, doc_date_int(doc->date), &r->mem, &v, &n))
        goto oom;
    r->q = arena_alloc(&r->mem, (n ? n : 1) * sizeof *r->q);
    const char *id = arena_strdup(&r->mem, doc->id ? doc->id : "");
    if (!r->q || !id)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        const quote_rec *s = &v[i];
        dyad_quote *o = &r->q[i];
        char qid[24];
        snprintf(qid, sizeof qid, "q%zu", i + 1);
        o->doc = id;
        o->id = arena_strdup(&r->mem, qid);
        o->quote = arena_strndup(&r->mem, doc->text + s->start, s->end - s->start);
        if (!o->id || !o->quote)
            goto oom;
        o->start = s->start;
        o->end = s->end;
        o->speaker_text = s->speaker_text;
        o->speaker_start = s->sp_start == QUOTE_NONE ? -1 : (long long)s->sp_start;
        o->speaker_end = s->sp_end == QUOTE_NONE ? -1 : (long long)s->sp_end;
        o->speaker = s->speaker;
        o->speaker_code = s->speaker_code;
        o->cue = s->cue;
        o->sentence = (int)s->sentence + 1;
        o->continues = s->inherited;
    }
    r->n = n;
    return r;
oom:
    doc_error(err, DYAD_ENOMEM, doc, -1, "out of memory");
    dyad_quotes_free(r);
    return NULL;
}

void dyad_quotes_free(dyad_quotes *q)
{
    if (!q)
        return;
    arena_free(&q->mem);
    free(q);
}

size_t dyad_quotes_count(const dyad_quotes *q)
{
    return q ? q->n : 0;
}

const dyad_quote *dyad_quotes_get(const dyad_quotes *q, size_t i)
{
    return q && i < q->n ? &q->q[i] : NULL;
}

const char *dyad_quotes_id_at(const dyad_quotes *q, long long start, long long end)
{
    if (!q)
        return NULL;
    for (size_t i = 0; i < q->n; i++)
        if (start >= q->q[i].start && end <= q->q[i].end && start < end)
            return q->q[i].id;
    return NULL;
}

static void json_str(buf *b, const char *key, const char *s)
{
    buf_printf(b, ",\"%s\":\"", key);
    buf_json_escape(b, s, strlen(s));
    buf_putc(b, '"');
}

dyad_status dyad_quotes_write(const dyad_quotes *q, dyad_sink_fn sink, void *ud)
{
    if (!q || q->n == 0)
        return DYAD_OK;
    buf b = BUF_INIT;
    for (size_t i = 0; i < q->n; i++) {
        const dyad_quote *o = &q->q[i];
        buf_puts(&b, "{\"doc\":\"");
        buf_json_escape(&b, o->doc, strlen(o->doc));
        buf_putc(&b, '"');
        json_str(&b, "id", o->id);
        json_str(&b, "quote", o->quote);
        buf_printf(&b, ",\"start\":%lld,\"end\":%lld", o->start, o->end);
        json_str(&b, "speaker_text", o->speaker_text);
        buf_printf(&b, ",\"speaker_start\":%lld,\"speaker_end\":%lld", o->speaker_start,
                   o->speaker_end);
        json_str(&b, "speaker", o->speaker);
        json_str(&b, "speaker_code", o->speaker_code);
        json_str(&b, "cue", o->cue);
        buf_printf(&b, ",\"sentence\":%d,\"continues\":%s}\n", o->sentence,
                   o->continues ? "true" : "false");
    }
    dyad_status st = DYAD_OK;
    if (b.failed)
        st = DYAD_ENOMEM;
    else if (sink(ud, b.data, b.len) != 0)
        st = DYAD_EIO;
    buf_free(&b);
    return st;
}
