#!/bin/sh
# run.sh - command tests that golden files cannot hold: output that depends
# on the clock (-T u, -T d), on the machine (a smoke test over the real
# /proc), on how stdout fails (/dev/full, a reader that goes away), and
# JSON streams checked with jq. Shapes are checked with grep, awk and jq.
#
# Run from the project root: sh tests/cli/run.sh path/to/dstatk
# Prints "cli: N passed, M failed"; exits non-zero if any failed.
set -u
bin=$1
odd=tests/fixtures/odd
procfs=tests/fixtures/procfs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C TZ=UTC
export LC_ALL TZ
unset DSTATK_TEST_SNAPTIME NO_COLOR DSTATK_OPTS || true
pass=0 fail=0
have_jq=1
command -v jq > /dev/null 2>&1 || have_jq=0

ok() {
	pass=$((pass + 1))
}

bad() { # name, what went wrong
	fail=$((fail + 1))
	echo "cli $1: $2"
	if [ -s "$tmp/err" ]; then
		sed 's/^/    stderr: /' "$tmp/err" | head -5
	fi
}

# run args...: stdout in $tmp/out, stderr in $tmp/err, status in $st.
run() {
	"$bin" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	st=$?
}

# expect_status name want: the last run's status, and no stderr.
expect_status() {
	if [ "$st" != "$2" ]; then
		bad "$1" "exit status $st, want $2"
	elif [ -s "$tmp/err" ]; then
		bad "$1" "unexpected stderr"
	else
		ok
	fi
}

# jq_is name filter want: jq -s filter over $tmp/out prints want.
jq_is() {
	if [ $have_jq = 0 ]; then
		bad "$1" "jq is not installed"
		return
	fi
	got=$(jq -s -c "$2" < "$tmp/out" 2>&1)
	if [ "$got" = "$3" ]; then
		ok
	else
		bad "$1" "jq -s '$2' gave '$got', want '$3'"
	fi
}

# line_is name n want: line n of $tmp/out is exactly want.
line_is() {
	got=$(sed -n "$2p" "$tmp/out")
	if [ "$got" = "$3" ]; then
		ok
	else
		bad "$1" "line $2 is '$got', want '$3'"
	fi
}

# --- -T u and -T d: a timestamp line before each report ---------------

now=$(date +%s)
run --root $odd -T u -p load:::avg1
expect_status t-u-status 0
stamp=$(sed -n 1p "$tmp/out")
if printf '%s\n' "$stamp" | grep -Eq '^[0-9]+$' &&
    [ "$stamp" -ge "$now" ] && [ "$stamp" -le $((now + 5)) ]; then
	ok
else
	bad t-u-stamp "first line '$stamp' is not the epoch time ($now)"
fi
line_is t-u-report 2 "$(printf 'load:0:loadavg:avg1\t10')"
if [ "$(wc -l < "$tmp/out")" -eq 2 ]; then ok; else bad t-u-lines "want 2 lines"; fi

run --root $odd -T d -p load:::avg1
expect_status t-d-status 0
# kstat's C-locale date: "Sun Nov 22 02:12:20 UTC 2026".
if sed -n 1p "$tmp/out" | grep -Eq \
    '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ 123][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] UTC [0-9]{4}$'; then
	ok
else
	bad t-d-stamp "first line '$(sed -n 1p "$tmp/out")' is not a date"
fi
line_is t-d-report 2 "$(printf 'load:0:loadavg:avg1\t10')"

# Intervals: a timestamp before every report, reports apart by a blank.
run --root $odd -T u -p load:::avg1 0.05 2
expect_status t-u-interval-status 0
if awk 'NR == 1 || NR == 4 { if ($0 !~ /^[0-9]+$/) exit 1 }
    NR == 3 { if ($0 != "") exit 1 }
    NR == 2 || NR == 5 { if ($0 != "load:0:loadavg:avg1\t10") exit 1 }
    END { if (NR != 5) exit 1 }' "$tmp/out"; then
	ok
else
	bad t-u-interval "want stamp, line, blank, stamp, line"
fi

# In JSON the timestamp is a JSON text of its own: the stream stays valid.
run --root $odd -T u -j load:::avg1 0.05 2
expect_status t-u-json-status 0
jq_is t-u-json '[.[] | type]' '["number","array","number","array"]'
run --root $odd -T d -j load:::avg1
expect_status t-d-json-status 0
jq_is t-d-json '[.[] | type]' '["string","array"]'
jq_is t-d-json-date '.[0] | test("^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9][0-9] ")' \
    'true'

# --- how stdout fails -------------------------------------------------

