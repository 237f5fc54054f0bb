# explain.sh: `dyad code --explain` says, per sentence, whether it was parsed
# and why not: only a sentence that word order already gives an event is
# parsed (the parse then confirms, corrects or drops it); and why each actor
# got its role.  Built-in dictionaries and the model in data/model.
source "$(dirname "$0")/lib.bash"

printf '%s\n' "Iran, Iraq and Syria met." "Iran criticized." \
    "The talks between Iran and Iraq were held." > "$T/in.txt"
"$DYAD" code --explain "$T/in.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "dyad code --explain"
sed -n '/^sentence 1:/,/^sentence 2:/p' "$T/out" > "$T/s1"
sed -n '/^sentence 2:/,/^sentence 3:/p' "$T/out" > "$T/s2"
sed -n '/^sentence 3:/,$p' "$T/out" > "$T/s3"
grep -q '^  parse: 1:Iran/NNP' "$T/s1" && grep -q 'event IRN -> IRQ 040' "$T/s1" && ok ||
    { fail "sentence 1 should be parsed and coded"; show "$T/out"; }
grep -q 'not parsed: no verb with actors on both sides' "$T/s2" && ok ||
    { fail "sentence 2 has one actor: not parsed"; show "$T/out"; }
grep -q 'not parsed: word order alone gives no event' "$T/s3" && ok ||
    { fail "sentence 3 gives no event by word order: not parsed"; show "$T/out"; }
grep -q '^  parse:' "$T/s3" && fail "sentence 3 was parsed" || ok

printf '%s\n' "Iraq was attacked by Iran." "Egypt condemned Israel." > "$T/roles.txt"
"$DYAD" code --explain --no-parse "$T/roles.txt" > "$T/out" 2> "$T/err"
grep -q 'source: "Iran" IRN (the passive verb.s "by" agent, by word order)' "$T/out" &&
    grep -q 'target: "Iraq" IRQ (the passive verb.s subject)' "$T/out" &&
    grep -q 'source: "Egypt" EGY (the first actor before the verb in its clause, by word order)' "$T/out" &&
    grep -q 'target: "Israel" ISR (the first actor after the verb in its phrase, by word order)' "$T/out" && ok ||
    { fail "--explain does not say why each actor got its role"; show "$T/out"; }
printf '%s\n' "Secretary of State John Kerry arrived in Ankara on Friday. He criticized Iran." > "$T/he.txt"
"$DYAD" code --explain --date 2014-09-12 "$T/he.txt" > "$T/out" 2> "$T/err"
grep -q '"He" USAGOV, a pronoun: the fitting actor last named' "$T/out" && ok ||
    { fail "--explain does not say a pronoun was resolved"; show "$T/out"; }
finish
