#!/bin/sh
# compare-dicts.sh: codes a set of text files twice, with dyad's built-in dictionaries and
# with the Phoenix set, and prints both event counts, how many of the Phoenix run's
# per-document (source[:3], target[:3], root) triples the built-in run also finds, and the
# most frequent disagreements.  A hand-run measuring tool for issue 5 (docs/DICTIONARIES.md).
#
# usage: tools/compare-dicts.sh DYAD [SHARED] [TOP]
#   DYAD    the dyad binary
#   SHARED  the shared data directory (default: $DYAD_SHARED, else /work/shared)
#   TOP     how many disagreements of each side to list (default 20)
# Texts: SHARED/data/polnear/dev/text/*.txt, each dated from SHARED/data/polnear/metadata.tsv
# (2016-09-15 when the file is not listed there).  Set KEEP=DIR to keep the TSV outputs,
# DYAD_OPTS to pass options to both runs (e.g. --no-parse), SET=train to code the 840
# training articles instead of the 84 dev ones (a check that a change is not fitted to dev).
set -eu

dyad=${1:?usage: compare-dicts.sh DYAD [SHARED] [TOP]}
shared=${2:-${DYAD_SHARED:-/work/shared}}
top=${3:-20}
texts=$shared/data/polnear/${SET:-dev}/text
meta=$shared/data/polnear/metadata.tsv
p=$shared/data/petrarch2
[ -d "$texts" ] || { echo "compare-dicts: no $texts" >&2; exit 77; }

work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# One dyad run per date, so every file is coded with its own publication date.
code_all() { # $1: output TSV, then dictionary options
    out=$1
    shift
    : >"$out"
    for f in "$texts"/*.txt; do
        name=$(basename "$f" .txt)
        d=$(awk -F'\t' -v n="$name" '$2 == n { print $6; exit }' "$meta" 2>/dev/null || true)
        printf '%s\t%s\n' "${d:-2016-09-15}" "$f"
    done | sort | awk -F'\t' '{ if ($1 != last) { if (last != "") printf "\n"; printf "%s", $1; last = $1 } printf "\t%s", $2 } END { printf "\n" }' |
        while IFS= read -r line; do
            date=$(printf '%s' "$line" | cut -f1)
            files=$(printf '%s' "$line" | cut -f2- | tr '\t' '\n')
            # shellcheck disable=SC2086
            printf '%s\n' "$files" | tr '\n' '\0' |
                xargs -0 "$dyad" code ${DYAD_OPTS:-} --format tsv --date "$date" "$@" | sed 1d >>"$out"
        done
}

code_all "$work/builtin.tsv"
code_all "$work/phoenix.tsv" --verbs "$p/CAMEO.2.0.txt" \
    --actors "$p/Phoenix.Countries.actors.txt" --actors "$p/Phoenix.International.actors.txt" \
    --actors "$p/Phoenix.MilNonState.actors.txt" --agents "$p/Phoenix.agents.txt" \
    --discards "$p/Phoenix.discards.txt"

# Columns of dyad's TSV: 6 source, 10 target, 15 root, 27 document.
triples() { awk -F'\t' '{ print $27 "\t" substr($6, 1, 3) "\t" substr($10, 1, 3) "\t" $15 }' "$1" | sort -u; }
triples "$work/builtin.tsv" >"$work/builtin.keys"
triples "$work/phoenix.tsv" >"$work/phoenix.keys"

nb=$(wc -l <"$work/builtin.tsv")
np=$(wc -l <"$work/phoenix.tsv")
kb=$(wc -l <"$work/builtin.keys")
kp=$(wc -l <"$work/phoenix.keys")
both=$(comm -12 "$work/builtin.keys" "$work/phoenix.keys" | wc -l)

echo "events    built-in $nb   phoenix $np   ratio $(awk -v a="$nb" -v b="$np" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
echo "triples   built-in $kb   phoenix $kp   shared $both"
echo "agreement $(awk -v a="$both" -v b="$kp" 'BEGIN { printf "%.1f%%", b ? 100 * a / b : 0 }') of the phoenix triples are found by the built-in run"
echo "          $(awk -v a="$both" -v b="$kb" 'BEGIN { printf "%.1f%%", b ? 100 * a / b : 0 }') of the built-in triples are found by the phoenix run"

echo
echo "phoenix only (source target root: documents):"
comm -13 "$work/builtin.keys" "$work/phoenix.keys" | cut -f2- | sort | uniq -c | sort -rn | head -n "$top"
echo
echo "built-in only (source target root: documents):"
comm -23 "$work/builtin.keys" "$work/phoenix.keys" | cut -f2- | sort | uniq -c | sort -rn | head -n "$top"
