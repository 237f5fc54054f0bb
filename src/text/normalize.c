/* normalize.c: UTF-8 validation, character classes and the matching form.
 *
 * Stage two of the pipeline, first step: every other part of src/text/ sees
 * only validated UTF-8 and asks here what a character is.  The matching form
 * (token.norm, text_norm) lowers ASCII by table and calls utf8proc only for
 * tokens that still hold non-ASCII after the quotes and dashes are folded. */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text_internal.h"

static void set_error(dyad_error *err, const char *message, size_t position)
{
    if (!err)
        return;
    err->status = DYAD_EDOC;
    snprintf(err->message, sizeof err->message, "%s", message);
    err->position = (long long)position;
}

dyad_status text_validate(const char *s, size_t len, dyad_error *err)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        if (c == 0) {
            set_error(err, "NUL byte", i);
            return DYAD_EDOC;
        }
        utf8proc_int32_t cp;
        size_t left = len - i;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, left > 4 ? 4 : (utf8proc_ssize_t)left, &cp);
        if (n < 0) {
            set_error(err, "invalid UTF-8", i);
            return DYAD_EDOC;
        }
        i += (size_t)n;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------ classes */

int text_class_of(int32_t cp)
{
    if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return TC_LETTER;
        if (cp >= '0' && cp <= '9')
            return TC_DIGIT;
        switch (cp) {
        case ' ': case '\t':
        case '_':  /* joins the words of a name in PETRARCH texts: "Dol_Amroth" */
            return TC_SPACE;
        case '\n': case '\r': case '\v': case '\f':
            return TC_BREAK;
        case '\'': return TC_APOS;
        case '"': return TC_DQUOTE;
        case '-': return TC_HYPHEN;
        case '.': return TC_PERIOD;
        case '(': case '[': case '{': return TC_OPEN;
        case ')': case ']': case '}': return TC_CLOSE;
        default:
            return cp < 0x20 || cp == 0x7F ? TC_SPACE : TC_PUNCT;
        }
    }
    switch (cp) {
    case 0x0085: case 0x2028: case 0x2029:
        return TC_BREAK;
    case 0x00A0: case 0x200B: case 0x2060: case 0xFEFF: case 0x180E:
        return TC_SPACE;
    case 0x00AD: case 0x200C: case 0x200D:
        return TC_JOINER;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x2039: case 0x203A:
        return TC_APOS;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
        return TC_DQUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2212:
        return TC_HYPHEN;
    case 0x2013: case 0x2014: case 0x2015:
        return TC_DASH;
    case 0x2026:
        return TC_ELLIPSIS;
    default:
        break;
    }
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    if (prop->ignorable)    /* the matching form drops it (UTF8PROC_IGNORE) */
        return TC_JOINER;
    switch (prop->category) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return TC_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return TC_DIGIT;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return TC_MARK;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN:
        return TC_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return TC_BREAK;
    case UTF8PROC_CATEGORY_PS:
        return TC_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return TC_CLOSE;
    case UTF8PROC_CATEGORY_PD:
        return TC_DASH;
    default:
        return TC_PUNCT;
    }
}

int text_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int text_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int text_quote_dir(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x201A: case 0x201B: case 0x2039:
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB:
        return QUOTE_OPENS;
    case 0x201D: case 0x203A: case 0x00BB:
        return QUOTE_CLOSES;
    default:
        return QUOTE_AMBIGUOUS;    /* ' " primes, and U+2019, which is also the apostrophe */
    }
}

/* ------------------------------------------------------ matching form */

#define POOL_CHUNK 16384

static char *pool_reserve(norm_pool *np, size_t n)
{
    if (np->left >= n)
        return np->p;
    size_t size = np->exact || n > POOL_CHUNK / 4 ? n : POOL_CHUNK;
    char *p = arena_alloc(np->a, size);
    if (!p)
        return NULL;
    np->p = p;
    np->left = size;
    return p;
}

