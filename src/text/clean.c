/* clean.c: recognise the lines of a scraped web page that are not article
 * text (buttons, photo credits, bylines, date stamps, copyright notices).
 *
 * Stage two of the pipeline, before sentence splitting (TEXT_SPLIT only).
 * The knowledge is a table of patterns; the code only says how each kind of
 * pattern is matched.  A pattern never drops a line longer than its word
 * limit, so that real sentences that happen to start alike survive. */
#include <string.h>

#include "text/text_internal.h"

enum rule_kind {
    R_LINE,     /* the whole line, trailing ":" "." "»" ignored */
    R_PREFIX,   /* the line starts with it */
    R_CONTAINS, /* the line contains it */
    R_CREDIT,   /* the line ends with a parenthesis whose content starts with it */
    R_BUTTON,   /* a word that, alone or with other buttons, makes a line of buttons */
    R_DATE      /* a word that, with numbers, makes a date or time stamp */
};

typedef struct rule {
    uint8_t kind;
    uint8_t max_words;  /* R_PREFIX / R_CONTAINS: longer lines are kept */
    const char *text;   /* lower case */
} rule;

static const rule rules[] = {
    /* page furniture */
    {R_LINE, 0, "font size"}, {R_LINE, 0, "text size"}, {R_LINE, 0, "a a a"},
    {R_LINE, 0, "advertisement"}, {R_LINE, 0, "advertisements"}, {R_LINE, 0, "sponsored"},
    {R_LINE, 0, "sponsored content"}, {R_LINE, 0, "read more"}, {R_LINE, 0, "more"},
    {R_LINE, 0, "related"}, {R_LINE, 0, "related articles"}, {R_LINE, 0, "related stories"},
    {R_LINE, 0, "related content"}, {R_LINE, 0, "recommended"}, {R_LINE, 0, "trending"},
    {R_LINE, 0, "continue reading"}, {R_LINE, 0, "continue reading below"},
    {R_LINE, 0, "story continues below"}, {R_LINE, 0, "skip to content"},
    {R_LINE, 0, "view comments"}, {R_LINE, 0, "show comments"}, {R_LINE, 0, "leave a comment"},
    {R_LINE, 0, "listen"}, {R_LINE, 0, "listen to this article"}, {R_LINE, 0, "loading"},
    {R_LINE, 0, "loading..."}, {R_LINE, 0, "menu"}, {R_LINE, 0, "search"},
    {R_LINE, 0, "close"}, {R_LINE, 0, "sign in"}, {R_LINE, 0, "log in"},
    {R_LINE, 0, "subscribe"}, {R_LINE, 0, "reprints"}, {R_LINE, 0, "video"},
    {R_LINE, 0, "photos"}, {R_LINE, 0, "gallery"}, {R_LINE, 0, "watch"},
    {R_LINE, 0, "print this page"}, {R_LINE, 0, "print this article"},
    {R_LINE, 0, "email this article"}, {R_LINE, 0, "share this article"},
    {R_LINE, 0, "share this story"}, {R_LINE, 0, "share this page"},
    {R_LINE, 0, "image"}, {R_LINE, 0, "photo"}, {R_LINE, 0, "file photo"},
    /* links and calls to action */
    {R_PREFIX, 30, "click here"}, {R_PREFIX, 30, "read more:"}, {R_PREFIX, 30, "read more at"},
    {R_PREFIX, 30, "read more about"}, {R_PREFIX, 30, "related:"}, {R_PREFIX, 30, "see also:"},
    {R_PREFIX, 30, "more:"}, {R_PREFIX, 30, "recommended:"}, {R_PREFIX, 30, "also read:"},
    {R_PREFIX, 30, "also see:"}, {R_PREFIX, 30, "watch:"}, {R_PREFIX, 30, "video:"},
    {R_PREFIX, 12, "follow us"}, {R_PREFIX, 20, "follow @"}, {R_PREFIX, 20, "sign up for"},
    {R_PREFIX, 20, "subscribe to"}, {R_PREFIX, 12, "share on"}, {R_PREFIX, 12, "share this"},
    {R_PREFIX, 12, "email this"}, {R_PREFIX, 12, "print this"},
    /* photo and image credits */
    {R_PREFIX, 25, "photo:"}, {R_PREFIX, 25, "photo by"}, {R_PREFIX, 25, "photo credit"},
    {R_PREFIX, 25, "image:"}, {R_PREFIX, 25, "image credit"}, {R_PREFIX, 25, "image via"},
    {R_PREFIX, 25, "credit:"}, {R_PREFIX, 25, "file photo"},
    {R_CONTAINS, 40, "getty images"}, {R_CONTAINS, 40, "ap photo/"}, {R_CONTAINS, 40, "(ap photo)"},
    {R_CREDIT, 0, "photo"}, {R_CREDIT, 0, "ap photo"}, {R_CREDIT, 0, "file photo"},
    {R_CREDIT, 0, "image"}, {R_CREDIT, 0, "credit"}, {R_CREDIT, 0, "getty"},
    {R_CREDIT, 0, "courtesy"}, {R_CREDIT, 0, "screenshot"}, {R_CREDIT, 0, "screengrab"},
    {R_CREDIT, 0, "screen grab"}, {R_CREDIT, 0, "reuters/"}, {R_CREDIT, 0, "afp/"},
    {R_CREDIT, 0, "epa/"}, {R_CREDIT, 0, "ap/"}, {R_CREDIT, 0, "video screenshot"},
    /* copyright */
    {R_PREFIX, 25, "\xc2\xa9"}, {R_PREFIX, 25, "copyright \xc2\xa9"}, {R_PREFIX, 25, "copyright (c)"},
    {R_PREFIX, 25, "copyright 19"}, {R_PREFIX, 25, "copyright 20"}, {R_PREFIX, 25, "(c) 19"},
    {R_PREFIX, 25, "(c) 20"}, {R_CONTAINS, 30, "all rights reserved"},
    /* share and social buttons */
    {R_BUTTON, 0, "share"}, {R_BUTTON, 0, "shares"}, {R_BUTTON, 0, "tweet"},
    {R_BUTTON, 0, "email"}, {R_BUTTON, 0, "e-mail"}, {R_BUTTON, 0, "print"},
    {R_BUTTON, 0, "facebook"}, {R_BUTTON, 0, "twitter"}, {R_BUTTON, 0, "linkedin"},
    {R_BUTTON, 0, "pinterest"}, {R_BUTTON, 0, "reddit"}, {R_BUTTON, 0, "whatsapp"},
    {R_BUTTON, 0, "google+"}, {R_BUTTON, 0, "pin"}, {R_BUTTON, 0, "it"},
    {R_BUTTON, 0, "comment"}, {R_BUTTON, 0, "comments"}, {R_BUTTON, 0, "save"},
    {R_BUTTON, 0, "flipboard"}, {R_BUTTON, 0, "sms"}, {R_BUTTON, 0, "messenger"},
    /* date and time stamps */
    {R_DATE, 0, "january"}, {R_DATE, 0, "february"}, {R_DATE, 0, "march"}, {R_DATE, 0, "april"},
    {R_DATE, 0, "may"}, {R_DATE, 0, "june"}, {R_DATE, 0, "july"}, {R_DATE, 0, "august"},
    {R_DATE, 0, "september"}, {R_DATE, 0, "october"}, {R_DATE, 0, "november"},
    {R_DATE, 0, "december"}, {R_DATE, 0, "jan"}, {R_DATE, 0, "feb"}, {R_DATE, 0, "mar"},
    {R_DATE, 0, "apr"}, {R_DATE, 0, "jun"}, {R_DATE, 0, "jul"}, {R_DATE, 0, "aug"},
    {R_DATE, 0, "sep"}, {R_DATE, 0, "sept"}, {R_DATE, 0, "oct"}, {R_DATE, 0, "nov"},
    {R_DATE, 0, "dec"}, {R_DATE, 0, "monday"}, {R_DATE, 0, "tuesday"}, {R_DATE, 0, "wednesday"},
    {R_DATE, 0, "thursday"}, {R_DATE, 0, "friday"}, {R_DATE, 0, "saturday"},
    {R_DATE, 0, "sunday"}, {R_DATE, 0, "mon"}, {R_DATE, 0, "tue"}, {R_DATE, 0, "tues"},
    {R_DATE, 0, "wed"}, {R_DATE, 0, "thu"}, {R_DATE, 0, "thurs"}, {R_DATE, 0, "fri"},
    {R_DATE, 0, "sat"}, {R_DATE, 0, "sun"}, {R_DATE, 0, "am"}, {R_DATE, 0, "pm"},
    {R_DATE, 0, "a.m"}, {R_DATE, 0, "p.m"}, {R_DATE, 0, "noon"}, {R_DATE, 0, "et"},
    {R_DATE, 0, "est"}, {R_DATE, 0, "edt"}, {R_DATE, 0, "ct"}, {R_DATE, 0, "cst"},
    {R_DATE, 0, "cdt"}, {R_DATE, 0, "pt"}, {R_DATE, 0, "pst"}, {R_DATE, 0, "pdt"},
    {R_DATE, 0, "mst"}, {R_DATE, 0, "mdt"}, {R_DATE, 0, "gmt"}, {R_DATE, 0, "utc"},
    {R_DATE, 0, "bst"}, {R_DATE, 0, "cet"}, {R_DATE, 0, "updated"}, {R_DATE, 0, "published"},
    {R_DATE, 0, "posted"}, {R_DATE, 0, "modified"}, {R_DATE, 0, "last"}, {R_DATE, 0, "on"},
    {R_DATE, 0, "at"}, {R_DATE, 0, "date"}, {R_DATE, 0, "time"},
};

