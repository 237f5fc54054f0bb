/* dyad.h: the public interface of libdyad, a political event coder.
 *
 * dyad reads news documents, finds who did what to whom, and writes CAMEO events
 * with the evidence they came from.  The pipeline is:
 *
 *     dyad_reader (text, JSON Lines, PETRARCH XML)  ->  dyad_doc
 *     dyad_coder  (dictionaries + options)          ->  dyad_result (events)
 *     dyad_result_write (JSON Lines or TSV)         ->  your sink
 *
 * Ownership.  Every object returned by a dyad_*_new / _open / _load function is owned
 * by the caller and released with the matching _free / _close.  Strings returned by
 * accessors (dyad_doc_id, dyad_event fields, ...) belong to the object they came from
 * and live as long as it does.  No function takes ownership of its arguments.
 *
 * Threads.  A loaded dyad_dict and a dyad_coder are immutable once built and may be
 * shared by any number of threads; dyad_code_doc may be called concurrently on the
 * same coder.  A dyad_reader, dyad_doc and dyad_result belong to one thread at a time.
 *
 * Errors.  Functions return a dyad_status; on failure they fill the dyad_error the
 * caller passes (which may be NULL).  The library never prints and never exits.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ENOMEM,   /* out of memory */
    DYAD_EIO,      /* a file could not be opened or read */
    DYAD_EUSAGE,   /* a bad argument or option value */
    DYAD_EDICT,    /* a dictionary is malformed (see file and line) */
    DYAD_EDOC,     /* a document could not be coded (see doc and position) */
    DYAD_EMODEL    /* a model file is missing, truncated or of another version */
} dyad_status;

/* What went wrong and where.  `file`/`line` are set for dictionary errors,
 * `doc`/`position` for document errors (position is a byte offset into the
 * input as given: into the document text, or into the input stream when the
 * document could not even be delimited).  Unused fields are empty / -1. */
typedef struct dyad_error {
    dyad_status status;
    char message[256];
    char file[256];
    long line;
    char doc[256];
    long long position;
} dyad_error;

/* A human-readable name for a status ("out of memory", ...).  Static storage. */
const char *dyad_status_name(dyad_status status);

/* -------------------------------------------------------------- options */

/* Coding options.  They mirror PETRARCH's <Config> options (FORMATS.md §1.3);
 * dyad_options_init sets the defaults listed there. */
typedef struct dyad_options {
    int require_dyad;      /* keep an event only if both sides are non-null (default 1) */
    int new_actor_length;  /* code uncoded noun phrases of <= N words by their text (0: off) */
    int comma_min, comma_max;   /* internal comma clauses deleted when min<=n<=max (2, 8) */
    int comma_bmin, comma_bmax; /* initial clause (0, 0: off) */
    int comma_emin, comma_emax; /* terminal clause (2, 8) */
    int code_headlines;    /* code the headline line of a text document (default 1) */
    int quotes;            /* find quotations while coding: their speakers stand for
                              "we"/"I" inside them, and an event coded inside one carries
                              its id, as dyad_quotes_doc numbers them (default 1) */
    int explain;           /* keep a readable account of the coding (default 0) */
} dyad_options;

void dyad_options_init(dyad_options *opts);

/* Apply one PETRARCH <Config option="NAME" value="VALUE"> to opts.
 * Returns DYAD_OK, or DYAD_EUSAGE for an unknown option or bad value. */
dyad_status dyad_options_set(dyad_options *opts, const char *name, const char *value);

/* --------------------------------------------------------- dictionaries */

typedef enum dyad_dict_kind {
    DYAD_DICT_VERBS = 0,   /* TABARI/PETRARCH-1 linear or PETRARCH2 syntactic verbs */
    DYAD_DICT_ACTORS,
    DYAD_DICT_AGENTS,
    DYAD_DICT_DISCARDS,
    DYAD_DICT_ISSUES,
    DYAD_DICT_NKINDS
} dyad_dict_kind;

/* The kind a dictionary file name suggests ("CAMEO.2.0.txt" -> verbs,
 * "Phoenix.agents.txt" -> agents), or -1 if the name says nothing. */
