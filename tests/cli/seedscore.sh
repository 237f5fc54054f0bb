# seedscore.sh: code the two seed reports with the built-in dictionaries and score
# them against the seed gold with dyad-seedscore (built beside dyad).  A report,
# not a threshold: it fails only when dyad or the scorer breaks.
source "$(dirname "$0")/lib.bash"

SEEDS=${DYAD_SHARED:-}/seeds
[ -n "${DYAD_SHARED:-}" ] && [ -f "$SEEDS/gold/events.jsonl" ] ||
    skip "\$DYAD_SHARED/seeds is absent: no seed gold to score against"
SCORER=$(dirname "$DYAD")/dyad-seedscore
[ -x "$SCORER" ] || { echo "no scorer at $SCORER" >&2; exit 1; }

# The article dates (NOTES.md): 000 is Thursday 2014-09-11, 003 Friday 2014-09-12.
"$DYAD" code --date 2014-09-11 "$SEEDS"/000_*.txt > "$T/events.jsonl" 2> "$T/err"
expect_status 0 $? "dyad code on seed 000"
"$DYAD" code --date 2014-09-12 "$SEEDS"/003_*.txt >> "$T/events.jsonl" 2>> "$T/err"
expect_status 0 $? "dyad code on seed 003"
[ -s "$T/err" ] && show "$T/err"

"$SCORER" --gold "$SEEDS/gold/events.jsonl" "$T/events.jsonl" > "$T/score" 2> "$T/err"
expect_status 0 $? "dyad-seedscore"
if grep -q '^recall ' "$T/score" && grep -q '^precision ' "$T/score"; then ok; else
    fail "dyad-seedscore printed no recall/precision"; show "$T/err"; fi
cat "$T/score"

finish
