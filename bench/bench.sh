#!/bin/sh
# bench.sh DYAD: throughput of `dyad code` on real news.  Builds a >= 50 MB JSON Lines
# corpus from the PolNeAR articles in ../shared (cached in bench/out/), codes it 5
# times per dictionary set, with and without the parser (and once more with
# --threads on all the cores), and prints medians, peak
# memory and an output checksum; then times tag+parse alone (dyad parse), greedy
# and with a beam of 8.
# Figures only: a benchmark never passes or fails.
set -u
DYAD=${1:?usage: sh bench/bench.sh path/to/dyad}
RUNS=${BENCH_RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${DYAD_SHARED:-$ROOT/../shared}
POLNEAR=$SHARED/data/polnear
PETRARCH=$SHARED/data/petrarch2
OUTDIR=$ROOT/bench/out
CORPUS=$OUTDIR/polnear-50mb.jsonl
MIN_BYTES=52428800

[ -x "$DYAD" ] || { echo "bench: no dyad binary at $DYAD" >&2; exit 1; }
if [ ! -d "$POLNEAR/train/text" ]; then
    echo "bench: $POLNEAR is absent; the benchmark corpus is built from PolNeAR (see DATA.md)."
    exit 0
fi
mkdir -p "$OUTDIR"

# One pass over the 924 articles as JSON Lines: id = file name, date from
# metadata.tsv; passes after the first get ids "NAME#2", "NAME#3", ...
build_corpus() {
    LC_ALL=C awk -F '\t' '
        function flush() {
            if (id == "") return
            d = (id in date) ? date[id] : "2016-01-01"
            printf "{\"id\":\"%s@PASS@\",\"date\":\"%s\",\"text\":\"%s\"}\n", name, d, text
        }
        FNR == NR { if (FNR > 1) date[$2] = $6; next }
        FNR == 1 {
            flush()
            name = FILENAME; sub(/.*\//, "", name)
            id = name; sub(/\.txt$/, "", id)
            text = ""
        }
        {
            line = $0
            gsub(/\\/, "\\\\", line); gsub(/"/, "\\\"", line)
            gsub(/\t/, "\\t", line); gsub(/\r/, "\\r", line)
            gsub(/[\001-\010\013\014\016-\037\177]/, " ", line)
            text = (FNR == 1) ? line : text "\\n" line
        }
        END { flush() }
    ' "$POLNEAR/metadata.tsv" "$POLNEAR"/train/text/*.txt "$POLNEAR"/dev/text/*.txt > "$OUTDIR/pass.jsonl"
    pass=1
    : > "$CORPUS.tmp"
    while [ "$(wc -c < "$CORPUS.tmp")" -lt "$MIN_BYTES" ]; do
        if [ "$pass" -eq 1 ]; then suffix=""; else suffix="#$pass"; fi
        sed "s/@PASS@/$suffix/" "$OUTDIR/pass.jsonl" >> "$CORPUS.tmp"
        pass=$((pass + 1))
    done
    mv "$CORPUS.tmp" "$CORPUS"
    rm -f "$OUTDIR/pass.jsonl"
}
[ -s "$CORPUS" ] || { echo "building $CORPUS ..."; build_corpus; }
bytes=$(wc -c < "$CORPUS")
docs=$(wc -l < "$CORPUS")

# The machine and the build.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
cache=$(dirname "$DYAD")/CMakeCache.txt
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$cache" 2>/dev/null)
btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache" 2>/dev/null)
ccver=$("${cc:-cc}" --version 2>/dev/null | head -n 1)
pin=""
if command -v taskset > /dev/null 2>&1 && taskset -c 0 true 2> /dev/null; then pin="taskset -c 0"; fi
timer=""
if [ -x /usr/bin/time ]; then timer="/usr/bin/time -v"; fi

if [ -n "$pin" ]; then pinned="pinned to core 0 (taskset)"; else pinned="not pinned (no taskset)"; fi
echo "machine:  ${cpu:-unknown CPU}, $(nproc) cores; runs $pinned"
echo "compiler: ${ccver:-unknown} (${btype:-unknown build type})"
echo "dyad:     $DYAD"
echo "corpus:   $CORPUS: $docs documents, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MB (PolNeAR train+dev, repeated)"
echo "runs:     $RUNS per configuration; figures are medians"
[ -n "$timer" ] || echo "note:     /usr/bin/time is missing (Debian package time): no peak memory"

# Does this dyad write --stats?  Without it there are no sentence or token counts.
printf '{"id":"x","date":"2016-01-01","text":"Iran accused Iraq."}\n' > "$OUTDIR/probe.jsonl"
stats_opt=""
if "$DYAD" code --stats "$OUTDIR/probe.stats" "$OUTDIR/probe.jsonl" > /dev/null 2>&1 &&
   [ -s "$OUTDIR/probe.stats" ]; then
    stats_opt=1
else
    echo "note:     this dyad has no 'code --stats FILE': sentence and token rates are not shown"
fi
rm -f "$OUTDIR/probe.jsonl" "$OUTDIR/probe.stats"

# stats_field NAME FILE: one number from the --stats JSON object.
stats_field() { sed -n "s/.*\"$1\" *: *\([0-9][0-9]*\).*/\1/p" "$2" | head -n 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# run_config LABEL DICTIONARY-OPTIONS...
run_config() {
    label=$1
    shift
    echo
    echo "== $label"
    : > "$OUTDIR/times" ; : > "$OUTDIR/rss" ; : > "$OUTDIR/sums"
    i=1
    while [ "$i" -le "$RUNS" ]; do
        rm -f "$OUTDIR/stats.json"
        start=$(date +%s%N)
        # shellcheck disable=SC2086
        ${run_pin-$pin} $timer "$DYAD" code ${stats_opt:+--stats "$OUTDIR/stats.json"} --errors "$OUTDIR/errors.jsonl" \
            "$@" "$CORPUS" > "$OUTDIR/events.jsonl" 2> "$OUTDIR/time.log"
        rc=$?
        end=$(date +%s%N)
        if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
            echo "run $i: dyad exited with status $rc:"
            grep -v '^	' "$OUTDIR/time.log" | head -n 5
            return
        fi
        echo $(((end - start) / 1000000)) >> "$OUTDIR/times"
        sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUTDIR/time.log" >> "$OUTDIR/rss"
        LC_ALL=C sort "$OUTDIR/events.jsonl" | sha256sum | cut -c 1-16 >> "$OUTDIR/sums"
        i=$((i + 1))
    done
    ms=$(median < "$OUTDIR/times")
    events=$(wc -l < "$OUTDIR/events.jsonl")
    errors=0
    [ -f "$OUTDIR/errors.jsonl" ] && errors=$(wc -l < "$OUTDIR/errors.jsonl")
    echo "wall:        $(awk -v m="$ms" 'BEGIN { printf "%.2f s", m / 1000 }') (runs: $(tr '\n' ' ' < "$OUTDIR/times")ms)"
    awk -v m="$ms" -v d="$docs" -v b="$bytes" 'BEGIN {
        s = m / 1000
        printf "documents/s: %.0f\nMB/s:        %.2f\n", d / s, b / 1048576 / s }'
    if [ -n "$stats_opt" ] && [ -s "$OUTDIR/stats.json" ]; then
        sentences=$(stats_field sentences "$OUTDIR/stats.json")
        tokens=$(stats_field tokens "$OUTDIR/stats.json")
        load=$(sed -n 's/.*"dict_load_ms" *: *\([0-9.]*\).*/\1/p' "$OUTDIR/stats.json")
        awk -v m="$ms" -v n="${sentences:-}" -v t="${tokens:-}" -v l="$load" 'BEGIN {
            s = m / 1000
            if (n != "") printf "sentences/s: %.0f (%d sentences)\n", n / s, n
            if (t != "") printf "tokens/s:    %.0f (%d tokens)\n", t / s, t
            if (l != "") printf "dictionary loading: %s ms of the last run\n", l }'
    fi
    if [ -s "$OUTDIR/rss" ]; then
        echo "peak RSS:    $(median < "$OUTDIR/rss" | awk '{ printf "%.1f MB", $1 / 1024 }')"
    fi
    echo "events:      $events; document errors: $errors"
    if [ "$(sort -u "$OUTDIR/sums" | wc -l)" -eq 1 ]; then
        echo "checksum:    $(head -n 1 "$OUTDIR/sums") (sha256 of the sorted output, the same in all $RUNS runs)"
    else
        echo "checksum:    DIFFERS between runs: $(tr '\n' ' ' < "$OUTDIR/sums")"
    fi
}

# parse_alone [OPTION...]: tag and parse only (dyad parse: split, tokenize,
# tag, parse, write CoNLL-U) over one pass of the articles as plain text.
parse_alone() {
    echo
    echo "== tag+parse alone (dyad parse${1:+ $*} on one pass of the articles, $(wc -c < "$OUTDIR/polnear.txt" | awk '{ printf "%.1f MB", $1 / 1048576 }'))"
    : > "$OUTDIR/times"
    i=1
    while [ "$i" -le "$RUNS" ]; do
        start=$(date +%s%N)
        $pin "$DYAD" parse "$@" "$OUTDIR/polnear.txt" > "$OUTDIR/parse.conllu" 2> "$OUTDIR/time.log" || {
            echo "dyad parse failed:"; head -n 3 "$OUTDIR/time.log"; return; }
        end=$(date +%s%N)
        echo $(((end - start) / 1000000)) >> "$OUTDIR/times"
        i=$((i + 1))
    done
    ms=$(median < "$OUTDIR/times")
    words=$(grep -c '^[0-9]' "$OUTDIR/parse.conllu")
    sents=$(grep -c '^# sent_id' "$OUTDIR/parse.conllu")
    echo "wall:        $(awk -v m="$ms" 'BEGIN { printf "%.2f s", m / 1000 }') (runs: $(tr '\n' ' ' < "$OUTDIR/times")ms)"
    awk -v m="$ms" -v w="$words" -v n="$sents" 'BEGIN { s = m / 1000
        printf "tokens/s:    %.0f (%d tokens)\nsentences/s: %.0f (%d sentences)\n", w / s, w, n / s, n }'
    rm -f "$OUTDIR/parse.conllu"
}

