# validate.sh: the PETRARCH unit-test suite as the field runs it.  dyad codes
# each record from its <Text> with the dictionaries its <Environment> names;
# this guards the pass count against regressions (128 of 139 with the parser,
# 131 from word order alone; FORMATS.md §12 lists records no text-based coder can pass).
# The count moves with the model: models trained by the same code with seeds
# 1 (shipped), 2 and 3 pass 128, 126 and 129, so the guard is the lowest of
# them.  COMPOUND-03 fails when "welcome" is tagged UH.
source "$(dirname "$0")/lib.bash"

XML=${DYAD_SHARED:-}/data/petrarch2/PETR.UnitTest.dev.xml
[ -f "$XML" ] || { echo "skip: $XML not found (no ../shared beside the project)"; exit 77; }

"$DYAD" validate "$XML" > "$T/out" 2> "$T/err"
expect_status 0 $? "dyad validate"
line=$(tail -n 1 "$T/out")
passed=$(printf '%s\n' "$line" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
failed=$(printf '%s\n' "$line" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
if [ -z "$passed" ]; then
    fail "no closing 'N passed, M failed' line"; show "$T/out"
else
    ok
    [ $((passed + failed)) -eq 139 ] && ok || fail "scored $((passed + failed)) records, expected 139"
    [ "$passed" -ge 126 ] && ok || { fail "only $passed records passed (at least 126 expected)"; show "$T/out"; }
fi
# Every failed record is named with what was expected and what dyad coded.
nfail=$(grep -c '^FAIL [^ ]*: expected .*; got ' "$T/out")
[ "$nfail" -eq "$failed" ] && ok || fail "$nfail FAIL lines for $failed failures"
finish
