/* model.c: the binary model file of the tagger, lemmatizer and parser.
 *
 * Layout (little-endian): an 8-byte magic, a u32 format version, a u32 zero,
 * the u64 payload length and the u64 FNV-1a checksum of the payload.  The
 * payload holds the tag and relation names, the ambiguity classes, the word
 * classes (version 2), the lemma
 * scripts and keys, and three weight tables (tagger passes 1 and 2, parser):
 * per feature its u64 key and u8 count - 1, then per weight a u8 class and an
 * int16 value with one scale per table.  The reader checks every length against the bytes left
 * before allocating, so a truncated or corrupted file is an error, never a
 * crash or a huge allocation. */
#include "syntax/syntax.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* ------------------------------------------------------------ u64map */

static int map_grow(u64map *m)
{
    size_t ns = m->nslot ? m->nslot * 2 : 64;
    uint64_t *k = calloc(ns, sizeof *k);
    uint32_t *v = calloc(ns, sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < m->nslot; i++) {
        if (!m->keys[i])
            continue;
        size_t s = (size_t)(m->keys[i] ^ (m->keys[i] >> 31)) & (ns - 1);
        while (k[s])
            s = (s + 1) & (ns - 1);
        k[s] = m->keys[i];
        v[s] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = v;
    m->nslot = ns;
    return 0;
}

int u64map_put(u64map *m, uint64_t key, uint32_t val)
{
    if (!key)
        key = 1;
    if ((m->n + 1) * 2 > m->nslot && map_grow(m) < 0)
        return -1;
    size_t mask = m->nslot - 1;
    size_t s = (size_t)(key ^ (key >> 31)) & mask;
    while (m->keys[s] && m->keys[s] != key)
        s = (s + 1) & mask;
    if (!m->keys[s]) {
        m->keys[s] = key;
        m->n++;
    }
    m->vals[s] = val;
    return 0;
}

int u64map_get(const u64map *m, uint64_t key, uint32_t *val)
{
    if (!m->nslot)
        return 0;
    if (!key)
        key = 1;
    size_t mask = m->nslot - 1;
    size_t s = (size_t)(key ^ (key >> 31)) & mask;
    while (m->keys[s]) {
        if (m->keys[s] == key) {
            *val = m->vals[s];
            return 1;
        }
        s = (s + 1) & mask;
    }
    return 0;
}

void u64map_free(u64map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------ writing */

uint64_t model_checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void put_u16(buf *b, uint16_t v)
{
    unsigned char c[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
    buf_append(b, (const char *)c, 2);
}

static void put_u32(buf *b, uint32_t v)
{
    unsigned char c[4];
    for (int i = 0; i < 4; i++)
        c[i] = (unsigned char)(v >> (8 * i));
    buf_append(b, (const char *)c, 4);
}

static void put_u64(buf *b, uint64_t v)
{
    unsigned char c[8];
    for (int i = 0; i < 8; i++)
        c[i] = (unsigned char)(v >> (8 * i));
    buf_append(b, (const char *)c, 8);
}

static void put_str(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (n > 65535)
        n = 65535;
    put_u16(b, (uint16_t)n);
    buf_append(b, s, n);
}

static void put_map(buf *b, const u64map *m)
{
    put_u32(b, (uint32_t)m->n);
    for (size_t i = 0; i < m->nslot; i++)
        if (m->keys[i]) {
            put_u64(b, m->keys[i]);
            put_u32(b, m->vals[i]);
        }
}

static void put_table(buf *b, const wtable *t)
{
    uint32_t sbits;
    memcpy(&sbits, &t->scale, 4);
    /* Features in slot order (those with weights: 1 to 256 of them, stored
     * as count - 1); their entries follow in the same order. */
    size_t nfeat = 0;
    for (size_t s = 0; s < t->nslot; s++)
        nfeat += t->slot[s].key && WSLOT_COUNT(&t->slot[s]);
    put_u32(b, t->nclass);
    put_u64(b, nfeat);
    put_u64(b, t->nentry);
    put_u32(b, sbits);
    for (size_t s = 0; s < t->nslot; s++)
        if (t->slot[s].key && WSLOT_COUNT(&t->slot[s])) {
            put_u64(b, t->slot[s].key);
            buf_putc(b, (char)(unsigned char)(WSLOT_COUNT(&t->slot[s]) - 1));
        }
    for (size_t s = 0; s < t->nslot; s++)
        for (uint32_t j = 0; t->slot[s].key && j < WSLOT_COUNT(&t->slot[s]); j++)
            buf_putc(b, (char)(unsigned char)t->e[t->slot[s].first + j].cls);
    for (size_t s = 0; s < t->nslot; s++)
        for (uint32_t j = 0; t->slot[s].key && j < WSLOT_COUNT(&t->slot[s]); j++)
            put_u16(b, (uint16_t)t->e[t->slot[s].first + j].q);
}

int model_write(const dyad_model *m, unsigned char **out, size_t *len)
{
    buf b = BUF_INIT;
    buf_append(&b, DYAD_MODEL_MAGIC, 8);
    put_u32(&b, DYAD_MODEL_VERSION);
    put_u32(&b, 0);
    put_u64(&b, 0);
    put_u64(&b, 0);
    put_u32(&b, m->ntag);
    for (uint32_t i = 0; i < m->ntag; i++) {
        put_str(&b, m->upos[i]);
        put_str(&b, m->xpos[i]);
    }
    put_u32(&b, m->nlabel);
    for (uint32_t i = 0; i < m->nlabel; i++)
        put_str(&b, m->label[i]);
    put_u32(&b, m->root_label);
    put_map(&b, &m->ambig);
    put_map(&b, &m->clusters);
    put_u32(&b, m->nscript);
    for (uint32_t i = 0; i < m->nscript; i++) {
        buf_putc(&b, (char)m->script[i].lower);
        buf_putc(&b, (char)m->script[i].strip);
        put_str(&b, m->script[i].append);
    }
    put_map(&b, &m->lemma);
    put_table(&b, &m->tagw);
    put_table(&b, &m->tagw2);
    put_table(&b, &m->parsew);
    put_table(&b, &m->stagw);
    if (b.failed) {
        buf_free(&b);
        return -1;
    }
    uint64_t plen = b.len - 32;
    uint64_t sum = model_checksum((const unsigned char *)b.data + 32, plen);
    for (int i = 0; i < 8; i++) {
        b.data[16 + i] = (char)(plen >> (8 * i));
        b.data[24 + i] = (char)(sum >> (8 * i));
    }
    *out = (unsigned char *)b.data;
    *len = b.len;
    return 0;
}

/* ------------------------------------------------------------ reading */

typedef struct reader {
    const unsigned char *p;
    size_t left;
    int bad;
} reader;

static int need(reader *r, size_t n)
{
    if (r->bad || r->left < n) {
        r->bad = 1;
        return 0;
    }
    return 1;
}

static uint64_t get_n(reader *r, int bytes)
{
    if (!need(r, (size_t)bytes))
        return 0;
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    r->left -= (size_t)bytes;
    return v;
}

static const char *get_str(reader *r, arena *a)
{
    size_t n = (size_t)get_n(r, 2);
    if (!need(r, n))
        return NULL;
    char *s = arena_strndup(a, (const char *)r->p, n);
    r->p += n;
    r->left -= n;
    if (!s)
        r->bad = 2;
    return s;
}

static int get_map(reader *r, u64map *m, uint32_t max_val)
{
    uint64_t n = get_n(r, 4);
    if (!need(r, 12 * (size_t)n))
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t k = get_n(r, 8);
        uint32_t v = (uint32_t)get_n(r, 4);
        if (v >= max_val || !k)
            return -1;
        if (u64map_put(m, k, v) < 0) {
            r->bad = 2;
            return -1;
        }
    }
    return 0;
}

/* A feature with at least 1/DENSE_FRACTION of its table's classes gets a
 * dense row (wtable_densify).  Fractions from 2 to 16 parse at about the
 * same speed; 4 adds 4 MB of memory, 16 adds 12 MB. */
#define DENSE_FRACTION 4

static int get_table(reader *r, wtable *t, uint32_t nclass)
{
    memset(t, 0, sizeof *t);
    uint32_t nc = (uint32_t)get_n(r, 4);
    uint64_t nfeat = get_n(r, 8), nentry = get_n(r, 8);
    uint32_t sbits = (uint32_t)get_n(r, 4);
    float scale;
    memcpy(&scale, &sbits, 4);
    if (r->bad || nc != nclass || nc > WTABLE_MAX_CLASS || !isfinite(scale) || nfeat > r->left / 9 ||
        nentry > r->left / 3 || nentry > UINT32_MAX)
        return -1;
    if (!need(r, (size_t)nfeat * 9 + (size_t)nentry * 3))
        return -1;
    uint64_t *keys = malloc((nfeat ? nfeat : 1) * sizeof *keys);
    uint32_t *offs = malloc((nfeat ? nfeat : 1) * sizeof *offs);
    uint32_t *counts = malloc((nfeat ? nfeat : 1) * sizeof *counts);
    t->e = wtable_alloc(nentry * sizeof *t->e);
    int rc = -1;
    if (!keys || !offs || !counts || !t->e) {
        r->bad = 2;
        goto done;
    }
    uint64_t sum = 0;
    for (uint64_t i = 0; i < nfeat; i++) {
        keys[i] = get_n(r, 8);
        counts[i] = (uint32_t)get_n(r, 1) + 1;
        offs[i] = (uint32_t)sum;
        sum += counts[i];
        if (sum > nentry)
            goto done;
    }
    if (sum != nentry)
        goto done;
    for (uint64_t i = 0; i < nentry; i++) {
        t->e[i].cls = (uint16_t)get_n(r, 1);
        if (t->e[i].cls >= nclass)
            goto done;
    }
    for (uint64_t i = 0; i < nentry; i++)
        t->e[i].q = (int16_t)(uint16_t)get_n(r, 2);
    t->nclass = nc;
    t->scale = scale;
    t->nentry = (size_t)nentry;
    int ix = wtable_index(t, keys, offs, counts, (size_t)nfeat);
    if (ix == 0 && wtable_densify(t, nc / DENSE_FRACTION) < 0)
        ix = -1;
    if (ix == -1)
        r->bad = 2;
    rc = ix == 0 ? 0 : -1;
done:
    free(keys);
    free(offs);
    free(counts);
    if (rc < 0)
        wtable_free(t);
    return rc;
}

void model_free(dyad_model *m)
{
    if (!m)
        return;
    u64map_free(&m->ambig);
    u64map_free(&m->clusters);
    u64map_free(&m->lemma);
    wtable_free(&m->tagw);
    wtable_free(&m->tagw2);
    wtable_free(&m->parsew);
    wtable_free(&m->stagw);
    arena_free(&m->strings);
    free(m);
}

void model_index_upos(dyad_model *m)
{
    uint8_t next = 0;
    m->upos_verb = -1;
    for (uint32_t i = 0; i < m->ntag && i < 256; i++) {
        uint32_t j = 0;
        while (j < i && strcmp(m->upos[j], m->upos[i]) != 0)
            j++;
        m->upos_id[i] = j < i ? m->upos_id[j] : next++;
        if (strcmp(m->upos[i], "VERB") == 0)
            m->upos_verb = m->upos_id[i];
    }
}

static dyad_status model_err(dyad_error *err, dyad_status st, const char *msg)
{
    if (err) {
        err->status = st;
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
    return st;
}

dyad_status model_read(const unsigned char *bytes, size_t len, dyad_model **out,
                       dyad_error *err)
{
    *out = NULL;
    if (len < 32 || memcmp(bytes, DYAD_MODEL_MAGIC, 8) != 0)
        return model_err(err, DYAD_EMODEL,
                         len < 8 ? "model file truncated (no header)"
                                 : "not a dyad model file (bad magic number)");
    reader r = {bytes + 8, len - 8, 0};
    uint32_t version = (uint32_t)get_n(&r, 4);
    (void)get_n(&r, 4);
    uint64_t plen = get_n(&r, 8), sum = get_n(&r, 8);
    if (version != DYAD_MODEL_VERSION) {
        char msg[128];
        snprintf(msg, sizeof msg, "model format version %u, this dyad reads version %u",
                 version, DYAD_MODEL_VERSION);
        return model_err(err, DYAD_EMODEL, msg);
    }
    if (plen != r.left)
        return model_err(err, DYAD_EMODEL,
                         plen > r.left ? "model file truncated"
                                       : "model file has trailing bytes");
    if (model_checksum(r.p, r.left) != sum)
        return model_err(err, DYAD_EMODEL, "model file corrupted (checksum mismatch)");
    dyad_model *m = calloc(1, sizeof *m);
    if (!m)
        return model_err(err, DYAD_ENOMEM, "out of memory loading the model");
    arena_init(&m->strings, 1 << 16);
    const char *why = "model file malformed";
    m->ntag = (uint32_t)get_n(&r, 4);
    if (m->ntag == 0 || m->ntag > 256 || !need(&r, 4 * (size_t)m->ntag))
        goto bad;
    m->upos = arena_calloc(&m->strings, m->ntag, sizeof *m->upos);
    m->xpos = arena_calloc(&m->strings, m->ntag, sizeof *m->xpos);
    if (!m->upos || !m->xpos)
        goto oom;
    for (uint32_t i = 0; i < m->ntag; i++) {
        m->upos[i] = get_str(&r, &m->strings);
        m->xpos[i] = get_str(&r, &m->strings);
    }
    if (r.bad)
        goto bad;
    m->nlabel = (uint32_t)get_n(&r, 4);
    if (m->nlabel == 0 || m->nlabel > 63 || !need(&r, 2 * (size_t)m->nlabel))
        goto bad;
    m->label = arena_calloc(&m->strings, m->nlabel, sizeof *m->label);
    if (!m->label)
        goto oom;
    for (uint32_t i = 0; i < m->nlabel; i++)
        m->label[i] = get_str(&r, &m->strings);
    m->root_label = (uint32_t)get_n(&r, 4);
    if (r.bad || m->root_label >= m->nlabel)
        goto bad;
    if (get_map(&r, &m->ambig, UINT32_MAX) < 0 || get_map(&r, &m->clusters, 1u << 30) < 0)
        goto bad;
    m->nscript = (uint32_t)get_n(&r, 4);
    if (m->nscript == 0 || !need(&r, 4 * (size_t)m->nscript))
        goto bad;
    m->script = arena_calloc(&m->strings, m->nscript, sizeof *m->script);
    if (!m->script)
        goto oom;
    for (uint32_t i = 0; i < m->nscript; i++) {
        m->script[i].lower = (uint8_t)get_n(&r, 1);
        m->script[i].strip = (uint8_t)get_n(&r, 1);
        m->script[i].append = get_str(&r, &m->strings);
    }
    if (r.bad)
        goto bad;
    if (get_map(&r, &m->lemma, m->nscript) < 0)
        goto bad;
    if (get_table(&r, &m->tagw, m->ntag) < 0 || get_table(&r, &m->tagw2, m->ntag) < 0)
        goto bad;
    if (get_table(&r, &m->parsew, TR_LEFT + 2 * m->nlabel) < 0 ||
        get_table(&r, &m->stagw, 3 * m->nlabel) < 0)
        goto bad;
    if (r.left != 0) {
        why = "model file has unread bytes";
        goto bad;
    }
    model_index_upos(m);
    *out = m;
    return DYAD_OK;
oom:
    model_free(m);
    return model_err(err, DYAD_ENOMEM, "out of memory loading the model");
bad:
    if (r.bad == 2)
        goto oom;
    model_free(m);
    return model_err(err, DYAD_EMODEL, why);
}

/* ------------------------------------------------------------ analysis */

dyad_status syntax_analyze(const dyad_model *m, arena *a, const char *const *forms,
                           const size_t *lens, size_t n, syn_word **out)
{
    *out = NULL;
    syn_word *w = arena_calloc(a, n ? n : 1, sizeof *w);
    if (!w)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        w[i].form = forms[i];
        w[i].len = lens[i];
    }
    tagger_prepare(m, w, n);
    tagger_tag(m, w, n);
    for (size_t i = 0; i < n; i++) {
        w[i].upos = m->upos_id[w[i].tag];
        w[i].lemma = lemma_of(m, a, w[i].form, w[i].len, w[i].tag);
        if (!w[i].lemma)
            return DYAD_ENOMEM;
        w[i].h_lemma = feat_str(w[i].lemma, strlen(w[i].lemma));
    }
    if (m->stagw.nslot)
        stagger_run(&m->stagw, m->upos_verb, w, n);
    if (n && parser_parse(m, a, w, n) < 0)
        return DYAD_ENOMEM;
    *out = w;
    return DYAD_OK;
}
