# beam.sh: --beam parses with a beam of paths.  On EWT dev (gold words) the
# beam of 8 scores a higher UAS and LAS than the greedy parse, whose output
# it keeps in shape (same words, 10 columns); a very long sentence at the
# widest beam is parsed; widths out of 1..64 are usage errors for every
# command that takes one.
source "$(dirname "$0")/lib.bash"

for cmd in parse eval-parse code validate; do
    for bad in 0 65 x; do
        "$DYAD" $cmd --beam "$bad" /dev/null > "$T/out" 2> "$T/err"
        st=$?
        if [ "$st" -ne 0 ] && grep -q -- "--beam is a width" "$T/err"; then ok; else
            fail "$cmd --beam $bad: status $st"; show "$T/err"; fi
    done
done

printf 'Egypt condemned the attack on the embassy in Cairo on Monday, officials said.\n' > "$T/s.txt"
"$DYAD" parse "$T/s.txt" > "$T/greedy" 2> "$T/err"
expect_status 0 $? "parse"
"$DYAD" parse --beam 8 "$T/s.txt" > "$T/beam" 2> "$T/err"
expect_status 0 $? "parse --beam 8"
if [ "$(cut -f1,2 "$T/greedy")" = "$(cut -f1,2 "$T/beam")" ] &&
   [ "$(awk -F'\t' 'NF && !/^#/ && NF != 10' "$T/beam" | wc -l)" -eq 0 ]; then ok; else
    fail "parse --beam 8: not the same words in 10 columns"; show "$T/beam"; fi
if [ "$(awk -F'\t' 'NF == 10 && $7 == 0' "$T/beam" | wc -l)" -eq 1 ]; then ok; else
    fail "parse --beam 8: not one root"; show "$T/beam"; fi

# A 1,000-word "sentence" (a list without stops) at the widest beam: the width
# is cut to keep the copying bounded; every word still gets one head.
awk 'BEGIN { for (i = 0; i < 1000; i++) printf "%s ", (i % 3 ? "talks" : "Iran"); print "" }' \
    > "$T/long.txt"
"$DYAD" parse --beam 64 "$T/long.txt" > "$T/long" 2> "$T/err"
expect_status 0 $? "parse --beam 64 of 1,000 words"
if [ "$(awk -F'\t' 'NF == 10' "$T/long" | wc -l)" -eq 1000 ] &&
   [ "$(awk -F'\t' 'NF == 10 && $7 == 0' "$T/long" | wc -l)" -ge 1 ]; then ok; else
    fail "parse --beam 64 of 1,000 words: not 1,000 words with a root"; show "$T/long"; fi

GOLD=${DYAD_SHARED:-}/data/ud-english-ewt/en_ewt-ud-dev.conllu
[ -f "$GOLD" ] || { echo "skip: $GOLD not found (no ../shared beside the project)"; finish; }
"$DYAD" eval-parse "$GOLD" > "$T/g" 2> "$T/err"
expect_status 0 $? "eval-parse"
"$DYAD" eval-parse --beam 8 "$GOLD" > "$T/b" 2> "$T/err"
expect_status 0 $? "eval-parse --beam 8"
# score NAME FILE: the gold-tokenization figure after NAME
score() { sed -n "s/^gold tokenization:.* $1 \([0-9.]*\) .*/\1/p" "$2"; }
for s in UAS LAS; do
    g=$(score $s "$T/g") b=$(score $s "$T/b")
    if [ -n "$g" ] && [ -n "$b" ] && awk -v g="$g" -v b="$b" 'BEGIN { exit !(b > g) }'; then ok
    else fail "EWT dev $s: beam 8 gives '$b', greedy '$g'"; show "$T/b"; fi
done
finish