int dyad_dict_kind_from_name(const char *path);
const char *dyad_dict_kind_name(dyad_dict_kind kind);

/* A note about one line of a dictionary.  Warnings are for lines that the
 * field's own coders accept with a quirk (FORMATS.md lists them); errors are
 * malformed lines, which are skipped. */
typedef enum dyad_severity { DYAD_WARNING = 0, DYAD_ERROR = 1 } dyad_severity;
typedef void (*dyad_diag_fn)(void *ud, dyad_severity severity, const char *file,
                             long line, const char *message);

typedef struct dyad_dict dyad_dict;

/* An empty set of dictionaries.  NULL when out of memory. */
dyad_dict *dyad_dict_new(void);
void dyad_dict_free(dyad_dict *dict);

/* Add one dictionary file of the given kind.  Each malformed line is reported
 * through diag (which may be NULL) and skipped.  Returns DYAD_EIO if the file
 * cannot be read, DYAD_EDICT if any line was an error (the rest is loaded),
 * DYAD_ENOMEM.  Several files of one kind add up (actors are usually split). */
dyad_status dyad_dict_load_file(dyad_dict *dict, dyad_dict_kind kind, const char *path,
                                dyad_diag_fn diag, void *ud, dyad_error *err);

/* The same from memory; `name` is used in diagnostics. */
dyad_status dyad_dict_load_buffer(dyad_dict *dict, dyad_dict_kind kind, const char *name,
                                  const char *bytes, size_t len, dyad_diag_fn diag,
                                  void *ud, dyad_error *err);

/* Add dyad's built-in dictionary of the given kind (compiled into the library). */
dyad_status dyad_dict_load_builtin(dyad_dict *dict, dyad_dict_kind kind, dyad_error *err);

/* Whether any file of this kind has been loaded. */
int dyad_dict_has(const dyad_dict *dict, dyad_dict_kind kind);

/* Counts for `dyad dict check`.  Fields that do not apply to a kind stay 0. */
typedef struct dyad_dict_counts {
    long verbs, verb_forms, patterns, synsets, blocks, transformations;
    long actors, actor_phrases, date_restrictions;
    long agents, agent_phrases;
    long discards, story_discards;
    long issues, issue_phrases, issue_exclusions;
    long warnings, errors;
} dyad_dict_counts;

void dyad_dict_get_counts(const dyad_dict *dict, dyad_dict_kind kind, dyad_dict_counts *out);

/* ------------------------------------------------------------ documents */

typedef enum dyad_input {
    DYAD_INPUT_TEXT = 0,      /* the whole stream is one document */
    DYAD_INPUT_JSONL,         /* one JSON object per line: id, date, text, ... */
    DYAD_INPUT_PETRARCH_XML,  /* <Sentence> records; also PETRARCH validation files */
    DYAD_INPUT_CONLLU         /* parses made elsewhere: "# newdoc" starts a document,
                                 its sentences, words and heads are coded as given */
} dyad_input;

/* The input kind a file name's extension suggests, or -1. */
int dyad_input_from_name(const char *path);

typedef struct dyad_reader dyad_reader;
typedef struct dyad_doc dyad_doc;

/* A reader of documents from an open stream.  `name` is the file name: text
 * input uses it (without directory) as the document id, and errors quote it.
 * The reader does not close fp.  Memory stays bounded by the largest document. */
dyad_reader *dyad_reader_open(FILE *fp, const char *name, dyad_input kind,
                              dyad_error *err);
void dyad_reader_close(dyad_reader *reader);

/* Set the date given to documents that carry none (text input): "YYYY-MM-DD". */
dyad_status dyad_reader_set_default_date(dyad_reader *reader, const char *date);

/* Set the largest document accepted in bytes (default 16 MiB).  A larger
 * document is reported as an error and skipped; the stream goes on. */
void dyad_reader_set_max_doc(dyad_reader *reader, size_t max_bytes);

