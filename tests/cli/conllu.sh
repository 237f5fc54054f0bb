# conllu.sh: `dyad code --input conllu` codes parses made elsewhere: documents by
# "# newdoc", the given sentences, words and heads (not dyad's own), SpaceAfter and
# multiword tokens in the rebuilt text, a malformed document reported while the
# rest is coded, and a parse with a head cycle coded without a hang or crash.
source "$(dirname "$0")/lib.bash"

# tab: the columns below are written with blanks (no form has one)
tab() { sed '/^#/!s/ /\t/g'; }

# Two documents.  The first sentence's agent is labelled plain obl (as some
# parsers do): the given parse decides, so Iran is the source.
tab > "$T/two.conllu" <<'X'
# newdoc id = first
# date = 2014-09-12
# text = Iraq was attacked by Iran.
1 Iraq Iraq PROPN NNP _ 3 nsubj:pass _ _
2 was be AUX VBD _ 3 aux:pass _ _
3 attacked attack VERB VBN _ 0 root _ _
4 by by ADP IN _ 5 case _ _
5 Iran Iran PROPN NNP _ 3 obl _ SpaceAfter=No
6 . . PUNCT . _ 3 punct _ _

1-2 Don't _ _ _ _ _ _ _ _
1 Do do AUX VBP _ 3 aux _ _
2 n't not PART RB _ 3 advmod _ _
3 worry worry VERB VB _ 0 root _ SpaceAfter=No
4 . . PUNCT . _ 3 punct _ _

# newdoc id = second
1 Egypt Egypt PROPN _ _ 2 nsubj _ _
2 condemned condemn VERB _ Mood=Ind|Tense=Past|VerbForm=Fin 0 root _ _
3 Israel Israel PROPN _ _ 2 obj _ SpaceAfter=No
4 . . PUNCT _ _ 2 punct _ _

X
"$DYAD" code --date 2015-01-01 "$T/two.conllu" > "$T/out" 2> "$T/err"
expect_status 0 $? "two CoNLL-U documents"
if grep -q '"doc":"first".*"date":"2014-09-12".*"source":"IRN","target":"IRQ".*"root":"19"' "$T/out"
then ok; else fail "first: no IRN -> IRQ 19 dated 2014-09-12 from the given parse"; show "$T/out"; fi
if grep -q '"doc":"second".*"date":"2015-01-01".*"source":"EGY","target":"ISR".*"root":"11"' "$T/out"
then ok; else fail "second: no EGY -> ISR 11 (no XPOS: tags from UPOS and features)"; show "$T/out"; fi
if grep -q '"sentence_text":"Iraq was attacked by Iran."' "$T/out"; then ok; else
    fail "the text is not rebuilt with SpaceAfter=No"; show "$T/out"; fi
# the offsets point at the words of the rebuilt text
if grep -q '"source_text":"Iran","source_start":21,"source_end":25' "$T/out"; then ok; else
    fail "source offsets are not those of the word"; show "$T/out"; fi
"$DYAD" code --explain --date 2015-01-01 "$T/two.conllu" > "$T/out" 2> "$T/err"
if grep -q "^sentence 2: Don't worry." "$T/out"; then ok; else
    fail "multiword token: the text is not \"Don't worry.\""; show "$T/out"; fi
if grep -q 'parse: 1:Iraq/NNP->3:nsubj:pass' "$T/out"; then ok; else
    fail "--explain does not show the given parse"; show "$T/out"; fi

# By extension and on standard input.
cp "$T/two.conllu" "$T/two.txt"
"$DYAD" code --input conllu - < "$T/two.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "--input conllu on standard input"
if [ "$(grep -c '"doc":"' "$T/out")" -eq 2 ]; then ok; else fail "stdin: not two events"; show "$T/out"; fi

# A malformed document is reported with its id and line; the next is coded.
tab > "$T/bad.conllu" <<'X'
# newdoc id = broken
1 Iran Iran PROPN NNP _ 2 nsubj _ _
2 attacked

# newdoc id = fine
1 Iran Iran PROPN NNP _ 2 nsubj _ _
2 attacked attack VERB VBD _ 0 root _ _
3 Iraq Iraq PROPN NNP _ 2 obj _ _

X
"$DYAD" code --date 2015-01-01 --errors "$T/errs" "$T/bad.conllu" > "$T/out" 2> "$T/err"
expect_status 3 $? "a malformed CoNLL-U document"
if grep -q '"doc":"broken".*line 3' "$T/errs"; then ok; else
    fail "the malformed document is not reported with its id and line"; show "$T/errs"; fi
if grep -q '"doc":"fine".*"source":"IRN","target":"IRQ"' "$T/out"; then ok; else
    fail "the document after the malformed one is not coded"; show "$T/out"; fi

# A word that is two of dyad's tokens (",”") keeps what both say: the comma
# and the closing quotation mark, so "We" is the quotation's speaker.
tab > "$T/quote.conllu" <<'X'
1 “ “ PUNCT `` _ 5 punct _ SpaceAfter=No
2 We we PRON PRP _ 5 nsubj _ _
3 will will AUX MD _ 5 aux _ _
4 not not PART RB _ 5 advmod _ _
5 cooperate cooperate VERB VB _ 10 ccomp _ _
6 with with ADP IN _ 7 case _ _
7 Iran Iran PROPN NNP _ 5 obl _ SpaceAfter=No
8 ,” ,” PUNCT , _ 5 punct _ _
9 Kerry Kerry PROPN NNP _ 10 nsubj _ _
10 said say VERB VBD _ 0 root _ SpaceAfter=No
11 . . PUNCT . _ 10 punct _ _

X
"$DYAD" code --date 2014-09-12 "$T/quote.conllu" > "$T/out" 2> "$T/err"
if grep -q '"source":"USAGOV","target":"IRN".*"root":"12"' "$T/out"; then ok; else
    fail "a quotation closed inside a word: no USAGOV -> IRN 12"; show "$T/out"; fi

# Heads in a cycle: coded (maybe with nothing) without a hang.
tab > "$T/cycle.conllu" <<'X'
1 Gondor Gondor PROPN NNP _ 2 nsubj _ _
2 wire wire NOUN NN _ 3 compound _ _
3 tapped tap NOUN NN _ 2 compound _ _
4 Arnor Arnor PROPN NNP _ 3 obj _ _

X
timeout 20 "$DYAD" code --date 2015-01-01 "$T/cycle.conllu" > "$T/out" 2> "$T/err"
expect_status 0 $? "a parse with a head cycle"

finish