#define NRULES (sizeof rules / sizeof rules[0])
#define LINE_MAX_KEY 512

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Lower-case ASCII copy of the line with white space runs (including NBSP)
 * made one blank and trimmed; non-ASCII bytes are kept. */
static size_t line_key(const char *line, size_t len, char *key, size_t cap)
{
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c == 0xC2 && i + 1 < len && (unsigned char)line[i + 1] == 0xA0) {
            space = n > 0;
            i++;
            continue;
        }
        if (is_ws(c)) {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < cap) {
            key[n++] = ' ';
            space = 0;
        }
        key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[n] = '\0';
    return n;
}

static size_t count_words(const char *key, size_t n)
{
    size_t words = n > 0;
    for (size_t i = 0; i < n; i++)
        words += key[i] == ' ';
    return words;
}

static int has_prefix(const char *key, size_t n, const char *p)
{
    size_t pl = strlen(p);
    return pl <= n && memcmp(key, p, pl) == 0;
}

static int contains(const char *key, size_t n, const char *p)
{
    size_t pl = strlen(p);
    for (size_t i = 0; i + pl <= n; i++)
        if (memcmp(key + i, p, pl) == 0)
            return 1;
    return 0;
}

/* The content of the parenthesis that ends the line, or NULL. */
static const char *final_parenthesis(const char *key, size_t n, size_t *plen)
{
    if (n < 2 || key[n - 1] != ')')
        return NULL;
    int depth = 0;
    for (size_t i = n; i-- > 0;) {
        if (key[i] == ')')
            depth++;
        else if (key[i] == '(' && --depth == 0) {
            *plen = n - 1 - (i + 1);
            return key + i + 1;
        }
    }
    return NULL;
}