/* Read the next document.  Returns
 *    1  a document in *doc (owned by the caller: dyad_doc_free),
 *    0  end of input,
 *   -1  a document that cannot be read: err->doc, err->message and
 *       err->position say which and why; call again for the next one,
 *   -2  a fatal error (out of memory, read error): stop.
 * Documents are read one at a time, so memory does not grow with the input. */
int dyad_reader_next(dyad_reader *reader, dyad_doc **doc, dyad_error *err);

/* PETRARCH validation files name their dictionaries in <Environment>.  After
 * the first dyad_reader_next, returns the file named for `kind` (NULL if none). */
const char *dyad_reader_environment(const dyad_reader *reader, dyad_dict_kind kind);

void dyad_doc_free(dyad_doc *doc);

/* Build a document by hand (for library users with their own input).
 * All strings are copied.  date is "YYYY-MM-DD" or "YYYYMMDD" or NULL. */
dyad_doc *dyad_doc_new(const char *id, const char *date, const char *text, size_t len);

const char *dyad_doc_id(const dyad_doc *doc);
/* "YYYY-MM-DD", or "" when the document has no date. */
const char *dyad_doc_date(const dyad_doc *doc);
/* The text to code, exactly as given (offsets in events point into it). */
const char *dyad_doc_text(const dyad_doc *doc, size_t *len);
/* JSON Lines input: the fields other than id, date and text, as a JSON object
 * text ("{}" when none), copied through to the output.  NULL for other inputs. */
const char *dyad_doc_extra_json(const dyad_doc *doc);
/* Options in force for this document: PETRARCH XML <Config> elements apply in
 * document order on top of `base`.  Other inputs return `base` unchanged. */
void dyad_doc_options(const dyad_doc *doc, const dyad_options *base, dyad_options *out);

/* Gold codings of PETRARCH validation records (empty for other inputs). */
typedef enum dyad_expect {
    DYAD_EXPECT_NONE = 0,     /* no gold in the record */
    DYAD_EXPECT_EVENTS,       /* gold events: dyad_doc_gold */
    DYAD_EXPECT_NOEVENTS,     /* noevents="True" */
    DYAD_EXPECT_ERROR         /* error="...": dyad_doc_expected_error */
} dyad_expect;
dyad_expect dyad_doc_expect(const dyad_doc *doc);
size_t dyad_doc_gold_count(const dyad_doc *doc);
void dyad_doc_gold(const dyad_doc *doc, size_t i, const char **source, const char **target,
                   const char **code);
const char *dyad_doc_expected_error(const dyad_doc *doc);
/* The record's category attribute and sentence="true|false" flag. */
const char *dyad_doc_category(const dyad_doc *doc);
int dyad_doc_is_sentence(const dyad_doc *doc);

/* --------------------------------------------------------------- coding */

typedef struct dyad_coder dyad_coder;

/* A coder over loaded dictionaries.  The coder keeps a pointer to dict, which
 * must outlive it and must not change while it is used.  Kinds with no file
 * loaded code nothing of that kind (load the built-ins for defaults). */
dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_options *opts, dyad_error *err);
void dyad_coder_free(dyad_coder *coder);

/* Code from dyad's dependency parse as well as from word order: a sentence
 * with a coded noun phrase and a dictionary verb is tagged and parsed, its
 * verbs are the words the tagger calls verbs, and subjects, objects and
 * passive agents come from the parse.  `model` (see dyad_model_load) must
 * outlive the coder; NULL goes back to word order alone.  Not thread-safe:
 * set it before the coder is shared. */
typedef struct dyad_model dyad_model;
void dyad_coder_set_model(dyad_coder *coder, const dyad_model *model);

typedef struct dyad_span {
    long long start, end;   /* byte offsets into the document text; -1 if none */
} dyad_span;