PHOENIX="--verbs $PETRARCH/CAMEO.2.0.txt --actors $PETRARCH/Phoenix.Countries.actors.txt
    --actors $PETRARCH/Phoenix.International.actors.txt --actors $PETRARCH/Phoenix.MilNonState.actors.txt
    --agents $PETRARCH/Phoenix.agents.txt --discards $PETRARCH/Phoenix.discards.txt"
run_config "built-in dictionaries (parsing with the shipped model)"
run_config "built-in dictionaries, word order only (--no-parse)" --no-parse
cores=$(nproc)
if [ "$cores" -gt 1 ] && "$DYAD" code --help 2> /dev/null | grep -q -- --threads; then
    # all the cores, so not pinned
    run_pin=""
    run_config "built-in dictionaries, parsing, --threads $cores (all cores, not pinned)" --threads "$cores"
    unset run_pin
fi
if [ -f "$PETRARCH/CAMEO.2.0.txt" ]; then
    # shellcheck disable=SC2086
    run_config "Phoenix dictionaries (CAMEO.2.0 verbs, Phoenix actors, agents, discards), parsing" $PHOENIX
    # shellcheck disable=SC2086
    run_config "Phoenix dictionaries, word order only (--no-parse)" $PHOENIX --no-parse
fi
cat "$POLNEAR"/train/text/*.txt "$POLNEAR"/dev/text/*.txt > "$OUTDIR/polnear.txt"
parse_alone
parse_alone --beam 8
rm -f "$OUTDIR/polnear.txt"
rm -f "$OUTDIR/events.jsonl" "$OUTDIR/errors.jsonl" "$OUTDIR/stats.json" "$OUTDIR/time.log" \
      "$OUTDIR/times" "$OUTDIR/rss" "$OUTDIR/sums"
exit 0
