# threads.sh: `dyad code --threads N` codes documents in parallel and writes
# exactly what one thread writes: events, quotations, explanations and error
# records, in input order.  `make check` also runs it in a ThreadSanitizer
# build (build-tsan), where a data race in the library fails it.
source "$(dirname "$0")/lib.bash"
export LC_ALL=C
SRC=${DYAD_SOURCE:-$(dirname "$0")/../..}
SHARED=${DYAD_SHARED:-$SRC/../shared}

# json_text FILE: the file's text as a JSON string body.
json_text() {
    awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "");
           printf "%s%s", (NR > 1 ? "\\n" : ""), $0 }' "$1"
}

# The bundled example whole and paragraph by paragraph, on different dates,
# the seed reports and 15 PolNeAR articles when ../shared is there, and
# broken documents among them.
{
    whole=$(json_text "$SRC/examples/kerry-iran.txt")
    for i in $(seq 1 20); do
        printf '{"id":"kerry-%d","date":"2014-09-%02d","text":"%s"}\n' "$i" $((i % 28 + 1)) "$whole"
        awk -v i="$i" 'NF { gsub(/\\/, "\\\\"); gsub(/"/, "\\\"");
            printf "{\"id\":\"para-%d-%d\",\"date\":\"2014-09-11\",\"text\":\"%s\"}\n", i, NR, $0 }' \
            "$SRC/examples/kerry-iran.txt"
        [ $((i % 10)) -eq 5 ] && printf '{"id":"broken-%d","date":"2014-09-11","text":\n' "$i"
        [ $((i % 10)) -eq 7 ] && printf '{"id":"nodate-%d","date":"someday","text":"Iran met Iraq."}\n' "$i"
    done
    for f in "$SHARED"/seeds/*.txt $(ls "$SHARED"/data/polnear/dev/text/*.txt 2>/dev/null | head -n 15); do
        [ -f "$f" ] || continue
        printf '{"id":"%s","date":"2014-09-11","text":"%s"}\n' "$(basename "$f")" "$(json_text "$f")"
    done
} > "$T/batch.jsonl"

"$DYAD" code --threads 1 --quotes "$T/q1" --errors "$T/e1" "$T/batch.jsonl" > "$T/o1" 2> "$T/s1"
expect_status 3 $? "one thread, with broken documents"
if [ -s "$T/o1" ] && [ -s "$T/q1" ] && [ "$(grep -c 'invalid JSON' "$T/e1")" -eq 2 ] &&
   [ "$(grep -c '"nodate-' "$T/e1")" -eq 2 ]; then ok; else
    fail "one thread: no events, no quotations, or not the 4 broken documents as errors"
    show "$T/e1"
fi

for n in 2 4; do
    "$DYAD" code --threads "$n" --quotes "$T/q$n" --errors "$T/e$n" "$T/batch.jsonl" \
        > "$T/o$n" 2> "$T/s$n"
    expect_status 3 $? "--threads $n"
    if cmp -s "$T/o1" "$T/o$n" && cmp -s "$T/q1" "$T/q$n" && cmp -s "$T/e1" "$T/e$n"; then ok; else
        fail "--threads $n: events, quotations or errors differ from one thread"
        diff "$T/o1" "$T/o$n" | head -n 4 >&2
    fi
    if [ -s "$T/s$n" ]; then fail "--threads $n wrote to standard error"; show "$T/s$n"; else ok; fi
done

# The explanations, and word order alone, the same way.
"$DYAD" code --explain "$T/batch.jsonl" > "$T/x1" 2> /dev/null
"$DYAD" code --threads 3 --explain "$T/batch.jsonl" > "$T/x3" 2> "$T/sx3"
expect_status 3 $? "--threads 3 --explain"
cmp -s "$T/x1" "$T/x3" && ok || fail "--threads 3 --explain differs from one thread"
"$DYAD" code --no-parse --format tsv "$T/batch.jsonl" > "$T/n1" 2> /dev/null
"$DYAD" code --threads 3 --no-parse --format tsv "$T/batch.jsonl" > "$T/n3" 2> /dev/null
cmp -s "$T/n1" "$T/n3" && ok || fail "--threads 3 --no-parse --format tsv differs from one thread"
if grep -q ThreadSanitizer "$T"/s* "$T/sx3" 2> /dev/null; then
    fail "ThreadSanitizer reported a race"; grep -h -A12 ThreadSanitizer "$T"/s* | head -n 30 >&2
else
    ok
fi

finish
