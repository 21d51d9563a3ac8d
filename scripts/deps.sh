#!/bin/sh
# deps.sh - install the Debian packages dstatk builds and tests with.
# As root it runs apt-get; otherwise it prints the command and fails.
set -u
pkgs="gcc make pkg-config libjansson-dev libpcre2-dev libcmocka-dev mandoc
python3 python3-jsonschema jq tmux procps sysstat util-linux clang
clang-format"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "dstatk: missing packages:$missing" >&2
	echo "run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq $missing >/dev/null
