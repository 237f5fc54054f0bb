/* seedscore.c: score `dyad code` events against the seed gold (../shared/seeds/gold).
 * Sits after the coder: reads its JSON Lines output and applies the convention of
 * FORMATS.md §9 — key (doc, source[:3], target[:3], root), recall over `clear` keys,
 * system keys matching only `arguable` keys are neutral, 04 (meet) is symmetric.
 * Usage: dyad-seedscore [--gold FILE] [EVENTS.jsonl]   (default: standard input)
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "000_06c0aa6ebbcdef7e.txt" and "000" both name seed 000. */
typedef struct key {
    char doc[64];
    char source[4];
    char target[4];
    char root[3];
} key;

typedef struct keyset {
    key *items;
    size_t n, cap;
} keyset;

static void copy_prefix(char *dst, size_t cap, const char *src, size_t max, char stop)
{
    size_t i = 0;
    while (src[i] && src[i] != stop && i < max && i + 1 < cap) {
        dst[i] = src[i];
        i++;
    }
    dst[i] = '\0';
}

static int key_eq(const key *a, const key *b)
{
    return strcmp(a->doc, b->doc) == 0 && strcmp(a->source, b->source) == 0 &&
           strcmp(a->target, b->target) == 0 && strcmp(a->root, b->root) == 0;
}

static key key_reversed(const key *k)
{
    key r = *k;
    memcpy(r.source, k->target, sizeof r.source);
    memcpy(r.target, k->source, sizeof r.target);
    return r;
}

static int set_find(const keyset *s, const key *k)
{
    for (size_t i = 0; i < s->n; i++)
        if (key_eq(&s->items[i], k))
            return (int)i;
    return -1;
}

/* Match with 04 events in either direction. */
static int set_match(const keyset *s, const key *k)
{
    int i = set_find(s, k);
    if (i < 0 && strcmp(k->root, "04") == 0) {
        key r = key_reversed(k);
        i = set_find(s, &r);
    }
    return i;
}

static int set_add(keyset *s, const key *k)
{
    if (set_find(s, k) >= 0)
        return 0;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        key *p = realloc(s->items, cap * sizeof *p);
        if (!p)
            return -1;
        s->items = p;
        s->cap = cap;
    }
    s->items[s->n++] = *k;
    return 0;
}

static const char *field(json_t *o, const char *name)
{
    const char *s = json_string_value(json_object_get(o, name));
    return s ? s : "";
}

/* Key of one event object: gold uses "cameo", dyad "code"; both may give "root". */
static int make_key(json_t *o, key *k)
{
    const char *doc = field(o, "doc");
    const char *source = json_is_string(json_object_get(o, "source")) ? field(o, "source") : "---";
    const char *target = json_is_string(json_object_get(o, "target")) ? field(o, "target") : "---";
    const char *root = field(o, "root");
    if (!*root)
        root = *field(o, "code") ? field(o, "code") : field(o, "cameo");
    if (!*doc || strlen(root) < 2)
        return -1;
    copy_prefix(k->doc, sizeof k->doc, doc, sizeof k->doc, '_');
    copy_prefix(k->source, sizeof k->source, source, 3, '\0');
    copy_prefix(k->target, sizeof k->target, target, 3, '\0');
    copy_prefix(k->root, sizeof k->root, root, 2, '\0');
    return 0;
}

typedef int (*line_fn)(json_t *o, const char *where, long line, void *ud);

static int read_jsonl(FILE *fp, const char *name, line_fn fn, void *ud)
{
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    int rc = 0;
    for (;;) {
        size_t len = 0;
        int c;
        while ((c = getc(fp)) != EOF && c != '\n') {
            if (len + 1 >= cap) {
                size_t ncap = cap ? cap * 2 : 4096;
                char *p = realloc(line, ncap);
                if (!p) {
                    free(line);
                    fputs("dyad-seedscore: out of memory\n", stderr);
                    return -1;
                }
                line = p;
                cap = ncap;
            }
            line[len++] = (char)c;
        }
        if (c == EOF && len == 0)
            break;
        lineno++;
        if (len == 0)
            continue;
        json_error_t jerr;
        json_t *o = json_loadb(line, len, 0, &jerr);
        if (!o || !json_is_object(o)) {
            fprintf(stderr, "%s:%ld: not a JSON object: %s\n", name, lineno,
                    o ? "another JSON value" : jerr.text);
            json_decref(o);
            rc = -1;
            continue;
        }
        if (fn(o, name, lineno, ud) != 0)
            rc = -1;
        json_decref(o);
    }
    free(line);
    if (ferror(fp)) {
        fprintf(stderr, "%s: read error\n", name);
        rc = -1;
    }
    return rc;
}