static int rule_word(const char *w, size_t wl, int kind)
{
    for (size_t r = 0; r < NRULES; r++)
        if (rules[r].kind == kind && strlen(rules[r].text) == wl &&
            memcmp(rules[r].text, w, wl) == 0)
            return 1;
    return 0;
}

static int is_number_word(const char *w, size_t wl)
{
    size_t i = 0, digits = 0;
    while (i < wl && ((w[i] >= '0' && w[i] <= '9') || w[i] == ':' || w[i] == '/' ||
                      w[i] == '-' || w[i] == '.' || w[i] == ',')) {
        digits += w[i] >= '0' && w[i] <= '9';
        i++;
    }
    if (!digits)
        return 0;
    const char *rest = w + i;
    size_t rl = wl - i;
    return rl == 0 || (rl == 2 && (memcmp(rest, "am", 2) == 0 || memcmp(rest, "pm", 2) == 0 ||
                                   memcmp(rest, "st", 2) == 0 || memcmp(rest, "nd", 2) == 0 ||
                                   memcmp(rest, "rd", 2) == 0 || memcmp(rest, "th", 2) == 0));
}

/* Every word of the line is of `kind` (or a number, for dates). */
static int all_words(const char *key, size_t n, int kind)
{
    size_t i = 0, numbers = 0, words = 0;
    while (i < n) {
        while (i < n && key[i] == ' ')
            i++;
        size_t s = i;
        while (i < n && key[i] != ' ')
            i++;
        size_t e = i;
        while (s < e && strchr("|,.:;-()[]\xc2\xb7", key[s]))
            s++;
        while (e > s && strchr("|,.:;-()[]\xc2\xb7", key[e - 1]))
            e--;
        if (s == e)
            continue;
        words++;
        if (kind == R_DATE && is_number_word(key + s, e - s)) {
            numbers++;
            continue;
        }
        if (!rule_word(key + s, e - s, kind))
            return 0;
    }
    return words > 0 && (kind != R_DATE || (numbers > 0 && words <= 12));
}