"$bin" --root $odd -p > /dev/full 2> "$tmp/err"
st=$?
if [ "$st" = 3 ] && [ "$(cat "$tmp/err")" = \
    "dstatk: write error: No space left on device" ]; then
	ok
else
	bad dev-full "status $st, stderr '$(cat "$tmp/err")'"
fi

# A reader that goes away (head) ends dstatk quietly with status 0. The
# reports are bigger than a pipe's buffer, and there are several, so
# dstatk does write into the closed pipe.
{
	DSTATK_TEST_SNAPTIME=1 "$bin" --root $procfs -j 0.01 5 2> "$tmp/err"
	echo $? > "$tmp/st"
} | head -c 100 > "$tmp/out"
st=$(cat "$tmp/st")
if [ "$st" = 0 ] && [ ! -s "$tmp/err" ] &&
    [ "$(wc -c < "$tmp/out")" -eq 100 ]; then
	ok
else
	bad epipe "status $st, $(wc -c < "$tmp/out") bytes, want 0 and 100"
fi
# The same with the live system and one report.
{
	"$bin" -j 2> "$tmp/err"
	echo $? > "$tmp/st"
} | head -c 100 > "$tmp/out"
st=$(cat "$tmp/st")
if [ "$st" = 0 ] && [ ! -s "$tmp/err" ] && [ "$(head -c 3 "$tmp/out")" = "[
{" ]; then
	ok
else
	bad epipe-live "status $st, want 0, no stderr, output starting '[\\n{'"
fi

# --- the real /proc of this machine -----------------------------------

run -p
expect_status live-p-status 0
n=$(wc -l < "$tmp/out")
if [ "$n" -ge 100 ]; then ok; else bad live-p-lines "only $n lines"; fi
# Every line: a key of exactly four fields (three colons), a TAB, a value.
if awk -F '\t' 'NF != 2 || split($1, f, ":") != 4 || $1 ~ / / { exit 1 }' \
    "$tmp/out"; then
	ok
else
	bad live-p-shape "a line is not key<TAB>value with a 4-field key"
fi
for m in cpu mem vm load net; do
	if grep -q "^$m:" "$tmp/out"; then
		ok
	else
		bad live-p-$m "no $m records"
	fi
done
# Sorted and unique: the same keys as sort -u would give for cpu.
grep '^cpu:[0-9]*:times:user	' "$tmp/out" | cut -d: -f2 > "$tmp/cpus"
if sort -n -c "$tmp/cpus" 2> /dev/null && [ -s "$tmp/cpus" ]; then
	ok
else
	bad live-p-order "cpu instances not in numeric order"
fi

run -j net:lo
expect_status live-j-lo-status 0
jq_is live-j-lo '.[0][0].data.rx_bytes >= 0' 'true'
jq_is live-j-lo-meta '.[0][0].meta.rx_bytes.unit' '"bytes"'

run -j
expect_status live-j-status 0
jq_is live-j-valid '.[0] | length > 10' 'true'

run -L cpu:total
expect_status live-L-status 0
line_is live-L-first 1 "cpu:total:times:class"

run -q cpu
expect_status live-q-match 0
if [ -s "$tmp/out" ]; then bad live-q-quiet "-q printed something"; else ok; fi
run -q nosuch
expect_status live-q-nomatch 1
run -p nosuch
expect_status live-p-nomatch 1
if [ -s "$tmp/out" ]; then bad live-p-nomatch-out "printed something"; else ok; fi

# Intervals on the live system: sources re-read, reports apart by a blank.
run -p cpu:total 0.1 3
expect_status live-interval-status 0
blocks=$(grep -c '^cpu:total:times:user	' "$tmp/out")
blanks=$(grep -c '^$' "$tmp/out")
if [ "$blocks" = 3 ] && [ "$blanks" = 2 ] &&
    [ "$(sed -n 1p "$tmp/out")" = "$(printf 'cpu:total:times:class\tcpu')" ]; then
	ok
else
	bad live-interval "$blocks reports and $blanks blank lines, want 3 and 2"
fi
# The snaptime moves on between reports.
if grep '^cpu:total:times:snaptime	' "$tmp/out" | cut -f2 |
    awk 'NR > 1 && $1 <= last { exit 1 } { last = $1 }'; then
	ok
else
	bad live-interval-snaptime "snaptime does not increase"
fi

run -j cpu 0.1 2
expect_status live-json-stream-status 0
jq_is live-json-stream 'length' '2'
jq_is live-json-stream-cpu '[.[] | map(.module) | unique]' '[["cpu"],["cpu"]]'

run -T u -j 0.1 2
expect_status live-json-tu-status 0
jq_is live-json-tu '[.[] | type]' '["number","array","number","array"]'

echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