/* One coded event.  Strings belong to the result. */
typedef struct dyad_event {
    int sentence;            /* 1-based index of the sentence in the document */
    const char *date;        /* YYYY-MM-DD (the document's) */
    const char *source;      /* actor code, "---" for none */
    const char *target;
    const char *code;        /* CAMEO code as a string: "1212" */
    const char *root;        /* first two digits, or "" for a code that is not CAMEO */
    int quad;                /* QuadClass 1-4 (GDELT scheme); 0 if unknown */
    double goldstein;        /* valid when has_goldstein */
    int has_goldstein;
    dyad_span sentence_span;
    dyad_span source_span, target_span, verb_span;
    const char *pattern;     /* the pattern that fired, as in its dictionary, or the verb */
    const char *pattern_origin; /* "file:line" of that pattern or verb */
    const char *issues;      /* "CODE,n;CODE,n" or "" */
    const char *quote;       /* id of the quotation the verb stands in ("q2"), or NULL */
} dyad_event;

typedef struct dyad_result dyad_result;

/* What happened to a document as a whole. */
typedef enum dyad_discard {
    DYAD_DISCARD_NONE = 0,
    DYAD_DISCARD_SENTENCE,  /* at least one sentence hit a discard phrase */
    DYAD_DISCARD_STORY      /* the document hit a story discard: no events */
} dyad_discard;

/* Code one document.  Returns NULL and fills err when the document cannot be
 * coded (invalid UTF-8, NUL byte, no sentence, ...; err->position says where)
 * or on out of memory (err->status DYAD_ENOMEM).  Thread-safe per coder. */
dyad_result *dyad_code_doc(const dyad_coder *coder, const dyad_doc *doc,
                           const dyad_options *opts, dyad_error *err);
void dyad_result_free(dyad_result *result);

size_t dyad_result_event_count(const dyad_result *result);
const dyad_event *dyad_result_event(const dyad_result *result, size_t i);
size_t dyad_result_sentence_count(const dyad_result *result);
/* Tokens in the document's sentences (for throughput figures). */
size_t dyad_result_token_count(const dyad_result *result);
dyad_span dyad_result_sentence(const dyad_result *result, size_t i);
dyad_discard dyad_result_discard(const dyad_result *result);
/* With options.explain: for each sentence its noun-phrase slots, and for each
 * verb the pattern that fired, why each actor got its role, and the events or
 * why there were none.  NULL when options.explain was 0. */
const char *dyad_result_explanation(const dyad_result *result);

/* --------------------------------------------------------------- output */

typedef enum dyad_format { DYAD_FORMAT_JSONL = 0, DYAD_FORMAT_TSV } dyad_format;

/* Where output goes: called with each chunk; returns 0 on success. */
typedef int (*dyad_sink_fn)(void *ud, const char *bytes, size_t len);

/* Write the TSV header row (Phoenix column order plus dyad's evidence columns). */
dyad_status dyad_write_header(dyad_format format, dyad_sink_fn sink, void *ud);

/* Write the events of one result: one JSON object per line, or TSV rows.
 * Returns DYAD_EIO when the sink fails. */
dyad_status dyad_result_write(const dyad_result *result, const dyad_doc *doc,
                              dyad_format format, dyad_sink_fn sink, void *ud);

/* Write one document error as a JSON line {"doc","error","position"}. */
dyad_status dyad_error_write_json(const dyad_error *err, dyad_sink_fn sink, void *ud);

/* ---------------------------------------------------------------- CAMEO */

/* Facts of the CAMEO codebook for a code ("0211"): its root ("02"), QuadClass,
 * Goldstein weight and label.  Codes missing from the table fall back to their
 * base code and root as FORMATS.md §10 says.  Returns 0 when nothing is known
 * (validation codes such as "174K" with no CAMEO root). */
int dyad_cameo_lookup(const char *code, char root[3], int *quad, double *goldstein,
                      int *has_goldstein, const char **label);

/* ----------------------------------------------------------- quotations */

/* One direct quotation.  Offsets are bytes into the document text as given;
 * strings belong to the dyad_quotes they came from ("" when unknown). */