/* "Patrick Goodenough | September 11, 2014 | 4:27am EDT": short fields
 * between bars, none of them a sentence. */
static int is_bar_byline(const char *key, size_t n)
{
    if (!memchr(key, '|', n))
        return 0;
    size_t s = 0;
    while (s <= n) {
        const char *bar = memchr(key + s, '|', n - s);
        size_t e = bar ? (size_t)(bar - key) : n;
        size_t a = s, b = e;
        while (a < b && key[a] == ' ')
            a++;
        while (b > a && key[b - 1] == ' ')
            b--;
        if (count_words(key + a, b - a) > 6)
            return 0;
        if (b > a && (key[b - 1] == '.' || key[b - 1] == '?' || key[b - 1] == '!') &&
            !(b - a >= 4 && (memcmp(key + b - 4, "a.m.", 4) == 0 ||
                             memcmp(key + b - 4, "p.m.", 4) == 0)))
            return 0;
        s = e + 1;
    }
    return 1;
}

/* "By Patrick Goodenough": "By " and a few capitalised names. */
static int is_by_byline(const char *line, size_t len, const char *key, size_t n)
{
    if (!has_prefix(key, n, "by ") || count_words(key, n) > 8)
        return 0;
    char last = key[n - 1];
    if (last == '.' || last == '?' || last == '!' || last == ':')
        return 0;
    size_t i = 0;
    while (i < len && is_ws((unsigned char)line[i]))
        i++;
    i += 2;
    while (i < len) {
        while (i < len && (is_ws((unsigned char)line[i]) || line[i] == ','))
            i++;
        if (i >= len)
            break;
        size_t s = i;
        while (i < len && !is_ws((unsigned char)line[i]) && line[i] != ',')
            i++;
        unsigned char c = (unsigned char)line[s];
        int lower = c >= 'a' && c <= 'z';
        if (lower && !((i - s == 3 && memcmp(line + s, "and", 3) == 0) ||
                       (i - s == 2 && memcmp(line + s, "of", 2) == 0)))
            return 0;
    }
    return 1;
}

int text_is_boilerplate(const char *line, size_t len)
{
    if (!line)
        return 0;
    char key[LINE_MAX_KEY];
    size_t n = line_key(line, len, key, sizeof key);
    if (n == 0)
        return 0;
    int whole = n + 1 < sizeof key;  /* the key holds the whole line */
    size_t words = whole ? count_words(key, n) : SIZE_MAX;

    size_t bare = n;    /* without a trailing ":" "." or "»" */
    while (bare > 0 && (key[bare - 1] == ':' || key[bare - 1] == '.' || key[bare - 1] == ' '))
        bare--;
    if (bare >= 2 && (unsigned char)key[bare - 2] == 0xC2 && (unsigned char)key[bare - 1] == 0xBB)
        bare -= 2;
    while (bare > 0 && key[bare - 1] == ' ')
        bare--;

    size_t plen = 0;
    const char *paren = whole ? final_parenthesis(key, n, &plen) : NULL;
    while (paren && plen > 0 && *paren == ' ') {
        paren++;
        plen--;
    }

    for (size_t r = 0; r < NRULES; r++) {
        const rule *ru = &rules[r];
        size_t tl = strlen(ru->text);
        switch (ru->kind) {
        case R_LINE:
            if (whole && tl == bare && memcmp(key, ru->text, tl) == 0)
                return 1;
            break;
        case R_PREFIX:
            if (words <= ru->max_words && has_prefix(key, n, ru->text))
                return 1;
            break;
        case R_CONTAINS:
            if (words <= ru->max_words && contains(key, n, ru->text))
                return 1;
            break;
        case R_CREDIT:
            if (paren && tl <= plen && memcmp(paren, ru->text, tl) == 0 &&
                (tl == plen || !((paren[tl] >= 'a' && paren[tl] <= 'z'))))
                return 1;
            break;
        default:
            break;
        }
    }
    if (!whole)
        return 0;
    return all_words(key, n, R_BUTTON) || all_words(key, n, R_DATE) ||
           is_bar_byline(key, n) || is_by_byline(line, len, key, n);
}

