#!/bin/sh
# install-deps.sh: install the Debian packages dyad needs to build and test.
# The one place the dependencies are named (the README points here).
# As root it installs what is missing; otherwise it lists what is missing.
set -e
PKGS="build-essential cmake pkg-config libutf8proc-dev libjansson-dev libxml2-dev
libsqlite3-dev libcmocka-dev clang libclang-rt-14-dev iso-codes time"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "dyad needs these Debian packages:$missing" >&2
    echo "run as root: apt-get install$missing" >&2
    exit 1
fi
