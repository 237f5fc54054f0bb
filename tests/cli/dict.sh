# dict.sh: dictionaries given on the command line: a malformed one stops `dyad code`
# (exit 1, file:line on standard error); `dyad dict check` reports lines and counts,
# and accepts every dictionary file of the field in ../shared.
source "$(dirname "$0")/lib.bash"

printf '%s\n' 'Iran accused Iraq of shelling the border.' > "$T/accuse.txt"
# Line 3 opens a code bracket it never closes.
printf 'IRAN_ [IRN]\nIRAQ_ [IRQ]\nFRANCE_ [FRA\n' > "$T/bad.actors.txt"
printf 'IRAN_ [IRN]\n+IRANIAN_\nIRAQ_ [IRQ]\n' > "$T/good.actors.txt"

"$DYAD" code --date 2014-09-11 --actors "$T/bad.actors.txt" "$T/accuse.txt" > "$T/out" 2> "$T/err"
expect_status 1 $? "dyad code with a malformed actors file"
if [ -s "$T/out" ]; then fail "malformed dictionary: events were written"; show "$T/out"; else ok; fi
if grep -q 'bad\.actors\.txt:3: ' "$T/err"; then ok; else
    fail "malformed dictionary: no 'bad.actors.txt:3: message' on standard error"; show "$T/err"; fi

"$DYAD" dict check "$T/bad.actors.txt" > "$T/out" 2>&1
expect_status 1 $? "dyad dict check on a malformed file"
if grep -q 'bad\.actors\.txt:3: ' "$T/out"; then ok; else
    fail "dict check: the malformed line is not reported as file:line: message"; show "$T/out"; fi

"$DYAD" dict check "$T/good.actors.txt" > "$T/out" 2>&1
expect_status 0 $? "dyad dict check on a good file"
if grep -qi 'actor' "$T/out" && grep -q '[0-9]' "$T/out"; then ok; else
    fail "dict check: no actor counts printed"; show "$T/out"; fi

# A good custom actors file replaces the built-in actors and still codes.
"$DYAD" code --date 2014-09-11 --actors "$T/good.actors.txt" "$T/accuse.txt" > "$T/out" 2> "$T/err"
expect_status 0 $? "dyad code with a custom actors file"
if grep -q '"IRN"' "$T/out" && grep -q '"IRQ"' "$T/out"; then ok; else
    fail "custom actors file: no IRN/IRQ event"; show "$T/out"; show "$T/err"; fi

P=${DYAD_SHARED:-}/data/petrarch2
if [ -n "${DYAD_SHARED:-}" ] && [ -d "$P" ]; then
    "$DYAD" dict check "$P"/*.txt > "$T/out" 2>&1
    expect_status 0 $? "dyad dict check on ../shared/data/petrarch2/*.txt"
    for kind in verb actor agent discard issue; do
        if grep -qi "$kind" "$T/out"; then ok; else fail "dict check petrarch2: no $kind counts"; fi
    done
    if grep -q ':[0-9][0-9]*: ' "$T/out" && ! grep -qi 'warn' "$T/out"; then
        fail "dict check petrarch2: lines reported as malformed"; show "$T/out"
    else ok; fi
    cat "$T/out"
else
    echo "note: \$DYAD_SHARED/data/petrarch2 is absent; the field's dictionaries were not checked"
fi

finish