typedef struct gold {
    keyset clear, arguable;
} gold;

static int add_gold(json_t *o, const char *where, long line, void *ud)
{
    gold *g = ud;
    key k;
    if (make_key(o, &k) != 0) {
        fprintf(stderr, "%s:%ld: gold event without doc or code\n", where, line);
        return -1;
    }
    const char *confidence = field(o, "confidence");
    if (strcmp(confidence, "clear") == 0)
        return set_add(&g->clear, &k);
    if (strcmp(confidence, "arguable") == 0)
        return set_add(&g->arguable, &k);
    fprintf(stderr, "%s:%ld: confidence is neither clear nor arguable\n", where, line);
    return -1;
}

static int add_system(json_t *o, const char *where, long line, void *ud)
{
    keyset *s = ud;
    key k;
    if (make_key(o, &k) != 0) {
        fprintf(stderr, "%s:%ld: event without doc or code\n", where, line);
        return -1;
    }
    return set_add(s, &k);
}

static void print_key(const char *label, const key *k)
{
    printf("%-8s %s %s %s %s\n", label, k->doc, k->source, k->target, k->root);
}

int main(int argc, char **argv)
{
    const char *gold_path = NULL;
    const char *events_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--gold") == 0 && i + 1 < argc) {
            gold_path = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "usage: dyad-seedscore [--gold FILE] [EVENTS.jsonl]\n");
            return 1;
        } else {
            events_path = argv[i];
        }
    }
    char default_gold[4096];
    if (!gold_path) {
        const char *shared = getenv("DYAD_SHARED");
        snprintf(default_gold, sizeof default_gold, "%s/seeds/gold/events.jsonl",
                 shared && *shared ? shared : "../shared");
        gold_path = default_gold;
    }

    gold g = {{0}, {0}};
    keyset sys = {0};
    char *clear_found = NULL;
    int status = 1;
    FILE *fp = fopen(gold_path, "r");
    if (!fp) {
        perror(gold_path);
        goto done;
    }
    int rc = read_jsonl(fp, gold_path, add_gold, &g);
    fclose(fp);
    if (rc != 0 || g.clear.n == 0) {
        fprintf(stderr, "%s: no usable gold\n", gold_path);
        goto done;
    }

    fp = events_path && strcmp(events_path, "-") != 0 ? fopen(events_path, "r") : stdin;
    if (!fp) {
        perror(events_path);
        goto done;
    }
    rc = read_jsonl(fp, events_path ? events_path : "<stdin>", add_system, &sys);
    if (fp != stdin)
        fclose(fp);
    if (rc != 0)
        goto done;

    /* Recall over clear keys; each system key is a hit, neutral or a false positive. */
    size_t found = 0, hits = 0, neutral = 0, fps = 0;
    clear_found = calloc(g.clear.n, 1);
    if (!clear_found) {
        fputs("dyad-seedscore: out of memory\n", stderr);
        goto done;
    }
    for (size_t i = 0; i < sys.n; i++) {
        int c = set_match(&g.clear, &sys.items[i]);
        if (c >= 0) {
            clear_found[c] = 1;
            hits++;
        } else if (set_match(&g.arguable, &sys.items[i]) >= 0) {
            neutral++;
        } else {
            fps++;
        }
    }
    for (size_t i = 0; i < g.clear.n; i++)
        found += clear_found[i];

    printf("recall    %.3f (%zu of %zu clear gold keys)\n",
           (double)found / (double)g.clear.n, found, g.clear.n);
    if (hits + fps > 0)
        printf("precision %.3f (%zu of %zu scored system keys; %zu more match only arguable keys)\n",
               (double)hits / (double)(hits + fps), hits, hits + fps, neutral);
    else
        printf("precision n/a (no scored system keys; %zu match only arguable keys)\n", neutral);
    for (size_t i = 0; i < sys.n; i++)
        if (set_match(&g.clear, &sys.items[i]) >= 0)
            print_key("hit", &sys.items[i]);
    for (size_t i = 0; i < g.clear.n; i++)
        if (!clear_found[i])
            print_key("miss", &g.clear.items[i]);
    for (size_t i = 0; i < sys.n; i++)
        if (set_match(&g.clear, &sys.items[i]) < 0 && set_match(&g.arguable, &sys.items[i]) < 0)
            print_key("false+", &sys.items[i]);
    for (size_t i = 0; i < sys.n; i++)
        if (set_match(&g.clear, &sys.items[i]) < 0 && set_match(&g.arguable, &sys.items[i]) >= 0)
            print_key("arguable", &sys.items[i]);
    status = 0;
done:
    free(clear_found);
    free(g.clear.items);
    free(g.arguable.items);
    free(sys.items);
    return status;
}