static void pool_commit(norm_pool *np, size_t n)
{
    np->p += n;
    np->left -= n;
}

const char *text_pool_str(norm_pool *np, const char *s, size_t len)
{
    char *p = pool_reserve(np, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    pool_commit(np, len + 1);
    return p;
}

/* The one-character folds of the matching form, to ASCII. */
static const char *fold_punct(int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
        return "-";
    case 0x2026:
        return "...";
    default:
        return NULL;
    }
}

#define NORM_OPTIONS \
    (UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_IGNORE)

const char *text_fold(norm_pool *np, const char *s, size_t len, uint32_t *out_len)
{
    if (len > SIZE_MAX / 4 - 2)
        return NULL;
    /* Pass one writes the folded bytes; they are never longer than the input. */
    char *dst = pool_reserve(np, len + 1);
    if (!dst)
        return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0, i = 0;
    int nonascii = 0, pending_space = 0;
    while (i < len) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
                pending_space = n > 0;
                i++;
                continue;
            }
            if (pending_space) {
                dst[n++] = ' ';
                pending_space = 0;
            }
            dst[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        unsigned k = text_decode(u, len, i, &cp);
        int cls = text_class_of(cp);
        if (cls == TC_SPACE || cls == TC_BREAK) {
            pending_space = n > 0;
            i += k;
            continue;
        }
        if (cls == TC_JOINER) {     /* ignorable: utf8proc would drop it too */
            i += k;
            continue;
        }
        if (pending_space) {
            dst[n++] = ' ';
            pending_space = 0;
        }
        const char *f = fold_punct(cp);
        if (f) {
            size_t fl = strlen(f);
            memcpy(dst + n, f, fl);
            n += fl;
        } else {
            memcpy(dst + n, s + i, k);
            n += k;
            nonascii = 1;
        }
        i += k;
    }
    if (!nonascii) {
        dst[n] = '\0';
        pool_commit(np, n + 1);
        *out_len = (uint32_t)n;
        return dst;
    }

    /* Pass two: NFC and case folding by utf8proc, into a code point buffer
     * that utf8proc_reencode turns into UTF-8 in place (it needs one byte
     * past 4 per code point for its NUL). */
    utf8proc_int32_t stack[256];
    utf8proc_int32_t *cps = stack;
    size_t cap = sizeof stack / sizeof stack[0] - 1;
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)dst, (utf8proc_ssize_t)n,
                                            cps, (utf8proc_ssize_t)cap, NORM_OPTIONS);
    if (m < 0)
        return NULL;
    if ((size_t)m > cap) {
        if ((size_t)m > SIZE_MAX / sizeof *cps - 1)
            return NULL;
        cap = (size_t)m;
        cps = arena_alloc(np->a, (cap + 1) * sizeof *cps);
        if (!cps)
            return NULL;
        m = utf8proc_decompose((const utf8proc_uint8_t *)dst, (utf8proc_ssize_t)n, cps,
                               (utf8proc_ssize_t)cap, NORM_OPTIONS);
        if (m < 0 || (size_t)m > cap)
            return NULL;
    }
    utf8proc_ssize_t bytes = utf8proc_reencode(cps, m, NORM_OPTIONS);
    if (bytes < 0)
        return NULL;
    char *out = pool_reserve(np, (size_t)bytes + 1);
    if (!out)
        return NULL;
    memcpy(out, cps, (size_t)bytes);
    out[bytes] = '\0';
    pool_commit(np, (size_t)bytes + 1);
    *out_len = (uint32_t)bytes;
    return out;
}

char *text_norm(arena *a, const char *s, size_t len)
{
    if (!s || text_validate(s, len, NULL) != DYAD_OK)
        return NULL;
    norm_pool np = {a, NULL, 0, 1};
    uint32_t n;
    const char *norm = text_fold(&np, s, len, &n);
    return (char *)norm;
}
