# lib.bash: helpers shared by the CLI tests (tests/cli/*.sh, run by ctest as
# `bash script.sh path/to/dyad`).  Not a test itself: ctest only runs *.sh.
set -u

DYAD=${1:?usage: bash $0 path/to/dyad}
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac
[ -x "$DYAD" ] || { echo "not executable: $DYAD" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT

failures=0
checks=0

ok() { checks=$((checks + 1)); }

# fail MESSAGE: record a failed check and go on, so one run shows every failure.
fail() {
    checks=$((checks + 1))
    failures=$((failures + 1))
    echo "FAIL: $*" >&2
}

# expect_status WANT GOT WHAT
expect_status() {
    if [ "$2" -eq "$1" ]; then ok; else fail "$3: exit status $2, expected $1"; fi
}

# show FILE: the head of a file, for failure messages.
show() {
    echo "--- $1 (first lines):" >&2
    head -c 2000 "$1" | head -n 10 >&2
}

finish() {
    echo "$((checks - failures)) of $checks checks passed"
    [ "$failures" -eq 0 ]
    exit $?
}

skip() {
    echo "SKIP: $*"
    exit 77
}
