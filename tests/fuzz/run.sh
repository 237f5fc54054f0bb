#!/bin/sh
# run.sh BUILD SECONDS: run every libFuzzer target BUILD/fuzz_* for SECONDS each over
# its corpus tests/corpus/fuzz_X/.  New inputs and crashes go to a temp directory,
# never into the repository; the script says how to merge them.  Exit 1 on a crash.
set -u
BUILD=${1:?usage: sh tests/fuzz/run.sh BUILD SECONDS}
SECONDS_EACH=${2:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(mktemp -d "${TMPDIR:-/tmp}/dyad-fuzz.XXXXXX")

found=0
crashed=""
for bin in "$BUILD"/fuzz_*; do
    [ -x "$bin" ] && [ -f "$bin" ] || continue
    found=$((found + 1))
    name=$(basename "$bin")
    corpus=$ROOT/tests/corpus/$name
    mkdir -p "$corpus" "$OUT/$name/new" "$OUT/$name/crashes"
    log=$OUT/$name/log
    # The first directory receives new inputs; the repository corpus is only read.
    "$bin" -max_len=65536 -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
        -artifact_prefix="$OUT/$name/crashes/" "$OUT/$name/new" "$corpus" > "$log" 2>&1
    rc=$?
    new=$(find "$OUT/$name/new" -type f | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    crashes=$(find "$OUT/$name/crashes" -type f | wc -l)
    if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        echo "$name: CRASHED (exit $rc) after ${execs:-?} runs"
        grep -m 1 -E 'ERROR: |SUMMARY: |runtime error' "$log" | sed 's/^/  /'
        for f in "$OUT/$name/crashes"/*; do
            [ -f "$f" ] && echo "  crash input: $f"
        done
        echo "  log: $log"
        echo "  reproduce: $bin <crash input>"
        echo "  keep it as a regression (replayed by ctest): cp <crash input> $corpus/"
        crashed="$crashed $name"
    else
        echo "$name: ok, ${execs:-?} runs in ${SECONDS_EACH}s, $new new inputs in $OUT/$name/new"
        if [ "$new" -gt 0 ]; then
            echo "  merge what adds coverage: $bin -merge=1 $corpus $OUT/$name/new"
        fi
    fi
done

if [ "$found" -eq 0 ]; then
    echo "no fuzz_* targets in $BUILD (configure with CC=clang -DDYAD_FUZZ=ON)" >&2
    exit 1
fi
if [ -n "$crashed" ]; then
    echo "crashed:$crashed (inputs and logs under $OUT)"
    exit 1
fi
echo "$found targets ran without a crash; their new inputs are in $OUT"
exit 0
