# builtin_dict.sh: a few facts of the built-in dictionaries that the PolNeAR audit of
# issue 5 fixed (docs/DICTIONARIES.md): Americans of an origin are USA, a press
# conference is no meeting, "joined forces with X" takes X, a poll's share of voters is
# no event, and a passing mention of a pageant does not discard the story.
source "$(dirname "$0")/lib.bash"

# code NAME TEXT: code TEXT with the built-in dictionaries into $T/NAME.out (JSON Lines).
code() {
    printf '%s\n' "$2" > "$T/$1.txt"
    "$DYAD" code --date 2016-09-20 "$T/$1.txt" > "$T/$1.out" 2> "$T/$1.err"
    expect_status 0 $? "dyad code ($1)"
}

code origin 'Cuba criticized Cuban-Americans. Japan praised African-Americans.'
if grep -q '"source":"CUB","target":"USA"' "$T/origin.out" &&
    grep -q '"source":"JPN","target":"USA"' "$T/origin.out" &&
    ! grep -q '"target":"\(CUB\|AFR\)' "$T/origin.out"; then ok; else
    fail "Cuban-Americans and African-Americans should be USA"; show "$T/origin.out"; fi

code press 'Iran held a news conference with Iraq.'
if [ ! -s "$T/press.out" ]; then ok; else
    fail "a news conference is no meeting with the actor after it"; show "$T/press.out"; fi

code forces 'France joined forces with Germany. Iran joined forces with an unnamed group.'
if grep -q '"source":"FRA","target":"DEU","code":"060"' "$T/forces.out" &&
    ! grep -q 'MIL"' "$T/forces.out"; then ok; else
    fail "joined forces with X: X is the partner, the forces are no troops"; show "$T/forces.out"; fi

code poll 'The poll found that 73 percent of Democrats now support Clinton.'
if [ ! -s "$T/poll.out" ]; then ok; else
    fail "a poll's share of voters is no event"; show "$T/poll.out"; fi

code pageant 'Trump mocked Alicia Machado, a former Miss Universe. Russia criticized Ukraine.'
if grep -q '"source":"RUS","target":"UKR"' "$T/pageant.out"; then ok; else
    fail "a mention of Miss Universe discarded the whole story"; show "$T/pageant.out"; fi

finish
