#!/bin/sh
# check-symbols.sh - every global symbol the library defines starts with dk_
# (the sanitizers add their own __asan and __odr_asan ones).
set -eu
bad=$(nm -g --defined-only "$1" | awk 'NF == 3 { print $3 }' | grep -v '^dk_' | grep -Ev '^__(odr_asan|asan|ubsan|sancov)' || true)
if [ -n "$bad" ]; then
	echo "symbols without the dk_ prefix in $1:" >&2
	echo "$bad" >&2
	exit 1
fi
echo "symbols: every exported symbol has the dk_ prefix"
