#!/bin/sh
# run.sh - golden command tests, compared byte for byte under LC_ALL=C.
#
# A case is tests/golden/<name>.args (one argument per line; the word
# @ROOT@ stands for tests/fixtures) with <name>.expected (stdout),
# optional <name>.stderr (default: empty) and <name>.status (default: 0).
# Run from the project root: sh tests/golden/run.sh path/to/dstatk [case...]
set -u
bin=$1
shift
dir=tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Snapshot times are frozen at 1000.5 s so reports are reproducible.
LC_ALL=C TZ=UTC DSTATK_TEST_SNAPTIME=1000500000000
export LC_ALL TZ DSTATK_TEST_SNAPTIME
unset NO_COLOR DSTATK_OPTS || true
pass=0 fail=0
cases=$*
[ -n "$cases" ] || cases=$(ls $dir/*.args | sed 's|.*/||; s|\.args$||')
for c in $cases; do
	set --
	while IFS= read -r a || [ -n "$a" ]; do
		case $a in @ROOT@*) a="tests/fixtures${a#@ROOT@}" ;; esac
		set -- "$@" "$a"
	done < "$dir/$c.args"
	"$bin" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	st=$?
	want_st=0
	[ -f "$dir/$c.status" ] && want_st=$(cat "$dir/$c.status")
	[ -f "$dir/$c.stderr" ] && cp "$dir/$c.stderr" "$tmp/werr" || : > "$tmp/werr"
	ok=1
	cmp -s "$tmp/out" "$dir/$c.expected" || { ok=0; echo "golden $c: stdout differs:"; diff "$dir/$c.expected" "$tmp/out" | head -20; }
	cmp -s "$tmp/err" "$tmp/werr" || { ok=0; echo "golden $c: stderr differs:"; diff "$tmp/werr" "$tmp/err" | head -10; }
	[ "$st" = "$want_st" ] || { ok=0; echo "golden $c: exit status $st, want $want_st"; }
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
