# batch_errors.sh: a batch of 10,000 JSON Lines documents, 100 of them broken in
# different ways: the broken ones become error records, the rest are coded, exit 3;
# the same with --threads.
source "$(dirname "$0")/lib.bash"
export LC_ALL=C

# gen FIRST LAST: documents FIRST..LAST; 99 of them (i % 100 == 50, below 9900) are broken.
# Good ids are dNNNNN; a broken document that has an id gets bad_NNNNN.
gen() {
    awk -v first="$1" -v last="$2" 'BEGIN {
        n = split("Iran Iraq France Russia China Japan Germany Turkey Egypt Israel", c, " ")
        for (i = first; i <= last; i++) {
            a = c[i % n + 1]; b = c[(i * 7 + 3) % n + 1]
            if (a == b) b = (a == "Iran") ? "Iraq" : "Iran"
            if (i % 2) s = a " accused " b " of shelling the border."
            else       s = a " condemned " b " on Monday."
            day = sprintf("2014-%02d-%02d", i % 12 + 1, i % 28 + 1)
            if (i % 100 != 50 || i >= 9900) {
                printf "{\"id\":\"d%05d\",\"date\":\"%s\",\"text\":\"%s\",\"source\":\"test\"}\n", i, day, s
                continue
            }
            k = int(i / 100) % 9
            id = sprintf("bad_%05d", i)
            if (k == 0)      printf "{\"id\":\"%s\",\"date\":\"%s\",\"text\":\"%s\n", id, day, s
            else if (k == 1) printf "{\"date\":\"%s\",\"text\":\"%s\"}\n", day, s
            else if (k == 2) printf "{\"id\":\"%s\",\"date\":\"%s\"}\n", id, day
            else if (k == 3) printf "{\"id\":\"%s\",\"date\":\"%s\",\"text\":\"%s \377\"}\n", id, day, s
            else if (k == 4) printf "{\"id\":\"%s\",\"date\":\"%s\",\"text\":\"%s\\u0000 More.\"}\n", id, day, s
            else if (k == 5) printf "{\"id\":\"%s\",\"date\":\"2014-13-45\",\"text\":\"%s\"}\n", id, s
            else if (k == 6) printf "{\"id\":\"%s\",\"date\":\"%s\",\"text\":\"\"}\n", id, day
            else if (k == 7) printf "[\"%s\",\"%s\",\"%s\"]\n", id, day, s
            else             printf "{\"id\":\"%s\",\"date\":\"%s\",\"text\":\"%s \342\202 \300\257\"}\n", id, day, s
        }
    }'
}

# The 100th broken document: one 50 MB line (over the 16 MiB document limit).
big() {
    printf '{"id":"bad_big","date":"2014-01-01","text":"Iran accused Iraq. '
    head -c 52428800 /dev/zero | tr '\0' 'a'
    printf '"}\n'
}

{ gen 1 5000; big; gen 5001 9999; } > "$T/batch.jsonl"
[ "$(wc -l < "$T/batch.jsonl")" -eq 10000 ] || { echo "generator broke" >&2; exit 1; }
seq 1 9999 | awk '$1 % 100 != 50 || $1 >= 9900 { printf "d%05d\n", $1 }' > "$T/good.ids"
[ "$(wc -l < "$T/good.ids")" -eq 9900 ] || { echo "generator broke" >&2; exit 1; }

"$DYAD" code --errors "$T/errors.jsonl" "$T/batch.jsonl" > "$T/out.jsonl" 2> "$T/stderr"
expect_status 3 $? "batch with 100 broken documents"

if [ -f "$T/errors.jsonl" ]; then
    n=$(wc -l < "$T/errors.jsonl")
    if [ "$n" -eq 100 ]; then ok; else fail "$n error records, expected 100"; show "$T/errors.jsonl"; fi
    complete=$(grep '"doc" *:' "$T/errors.jsonl" | grep '"error" *: *"' | grep -c '"position" *: *-\{0,1\}[0-9]')
    if [ "$complete" -eq "$n" ]; then ok; else
        fail "$((n - complete)) error records lack doc, error or a numeric position"
        show "$T/errors.jsonl"
    fi
else
    fail "--errors file was not written"
fi

# The good documents: at least one event each, and none for a broken one.
grep -o '"doc" *: *"[^"]*"' "$T/out.jsonl" | sed 's/.*: *"//; s/"$//' | sort -u > "$T/coded.ids"
missing=$(comm -23 "$T/good.ids" "$T/coded.ids" | wc -l)
if [ "$missing" -eq 0 ]; then ok; else
    fail "$missing of 9900 good documents have no event, e.g. $(comm -23 "$T/good.ids" "$T/coded.ids" | head -3 | tr '\n' ' ')"
    show "$T/out.jsonl"
fi
broken=$(grep -c '^bad_' "$T/coded.ids")
if [ "$broken" -eq 0 ]; then ok; else fail "$broken broken documents produced events: $(grep '^bad_' "$T/coded.ids" | head -5 | tr '\n' ' ')"; fi
if [ -s "$T/stderr" ] && grep -q '"doc"' "$T/stderr"; then
    fail "error records went to standard error although --errors was given"
else
    ok
fi

# --threads codes documents in parallel: the events, the error records and the
# status are the same, in the same order, as with one thread.
"$DYAD" code --threads 3 --errors "$T/errors3.jsonl" "$T/batch.jsonl" > "$T/out3.jsonl" 2> "$T/stderr3"
expect_status 3 $? "the batch with --threads 3"
if cmp -s "$T/out.jsonl" "$T/out3.jsonl" && cmp -s "$T/errors.jsonl" "$T/errors3.jsonl"; then ok; else
    fail "--threads 3 wrote other events or errors than one thread"
    diff "$T/errors.jsonl" "$T/errors3.jsonl" | head -5 >&2
fi
for bad in 0 -1 257 x 2x; do
    "$DYAD" code --threads "$bad" /dev/null > "$T/out" 2> "$T/err"
    st=$?
    if [ "$st" -eq 1 ] && grep -q -- "--threads is a number" "$T/err"; then ok; else
        fail "--threads $bad: status $st"; show "$T/err"; fi
done

finish