typedef struct dyad_quote {
    const char *doc;            /* the document id */
    const char *id;             /* "q1", "q2", ... unique within the document */
    const char *quote;          /* the text between the marks */
    long long start, end;
    const char *speaker_text;   /* the mention it is attributed to, as written ("he") */
    long long speaker_start, speaker_end;   /* -1 when there is no speaker */
    const char *speaker;        /* resolved name ("John Kerry") or the group named */
    const char *speaker_code;   /* actor code at the document's date, "---" if none */
    const char *cue;            /* "said", "told", "according to", ... */
    int sentence;               /* 1-based sentence of the opening mark */
    int continues;              /* no attribution of its own: continues the one before */
} dyad_quote;

typedef struct dyad_quotes dyad_quotes;

/* Find the direct quotations of a document with their speakers.  The speakers'
 * codes come from the coder's actor and agent dictionaries at the document's
 * date.  A quotation of one to three words counts only with a cue and speaker
 * of its own (scare quotes and titles do not).  Returns NULL and fills err as
 * dyad_code_doc does.  Thread-safe per coder; the result (free with
 * dyad_quotes_free) belongs to one thread at a time.  The cost is one pass over
 * the tokens after the text preparation dyad_code_doc also does. */
dyad_quotes *dyad_quotes_doc(const dyad_coder *coder, const dyad_doc *doc,
                             const dyad_options *opts, dyad_error *err);
void dyad_quotes_free(dyad_quotes *quotes);
size_t dyad_quotes_count(const dyad_quotes *quotes);
const dyad_quote *dyad_quotes_get(const dyad_quotes *quotes, size_t i);
/* The id of the quotation whose text contains bytes [start, end), or NULL:
 * ties an event coded from inside a quotation to it. */
const char *dyad_quotes_id_at(const dyad_quotes *quotes, long long start, long long end);
/* Write one JSON object per line (the dyad_quote fields).  DYAD_EIO when the
 * sink fails, DYAD_ENOMEM. */
dyad_status dyad_quotes_write(const dyad_quotes *quotes, dyad_sink_fn sink, void *ud);

/* ------------------------------------------------- syntax (tag and parse) */

/* dyad's own tagger, lemmatizer and dependency parser (Universal Dependencies
 * relations, Penn XPOS and UPOS tags), trained on UD English EWT.  A loaded
 * model is immutable once set up (dyad_model_set_beam): share it between
 * threads freely.  A dyad_parse holds
 * the analysis of one sentence and belongs to one thread at a time. */
typedef struct dyad_model dyad_model;

/* Load a model file.  With path NULL, the default model: $DYAD_MODEL if set,
 * else dyad-en.model in the directory dyad was built with.  Returns DYAD_OK
 * and *out (free with dyad_model_free); DYAD_EMODEL for a file that is
 * missing, truncated, corrupted or of another format version (err->message
 * says which, err->file names the file); DYAD_ENOMEM. */
dyad_status dyad_model_load(const char *path, dyad_model **out, dyad_error *err);
/* The same from bytes in memory (copied as needed; bytes may be freed after). */
dyad_status dyad_model_load_buffer(const void *bytes, size_t len, dyad_model **out,
                                   dyad_error *err);
void dyad_model_free(dyad_model *model);
/* Parse with a beam of `width` paths instead of greedily (width 1, the
 * default).  Width 8 gains about half a point of UAS and LAS on EWT and
 * tags and parses about three times slower (README, "Figures").  Set it
 * before the model is shared between threads; widths under 1 or over
 * DYAD_MAX_BEAM are refused: DYAD_EUSAGE. */
#define DYAD_MAX_BEAM 64
dyad_status dyad_model_set_beam(dyad_model *model, int width);
/* Write a model file.  DYAD_EIO when it cannot be written. */
dyad_status dyad_model_save(const dyad_model *model, const char *path, dyad_error *err);

/* The analysis of one sentence. */
typedef struct dyad_parse dyad_parse;
dyad_parse *dyad_parse_new(void);   /* NULL when out of memory */
void dyad_parse_free(dyad_parse *parse);

/* Tag, lemmatize and parse the words forms[i][0..lens[i]) (i < n), replacing
 * what `parse` held.  DYAD_ENOMEM.  Thread-safe per parse object. */