/* "mrc merch": a few lower-case words, no punctuation, at the very end. */
int text_is_trailing_junk(const char *line, size_t len)
{
    size_t words = 0, letters = 0;
    int in_word = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c >= 'a' && c <= 'z') {
            letters++;
            if (!in_word)
                words++;
            in_word = 1;
        } else if (is_ws(c)) {
            in_word = 0;
        } else {
            return 0;
        }
    }
    return words >= 1 && words <= 3 && letters >= 2;
}

/* A wire dateline opening a story: "WASHINGTON (AP) — ", "BEDFORD, N.H.
 * (AP) — ", "BEIRUT (Reuters) - ", "MOSCOW -- ".  The place is one to six
 * upper-case words; after commas may come a state abbreviation and a date
 * ("N.H.", "Ill.", "July 19", "Aug. 24"); a parenthesis of up to 40 bytes
 * may name the agency, then a dash with blanks around it.  Returns how many bytes of the
 * line it covers with the blanks after it (the whole line when nothing
 * follows), else 0.  The place is not an actor of the story: "WASHINGTON"
 * would otherwise be read as the U.S. government and the subject of the
 * sentence it opens. */
size_t text_dateline(const char *line, size_t len)
{
    const unsigned char *s = (const unsigned char *)line;
    size_t i = 0, words = 0, letters = 0;
    while (i < len && s[i] == ' ')
        i++;
    for (;;) {
        size_t b = i, caps = 0;
        while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '.' || s[i] == '\'' ||
                           (s[i] == '-' && i > b && i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '-'))) {
            if (s[i] >= 'A' && s[i] <= 'Z')
                caps++;
            i++;
        }
        if (caps == 0 || (i < len && s[i] >= 'a' && s[i] <= 'z') || ++words > 6)
            return 0;
        letters += caps;
        while (i < len && s[i] == ' ')
            i++;
        /* ", N.H.", ", Ill.", ", July 19", ", Aug. 24": up to two items
         * after commas, then the place is done */
        int after_comma = 0;
        for (int item = 0; item < 2 && i < len && s[i] == ','; item++) {
            i++;
            while (i < len && s[i] == ' ')
                i++;
            size_t a = i;
            while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
                               s[i] == '.'))
                i++;
            if (i == a || !(s[a] >= 'A' && s[a] <= 'Z') || i - a > 9)
                return 0;
            while (i < len && s[i] == ' ')
                i++;
            size_t d = i;
            while (i < len && s[i] >= '0' && s[i] <= '9' && i - d < 2)
                i++;
            if (i > d && i < len && s[i] >= '0' && s[i] <= '9')
                return 0;
            while (i < len && s[i] == ' ')
                i++;
            after_comma = 1;
        }
        if (after_comma || i >= len || !(s[i] >= 'A' && s[i] <= 'Z'))
            break;
    }
    if (letters < 3)
        return 0;
    if (i < len && s[i] == '(') {
        size_t close = i + 1;
        while (close < len && close - i <= 40 && s[close] != ')' && s[close] != '(')
            close++;
        if (close >= len || s[close] != ')')
            return 0;
        i = close + 1;
        while (i < len && s[i] == ' ')
            i++;
    }
    /* the dash: U+2014, U+2013, "--" or "-", with a blank before it */
    if (i == 0 || s[i - 1] != ' ')
        return 0;
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x94 || s[i + 2] == 0x93))
        i += 3;
    else if (i + 1 < len && s[i] == '-' && s[i + 1] == '-')
        i += 2;
    else if (i < len && s[i] == '-')
        i += 1;
    else
        return 0;
    if (i < len && s[i] != ' ')
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}
