# parse_text.sh: `dyad parse` on raw text writes tokens as UD treebanks have
# them.  A word and the clitics split off it ("I'm", "didn't", "Iran's") are
# one multiword token over its words, with the SpaceAfter on the token's line;
# a web address and "!!!" are one word each; re-reading the output with
# --input conllu keeps the multiword lines.
source "$(dirname "$0")/lib.bash"

printf "I'm sure Iran's envoy didn't see www.un.org/en today!!!\n" > "$T/s.txt"
"$DYAD" parse "$T/s.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "parse"
words=$(awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/ { printf "%s ", $2 }' "$T/out")
if [ "$words" = "I 'm sure Iran 's envoy did n't see www.un.org/en today !!! " ]; then ok; else
    fail "words: $words"; show "$T/out"; fi
mwt=$(awk -F'\t' 'NF == 10 && $1 ~ /-/ { printf "%s %s %s|", $1, $2, $10 }' "$T/out")
if [ "$mwt" = "1-2 I'm _|4-5 Iran's _|7-8 didn't _|" ]; then ok; else
    fail "multiword tokens: $mwt"; show "$T/out"; fi
if [ "$(awk -F'\t' '$1 == "2" || $1 == "5" || $1 == "8" { print $10 }' "$T/out" | sort -u)" = "_" ]; then
    ok; else fail "a word inside a multiword token has its own SpaceAfter"; show "$T/out"; fi
if awk -F'\t' '$2 == "today" { exit !($10 == "SpaceAfter=No") }' "$T/out"; then ok; else
    fail "today before !!! is not SpaceAfter=No"; show "$T/out"; fi

printf "Don't go.\n" > "$T/glued.txt"
"$DYAD" parse "$T/glued.txt" > "$T/glued" 2> "$T/err"
if grep -q "^1-2	Don't	_	_	_	_	_	_	_	_$" "$T/glued"; then ok; else
    fail "Don't at the start of a sentence"; show "$T/glued"; fi

"$DYAD" parse --input conllu "$T/out" > "$T/again" 2> "$T/err"
expect_status 0 $? "parse --input conllu of parse output"
if [ "$(cut -f1,2,10 "$T/out")" = "$(cut -f1,2,10 "$T/again")" ]; then ok; else
    fail "re-reading changed the tokens"; show "$T/again"; fi

# Usage errors exit 1, as for every command (they exited 2 before).
for args in "parse a b" "parse --bogus" "parse --input xml" "parse --beam 0" "eval-parse" \
            "eval-parse --bogus x" "train --seed"; do
    # shellcheck disable=SC2086
    "$DYAD" $args > /dev/null 2> "$T/err" < /dev/null
    expect_status 1 $? "dyad $args"
    if [ -s "$T/err" ]; then ok; else fail "dyad $args: no message on standard error"; fi
done

finish
