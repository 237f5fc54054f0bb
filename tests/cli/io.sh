# io.sh: how `dyad code` takes its input and gives its output: --input and the
# extension, standard input, --format tsv, files that cannot be opened, bad options.
source "$(dirname "$0")/lib.bash"

S1='Iran accused Iraq of shelling the border.'
printf '%s\n' "$S1" > "$T/accuse.txt"
printf '{"id":"j1","date":"2015-03-01","text":"%s","url":"http://example.org/1","feed":"feed-marker-77"}\n' \
    "$S1" > "$T/docs.jsonl"
cp "$T/docs.jsonl" "$T/docs-as.txt"

# events_for ID FILE: the number of JSON events of document ID in FILE.
events_for() { grep -c "\"doc\" *: *\"$1\"" "$2"; }

# Text input: one file, one document, id = file name.
"$DYAD" code --date 2014-09-11 "$T/accuse.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "text file"
if [ "$(events_for accuse.txt "$T/out")" -ge 1 ] && grep -q '"IRN"' "$T/out" && grep -q '"IRQ"' "$T/out"
then ok; else fail "text file: no IRN/IRQ event with doc accuse.txt"; show "$T/out"; fi
if grep -q '"date" *: *"2014-09-11"' "$T/out"; then ok; else fail "text file: --date not used"; fi
if grep -q '"code" *: *"[0-9]' "$T/out"; then ok; else fail "codes are not JSON strings"; show "$T/out"; fi

# JSON Lines by extension, and by --input whatever the extension.
"$DYAD" code "$T/docs.jsonl" > "$T/out" 2> "$T/err"
expect_status 0 $? "jsonl by extension"
if [ "$(events_for j1 "$T/out")" -ge 1 ]; then ok; else fail "jsonl by extension: no event for j1"; show "$T/out"; fi
if grep -q 'feed-marker-77' "$T/out"; then ok; else fail "jsonl: extra field not copied through"; fi
"$DYAD" code --input jsonl "$T/docs-as.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "--input jsonl on a .txt file"
if [ "$(events_for j1 "$T/out")" -ge 1 ]; then ok; else fail "--input jsonl: not read as JSON Lines"; show "$T/out"; fi

# Standard input, without a file and with -.
"$DYAD" code --date 2014-09-11 < "$T/accuse.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "text on standard input"
if grep -q '"IRN"' "$T/out"; then ok; else fail "standard input: no event"; show "$T/out"; show "$T/err"; fi
"$DYAD" code --input jsonl - < "$T/docs.jsonl" > "$T/out" 2> "$T/err"
expect_status 0 $? "jsonl on standard input (-)"
if [ "$(events_for j1 "$T/out")" -ge 1 ]; then ok; else fail "- with --input jsonl: no event for j1"; show "$T/out"; fi

# TSV: a header row, then rows with as many fields.
"$DYAD" code --format tsv --date 2014-09-11 "$T/accuse.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "--format tsv"
fields=$(head -n 1 "$T/out" | awk -F '\t' '{ print NF }')
if [ "${fields:-0}" -ge 5 ] && ! head -n 1 "$T/out" | grep -q '^{'; then ok; else
    fail "--format tsv: no header row of tab-separated names"; show "$T/out"; fi
rows=$(awk -F '\t' -v n="${fields:-0}" 'NR > 1 && NF == n' "$T/out" | wc -l)
badrows=$(awk -F '\t' -v n="${fields:-0}" 'NR > 1 && NF != n' "$T/out" | wc -l)
if [ "$rows" -ge 1 ] && [ "$badrows" -eq 0 ]; then ok; else
    fail "--format tsv: $rows rows with $fields fields, $badrows rows with another count"; show "$T/out"; fi
if awk -F '\t' 'NR > 1' "$T/out" | grep -q 'IRN'; then ok; else fail "--format tsv: no IRN row"; fi

# A file that cannot be opened is a document error: exit 3, the other files coded.
"$DYAD" code --date 2014-09-11 --errors "$T/errors" "$T/no-such-file.txt" "$T/accuse.txt" > "$T/out" 2> "$T/err"
expect_status 3 $? "missing input file"
if [ -f "$T/errors" ] && [ "$(wc -l < "$T/errors")" -eq 1 ] && grep -q 'no-such-file.txt' "$T/errors"
then ok; else fail "missing input file: no single error record naming it"; [ -f "$T/errors" ] && show "$T/errors"; fi
if [ "$(events_for accuse.txt "$T/out")" -ge 1 ]; then ok; else fail "missing input file: the next file was not coded"; fi

# So is a directory, and a file whose reading fails part way (/proc/self/mem
# opens, then every read is an I/O error): before, either stopped the batch
# with exit 1 and the next file was not coded.
mkdir -p "$T/adir"
for bad in "$T/adir" /proc/self/mem; do
    [ -e "$bad" ] || continue
    rm -f "$T/errors"
    "$DYAD" code --date 2014-09-11 --errors "$T/errors" "$bad" "$T/accuse.txt" > "$T/out" 2> "$T/err"
    expect_status 3 $? "unreadable input $bad"
    if [ -f "$T/errors" ] && [ "$(wc -l < "$T/errors")" -eq 1 ] && grep -q "${bad##*/}" "$T/errors"
    then ok; else fail "unreadable input $bad: no single error record naming it"; [ -f "$T/errors" ] && show "$T/errors"; fi
    if [ "$(events_for accuse.txt "$T/out")" -ge 1 ]; then ok; else fail "unreadable input $bad: the next file was not coded"; fi
done

# Without --errors, document errors go to standard error.
printf '{"id":"x1","date":"2015-03-01","text":"%s"}\n{"id":"x2","date":\n' "$S1" > "$T/half.jsonl"
"$DYAD" code "$T/half.jsonl" > "$T/out" 2> "$T/err"
expect_status 3 $? "one malformed JSON line"
if [ -s "$T/err" ]; then ok; else fail "document error not reported on standard error"; fi
if [ "$(events_for x1 "$T/out")" -ge 1 ]; then ok; else fail "the good line before the bad one was not coded"; fi

# Usage errors: exit 1 and nothing coded.
for args in "--no-such-option" "--format xml" "--input yaml" "--date 2014-13-45" "--date yesterday" \
            "--verbs $T/no-such-dictionary.txt"; do
    # shellcheck disable=SC2086
    "$DYAD" code $args "$T/accuse.txt" > "$T/out" 2> "$T/err"
    expect_status 1 $? "dyad code $args"
    if [ -s "$T/out" ]; then fail "dyad code $args: wrote output"; else ok; fi
    if [ -s "$T/err" ]; then ok; else fail "dyad code $args: no message on standard error"; fi
done
"$DYAD" no-such-command > "$T/out" 2> "$T/err"
expect_status 1 $? "unknown command"

finish