dyad_status dyad_parse_words(const dyad_model *model, dyad_parse *parse,
                             const char *const *forms, const size_t *lens, size_t n,
                             dyad_error *err);
size_t dyad_parse_count(const dyad_parse *parse);
/* Word i (0-based) of the last analysis: strings live until the next
 * dyad_parse_words or dyad_parse_free; head is 1-based, 0 for the root. */
typedef struct dyad_word {
    const char *form;      /* as given, NUL-terminated copy */
    const char *lemma, *upos, *xpos, *deprel;
    int head;
} dyad_word;
void dyad_parse_word(const dyad_parse *parse, size_t i, dyad_word *out);

/* Raw text to CoNLL-U: split and tokenize text[0..len) with dyad's own
 * splitter, analyse each sentence and write it with "# sent_id = ID-N" and
 * "# text"; a word and the clitics split off it ("don't") are one multiword
 * token.  DYAD_EDOC for invalid UTF-8 (err->position), DYAD_EIO when the
 * sink fails, DYAD_ENOMEM. */
dyad_status dyad_parse_text(const dyad_model *model, const char *id, const char *text,
                            size_t len, dyad_sink_fn sink, void *ud, dyad_error *err);
/* Re-analyse the words of a CoNLL-U text (its tags, lemmas and heads are
 * ignored; comments and multiword tokens are kept).  DYAD_EUSAGE for a
 * malformed line (err->line), DYAD_EIO, DYAD_ENOMEM. */
dyad_status dyad_parse_conllu(const dyad_model *model, const char *bytes, size_t len,
                              dyad_sink_fn sink, void *ud, dyad_error *err);

/* Scores against a gold CoNLL-U file, in percent. */
typedef struct dyad_parse_scores {
    long sentences, words;
    /* gold tokenization */
    double upos, xpos, lemma, uas, las, las_full;  /* las: main relation type
                                                      (CoNLL 2018); las_full: with subtype */
    double words_per_second;                       /* tag+parse+lemma alone */
    /* raw text (# text re-split and re-tokenized by dyad), CoNLL 2018 F1 */
    int has_raw;
    double tokens_f1, sentences_f1, words_f1, uas_f1, las_f1;
} dyad_parse_scores;

/* Score the model on gold bytes (the gold tokenization, then its raw text).
 * DYAD_EUSAGE for malformed CoNLL-U, DYAD_ENOMEM. */
dyad_status dyad_eval_parse(const dyad_model *model, const char *bytes, size_t len,
                            dyad_parse_scores *out, dyad_error *err);

/* Training (the model shipped in data/model is made this way). */
typedef void (*dyad_progress_fn)(void *ud, const char *message);
typedef struct dyad_train_options {
    const char *train_path, *dev_path;  /* CoNLL-U; the epoch is chosen on dev */
    const char *test_path;              /* optional: scored at the end */
    int tagger_epochs, parser_epochs;   /* maximum epochs (defaults 15 and 20) */
    int folds;                          /* jackknife folds for the parser's tags (4) */
    int max_sentences;                  /* use only the first N training sentences (0: all) */
    unsigned long seed;                 /* shuffling and exploration (1) */
    double prune_tagger, prune_parser;  /* drop smaller weights from the final
                                           model: the tagger's under 0.3, the
                                           supertagger's under 1.0 (its weights
                                           spread over 3 classes per relation),
                                           the parser's under the smallest
                                           threshold up to 1.0 that keeps the
                                           file under 26.5 MB (0 keeps all) */
    double prune_stagger;
    dyad_progress_fn progress;          /* one line per step, may be NULL */
    void *ud;
    const char *const *raw_paths;       /* plain-text files for word classes */
    size_t nraw;                        /* (with the training words), may be 0 */
} dyad_train_options;
void dyad_train_options_init(dyad_train_options *opts);
/* Train a model.  DYAD_EIO/DYAD_EUSAGE for unreadable or malformed corpora. */
dyad_status dyad_train(const dyad_train_options *opts, dyad_model **out, dyad_error *err);

#ifdef __cplusplus
}
#endif
#endif
